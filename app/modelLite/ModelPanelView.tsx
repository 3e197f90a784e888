/**
 * The Model panel: the network as a diagram whose links show the live weights (width = size,
 * colour = sign), buttons to add, remove, widen and narrow hidden layers, the activation, dropout,
 * initialisation and batch norm, and each hidden layer's activation statistics.
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ACTIVATIONS, fieldAt, INITIALISATIONS, type ModelConfig } from '../../engine/train/config';
import * as training from '../bridge/training';
import { ChoiceField, InfoTip, NumberField, Panel, SwitchField } from '../controls/fields';
import { useMessages } from '../i18n';
import { useStore } from '../store';
import { layoutColumns, linkStyle } from './layout';
import './model.css';

const WIDTH = 560;
const HEIGHT = 300;
const POSITIVE = '#0072b2';
const NEGATIVE = '#e69f00';

function layerLimits(): { maxLayers: number; maxWidth: number } {
  const spec = fieldAt('model.hiddenLayers')?.spec;
  return spec && spec.kind === 'list' ? { maxLayers: spec.maxLength, maxWidth: spec.item.max } : { maxLayers: 6, maxWidth: 256 };
}

export function ModelPanelView() {
  const m = useMessages().model;
  const { config, network, points, activations } = useStore(
    useShallow((s) => ({ config: s.config.model, network: s.network, points: s.points, activations: s.latestEvaluation?.activations ?? null })),
  );
  const change = (patch: Partial<ModelConfig>) => void training.changeConfig({ model: { ...config, ...patch } });
  const { maxLayers, maxWidth } = layerLimits();
  const inputs = points?.features ?? 2;
  const outputs = points ? (points.task === 'classification' ? points.classes : 1) : 2;
  const sizes = [inputs, ...config.hiddenLayers, outputs];
  const columns = useMemo(() => layoutColumns(sizes, WIDTH, HEIGHT), [sizes.join(',')]); // eslint-disable-line react-hooks/exhaustive-deps
  const setWidth = (layer: number, width: number) =>
    change({ hiddenLayers: config.hiddenLayers.map((w, i) => (i === layer ? Math.min(maxWidth, Math.max(1, width)) : w)) });

  const links = useMemo(() => {
    const out: { key: string; x1: number; y1: number; x2: number; y2: number; width: number; color: string; opacity: number }[] = [];
    if (!network || network.layers.length !== columns.length - 1) return out;
    network.layers.forEach((layer, l) => {
      const [rows, cols] = layer.shape;
      let largest = 0;
      for (let i = 0; i < layer.weight.length; i++) largest = Math.max(largest, Math.abs(layer.weight[i]));
      const from = columns[l];
      const to = columns[l + 1];
      to.units.forEach((o, oi) => {
        if (o < 0 || o >= rows) return;
        from.units.forEach((i, ii) => {
          if (i < 0 || i >= cols) return;
          const style = linkStyle(layer.weight[o * cols + i], largest);
          out.push({
            key: `${l}-${o}-${i}`,
            x1: from.x, y1: from.ys[ii], x2: to.x, y2: to.ys[oi],
            width: style.width, color: style.positive ? POSITIVE : NEGATIVE, opacity: style.opacity,
          });
        });
      });
    });
    return out;
  }, [network, columns]);

  const outputNames = points?.task === 'classification' ? points.classNames : ['ŷ'];
  const inputName = (i: number) => (inputs <= 2 ? `x${'₁₂'[i] ?? i + 1}` : `x${i + 1}`);
  const restarts = { restarts: true, restartsText: m.restarts };

  return (
    <Panel id="model" title={m.title}>
      <div className="model-layers">
        <button type="button" className="button" onClick={() => change({ hiddenLayers: [...config.hiddenLayers, config.hiddenLayers.at(-1) ?? 8] })} disabled={config.hiddenLayers.length >= maxLayers}>
          + {m.addLayer}
        </button>
        <button type="button" className="button" onClick={() => change({ hiddenLayers: config.hiddenLayers.slice(0, -1) })} disabled={config.hiddenLayers.length === 0}>
          − {m.removeLayer}
        </button>
        <InfoTip text={m.layersTip} label={m.layersTip} />
      </div>
      <div className="model-diagram">
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={m.diagramLabel(sizes.join(' → '))}>
          {links.map((l) => (
            <line key={l.key} x1={l.x1} y1={l.y1} x2={l.x2} y2={l.y2} stroke={l.color} strokeWidth={l.width} strokeOpacity={l.opacity} />
          ))}
          {columns.map((column, c) =>
            column.units.map((unit, k) =>
              unit < 0 ? (
                <text key={`${c}-gap`} x={column.x} y={column.ys[k] + 4} textAnchor="middle" className="model-gap">
                  ⋮
                </text>
              ) : (
                <g key={`${c}-${unit}`}>
                  <circle cx={column.x} cy={column.ys[k]} r={8} className={c === 0 ? 'model-node model-input' : c === columns.length - 1 ? 'model-node model-output' : 'model-node'} />
                  {c === 0 && inputs <= 4 && (
                    <text x={column.x - 13} y={column.ys[k] + 4} textAnchor="end" className="model-label">
                      {inputName(unit)}
                    </text>
                  )}
                  {c === columns.length - 1 && outputs <= 10 && (
                    <text x={column.x + 13} y={column.ys[k] + 4} textAnchor="start" className="model-label">
                      {outputNames[unit] ?? unit}
                    </text>
                  )}
                </g>
              ),
            ),
          )}
        </svg>
      </div>
      <div className="model-columns">
        <div className="model-column-note">
          {m.inputs}: {inputs}
        </div>
        {config.hiddenLayers.map((width, i) => {
          const stats = activations?.[i];
          return (
            <div key={i} className="model-column-note">
              <strong>{m.hiddenLayer(i + 1)}</strong>
              <span className="model-width">
                <button type="button" className="button model-small" aria-label={m.narrower(i + 1)} onClick={() => setWidth(i, width > 16 ? width / 2 : width - 1)} disabled={width <= 1}>
                  −
                </button>
                <span>{m.units(width)}</span>
                <button type="button" className="button model-small" aria-label={m.wider(i + 1)} onClick={() => setWidth(i, width >= 16 ? width * 2 : width + 1)} disabled={width >= maxWidth}>
                  +
                </button>
              </span>
              {stats && (
                <span className="model-stats" title={m.deadTip}>
                  {m.stats(stats.mean.toFixed(2), stats.std.toFixed(2))}
                  {config.activation === 'relu' || config.activation === 'leakyRelu' ? ` · ${m.dead(`${Math.round(100 * stats.deadFraction)}%`)}` : ''}
                </span>
              )}
            </div>
          );
        })}
        <div className="model-column-note">
          {m.outputs}: {outputs}
        </div>
      </div>
      <p className="model-legend">
        <span className="model-swatch" style={{ background: POSITIVE }} /> {m.legendPositive}
        <span className="model-swatch" style={{ background: NEGATIVE }} /> {m.legendNegative}
        <span className="model-legend-note">{m.weightsNote}</span>
      </p>
      <div className="model-settings">
        <ChoiceField label={m.activation} tip={m.activationTip} field="model.activation" {...restarts} value={config.activation} choices={ACTIVATIONS} names={(a) => m.activations[a]} onChange={(activation) => change({ activation })} />
        <NumberField label={m.dropout} tip={m.dropoutTip} field="model.dropout" value={config.dropout} min={0} max={0.95} step={0.05} onChange={(dropout) => change({ dropout })} />
        <ChoiceField label={m.init} tip={m.initTip} field="model.init" {...restarts} value={config.init} choices={INITIALISATIONS} names={(i) => m.inits[i]} onChange={(init) => change({ init })} />
        {config.init === 'normal' && (
          <NumberField label={m.initStd} tip={m.initStdTip} field="model.initStd" {...restarts} value={config.initStd} min={1e-4} max={100} logScale onChange={(initStd) => change({ initStd })} />
        )}
        <SwitchField label={m.batchNorm} tip={m.batchNormTip} field="model.batchNorm" {...restarts} checked={config.batchNorm} onChange={(batchNorm) => change({ batchNorm })} />
      </div>
    </Panel>
  );
}
