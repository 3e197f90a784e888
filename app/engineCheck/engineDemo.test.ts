import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../engine/train/config';
import { createApi } from '../../workers/api';
import type { MetricsBatch } from '../../workers/session';
import { EngineDemo, WORKER_STOPPED_MESSAGE, type DemoClient, type DemoClientEvents, type DemoPicture, type DemoView } from './engineDemo';

const TICK_MS = 50;
const STEPS_PER_SECOND = 240; // 12 steps a tick
const GRID_MS = 250;

/**
 * The worker's real API, called in this thread instead of through a Worker, and a virtual clock:
 * each of the demo's sleeps moves time on by its length, so pace and grid rate are exact.
 */
function harness(options: { failStepAt?: number } = {}) {
  let clock = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const calls: Array<{ name: string; time: number }> = [];
  const clients: Array<{ events: DemoClientEvents; disposed: boolean }> = [];

  const createClient = (events: DemoClientEvents): DemoClient => {
    const api = createApi(async () => '');
    const record = { events, disposed: false };
    clients.push(record);
    // Counts calls in flight, to check that the demo never overlaps two.
    const track = <T>(name: string, run: () => T | Promise<T>) => async (): Promise<T> => {
      calls.push({ name, time: clock });
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        await Promise.resolve();
        return await run();
      } finally {
        inFlight--;
      }
    };
    let stepsTaken = 0;
    return {
      init: (config) => track('init', () => api.init(config, (batch: MetricsBatch) => events.onMetrics(batch)))(),
      api: {
        step: (count) =>
          track('step', () => {
            if (options.failStepAt !== undefined && stepsTaken + count >= options.failStepAt) {
              throw new Error('The model produced a shape the loss cannot take.');
            }
            const taken = api.step(count);
            stepsTaken += taken;
            return taken;
          })(),
        reset: () => track('reset', () => api.reset())(),
        status: () => track('status', () => api.status())(),
        predictGrid: (resolution) => track('predictGrid', () => api.predictGrid(resolution))(),
        points: () => track('points', () => api.points())(),
      },
      dispose: () => {
        record.disposed = true;
        api.dispose();
      },
    };
  };

  const config = defaultConfig();
  const demo = new EngineDemo(createClient, config, config.training.epochs, {
    stepsPerSecond: STEPS_PER_SECOND,
    tickMs: TICK_MS,
    gridIntervalMs: GRID_MS,
    now: () => clock,
    sleep: async (ms) => {
      clock += ms;
      await new Promise((resolve) => setImmediate(resolve));
    },
  });

  /** Lets the demo run until `done` holds (or fails after `maxTurns` turns of the event loop). */
  const until = async (done: () => boolean, maxTurns = 20_000) => {
    for (let turn = 0; turn < maxTurns; turn++) {
      if (done()) return;
      await new Promise((resolve) => setImmediate(resolve));
    }
    throw new Error(`gave up waiting; the demo shows ${JSON.stringify(demo.getView())}`);
  };
  /** Lets `ms` of virtual time pass. */
  const wait = (ms: number) => {
    const end = clock + ms;
    return until(() => clock >= end);
  };

  return { demo, calls, clients, until, wait, time: () => clock, maxInFlight: () => maxInFlight };
}

