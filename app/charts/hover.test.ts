import { describe, expect, it } from 'vitest';
import { createHoverStore, fractionOfX, keyboardX, readOutLeft, xAtFraction } from './hover';

describe('the hovered x', () => {
  it('maps the pointer to a whole step or a hundredth of an epoch inside the axis', () => {
    expect(xAtFraction(0.5, [0, 3833], 'step')).toBe(1917);
    expect(xAtFraction(1.4, [0, 3833], 'step')).toBe(3833);
    expect(xAtFraction(-0.2, [0, 3833], 'step')).toBe(0);
    expect(xAtFraction(1 / 3, [0, 10], 'epoch')).toBe(3.33);
    expect(fractionOfX(1917, [0, 3834])).toBeCloseTo(0.5, 9);
  });

  it('moves from drawn point to drawn point with the arrow keys', () => {
    const xs = [0, 10, 20, 30];
    expect(keyboardX('ArrowRight', 10, xs, [0, 30])).toBe(20);
    expect(keyboardX('ArrowLeft', 10, xs, [0, 30])).toBe(0);
    expect(keyboardX('ArrowLeft', 0, xs, [0, 30])).toBe(0);
    expect(keyboardX('ArrowRight', 30, xs, [0, 30])).toBe(30);
    expect(keyboardX('ArrowLeft', null, xs, [0, 30])).toBe(20);
    expect(keyboardX('Home', 20, xs, [0, 30])).toBe(0);
    expect(keyboardX('PageUp', 5, xs, [0, 30])).toBe(8);
    expect(keyboardX('a', 5, xs, [0, 30])).toBeNull();
    expect(keyboardX('End', 5, [], [0, 30])).toBeNull();
  });

  it('tells its listeners when the x changes, and only then', () => {
    const store = createHoverStore();
    let calls = 0;
    const stop = store.subscribe(() => calls++);
    store.set(5);
    store.set(5);
    store.set(null);
    stop();
    store.set(7);
    expect(calls).toBe(2);
    expect(store.get()).toBe(7);
  });
});

describe('readOutLeft', () => {
  it('puts the read-out right of the cursor while it fits, else left, inside the card', () => {
    expect(readOutLeft(20, 150, 300)).toBe(32);
    expect(readOutLeft(250, 150, 300)).toBe(88);
    // too wide for either side: as far left as the card allows
    expect(readOutLeft(100, 300, 222)).toBe(-58);
    expect(readOutLeft(0, 100, 222)).toBe(12);
  });
});
