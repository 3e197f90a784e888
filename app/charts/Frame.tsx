/**
 * The recharts frame of a curve card: grid, axes, the guide line and the hover cursor. It redraws
 * only when an axis changes; the curves themselves are a canvas over it (CurveCard). Loaded lazily,
 * with recharts, when the curves panel nears the screen.
 */
import { memo, useEffect, useState } from 'react';
import { CartesianGrid, ComposedChart, ReferenceLine, XAxis, YAxis } from 'recharts';
import { formatTick, formatXTick, niceTicks, type ValueKind, type YAxisModel } from './axis';
import { MARGIN, sameAxes, X_AXIS_HEIGHT, Y_AXIS_WIDTH } from './frameModel';
import { HoverCursor } from './HoverCursor';
import type { HoverStore } from './hover';
import type { CurveChart } from './model';

const TICK = { fontSize: 11, fill: 'var(--text-muted)' };
const MUTED = 'var(--text-muted)';
/** A halo in the card's colour keeps marker labels readable over the curves. */
const HALO = { stroke: 'var(--surface)', strokeWidth: 3, paintOrder: 'stroke' } as const;

interface FrameProps {
  /** the chart's size in px (measured by the card: the height is the stylesheet's --chart-height) */
  width: number;
  height: number;
  xDomain: [number, number];
  y: YAxisModel;
  kind: ValueKind;
  guide: CurveChart['guide'];
  xAxis: 'step' | 'epoch';
  language: string;
  xName: string;
  yName: string;
  hover: HoverStore;
}

/**
 * How much of the first frame of the page is drawn: 0 the x axis, 1 both axes, 2 all of it
 * (hidden until whole, so that no half-drawn frame is seen). The first recharts chart runs much of
 * recharts' code for the first time (compiled then): mounted whole, with its store's updates from
 * its effects, it was one task of 50–60 ms in a quarter of loads; in three commits, each a task of
 * its own, none reached 50 ms in 20 loads. Later frames mount whole.
 */
const WHOLE = 2;
const HIDDEN = { visibility: 'hidden' } as const;
let drawnWhole = false;

function useFirstFrameStage(): number {
  const [stage, setStage] = useState(drawnWhole ? WHOLE : 0);
  useEffect(() => {
    if (stage === WHOLE) {
      drawnWhole = true;
      return;
    }
    const timer = setTimeout(() => setStage(stage + 1));
    return () => clearTimeout(timer);
  }, [stage]);
  return stage;
}

/** Grid, axes, the guide line and the hover marks: recharts, redrawn only when an axis changes. */
function FrameView({ width, height, xDomain, y, kind, guide, xAxis, language, xName, yName, hover }: FrameProps) {
  const [xStart, xEnd] = xDomain;
  const stage = useFirstFrameStage();
  return (
    <ComposedChart
      width={width}
      height={height}
      data={[{ x: xStart }, { x: xEnd }]}
      margin={MARGIN}
      accessibilityLayer={false}
      style={stage === WHOLE ? undefined : HIDDEN}
    >
      {stage === WHOLE && <CartesianGrid stroke="var(--border)" strokeDasharray="3 4" />}
      <XAxis
        dataKey="x"
        type="number"
        domain={xDomain}
        ticks={niceTicks(xStart, xEnd, 4, xAxis === 'step')}
        allowDecimals={xAxis === 'epoch'}
        // the ticks are chosen not to collide (niceTicks): recharts need not measure their labels
        interval={0}
        tick={TICK}
        tickFormatter={(v: number) => formatXTick(v, language)}
        stroke={MUTED}
        height={X_AXIS_HEIGHT}
        label={{ value: xName, position: 'insideBottom', offset: 0, fill: MUTED, fontSize: 11 }}
      />
      {stage >= 1 && (
        <YAxis
          type="number"
          scale={y.scale}
          domain={y.domain}
          ticks={y.ticks}
          allowDataOverflow
          interval={0}
          tick={TICK}
          tickFormatter={(v: number) => formatTick(v, kind)}
          stroke={MUTED}
          width={Y_AXIS_WIDTH}
          label={{ value: yName, angle: -90, position: 'insideLeft', offset: 10, fill: MUTED, fontSize: 11, style: { textAnchor: 'middle' } }}
        />
      )}
      {stage === WHOLE && guide && (
        <ReferenceLine
          y={guide.y}
          stroke={MUTED}
          strokeDasharray="4 4"
          label={{ value: guide.label, position: 'insideBottomLeft', fill: MUTED, fontSize: 10, ...HALO }}
        />
      )}
      {stage === WHOLE && <HoverCursor store={hover} />}
    </ComposedChart>
  );
}

/** The frame redraws when what it shows changes, compared by value (charts are rebuilt each update). */
const Frame = memo(
  FrameView,
  (a, b) =>
    sameAxes(a, b) &&
    a.width === b.width &&
    a.height === b.height &&
    a.xAxis === b.xAxis &&
    a.language === b.language &&
    a.xName === b.xName &&
    a.yName === b.yName &&
    a.hover === b.hover,
);


export default Frame;
