/**
 * `torch.optim.Optimizer`: parameter groups, per-parameter state, `zeroGrad`, `stateDict`.
 *
 * Each parameter group is a plain object holding its tensors and its own hyper-parameters
 * (`{ params, lr, momentum, ... }`). `step()` reads them afresh every time, so a live edit such as
 * `optimizer.paramGroups[0].lr = 0.01` takes effect on the next step, as in PyTorch.
 */
import { Tensor } from '../tensor';

/** Hyper-parameters every optimizer has. */
export interface OptimizerOptions {
  lr: number;
}

/** Entries a learning-rate scheduler keeps in a group (PyTorch's `initial_lr`, `max_lr`, ...). */
export interface SchedulerGroupEntries {
  initialLr?: number;
  maxLr?: number;
  minLr?: number;
  maxMomentum?: number;
  baseMomentum?: number;
}

/** One parameter group: its tensors and the hyper-parameters they are trained with. */
export type ParamGroup<Options extends OptimizerOptions = OptimizerOptions> = Options &
  SchedulerGroupEntries & { params: Tensor[] };

/** What a caller passes for a group: its tensors, and options that override the defaults. */
export type ParamGroupInput<Options extends OptimizerOptions = OptimizerOptions> = Partial<Options> &
  SchedulerGroupEntries & { params: Tensor | Iterable<Tensor> };

/** A value in a parameter's optimizer state: a step count, a buffer, or "no buffer". */
export type StateValue = number | Tensor | null;
export type ParamState = Record<string, StateValue>;

/** A group option as JSON: numbers, booleans, strings and arrays of them (e.g. `betas`). */
export type GroupOptionJson = number | boolean | string | null | readonly (number | boolean | string)[];

export interface OptimizerStateDict {
  /** Keyed by the parameter's index in group order; buffers become plain number arrays. */
  state: Record<string, Record<string, number | number[] | null>>;
  paramGroups: ({ params: number[] } & Record<string, GroupOptionJson | number[]>)[];
}

export abstract class Optimizer<
  Options extends OptimizerOptions = OptimizerOptions,
  State extends ParamState = ParamState,
