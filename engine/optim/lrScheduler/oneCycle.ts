/** `torch.optim.lr_scheduler.OneCycleLR` (torch 1.13). */
import type { Optimizer, SchedulerGroupEntries } from '../optimizer';
import { momentumField, writeMomentum, type MomentumField } from './momentum';
import { LRScheduler, perGroup } from './scheduler';

export interface OneCycleLROptions {
  /** The peak learning rate (one per group, or one for all). */
  maxLr: number | readonly number[];
  /** Steps in the whole cycle; or give `epochs` and `stepsPerEpoch`. */
  totalSteps?: number;
  epochs?: number;
  stepsPerEpoch?: number;
  /** Fraction of the cycle spent warming up. Default 0.3. */
  pctStart?: number;
  annealStrategy?: 'cos' | 'linear';
  /** Also cycle momentum (β₁ for Adam) inversely, between maxMomentum and baseMomentum. Default true. */
  cycleMomentum?: boolean;
  baseMomentum?: number | readonly number[];
  maxMomentum?: number | readonly number[];
  /** The start rate is maxLr / divFactor. Default 25. */
  divFactor?: number;
  /** The final rate is start rate / finalDivFactor. Default 1e4. */
  finalDivFactor?: number;
  /** Warm up, come back down to the start rate, then anneal to the final rate. Default false. */
  threePhase?: boolean;
}

type GroupEntry = keyof SchedulerGroupEntries;

interface Phase {
  endStep: number;
  startLr: GroupEntry;
  endLr: GroupEntry;
  startMomentum: GroupEntry;
  endMomentum: GroupEntry;
}

/**
 * The 1cycle policy (Smith & Topin): the rate rises from maxLr/divFactor to maxLr over the first
 * pctStart of the steps, then anneals far below the start; momentum moves the opposite way.
 * Each phase anneals from a to b as p goes 0 → 1:
 *   cos: b + (a − b)/2 · (1 + cos πp);   linear: a + (b − a)·p
 * Stepping more than totalSteps times is an error, as in torch.
 */
export class OneCycleLR extends LRScheduler {
  readonly totalSteps: number;
  readonly annealStrategy: 'cos' | 'linear';
  readonly cycleMomentum: boolean;
  private readonly phases: Phase[];
  private readonly momentumField: MomentumField | null;

  constructor(optimizer: Optimizer, options: OneCycleLROptions) {
    super(optimizer);
    this.totalSteps = countSteps(options);
    const pctStart = options.pctStart ?? 0.3;
    if (!(pctStart >= 0 && pctStart <= 1)) {
      throw new Error(`Expected pctStart between 0 and 1, but got ${pctStart}`);
    }
    const annealStrategy = options.annealStrategy ?? 'cos';
    if (annealStrategy !== 'cos' && annealStrategy !== 'linear') {
      throw new Error(`annealStrategy must be 'cos' or 'linear'; got '${String(annealStrategy)}'`);
    }
    this.annealStrategy = annealStrategy;
    this.phases = makePhases(this.totalSteps, pctStart, options.threePhase ?? false);

    const divFactor = options.divFactor ?? 25;
    const finalDivFactor = options.finalDivFactor ?? 1e4;
    perGroup(optimizer, 'maxLr', options.maxLr).forEach((maxLr, i) => {
      const group = optimizer.paramGroups[i];
      group.initialLr = maxLr / divFactor;
      group.maxLr = maxLr;
      group.minLr = group.initialLr / finalDivFactor;
    });

    this.cycleMomentum = options.cycleMomentum ?? true;
    this.momentumField = this.cycleMomentum ? momentumField(optimizer, 'OneCycleLR') : null;
    if (this.momentumField !== null) {
      const maxMomentums = perGroup(optimizer, 'maxMomentum', options.maxMomentum ?? 0.95);
      const baseMomentums = perGroup(optimizer, 'baseMomentum', options.baseMomentum ?? 0.85);
      optimizer.paramGroups.forEach((group, i) => {
        writeMomentum(group, this.momentumField as MomentumField, maxMomentums[i]);
        group.maxMomentum = maxMomentums[i];
        group.baseMomentum = baseMomentums[i];
      });
    }
    this.start();
  }

  protected computeLr(): number[] {
    const step = this.lastEpoch;
    if (step > this.totalSteps) {
      throw new Error(`Tried to step ${step + 1} times. The specified number of total steps is ${this.totalSteps}`);
    }
    return this.groups.map((group) => {
      let startStep = 0;
      for (let i = 0; i < this.phases.length; i++) {
        const phase = this.phases[i];
        if (step <= phase.endStep || i === this.phases.length - 1) {
          const pct = (step - startStep) / (phase.endStep - startStep);
          if (this.momentumField !== null) {
            const momentum = this.anneal(group[phase.startMomentum] as number, group[phase.endMomentum] as number, pct);
            writeMomentum(group, this.momentumField, momentum);
          }
          return this.anneal(group[phase.startLr] as number, group[phase.endLr] as number, pct);
        }
        startStep = phase.endStep;
      }
      throw new Error('unreachable: the last phase always matches');
    });
  }

  private anneal(start: number, end: number, pct: number): number {
    if (this.annealStrategy === 'linear') return (end - start) * pct + start;
    return end + ((start - end) / 2) * (Math.cos(Math.PI * pct) + 1);
  }
}

function countSteps(options: OneCycleLROptions): number {
  const { totalSteps, epochs, stepsPerEpoch } = options;
  if (totalSteps !== undefined) {
    if (!(Number.isInteger(totalSteps) && totalSteps > 0)) {
      throw new Error(`Expected positive integer totalSteps, but got ${totalSteps}`);
    }
    return totalSteps;
  }
  if (epochs === undefined || stepsPerEpoch === undefined) {
    throw new Error('You must define either totalSteps OR (epochs AND stepsPerEpoch)');
  }
  if (!(Number.isInteger(epochs) && epochs > 0)) throw new Error(`Expected positive integer epochs, but got ${epochs}`);
  if (!(Number.isInteger(stepsPerEpoch) && stepsPerEpoch > 0)) {
    throw new Error(`Expected positive integer stepsPerEpoch, but got ${stepsPerEpoch}`);
  }
  return epochs * stepsPerEpoch;
}

function makePhases(totalSteps: number, pctStart: number, threePhase: boolean): Phase[] {
  const phase = (endStep: number, lr: [GroupEntry, GroupEntry], momentum: [GroupEntry, GroupEntry]): Phase => ({
    endStep,
    startLr: lr[0],
    endLr: lr[1],
    startMomentum: momentum[0],
    endMomentum: momentum[1],
  });
  const warmUpEnd = pctStart * totalSteps - 1;
  if (threePhase) {
    return [
      phase(warmUpEnd, ['initialLr', 'maxLr'], ['maxMomentum', 'baseMomentum']),
      phase(2 * pctStart * totalSteps - 2, ['maxLr', 'initialLr'], ['baseMomentum', 'maxMomentum']),
      phase(totalSteps - 1, ['initialLr', 'minLr'], ['maxMomentum', 'maxMomentum']),
    ];
  }
  return [
    phase(warmUpEnd, ['initialLr', 'maxLr'], ['maxMomentum', 'baseMomentum']),
    phase(totalSteps - 1, ['maxLr', 'minLr'], ['baseMomentum', 'maxMomentum']),
  ];
}
