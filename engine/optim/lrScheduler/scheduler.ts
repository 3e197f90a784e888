/**
 * `torch.optim.lr_scheduler._LRScheduler` (torch 1.13): the step counting every scheduler shares.
 *
 * Construction performs the first step (`lastEpoch` goes from −1 to 0), so `getLastLr()` right
 * after construction is the starting learning rate; each `step()` then advances `lastEpoch` by one
 * and writes the new rate into every parameter group. Most schedulers compute it from the group's
 * current `lr` (PyTorch's "chainable form"), so an `lr` a person sets by hand carries on from there.
 */
import type { Optimizer, ParamGroup } from '../optimizer';

/** A JSON value, for `stateDict()`. */
export type JsonValue = number | string | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type SchedulerStateDict = { [key: string]: JsonValue };

export abstract class LRScheduler {
  readonly optimizer: Optimizer;
  /** How many times `step()` ran since construction (0 right after it). */
  lastEpoch = -1;
  /** Each group's `initialLr`: the rate the schedule starts from. */
  baseLrs: number[] = [];
  protected lastLr: number[] = [];

  constructor(optimizer: Optimizer) {
    this.optimizer = optimizer;
  }

  /** The learning rates for `lastEpoch`, one per group (torch's `get_lr()`). */
  protected abstract computeLr(): number[];

  /** The same, from the schedule's closed form, where it has one (torch's `_get_closed_form_lr`). */
  protected closedFormLr(): number[] | null {
    return null;
  }

  /**
   * Ends a subclass's constructor: remembers each group's starting rate as `initialLr` (kept if a
   * scheduler already set it) and takes the first step. PyTorch does this in the base constructor,
   * after the subclass has set its own fields.
   */
  protected start(): void {
    for (const group of this.optimizer.paramGroups) group.initialLr ??= group.lr;
    this.baseLrs = this.optimizer.paramGroups.map((group) => group.initialLr as number);
    this._initialStep();
  }

  /** @internal The constructor's step, which SequentialLR repeats for its first scheduler. */
  _initialStep(): void {
    this.step();
  }

  /** Advances the schedule by one step and sets each group's `lr`. */
  step(): void {
    this.lastEpoch += 1;
    this.apply(this.computeLr());
  }

  /**
   * @internal Jumps to `epoch`, using the closed form where there is one: PyTorch's deprecated
   * `step(epoch)`, which SequentialLR uses to restart a scheduler at a milestone.
   */
  _stepTo(epoch: number): void {
    this.lastEpoch = epoch;
    this.apply(this.closedFormLr() ?? this.computeLr());
  }

  /** The learning rates the last step set, one per parameter group. */
  getLastLr(): number[] {
    return this.lastLr.slice();
  }

  /** A JSON-serialisable snapshot of the scheduler's fields (not the optimizer). */
  stateDict(): SchedulerStateDict {
    const out: SchedulerStateDict = {};
    for (const [key, value] of Object.entries(this)) {
      if (key === 'optimizer' || typeof value === 'function' || value === undefined) continue;
      out[key] = JSON.parse(JSON.stringify(value)) as JsonValue;
    }
    return out;
  }

  /** Restores a `stateDict()`; the optimizer's groups are restored by its own `loadStateDict`. */
  loadStateDict(stateDict: SchedulerStateDict): void {
    Object.assign(this, JSON.parse(JSON.stringify(stateDict)));
  }

  protected get groups(): ParamGroup[] {
    return this.optimizer.paramGroups;
  }

  private apply(lrs: number[]): void {
    this.groups.forEach((group, i) => {
      group.lr = lrs[i];
    });
    this.lastLr = this.groups.map((group) => group.lr);
  }
}

/** One value per parameter group, from a single value or a list (torch's `_format_param`). */
export function perGroup(optimizer: Optimizer, name: string, value: number | readonly number[]): number[] {
  if (typeof value === 'number') return optimizer.paramGroups.map(() => value);
  if (value.length !== optimizer.paramGroups.length) {
    throw new Error(`expected ${optimizer.paramGroups.length} values for ${name}, got ${value.length}`);
  }
  return value.slice();
}
