/**
 * Full-resolution metric history of one run, kept outside React state in growable typed arrays
 * (a long run has 100k+ steps: copying arrays into state 20 times a second would be wasteful).
 * Charts read it and downsample to ~1,000 points; `version` tells them something changed.
 */
import type { EvaluationRecord, StepRecord } from '../../engine/train/trainer';

export type { EvaluationRecord, StepRecord };

class Column<T extends Float32Array | Float64Array> {
  data: T;
  constructor(private readonly make: (n: number) => T) {
    this.data = make(1024);
  }
  set(index: number, value: number): void {
    if (index >= this.data.length) {
      const grown = this.make(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[index] = value;
  }
}

const f32 = (n: number) => new Float32Array(n);
const f64 = (n: number) => new Float64Array(n);

/** A run's step columns as stored (see store/runsStorage.ts). */
export interface StoredSteps {
  step: Float64Array;
  epoch: Float64Array;
  loss: Float32Array;
  lr: Float64Array;
  gradNorm: Float32Array;
}

export class StepSeries {
  length = 0;
  private readonly columns = {
    step: new Column(f64),
    /** epochs completed when the step ran, plus the fraction of the epoch (for an epoch x-axis) */
    epoch: new Column(f64),
    loss: new Column(f32),
    lr: new Column(f64),
    gradNorm: new Column(f32),
  };
  private readonly layerGradNorms: Column<Float32Array>[] = [];
  private readonly updateRatios: Column<Float32Array>[] = [];

  /** `stepsPerEpoch` turns the step's position into a fractional epoch. */
  push(record: StepRecord, stepsPerEpoch: number): void {
    const i = this.length;
    const c = this.columns;
    c.step.set(i, record.step);
    const withinEpoch = stepsPerEpoch > 0 ? ((record.step - 1) % stepsPerEpoch) + 1 : 0;
    c.epoch.set(i, stepsPerEpoch > 0 ? record.epoch + withinEpoch / stepsPerEpoch : record.epoch);
    c.loss.set(i, record.loss);
    c.lr.set(i, record.lr);
    c.gradNorm.set(i, record.gradNorm);
    record.layerGradNorms.forEach((v, l) => {
      if (!this.layerGradNorms[l]) this.layerGradNorms[l] = new Column(f32);
      this.layerGradNorms[l].set(i, v);
    });
    record.updateRatios.forEach((v, l) => {
      if (!this.updateRatios[l]) this.updateRatios[l] = new Column(f32);
      this.updateRatios[l].set(i, v);
    });
    this.length = i + 1;
  }

  /** A view of the first `length` values of a column (no copy). */
  column(name: 'step' | 'epoch' | 'loss' | 'lr' | 'gradNorm'): Float32Array | Float64Array {
    return this.columns[name].data.subarray(0, this.length);
  }

  /** The step columns alone, copied (for storage); per-layer gradients are left out. */
  snapshot(): StoredSteps {
    const c = this.columns;
    const n = this.length;
    return { step: c.step.data.slice(0, n), epoch: c.epoch.data.slice(0, n), loss: c.loss.data.slice(0, n), lr: c.lr.data.slice(0, n), gradNorm: c.gradNorm.data.slice(0, n) };
  }

  /** A series holding stored columns (all of one length). */
  static fromSnapshot(stored: StoredSteps): StepSeries {
    const series = new StepSeries();
    const n = stored.step.length;
    for (const name of ['step', 'epoch', 'loss', 'lr', 'gradNorm'] as const) {
      const column = series.columns[name];
      for (let i = n - 1; i >= 0; i--) column.set(i, stored[name][i]);
    }
    series.length = n;
    return series;
  }

  layerCount(): number {
    return this.layerGradNorms.length;
  }

  layerGradNorm(layer: number): Float32Array {
    return this.layerGradNorms[layer]?.data.subarray(0, this.length) ?? new Float32Array(0);
  }

  updateRatio(layer: number): Float32Array {
    return this.updateRatios[layer]?.data.subarray(0, this.length) ?? new Float32Array(0);
  }
}

/** Everything measured in one run. */
export class RunHistory {
  readonly steps: StepSeries;
  constructor(steps: StepSeries = new StepSeries()) {
    this.steps = steps;
  }
  readonly evaluations: EvaluationRecord[] = [];
  /** bumped whenever something is added, so charts know to redraw */
  version = 0;
}
