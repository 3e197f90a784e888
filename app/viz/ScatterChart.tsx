/**
 * Regression on a table (diabetes): predicted against actual value for each validation example,
 * with the line y = x where a prediction is exact. Both axes share one range, so distance from
 * the line reads as error.
 */
import { useId, useMemo } from 'react';
import { useLanguage } from '../i18n';
import { formatTick } from './format';
import { extent, linear, paddedRange, ticksWithin } from './scale';
import { plotArea, SvgAxes, type PlotBox } from './SvgAxes';

const BOX: PlotBox = { width: 360, height: 340, left: 50, right: 12, top: 10, bottom: 40 };

interface ScatterChartProps {
  actual: Float32Array;
  predicted: Float32Array;
  /** targets that set the range (all of them, so the axes do not jump while training) */
  range: ArrayLike<number>[];
  label: string;
  xTitle: string;
  yTitle: string;
}

export function ScatterChart({ actual, predicted, range, label, xTitle, yTitle }: ScatterChartProps) {
  const language = useLanguage();
  const clipId = `clip${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const { lo, hi, ticks } = useMemo(() => {
    const [lo, hi] = paddedRange(extent(...range) ?? [0, 1]);
    return { lo, hi, ticks: ticksWithin(lo, hi, 4) };
  }, [range]);
  const { x0, x1, y0, y1 } = plotArea(BOX);
  const toX = linear(lo, hi, x0, x1);
  const toY = linear(lo, hi, y0, y1);
  const rings = [];
  const n = Math.min(actual.length, predicted.length);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(actual[i]) || !Number.isFinite(predicted[i])) continue;
    // predictions far off the scale sit on its edge rather than vanish
    const y = Math.min(hi, Math.max(lo, predicted[i]));
    rings.push(<circle key={i} cx={toX(actual[i]).toFixed(1)} cy={toY(y).toFixed(1)} r={3.25} />);
  }
  const tickMarks = (to: (v: number) => number) => ticks.map((v) => ({ value: v, at: to(v), label: formatTick(language, v) }));

  return (
    <svg className="scatter-chart" viewBox={`0 0 ${BOX.width} ${BOX.height}`} role="img" aria-label={label} data-testid="output-scatter">
      <SvgAxes box={BOX} xTicks={tickMarks(toX)} yTicks={tickMarks(toY)} xTitle={xTitle} yTitle={yTitle} />
      <clipPath id={clipId}>
        <rect x={x0} y={y1} width={x1 - x0} height={y0 - y1} />
      </clipPath>
      <g clipPath={`url(#${clipId})`}>
        <line className="identity-line" x1={toX(lo)} y1={toY(lo)} x2={toX(hi)} y2={toY(hi)} />
        <g className="dots-validation">{rings}</g>
      </g>
    </svg>
  );
}
