/**
 * The program in a scrollable box, with a "Go to" list of its parts above it: highlighted tokens, line
 * numbers, folded data rows, parts that collapse to their heading, a flash on the lines the last
 * setting change rewrote, and a steady mark on the lines of the setting being pointed at. Both
 * scroll the box (never the page) to bring their lines into view.
 */
import { forwardRef, memo, useCallback, useEffect, useId, useImperativeHandle, useMemo, useRef, useState, type CSSProperties, type ForwardedRef, type KeyboardEvent, type ReactNode } from 'react';
import type { GeneratedCode, SectionId } from '../code';
import { useMessages } from '../i18n';
import { prefersReducedMotion, selectContents } from './browser';
import type { ViewCode } from './memo';
import { layoutRows, rowKey, rowKeysOf, scrollTopFor, sectionAt, type CodeSection, type Layout, type Row } from './rows';
import type { Token } from './tokenize';

/** How long changed lines stay lit (the CSS fade lasts as long). */
export const FLASH_MS = 1500;
/** Pointing at controls one after another should not make the box jump at each: wait this long. */
const POINT_SCROLL_DELAY_MS = 120;
/** After "Go to", the list keeps the chosen part while the box glides there. */
const JUMP_PIN_MS = 900;
/** Parts folded away at first: the port of the playground's random numbers is plumbing, not the lesson. */
const COLLAPSED_AT_FIRST: readonly SectionId[] = ['random'];

export interface CodeViewHandle {
  /** Shows every line and selects the program, for a person to copy it when the browser would not. */
  selectAll: () => void;
}

interface CodeViewProps {
  view: ViewCode;
  /** a change in language rewrites every comment: not a change worth lighting up */
  language: string;
  hoveredField: string | null;
  /** long lines wrap inside the box instead of scrolling sideways */
  wrap: boolean;
  changedLines: (before: GeneratedCode, after: GeneratedCode) => number[];
  linesForField: (code: GeneratedCode, path: string) => number[];
  /** more controls for the row above the box (the wrap switch) */
  options?: ReactNode;
}

const NO_LINES: ReadonlySet<string> = new Set();
const NO_EDGES = { first: false, last: false };

