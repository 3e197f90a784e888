import { describe, expect, it } from 'vitest';
import { Refresher } from './refresher';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Refresher', () => {
  it('coalesces a burst of requests and never runs two calls at once', async () => {
    let calls = 0;
    let running = 0;
    let overlap = false;
    const refresher = new Refresher(async () => {
      calls++;
      running++;
      overlap ||= running > 1;
      await sleep(10);
      running--;
    }, 40);
    for (let i = 0; i < 20; i++) refresher.request();
    await sleep(5);
    for (let i = 0; i < 20; i++) refresher.request(); // while the first call runs
    await refresher.idle();
    expect(calls).toBe(2);
    expect(overlap).toBe(false);
  });

  it('waits out its interval between calls and stops when told', async () => {
    const times: number[] = [];
    const refresher = new Refresher(async () => void times.push(performance.now()), 50);
    refresher.request();
    await sleep(1);
    refresher.request();
    await refresher.idle();
    expect(times).toHaveLength(2);
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(45);
    refresher.stop();
    refresher.request();
    await refresher.idle();
    expect(times).toHaveLength(2);
  });

  it('keeps going after a failed call', async () => {
    let calls = 0;
    const refresher = new Refresher(async () => {
      calls++;
      if (calls === 1) throw new Error('worker restarting');
    }, 5);
    refresher.request();
    await refresher.idle();
    refresher.request();
    await refresher.idle();
    expect(calls).toBe(2);
  });
});
