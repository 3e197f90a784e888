import { describe, expect, it } from 'vitest';
import { defaultConfig, type ExperimentConfig } from '../../engine/train/config';
import { archiveRun, comparable, leaves, MAX_RUNS, nextColor, RUN_COLORS, runLabels, type PastRun } from './runs';
import { RunHistory } from './series';

const config = (change: (c: ExperimentConfig) => void = () => {}) => {
  const c = defaultConfig();
  change(c);
  return c;
};

function history(steps: number): RunHistory {
  const h = new RunHistory();
  for (let s = 1; s <= steps; s++) h.steps.push({ step: s, epoch: 0, loss: 1 / s, runningLoss: 1, lr: 0.01, gradNorm: 1, layerGradNorms: [], updateRatios: [] }, 100);
  return h;
}

const run = (id: number, steps = 5): Omit<PastRun, 'color' | 'visible'> => ({ id, config: defaultConfig(), changes: [], history: history(steps), status: null });

describe('runLabels', () => {
  it('names each run by the settings that differ between them', () => {
    const runs = [
      { id: 1, config: config((c) => void (c.optimizer.lr = 0.1)), changes: [] },
      { id: 2, config: config((c) => void (c.optimizer.lr = 0.01)), changes: [] },
      { id: 3, config: config((c) => { c.optimizer.lr = 0.01; c.model.dropout = 0.5; }), changes: [] },
    ];
    // in the config's order: model before optimizer
    expect(runLabels(runs)).toEqual(['dropout=0, lr=0.1', 'dropout=0, lr=0.01', 'dropout=0.5, lr=0.01']);
  });

  it('says a live change with its step, and tells identical runs apart by number', () => {
    const same = [{ id: 4, config: defaultConfig(), changes: [] }, { id: 5, config: defaultConfig(), changes: [{ step: 300, path: 'optimizer.lr', value: 0.1 }] }];
    expect(runLabels(same)).toEqual(['#4', 'lr→0.1 @300']);
  });

  it('names another optimizer by its type alone, not by the settings only it has', () => {
    const runs = [{ id: 1, config: defaultConfig(), changes: [] }, { id: 2, config: config((c) => void (c.optimizer = { ...c.optimizer, type: 'sgd', momentum: 0.9 } as ExperimentConfig['optimizer'])), changes: [] }];
    const [adam, sgd] = runLabels(runs);
    expect(sgd).toBe('optimizer=sgd');
    expect(adam).toBe(`optimizer=${defaultConfig().optimizer.type}`);
  });

  it('adds the number to labels two runs share (a lesson’s run and the same value in a comparison)', () => {
    const lr = (v: number) => config((c) => void (c.optimizer.lr = v));
    const runs = [1, 3, 4, 5].map((id, i) => ({ id, config: lr([1, 0.0001, 0.01, 1][i]), changes: [] }));
    expect(runLabels(runs)).toEqual(['lr=1 #1', 'lr=0.0001', 'lr=0.01', 'lr=1 #5']);
    // the current run is not told apart by number: the legends name its lines otherwise
    expect(runLabels([...runs.slice(1, 3), runs[3]], 5)).toEqual(['lr=0.0001', 'lr=0.01', 'lr=1']);
    expect(runLabels(runs, 5)).toEqual(['lr=1', 'lr=0.0001', 'lr=0.01', 'lr=1']);
  });

  it('cuts a long label short after three settings', () => {
    const runs = [
      { id: 1, config: defaultConfig(), changes: [] },
      { id: 2, config: config((c) => { c.optimizer.lr = 0.5; c.model.dropout = 0.2; c.training.batchSize = 64; c.training.seed = 9; }), changes: [] },
    ];
    expect(runLabels(runs)[1]).toMatch(/^([a-zA-Z]+=[^,]+, ){3}…$/);
  });

  it('reads every leaf of a config by its path', () => {
    const all = leaves(defaultConfig());
    expect(all.get('optimizer.lr')).toBe(defaultConfig().optimizer.lr);
    expect(Array.isArray(all.get('model.hiddenLayers'))).toBe(true);
  });
});

describe('archiveRun', () => {
  it('keeps a run that took a step, shown, in a colour no kept run has', () => {
    const first = archiveRun([], run(1)).runs;
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ id: 1, visible: true, color: RUN_COLORS[0] });
    const second = archiveRun(first, run(2)).runs;
    expect(second[1].color).toBe(RUN_COLORS[1]);
    // a forgotten run's colour is free again
    expect(nextColor([second[1]])).toBe(RUN_COLORS[0]);
  });

  it('skips a run with no step, and drops the oldest past the limit', () => {
    expect(archiveRun([], run(1, 0)).runs).toEqual([]);
    let runs: PastRun[] = [];
    for (let id = 1; id <= MAX_RUNS; id++) runs = archiveRun(runs, run(id)).runs;
    const next = archiveRun(runs, run(MAX_RUNS + 1));
    expect(next.dropped).toBe(1);
    expect(next.runs.map((r) => r.id)).toEqual(Array.from({ length: MAX_RUNS }, (_, i) => i + 2));
  });
});

describe('comparable', () => {
  it('draws a kept run over the current one only on the same data set', () => {
    const moons = { config: config((c) => void (c.data.dataset = 'moons')) };
    expect(comparable(moons, 'moons')).toBe(true);
    expect(comparable(moons, 'sine')).toBe(false);
  });
});
