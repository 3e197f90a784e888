import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { defaultConfig, type ExperimentConfig } from '../../engine/train/config';
import type { ActivationStats } from '../../engine/train/metrics';
import { LanguageProvider, type Language } from '../i18n';
import { inputNames, ModelPanelView } from '../panels/ModelPanel';

function render(language: Language, change: (c: ExperimentConfig) => void = () => {}, activations: ActivationStats[] | null = null): string {
  const config = defaultConfig();
  change(config);
  const panel = createElement(ModelPanelView, { config, points: null, activations });
  return renderToString(createElement(LanguageProvider, { language, children: panel }));
}

const stat = (layer: number, mean: number, std: number, deadFraction: number): ActivationStats => ({ layer, mean, std, zeroFraction: deadFraction, deadFraction });

describe('ModelPanel', () => {
  it('names its buttons, fields and neurons', () => {
    const html = render('en');
    for (const text of [
      'aria-label="Add a hidden layer"',
      'aria-label="Remove the last hidden layer"',
      'aria-label="Units in hidden layer 1"',
      'aria-label="Widen hidden layer 2 to 24 units"',
      'aria-label="Narrow hidden layer 1 to 12 units"',
      'aria-label="Hidden layer 1, neuron 16"',
      '2 hidden layers',
      'Layer 2',
      '2 inputs',
      '2 classes',
      'x₁',
      'x₂',
      'Class 0',
      'Activation',
      'Dropout p',
      'Initialisation',
      'Batch normalisation',
      'positive weight',
      'negative weight (dashed)',
      'Network diagram: 2 inputs (x₁, x₂) → 16 → 16 → 2 outputs (Class 0, Class 1)',
    ]) {
      expect(html).toContain(text);
    }
    expect(html).not.toContain('Initial weight std');
    expect(render('en', (c) => (c.model.init = 'normal'))).toContain('Initial weight std');
  });

  it('speaks Chinese, with no English left', () => {
    const html = render('zh-CN');
    for (const text of ['增加一个隐藏层', '删除最后一个隐藏层', '隐藏层 1 的神经元个数', '第 2 层', '激活函数', '丢弃率 p', '初始化', '批归一化', '正权重', '类别 0']) {
      expect(html).toContain(text);
    }
    for (const english of ['Add a hidden layer', 'Activation', 'hidden layers', 'positive weight', 'Layer 1']) expect(html).not.toContain(english);
  });

  it('collapses the 64 pixels of digits and names ten outputs', () => {
    const html = render('en', (c) => {
      c.data.dataset = 'digits';
      c.model.hiddenLayers = [128, 64];
    });
    expect(html).toContain('64 inputs');
    expect(html).toContain('10 classes');
    expect(html).toContain('+113'); // 128 units: 15 drawn
    expect(html).toContain('+49'); // 64 inputs: 15 drawn
    expect(html).toContain('x₆₄');
    expect(html).toContain('Network diagram: 64 inputs → 128 → 64 → 10 outputs (0, 1, 2, 3, 4, 5, 6, 7, 8, 9)');
    expect(html).toContain('Wide layers show their first and last units');
  });

  it('shows each layer’s statistics and warns about dead units and exploding outputs', () => {
    const html = render('en', () => {}, [stat(1, 0.31, 0.52, 0.5), stat(3, 40, 320, 0)]);
    expect(html).toContain('aria-hidden="true"><span>μ</span><span>σ</span><span>dead</span></div>');
    expect(html).toContain('<span aria-hidden="true">0.31</span>');
    expect(html).toContain('<span aria-hidden="true" class="nn-warn">⚠<!-- -->320</span>');
    expect(html).toContain('<span aria-hidden="true" class="nn-warn">⚠<!-- -->50%</span>');
    expect(html).toContain('Layer 1: 50% of its units are dead');
    expect(html).toContain('Layer 2: the outputs explode (σ 320)');
    expect(html).toContain('Hidden layer 1 on the validation set: mean 0.31, standard deviation 0.52, 50% of its units dead.');
  });

  it('says Identity has no statistics, and a linear model has no hidden controls', () => {
    expect(render('en', (c) => (c.model.activation = 'identity'))).toContain('Identity has no activation statistics.');
    const linear = render('en', (c) => (c.model.hiddenLayers = []));
    expect(linear).toContain('No hidden layer: a linear model');
    expect(linear).not.toContain('Units in hidden layer');
    expect(linear).toContain('a linear model has none');
    expect(linear).toMatch(/<select id="[^"]+" class="field-select" disabled=""><option value="relu"/);
  });

  it('names the inputs x, or x₁ … xₙ', () => {
    expect(inputNames(1)).toEqual(['x']);
    expect(inputNames(13).at(-1)).toBe('x₁₃');
  });
});
