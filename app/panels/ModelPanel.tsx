/**
 * The Model panel (the forward pass): the network as an editable diagram — add or remove hidden
 * layers, widen or narrow each — whose lines are the live weights and whose hidden neurons show
 * what they compute over the input plane, with each layer's activation statistics underneath; and
 * beside it the activation, dropout, initialisation and batch-norm settings.
 */
import { useCallback, useMemo, useState } from 'react';
import {
  ACTIVATIONS,
  DATASETS,
  INITIALISATIONS,
  isClassification,
  numFeatures,
  numOutputs,
  type ExperimentConfig,
  type ModelConfig,
} from '../../engine/train/config';
import type { ActivationStats } from '../../engine/train/metrics';
import type { DataPoints } from '../../workers/session';
import * as training from '../bridge/training';
import { Checkpoints } from './Checkpoints';
import { ChoiceField, InfoTip, NumberField, Panel, SwitchField } from '../controls/fields';
import { inTurn } from '../controls/inTurn';
import { useMessages } from '../i18n';
import { addLayer, layerLimits, removeLayer, withWidth } from '../network/limits';
import { NetworkDiagram } from '../network/NetworkDiagram';
import { layerHealth, statsByLayer } from '../network/stats';
import '../network/network.css';
import { classColor } from '../palette';
import { useStore } from '../store';
import { displayClassNames } from '../viz/classNames';

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
const subscript = (n: number) => String(n).replace(/\d/g, (d) => SUBSCRIPTS[Number(d)]);

/** x for one input, x₁, x₂, … for more. */
export function inputNames(features: number): string[] {
  return features === 1 ? ['x'] : Array.from({ length: features }, (_, i) => `x${subscript(i + 1)}`);
}

function changeModel(patch: Partial<ModelConfig>) {
  return training.changeConfig({ model: patch });
}

/** Mounted in its turn at load (see inTurn). */
export const ModelPanel = inTurn(ModelPanelContent);

function ModelPanelContent() {
  const config = useStore((s) => s.config);
  const points = useStore((s) => s.points);
  const activations = useStore((s) => s.latestEvaluation?.activations ?? null);
  return <ModelPanelView config={config} points={points} activations={activations} />;
}

