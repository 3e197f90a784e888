/**
 * How OneCycleLR and CyclicLR reach an optimizer's momentum: SGD and RMSprop have `momentum`;
 * Adam and AdamW have `betas`, whose first entry (β₁) plays the same part.
 */
import type { Optimizer, ParamGroup } from '../optimizer';

export type MomentumField = 'momentum' | 'beta1';

type WithMomentum = ParamGroup & { momentum: number };
type WithBetas = ParamGroup & { betas: [number, number] };

/** Which field holds the momentum, or a sentence-error if the optimizer has none. */
export function momentumField(optimizer: Optimizer, scheduler: string): MomentumField {
  if ('momentum' in optimizer.defaults) return 'momentum';
  if ('betas' in optimizer.defaults) return 'beta1';
  throw new Error(
    `${scheduler}: this optimizer has no momentum to cycle; pass cycleMomentum: false, ` +
      'or use SGD, RMSprop, Adam or AdamW.',
  );
}

export function readMomentum(group: ParamGroup, field: MomentumField): number {
  return field === 'momentum' ? (group as WithMomentum).momentum : (group as WithBetas).betas[0];
}

export function writeMomentum(group: ParamGroup, field: MomentumField, value: number): void {
  if (field === 'momentum') (group as WithMomentum).momentum = value;
  else (group as WithBetas).betas = [value, (group as WithBetas).betas[1]];
}
