import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../engine/train/config';
import { archiveRun } from './runs';
import { fromStored, MAX_STORED_STEPS, readStored, toStored } from './runsStorage';
import { RunHistory } from './series';

function kept(steps: number) {
  const history = new RunHistory();
  for (let s = 1; s <= steps; s++) history.steps.push({ step: s, epoch: Math.floor((s - 1) / 50), loss: 1 / s, runningLoss: 1, lr: 0.01, gradNorm: 2, layerGradNorms: [1], updateRatios: [1e-3] }, 50);
  history.evaluations.push({
    step: 50, epoch: 1, activations: [{ layer: 1, mean: 0, std: 1, dead: 0, histogram: [] } as never], epochTimeMs: 1, stepsPerSecond: 1,
    train: { kind: 'running', loss: 0.5, classification: { accuracy: 0.8, confusion: [[1]], precision: [1], recall: [1] } },
    validation: { kind: 'full', loss: 0.6, classification: { accuracy: 0.7, confusion: [[1]], precision: [1], recall: [1] } },
  });
  const config = defaultConfig();
  config.optimizer.lr = 0.2;
  return archiveRun([], { id: 3, config, changes: [{ step: 10, path: 'optimizer.lr', value: 0.2 }], history, status: null }).runs[0];
}

/** What IndexedDB hands back: a structured clone. */
const clone = <T>(value: T): T => structuredClone(value);

describe('stored runs', () => {
  it('come back as they were kept: settings, changes, colour, every step, the evaluations', () => {
    const run = kept(120);
    const back = fromStored(clone(toStored(run)))!;
    expect(back).toMatchObject({ id: 3, changes: run.changes, color: run.color, visible: true });
    expect(back.config.optimizer.lr).toBe(0.2);
    expect(Array.from(back.history.steps.column('loss'))).toEqual(Array.from(run.history.steps.column('loss')));
    expect(Array.from(back.history.steps.column('epoch'))).toEqual(Array.from(run.history.steps.column('epoch')));
    expect(back.history.evaluations[0].validation.loss).toBe(0.6);
    expect(back.history.evaluations[0].activations).toEqual([]); // left out
  });

  it('keep the name a run was given; a name too long to have been given is not read', () => {
    const named = { ...kept(10), name: 'ten times faster' };
    expect(fromStored(clone(toStored(named)))?.name).toBe('ten times faster');
    expect(fromStored(clone(toStored(kept(10))))).not.toHaveProperty('name');
    expect(fromStored({ ...clone(toStored(kept(10))), name: 'x'.repeat(61) })).toBeNull();
  });

  it('keep at most MAX_STORED_STEPS steps of a long run, evenly, the last one always', () => {
    const stored = toStored(kept(MAX_STORED_STEPS * 2 + 7));
    expect(stored.steps.step.length).toBeLessThanOrEqual(MAX_STORED_STEPS + 1);
    expect(stored.steps.step[0]).toBe(1);
    expect(stored.steps.step[stored.steps.step.length - 1]).toBe(MAX_STORED_STEPS * 2 + 7);
  });

  it('that do not fit are left out and counted; the others are read', () => {
    const good = clone(toStored(kept(20)));
    const badConfig = { ...clone(toStored(kept(20))), config: { optimizer: { lr: 'fast' } } };
    const badSteps = { ...clone(toStored(kept(20))), steps: { step: [1, 2] } };
    const badColour = { ...clone(toStored(kept(20))), color: 'red; background: url(x)' };
    const { runs, unreadable } = readStored([good, badConfig, badSteps, badColour, null, 'x']);
    expect(runs).toHaveLength(1);
    expect(unreadable).toBe(5);
    expect(readStored(undefined)).toEqual({ runs: [], unreadable: 0 });
  });
});
