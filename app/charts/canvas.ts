/**
 * The curves themselves, drawn on a canvas over the recharts frame (axes, grid, guide line).
 *
 * Why not recharts' <Line>: a recharts redraw allocates 1–2 MB (its selectors rebuild every point
 * several times), so four live charts redrawn ten times a second made ~70 MB/s of garbage, and the
 * collector's pauses became main-thread tasks of 50–160 ms. Drawing a few hundred points on a
 * canvas takes well under a millisecond and allocates next to nothing; recharts redraws only when
 * an axis changes (the x range grows in nice steps, see runXDomain).
 */
import { BAND_KEY, type CurveChart } from './model';

/** Where the plot area is in the canvas (CSS pixels), and how values map onto it. */
export interface PlotMapping {
  left: number;
  top: number;
  width: number;
  height: number;
  xDomain: [number, number];
  yDomain: [number, number];
  log: boolean;
}

/** A value's horizontal position in CSS pixels. */
export function xPixel(m: PlotMapping, x: number): number {
  const [a, b] = m.xDomain;
  return m.left + ((x - a) / (b - a || 1)) * m.width;
}

/** A value's vertical position in CSS pixels (NaN where a log axis cannot show it). */
export function yPixel(m: PlotMapping, y: number): number {
  let [a, b] = m.yDomain;
  let v = y;
  if (m.log) {
    if (!(v > 0)) return Number.NaN;
    v = Math.log10(v);
    a = Math.log10(a);
    b = Math.log10(b);
  }
  return m.top + m.height - ((v - a) / (b - a || 1)) * m.height;
}

/** An SVG dash pattern ("6 4") as canvas line-dash numbers; none for a solid line. */
export function dashPattern(dash: string | undefined): number[] {
  if (!dash) return [];
  return dash
    .split(/[\s,]+/)
    .map(Number)
    .filter((n) => Number.isFinite(n) && n >= 0);
}

/** The part of the 2-D context the drawing uses (a test can record the calls). */
export type CurveContext = Pick<
  CanvasRenderingContext2D,
  | 'save'
  | 'restore'
  | 'beginPath'
  | 'moveTo'
  | 'lineTo'
  | 'closePath'
  | 'stroke'
  | 'fill'
  | 'rect'
  | 'clip'
  | 'arc'
  | 'setLineDash'
  | 'clearRect'
  | 'setTransform'
  | 'fillText'
  | 'strokeText'
  | 'strokeStyle'
  | 'fillStyle'
  | 'lineWidth'
  | 'globalAlpha'
  | 'lineJoin'
  | 'lineCap'
  | 'font'
  | 'textAlign'
  | 'textBaseline'
>;

export interface DrawOptions {
  /** turns a CSS colour ('var(--series-train)', '#0072b2') into one the canvas understands */
  color: (css: string) => string;
  /** the canvas' size in CSS pixels, and device pixels per CSS pixel */
  width: number;
  height: number;
  pixelRatio: number;
  /** the word on the marker of the best validation epoch ("best") and the page's font */
  bestLabel: string;
  font: string;
}

/**
 * Draws one chart's band, lines and best-epoch marker, in the same order and style recharts used:
 * the shaded train–validation gap first, then each series (faint raw lines behind their smoothed
 * twins), then the dotted "best" line with its label and dot. Lines connect across missing values.
 */
