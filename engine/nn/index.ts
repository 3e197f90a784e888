/**
 * `nn`: layers, losses and their building blocks, as in `torch.nn`.
 *   const model = new nn.Sequential(new nn.Linear(2, 8), new nn.Tanh(), new nn.Linear(8, 3));
 *   const loss = new nn.CrossEntropyLoss({ labelSmoothing: 0.1 }).forward(model.forward(x), y);
 * `nn.functional` holds the stateless functions and `nn.init` the weight initialisers.
 */
export { Module, Parameter, isParameter } from './module';
export type { StateDict, IncompatibleKeys } from './module';
export { Sequential } from './container';
export { Linear, Identity, Flatten } from './linear';
export type { LinearOptions } from './linear';
export { ReLU, LeakyReLU, ELU, GELU, SiLU, Tanh, Sigmoid, Softplus, Softmax, LogSoftmax } from './activation';
export { Dropout } from './dropout';
export { LayerNorm, BatchNorm1d } from './normalization';
export type { LayerNormOptions, BatchNormOptions } from './normalization';
export { Embedding } from './embedding';
export type { EmbeddingOptions } from './embedding';
export {
  MSELoss,
  L1Loss,
  HuberLoss,
  SmoothL1Loss,
  NLLLoss,
  CrossEntropyLoss,
  BCELoss,
  BCEWithLogitsLoss,
} from './loss';
export type {
  LossOptions,
  NLLLossOptions,
  CrossEntropyLossOptions,
  BCELossOptions,
  BCEWithLogitsLossOptions,
} from './loss';
export type { Reduction } from './functional/reduction';
export * as functional from './functional';
export * as init from './init';
