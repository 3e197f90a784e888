/**
 * The input plane [−1, 1]² on a canvas: the prediction grid (decision boundary or fitted surface)
 * painted into a small ImageData, scaled up with smoothing, and the data points on top. The
 * backing store is in device pixels, so it stays crisp on HiDPI screens; a redraw costs well
 * under a millisecond of script, so it can follow the picture 4× a second while training.
 */
import { memo, useCallback, useEffect, useRef } from 'react';
import { cssRgb, parseHexColour, type Rgb } from './colour';
import { classGroups, classPixels, valueGroups, valuePixels, type MarkGroup, type PlanePoints } from './paint';

export interface PlaneScene {
  kind: 'classes' | 'values';
  /** resolution² rows (row 0 at x₂ = +1): class probabilities or values; null before the first picture */
  grid: Float32Array | null;
  resolution: number;
  classes: number;
  /** the colour scale's half-range for values */
  limit: number;
  train: PlanePoints | null;
  validation: PlanePoints | null;
}

const FALLBACK_BACKGROUND: Rgb = [255, 255, 255];
const FALLBACK_OUTLINE: Rgb = [28, 29, 43];
/** Marker radius in CSS pixels. */
const RADIUS = 3.25;

function groups(scene: PlaneScene, points: PlanePoints, size: number): MarkGroup[] {
  return scene.kind === 'classes' ? classGroups(points, scene.classes, size) : valueGroups(points, scene.limit, size);
}

function circles(context: CanvasRenderingContext2D, centres: Float32Array, radius: number): void {
  context.beginPath();
  for (let k = 0; k < centres.length; k += 2) {
    context.moveTo(centres[k] + radius, centres[k + 1]);
    context.arc(centres[k], centres[k + 1], radius, 0, 2 * Math.PI);
  }
}

interface Scratch {
  canvas: HTMLCanvasElement;
  image: ImageData | null;
}

function paint(context: CanvasRenderingContext2D, scene: PlaneScene, size: number, ratio: number, scratch: Scratch, background: Rgb, outline: Rgb): void {
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.fillStyle = cssRgb(background);
  context.fillRect(0, 0, size, size);
  const n = scene.resolution;
  if (scene.grid && n >= 2) {
    if (!scratch.image || scratch.image.width !== n) scratch.image = new ImageData(n, n);
    if (scene.kind === 'classes') classPixels(scene.grid, scene.classes, background, scratch.image.data);
    else valuePixels(scene.grid, scene.limit, scratch.image.data);
    if (scratch.canvas.width !== n) scratch.canvas.width = scratch.canvas.height = n;
    scratch.canvas.getContext('2d')!.putImageData(scratch.image, 0, 0);
    // Grid samples sit on the edges of [−1, 1]: stretch the image half a cell past each edge so
    // every pixel's centre lands on its sample's place.
    const cell = size / (n - 1);
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = 'high';
    context.drawImage(scratch.canvas, -cell / 2, -cell / 2, size + cell, size + cell);
  }
  const radius = RADIUS * ratio;
  if (scene.train) {
    // filled dots with a thin edge, so neighbours and same-coloured regions stay apart
    context.lineWidth = ratio;
    context.strokeStyle = scene.kind === 'classes' ? cssRgb(background) : `rgb(${outline.join(' ')} / 0.7)`;
    for (const group of groups(scene, scene.train, size)) {
      circles(context, group.centres, radius);
      context.fillStyle = cssRgb(group.colour);
      context.fill();
      context.stroke();
    }
  }
  if (scene.validation) {
    // rings: told from the training dots by shape, not colour
    for (const group of groups(scene, scene.validation, size)) {
      circles(context, group.centres, radius);
      context.fillStyle = cssRgb(background);
      context.fill();
      context.lineWidth = 3.5 * ratio;
      context.strokeStyle = `rgb(${outline.join(' ')} / 0.55)`;
      context.stroke();
      context.lineWidth = 2 * ratio;
      context.strokeStyle = cssRgb(group.colour);
      context.stroke();
    }
  }
}

/** The plane with its picture and points; `label` describes it to screen readers. */
export const PlaneCanvas = memo(function PlaneCanvas({ scene, label }: { scene: PlaneScene; label: string }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const sceneRef = useRef(scene);
  sceneRef.current = scene;
  const scratchRef = useRef<Scratch | null>(null);
  // The canvas' CSS width (from its ResizeObserver) and the theme's colours, kept between redraws:
  // reading them at each redraw forced a layout (or style) of the page in the middle of a task.
  const widthRef = useRef(0);
  const coloursRef = useRef<{ background: Rgb; outline: Rgb } | null>(null);

  const draw = useCallback(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    const ratio = window.devicePixelRatio || 1;
    const size = Math.round(widthRef.current * ratio);
    // not measured yet: the observer draws once the canvas has been laid out
    if (size === 0) return;
    if (canvas.width !== size) canvas.width = canvas.height = size;
    scratchRef.current ??= { canvas: document.createElement('canvas'), image: null };
    // light and dark themes live in the stylesheet; the canvas follows them
    if (coloursRef.current === null) {
      const style = getComputedStyle(canvas);
      coloursRef.current = {
        background: parseHexColour(style.getPropertyValue('--surface')) ?? FALLBACK_BACKGROUND,
        outline: parseHexColour(style.getPropertyValue('--text')) ?? FALLBACK_OUTLINE,
      };
    }
    const { background, outline } = coloursRef.current;
    paint(context, sceneRef.current, size, ratio, scratchRef.current, background, outline);
  }, []);

  useEffect(draw, [scene, draw]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const observer = new ResizeObserver(([entry]) => {
      widthRef.current = Math.round(entry.contentRect.width); // as clientWidth rounds it
      draw();
    });
    observer.observe(canvas);
    const scheme = window.matchMedia('(prefers-color-scheme: dark)');
    const recolour = () => {
      coloursRef.current = null;
      draw();
    };
    scheme.addEventListener('change', recolour);
    return () => {
      observer.disconnect();
      scheme.removeEventListener('change', recolour);
    };
  }, [draw]);

  return <canvas ref={canvasRef} className="plane-canvas" width={360} height={360} role="img" aria-label={label} data-testid="output-plane" />;
});
