/**
 * `nn.Module`: the base of every layer and model, and `nn.Parameter`.
 *
 * As in PyTorch, a module finds its parameters and submodules from its own properties: a property
 * holding a `Parameter(...)` is a parameter, a property holding a Module is a child, both named by
 * the property and ordered as they were first set (so `this.fc1 = new Linear(2, 8)` registers
 * `fc1.weight` and `fc1.bias`). Buffers (state that is saved but not learned, like BatchNorm's
 * running mean) are registered by name with `registerBuffer`, under the key PyTorch uses
 * (`running_mean`), so saved state dicts read the same in both.
 */
import { Tensor, tensor, type NestedArray } from '../tensor';
import { addIndent } from './repr';

const parameters = new WeakSet<Tensor>();

/** A learnable tensor registered by a Module: a leaf with `requiresGrad` true (by default). */
export type Parameter = Tensor;

/**
 * `nn.Parameter(data, requiresGrad=true)`: marks a tensor as a module's learnable weight. The
 * result is a new leaf that shares `data`'s storage.
 */
export function Parameter(data: Tensor, requiresGrad = true): Parameter {
  const parameter = new Tensor(data.data, data.shape, requiresGrad);
  parameters.add(parameter);
  return parameter;
}

/** Whether `value` was made by `Parameter(...)` (PyTorch's `isinstance(x, nn.Parameter)`). */
export function isParameter(value: unknown): value is Parameter {
  return value instanceof Tensor && parameters.has(value);
}

/** Saved state: parameters and persistent buffers under dotted names (`0.weight`, `bn.running_mean`). */
export type StateDict = Record<string, Tensor>;

/** What `loadStateDict` could not match (non-strict loading returns it instead of throwing). */
export interface IncompatibleKeys {
  missingKeys: string[];
  unexpectedKeys: string[];
}

