import { describe, expect, it } from 'vitest';
import { dashFor, drawLinks } from './draw';
import { layoutNetwork } from './layout';
import { buildLinks } from './links';

function recorder() {
  const strokes: Array<{ color: unknown; width: number; alpha: number; dash: number[]; lines: number }> = [];
  let dash: number[] = [];
  let lines = 0;
  const ctx = {
    strokeStyle: '' as string | CanvasGradient | CanvasPattern,
    lineWidth: 1,
    globalAlpha: 1,
    lineCap: 'butt' as CanvasLineCap,
    setLineDash: (d: number[]) => (dash = d),
    beginPath: () => (lines = 0),
    moveTo: () => lines++,
    lineTo: () => undefined,
    stroke: () => strokes.push({ color: ctx.strokeStyle, width: ctx.lineWidth, alpha: ctx.globalAlpha, dash, lines }),
  };
  return { ctx, strokes };
}

const colors = { positive: 'blue', negative: 'orange', idle: 'grey' };

describe('drawLinks', () => {
  it('strokes each style once, thin lines first, negative ones dashed', () => {
    const sizes = [64, 128, 64, 10];
    const layers = sizes.slice(1).map((out, i) => ({ shape: [out, sizes[i]], weight: Float32Array.from({ length: out * sizes[i] }, (_, k) => Math.sin(k * 0.37)) }));
    const layout = layoutNetwork(sizes, 600, { leftLabel: 30, rightLabel: 30, footer: true });
    const links = buildLinks(layout.columns, layout.radius, layers);
    const { ctx, strokes } = recorder();
    const count = drawLinks(ctx, links, colors);
    expect(count).toBe(strokes.length);
    expect(count).toBeLessThanOrEqual(16);
    expect(strokes.reduce((n, s) => n + s.lines, 0)).toBe(links.count);
    for (let i = 1; i < strokes.length; i++) expect(strokes[i].width).toBeGreaterThanOrEqual(strokes[i - 1].width);
    for (const s of strokes) expect(s.dash.length > 0).toBe(s.color === 'orange');
  });

  it('draws grey lines while the weights are not there yet', () => {
    const layout = layoutNetwork([2, 3, 1], 400, { leftLabel: 20, rightLabel: 20, footer: false });
    const { ctx, strokes } = recorder();
    drawLinks(ctx, buildLinks(layout.columns, layout.radius, null), colors);
    expect(strokes).toEqual([{ color: 'grey', width: 1, alpha: 0.5, dash: [], lines: 9 }]);
  });

  it('makes longer dashes for thicker lines', () => {
    expect(dashFor(0.5)).toEqual([3.8, 2.4]);
    expect(dashFor(4)[0]).toBeGreaterThan(dashFor(1)[0]);
  });
});
