/**
 * The embedded view, for a blog post or a course page: `embed=1` in the link, with `panels=` (which
 * parts show, in order) and `controls=` (which controls the bar keeps), read and refused like every
 * other setting — `#v=1&optimizer.lr=0.1&embed=1&panels=output,loss&controls=play,lr`.
 */
import type { ConfigError } from '../../engine/train/config';

export const EMBED_PANELS = ['output', 'loss', 'accuracy', 'lr', 'gradients', 'model', 'code'] as const;
export type EmbedPanel = (typeof EMBED_PANELS)[number];
export const EMBED_CONTROLS = ['play', 'step', 'reset', 'speed', 'lr', 'numbers'] as const;
export type EmbedControl = (typeof EMBED_CONTROLS)[number];
/** The curves, whose charts share one legend style and x axis. */
export const CHART_PANELS = ['loss', 'accuracy', 'lr', 'gradients'] as const satisfies readonly EmbedPanel[];
export type ChartPanel = (typeof CHART_PANELS)[number];

/** Names a link may also use: `curves` for the four charts, `boundary` for the output. */
const ALIASES: Record<string, readonly EmbedPanel[]> = { curves: CHART_PANELS, boundary: ['output'] };

export interface EmbedView {
  panels: EmbedPanel[];
  controls: EmbedControl[];
}

export const DEFAULT_EMBED: EmbedView = { panels: ['output', 'loss'], controls: ['play', 'step', 'reset', 'numbers'] };

export const isChart = (panel: EmbedPanel): panel is ChartPanel => (CHART_PANELS as readonly string[]).includes(panel);

function list<T extends string>(text: string, known: readonly T[], aliases: Record<string, readonly T[]>, key: string, ignored: ConfigError[]): T[] {
  const out: T[] = [];
  for (const raw of text.split(',')) {
    const name = raw.trim();
    if (name === '') continue;
    const names = (known as readonly string[]).includes(name) ? [name as T] : aliases[name];
    if (names === undefined) {
      ignored.push({
        path: key,
        code: 'invalid',
        got: name.slice(0, 40),
        message: `${key}: "${name.slice(0, 40)}" is not one of ${[...known, ...Object.keys(aliases)].join(', ')}.`,
      });
      continue;
    }
    for (const n of names) if (!out.includes(n)) out.push(n);
  }
  return out;
}

/**
 * The embedded view a link asks for (null: the whole page), taking `embed`, `panels` and
 * `controls` out of `raw`; what cannot be used is added to `ignored` with why.
 */
export function takeEmbed(raw: Map<string, string>, ignored: ConfigError[]): EmbedView | null {
  const flag = raw.get('embed');
  const panelsText = raw.get('panels');
  const controlsText = raw.get('controls');
  raw.delete('embed');
  raw.delete('panels');
  raw.delete('controls');
  if (flag === undefined) {
    if (panelsText !== undefined || controlsText !== undefined) {
      ignored.push({ path: 'panels', code: 'invalid', message: 'panels and controls only apply to an embedded view (embed=1).' });
    }
    return null;
  }
  if (flag !== '1' && flag !== 'true') {
    if (flag !== '0' && flag !== 'false') ignored.push({ path: 'embed', code: 'invalid', got: flag.slice(0, 40), message: `embed: "${flag.slice(0, 40)}" is not 1 or 0.` });
    return null;
  }
  const panels = panelsText === undefined ? DEFAULT_EMBED.panels : list(panelsText, EMBED_PANELS, ALIASES, 'panels', ignored);
  const controls = controlsText === undefined ? DEFAULT_EMBED.controls : list(controlsText, EMBED_CONTROLS, {}, 'controls', ignored);
  if (panels.length === 0) {
    ignored.push({ path: 'panels', code: 'invalid', message: `panels: none given; the default (${DEFAULT_EMBED.panels.join(',')}) is shown.` });
    return { panels: DEFAULT_EMBED.panels, controls };
  }
  return { panels, controls };
}

/** The link pairs of an embedded view (none for the whole page). */
export function embedPairs(view: EmbedView | null): string[] {
  if (view === null) return [];
  return ['embed=1', `panels=${view.panels.join(',')}`, `controls=${view.controls.join(',')}`];
}
