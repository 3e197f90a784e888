import { describe, expect, test } from 'vitest';
import { pytorchScript } from '../code';
import { defaultConfig } from '../../engine/train/config';
import { LineTokenizer, tokenizeLine, tokenizeLines, type LineState, type Token } from './tokenize';

/** [kind, text] of the tokens that are not just spaces */
const kinds = (tokens: Token[]) => tokens.filter((t) => t.kind !== 'plain' || t.text.trim() !== '').map((t) => [t.kind, t.text.trim()]);
const ofKind = (line: string, kind: Token['kind']) => tokenizeLine(line).tokens.filter((t) => t.kind === kind).map((t) => t.text);

describe('tokenizeLine', () => {
  test('keywords, builtins, constants, numbers and an end-of-line comment', () => {
    const { tokens, state } = tokenizeLine('for epoch in range(1, EPOCHS + 1):  # each pass');
    expect(state).toBeNull();
    expect(kinds(tokens)).toEqual([
      ['keyword', 'for'], ['plain', 'epoch'], ['keyword', 'in'], ['builtin', 'range'], ['plain', '('], ['number', '1'],
      ['plain', ','], ['constant', 'EPOCHS'], ['plain', '+'], ['number', '1'], ['plain', '):'], ['comment', '# each pass'],
    ]);
  });

  test('attribute calls are calls; a keyword or builtin after a dot is neither', () => {
    const { tokens } = tokenizeLine('optimizer = torch.optim.Adam(model.parameters(), lr=0.01)');
    expect(tokens.filter((t) => t.kind === 'call').map((t) => t.text)).toEqual(['Adam', 'parameters']);
    expect(ofKind('optimizer = torch.optim.Adam(model.parameters(), lr=0.01)', 'number')).toEqual(['0.01']);
    expect(ofKind('x.None', 'keyword')).toEqual([]);
    expect(ofKind('self.s = [s0, s1]', 'builtin')).toEqual(['self']);
    expect(ofKind('np.round(x)', 'builtin')).toEqual([]);
  });

  test('the name after def or class is a definition, not a call', () => {
    expect(ofKind('def evaluate(x, y):', 'definition')).toEqual(['evaluate']);
    expect(ofKind('class PlaygroundRandom:', 'definition')).toEqual(['PlaygroundRandom']);
    expect(ofKind('    def __init__(self, seed):', 'definition')).toEqual(['__init__']);
    expect(ofKind('def evaluate(x, y):', 'call')).toEqual([]);
  });

  test('decorators at the start of a line; @ elsewhere is an operator', () => {
    expect(kinds(tokenizeLine('    @torch.no_grad()').tokens)).toEqual([['decorator', '@torch.no_grad'], ['plain', '()']]);
    expect(ofKind('z = a @ b', 'decorator')).toEqual([]);
  });

  test('ALL_CAPS names are the settings; one capital letter or mixed case is not', () => {
    expect(ofKind('BATCH_SIZE = 16', 'constant')).toEqual(['BATCH_SIZE']);
    expect(ofKind('X_train, X_val = x, y', 'constant')).toEqual([]);
    expect(ofKind('MASK = 0xFFFFFFFF', 'constant')).toEqual(['MASK']);
  });

  test('numbers: hex, exponent, leading dot; digits inside names are not numbers', () => {
    expect(ofKind('MASK = 0xFFFFFFFF', 'number')).toEqual(['0xFFFFFFFF']);
    expect(ofKind('eps = 1e-08; w = 5e-4 * .5 + 4294967296', 'number')).toEqual(['1e-08', '5e-4', '.5', '4294967296']);
    expect(ofKind('x1 = fc2(h3)', 'number')).toEqual([]);
  });

  test('strings with prefixes and escapes, and # inside a string is not a comment', () => {
    const { tokens } = tokenizeLine('print(f"epoch {epoch:3d} # not a comment \\" still", \'a\')  # real');
    expect(kinds(tokens)).toEqual([
      ['builtin', 'print'], ['plain', '('], ['string', 'f"epoch {epoch:3d} # not a comment \\" still"'], ['plain', ','],
      ['string', "'a'"], ['plain', ')'], ['comment', '# real'],
    ]);
  });

  test('the tokens put back together are the line, Chinese comments included', () => {
    const line = 'held = min(len(rows) - 1, round_half_up(len(rows) * fraction))  # 每个类别留出的行数';
    expect(tokenizeLine(line).tokens.map((t) => t.text).join('')).toBe(line);
  });
});

