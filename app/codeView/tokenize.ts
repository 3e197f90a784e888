/**
 * A small Python tokenizer for syntax highlighting — enough for what the code generator emits:
 * comments, strings (with prefixes, and triple-quoted strings that span lines), numbers, keywords,
 * builtins, constants (`EPOCHS`, `BATCH_SIZE`: the knobs), names being defined (`def evaluate`),
 * calls and decorators. Everything else is plain text. Lines are tokenized in order because a
 * triple-quoted string carries over from one line to the next.
 */

export type TokenKind =
  | 'plain'
  | 'comment'
  | 'string'
  | 'number'
  | 'keyword'
  | 'builtin'
  | 'constant'
  | 'definition'
  | 'call'
  | 'decorator';

export interface Token {
  kind: TokenKind;
  text: string;
}

/** The quote that closes an open triple-quoted string, or null outside one. */
export type LineState = '"""' | "'''" | null;

const KEYWORDS = new Set([
  'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except',
  'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass',
  'raise', 'return', 'try', 'while', 'with', 'yield', 'True', 'False', 'None',
]);

const BUILTINS = new Set([
  'abs', 'all', 'any', 'bool', 'dict', 'enumerate', 'filter', 'float', 'globals', 'int', 'isinstance', 'iter',
  'len', 'list', 'map', 'max', 'min', 'next', 'open', 'print', 'range', 'reversed', 'round', 'self', 'set',
  'sorted', 'str', 'sum', 'super', 'tuple', 'type', 'zip',
]);

const IDENTIFIER = /[A-Za-z_\u00c0-\uffff][A-Za-z0-9_\u00c0-\uffff]*/y;
const NUMBER = /(?:0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?j?)/y;
const STRING_PREFIX = /^(?:[rRbBuUfF]|[rR][bBfF]|[bBfF][rR])$/;
/** ALL_CAPS names are the script's settings (`EPOCHS`, `BATCH_SIZE`) — what the knobs write. */
const CONSTANT = /^[A-Z][A-Z0-9_]*[A-Z0-9]$/;

function push(tokens: Token[], kind: TokenKind, text: string): void {
  if (text === '') return;
  const last = tokens[tokens.length - 1];
  if (last !== undefined && last.kind === kind) last.text += text;
  else tokens.push({ kind, text });
}

/** Where a string that opens at `start` (just after its quote) ends; -1 if the line ends first. */
function stringEnd(line: string, start: number, quote: string): number {
  for (let i = start; i < line.length; i++) {
    if (line[i] === '\\') {
      i++;
      continue;
    }
    if (line.startsWith(quote, i)) return i + quote.length;
  }
  return -1;
}

/** The last non-blank token's text, to tell `def name` and `x.name` apart. */
function previousWord(tokens: Token[]): string {
  for (let k = tokens.length - 1; k >= 0; k--) {
    const text = tokens[k].text.trimEnd();
    if (text !== '') return text;
  }
  return '';
}

/**
 * Pushes the string literal that starts at `start` (its prefix, if any) with its quote at
 * `quoteAt`. Either it ends on this line (`next` is the index after it) or it stays open
 * (a triple-quoted string carries on; a single-quoted one is cut at the line's end).
 */
function readString(
  line: string,
  start: number,
  quoteAt: number,
  tokens: Token[],
): { open: false; next: number } | { open: true; state: LineState } {
  const quote = line[quoteAt];
  const triple = line.startsWith(quote.repeat(3), quoteAt) ? quote.repeat(3) : quote;
  const end = stringEnd(line, quoteAt + triple.length, triple);
  if (end < 0) {
    push(tokens, 'string', line.slice(start));
    return { open: true, state: triple.length === 3 ? (triple as LineState) : null };
  }
  push(tokens, 'string', line.slice(start, end));
  return { open: false, next: end };
}

/** One line's tokens, given the state the previous line left, and the state this one leaves. */
export function tokenizeLine(line: string, state: LineState = null): { tokens: Token[]; state: LineState } {
  const tokens: Token[] = [];
  let i = 0;
  if (state !== null) {
    const end = stringEnd(line, 0, state);
    if (end < 0) return { tokens: line === '' ? [] : [{ kind: 'string', text: line }], state };
    push(tokens, 'string', line.slice(0, end));
    i = end;
  }
  while (i < line.length) {
    const c = line[i];
    if (c === '#') {
      push(tokens, 'comment', line.slice(i));
      break;
    }
    if (c === '@' && line.slice(0, i).trim() === '') {
      // a decorator: `@torch.no_grad()` at the start of a line (elsewhere @ is matrix multiplication)
      const name = /^@[A-Za-z_][\w.]*/.exec(line.slice(i));
      if (name !== null) {
        push(tokens, 'decorator', name[0]);
        i += name[0].length;
        continue;
      }
    }
    if (c === '"' || c === "'") {
      const end = readString(line, i, i, tokens);
      if (end.open) return { tokens, state: end.state };
      i = end.next;
      continue;
    }
    IDENTIFIER.lastIndex = i;
    const word = IDENTIFIER.exec(line);
    if (word !== null) {
      const text = word[0];
      const after = i + text.length;
      if (STRING_PREFIX.test(text) && (line[after] === '"' || line[after] === "'")) {
        // f"…", r"…", b'…': the prefix belongs to the string
        const end = readString(line, i, after, tokens);
        if (end.open) return { tokens, state: end.state };
        i = end.next;
        continue;
      }
      const attribute = i > 0 && line[i - 1] === '.';
      const before = previousWord(tokens);
      let kind: TokenKind = 'plain';
      if (KEYWORDS.has(text) && !attribute) kind = 'keyword';
      else if (before === 'def' || before === 'class') kind = 'definition';
      else if (BUILTINS.has(text) && !attribute) kind = 'builtin';
      else if (line[after] === '(') kind = 'call';
      else if (CONSTANT.test(text)) kind = 'constant';
      push(tokens, kind, text);
      i = after;
      continue;
    }
    if (/[0-9.]/.test(c)) {
      NUMBER.lastIndex = i;
      const number = NUMBER.exec(line);
      if (number !== null && number[0] !== '.' && number[0] !== '') {
        push(tokens, 'number', number[0]);
        i += number[0].length;
        continue;
      }
    }
    push(tokens, 'plain', c);
    i++;
  }
  return { tokens, state: null };
}

/**
 * Tokenizes lines one after another, remembering each line's tokens by its text and the state it
 * starts in: after a setting changes, only the lines it rewrote are tokenized again, and unchanged
 * lines keep the very same token arrays (so their rows are not redrawn).
 */
export class LineTokenizer {
  private readonly cache = new Map<string, { tokens: Token[]; state: LineState }>();

  constructor(private readonly limit = 20_000) {}

  tokenize(lines: readonly string[]): Token[][] {
    let state: LineState = null;
    return lines.map((line) => {
      const key = `${state ?? ''}\u0000${line}`;
      let result = this.cache.get(key);
      if (result === undefined) {
        result = tokenizeLine(line, state);
        // Programs differ in a few lines: the cache only outgrows its limit after many data sets.
        if (this.cache.size >= this.limit) this.cache.clear();
        this.cache.set(key, result);
      }
      state = result.state;
      return result.tokens;
    });
  }

  get size(): number {
    return this.cache.size;
  }
}

/** Every line's tokens, carrying triple-quoted strings from line to line (no cache). */
export function tokenizeLines(lines: readonly string[]): Token[][] {
  return new LineTokenizer(Number.POSITIVE_INFINITY).tokenize(lines);
}
