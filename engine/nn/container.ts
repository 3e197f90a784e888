/** `nn.Sequential`: modules applied one after another, named '0', '1', ... (or by the names given). */
import type { Tensor } from '../tensor';
import { Module } from './module';

export class Sequential extends Module {
  /** The layers in order, with their names (the single source of truth for this container). */
  private readonly _layers: Array<[string, Module]> = [];

  /** `new Sequential(a, b, c)`, or `new Sequential({ hidden: a, act: b, out: c })` for named layers. */
  constructor(...modules: Module[]);
  constructor(namedModules: Readonly<Record<string, Module>>);
  constructor(...args: Array<Module | Readonly<Record<string, Module>>>) {
    super();
    if (args.length === 1 && !(args[0] instanceof Module)) {
      for (const [name, module] of Object.entries(args[0])) this.registerModule(name, module);
    } else {
      for (const module of args) this.append(module as Module);
    }
  }

  protected override _getName(): string {
    return 'Sequential';
  }

  /** @internal */
  override _ownModules(): Array<[string, Module]> {
    return this._layers.slice();
  }

  /** Adds or replaces the layer called `name` (a new name goes at the end). */
  override registerModule(name: string, module: Module | null): void {
    if (!(module instanceof Module)) throw new Error(`Sequential: layer '${name}' must be a Module; got ${String(module)}`);
    if (name === '' || name.includes('.')) throw new Error(`module name can't be empty or contain ".", got: "${name}"`);
    const existing = this._layers.findIndex(([n]) => n === name);
    if (existing >= 0) this._layers[existing] = [name, module];
    else this._layers.push([name, module]);
  }

  /** Adds `module` at the end, named by its position. */
  append(module: Module): this {
    this.registerModule(String(this._layers.length), module);
    return this;
  }

  /** Number of layers: `len(model)`. */
  get length(): number {
    return this._layers.length;
  }

  /** The layer at `index` (negative counts from the end): `model[index]`. */
  get(index: number): Module {
    const n = this._layers.length;
    if (!Number.isInteger(index) || index < -n || index >= n) throw new Error(`index ${index} is out of range`);
    return this._layers[index < 0 ? index + n : index][1];
  }

  [Symbol.iterator](): Iterator<Module> {
    return this._layers.map(([, module]) => module)[Symbol.iterator]();
  }

  /** Feeds the input through every layer in order. */
  forward(input: Tensor): Tensor {
    let x = input;
    for (let i = 0; i < this._layers.length; i++) x = this._layers[i][1].forward(x);
    return x;
  }
}
