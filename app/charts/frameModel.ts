/** What the recharts frame of a curve card shows, and its geometry (shared by the frame and the canvas). */
import type { CurveChart } from './model';

/** The plot's height: 200 px, or what the layout sets in --chart-height (an embedded view fills its frame). */
export const CHART_HEIGHT = 'var(--chart-height, 200px)';
/** The chart's margins and axis sizes: the plot area is the rest (the CSS of .curve-hover agrees). */
export const MARGIN = { top: 14, right: 14, bottom: 4, left: 0 };
export const X_AXIS_HEIGHT = 36;
export const Y_AXIS_WIDTH = 58;

export const sameNumbers = (a: readonly number[] | undefined, b: readonly number[] | undefined) =>
  a === b || (a !== undefined && b !== undefined && a.length === b.length && a.every((v, i) => v === b[i]));

/** What of a chart the frame shows: its axes and guide line. */
export type FrameAxes = Pick<CurveChart, 'xDomain' | 'y' | 'kind' | 'guide'>;

export const sameAxes = (a: FrameAxes, b: FrameAxes) =>
  sameNumbers(a.xDomain, b.xDomain) &&
  a.y.scale === b.y.scale &&
  a.y.clip === b.y.clip &&
  sameNumbers(a.y.domain, b.y.domain) &&
  sameNumbers(a.y.ticks, b.y.ticks) &&
  a.kind === b.kind &&
  a.guide?.y === b.guide?.y &&
  a.guide?.label === b.guide?.label;

