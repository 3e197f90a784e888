/** One data set thumbnail on a canvas, painted from cached pixels (see thumbnails.ts). */
import { useEffect, useRef } from 'react';
import { thumbnailPixels, type ThumbnailSet } from './thumbnails';

/** The canvas is painted for this CSS size (times the screen's pixel ratio) and scaled to fit its tile. */
export const THUMBNAIL_CSS_SIZE = 64;

function pixelRatio(): number {
  const ratio = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  return Math.min(3, Math.max(1, ratio));
}

/** Thumbnails waiting to be painted: one a task, since the ten at once made a long task at load. */
const unpainted = new Set<() => void>();

function paintNext(): void {
  const [paint] = unpainted;
  if (paint === undefined) return;
  unpainted.delete(paint);
  paint();
  if (unpainted.size > 0) setTimeout(paintNext, 0);
}

/** Paints in a task of its own, after those asked for before; the returned function cancels it. */
function paintSoon(paint: () => void): () => void {
  unpainted.add(paint);
  if (unpainted.size === 1) setTimeout(paintNext, 0);
  return () => void unpainted.delete(paint);
}

export function Thumbnail({ name }: { name: ThumbnailSet }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const side = Math.round(THUMBNAIL_CSS_SIZE * pixelRatio());
  useEffect(
    () =>
      paintSoon(() => {
        const context = ref.current?.getContext('2d');
        if (context) context.putImageData(new ImageData(thumbnailPixels(name, side), side, side), 0, 0);
      }),
    [name, side],
  );
  return <canvas ref={ref} className="dataset-thumb-canvas" width={side} height={side} aria-hidden="true" />;
}
