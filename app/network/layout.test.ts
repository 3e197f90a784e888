import { describe, expect, it } from 'vitest';
import { drawnUnits, GAP, layoutNetwork, MAX_DRAWN, moveFocus, placeTip, textWidth, TOUCH_TARGET } from './layout';

const options = { leftLabel: 22, rightLabel: 60, footer: true };

describe('drawnUnits', () => {
  it('draws every unit of a narrow layer', () => {
    expect(drawnUnits(4)).toEqual([0, 1, 2, 3]);
    expect(drawnUnits(16)).toHaveLength(16);
    expect(drawnUnits(0)).toEqual([]);
  });

  it('draws the first and last units of a wide layer around one gap, 16 slots in all', () => {
    const units = drawnUnits(128);
    expect(units).toHaveLength(MAX_DRAWN);
    expect(units).toEqual([0, 1, 2, 3, 4, 5, 6, 7, GAP, 121, 122, 123, 124, 125, 126, 127]);
    expect(drawnUnits(17).filter((u) => u !== GAP)).toHaveLength(15);
  });
});

describe('layoutNetwork', () => {
  it('spaces the columns evenly, inputs left and outputs right, within the width', () => {
    const layout = layoutNetwork([2, 16, 16, 2], 600, options);
    const xs = layout.columns.map((c) => c.x);
    expect(layout.columns.map((c) => c.kind)).toEqual(['input', 'hidden', 'hidden', 'output']);
    expect(xs[1] - xs[0]).toBeCloseTo(xs[3] - xs[2], 6);
    expect(xs[0]).toBeGreaterThan(options.leftLabel);
    expect(xs[3] + layout.radius).toBeLessThan(600 - options.rightLabel);
    expect(layout.cellWidth).toBeCloseTo((600 - 82) / 4, 6);
    expect(layout.controls).toBe('row');
    expect(layout.width).toBe(600);
  });

  it('centres short columns on the tallest and keeps every neuron between the controls and the statistics', () => {
    const layout = layoutNetwork([2, 16, 16, 2], 600, options);
    const [inputs, hidden] = layout.columns;
    const middle = (ys: number[]) => (ys[0] + ys[ys.length - 1]) / 2;
    expect(middle(inputs.ys)).toBeCloseTo(middle(hidden.ys), 6);
    for (const column of layout.columns) {
      for (const y of column.ys) {
        expect(y - layout.radius).toBeGreaterThanOrEqual(layout.headerHeight);
        expect(y + layout.radius).toBeLessThanOrEqual(layout.footerTop);
      }
    }
    expect(layout.height).toBe(layout.footerTop + 50);
    // 16 neurons: circles of radius 10, pictures inside
    expect(layout.radius).toBe(10);
    expect(layout.thumbnails).toBe(true);
  });

  it('uses larger circles for small layers and no statistics row without hidden layers', () => {
    const small = layoutNetwork([2, 4, 2], 600, options);
    expect(small.radius).toBe(15);
    const linear = layoutNetwork([2, 2], 600, options);
    expect(linear.height).toBe(linear.footerTop);
  });

  it('stacks the width buttons in narrow columns (a phone, 6 hidden layers) and still fits', () => {
    const layout = layoutNetwork([2, 8, 8, 8, 8, 8, 8, 2], 325, { leftLabel: 22, rightLabel: 40, footer: true });
    expect(layout.controls).toBe('stack');
    expect(layout.width).toBe(325);
    expect(layout.radius).toBeGreaterThanOrEqual(6);
    const last = layout.columns[layout.columns.length - 1];
    expect(last.x + layout.radius).toBeLessThanOrEqual(325 - 40);
    for (let c = 1; c < layout.columns.length; c++) {
      expect(layout.columns[c].x - layout.columns[c - 1].x).toBeGreaterThan(2 * layout.radius);
    }
  });

  it('keeps neurons a touch target (TOUCH_TARGET, 24 px) apart even when the circles shrink: six layers of 16 on a phone', () => {
    const layout = layoutNetwork([2, 16, 16, 16, 16, 16, 16, 2], 325, { leftLabel: 22, rightLabel: 40, footer: true });
    expect(TOUCH_TARGET).toBe(24);
    expect(layout.radius).toBeLessThan(10);
    for (const column of layout.columns) {
      for (let k = 1; k < column.ys.length; k++) expect(column.ys[k] - column.ys[k - 1]).toBeGreaterThanOrEqual(TOUCH_TARGET);
    }
    for (let c = 1; c < layout.columns.length; c++) expect(layout.columns[c].x - layout.columns[c - 1].x).toBeGreaterThanOrEqual(TOUCH_TARGET);
  });

  it('draws at most 16 neurons per column of a 64-128-64-10 network', () => {
    const layout = layoutNetwork([64, 128, 64, 10], 600, options);
    expect(layout.columns.map((c) => c.units.length)).toEqual([16, 16, 16, 10]);
    expect(layout.columns.map((c) => c.total)).toEqual([64, 128, 64, 10]);
  });
});

