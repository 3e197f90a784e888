/**
 * Reading a chart: the pointer (or ←/→ on the focused chart) picks an x, and every chart of the
 * panel shows a cursor line, a dot on each curve and a read-out of all its series there. Only these
 * layers redraw as the pointer moves; the x stays put while the run grows under it.
 */
import { useLayoutEffect, useMemo, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { xPixel, yPixel, type PlotMapping } from './canvas';
import { createHoverStore, fractionOfX, keyboardX, readOutLeft, useHoveredX, xAtFraction, type HoverStore } from './hover';
import { pointAt, type CurveChart } from './model';
import { describeReadings, ReadOut } from './ReadOut';

export { createHoverStore, type HoverStore };

/** Over the curves (an SVG the size of the canvas): a dot on each (non-faint) curve at the hovered x. */
export function HoverDots({ chart, mapping, store }: { chart: CurveChart; mapping: PlotMapping | null; store: HoverStore }) {
  const x = useHoveredX(store);
  if (x === null || chart.empty || mapping === null) return null;
  const [low, high] = mapping.yDomain;
  const dots = chart.series.flatMap((series) => {
    if (series.faint) return [];
    const point = pointAt(series, x);
    if (!point || !Number.isFinite(point.y) || point.y < low || point.y > high) return [];
    const cx = xPixel(mapping, point.x);
    const cy = yPixel(mapping, point.y);
    return Number.isFinite(cx) && Number.isFinite(cy) ? [{ key: series.key, cx, cy, color: series.color }] : [];
  });
  return (
    <svg className="curve-dots" aria-hidden="true">
      {dots.map((d) => (
        <circle key={d.key} cx={d.cx} cy={d.cy} r={3.5} fill={d.color} stroke="var(--surface)" strokeWidth={1.5} />
      ))}
    </svg>
  );
}

interface HoverOverlayProps {
  chart: CurveChart;
  store: HoverStore;
  xAxis: 'step' | 'epoch';
  xName: string;
  language: string;
  /** what the focusable chart is called for screen readers ("Loss: use ← and → to read values") */
  label: string;
}

/** Over the plot area: takes the pointer and the keyboard, and shows the read-out box. */
export function HoverOverlay({ chart, store, xAxis, xName, language, label }: HoverOverlayProps) {
  const x = useHoveredX(store);
  const area = useRef<HTMLDivElement>(null);
  const frame = useRef(0);
  const xs = useMemo(() => chart.rows.map((r) => r.x), [chart.rows]);

  const follow = (event: PointerEvent<HTMLDivElement>) => {
    const clientX = event.clientX;
    cancelAnimationFrame(frame.current);
    // one update per frame, however fast the pointer moves
    frame.current = requestAnimationFrame(() => {
      const box = area.current?.getBoundingClientRect();
      if (box && box.width > 0) store.set(xAtFraction((clientX - box.left) / box.width, chart.xDomain, xAxis));
    });
  };
  const leave = () => {
    cancelAnimationFrame(frame.current);
    if (document.activeElement !== area.current) store.set(null);
  };
  const key = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') return store.set(null);
    const next = keyboardX(event.key, x, xs, chart.xDomain);
    if (next === null) return;
    event.preventDefault();
    store.set(next);
  };

  const shown = x !== null && !chart.empty;
  const fraction = shown ? fractionOfX(x, chart.xDomain) : 0;
  // The box sits beside the cursor on the side with more room, and never leaves the card.
  useLayoutEffect(() => {
    const box = area.current?.querySelector<HTMLElement>('.curve-readout');
    const width = area.current?.clientWidth ?? 0;
    if (box && width > 0) box.style.left = `${readOutLeft(fraction * width, box.offsetWidth, width)}px`;
  });
  return (
    <div
      ref={area}
      className="curve-hover"
      tabIndex={chart.empty ? -1 : 0}
      role="slider"
      aria-label={label}
      aria-orientation="horizontal"
      aria-valuemin={chart.xDomain[0]}
      aria-valuemax={chart.xDomain[1]}
      aria-valuenow={x ?? chart.xDomain[1]}
      aria-valuetext={shown ? describeReadings(chart, x, xName, xAxis, language) : undefined}
      onPointerMove={follow}
      onPointerDown={follow}
      onPointerLeave={leave}
      onKeyDown={key}
      onFocus={() => store.get() === null && xs.length > 0 && store.set(xs[xs.length - 1])}
      onBlur={() => store.set(null)}
    >
      {shown && <ReadOut x={x} chart={chart} xName={xName} xAxis={xAxis} language={language} />}
    </div>
  );
}
