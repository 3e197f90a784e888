/** `torch.optim.lr_scheduler.SequentialLR` (torch 1.13), e.g. a LinearLR warm-up, then a decay. */
import type { Optimizer } from '../optimizer';
import { LRScheduler, type SchedulerStateDict } from './scheduler';

/**
 * Runs `schedulers[0]` until `milestones[0]`, then `schedulers[1]` until `milestones[1]`, and so on.
 * At a milestone the next scheduler restarts from its own step 0 (from its closed form where it
 * has one), so a warm-up hands over to a decay that begins at the full starting rate.
 */
export class SequentialLR extends LRScheduler {
  readonly milestones: number[];
  private readonly schedulers: LRScheduler[];

  constructor(optimizer: Optimizer, options: { schedulers: LRScheduler[]; milestones: readonly number[] }) {
    super(optimizer);
    const { schedulers, milestones } = options;
    if (schedulers.length === 0) throw new Error('SequentialLR needs at least one scheduler');
    schedulers.forEach((scheduler, i) => {
      if (scheduler.optimizer !== optimizer) {
        throw new Error(
          'Sequential Schedulers expects all schedulers to belong to the same optimizer, but ' +
            `got schedulers at index ${i} to be different than the optimizer passed in.`,
        );
      }
    });
    if (milestones.length !== schedulers.length - 1) {
      throw new Error(
        'Sequential Schedulers expects number of schedulers provided to be one more than the number of ' +
          `milestone points, but got number of schedulers ${schedulers.length} and the number of milestones ` +
          `to be equal to ${milestones.length}`,
      );
    }
    this.schedulers = schedulers;
    this.milestones = milestones.slice();
    this.lastEpoch = 0;
    // Undo what constructing the schedulers did to the rates and their step counts, then start the first.
    for (const group of optimizer.paramGroups) group.lr = group.initialLr ?? group.lr;
    this.baseLrs = optimizer.paramGroups.map((group) => group.lr);
    for (const scheduler of schedulers) scheduler.lastEpoch -= 1;
    schedulers[0]._initialStep();
    this.lastLr = schedulers[0].getLastLr();
  }

  step(): void {
    this.lastEpoch += 1;
    const index = bisectRight(this.milestones, this.lastEpoch);
    const scheduler = this.schedulers[index];
    if (index > 0 && this.milestones[index - 1] === this.lastEpoch) scheduler._stepTo(0);
    else scheduler.step();
    this.lastLr = scheduler.getLastLr();
  }

  protected computeLr(): number[] {
    return this.lastLr.slice();
  }

  stateDict(): SchedulerStateDict {
    return {
      lastEpoch: this.lastEpoch,
      baseLrs: this.baseLrs.slice(),
      lastLr: this.lastLr.slice(),
      milestones: this.milestones.slice(),
      schedulers: this.schedulers.map((scheduler) => scheduler.stateDict()),
    };
  }

  loadStateDict(stateDict: SchedulerStateDict): void {
    const { schedulers, ...own } = stateDict;
    super.loadStateDict(own);
    (schedulers as SchedulerStateDict[]).forEach((saved, i) => this.schedulers[i].loadStateDict(saved));
  }
}

/** How many of the sorted `values` are ≤ x (Python's bisect_right). */
function bisectRight(values: readonly number[], x: number): number {
  let count = 0;
  while (count < values.length && values[count] <= x) count++;
  return count;
}
