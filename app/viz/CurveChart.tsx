/**
 * 1-D regression: the network's prediction over x ∈ [−1, 1] as a line, over the training points
 * (dots) and validation points (rings). SVG: a line of ~72 points and a few hundred dots stay cheap,
 * and the dots (which only change with the data) are memoised apart from the line.
 */
import { memo, useId, useMemo } from 'react';
import type { DataPoints } from '../../workers/session';
import { useLanguage } from '../i18n';
import { formatTick } from './format';
import { extent, linear, paddedRange, ticksWithin } from './scale';
import { plotArea, SvgAxes, type PlotBox } from './SvgAxes';

const BOX: PlotBox = { width: 400, height: 290, left: 46, right: 12, top: 10, bottom: 40 };

/** The y axis: every target, with a margin, and round ticks inside. */
export function curveDomain(points: DataPoints): { lo: number; hi: number; ticks: number[] } {
  const [lo, hi] = paddedRange(extent(points.train.y, points.validation.y) ?? [-1, 1], 0.08);
  return { lo, hi, ticks: ticksWithin(lo, hi, 4) };
}

/** An SVG path through (x, y) pairs, broken where a value is not finite. */
export function linePath(xs: ArrayLike<number>, ys: ArrayLike<number>): string {
  let d = '';
  let pen = false;
  for (let i = 0; i < xs.length; i++) {
    if (!Number.isFinite(ys[i]) || !Number.isFinite(xs[i])) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${xs[i].toFixed(1)} ${ys[i].toFixed(1)}`;
    pen = true;
  }
  return d;
}

interface DotsProps {
  x: Float32Array;
  y: Float32Array;
  n: number;
  lo: number;
  hi: number;
  kind: 'train' | 'validation';
}

const Dots = memo(function Dots({ x, y, n, lo, hi, kind }: DotsProps) {
  const { x0, x1, y0, y1 } = plotArea(BOX);
  const toX = linear(-1, 1, x0, x1);
  const toY = linear(lo, hi, y0, y1);
  const circles = [];
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i]) || !Number.isFinite(y[i])) continue;
    circles.push(<circle key={i} cx={toX(x[i]).toFixed(1)} cy={toY(y[i]).toFixed(1)} r={kind === 'train' ? 3 : 3.25} />);
  }
  return <g className={kind === 'train' ? 'dots-train' : 'dots-validation'}>{circles}</g>;
});

interface CurveChartProps {
  points: DataPoints;
  /** predictions at `resolution` evenly spaced x over [−1, 1]; null before the first picture */
  predictions: Float32Array | null;
  showTraining: boolean;
  showValidation: boolean;
  label: string;
  xTitle: string;
  yTitle: string;
}

export function CurveChart({ points, predictions, showTraining, showValidation, label, xTitle, yTitle }: CurveChartProps) {
  const language = useLanguage();
  const clipId = `clip${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const { lo, hi, ticks } = useMemo(() => curveDomain(points), [points]);
  const { x0, x1, y0, y1 } = plotArea(BOX);
  const toX = linear(-1, 1, x0, x1);
  const toY = linear(lo, hi, y0, y1);
  let path = '';
  if (predictions && predictions.length >= 2) {
    const n = predictions.length;
    path = linePath(Array.from({ length: n }, (_, i) => toX(-1 + (2 * i) / (n - 1))), Array.from(predictions, toY));
  }
  const xTicks = [-1, -0.5, 0, 0.5, 1].map((v) => ({ value: v, at: toX(v), label: formatTick(language, v) }));
  const yTicks = ticks.map((v) => ({ value: v, at: toY(v), label: formatTick(language, v) }));

  return (
    <svg className="curve-chart" viewBox={`0 0 ${BOX.width} ${BOX.height}`} role="img" aria-label={label} data-testid="output-curve">
      <SvgAxes box={BOX} xTicks={xTicks} yTicks={yTicks} xTitle={xTitle} yTitle={yTitle} />
      <clipPath id={clipId}>
        <rect x={x0} y={y1} width={x1 - x0} height={y0 - y1} />
      </clipPath>
      <g clipPath={`url(#${clipId})`}>
        {showTraining && <Dots x={points.train.x} y={points.train.y} n={points.train.n} lo={lo} hi={hi} kind="train" />}
        {showValidation && <Dots x={points.validation.x} y={points.validation.y} n={points.validation.n} lo={lo} hi={hi} kind="validation" />}
        {path && <path className="curve-line" d={path} />}
      </g>
    </svg>
  );
}
