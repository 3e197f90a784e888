/**
 * Drawing cost on the page's main thread: the decision-boundary picture (a 72×72 grid of class
 * probabilities into pixels, 400 points grouped by colour) and the regression surface.
 */
import { classGroups, classPixels, valueGroups, valuePixels, type PlanePoints } from '../app/viz/paint';

export function measurePaint(): number {
  const n = 72;
  const classes = 5;
  const white: [number, number, number] = [255, 255, 255];
  const grid = new Float32Array(n * n * classes).map((_, i) => ((i * 7919) % 101) / 101);
  const values = new Float32Array(n * n).map((_, i) => Math.sin(i));
  const points: PlanePoints = {
    x: new Float32Array(800).map((_, i) => Math.sin(i * 1.7)),
    y: new Float32Array(400).map((_, i) => i % classes),
    n: 400,
  };
  const out = new Uint8ClampedArray(n * n * 4);
  const frame = () => {
    classPixels(grid, classes, white, out);
    classGroups(points, classes, 720);
    valuePixels(values, 1, out);
    valueGroups(points, 1, 720);
  };
  for (let i = 0; i < 20; i++) frame();
  const runs = 200;
  const start = performance.now();
  for (let i = 0; i < runs; i++) frame();
  return (performance.now() - start) / runs;
}
