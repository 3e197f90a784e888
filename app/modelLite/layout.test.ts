import { describe, expect, it } from 'vitest';
import { drawnUnits, layoutColumns, linkStyle } from './layout';

describe('network diagram layout', () => {
  it('draws small layers whole and wide ones as head … tail', () => {
    expect(drawnUnits(3)).toEqual([0, 1, 2]);
    expect(drawnUnits(128, 10)).toEqual([0, 1, 2, 3, 4, -1, 124, 125, 126, 127]);
  });

  it('spreads columns over the width and centres each column vertically', () => {
    const cols = layoutColumns([2, 16, 2], 300, 200);
    expect(cols.map((c) => c.x)).toEqual([24, 150, 276]);
    const ys = cols[0].ys;
    expect((ys[0] + ys[ys.length - 1]) / 2).toBeCloseTo(100, 10);
    expect(cols[1].units).toHaveLength(10);
  });

  it('maps weights to width and colour by size and sign', () => {
    expect(linkStyle(-2, 2)).toEqual({ width: 4, positive: false, opacity: 0.9 });
    expect(linkStyle(0, 2).width).toBeCloseTo(0.4, 10);
    expect(linkStyle(1, 0).width).toBeCloseTo(0.4, 10);
  });
});
