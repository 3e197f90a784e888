/**
 * The engine's public surface: PyTorch's names in camelCase.
 *   import { tensor, manualSeed, noGrad, nn, optim, data } from '../engine'
 */
export {
  Tensor,
  tensor,
  zeros,
  ones,
  full,
  zerosLike,
  onesLike,
  fullLike,
  arange,
  linspace,
  eye,
  rand,
  randn,
  randint,
  randperm,
  noGrad,
  enableGrad,
  isGradEnabled,
  setGradEnabled,
} from './tensor';
export type { NestedArray, TensorOptions, RandomOptions } from './tensor';
export { stepScope, arenaStats } from './arena';
export { Generator, manualSeed, defaultGenerator } from './random';
export type { GeneratorState } from './random';
export * from './ops';
export * as nn from './nn';
export * as optim from './optim';
export * as data from './data';
