/** `torch.optim.lr_scheduler`: schedules for the learning rate, stepped once per step or epoch. */
export { LRScheduler } from './scheduler';
export type { SchedulerStateDict, JsonValue } from './scheduler';
export { StepLR, MultiStepLR, ExponentialLR, LinearLR } from './decay';
export { CosineAnnealingLR } from './cosine';
export { OneCycleLR } from './oneCycle';
export type { OneCycleLROptions } from './oneCycle';
export { CyclicLR } from './cyclic';
export type { CyclicLROptions, CyclicMode } from './cyclic';
export { SequentialLR } from './sequential';
export { ReduceLROnPlateau } from './plateau';
export type { ReduceLROnPlateauOptions } from './plateau';
