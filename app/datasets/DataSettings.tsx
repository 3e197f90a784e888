/**
 * The settings of the chosen data set, only those that apply to it (from the field table's
 * `usedWhen`): points, noise, classes, imbalance, validation fraction, augmentation and its σ, seed.
 * All of them restart the run. A refused value shows its reason under the field.
 */
import { useState, type ReactNode } from 'react';
import { AUGMENTATIONS, DATASETS, fieldAt, fieldsOf, type Augmentation, type DataConfig, type ExperimentConfig } from '../../engine/train/config';
import type { UpdateResult } from '../../workers/session';
import * as training from '../bridge/training';
import { ChoiceField } from '../controls/fields';
import { useMessages } from '../i18n';
import { describeError } from '../panels/Notices';
import { DraftNumberField } from './DraftNumberField';
import { SeedField } from './SeedField';
import { roundRatio } from './summary';

type DataKey = Exclude<keyof DataConfig, 'dataset'>;

/** The slider range the field table gives a number setting. */
function range(key: DataKey): { min: number; max: number } {
  const spec = fieldAt(`data.${key}`)?.spec;
  return spec?.kind === 'number' ? { min: spec.min, max: spec.max } : { min: 0, max: 1 };
}

/** The data settings this experiment uses, in the table's order (the data set itself is the picker). */
export function usedDataSettings(config: ExperimentConfig): DataKey[] {
  return fieldsOf(config)
    .filter((entry) => entry.used && entry.path.startsWith('data.') && entry.path !== 'data.dataset')
    .map((entry) => entry.path.slice('data.'.length) as DataKey);
}

/** Augmentations that fit the data set: shifting by a pixel needs images. */
export function augmentationChoices(config: ExperimentConfig): Augmentation[] {
  return AUGMENTATIONS.filter((a) => a !== 'shift' || config.data.dataset === 'digits');
}

export function DataSettings({ config }: { config: ExperimentConfig }) {
  const m = useMessages();
  const f = m.data.fields;
  const [errors, setErrors] = useState<Partial<Record<DataKey, string>>>({});

  const commit = (key: DataKey, value: DataConfig[DataKey]) => {
    void training.changeConfig({ data: { [key]: value } }).then((result: UpdateResult) => {
      const error = result.errors.find((e) => e.path === `data.${key}`) ?? result.errors[0];
      setErrors((old) => ({ ...old, [key]: error ? describeError(m, error, `data.${key}`) : undefined }));
    });
  };
  const data = config.data;
  const info = DATASETS[data.dataset];
  const common = (key: Exclude<DataKey, 'augmentation'>) => ({
    field: `data.${key}`,
    label: f[key].label,
    tip: f[key].tip,
    restarts: fieldAt(`data.${key}`)?.change === 'structural',
    restartsText: m.data.restarts,
    error: errors[key] ?? null,
  });

  const controls: Record<DataKey, () => ReactNode> = {
    points: () => <DraftNumberField {...common('points')} {...range('points')} integer value={data.points} onCommit={(v) => commit('points', v)} />,
    noise: () => <DraftNumberField {...common('noise')} {...range('noise')} step={0.01} value={data.noise} onCommit={(v) => commit('noise', v)} />,
    classes: () => (
      <DraftNumberField
        {...common('classes')}
        min={info.classRange?.min ?? 2}
        max={info.classRange?.max ?? 5}
        integer
        value={data.classes}
        onCommit={(v) => commit('classes', v)}
      />
    ),
    imbalance: () => (
      <div className="data-field-with-note">
        <DraftNumberField {...common('imbalance')} {...range('imbalance')} step={0.5} value={data.imbalance} onCommit={(v) => commit('imbalance', v)} />
        <p className="data-note" aria-live="polite">
          {data.imbalance === 1 ? m.data.imbalanceBalanced : m.data.imbalanceRatio(String(roundRatio(data.imbalance)))}
        </p>
      </div>
    ),
    validationFraction: () => (
      <DraftNumberField
        {...common('validationFraction')}
        {...range('validationFraction')}
        step={0.01}
        value={data.validationFraction}
        onCommit={(v) => commit('validationFraction', v)}
      />
    ),
    augmentation: () => (
      <ChoiceField
        field="data.augmentation"
        label={f.augmentation.label}
        tip={f.augmentation.tip}
        restarts
        restartsText={m.data.restarts}
        value={data.augmentation}
        choices={augmentationChoices(config)}
        names={(a) => m.data.augmentations[a]}
        onChange={(a) => commit('augmentation', a)}
      />
    ),
    augmentationStd: () => (
      <DraftNumberField {...common('augmentationStd')} {...range('augmentationStd')} step={0.01} value={data.augmentationStd} onCommit={(v) => commit('augmentationStd', v)} />
    ),
    seed: () => (
      <SeedField
        label={f.seed.label}
        tip={f.seed.tip}
        restartsText={m.data.restarts}
        newSeedLabel={m.data.newSeed}
        newSeedTip={m.data.newSeedTip}
        value={data.seed}
        error={errors.seed ?? null}
        onCommit={(v) => commit('seed', v)}
      />
    ),
  };

  return (
    <div className="data-settings">
      {usedDataSettings(config).map((key) => (
        <div key={key} className={`data-setting data-setting-${key}`}>
          {controls[key]()}
        </div>
      ))}
    </div>
  );
}
