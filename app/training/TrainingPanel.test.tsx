import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfig, defaultOptimizer, defaultScheduler, type ExperimentConfig } from '../../engine/train/config';
import { LanguageProvider, type Language } from '../i18n';
import { TrainingPanel } from '../panels/TrainingPanel';
import { useStore } from '../store';

/** Server rendering reads the store's initial state (zustand's server snapshot), so that is where the experiment goes. */
function render(config: ExperimentConfig, language: Language = 'en'): string {
  Object.assign(useStore.getInitialState(), { config });
  return renderToStaticMarkup(
    <LanguageProvider language={language}>
      <TrainingPanel />
    </LanguageProvider>,
  );
}

/** The text of every <label> element. */
const labels = (markup: string) => [...markup.matchAll(/<label[^>]*>([^<]*)<\/label>/g)].map((match) => match[1]);

afterEach(() => void Object.assign(useStore.getInitialState(), { config: defaultConfig() }));

describe('TrainingPanel', () => {
  it('has the five steps of the loop as headings, in order', () => {
    const headings = [...render(defaultConfig()).matchAll(/<span class="training-section-title">([^<]*)<\/span>/g)].map((m) => m[1]);
    expect(headings).toEqual(['Loss', 'Optimizer', 'Learning-rate schedule', 'Data loader', 'Loop']);
  });

  it("labels every control of the default experiment (Adam, no schedule) and only Adam's own settings", () => {
    const markup = render(defaultConfig());
    expect(labels(markup)).toEqual([
      'Loss function', 'Class weights', 'Label smoothing',
      'Optimizer', 'Learning rate', 'β₁ (gradient average)', 'β₂ (squared-gradient average)', 'Epsilon (ε)', 'AMSGrad', 'Weight decay',
      'Schedule',
      'Batch size', 'Shuffle', 'Drop last batch', 'Sampler',
      'zero_grad each step', 'Epochs', 'Evaluate every N steps', 'Early stopping', 'Gradient clipping', 'Training seed',
    ]);
    expect(markup).toContain('→ 20 batches per epoch');
    expect(markup).toContain('optimizer.zero_grad()');
    expect(markup).toContain('aria-label="Learning rate (slider)"');
  });

  it('shows SGD with momentum and a StepLR schedule with their own settings', () => {
    const c = defaultConfig();
    c.optimizer = { ...defaultOptimizer('sgd'), momentum: 0.9 };
    c.scheduler = defaultScheduler('stepLR');
    const shown = labels(render(c));
    for (const label of ['Momentum', 'Dampening', 'Nesterov momentum', 'Step size', 'Gamma (γ)', 'Step the schedule every', 'Warm-up']) {
      expect(shown).toContain(label);
    }
    expect(shown).not.toContain('AMSGrad');
  });

  it('disables cross-entropy on a regression set and says why; no class weights or sampler there', () => {
    const c = defaultConfig();
    c.data.dataset = 'sine';
    c.loss.type = 'mse';
    const markup = render(c);
    expect(markup).toMatch(/<select[^>]*disabled=""/);
    expect(markup).toContain('this data set is a regression set');
    expect(labels(markup)).not.toContain('Class weights');
    expect(labels(markup)).not.toContain('Sampler');
  });

  it('warns when zero_grad is off', () => {
    const c = defaultConfig();
    c.training.zeroGrad = false;
    expect(render(c)).toContain('gradients pile up from step to step');
  });

  it('speaks Chinese throughout in zh-CN', () => {
    const markup = render(defaultConfig(), 'zh-CN');
    expect(labels(markup)).toContain('学习率');
    expect(labels(markup)).toContain('批大小');
    expect(markup).toContain('每轮 20 批');
    expect(markup).not.toMatch(/>(Loss|Optimizer|Batch size|Epochs)</);
  });
});
