import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { defaultConfig, type ExperimentConfig } from '../../engine/train/config';
import { LanguageProvider, type Language } from '../i18n';
import { en } from '../i18n/en';
import { DataPanelView } from '../panels/DataPanel';
import { augmentationChoices, usedDataSettings } from './DataSettings';
import { classNames } from './DataSummary';
import { nextSeed } from './SeedField';

function render(config: ExperimentConfig, language: Language = 'en'): string {
  return renderToStaticMarkup(
    <LanguageProvider language={language}>
      <DataPanelView config={config} points={null} />
    </LanguageProvider>,
  );
}

function withData(data: Partial<ExperimentConfig['data']>, mse = false): ExperimentConfig {
  const c = defaultConfig();
  Object.assign(c.data, data);
  if (mse) c.loss.type = 'mse';
  return c;
}

describe('DataPanel', () => {
  it('offers every data set as a named radio, the chosen one checked', () => {
    const markup = render(defaultConfig());
    expect(markup.match(/role="radiogroup"/g)).toHaveLength(3);
    expect(markup.match(/role="radio"/g)).toHaveLength(15);
    expect(markup.match(/aria-checked="true"/g)).toHaveLength(1);
    expect(markup).toMatch(/aria-checked="true"[^>]*>.*?>Spiral</s);
    expect(markup).toContain('1,797 images · 10 classes');
    expect(markup).toContain('442 patients · regression');
  });

  it('shows the settings the chosen set uses, with visible labels', () => {
    const markup = render(defaultConfig());
    for (const label of ['Number of points', 'Noise', 'Number of classes', 'Class imbalance', 'Validation fraction', 'Augmentation', 'Data seed']) {
      expect(markup).toMatch(new RegExp(`<label[^>]*>${label}</label>`));
    }
    expect(markup).not.toContain('Augmentation noise σ');
    expect(markup).toContain('320 training · 80 validation samples → 20 batches per epoch (batch size\u00a016)');
    expect(markup).toContain('Balanced: every class the same size.');
    expect(markup).toContain('class 0: 160, class 1: 160');
  });

  it('hides what a set does not use', () => {
    expect(usedDataSettings(defaultConfig())).toEqual(['points', 'noise', 'classes', 'imbalance', 'validationFraction', 'augmentation', 'seed']);
    expect(usedDataSettings(withData({ dataset: 'sine' }, true))).toEqual(['points', 'noise', 'validationFraction', 'augmentation', 'seed']);
    expect(usedDataSettings(withData({ dataset: 'iris', augmentation: 'jitter' }))).toEqual([
      'imbalance',
      'validationFraction',
      'augmentation',
      'augmentationStd',
      'seed',
    ]);
    expect(augmentationChoices(withData({ dataset: 'digits' }))).toEqual(['none', 'jitter', 'shift']);
    expect(augmentationChoices(defaultConfig())).toEqual(['none', 'jitter']);
  });

  it('shows an imbalance as 1 : r and in the class counts', () => {
    const markup = render(withData({ dataset: 'moons', imbalance: 20 }));
    expect(markup).toContain('1 : 20, one example of the rarest class');
    expect(markup).toContain('class 0: 305, class 1: 15');
  });

  it('waits for the worker before describing a real set', () => {
    expect(render(withData({ dataset: 'digits' }))).toContain('Loading the data…');
  });

  it('speaks Chinese', () => {
    const markup = render(defaultConfig(), 'zh-CN');
    expect(markup).toContain('螺旋');
    expect(markup).toContain('训练 320 · 验证 80 个样本 → 每轮 20 个批次（批大小\u00a016）');
    expect(markup).not.toContain('Number of points');
  });

  it('names classes by number or by their translated name', () => {
    expect(classNames(en, '3', 3)).toEqual({ short: '3', long: 'class 3' });
    expect(classNames(en, 'class_1', 1)).toEqual({ short: '1', long: 'class 1' });
    expect(classNames(en, 'benign', 1)).toEqual({ short: 'benign', long: 'benign' });
    expect(classNames(en, undefined, 2)).toEqual({ short: '2', long: 'class 2' });
    expect(classNames(en, 'toString', 0)).toEqual({ short: 'toString', long: 'toString' });
  });

  it('deals a new seed that differs from the current one', () => {
    expect(nextSeed(42, () => 0.5)).toBe(5000);
    expect(nextSeed(5000, () => 0.5)).toBe(5001);
  });
});
