/**
 * One chart of the curves panel: title, legend, a recharts frame (grid, axes, guide line, hover
 * marks) and the curves drawn on a canvas over its plot area (see canvas.ts for why). The frame
 * redraws only when an axis changes; the canvas at every update of the chart.
 */
import { lazy, memo, Suspense, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { InfoTip } from '../controls/fields';
import { useTurn, whenSettled } from '../controls/inTurn';
import { colorResolver, drawCurves, type PlotMapping } from './canvas';
import type { CurveChart } from './model';
import { HoverDots, HoverOverlay, type HoverStore } from './HoverLayer';
import { CHART_HEIGHT, MARGIN, sameAxes, X_AXIS_HEIGHT, Y_AXIS_WIDTH, type FrameAxes } from './frameModel';
import { Legend } from './ReadOut';
import { downloadChartPng } from './png';

const loadFrame = () => import('./Frame');
/** recharts and its frame: not part of the first load (see prefetchFrame). */
const Frame = lazy(loadFrame);

/**
 * The frame's code in stages, each imported (so evaluated, in a task of its own) after the one
 * before: its dependencies first, then recharts' store and selectors (hundreds of selectors made
 * at evaluation), then the rest. All at once, evaluating it was one task of 100–130 ms.
 */
const FRAME_STAGES: ReadonlyArray<() => Promise<unknown>> = [
  () => import('d3-scale'),
  () => import('@reduxjs/toolkit'),
  // @ts-expect-error: recharts ships no types for its modules one by one
  () => import('recharts/es6/state/selectors/axisSelectors.js'),
  // @ts-expect-error: as above
  () => import('recharts/es6/state/store.js'),
  loadFrame,
];

let prefetching = false;

/**
 * Loads the frame's code (recharts, ~90 kB gzipped) in idle time once the page is up, stage by
 * stage, so that scrolling to the charts does not wait for it, nor spend a long task evaluating it then.
 */
function prefetchFrame(): void {
  if (prefetching) return;
  prefetching = true;
  whenSettled(() => {
    const next = (stage: number): Promise<unknown> =>
      stage === FRAME_STAGES.length ? Promise.resolve() : FRAME_STAGES[stage]().then(() => new Promise((r) => setTimeout(r, 0))).then(() => next(stage + 1));
    next(0).catch(() => (prefetching = false));
  });
}

export interface CurveCardProps {
  chart: CurveChart;
  /** how long this card waits before redrawing its axes (ms), staggered across the panel */
  lag: number;
  /** whether to draw the recharts frame (axes, grid) yet: false until the panel nears the screen */
  frame: boolean;
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
  /** which chart this is (`loss`, `lr`…), for styles and tests */
  chartId?: string;
  /** the chart the open lesson talks about: marked so the eye finds it */
  focused?: boolean;
  /** the name of the button that downloads the chart as a picture (none: no button, as in an embed) */
  pngLabel?: string;
}

/**
 * The axes the frame shows. A new x range reaches every chart of the panel at once, and four
 * recharts frames redrawn in one task would block the page for ~50 ms: so each card takes new axes
 * after its own small delay (`lag` ms, staggered across the grid) and redraws its frame in that
 * timer's task. The canvas draws against the axes shown, so curves and ticks always agree.
 */
function useStaggeredAxes(chart: CurveChart, lag: number): FrameAxes {
  const [shown, setShown] = useState<FrameAxes>(chart);
  const latest = useRef<FrameAxes>(chart);
  latest.current = chart;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const differs = !sameAxes(shown, chart);
  useEffect(() => {
    if (!differs || timer.current !== null) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      // rendered here and now, so that frames whose timers fire together are not batched into one task
      flushSync(() => setShown(latest.current));
    }, lag);
  });
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );
  return shown;
}

