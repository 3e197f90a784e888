/**
 * torch.utils.data in TypeScript: datasets, samplers, the DataLoader and randomSplit.
 *   import { data } from '../engine'
 *   const loader = new data.DataLoader(new data.TensorDataset(x, y), { batchSize: 32, shuffle: true });
 */
export { Dataset, TensorDataset, Subset, ConcatDataset } from './dataset';
export {
  EpochSampler,
  SequentialSampler,
  RandomSampler,
  SubsetRandomSampler,
  BatchSampler,
} from './sampler';
export type { Sampler, Sized, RandomSamplerOptions } from './sampler';
export { WeightedRandomSampler } from './weightedSampler';
export type { WeightedRandomSamplerOptions } from './weightedSampler';
export { DataLoader } from './dataloader';
export type { DataLoaderOptions } from './dataloader';
export { defaultCollate } from './collate';
export type { Collated } from './collate';
export { randomSplit } from './split';
/** The playground's data sets: 2-D and regression generators, real-set parsers, splits, scaling. */
export * as sets from './sets';
