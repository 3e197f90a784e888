/**
 * The shape of the one table that describes every setting: what it accepts, its default, whether a
 * change applies to the running model or restarts the run, and a short description for the page
 * (which translates it, keyed by path). Validation, defaults, `diffConfig` and the page's controls
 * all read this table, so a setting is described once.
 */
import type { Spec, SpecFor } from './spec';
import type { ExperimentConfig } from './types';

/**
 * `live`: applied to the running model in place, as you could in PyTorch (`param_group['lr'] = …`,
 * `dropout.p = …`). `structural`: the run is rebuilt from the new experiment and starts over.
 */
export type Change = 'live' | 'structural';

export interface Field<V> {
  spec: SpecFor<V>;
  /** The playground's default, the value a new experiment starts with. */
  default: V;
  /** PyTorch's own default for this argument, where PyTorch has one (the code view leaves such arguments out). */
  torchDefault?: V;
  change: Change;
  /** A few words for the control's label, e.g. "Learning rate". */
  label: string;
  /** One or two sentences for the tooltip: what it does and what to watch for. */
  description: string;
  /**
   * Only experiments where this is true use the field (noise only for synthetic sets). Elsewhere the
   * value is kept, so switching back restores it, but it has no effect and the page hides it.
   */
  usedWhen?: (config: ExperimentConfig) => boolean;
}

/** A field for every key of a section; nested objects (earlyStopping) get nested tables. Missing keys do not compile. */
export type Fields<S> = {
  [K in keyof S]-?: [S[K]] extends [readonly unknown[]]
    ? Field<S[K]>
    : [S[K]] extends [object]
      ? Fields<S[K]>
      : Field<S[K]>;
};

/** A section whose settings depend on its `type` (the optimizer, the scheduler): one table per type. */
export interface VariantSection<U extends { type: string }> {
  type: Field<U['type']>;
  variants: { [T in U['type']]: Fields<Omit<Extract<U, { type: T }>, 'type'>> };
}

/** Any field, for code that walks the table without caring about value types. */
export interface AnyField {
  spec: Spec;
  default: unknown;
  torchDefault?: unknown;
  change: Change;
  label: string;
  description: string;
  usedWhen?: (config: ExperimentConfig) => boolean;
}
