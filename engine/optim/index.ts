/**
 * `torch.optim`: optimizers, gradient clipping, and learning-rate schedulers.
 *   const optimizer = new optim.AdamW(model.parameters(), { lr: 1e-3 });
 *   const scheduler = new optim.lrScheduler.StepLR(optimizer, { stepSize: 10 });
 */
export { Optimizer } from './optimizer';
export type {
  OptimizerOptions,
  ParamGroup,
  ParamGroupInput,
  ParamState,
  StateValue,
  OptimizerStateDict,
  SchedulerGroupEntries,
  GroupOptionJson,
} from './optimizer';
export { SGD } from './sgd';
export type { SGDOptions, SGDState } from './sgd';
export { Adam, AdamW } from './adam';
export type { AdamOptions, AdamState } from './adam';
export { RMSprop } from './rmsprop';
export type { RMSpropOptions, RMSpropState } from './rmsprop';
export { Adagrad } from './adagrad';
export type { AdagradOptions, AdagradState } from './adagrad';
export { clipGradNorm, clipGradValue } from './clipGrad';
export * as lrScheduler from './lrScheduler';