describe('tokenizeLines', () => {
  test('a triple-quoted string carries over until it closes', () => {
    const lines = ['IRIS_CSV = """\\', '150,4,setosa', '5.1,3.5,1.4,0.2,0', '"""', 'table = np.loadtxt(IRIS_CSV)'];
    const tokens = tokenizeLines(lines);
    expect(tokens[0].map((t) => t.kind)).toEqual(['constant', 'plain', 'string']);
    expect(tokens[1]).toEqual([{ kind: 'string', text: '150,4,setosa' }]);
    expect(tokens[2]).toEqual([{ kind: 'string', text: '5.1,3.5,1.4,0.2,0' }]);
    expect(tokens[3]).toEqual([{ kind: 'string', text: '"""' }]);
    expect(tokens[4].find((t) => t.kind === 'call')?.text).toBe('loadtxt');
  });

  test('every generated program round-trips, each comment line is one comment token, zero_grad is a call', () => {
    const config = defaultConfig();
    const configs = [config, { ...config, data: { ...config.data, dataset: 'iris' as const } }, { ...config, data: { ...config.data, dataset: 'digits' as const } }];
    for (const c of configs) {
      for (const language of ['en', 'zh-CN'] as const) {
        const code = pytorchScript(c, { language });
        const lines = code.lines.map((l) => l.text);
        const tokens = tokenizeLines(lines);
        tokens.forEach((t, i) => expect(t.map((x) => x.text).join('')).toBe(lines[i]));
        code.lines.forEach((l, i) => {
          if (l.kind === 'comment' || l.kind === 'section' || l.kind === 'header') expect(tokens[i].filter((t) => t.text.trim() !== '').map((t) => t.kind)).toEqual(['comment']);
          if (l.kind === 'data') expect(tokens[i].every((t) => t.kind === 'string')).toBe(true);
        });
        const zeroGrad = lines.findIndex((l) => l.includes('optimizer.zero_grad()'));
        expect(tokens[zeroGrad].some((t) => t.kind === 'call' && t.text === 'zero_grad')).toBe(true);
        // the program ends outside any string, and its last print is code, not text
        let state: LineState = null;
        for (const line of lines) state = tokenizeLine(line, state).state;
        expect(state).toBeNull();
        const final = lines.findIndex((l) => l.startsWith('print("FINAL'));
        expect(tokens[final][0]).toEqual({ kind: 'builtin', text: 'print' });
      }
    }
  });
});

describe('LineTokenizer', () => {
  test('after a change, only the rewritten lines are tokenized; the others keep their token arrays', () => {
    const config = defaultConfig();
    const tokenizer = new LineTokenizer();
    const before = pytorchScript(config, { language: 'en' }).lines.map((l) => l.text);
    const after = pytorchScript({ ...config, optimizer: { ...config.optimizer, lr: 0.003 } }, { language: 'en' }).lines.map((l) => l.text);
    const a = tokenizer.tokenize(before);
    const sizeBefore = tokenizer.size;
    const b = tokenizer.tokenize(after);
    const rewritten = after.filter((line, i) => line !== before[i]).length;
    expect(rewritten).toBe(1);
    expect(tokenizer.size - sizeBefore).toBe(1); // one new (state, text) pair
    const same = b.filter((tokens, i) => tokens === a[i]).length;
    expect(same).toBe(after.length - 1);
  });

  test('the same text inside and outside a string gets different tokens', () => {
    const tokenizer = new LineTokenizer();
    const [outside] = tokenizer.tokenize(['x = 1']);
    const inside = tokenizer.tokenize(['s = """', 'x = 1', '"""'])[1];
    expect(outside.map((t) => t.kind)).toContain('number');
    expect(inside).toEqual([{ kind: 'string', text: 'x = 1' }]);
  });

  test('the cache is emptied when it reaches its limit, and still answers right', () => {
    const tokenizer = new LineTokenizer(3);
    tokenizer.tokenize(['a = 1', 'b = 2', 'c = 3']);
    expect(tokenizer.size).toBe(3);
    const [d] = tokenizer.tokenize(['d = 4']);
    expect(tokenizer.size).toBe(1);
    expect(d.map((t) => t.text).join('')).toBe('d = 4');
  });
});
