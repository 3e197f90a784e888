/**
 * The HTML half of the diagram, over the canvas that draws the links and pictures: each column's
 * title (and a hidden layer's width control), the neurons as circles with the inputs' and outputs'
 * names, the "⋮" of a wide layer, and each hidden layer's activation statistics underneath.
 *
 * Hidden neurons are one stop for the Tab key: the arrow keys move between them (Home/End within a
 * layer), and the focused one shows its tooltip, as hovering does.
 */
import { Fragment, memo, useState, type CSSProperties } from 'react';
import type { ActivationStats } from '../../engine/train/metrics';
import { useMessages } from '../i18n';
import { GAP, moveFocus, TOUCH_TARGET, type Column, type NetworkLayout, type NeuronRef } from './layout';
import { LayerWidth } from './LayerWidth';
import type { LayerLimits } from './limits';
import { layerHealth } from './stats';

export interface DiagramNodesProps {
  layout: NetworkLayout;
  inputNames: readonly string[];
  outputNames: readonly string[];
  /** fill of each output circle (the class colours), null for none */
  outputColors: ReadonlyArray<string | null>;
  classification: boolean;
  /** the inputs and hidden neurons show pictures (drawn on the canvas beneath) */
  pictures: boolean;
  /** per hidden layer; null: no statistics row (Identity has none) */
  stats: ReadonlyArray<ActivationStats | null> | null;
  limits: LayerLimits;
  onWidth: (layer: number, width: number) => void;
  onInvalidWidth: (layer: number | null) => void;
  tipId: string;
  active: NeuronRef | null;
  onActive: (neuron: NeuronRef | null) => void;
}

const keyOf = (n: NeuronRef) => `${n.layer}:${n.unit}`;

