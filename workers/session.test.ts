/** The training session in Node: slicing, pause, live updates, metric batches, grids, RPC. */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { expose, finalizer, proxy, wrap } from 'comlink';
import { defaultConfig } from '../engine/train/config';
import { createApi } from './api';
import { TrainingSession, type MetricsBatch } from './session';

const loadText = (file: string) => readFile(`public/datasets/${file}`, 'utf8');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function collect() {
  const batches: MetricsBatch[] = [];
  return { batches, onMetrics: (b: MetricsBatch) => void batches.push(b) };
}

describe('TrainingSession', () => {
  it('steps on request and reports the steps in a metrics batch', async () => {
    const session = new TrainingSession({ loadText });
    const { batches, onMetrics } = collect();
    expect((await session.init(defaultConfig(), onMetrics)).errors).toEqual([]);
    expect(session.step(10)).toBe(10);
    const steps = batches.flatMap((b) => b.steps);
    expect(steps.map((s) => s.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(batches[0].reset).toBe(true);
    expect(batches.flatMap((b) => b.evaluations)[0].step).toBe(0); // the untrained model, evaluated at step 0
    expect(session.status()).toMatchObject({ state: 'paused', step: 10, playing: false });
    expect(session.step('epoch')).toBe(10); // 320 training points / 16 = 20 batches per epoch
    expect(session.status().epoch).toBe(1);
  });

  it('plays in slices; pause takes effect before the next slice', async () => {
    const session = new TrainingSession({ loadText });
    const { batches, onMetrics } = collect();
    const long = defaultConfig();
    long.training.epochs = 10_000; // must not finish within the test
    await session.init(long, onMetrics);
    session.play();
    await sleep(300);
    session.pause();
    const paused = session.status().step;
    expect(paused).toBeGreaterThan(0);
    await sleep(100);
    expect(session.status().step).toBe(paused);
    expect(session.status().state).toBe('paused');
    // batches went out at most ~20 times a second
    expect(batches.length).toBeLessThanOrEqual(Math.ceil(0.4 * 20) + 3);
    const seen = batches.flatMap((b) => b.steps).map((s) => s.step);
    expect(seen[seen.length - 1]).toBe(paused);
  });

  it('trains at the pace asked for', async () => {
    const session = new TrainingSession({ loadText });
    await session.init(defaultConfig(), () => {});
    session.setSpeed(200);
    session.play();
    await sleep(500);
    session.pause();
    const steps = session.status().step;
    // never faster than asked (~100 at 200 steps/s; a busy machine may do fewer)
    expect(steps).toBeGreaterThan(0);
    expect(steps).toBeLessThanOrEqual(105);
    session.setSpeed(null);
    session.play();
    await sleep(200);
    session.pause();
    expect(session.status().step - steps).toBeGreaterThan(105); // unpaced it goes past the paced count
  });

  it('a slow page makes batches coalesce: never more than one in flight', async () => {
    const session = new TrainingSession({ loadText });
    const pending: Array<() => void> = [];
    const received: MetricsBatch[] = [];
    const long = defaultConfig();
    long.training.epochs = 10_000;
    await session.init(long, (batch) => {
      received.push(batch);
      return new Promise<void>((resolve) => pending.push(resolve));
    });
    session.play();
    await sleep(250);
    expect(received).toHaveLength(1); // the first batch was never taken, so nothing else was sent
    pending.shift()!();
    await sleep(120);
    session.pause();
    expect(received.length).toBe(2);
    const total = received.flatMap((b) => b.steps).length;
    expect(received[1].steps.length).toBeGreaterThan(10); // everything since, in one batch
    expect(total).toBeLessThanOrEqual(session.status().step);
  });

  it('applies live changes in place and restarts for structural ones', async () => {
    const session = new TrainingSession({ loadText });
    const { batches, onMetrics } = collect();
    await session.init(defaultConfig(), onMetrics);
    session.step(5);
    const live = await session.update({ optimizer: { lr: 0.001 }, model: { dropout: 0.2 } });
    expect(live.applied).toBe('live');
    expect(live.changed.sort()).toEqual(['model.dropout', 'optimizer.lr']);
    session.step(1);
    expect(batches.flatMap((b) => b.steps).at(-1)).toMatchObject({ step: 6, lr: 0.001 });

    const restart = await session.update({ data: { dataset: 'moons' } });
    expect(restart.applied).toBe('restart');
    expect(session.status()).toMatchObject({ step: 0 });
    expect(session.status().message).toMatch(/restarted because data.dataset changed/);
    expect(batches.at(-1)!.reset).toBe(true);

    const bad = await session.update({ optimizer: { lr: 'abc' } });
    expect(bad.applied).toBe('none');
    expect(bad.errors[0].message).toMatch(/optimizer\.lr/);
    expect(session.exportState().config!.data.dataset).toBe('moons');
  });

  it('the same config and seed give the same curve bit for bit', async () => {
    const losses = async () => {
      const session = new TrainingSession({ loadText });
      const { batches, onMetrics } = collect();
      await session.init(defaultConfig(), onMetrics);
      session.step(150);
      return batches.flatMap((b) => b.steps).map((s) => s.loss);
    };
    const a = await losses();
    expect(a).toHaveLength(150);
    expect(await losses()).toEqual(a);
  });

  it('a scheduled change comes at its step, whether stepped, played or run by epoch: the same losses as the live change', async () => {
    const lossesOf = (batches: MetricsBatch[]) => batches.flatMap((b) => b.steps).map((s) => s.loss);
    // the recorded run: 7 steps, then a live change of the learning rate, then 18 more
    const live = new TrainingSession({ loadText });
    const recorded = collect();
    await live.init(defaultConfig(), recorded.onMetrics);
    live.step(7);
    const result = await live.update({ optimizer: { lr: 0.05 } });
    expect(result).toMatchObject({ applied: 'live', changed: ['optimizer.lr'], step: 7 });
    live.step(18);
    const want = lossesOf(recorded.batches);
    expect(want).toHaveLength(25);
    // replayed by steps of 3 and by an epoch (20 steps), the change is made after step 7 all the same
    for (const take of [(s: TrainingSession) => { for (let i = 0; i < 9; i++) s.step(3); }, (s: TrainingSession) => { s.step('epoch'); s.step(5); }]) {
      const replay = new TrainingSession({ loadText });
      const replayed = collect();
      await replay.init(defaultConfig(), replayed.onMetrics);
      expect(replay.schedule([{ step: 7, patch: { optimizer: { lr: 0.05 } } }])).toBe(1);
      take(replay);
      expect(lossesOf(replayed.batches).slice(0, 25)).toEqual(want);
    }
    // played at full speed: runUntil stops at step 7 for the change
    const played = new TrainingSession({ loadText });
    const run = collect();
    await played.init(defaultConfig(), run.onMetrics);
    played.schedule([{ step: 7, patch: { optimizer: { lr: 0.05 } } }]);
    played.play();
    while (played.status().step < 25) await sleep(10);
    played.pause();
    expect(lossesOf(run.batches).slice(0, 25)).toEqual(want);
    // without the change the losses part after step 7
    const plain = new TrainingSession({ loadText });
    const other = collect();
    await plain.init(defaultConfig(), other.onMetrics);
    plain.step(25);
    const losses = lossesOf(other.batches);
    expect(losses.slice(0, 7)).toEqual(want.slice(0, 7));
    expect(losses.slice(8)).not.toEqual(want.slice(8));
  });

  it('drops scheduled changes that are not live or not valid, and all of them on a reset', async () => {
    const session = new TrainingSession({ loadText });
    await session.init(defaultConfig(), () => {});
    expect(session.schedule([{ step: 2, patch: { model: { hiddenLayers: [3] } } }, { step: 3, patch: { optimizer: { lr: -1 } } }, { step: 1.5, patch: {} }])).toBe(2);
    session.step(5);
    expect(session.exportState().config?.model.hiddenLayers).toEqual(defaultConfig().model.hiddenLayers);
    expect(session.exportState().config?.optimizer.lr).toBe(defaultConfig().optimizer.lr);
    session.schedule([{ step: 8, patch: { optimizer: { lr: 0.2 } } }]);
    await session.reset();
    session.step(10);
    expect(session.exportState().config?.optimizer.lr).toBe(defaultConfig().optimizer.lr);
  });

  it('runs the learning-rate range test on a copy: the run goes on with the very same losses', async () => {
    const lossesOf = (batches: MetricsBatch[]) => batches.flatMap((b) => b.steps).map((s) => s.loss);
    const plain = new TrainingSession({ loadText });
    const expected = collect();
    await plain.init(defaultConfig(), expected.onMetrics);
    plain.step(30);
    const tested = new TrainingSession({ loadText });
    const seen = collect();
    await tested.init(defaultConfig(), seen.onMetrics);
    tested.step(10);
    const found = await tested.findLr({ numIter: 60 });
    expect(found?.lrs.length).toBeGreaterThan(10);
    expect(found?.suggestion).toBeGreaterThan(0);
    expect(tested.status().step).toBe(10);
    tested.step(20);
    expect(lossesOf(seen.batches)).toEqual(lossesOf(expected.batches));
  });

  it('saves a checkpoint and continues from it in another session: same validation loss, same losses after; a bad file leaves the run alone', async () => {
    const lossesOf = (batches: MetricsBatch[]) => batches.flatMap((b) => b.steps).map((s) => s.loss);
    const config = defaultConfig();
    config.data.dataset = 'digits';
    config.training.batchSize = 64;
    const first = new TrainingSession({ loadText });
    const seen = collect();
    await first.init(config, seen.onMetrics);
    first.step('epoch');
    first.step('epoch');
    const saved = first.saveCheckpoint();
    if (!saved?.ok) throw new Error('not saved');
    const text = saved.text;
    const savedLoss = (JSON.parse(text) as { validationLoss: number }).validationLoss;
    const before = lossesOf(seen.batches).length;
    first.step('epoch');

    // another page: the default experiment at step 5, then the file
    const second = new TrainingSession({ loadText });
    const other = collect();
    await second.init(defaultConfig(), other.onMetrics);
    second.step(5);
    const refused = await second.loadCheckpoint(text.replace('"0.weight"', '"0.weights"'));
    expect(refused).toEqual({ ok: false, error: "The checkpoint's model does not fit this experiment's (missing 0.weight; unexpected 0.weights)." });
    expect(second.status()).toMatchObject({ step: 5, state: 'paused' });
    expect(second.exportState().config?.data.dataset).toBe('spiral');

    const loaded = await second.loadCheckpoint(text);
    expect(loaded).toMatchObject({ ok: true, step: 2 * 23 });
    if (!loaded.ok) return;
    expect(loaded.config.data.dataset).toBe('digits');
    expect(loaded.validationLoss).toBeCloseTo(savedLoss, 6);
    expect(second.status()).toMatchObject({ step: 46, epoch: 2, message: 'Continuing from the model saved at step 46.' });
    // the run's evaluation at load reaches the page, at the saved step
    const last = other.batches.at(-1)!;
    expect(last.reset).toBe(true);
    expect(last.evaluations.at(-1)).toMatchObject({ step: 46, epoch: 2 });
    other.batches.length = 0;
    second.step('epoch');
    expect(lossesOf(other.batches)).toEqual(lossesOf(seen.batches).slice(before));
  });

  it('does not save weights that are not numbers (JSON would write null): it names the tensor', async () => {
    const session = new TrainingSession({ loadText });
    await session.init(defaultConfig(), collect().onMetrics);
    session.step(3);
    expect(session.saveCheckpoint()).toMatchObject({ ok: true });
    // as an overflow leaves them: the first layer's bias
    const built = (session as unknown as { built: { setup: { model: { stateDict(): Record<string, { data: Float32Array }> } } } }).built;
    built.setup.model.stateDict()['0.bias'].data[2] = Infinity;
    expect(session.saveCheckpoint()).toEqual({ ok: false, notFinite: '0.bias' });
  });

  it('after a reset, one step reports step 1 (not the status of the moment the run started, step 0)', async () => {
    const session = new TrainingSession({ loadText });
    const seen = collect();
    await session.init(defaultConfig(), seen.onMetrics);
    session.step(3);
    await session.reset();
    session.step(1);
    expect(seen.batches.at(-1)!.status).toMatchObject({ step: 1, state: 'paused', playing: false });
  });

  it('predicts over the input plane: probabilities for classes, values for 1-D regression', async () => {
    const session = new TrainingSession({ loadText });
    await session.init(defaultConfig(), () => {});
    const grid = session.predictGrid(40)!;
    expect(grid).toHaveLength(40 * 40 * 2);
    for (let i = 0; i < grid.length; i += 2) expect(grid[i] + grid[i + 1]).toBeCloseTo(1, 5);
    const snapshot = session.snapshot(20);
    expect(snapshot.layers.map((l) => l.shape)).toEqual([[16, 2], [16, 16], [2, 16]]);
    expect(snapshot.activations.map((a) => [a.name, a.units, a.values.length])).toEqual([
      ['1', 16, 16 * 400],
      ['4', 16, 16 * 400],
    ]);
    // ReLU units: never negative, and the first unit's plane matches its weights' sign pattern somewhere
    expect(Math.min(...snapshot.activations[0].values)).toBeGreaterThanOrEqual(0);
    const points = session.points()!;
    expect(points).toMatchObject({ task: 'classification', features: 2, classes: 2 });
    expect(points.train.n + points.validation.n).toBe(400);
    expect(points.train.x).toHaveLength(2 * points.train.n);
    await session.update({ data: { dataset: 'sine' }, loss: { type: 'mse' } });
    expect(session.predictGrid(25)).toHaveLength(25);
    await session.update({ data: { dataset: 'iris' }, loss: { type: 'crossEntropy' } });
    expect(session.predictGrid(25)).toBeNull();
    expect(session.status().state).not.toBe('error');
  });

  it('answers a bad config with messages and never throws', async () => {
    const session = new TrainingSession({ loadText });
    const base = defaultConfig();
    const result = await session.init(
      { ...base, optimizer: { ...base.optimizer, lr: -1 }, training: { ...base.training, batchSize: 0 } },
      () => {},
    );
    expect(result.applied).toBe('none');
    expect(result.errors.map((e) => e.path).sort()).toEqual(['optimizer.lr', 'training.batchSize']);
    const missing = new TrainingSession({ loadText: () => Promise.reject(new Error('404')) });
    await missing.init({ ...defaultConfig(), data: { ...defaultConfig().data, dataset: 'digits' } }, () => {});
    expect(missing.status()).toMatchObject({ state: 'error' });
    expect(missing.status().message).toMatch(/digits\.csv could not be loaded/);
  });
});

describe('the RPC path over a MessageChannel', () => {
  it('init, step, play/pause and release of the metrics callback', async () => {
    const { port1, port2 } = new MessageChannel();
    expose(createApi((url) => loadText(new URL(url).pathname.split('/').pop()!)), port1);
    const remote = wrap<ReturnType<typeof createApi>>(port2);
    const batches: MetricsBatch[] = [];
    let released = false;
    const onMetrics = Object.assign((b: MetricsBatch) => void batches.push(b), {
      [finalizer]: () => {
        released = true;
      },
    });
    const init = await remote.init(defaultConfig(), proxy(onMetrics), { datasetBaseUrl: 'http://x/datasets/' });
    expect(init.errors).toEqual([]);
    expect(await remote.step(3)).toBe(3);
    await remote.play();
    await sleep(200);
    await remote.pause();
    const paused = (await remote.status()).step;
    await sleep(80);
    expect((await remote.status()).step).toBe(paused);
    const grid = await remote.predictGrid(10);
    expect(grid).toBeInstanceOf(Float32Array);
    expect(grid!.length).toBe(200);
    await sleep(60);
    expect(batches.flatMap((b) => b.steps).length).toBeGreaterThan(3);
    await remote.dispose();
    await sleep(30);
    expect(released).toBe(true);
    port1.close();
    port2.close();
  });
});
