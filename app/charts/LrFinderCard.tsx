/**
 * The learning-rate finder's card in the curves grid: "Find LR", the loss against the rate on a log
 * axis (smoothed, the per-step losses faint behind), the suggested rate, the minimum, the steepest
 * fall and the rate now marked, and "Use lr = …". A small static SVG: 200 points drawn once.
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import * as training from '../bridge/training';
import { InfoTip } from '../controls/fields';
import { useMessages } from '../i18n';
import { useStore } from '../store';
import { formatRate } from '../training/format';
import { formatTick } from './axis';
import type { LrFinderResult } from '../../engine/train/lrFinder';
import { finderChart, formatDecade, nearestPoint, type FinderChart, type FinderMarkKind } from './lrFinderModel';

/** The plot's height: the other charts' (--chart-height). */
function useBox(ref: React.RefObject<HTMLElement | null>): { width: number; height: number } {
  const [box, setBox] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const { width, height } = element.getBoundingClientRect();
      setBox((old) => (old.width === Math.round(width) && old.height === Math.round(height) ? old : { width: Math.round(width), height: Math.round(height) }));
    };
    measure();
    if (typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return box;
}

const MARK_CLASS: Record<FinderMarkKind, string> = {
  suggestion: 'finder-mark finder-mark-suggestion',
  minimum: 'finder-mark finder-mark-minimum',
  steepest: 'finder-mark finder-mark-steepest',
  current: 'finder-mark finder-mark-current',
};

export function LrFinderCard({ focused }: { focused: boolean }) {
  const m = useMessages();
  const f = m.curves.lrFinder;
  const titleId = useId();
  const { finder, run, lr } = useStore(useShallow((s) => ({ finder: s.lrFinder, run: s.run, lr: s.config.optimizer.lr })));
  const plot = useRef<HTMLDivElement>(null);
  const box = useBox(plot);
  const result = finder?.state === 'done' ? finder.result : null;
  const chart = useMemo(() => {
    if (!result) return null;
    const names: Record<FinderMarkKind, string> = { suggestion: f.suggestion, minimum: f.minimum, steepest: f.steepest, current: f.current };
    return finderChart(result, box.width, box.height, lr, (kind, rate) => `${names[kind]} ${formatRate(kind === 'suggestion' ? training.roundedRate(rate) : rate)}`);
  }, [result, box.width, box.height, lr, f]);
  const [hovered, setHovered] = useState<number | null>(null);
  useEffect(() => setHovered(null), [result]);
  const running = finder?.state === 'running';
  const suggestion = result?.suggestion ?? null;
  const rounded = suggestion === null ? null : training.roundedRate(suggestion);

  return (
    <figure className={focused ? 'curve-card curve-card-focused finder' : 'curve-card finder'} aria-labelledby={titleId} data-chart="lrFinder" data-testid="lr-finder">
      <figcaption className="curve-head">
        <span className="curve-title-row">
          <h3 id={titleId} className="curve-title">
            {f.title}
          </h3>
          <InfoTip text={f.tip} label={f.title} />
          <button type="button" className="button button-small finder-find" title={f.findTip} disabled={running} onClick={() => void training.findLr()}>
            {result || finder?.state === 'failed' ? f.again : f.find}
          </button>
        </span>
        {result && (
          <span className="finder-legend" aria-hidden="true">
            <span className="finder-legend-item">
              <span className="finder-key finder-key-smoothed" />
              {f.smoothed}
            </span>
            <span className="finder-legend-item">
              <span className="finder-key finder-key-raw" />
              {f.raw}
            </span>
          </span>
        )}
      </figcaption>
      <div className="finder-body">
        <div className="finder-plot" ref={plot}>
          {chart && result && <FinderSvg chart={chart} result={result} hovered={hovered} onHover={setHovered} label={f.chartLabel} />}
          {!chart && (
            <p className="curve-empty" role={running ? 'status' : undefined}>
              {running ? f.running : finder?.state === 'failed' ? f.failed(finder.error ?? '') : f.empty}
            </p>
          )}
        </div>
        {result && (
          <div className="finder-result" role="status" data-testid="lr-finder-result">
            <p className="finder-text">
              {suggestion === null || result.minimum === null
                ? f.noFall
                : f.result(formatRate(rounded!), formatRate(result.minimum), result.steepest === null ? null : formatRate(result.steepest))}
              {result.diverged && result.lrs.length > 0 ? ` ${f.diverged(formatRate(result.lrs[result.lrs.length - 1]))}` : ''}
            </p>
            <p className="finder-note">{finder!.run !== run ? f.stale : f.measured(finder!.step)}</p>
            {rounded !== null && (
              <p className="finder-actions">
                {rounded === lr ? (
                  <span className="finder-note">{f.inUse}</span>
                ) : (
                  <button type="button" className="button button-primary button-small" title={f.useTip} data-testid="lr-finder-use" onClick={() => void training.applyFoundLr()}>
                    {f.use(formatRate(rounded))}
                  </button>
                )}
              </p>
            )}
          </div>
        )}
      </div>
    </figure>
  );
}