describe('EngineDemo (the landing page engine check)', () => {
  it('trains the default spiral at the set pace until validation accuracy passes 90 %, then finishes', async () => {
    const { demo, until, time } = harness();
    let first: DemoView | null = null;
    demo.subscribe(() => {
      if (first === null && demo.getView().validationLoss !== null) first = demo.getView();
    });
    demo.start();
    await until(() => first !== null);
    expect(first!.step).toBe(0); // the evaluation of the untrained network comes first
    expect(first!.validationLoss).toBeGreaterThan(0.6); // about ln 2 for an untrained 2-class network

    const start = time();
    await until(() => demo.getView().step >= 480);
    // 240 steps a second: 2 s of virtual time for 480 steps, give or take a tick
    expect(time() - start).toBeGreaterThanOrEqual(1950);
    expect(time() - start).toBeLessThanOrEqual(2100);

    await until(() => (demo.getView().validationAccuracy ?? 0) >= 0.9);
    expect(demo.getView().validationLoss!).toBeLessThan(first!.validationLoss! / 2);

    await until(() => demo.getView().phase === 'finished');
    expect(demo.getView()).toMatchObject({ epoch: 200, step: 4000, playing: false });
    demo.stop();
  });

  it('draws pictures of the whole plane at most four times a second, never overlapping calls', async () => {
    const { demo, calls, until, time, maxInFlight } = harness();
    const pictures: DemoPicture[] = [];
    demo.subscribePicture((picture) => pictures.push(picture));
    demo.start();
    await until(() => time() >= 3000);
    demo.stop();

    expect(pictures.length).toBeGreaterThanOrEqual(10);
    const last = pictures.at(-1)!;
    expect(last.grid).toHaveLength(64 * 64 * 2);
    expect(last.points.train.n + last.points.validation.n).toBe(400);
    const gridTimes = calls.filter((call) => call.name === 'predictGrid').map((call) => call.time);
    for (let i = 1; i < gridTimes.length; i++) expect(gridTimes[i] - gridTimes[i - 1]).toBeGreaterThanOrEqual(GRID_MS);
    expect(maxInFlight()).toBe(1);
  });

  it('stops stepping on pause, goes on from the same step on play', async () => {
    const { demo, until, wait } = harness();
    demo.start();
    await until(() => demo.getView().step >= 100);
    demo.pause();
    await wait(TICK_MS * 2); // the step call already in flight may still land
    const paused = demo.getView();
    expect(paused.phase).toBe('paused');
    await wait(1000);
    expect(demo.getView().step).toBe(paused.step);

    demo.play();
    await wait(500);
    expect(demo.getView().phase).toBe('training');
    expect(demo.getView().step).toBeGreaterThanOrEqual(paused.step + 100);
    demo.stop();
  });

  it('resets a paused run to step 0 with the very first validation loss, and keeps it paused', async () => {
    const { demo, until, wait } = harness();
    demo.start();
    await until(() => demo.getView().validationLoss !== null);
    const initialLoss = demo.getView().validationLoss;
    await until(() => demo.getView().epoch >= 10);
    demo.pause();
    demo.reset();
    await until(() => demo.getView().step === 0);
    await wait(1000);
    expect(demo.getView()).toMatchObject({ phase: 'ready', step: 0, epoch: 0, playing: false, validationLoss: initialLoss });
    demo.stop();
  });

  it('plays a finished run again from the start', async () => {
    const { demo, until } = harness();
    demo.start();
    await until(() => demo.getView().phase === 'finished');
    demo.play();
    await until(() => demo.getView().phase === 'training');
    await until(() => demo.getView().step > 0);
    expect(demo.getView().step).toBeLessThan(100);
    demo.stop();
  });

  it('shows what went wrong when a call fails, and starts a fresh worker on retry', async () => {
    const { demo, clients, until } = harness({ failStepAt: 200 });
    demo.start();
    await until(() => demo.getView().phase === 'error');
    expect(demo.getView()).toMatchObject({ playing: false, message: 'The model produced a shape the loss cannot take.' });
    await until(() => clients[0].disposed);

    demo.retry();
    expect(clients).toHaveLength(2);
    await until(() => demo.getView().phase === 'training' && demo.getView().step > 0);
    expect(demo.getView().message).toBeNull();
    demo.stop();
  });

  it('says the worker stopped when the client had to replace a crashed one, and ends the replacement', async () => {
    const { demo, clients, until } = harness();
    demo.start();
    await until(() => demo.getView().step > 0);
    clients[0].events.onRestart('The training worker stopped unexpectedly. A fresh one has started.');
    expect(demo.getView()).toMatchObject({ phase: 'error', message: WORKER_STOPPED_MESSAGE });
    await until(() => clients[0].disposed);
  });

  it('keeps the fresh worker of a retry made at once after a failure', async () => {
    const { demo, clients, until } = harness();
    demo.start();
    await until(() => demo.getView().step > 0);
    clients[0].events.onRestart('The training worker stopped unexpectedly.');
    demo.retry();
    await until(() => clients[0].disposed && demo.getView().phase === 'training' && demo.getView().step > 0);
    expect(clients[1].disposed).toBe(false);
    demo.stop();
    expect(clients[1].disposed).toBe(true);
  });

  it('shows the message of a run that failed inside the worker', async () => {
    const { demo, clients, until } = harness();
    demo.start();
    await until(() => demo.getView().step > 0);
    const status = { state: 'error' as const, message: 'The data file x.csv could not be loaded (HTTP 404).' };
    clients[0].events.onMetrics({ run: 1, reset: false, steps: [], evaluations: [], status: { ...status, playing: false, epoch: 0, step: 0, samplesSeen: 0, bestEpoch: null, bestValidationLoss: null, divergedAtStep: null, reason: null } });
    expect(demo.getView()).toMatchObject({ phase: 'error', message: status.message });
  });
});
