import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { firstInPage, turnTaken, waitForTurn, whenSettled } from './inTurn';

/** A box on the page, where getBoundingClientRect says it is (read when a turn comes, not before). */
function box(position: { top: number; left: number }) {
  return { getBoundingClientRect: () => ({ ...position }) as DOMRect, position };
}

describe('firstInPage', () => {
  it('picks the box highest on the page, then the leftmost of those as high', () => {
    expect(firstInPage([{ top: 300, left: 0 }, { top: 100, left: 500 }, { top: 100, left: 20 }, { top: 900, left: 0 }])).toBe(2);
    expect(firstInPage([])).toBe(-1);
  });
});

describe('waitForTurn: one mount a turn, from the top of the page down, each after the frame that follows the one before', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    // frames every 16 ms; no requestIdleCallback (as in Safari): whenSettled waits a timer
    vi.stubGlobal('requestAnimationFrame', (job: () => void) => setTimeout(job, 16));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('mounts in page order whatever the order the boxes asked in, and waits for each to be taken', () => {
    const order: string[] = [];
    const low = box({ top: 800, left: 0 });
    const right = box({ top: 100, left: 600 });
    const left = box({ top: 100, left: 0 });
    waitForTurn(low, () => order.push('low'));
    waitForTurn(right, () => order.push('right'));
    waitForTurn(left, () => order.push('left'));
    expect(order).toEqual([]); // nothing in the task that asked
    vi.advanceTimersByTime(100);
    expect(order).toEqual(['left']); // one, and no more until it has been committed
    vi.advanceTimersByTime(1000);
    expect(order).toEqual(['left']);
    turnTaken();
    vi.advanceTimersByTime(100);
    expect(order).toEqual(['left', 'right']);
    // the layout moved the last box to the top meanwhile: its place is read when its turn comes
    low.position.top = 0;
    turnTaken();
    vi.advanceTimersByTime(100);
    expect(order).toEqual(['left', 'right', 'low']);
    turnTaken();
  });

  it('reads positions when the turn comes: a box that moved up goes first', () => {
    const order: string[] = [];
    const a = box({ top: 100, left: 0 });
    const b = box({ top: 500, left: 0 });
    waitForTurn(a, () => order.push('a'));
    waitForTurn(b, () => order.push('b'));
    b.position.top = 50; // e.g. the curves panel moved above the model diagram
    vi.advanceTimersByTime(100);
    expect(order).toEqual(['b']);
    turnTaken();
    vi.advanceTimersByTime(100);
    expect(order).toEqual(['b', 'a']);
    turnTaken();
  });

  it('skips a box taken out of the queue (unmounted), and runs the settled jobs once none waits', () => {
    const order: string[] = [];
    const cancel = waitForTurn(box({ top: 0, left: 0 }), () => order.push('gone'));
    waitForTurn(box({ top: 10, left: 0 }), () => order.push('kept'));
    whenSettled(() => order.push('settled'));
    cancel();
    vi.advanceTimersByTime(100);
    expect(order).toEqual(['kept']);
    vi.advanceTimersByTime(5000);
    expect(order).toEqual(['kept']); // the page is not up until the last turn has been taken
    turnTaken();
    vi.advanceTimersByTime(5000);
    expect(order).toEqual(['kept', 'settled']);
  });
});
