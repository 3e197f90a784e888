import { describe, expect, it } from 'vitest';
import { envelopePath, positionX } from './sparkline';

describe('sparkline', () => {
  it('draws a constant at the top of the box and zero at the bottom', () => {
    expect(envelopePath([0.1, 0.1, 0.1], [0.1, 0.1, 0.1], 0.1, 200, 50)).toBe('M0 0L100 0L200 0');
    expect(envelopePath([0.1, 0], [0.1, 0], 0.1, 200, 50)).toBe('M0 0L200 50');
  });

  it('goes down a column where it spans a range', () => {
    expect(envelopePath([0.05, 0.02], [0.1, 0.02], 0.1, 100, 40)).toBe('M0 0L0 20L100 32');
  });

  it('draws one column as a flat line and nothing for none', () => {
    expect(envelopePath([0.5], [0.5], 1, 100, 40)).toBe('M0 20H100');
    expect(envelopePath([], [], 1, 100, 40)).toBe('');
  });

  it('places the run on the x axis, and nowhere past the shown steps', () => {
    expect(positionX(50, 101, 200)).toBe(100);
    expect(positionX(101, 101, 200)).toBeNull();
  });
});