export const DiagramNodes = memo(function DiagramNodes(props: DiagramNodesProps) {
  const m = useMessages().model;
  const { layout, active, onActive } = props;
  const { columns, radius: r, cellWidth } = layout;
  const hiddenColumns = columns.filter((c) => c.kind === 'hidden');
  const drawnHidden = hiddenColumns.map((c) => c.units);
  const [tabStop, setTabStop] = useState<NeuronRef>({ layer: 0, unit: 0 });
  const stopValid = drawnHidden[tabStop.layer]?.includes(tabStop.unit) ?? false;
  const stop = stopValid ? tabStop : { layer: 0, unit: drawnHidden[0]?.[0] ?? 0 };

  const circle = (x: number, y: number, extra?: CSSProperties): CSSProperties => ({ left: x - r, top: y - r, width: 2 * r, height: 2 * r, ...extra });
  // a hidden neuron's button is a touch target around its circle (drawn by CSS at --circle)
  const half = Math.max(r, TOUCH_TARGET / 2);
  const target = (x: number, y: number) => ({ left: x - half, top: y - half, width: 2 * half, height: 2 * half, '--circle': `${2 * r}px` }) as CSSProperties;

  const slot = (column: Column, unit: number, k: number) => {
    const x = column.x;
    const y = column.ys[k];
    if (unit === GAP) {
      const hidden = column.total - (column.units.length - 1);
      return (
        <span key="gap" className="nn-gap" style={{ left: x, top: y }} title={m.notDrawn(hidden)} aria-hidden="true">
          ⋮<small>{`+${hidden}`}</small>
        </span>
      );
    }
    if (column.kind === 'input') {
      return (
        <Fragment key={unit}>
          <span className={`nn-node nn-input${props.pictures ? ' nn-pic' : ''}`} style={circle(x, y)} aria-hidden="true" />
          <span className="nn-label nn-label-in" style={{ right: layout.width - (x - r - 4), top: y }} aria-hidden="true">
            {props.inputNames[unit] ?? ''}
          </span>
        </Fragment>
      );
    }
    if (column.kind === 'output') {
      const name = props.outputNames[unit] ?? String(unit);
      const fill = props.outputColors[unit];
      return (
        <Fragment key={unit}>
          <span className="nn-node nn-output" style={circle(x, y, fill ? { background: fill } : undefined)} aria-hidden="true" />
          <span className="nn-label nn-label-out" style={{ left: x + r + 4, top: y, maxWidth: Math.max(8, layout.width - (x + r + 6)) }} title={name} aria-hidden="true">
            {name}
          </span>
        </Fragment>
      );
    }
    const neuron = { layer: column.index - 1, unit };
    const key = keyOf(neuron);
    const isActive = active !== null && keyOf(active) === key;
    return (
      <span
        key={unit}
        data-neuron={key}
        role="button"
        tabIndex={stop.layer === neuron.layer && stop.unit === unit ? 0 : -1}
        className={`nn-hidden${props.pictures ? ' nn-pic' : ''}`}
        style={target(x, y)}
        aria-label={m.neuron(neuron.layer + 1, unit + 1)}
        aria-expanded={isActive}
        aria-describedby={isActive ? props.tipId : undefined}
        onMouseEnter={() => onActive(neuron)}
        onMouseLeave={() => onActive(null)}
        onClick={() => onActive(neuron)}
        onFocus={() => {
          setTabStop(neuron);
          onActive(neuron);
        }}
        onBlur={() => onActive(null)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') return onActive(null);
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            return onActive(isActive ? null : neuron);
          }
          const next = moveFocus(drawnHidden, neuron, e.key);
          if (next) {
            e.preventDefault();
            e.currentTarget.parentElement?.querySelector<HTMLElement>(`[data-neuron="${keyOf(next)}"]`)?.focus();
          }
        }}
      />
    );
  };

  return (
    <>
      {columns.map((column) => {
        const left = column.x - cellWidth / 2;
        const layer = column.index - 1;
        const title =
          column.kind === 'input' ? m.inputsHeader(column.total) : column.kind === 'output' ? m.outputsHeader(column.total, props.classification) : m.layerHeader(layer + 1);
        return (
          <Fragment key={column.index}>
            <div className={`nn-head nn-head-${column.kind}`} style={{ left, width: cellWidth }}>
              <span className="nn-head-title">{title}</span>
              {column.kind === 'hidden' && (
                <LayerWidth layer={layer} width={column.total} limits={props.limits} mode={layout.controls} onChange={props.onWidth} onInvalid={props.onInvalidWidth} />
              )}
            </div>
            {column.units.map((unit, k) => slot(column, unit, k))}
            {column.kind === 'input' && props.stats && hiddenColumns.length > 0 && (
              <div className="nn-foot nn-foot-keys" style={{ left, width: cellWidth, top: layout.footerTop }} aria-hidden="true">
                <span>{m.statMean}</span>
                <span>{m.statStd}</span>
                <span>{m.statDead}</span>
              </div>
            )}
            {column.kind === 'hidden' && props.stats && (
              <StatsFoot layer={layer} stats={props.stats[layer] ?? null} marks={cellWidth >= 52} style={{ left, width: cellWidth, top: layout.footerTop }} />
            )}
          </Fragment>
        );
      })}
    </>
  );
});

/**
 * μ, σ and the dead share of one hidden layer (the keys are under the inputs). A worrying value is
 * bold, red and underlined, with a ⚠ where the column has room for it.
 */
function StatsFoot({ layer, stats, marks, style }: { layer: number; stats: ActivationStats | null; marks: boolean; style: CSSProperties }) {
  const m = useMessages().model;
  const health = stats ? layerHealth(stats) : null;
  const warnStd = health?.warnings.some((w) => w === 'exploding' || w === 'fading') ?? false;
  const warnDead = health?.warnings.includes('dead') ?? false;
  const dash = '–';
  return (
    <div className="nn-foot" style={style} title={health ? undefined : m.statsPending}>
      <span className="visually-hidden">{health ? m.statsSentence(layer + 1, health.mean, health.std, health.dead) : m.statsWaiting(layer + 1)}</span>
      <span aria-hidden="true">{health?.mean ?? dash}</span>
      <span aria-hidden="true" className={warnStd ? 'nn-warn' : undefined}>
        {warnStd && marks && '⚠'}
        {health?.std ?? dash}
      </span>
      <span aria-hidden="true" className={warnDead ? 'nn-warn' : undefined}>
        {warnDead && marks && '⚠'}
        {health?.dead ?? dash}
      </span>
    </div>
  );
}