describe('placeTip', () => {
  const tip = { width: 196, height: 226 };
  it('goes right of the neuron when it fits, else left, else below', () => {
    expect(placeTip(100, 200, 10, tip, { width: 600, height: 500 })).toEqual({ left: 120, top: 87 });
    expect(placeTip(500, 200, 10, tip, { width: 600, height: 500 })).toEqual({ left: 284, top: 87 });
    expect(placeTip(150, 200, 10, tip, { width: 300, height: 500 })).toEqual({ left: 52, top: 220 });
  });

  it('stays inside the box vertically', () => {
    expect(placeTip(100, 20, 10, tip, { width: 600, height: 500 }).top).toBe(0);
    expect(placeTip(100, 490, 10, tip, { width: 600, height: 500 }).top).toBe(500 - 226);
  });
});

describe('moveFocus', () => {
  const layers = [[0, 1, 2, 3], [0, 1, 2, GAP, 9, 10], [0]];
  it('moves up and down within a layer, skipping the gap', () => {
    expect(moveFocus(layers, { layer: 0, unit: 1 }, 'ArrowDown')).toEqual({ layer: 0, unit: 2 });
    expect(moveFocus(layers, { layer: 1, unit: 2 }, 'ArrowDown')).toEqual({ layer: 1, unit: 9 });
    expect(moveFocus(layers, { layer: 1, unit: 9 }, 'ArrowUp')).toEqual({ layer: 1, unit: 2 });
    expect(moveFocus(layers, { layer: 0, unit: 0 }, 'ArrowUp')).toBeNull();
    expect(moveFocus(layers, { layer: 0, unit: 3 }, 'ArrowDown')).toBeNull();
    expect(moveFocus(layers, { layer: 1, unit: 1 }, 'End')).toEqual({ layer: 1, unit: 10 });
    expect(moveFocus(layers, { layer: 1, unit: 1 }, 'Home')).toEqual({ layer: 1, unit: 0 });
  });

  it('moves across layers to the neuron at the same relative height', () => {
    expect(moveFocus(layers, { layer: 0, unit: 3 }, 'ArrowRight')).toEqual({ layer: 1, unit: 10 });
    expect(moveFocus(layers, { layer: 0, unit: 0 }, 'ArrowRight')).toEqual({ layer: 1, unit: 0 });
    expect(moveFocus(layers, { layer: 1, unit: 10 }, 'ArrowLeft')).toEqual({ layer: 0, unit: 3 });
    expect(moveFocus(layers, { layer: 1, unit: 1 }, 'ArrowRight')).toEqual({ layer: 2, unit: 0 });
    expect(moveFocus(layers, { layer: 0, unit: 1 }, 'ArrowLeft')).toBeNull();
    expect(moveFocus(layers, { layer: 2, unit: 0 }, 'ArrowRight')).toBeNull();
    expect(moveFocus(layers, { layer: 0, unit: 1 }, 'a')).toBeNull();
  });
});

describe('textWidth', () => {
  it('counts Chinese characters as a full em', () => {
    expect(textWidth('x₁')).toBe(15);
    expect(textWidth('类别 0')).toBe(39); // 2 × 12 + 2 × 7.2
  });
});
