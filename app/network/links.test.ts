import { describe, expect, it } from 'vitest';
import { layoutNetwork } from './layout';
import { buildLinks, LEVELS, levelStyle, weightLevel, weightsFit } from './links';

describe('weightLevel', () => {
  it('grows with |w| against the largest, by its square root', () => {
    expect(weightLevel(0, 1)).toBe(0);
    expect(weightLevel(1, 1)).toBe(LEVELS - 1);
    expect(weightLevel(-1, 1)).toBe(LEVELS - 1);
    expect(weightLevel(0.25, 1)).toBe(4); // √0.25 = 0.5 → 3.5 → 4
    expect(weightLevel(0.01, 1)).toBe(1); // √0.01 = 0.1 → 0.7 → 1: a small weight stays visible
    expect(weightLevel(5, 1)).toBe(LEVELS - 1);
  });

  it('is the thinnest for 0, NaN, ±∞ and an all-zero network', () => {
    expect(weightLevel(Number.NaN, 1)).toBe(0);
    expect(weightLevel(Infinity, 1)).toBe(0);
    expect(weightLevel(0.5, 0)).toBe(0);
  });

  it('maps levels to 0.5–4.5 px and opacity 0.22–0.95', () => {
    expect(levelStyle(0)).toEqual({ width: 0.5, opacity: 0.22 });
    expect(levelStyle(LEVELS - 1)).toEqual({ width: 4.5, opacity: 0.95 });
    expect(levelStyle(3).width).toBeGreaterThan(levelStyle(2).width);
  });
});

describe('buildLinks', () => {
  const layout = layoutNetwork([2, 3, 1], 400, { leftLabel: 20, rightLabel: 20, footer: false });
  // [out × in] row-major: hidden unit o gets weight[o * 2 + i] from input i
  const layers = [
    { shape: [3, 2], weight: new Float32Array([1, -0.5, 0, 2, -2, 0.25]) },
    { shape: [1, 3], weight: new Float32Array([0.5, -1, 1]) },
  ];

  it('draws one line per pair of drawn neurons, from circle edge to circle edge', () => {
    const links = buildLinks(layout.columns, layout.radius, layers);
    expect(links.count).toBe(2 * 3 + 3 * 1);
    expect(links.scale).toBe(2);
    const all = [...links.positive.flat(), ...links.negative.flat()];
    expect(all).toHaveLength(9 * 4);
    const [inputs, hidden] = layout.columns;
    // w = 2 (input 1 → hidden 1) is the thickest positive line
    expect(links.positive[LEVELS - 1]).toEqual([inputs.x + layout.radius, inputs.ys[1], hidden.x - layout.radius, hidden.ys[1]]);
    // w = −2 (input 0 → hidden 2) the thickest negative one
    expect(links.negative[LEVELS - 1]).toEqual([inputs.x + layout.radius, inputs.ys[0], hidden.x - layout.radius, hidden.ys[2]]);
    expect(links.negative.flat()).toHaveLength(3 * 4);
    expect(links.idle).toEqual([]);
  });

  it('counts NaN weights (a diverged run) and draws them thinnest', () => {
    const nan = [{ shape: [3, 2], weight: new Float32Array([Number.NaN, 1, 1, 1, 1, 1]) }, layers[1]];
    const links = buildLinks(layout.columns, layout.radius, nan);
    expect(links.nonFinite).toBe(1);
    expect(links.scale).toBe(1);
    expect(links.positive[0]).toHaveLength(4);
  });

  it('draws idle lines when the weights belong to another network (a restart in flight)', () => {
    const links = buildLinks(layout.columns, layout.radius, [layers[0]]);
    expect(links.idle).toHaveLength(9 * 4);
    expect(links.scale).toBe(0);
    expect(weightsFit(layers, [2, 3, 1])).toBe(true);
    expect(weightsFit(layers, [2, 4, 1])).toBe(false);
    expect(weightsFit(null, [2, 1])).toBe(false);
  });

  it('keeps a 64-128-64-10 network to a few hundred lines, built in well under a frame', () => {
    const sizes = [64, 128, 64, 10];
    const big = sizes.slice(1).map((out, i) => ({ shape: [out, sizes[i]], weight: Float32Array.from({ length: out * sizes[i] }, (_, k) => Math.sin(k)) }));
    const started = performance.now();
    let links = buildLinks(layoutNetwork(sizes, 600, { leftLabel: 30, rightLabel: 30, footer: true }).columns, 10, big);
    for (let i = 0; i < 19; i++) links = buildLinks(layoutNetwork(sizes, 600, { leftLabel: 30, rightLabel: 30, footer: true }).columns, 10, big);
    const perBuild = (performance.now() - started) / 20;
    expect(links.count).toBe(15 * 15 + 15 * 15 + 15 * 10);
    expect(perBuild).toBeLessThan(5);
  });
});
