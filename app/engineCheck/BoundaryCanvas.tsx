import { useEffect, useRef } from 'react';
import { CLASS_COLOURS_DARK, CLASS_COLOURS_LIGHT, paintPicture, parseHexColour, type Rgb } from './boundaryPaint';
import type { DemoPicture, EngineDemo } from './engineDemo';

const FALLBACK_BACKGROUND: Rgb = [255, 255, 255];

/** The decision boundary with the data on top, redrawn whenever the demo has a new picture. */
export function BoundaryCanvas({ demo }: { demo: EngineDemo }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    const scratch = document.createElement('canvas');
    const darkScheme = window.matchMedia('(prefers-color-scheme: dark)');
    let latest: DemoPicture | null = null;

    const draw = () => {
      if (!latest) return;
      // Backing store in device pixels, so the picture stays crisp on HiDPI screens.
      const pixelRatio = window.devicePixelRatio || 1;
      const size = Math.round(canvas.clientWidth * pixelRatio);
      if (size === 0) return;
      if (canvas.width !== size) canvas.width = canvas.height = size;
      // The card's colours come from the stylesheet, so light and dark themes stay in one place.
      const background = parseHexColour(getComputedStyle(canvas).getPropertyValue('--surface')) ?? FALLBACK_BACKGROUND;
      const palette = darkScheme.matches ? CLASS_COLOURS_DARK : CLASS_COLOURS_LIGHT;
      paintPicture(context, latest, { size, pixelRatio, palette, background, scratch });
    };

    const unsubscribe = demo.subscribePicture((picture) => {
      latest = picture;
      draw();
    });
    darkScheme.addEventListener('change', draw);
    return () => {
      unsubscribe();
      darkScheme.removeEventListener('change', draw);
    };
  }, [demo]);

  return (
    <canvas
      ref={canvasRef}
      className="engine-check-canvas"
      width={240}
      height={240}
      role="img"
      aria-label="Decision boundary: the colour of each region is the class the network predicts there, paler where it is unsure; dots are training points, rings validation points."
    />
  );
}