function FinderSvg({ chart, result, hovered, onHover, label }: {
  chart: FinderChart;
  result: LrFinderResult;
  hovered: number | null;
  onHover: (index: number | null) => void;
  label: string;
}) {
  const f = useMessages().curves.lrFinder;
  const point = hovered === null ? null : { x: chart.xs[hovered], y: chart.ys[hovered], lr: result.lrs[hovered], loss: result.smoothed[hovered] };
  const move = (clientX: number, svg: SVGSVGElement) => onHover(nearestPoint(chart, clientX - svg.getBoundingClientRect().left));
  return (
    <svg
      className="finder-svg"
      width={chart.width}
      height={chart.height}
      role="img"
      aria-label={point ? `${label}: ${f.readOut(formatRate(point.lr), formatTick(point.loss, 'loss'))}` : label}
      tabIndex={0}
      onPointerMove={(e) => move(e.clientX, e.currentTarget)}
      onPointerLeave={() => onHover(null)}
      onKeyDown={(e) => {
        if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
        e.preventDefault();
        const last = chart.xs.length - 1;
        const from = hovered ?? (e.key === 'ArrowRight' ? -1 : last + 1);
        onHover(Math.min(last, Math.max(0, from + (e.key === 'ArrowRight' ? 1 : -1))));
      }}
      onBlur={() => onHover(null)}
    >
      <defs>
        <clipPath id="finder-clip">
          <rect x={chart.left} y={chart.top} width={chart.right - chart.left} height={chart.bottom - chart.top} />
        </clipPath>
      </defs>
      {chart.yTicks.map((t) => (
        <g key={`y${t.value}`}>
          <line className="finder-grid" x1={chart.left} x2={chart.right} y1={t.y} y2={t.y} />
          <text className="finder-tick" x={chart.left - 6} y={t.y} textAnchor="end" dominantBaseline="middle">
            {formatTick(t.value, 'loss')}
          </text>
        </g>
      ))}
      {chart.xTicks.map((t) => (
        <g key={`x${t.value}`}>
          <line className="finder-grid" x1={t.x} x2={t.x} y1={chart.top} y2={chart.bottom} />
          <text className="finder-tick" x={t.x} y={chart.bottom + 14} textAnchor="middle">
            {formatDecade(t.value)}
          </text>
        </g>
      ))}
      <text className="finder-axis-name" x={(chart.left + chart.right) / 2} y={chart.height - 4} textAnchor="middle">
        {f.xName}
      </text>
      <text className="finder-axis-name" transform={`translate(12 ${(chart.top + chart.bottom) / 2}) rotate(-90)`} textAnchor="middle">
        {f.yName}
      </text>
      <line className="finder-axis" x1={chart.left} x2={chart.right} y1={chart.bottom} y2={chart.bottom} />
      <g clipPath="url(#finder-clip)">
        <path className="finder-raw" d={chart.rawPath} />
        <path className="finder-smoothed" d={chart.smoothedPath} />
      </g>
      {chart.marks.map((mark) => (
        <g key={mark.kind} className={MARK_CLASS[mark.kind]} data-mark={mark.kind} data-lr={mark.lr}>
          <line x1={mark.x} x2={mark.x} y1={chart.top} y2={chart.bottom} />
          <text x={mark.x + (mark.anchor === 'end' ? -4 : 4)} y={chart.top + 10 + mark.row * 13} textAnchor={mark.anchor}>
            {mark.label}
          </text>
        </g>
      ))}
      {point && (
        <g className="finder-hover">
          <line x1={point.x} x2={point.x} y1={chart.top} y2={chart.bottom} />
          <circle cx={point.x} cy={point.y} r={4} />
          <text x={point.x + (point.x > chart.right - 120 ? -8 : 8)} y={chart.bottom - 8} textAnchor={point.x > chart.right - 120 ? 'end' : 'start'}>
            {f.readOut(formatRate(point.lr), formatTick(point.loss, 'loss'))}
          </text>
        </g>
      )}
    </svg>
  );
}