function CodeViewInner(props: CodeViewProps, ref: ForwardedRef<CodeViewHandle>) {
  const { view, language, hoveredField, wrap, changedLines, linesForField } = props;
  const m = useMessages();
  const selectId = useId();
  const box = useRef<HTMLDivElement>(null);
  const linesElement = useRef<HTMLDivElement>(null);
  const [openFolds, setOpenFolds] = useState<ReadonlySet<number>>(() => new Set());
  const [collapsed, setCollapsed] = useState<ReadonlySet<SectionId>>(() => new Set(COLLAPSED_AT_FIRST));
  const [flash, setFlash] = useState<{ generation: number; lines: readonly number[] }>({ generation: 0, lines: [] });
  const [jump, setJump] = useState<{ line: number } | null>(null);
  const [selecting, setSelecting] = useState(false);
  /** the part at the top of the box */
  const [current, setCurrent] = useState<SectionId | null>(null);
  const previous = useRef<{ view: ViewCode; language: string } | null>(null);
  const lines = view.code.lines;

  const layout = useMemo(() => layoutRows(lines, view.sections, { openFolds, collapsed }), [lines, view.sections, openFolds, collapsed]);

  /** Scrolls the box so that the rows of these lines are in view (or as many as fit, from the first). */
  const reveal = useCallback((shown: Layout, indices: readonly number[]) => {
    const element = box.current;
    if (element === null || indices.length === 0) return;
    const find = (index: number) => element.querySelector<HTMLElement>(`[data-row="${shown.rowOfLine[index]}"]`);
    const first = find(indices[0]);
    const last = find(indices[indices.length - 1]) ?? first;
    if (first === null || last === null) return;
    const top = scrollTopFor(first.offsetTop, last.offsetTop + last.offsetHeight, element.scrollTop, element.clientHeight);
    if (top !== null) element.scrollTo({ top, behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
  }, []);

  // The lines the last change rewrote: light them up for a moment and bring them into view.
  useEffect(() => {
    const before = previous.current;
    previous.current = { view, language };
    if (before === null || before.view === view || before.language !== language) return;
    const changed = changedLines(before.view.code, view.code);
    if (changed.length > 0) setFlash((f) => ({ generation: f.generation + 1, lines: changed }));
  }, [view, language, changedLines]);

  // Each flash: scroll once its rows are drawn (a change may add or remove rows), and end it after
  // FLASH_MS, unless a newer change has started its own by then.
  useEffect(() => {
    if (flash.lines.length === 0) return;
    reveal(layout, flash.lines);
    const generation = flash.generation;
    const timer = setTimeout(() => setFlash((f) => (f.generation === generation ? { generation, lines: [] } : f)), FLASH_MS);
    return () => clearTimeout(timer);
    // only when a new flash starts, not when the layout changes under it
  }, [flash.generation]);

  // The lines of the setting being pointed at: a steady mark, scrolled into view.
  const pointed = useMemo(() => (hoveredField === null ? [] : linesForField(view.code, hoveredField)), [view, hoveredField, linesForField]);
  useEffect(() => {
    if (pointed.length === 0) return;
    const timer = setTimeout(() => reveal(layout, pointed), POINT_SCROLL_DELAY_MS);
    return () => clearTimeout(timer);
    // follow the pointer, not every re-layout
  }, [pointed, reveal]);

  const flashRows = useMemo(() => (flash.lines.length === 0 ? NO_LINES : rowKeysOf(layout, flash.lines)), [layout, flash.lines]);
  const pointedRows = useMemo(() => (pointed.length === 0 ? NO_LINES : rowKeysOf(layout, pointed)), [layout, pointed]);

  const toggleFold = useCallback((start: number) => setOpenFolds((open) => toggled(open, start)), []);
  const toggleSection = useCallback((id: SectionId) => setCollapsed((c) => toggled(c, id)), []);

  // "Go to": open the part if it was folded away, then scroll its heading to the top of the box.
  const jumpTo = (section: CodeSection | null) => {
    if (section !== null) setCollapsed((c) => (c.has(section.id) ? toggled(c, section.id) : c));
    setJump({ line: section?.start ?? -1 });
    setCurrent(section?.id ?? null);
    pinnedUntil.current = performance.now() + JUMP_PIN_MS;
  };
  useEffect(() => {
    const element = box.current;
    if (jump === null || element === null) return;
    const heading = jump.line < 0 ? null : element.querySelector<HTMLElement>(`[data-row="l${jump.line}"]`);
    const top = heading === null ? 0 : Math.max(0, heading.offsetTop - 2);
    element.scrollTo({ top, behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
    setJump(null);
  }, [jump]);

  // The part at the top of the box, shown in "Go to" as the box scrolls. Right after a jump the
  // chosen part stays shown, even when the box cannot scroll its heading all the way up.
  const spy = useRef(0);
  const pinnedUntil = useRef(0);
  const onScroll = () => {
    if (spy.current !== 0 || performance.now() < pinnedUntil.current) return;
    spy.current = requestAnimationFrame(() => {
      spy.current = 0;
      const element = box.current;
      if (element === null) return;
      const tops = view.sections.map((section) => element.querySelector<HTMLElement>(`[data-row="l${section.start}"]`)?.offsetTop ?? Number.POSITIVE_INFINITY);
      setCurrent(sectionAt(view.sections, tops, element.scrollTop + 12)?.id ?? null);
    });
  };
  useEffect(() => () => cancelAnimationFrame(spy.current), []);

  useImperativeHandle(ref, () => ({
    selectAll: () => {
      setCollapsed(new Set());
      setOpenFolds(new Set(layout.rows.filter((r) => r.type === 'fold').map((r) => (r as { start: number }).start)));
      setSelecting(true);
    },
  }), [layout]);
  useEffect(() => {
    if (!selecting) return;
    setSelecting(false);
    if (linesElement.current !== null) {
      box.current?.focus({ preventScroll: true });
      selectContents(linesElement.current);
    }
  }, [selecting]);

  return (
    <>
      <div className="code-options">
        <span className="code-goto">
          <label htmlFor={selectId}>{m.code.goTo}</label>
          <select
            id={selectId}
            className="field-select"
            value={current ?? ''}
            onChange={(e) => jumpTo(view.sections.find((s) => s.id === e.target.value) ?? null)}
          >
            <option value="">{m.code.top}</option>
            {view.sections.map((section) => (
              <option key={section.id} value={section.id}>
                {section.number}. {section.title}
              </option>
            ))}
          </select>
        </span>
        {props.options}
      </div>
      <div
        ref={box}
        className={`code-scroll${wrap ? ' code-wrap' : ''}`}
        data-code=""
        tabIndex={0}
        role="region"
        aria-label={m.code.regionLabel}
        onScroll={onScroll}
        onKeyDown={keepScrollKeys}
      >
        <div ref={linesElement} className="code-lines">
          {layout.rows.map((row, r) => {
            const key = rowKey(row);
            const lit = flashRows.has(key);
            const isPointed = pointedRows.has(key);
            // pointed rows are outlined as one block: the first and last of a run draw its top and bottom
            const edges = isPointed
              ? {
                  first: r === 0 || !pointedRows.has(rowKey(layout.rows[r - 1])),
                  last: r === layout.rows.length - 1 || !pointedRows.has(rowKey(layout.rows[r + 1])),
                }
              : NO_EDGES;
            if (row.type === 'fold') {
              return (
                <FoldRow
                  key={lit ? `${key}-${flash.generation}` : key}
                  row={row}
                  flash={lit}
                  pointed={isPointed}
                  edges={edges}
                  onToggle={toggleFold}
                />
              );
            }
            const line = lines[row.index];
            const section = line.kind === 'section' && line.section !== 'header' ? view.sections.find((s) => s.start === row.index) : undefined;
            return (
              <CodeRow
                key={lit ? `${key}-${flash.generation}` : key}
                index={row.index}
                text={line.text}
                tokens={view.tokens[row.index]}
                kind={line.kind}
                flash={lit}
                pointed={isPointed}
                first={edges.first}
                last={edges.last}
                section={section}
                hidden={row.hidden}
                onToggleSection={toggleSection}
              />
            );
          })}
        </div>
      </div>
    </>
  );
}

export const CodeView = forwardRef(CodeViewInner);

/**
 * Space and → scroll a focused box (down a page, sideways): keep them from the page's shortcuts
 * (play/pause, one step), which listen on the window. Their default action, scrolling, still happens.
 */
function keepScrollKeys(event: KeyboardEvent<HTMLDivElement>): void {
  if (event.target === event.currentTarget && (event.key === ' ' || event.key === 'ArrowRight')) event.stopPropagation();
}

function toggled<T>(set: ReadonlySet<T>, value: T): ReadonlySet<T> {
  const next = new Set(set);
  if (!next.delete(value)) next.add(value);
  return next;
}

/** Leading spaces: wrapped lines continue indented under their own line. */
function indentOf(text: string): number {
  let n = 0;
  while (n < text.length && text[n] === ' ') n++;
  return n;
}

interface CodeRowProps {
  index: number;
  text: string;
  tokens: Token[];
  kind: string;
  flash: boolean;
  pointed: boolean;
  /** first and last of a run of pointed rows (they draw the outline's top and bottom) */
  first: boolean;
  last: boolean;
  /** set on a part's heading: the row folds the part away */
  section: CodeSection | undefined;
  /** how many lines the collapsed part hides (0: open) */
  hidden: number;
  onToggleSection: (id: SectionId) => void;
}

const CodeRow = memo(function CodeRow(props: CodeRowProps) {
  const { index, text, tokens, kind, flash, pointed, first, last, section, hidden } = props;
  const m = useMessages();
  const className = rowClass(`code-line code-kind-${kind}`, flash, pointed, first, last);
  // wrapped lines continue under their line's indentation, a comment's after its "# "
  const style = { '--hang': `${indentOf(text) + (kind === 'code' ? 4 : 2)}ch` } as CSSProperties;
  return (
    <div className={className} data-row={`l${index}`}>
      <span className="code-ln" data-n={index + 1} aria-hidden="true" />
      <span className="code-toggle-cell">
        {section !== undefined && (
          <button
            type="button"
            className="code-toggle"
            aria-expanded={hidden === 0}
            aria-label={hidden === 0 ? m.code.collapsePart(section.title) : m.code.expandPart(section.title)}
            title={hidden === 0 ? m.code.collapsePart(section.title) : m.code.expandPart(section.title)}
            onClick={() => props.onToggleSection(section.id)}
          >
            <span aria-hidden="true">{hidden === 0 ? '▾' : '▸'}</span>
          </button>
        )}
      </span>
      {section !== undefined ? (
        <span className="code-text code-heading" onClick={() => props.onToggleSection(section.id)}>
          <span className="tok-comment">{text.replace(/\s*─+\s*$/, '')}</span>
          {hidden > 0 && <span className="code-hidden-count">{m.code.hiddenLines(hidden)}</span>}
          <span className="code-rule" aria-hidden="true" />
        </span>
      ) : (
        <span className="code-text" style={style}>
          {/* an empty row still copies as an empty line */}
          {tokens.length === 0 && <br />}
          {tokens.map((token, k) =>
            token.kind === 'plain' ? (
              token.text
            ) : (
              <span key={k} className={`tok-${token.kind}`}>
                {token.text}
              </span>
            ),
          )}
        </span>
      )}
    </div>
  );
});

function rowClass(base: string, flash: boolean, pointed: boolean, first: boolean, last: boolean): string {
  let className = base;
  if (flash) className += ' code-flash';
  if (pointed) className += ' code-pointed';
  if (pointed && first) className += ' code-pointed-first';
  if (pointed && last) className += ' code-pointed-last';
  return className;
}

interface FoldRowProps {
  row: Extract<Row, { type: 'fold' }>;
  flash: boolean;
  pointed: boolean;
  edges: { first: boolean; last: boolean };
  onToggle: (start: number) => void;
}

function FoldRow({ row, flash, pointed, edges, onToggle }: FoldRowProps) {
  const m = useMessages();
  const count = row.end - row.start + 1;
  const className = rowClass('code-line code-fold-row', flash, pointed, edges.first, edges.last);
  return (
    <div className={className} data-row={rowKey(row)}>
      <span className="code-ln" data-n={row.open ? '' : '⋮'} aria-hidden="true" />
      <span className="code-toggle-cell" />
      <span className="code-text">
        <button type="button" className="code-fold" aria-expanded={row.open} onClick={() => onToggle(row.start)}>
          <span aria-hidden="true">{row.open ? '▾ ' : '▸ '}</span>
          {row.open ? m.code.hideData(count) : m.code.foldedData(count)}
        </button>
      </span>
    </div>
  );
}
