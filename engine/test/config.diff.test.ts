/** diffConfig tells the worker whether an edit applies to the running model or restarts the run. */
import { describe, expect, it } from 'vitest';
import { defaultConfig, defaultOptimizer, defaultScheduler, diffConfig, type ConfigDiff } from '../train/config';
import { edit } from './config.helpers';

const none: ConfigDiff = { live: [], structural: [], unused: [] };

/** [what the person did, settings before (on top of the defaults), settings after, the expected diff]. */
const CASES: Array<[string, Record<string, unknown>, Record<string, unknown>, Partial<ConfigDiff>]> = [
  ['nothing', {}, {}, {}],
  ['drags the learning rate', {}, { 'optimizer.lr': 0.05 }, { live: ['optimizer.lr'] }],
  ['edits Adam betas', {}, { 'optimizer.betas': [0.8, 0.99] }, { live: ['optimizer.betas'] }],
  ['adds weight decay', {}, { 'optimizer.weightDecay': 0.001 }, { live: ['optimizer.weightDecay'] }],
  ['raises dropout', {}, { 'model.dropout': 0.5 }, { live: ['model.dropout'] }],
  ['turns off zero_grad', {}, { 'training.zeroGrad': false }, { live: ['training.zeroGrad'] }],
  ['turns on clipping', {}, { 'training.gradientClipping.enabled': true }, { live: ['training.gradientClipping.enabled'] }],
  ['sets the clip norm while clipping is on', { 'training.gradientClipping.enabled': true }, { 'training.gradientClipping.enabled': true, 'training.gradientClipping.maxNorm': 5 }, { live: ['training.gradientClipping.maxNorm'] }],
  ['sets the clip norm while clipping is off', {}, { 'training.gradientClipping.maxNorm': 5 }, { unused: ['training.gradientClipping.maxNorm'] }],
  ['enables early stopping with patience 5', {}, { 'training.earlyStopping.enabled': true, 'training.earlyStopping.patience': 5 }, { live: ['training.earlyStopping.enabled', 'training.earlyStopping.patience'] }],
  ['weighs classes and smooths labels', {}, { 'loss.classWeights': 'balanced', 'loss.labelSmoothing': 0.1 }, { live: ['loss.classWeights', 'loss.labelSmoothing'] }],
  ['evaluates every 50 steps', {}, { 'training.evaluateEverySteps': 50 }, { live: ['training.evaluateEverySteps'] }],
  ['picks another data set', {}, { 'data.dataset': 'moons' }, { structural: ['data.dataset'] }],
  ['adds noise', {}, { 'data.noise': 0.3 }, { structural: ['data.noise'] }],
  ['changes the data seed', {}, { 'data.seed': 7 }, { structural: ['data.seed'] }],
  ['changes the training seed', {}, { 'training.seed': 7 }, { structural: ['training.seed'] }],
  ['widens a layer', {}, { 'model.hiddenLayers': [32, 16] }, { structural: ['model.hiddenLayers'] }],
  ['adds a layer', {}, { 'model.hiddenLayers': [16, 16, 16] }, { structural: ['model.hiddenLayers'] }],
  ['swaps the activation', {}, { 'model.activation': 'tanh' }, { structural: ['model.activation'] }],
  ['changes the batch size', {}, { 'training.batchSize': 64 }, { structural: ['training.batchSize'] }],
  ['trains for more epochs', {}, { 'training.epochs': 500 }, { structural: ['training.epochs'] }],
  ['switches on AMSGrad', {}, { 'optimizer.amsgrad': true }, { structural: ['optimizer.amsgrad'] }],
  ['switches to SGD (only the type is listed)', {}, { optimizer: defaultOptimizer('sgd') }, { structural: ['optimizer.type'] }],
  ['adds a StepLR schedule', {}, { scheduler: defaultScheduler('stepLR') }, { structural: ['scheduler.type'] }],
  ['changes the StepLR gamma', { scheduler: defaultScheduler('stepLR') }, { scheduler: { ...defaultScheduler('stepLR'), gamma: 0.5 } }, { structural: ['scheduler.gamma'] }],
  ['changes noise of a real data set', { 'data.dataset': 'digits' }, { 'data.dataset': 'digits', 'data.noise': 0.5 }, { unused: ['data.noise'] }],
  [
    'changes lr, dropout and the data set at once',
    {},
    { 'optimizer.lr': 0.001, 'model.dropout': 0.2, 'data.dataset': 'circles' },
    { live: ['model.dropout', 'optimizer.lr'], structural: ['data.dataset'] },
  ],
];

describe('diffConfig', () => {
  it.each(CASES)('the person %s', (_what, before, after, expected) => {
    expect(diffConfig(edit(before), edit(after))).toEqual({ ...none, ...expected });
  });

  it('is symmetric in what it lists for a plain change', () => {
    const a = defaultConfig();
    const b = edit({ 'optimizer.lr': 0.2, 'data.points': 100 });
    expect(diffConfig(b, a)).toEqual(diffConfig(a, b));
  });
});