export function drawCurves(ctx: CurveContext, chart: CurveChart, m: PlotMapping, o: DrawOptions): void {
  ctx.setTransform(o.pixelRatio, 0, 0, o.pixelRatio, 0, 0);
  ctx.clearRect(0, 0, o.width, o.height);
  if (chart.empty) return;
  ctx.save();
  ctx.beginPath();
  ctx.rect(m.left, m.top, m.width, m.height);
  ctx.clip();
  ctx.lineJoin = 'round';
  ctx.lineCap = 'butt';

  if (chart.band) drawBand(ctx, chart, m, o.color('var(--series-validation)'));

  for (const s of chart.series) {
    ctx.globalAlpha = s.opacity;
    ctx.strokeStyle = o.color(s.color);
    ctx.lineWidth = s.width;
    ctx.setLineDash(dashPattern(s.dash));
    ctx.beginPath();
    let started = false;
    for (let i = 0; i < s.x.length; i++) {
      const px = xPixel(m, s.x[i]);
      const py = yPixel(m, s.y[i]);
      if (!Number.isFinite(px) || !Number.isFinite(py)) continue;
      if (started) ctx.lineTo(px, py);
      else ctx.moveTo(px, py);
      started = true;
    }
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
  ctx.setLineDash([]);
  ctx.restore();

  if (chart.best) drawBest(ctx, chart, m, o);
  if (chart.stop) drawStop(ctx, chart.stop, m, o);
}

/**
 * The red × where a diverged run stopped, with the loss beside it (on the side with room); at the
 * plot's top edge when the loss is NaN or ∞ (or off a log axis).
 */
function drawStop(ctx: CurveContext, stop: NonNullable<CurveChart['stop']>, m: PlotMapping, o: DrawOptions): void {
  const px = xPixel(m, stop.x);
  if (!Number.isFinite(px)) return;
  const py = stop.y === null ? m.top + 6 : Math.max(m.top + 6, Math.min(m.top + m.height, yPixel(m, stop.y)));
  if (!Number.isFinite(py)) return;
  const r = 5;
  ctx.save();
  ctx.lineCap = 'round';
  ctx.strokeStyle = o.color('var(--surface)');
  ctx.lineWidth = 5;
  crossPath(ctx, px, py, r);
  ctx.stroke();
  ctx.strokeStyle = o.color('var(--danger)');
  ctx.lineWidth = 2.25;
  crossPath(ctx, px, py, r);
  ctx.stroke();
  const onLeft = px > m.left + 0.6 * m.width;
  ctx.textAlign = onLeft ? 'right' : 'left';
  ctx.textBaseline = 'middle';
  haloText(ctx, o, stop.label, onLeft ? px - r - 5 : px + r + 5, Math.max(m.top + 7, py), 'var(--danger)');
  ctx.restore();
}

/** A marker's label in the page's font, with a halo of the surface colour so it reads over lines. */
function haloText(ctx: CurveContext, o: DrawOptions, text: string, x: number, y: number, color: string): void {
  ctx.font = `600 11px ${o.font}`;
  ctx.lineWidth = 3;
  ctx.lineJoin = 'round';
  ctx.strokeStyle = o.color('var(--surface)');
  ctx.strokeText(text, x, y);
  ctx.fillStyle = o.color(color);
  ctx.fillText(text, x, y);
}

function crossPath(ctx: CurveContext, x: number, y: number, r: number): void {
  ctx.beginPath();
  ctx.moveTo(x - r, y - r);
  ctx.lineTo(x + r, y + r);
  ctx.moveTo(x + r, y - r);
  ctx.lineTo(x - r, y + r);
}

/** The shaded gap between train and validation: along the highs, back along the lows. */
function drawBand(ctx: CurveContext, chart: CurveChart, m: PlotMapping, color: string): void {
  const rows = chart.rows;
  ctx.globalAlpha = 0.12;
  ctx.fillStyle = color;
  ctx.beginPath();
  let first = -1;
  let last = -1;
  for (let i = 0; i < rows.length; i++) {
    const band = rows[i][BAND_KEY];
    if (!Array.isArray(band)) continue;
    const px = xPixel(m, rows[i].x);
    const py = yPixel(m, band[1]);
    if (!Number.isFinite(py)) continue;
    if (first < 0) {
      ctx.moveTo(px, py);
      first = i;
    } else ctx.lineTo(px, py);
    last = i;
  }
  for (let i = last; i >= first && first >= 0; i--) {
    const band = rows[i][BAND_KEY];
    if (!Array.isArray(band)) continue;
    const py = yPixel(m, band[0]);
    if (Number.isFinite(py)) ctx.lineTo(xPixel(m, rows[i].x), py);
  }
  ctx.closePath();
  if (first >= 0) ctx.fill();
  ctx.globalAlpha = 1;
}

/** The dotted vertical line at the best epoch, its label (with a halo) and the dot on the curve. */
function drawBest(ctx: CurveContext, chart: CurveChart, m: PlotMapping, o: DrawOptions): void {
  const best = chart.best!;
  const px = xPixel(m, best.x);
  if (!Number.isFinite(px) || px < m.left - 0.5 || px > m.left + m.width + 0.5) return;
  ctx.save();
  ctx.strokeStyle = o.color('var(--text-muted)');
  ctx.lineWidth = 1;
  ctx.setLineDash([2, 3]);
  ctx.beginPath();
  ctx.moveTo(Math.round(px) + 0.5, m.top);
  ctx.lineTo(Math.round(px) + 0.5, m.top + m.height);
  ctx.stroke();
  ctx.setLineDash([]);

  // On the side of the line where there is room, at the end away from the best point: losses fall
  // (label at the top), accuracy and R² rise (label at the bottom).
  const [xStart, xEnd] = m.xDomain;
  const onRight = best.x > xStart + 0.6 * (xEnd - xStart);
  ctx.textAlign = onRight ? 'right' : 'left';
  ctx.textBaseline = chart.kind === 'loss' ? 'top' : 'bottom';
  haloText(ctx, o, o.bestLabel, onRight ? px - 5 : px + 5, chart.kind === 'loss' ? m.top + 5 : m.top + m.height - 5, 'var(--text)');

  if (best.y !== null) {
    const py = yPixel(m, best.y);
    if (Number.isFinite(py)) {
      ctx.beginPath();
      ctx.arc(px, py, 4.5, 0, 2 * Math.PI);
      ctx.fillStyle = o.color('var(--series-validation)');
      ctx.fill();
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = o.color('var(--surface)');
      ctx.stroke();
    }
  }
  ctx.restore();
}

/**
 * Resolves `var(--name)` colours against an element's computed style, once per name until
 * `reset` (a theme change). Plain colours pass through.
 */
export function colorResolver(read: (name: string) => string): { color: (css: string) => string; reset: () => void } {
  const cache = new Map<string, string>();
  return {
    color: (css) => {
      const match = /^var\((--[\w-]+)\)$/.exec(css.trim());
      if (!match) return css;
      let value = cache.get(match[1]);
      if (value === undefined) {
        value = read(match[1]).trim() || '#888888';
        cache.set(match[1], value);
      }
      return value;
    },
    reset: () => cache.clear(),
  };
}