function shapeText(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

function checkName(kind: string, name: string): void {
  if (name === '') throw new Error(`${kind} name can't be empty string ""`);
  if (name.includes('.')) throw new Error(`${kind} name can't contain ".", got: ${name}`);
}

export abstract class Module {
  /** Train mode (dropout drops, BatchNorm uses batch statistics) or eval mode: see `train()`/`eval()`. */
  training = true;
  private readonly _buffers = new Map<string, Tensor | null>();
  private readonly _nonPersistent = new Set<string>();

  /** The computation of this module. */
  abstract forward(...inputs: Tensor[]): Tensor;

  /**
   * The class name shown by `toString()` (PyTorch's `_get_name`). Built-in modules return their
   * name as a string because bundlers may rename classes.
   */
  protected _getName(): string {
    return this.constructor.name;
  }

  /** Text inside the parentheses of `toString()`, like PyTorch's `extra_repr`. */
  extraRepr(): string {
    return '';
  }

  // --- registration -------------------------------------------------------------------------

  /** @internal This module's own submodules: properties holding a Module, in the order first set. */
  _ownModules(): Array<[string, Module]> {
    const own: Array<[string, Module]> = [];
    const fields = this as unknown as Record<string, unknown>;
    for (const key of Object.keys(fields)) {
      const value = fields[key];
      if (value instanceof Module) own.push([key, value]);
    }
    return own;
  }

  /** @internal This module's own parameters: properties holding a Parameter, in the order first set. */
  _ownParameters(): Array<[string, Parameter]> {
    const own: Array<[string, Parameter]> = [];
    const fields = this as unknown as Record<string, unknown>;
    for (const key of Object.keys(fields)) {
      const value = fields[key];
      if (isParameter(value)) own.push([key, value]);
    }
    return own;
  }

  /** `add_module` / `register_module`: adds a child under `name` (the same as setting the property). */
  registerModule(name: string, module: Module | null): void {
    checkName('module', name);
    (this as unknown as Record<string, unknown>)[name] = module;
  }

  /** `register_parameter`: adds a parameter under `name` (the same as setting the property). */
  registerParameter(name: string, parameter: Parameter | null): void {
    checkName('parameter', name);
    if (parameter !== null && !isParameter(parameter)) {
      throw new Error(`cannot assign a plain tensor as parameter '${name}' (wrap it in nn.Parameter(...) or pass null)`);
    }
    (this as unknown as Record<string, unknown>)[name] = parameter;
  }

  /**
   * `register_buffer(name, tensor, persistent=true)`: state that is not learned but belongs to the
   * module (BatchNorm's running statistics). Persistent buffers are part of `stateDict()`.
   * Registering the same name again replaces the tensor.
   */
  registerBuffer(name: string, buffer: Tensor | null, options: { persistent?: boolean } = {}): void {
    checkName('buffer', name);
    if (!this._buffers.has(name) && Object.prototype.hasOwnProperty.call(this, name)) {
      throw new Error(`attribute '${name}' already exists`);
    }
    this._buffers.set(name, buffer);
    if (options.persistent === false) this._nonPersistent.add(name);
    else this._nonPersistent.delete(name);
  }

  /** The buffer registered under `name` (own buffers; null if registered as null). */
  getBuffer(name: string): Tensor | null {
    if (!this._buffers.has(name)) throw new Error(`${this._getName()} has no buffer named '${name}'`);
    return this._buffers.get(name) ?? null;
  }

  // --- traversal ----------------------------------------------------------------------------

  /** Direct submodules with their names, each once. */
  namedChildren(): Array<[string, Module]> {
    const seen = new Set<Module>();
    const out: Array<[string, Module]> = [];
    for (const [name, module] of this._ownModules()) {
      if (seen.has(module)) continue;
      seen.add(module);
      out.push([name, module]);
    }
    return out;
  }

  children(): Module[] {
    return this.namedChildren().map(([, module]) => module);
  }

  /** This module and every submodule, depth first, each once; the root's name is `''`. */
  namedModules(prefix = ''): Array<[string, Module]> {
    const out: Array<[string, Module]> = [];
    const seen = new Set<Module>();
    const visit = (module: Module, name: string): void => {
      if (seen.has(module)) return;
      seen.add(module);
      out.push([name, module]);
      for (const [childName, child] of module._ownModules()) visit(child, name === '' ? childName : `${name}.${childName}`);
    };
    visit(this, prefix);
    return out;
  }

  modules(): Module[] {
    return this.namedModules().map(([, module]) => module);
  }

  /** Parameters with dotted names (`0.weight`, `layers.1.bias`), each tensor once, in registration order. */
  namedParameters(prefix = '', recurse = true): Array<[string, Parameter]> {
    const out: Array<[string, Parameter]> = [];
    const seen = new Set<Tensor>();
    const owners: Array<[string, Module]> = recurse ? this.namedModules(prefix) : [[prefix, this]];
    for (const [owner, module] of owners) {
      for (const [name, parameter] of module._ownParameters()) {
        if (seen.has(parameter)) continue;
        seen.add(parameter);
        out.push([owner === '' ? name : `${owner}.${name}`, parameter]);
      }
    }
    return out;
  }

  /** Every parameter once, in registration order: what an optimizer is given. */
  parameters(recurse = true): Parameter[] {
    return this.namedParameters('', recurse).map(([, parameter]) => parameter);
  }

  /** Buffers with dotted names (`1.running_mean`), each tensor once. */
  namedBuffers(prefix = '', recurse = true): Array<[string, Tensor]> {
    const out: Array<[string, Tensor]> = [];
    const seen = new Set<Tensor>();
    const owners: Array<[string, Module]> = recurse ? this.namedModules(prefix) : [[prefix, this]];
    for (const [owner, module] of owners) {
      for (const [name, buffer] of module._buffers) {
        if (buffer === null || seen.has(buffer)) continue;
        seen.add(buffer);
        out.push([owner === '' ? name : `${owner}.${name}`, buffer]);
      }
    }
    return out;
  }

  buffers(recurse = true): Tensor[] {
    return this.namedBuffers('', recurse).map(([, buffer]) => buffer);
  }

  /** Calls `fn` on every submodule (children first) and then on this module; returns this. */
  apply(fn: (module: Module) => void): this {
    for (const child of this.children()) child.apply(fn);
    fn(this);
    return this;
  }

  // --- modes and gradients --------------------------------------------------------------------

  /** Sets train mode (`mode = true`) or eval mode on this module and all its submodules. */
  train(mode = true): this {
    if (typeof mode !== 'boolean') throw new Error('training mode is expected to be boolean');
    this.training = mode;
    for (const child of this.children()) child.train(mode);
    return this;
  }

  /** Eval mode: dropout passes inputs through, BatchNorm uses its running statistics. */
  eval(): this {
    return this.train(false);
  }

  /** Turns gradient recording on or off for every parameter (freezing a layer: `requiresGrad_(false)`). */
  requiresGrad_(requiresGrad = true): this {
    for (const parameter of this.parameters()) parameter.requiresGrad_(requiresGrad);
    return this;
  }

  /**
   * Clears the gradients of all parameters: sets `.grad` to null (PyTorch ≥ 2.0's default), or
   * fills it with zeros when `setToNone` is false.
   */
  zeroGrad(setToNone = true): void {
    for (const parameter of this.parameters()) {
      if (parameter.grad === null) continue;
      if (setToNone) parameter.grad = null;
      else parameter.grad.data.fill(0);
    }
  }

  // --- saving and loading -------------------------------------------------------------------

  /** @internal The live tensors behind `stateDict()`, under their keys. */
  _stateEntries(prefix: string, out: Array<[string, Tensor]>): void {
    for (const [name, parameter] of this._ownParameters()) out.push([prefix + name, parameter]);
    for (const [name, buffer] of this._buffers) {
      if (buffer !== null && !this._nonPersistent.has(name)) out.push([prefix + name, buffer]);
    }
    for (const [name, child] of this._ownModules()) child._stateEntries(`${prefix}${name}.`, out);
  }

  /**
   * Parameters and persistent buffers by dotted name, e.g. `{ '0.weight', '0.bias',
   * '1.running_mean', '1.running_var', '1.num_batches_tracked' }`. The tensors share storage with
   * the module (as in PyTorch): clone them to keep a snapshot.
   */
  stateDict(): StateDict {
    const entries: Array<[string, Tensor]> = [];
    this._stateEntries('', entries);
    const out: StateDict = {};
    for (const [key, value] of entries) out[key] = value.detach();
    return out;
  }

  /**
   * Copies saved values into this module's parameters and buffers, in place (so an optimizer
   * holding the parameters keeps working). With `strict` (the default), missing or unexpected
   * keys are an error; a shape mismatch always is. Unlike PyTorch, nothing is copied when there
   * is an error, so a failed load leaves the module as it was.
   */
  loadStateDict(
    stateDict: Readonly<Record<string, Tensor | NestedArray>>,
    options: { strict?: boolean } = {},
  ): IncompatibleKeys {
    const strict = options.strict ?? true;
    const entries: Array<[string, Tensor]> = [];
    this._stateEntries('', entries);
    const expected = new Set(entries.map(([key]) => key));
    const given = Object.keys(stateDict);
    const missingKeys = entries.map(([key]) => key).filter((key) => !Object.prototype.hasOwnProperty.call(stateDict, key));
    const unexpectedKeys = given.filter((key) => !expected.has(key));

    const errors: string[] = [];
    if (strict && missingKeys.length > 0) {
      errors.push(`Missing key(s) in state_dict: ${missingKeys.map((k) => `"${k}"`).join(', ')}.`);
    }
    if (strict && unexpectedKeys.length > 0) {
      errors.push(`Unexpected key(s) in state_dict: ${unexpectedKeys.map((k) => `"${k}"`).join(', ')}.`);
    }
    const copies: Array<[Tensor, Tensor]> = [];
    for (const [key, target] of entries) {
      if (!Object.prototype.hasOwnProperty.call(stateDict, key)) continue;
      const source = toTensor(key, stateDict[key]);
      if (!sameShape(source.shape, target.shape)) {
        errors.push(
          `size mismatch for ${key}: copying a param with shape ${shapeText(source.shape)} from checkpoint, ` +
            `the shape in current model is ${shapeText(target.shape)}.`,
        );
      } else {
        copies.push([target, source]);
      }
    }
    if (errors.length > 0) {
      throw new Error(`Error(s) in loading state_dict for ${this._getName()}:\n\t${errors.join('\n\t')}`);
    }
    for (const [target, source] of copies) target.data.set(source.data);
    return { missingKeys, unexpectedKeys };
  }

  // --- printing -----------------------------------------------------------------------------

  /** PyTorch's repr: `Sequential(\n  (0): Linear(in_features=2, out_features=8, bias=True)\n  ...\n)`. */
  toString(): string {
    const extra = this.extraRepr();
    const extraLines = extra === '' ? [] : extra.split('\n');
    const childLines = this._ownModules().map(([name, child]) => `(${name}): ${addIndent(child.toString(), 2)}`);
    const lines = [...extraLines, ...childLines];
    let text = `${this._getName()}(`;
    if (lines.length > 0) {
      text += extraLines.length === 1 && childLines.length === 0 ? extraLines[0] : `\n  ${lines.join('\n  ')}\n`;
    }
    return `${text})`;
  }
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

function toTensor(key: string, value: Tensor | NestedArray): Tensor {
  if (value instanceof Tensor) return value;
  try {
    return tensor(value);
  } catch {
    throw new Error(`state_dict entry "${key}" is not a tensor or a nested array of numbers`);
  }
}
