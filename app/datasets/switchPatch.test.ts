import { describe, expect, it } from 'vitest';
import { DATASET_NAMES, DATASETS, defaultConfig, validateConfig, type ExperimentConfig } from '../../engine/train/config';
import { datasetSwitchPatch } from './switchPatch';

/** What the bridge's changeConfig does with a patch: each section merged over the current one. */
function apply(config: ExperimentConfig, patch: object): unknown {
  const out: Record<string, unknown> = { ...config };
  for (const [section, value] of Object.entries(patch)) out[section] = { ...(config as unknown as Record<string, object>)[section], ...value };
  return out;
}

function configWith(edit: (c: ExperimentConfig) => void): ExperimentConfig {
  const c = defaultConfig();
  edit(c);
  const checked = validateConfig(c);
  if (!checked.ok) throw new Error(`test config is invalid: ${checked.errors.map((e) => e.message).join('; ')}`);
  return checked.config;
}

const STARTS: Record<string, ExperimentConfig> = {
  default: defaultConfig(),
  blobsFiveClassesWithWeights: configWith((c) => {
    c.data.dataset = 'blobs';
    c.data.classes = 5;
    c.loss.classWeights = [1, 2, 3, 4, 5];
  }),
  balancedWeightsSmoothedWeighted: configWith((c) => {
    c.loss.classWeights = 'balanced';
    c.loss.labelSmoothing = 0.1;
    c.training.sampler = 'weighted';
  }),
  mseOnMoons: configWith((c) => {
    c.data.dataset = 'moons';
    c.loss.type = 'mse';
  }),
  sine: configWith((c) => {
    c.data.dataset = 'sine';
    c.loss.type = 'mse';
  }),
  digitsShift: configWith((c) => {
    c.data.dataset = 'digits';
    c.data.augmentation = 'shift';
    c.loss.classWeights = [1, 1, 1, 1, 1, 1, 1, 1, 1, 2];
  }),
};

describe('datasetSwitchPatch', () => {
  it('gives a valid experiment for every data set, from every starting point', () => {
    for (const [start, config] of Object.entries(STARTS)) {
      // (custom is picked once a table is loaded; engine/test/datasets.user.test.ts)
      for (const dataset of DATASET_NAMES.filter((d) => d !== 'custom')) {
        const checked = validateConfig(apply(config, datasetSwitchPatch(config, dataset)));
        expect(checked.ok ? [] : checked.errors.map((e) => `${start} → ${dataset}: ${e.message}`)).toEqual([]);
        if (checked.ok) expect(checked.config.data.dataset).toBe(dataset);
      }
    }
  });

  it('chooses MSE for regression and cross-entropy for classification', () => {
    expect(datasetSwitchPatch(STARTS.default, 'sine')).toEqual({
      data: { dataset: 'sine' },
      loss: { type: 'mse', classWeights: 'none', labelSmoothing: 0 },
    });
    expect(datasetSwitchPatch(STARTS.sine, 'xor')).toEqual({
      data: { dataset: 'xor' },
      loss: { type: 'crossEntropy', classWeights: 'none', labelSmoothing: 0 },
    });
    const toDiabetes = datasetSwitchPatch(STARTS.balancedWeightsSmoothedWeighted, 'diabetes');
    expect(toDiabetes.loss).toEqual({ type: 'mse', classWeights: 'none', labelSmoothing: 0 });
    expect(toDiabetes.training).toEqual({ sampler: 'none' });
  });

  it('keeps MSE the user chose on a classification set', () => {
    const patch = datasetSwitchPatch(STARTS.mseOnMoons, 'circles');
    expect(patch).toEqual({ data: { dataset: 'circles' } });
  });

  it('sends only the data set when nothing else has to change', () => {
    expect(datasetSwitchPatch(STARTS.default, 'moons')).toEqual({ data: { dataset: 'moons' } });
    expect(datasetSwitchPatch(STARTS.sine, 'bumps')).toEqual({ data: { dataset: 'bumps' } });
  });

  it('keeps class weights that fit and drops those that do not', () => {
    const fiveWeights = STARTS.blobsFiveClassesWithWeights;
    // spiral has at most 3 arms: classes 5 → 3, and 5 weights no longer fit
    expect(datasetSwitchPatch(fiveWeights, 'spiral')).toEqual({
      data: { dataset: 'spiral', classes: 3 },
      loss: { ...fiveWeights.loss, classWeights: 'none' },
    });
    const two = configWith((c) => void (c.loss.classWeights = [1, 3]));
    expect(datasetSwitchPatch(two, 'moons')).toEqual({ data: { dataset: 'moons' } });
    expect(datasetSwitchPatch(two, 'iris').loss?.classWeights).toBe('none');
    expect(DATASETS.iris.classes).toBe(3);
  });

  it('turns shift augmentation into input jitter away from digits', () => {
    expect(datasetSwitchPatch(STARTS.digitsShift, 'wine').data).toEqual({ dataset: 'wine', augmentation: 'jitter' });
    expect(datasetSwitchPatch(STARTS.digitsShift, 'digits').data).toEqual({ dataset: 'digits' });
  });
});
