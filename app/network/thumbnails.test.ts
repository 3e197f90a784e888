import { describe, expect, it } from 'vitest';
import { layoutNetwork } from './layout';
import { buildAtlas, planeSide } from './thumbnails';

const colors = { positive: [0, 0, 255], negative: [255, 128, 0], zero: [255, 255, 255] } as const;
const side = 4;
const layer = (units: number) => ({ units, values: Float32Array.from({ length: units * side * side }, (_, k) => Math.cos(k)) });

describe('atlas of neuron pictures', () => {
  it('checks the snapshot against the hidden layers drawn', () => {
    expect(planeSide([layer(3), layer(2)], [3, 2])).toBe(4);
    expect(planeSide([layer(3)], [3, 2])).toBe(0);
    expect(planeSide([layer(3), layer(2)], [3, 5])).toBe(0);
    expect(planeSide(null, [3])).toBe(0);
  });

  it('holds the two input ramps and every drawn hidden unit, one row per column', () => {
    const { columns } = layoutNetwork([2, 3, 2, 1], 500, { leftLabel: 20, rightLabel: 20, footer: false });
    const atlas = buildAtlas(columns, [layer(3), layer(2)], colors)!;
    expect(atlas.side).toBe(4);
    expect(atlas.width).toBe(3 * 4);
    expect(atlas.height).toBe(3 * 4);
    expect(atlas.cells.map((c) => [c.column, c.unit, c.sx, c.sy])).toEqual([
      [0, 0, 0, 0], [0, 1, 4, 0],
      [1, 0, 0, 4], [1, 1, 4, 4], [1, 2, 8, 4],
      [2, 0, 0, 8], [2, 1, 4, 8],
    ]);
    // x₁'s ramp: orange on the left, blue on the right
    expect(Array.from(atlas.pixels.slice(0, 3))).toEqual([255, 128, 0]);
    expect(Array.from(atlas.pixels.slice(3 * 4, 3 * 4 + 3))).toEqual([0, 0, 255]);
  });

  it('draws only the shown units of a wide layer, and nothing for other than 2 inputs', () => {
    const { columns } = layoutNetwork([2, 100, 1], 500, { leftLabel: 20, rightLabel: 20, footer: false });
    const atlas = buildAtlas(columns, [layer(100)], colors)!;
    expect(atlas.cells.filter((c) => c.column === 1).map((c) => c.unit)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 93, 94, 95, 96, 97, 98, 99]);
    const table = layoutNetwork([4, 3, 1], 500, { leftLabel: 20, rightLabel: 20, footer: false });
    expect(buildAtlas(table.columns, [layer(3)], colors)).toBeNull();
  });
});