> {
  /** The options a group gets when it does not set its own. */
  readonly defaults: Readonly<Options>;
  /** Mutable: schedulers and users change `lr` (and the rest) here between steps. */
  readonly paramGroups: ParamGroup<Options>[] = [];
  /** Per-parameter buffers (momentum, running averages, step counts), created on first use. */
  readonly state = new Map<Tensor, State>();

  constructor(params: Iterable<Tensor> | Iterable<ParamGroupInput<Options>>, defaults: Options) {
    this.defaults = defaults;
    const items = Array.from(params as Iterable<Tensor | ParamGroupInput<Options>>);
    if (items.length === 0) throw new Error('optimizer got an empty parameter list');
    const allTensors = items.every((item) => item instanceof Tensor);
    if (!allTensors && items.some((item) => item instanceof Tensor)) {
      throw new Error('Pass either a list of tensors or a list of parameter groups, not a mix of both.');
    }
    const groups = allTensors ? [{ params: items as Tensor[] }] : (items as ParamGroupInput<Options>[]);
    for (const group of groups) this.addParamGroup(group as ParamGroupInput<Options>);
  }

  /** Updates every parameter that has a gradient (parameters whose `grad` is null are skipped). */
  abstract step(): void;

  /** Throws a sentence naming the first invalid option (PyTorch's wording). */
  protected abstract validate(options: Options): void;

  /**
   * Sets gradients to null (the default, as in PyTorch 2), or to zero in place with
   * `{ setToNone: false }`. Without it, gradients of successive `backward()` calls add up.
   */
  zeroGrad(options: { setToNone?: boolean } = {}): void {
    const setToNone = options.setToNone ?? true;
    for (const group of this.paramGroups) {
      for (const param of group.params) {
        if (param.grad === null) continue;
        if (setToNone) param.grad = null;
        else param.grad.data.fill(0);
      }
    }
  }

  /** Adds a group (e.g. layers unfrozen while training); its missing options come from the defaults. */
  addParamGroup(group: ParamGroupInput<Options>): void {
    const params = group.params instanceof Tensor ? [group.params] : Array.from(group.params);
    for (const param of params) {
      if (!(param instanceof Tensor)) throw new Error('optimizer can only optimize Tensors');
      if (!param.isLeaf && !param._retainsGrad) throw new Error("can't optimize a non-leaf Tensor");
    }
    const taken = new Set<Tensor>();
    for (const existing of this.paramGroups) for (const param of existing.params) taken.add(param);
    if (params.some((param) => taken.has(param))) {
      throw new Error('some parameters appear in more than one parameter group');
    }
    const filled = { ...copyOptions(this.defaults), ...copyOptions(group), params } as ParamGroup<Options>;
    this.validate(filled);
    this.paramGroups.push(filled);
  }

  /** The state of `param`, made by `create` on first use (so buffers are allocated once). */
  protected stateOf(param: Tensor, create: (param: Tensor) => State): State {
    let state = this.state.get(param);
    if (state === undefined) {
      state = create(param);
      this.state.set(param, state);
    }
    return state;
  }

  /** A JSON-serialisable snapshot: group options, and the state with buffers as number arrays. */
  stateDict(): OptimizerStateDict {
    const indexOf = new Map<Tensor, number>();
    const paramGroups = this.paramGroups.map((group) => {
      const { params, ...options } = group;
      const indices = params.map((param) => {
        if (!indexOf.has(param)) indexOf.set(param, indexOf.size);
        return indexOf.get(param) as number;
      });
      return { ...copyOptions(options as Record<string, unknown>), params: indices };
    });
    const state: OptimizerStateDict['state'] = {};
    for (const [param, paramState] of this.state) {
      const index = indexOf.get(param);
      if (index === undefined) continue;
      const saved: Record<string, number | number[] | null> = {};
      for (const [key, value] of Object.entries(paramState)) {
        saved[key] = value instanceof Tensor ? Array.from(value.data) : value;
      }
      state[String(index)] = saved;
    }
    return { state, paramGroups: paramGroups as OptimizerStateDict['paramGroups'] };
  }

  /** Restores a `stateDict()` taken from an optimizer over parameters of the same shapes. */
  loadStateDict(stateDict: OptimizerStateDict): void {
    const saved = stateDict.paramGroups;
    if (saved.length !== this.paramGroups.length) {
      throw new Error('loaded state dict has a different number of parameter groups');
    }
    const byIndex = new Map<number, Tensor>();
    saved.forEach((savedGroup, g) => {
      const params = this.paramGroups[g].params;
      if (savedGroup.params.length !== params.length) {
        throw new Error(
          "loaded state dict contains a parameter group that doesn't match the size of optimizer's group",
        );
      }
      savedGroup.params.forEach((index, i) => byIndex.set(index, params[i]));
    });
    this.state.clear();
    for (const [key, savedState] of Object.entries(stateDict.state)) {
      const param = byIndex.get(Number(key));
      if (param === undefined) continue;
      const restored: ParamState = {};
      for (const [name, value] of Object.entries(savedState)) {
        if (!Array.isArray(value)) {
          restored[name] = value;
          continue;
        }
        if (value.length !== param.numel()) {
          throw new Error(
            `loaded state dict has a "${name}" buffer of ${value.length} values for a parameter of ${param.numel()}`,
          );
        }
        restored[name] = new Tensor(Float32Array.from(value), param.shape);
      }
      this.state.set(param, restored as State);
    }
    // Update the groups in place: whoever holds a group object keeps seeing the live one.
    this.paramGroups.forEach((group, g) => {
      const { params, ...options } = saved[g];
      const entries = group as unknown as Record<string, unknown>;
      for (const key of Object.keys(entries)) if (key !== 'params') delete entries[key];
      Object.assign(group, copyOptions(options));
    });
  }
}

/** A shallow copy whose arrays (e.g. `betas`) are copied too, leaving out `params`. */
function copyOptions(options: object): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (key === 'params') continue;
    copy[key] = Array.isArray(value) ? value.slice() : value;
  }
  return copy;
}

/** Throws `message` unless `condition`: keeps each optimizer's checks to one line apiece. */
export function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}