/** The panel for a given experiment, data and statistics (what the store holds), so it renders without a store. */
export function ModelPanelView({ config, points, activations }: { config: ExperimentConfig; points: DataPoints | null; activations: readonly ActivationStats[] | null }) {
  const messages = useMessages();
  const m = messages.model;
  const model = config.model;
  const layers = model.hiddenLayers;
  const limits = useMemo(layerLimits, []);
  const [invalidWidth, setInvalidWidth] = useState<number | null>(null);
  const [errors, setErrors] = useState<{ dropout?: string; initStd?: string }>({});

  const features = numFeatures(config);
  const outputs = numOutputs(config);
  const classification = isClassification(config);
  const imageSet = DATASETS[config.data.dataset].imageSide !== undefined;
  const sizesKey = [features, ...layers, outputs].join(',');
  const sizes = useMemo(() => sizesKey.split(',').map(Number), [sizesKey]);
  const inputs = useMemo(() => inputNames(features), [features]);
  const rawClassNames = points && points.classes === outputs ? points.classNames : null;
  const outputNames = useMemo(
    () => (classification ? displayClassNames(messages.output, rawClassNames ?? Array.from({ length: outputs }, (_, c) => String(c)), outputs, imageSet) : [m.prediction]),
    [classification, messages, rawClassNames, outputs, imageSet, m],
  );
  const outputColors = useMemo(() => Array.from({ length: outputs }, (_, c) => (classification && outputs <= 10 ? classColor(c) : null)), [classification, outputs]);
  const identity = model.activation === 'identity';
  const stats = useMemo(() => (identity ? null : statsByLayer(activations, layers.length)), [identity, activations, layers.length]);

  const setLayers = (hiddenLayers: number[]) => {
    setInvalidWidth(null);
    void changeModel({ hiddenLayers });
  };
  const onWidth = useCallback((layer: number, width: number) => {
    setInvalidWidth(null);
    void changeModel({ hiddenLayers: withWidth(useStore.getState().config.model.hiddenLayers, layer, width) });
  }, []);
  const changeChecked = (key: 'dropout' | 'initStd', value: number, message: string) => {
    if (!Number.isFinite(value)) {
      setErrors((e) => ({ ...e, [key]: message }));
      return;
    }
    void changeModel({ [key]: value }).then((result) => {
      const refused = result.errors.some((e) => e.path === `model.${key}`);
      setErrors((e) => ({ ...e, [key]: refused ? message : undefined }));
    });
  };
  const restarts = { restarts: true, restartsText: m.restarts };

  const warnings = (stats ?? []).flatMap((s, i) => {
    if (!s) return [];
    const health = layerHealth(s);
    return health.warnings.map((w) =>
      w === 'dead' ? m.warnDead(i + 1, health.dead) : w === 'exploding' ? m.warnExploding(i + 1, health.std) : m.warnFading(i + 1, health.std),
    );
  });

  return (
    <Panel id="model" title={m.title}>
      <div className="model-layout">
        <div className="model-grid">
          <div className="model-network">
            <div className="nn-toolbar">
              <button
                type="button"
                className="button"
                aria-label={m.addLayerLabel}
                title={m.restartsAfter(m.addLayerLabel)}
                disabled={layers.length >= limits.maxLayers}
                onClick={() => setLayers(addLayer(layers, limits))}
              >
                <span aria-hidden="true">+</span> {m.addLayer}
              </button>
              <button
                type="button"
                className="button"
                aria-label={m.removeLayerLabel}
                title={m.restartsAfter(m.removeLayerLabel)}
                disabled={layers.length === 0}
                onClick={() => setLayers(removeLayer(layers))}
              >
                <span aria-hidden="true">−</span> {m.removeLayer}
              </button>
              <span className="nn-toolbar-count">
                {m.layerCount(layers.length)}
                <span className="field-restarts" title={m.restarts} aria-hidden="true">
                  ↻
                </span>
                <InfoTip text={m.layersTip} label={m.layersName} />
              </span>
            </div>
            {invalidWidth !== null && (
              <p className="field-error" role="alert">
                {m.widthError(limits.minWidth, limits.maxWidth)}
              </p>
            )}
            <NetworkDiagram
              sizes={sizes}
              inputNames={inputs}
              outputNames={outputNames}
              outputColors={outputColors}
              classification={classification}
              plane={features === 2}
              stats={stats}
              limits={limits}
              onWidth={onWidth}
              onInvalidWidth={setInvalidWidth}
            />
            {layers.length > 0 && (
              <div className="nn-stats-note">
                {identity ? (
                  <span>{m.statsNone}</span>
                ) : (
                  <span className="nn-stats-key">
                    {m.statsKey}
                    <InfoTip text={m.statsTip} label={m.statsTitle} />
                  </span>
                )}
                {warnings.length > 0 && (
                  <ul className="nn-warnings">
                    {warnings.map((w) => (
                      <li key={w}>
                        <span aria-hidden="true">⚠ </span>
                        {w}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            )}
          </div>

          <div className="model-settings" role="group" aria-label={m.settingsLabel}>
            {layers.length === 0 && <p className="model-settings-note">{m.noHiddenNote}</p>}
            <ChoiceField
              label={m.activation}
              tip={m.activationTip}
              field="model.activation"
              {...restarts}
              value={model.activation}
              choices={ACTIVATIONS}
              names={(a) => m.activations[a]}
              disabled={layers.length === 0}
              onChange={(activation) => void changeModel({ activation })}
            />
            <NumberField
              label={m.dropout}
              tip={m.dropoutTip}
              field="model.dropout"
              value={model.dropout}
              min={0}
              max={0.95}
              step={0.05}
              error={errors.dropout}
              disabled={layers.length === 0}
              onChange={(dropout) => changeChecked('dropout', dropout, m.dropoutError)}
            />
            <ChoiceField
              label={m.init}
              tip={m.initTip}
              field="model.init"
              {...restarts}
              value={model.init}
              choices={INITIALISATIONS}
              names={(i) => m.inits[i]}
              onChange={(init) => void changeModel({ init })}
            />
            {model.init === 'normal' && (
              <NumberField
                label={m.initStd}
                tip={m.initStdTip}
                field="model.initStd"
                {...restarts}
                value={model.initStd}
                min={1e-4}
                max={100}
                logScale
                error={errors.initStd}
                onChange={(initStd) => changeChecked('initStd', initStd, m.initStdError)}
              />
            )}
            <SwitchField
              label={m.batchNorm}
              tip={m.batchNormTip}
              field="model.batchNorm"
              {...restarts}
              checked={model.batchNorm}
              disabled={layers.length === 0}
              onChange={(batchNorm) => void changeModel({ batchNorm })}
            />
          </div>
        </div>
        <Checkpoints />
      </div>
    </Panel>
  );
}