/** The curves, on a canvas over the frame's plot area; redrawn whenever the chart or its size changes. */
function Curves({ chart, axes, bestLabel, hover, onSize }: { chart: CurveChart; axes: FrameAxes; bestLabel: string; hover: HoverStore; onSize: (width: number, height: number) => void }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  // the canvas' size, and its font (read once here, not at every redraw)
  const [size, setSize] = useState<{ width: number; height: number; ratio: number; font: string } | null>(null);
  // bumped when the colour scheme changes: the colours behind the CSS variables are read again
  const [scheme, setScheme] = useState(0);
  const [colors] = useState(() => colorResolver((name) => (canvas.current ? getComputedStyle(canvas.current).getPropertyValue(name) : '')));

  useEffect(() => {
    const element = canvas.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      const ratio = window.devicePixelRatio || 1;
      const width = element.clientWidth;
      const height = element.clientHeight;
      const font = getComputedStyle(element).fontFamily || 'sans-serif';
      onSize(width, height);
      setSize((old) => (old && old.width === width && old.height === height && old.ratio === ratio && old.font === font ? old : { width, height, ratio, font }));
    };
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    const dark = window.matchMedia?.('(prefers-color-scheme: dark)');
    const recolour = () => {
      colors.reset();
      setScheme((n) => n + 1);
    };
    dark?.addEventListener('change', recolour);
    measure();
    return () => {
      observer.disconnect();
      dark?.removeEventListener('change', recolour);
    };
  }, [colors, onSize]);

  const mapping = useMemo<PlotMapping | null>(
    () =>
      size === null || size.width === 0
        ? null
        : {
            left: Y_AXIS_WIDTH + MARGIN.left,
            top: MARGIN.top,
            width: Math.max(0, size.width - Y_AXIS_WIDTH - MARGIN.left - MARGIN.right),
            height: Math.max(0, size.height - MARGIN.top - MARGIN.bottom - X_AXIS_HEIGHT),
            xDomain: axes.xDomain,
            yDomain: axes.y.domain,
            log: axes.y.scale === 'log',
          },
    [size, axes],
  );

  useLayoutEffect(() => {
    const element = canvas.current;
    if (!element || !size || !mapping) return;
    const pixelWidth = Math.round(size.width * size.ratio);
    const pixelHeight = Math.round(size.height * size.ratio);
    if (element.width !== pixelWidth) element.width = pixelWidth;
    if (element.height !== pixelHeight) element.height = pixelHeight;
    const ctx = element.getContext('2d');
    if (!ctx) return;
    drawCurves(ctx, chart, mapping, {
      color: colors.color,
      width: size.width,
      height: size.height,
      pixelRatio: size.ratio,
      bestLabel,
      font: size.font,
    });
  }, [chart, mapping, size, bestLabel, colors, scheme]);

  return (
    <>
      <canvas ref={canvas} className="curve-canvas" aria-hidden="true" />
      <HoverDots chart={chart} mapping={mapping} store={hover} />
    </>
  );
}

function CurveCardView({ chart, lag, frame, title, xName, yName, xAxis, language, bestLabel, bestLegend, emptyText, hover, readHint, tip, chartId, focused, pngLabel }: CurveCardProps) {
  const titleId = useId();
  const figure = useRef<HTMLElement>(null);
  const axes = useStaggeredAxes(chart, lag);
  const plot = useRef<HTMLDivElement>(null);
  // Near the screen, the four frames take turns: each first recharts render is a task of its own.
  const frameShown = useTurn(plot, frame);
  useEffect(prefetchFrame, []);
  // The frame's size, as the canvas (the same box) measures it: given to recharts, which then
  // measures nothing itself (responsive, it observes and measures its box and renders again).
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const onSize = useCallback((width: number, height: number) => setSize((old) => (old?.width === width && old.height === height ? old : { width, height })), []);
  return (
    <figure ref={figure} className={focused ? 'curve-card curve-card-focused' : 'curve-card'} aria-labelledby={titleId} data-chart={chartId}>
      <figcaption className="curve-head">
        <span className="curve-title-row">
          <h3 id={titleId} className="curve-title">
            {title}
          </h3>
          <InfoTip text={tip} label={title} />
          {pngLabel && !chart.empty && (
            <button
              type="button"
              className="curve-png"
              aria-label={pngLabel}
              title={pngLabel}
              data-testid="download-png"
              onClick={() => figure.current && void downloadChartPng(figure.current, `training-playground-${chartId ?? 'chart'}`)}
            >
              PNG
            </button>
          )}
        </span>
        {!chart.empty && <Legend chart={chart} bestLabel={bestLegend} />}
      </figcaption>
      <div className="curve-plot" ref={plot}>
        <Suspense fallback={framePlaceholder}>
          {frameShown && size !== null && size.width > 0 ? (
            <Frame
              width={size.width}
              height={size.height}
              xDomain={axes.xDomain}
              y={axes.y}
              kind={axes.kind}
              guide={axes.guide}
              xAxis={xAxis}
              language={language}
              xName={xName}
              yName={yName}
              hover={hover}
            />
          ) : (
            framePlaceholder
          )}
        </Suspense>
        <Curves chart={chart} axes={axes} bestLabel={bestLabel} hover={hover} onSize={onSize} />
        <HoverOverlay chart={chart} store={hover} xAxis={xAxis} xName={xName} language={language} label={`${title}: ${readHint}`} />
        {chart.empty && <p className="curve-empty">{emptyText}</p>}
      </div>
    </figure>
  );
}

/** Where the frame will be, until it has loaded (the same height, so nothing moves). */
const framePlaceholder = <div className="curve-frame-placeholder" style={{ height: CHART_HEIGHT }} />;

/** Memoised: a card redraws only when its own chart (or the page's language, axis…) changed. */
export const CurveCard = memo(CurveCardView);
