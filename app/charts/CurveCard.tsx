/**
 * One chart of the curves panel: title, legend, and a recharts line chart drawn from a prepared
 * CurveChart (a few hundred points per series). Memoised: it redraws only when its chart, the
 * x-axis or the language changed — never for updates that belong to the other charts.
 */
import { memo, useEffect, useId, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { Area, CartesianGrid, ComposedChart, Line, ReferenceDot, ReferenceLine, XAxis, YAxis } from 'recharts';
import { InfoTip } from '../controls/fields';
import { formatTick, formatXTick, niceTicks } from './axis';
import { BAND_KEY, type CurveChart } from './model';
import { HoverMarks, HoverOverlay, type HoverStore } from './HoverLayer';
import { Legend } from './ReadOut';

export interface CurveCardProps {
  chart: CurveChart;
  title: string;
  xName: string;
  yName: string;
  xAxis: 'step' | 'epoch';
  language: string;
  /** the word on the marker of the best validation epoch, and its longer name in the legend */
  bestLabel: string;
  bestLegend: string;
  emptyText: string;
  /** the hovered x, shared by the charts of the panel */
  hover: HoverStore;
  /** how to read the chart from the keyboard, for screen readers */
  readHint: string;
  /** what the chart shows and what to look for, in plain words (an ⓘ beside the title) */
  tip: string;
}

const CHART_HEIGHT = 200;
const TICK = { fontSize: 11, fill: 'var(--text-muted)' };
const MUTED = 'var(--text-muted)';
/** A halo in the card's colour keeps marker labels readable over the curves. */
const HALO = { stroke: 'var(--surface)', strokeWidth: 3, paintOrder: 'stroke' } as const;

function CurveCardView({ chart, title, xName, yName, xAxis, language, bestLabel, bestLegend, emptyText, hover, readHint, tip }: CurveCardProps) {
  const titleId = useId();
  // Before the first step there is nothing to draw: two empty rows keep the axes on screen.
  const rows = chart.empty ? EMPTY_ROWS : chart.rows;
  const y = chart.y;
  const [xStart, xEnd] = chart.xDomain;
  // The "best" label sits on the side of its line where there is room.
  const bestOnRight = chart.best !== null && chart.best.x > xStart + 0.6 * (xEnd - xStart);
  // …and at the end of the line away from the best point: losses fall, accuracy and R² rise.
  const bestLabelAt = chart.kind === 'loss' ? 'Top' : 'Bottom';
  return (
    <figure className="curve-card" aria-labelledby={titleId}>
      <figcaption className="curve-head">
        <span className="curve-title-row">
          <h3 id={titleId} className="curve-title">
            {title}
          </h3>
          <InfoTip text={tip} label={`${title}: ${tip}`} />
        </span>
        {!chart.empty && <Legend chart={chart} bestLabel={bestLegend} />}
      </figcaption>
      <div className="curve-plot">
        <ComposedChart
          responsive
          style={{ width: '100%', height: CHART_HEIGHT }}
          data={rows}
          margin={{ top: 14, right: 14, bottom: 4, left: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 4" />
          <XAxis
            dataKey="x"
            type="number"
            domain={chart.xDomain}
            ticks={niceTicks(xStart, xEnd, 4, xAxis === 'step')}
            allowDecimals={xAxis === 'epoch'}
            tick={TICK}
            tickFormatter={(v: number) => formatXTick(v, language)}
            stroke={MUTED}
            height={36}
            label={{ value: xName, position: 'insideBottom', offset: 0, fill: MUTED, fontSize: 11 }}
          />
          <YAxis
            type="number"
            scale={y.scale}
            domain={y.domain ?? ['auto', 'auto']}
            ticks={y.ticks}
            allowDataOverflow={y.clip}
            tick={TICK}
            tickFormatter={(v: number) => formatTick(v, chart.kind)}
            stroke={MUTED}
            width={58}
            label={{ value: yName, angle: -90, position: 'insideLeft', offset: 10, fill: MUTED, fontSize: 11, style: { textAnchor: 'middle' } }}
          />
          {chart.band && (
            <Area
              dataKey={BAND_KEY}
              stroke="none"
              fill="var(--series-validation)"
              fillOpacity={0.12}
              connectNulls
              isAnimationActive={false}
              activeDot={false}
              legendType="none"
              tooltipType="none"
            />
          )}
          {chart.series.map((s) => (
            <Line
              key={s.key}
              dataKey={s.key}
              name={s.label}
              type="linear"
              stroke={s.color}
              strokeWidth={s.width}
              strokeOpacity={s.opacity}
              strokeDasharray={s.dash}
              dot={false}
              activeDot={false}
              connectNulls
              isAnimationActive={false}
            />
          ))}
          {chart.guide && (
            <ReferenceLine
              y={chart.guide.y}
              stroke={MUTED}
              strokeDasharray="4 4"
              label={{ value: chart.guide.label, position: 'insideBottomLeft', fill: MUTED, fontSize: 10, ...HALO }}
            />
          )}
          {chart.best && (
            <ReferenceLine
              x={chart.best.x}
              stroke={MUTED}
              strokeDasharray="2 3"
              label={{ value: bestLabel, position: `inside${bestLabelAt}${bestOnRight ? 'Right' : 'Left'}`, fill: 'var(--text)', fontSize: 11, fontWeight: 600, ...HALO }}
            />
          )}
          {chart.best && chart.best.y !== null && (
            <ReferenceDot x={chart.best.x} y={chart.best.y} r={4.5} fill="var(--series-validation)" stroke="var(--surface)" strokeWidth={1.5} ifOverflow="visible" />
          )}
          <HoverMarks chart={chart} store={hover} />
        </ComposedChart>
        <HoverOverlay chart={chart} store={hover} xAxis={xAxis} xName={xName} language={language} label={`${title}: ${readHint}`} />
        {chart.empty && <p className="curve-empty">{emptyText}</p>}
      </div>
    </figure>
  );
}

const EMPTY_ROWS = [{ x: 0 }, { x: 10 }];

const CurveCardBody = memo(CurveCardView);

/**
 * Recharts redraws a chart in several synchronous passes; four charts redrawn together would block
 * the page for one long task. So each card takes its new chart after its own small delay (`lag` ms,
 * staggered across the grid) and draws it in that timer's task: every chart still redraws up to
 * 10 times a second, each in a task of its own.
 */
export const CurveCard = memo(function CurveCard({ lag, ...props }: CurveCardProps & { lag: number }) {
  const [shown, setShown] = useState(props.chart);
  const latest = useRef(props.chart);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  latest.current = props.chart;
  useEffect(() => {
    if (shown === props.chart || timer.current !== null) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      // rendered here and now, so that charts whose timers fire together are not batched into one task
      flushSync(() => setShown(latest.current));
    }, lag);
  }, [props.chart, shown, lag]);
  useEffect(() => () => {
    if (timer.current !== null) clearTimeout(timer.current);
  }, []);
  // A chart that became empty (a new run) or left the empty state shows at once.
  const chart = props.chart.empty !== shown.empty ? props.chart : shown;
  return <CurveCardBody {...props} chart={chart} />;
});
