/** One data set thumbnail on a canvas, painted from cached pixels (see thumbnails.ts). */
import { useEffect, useRef } from 'react';
import { thumbnailPixels, type ThumbnailSet } from './thumbnails';

/** The canvas is painted for this CSS size (times the screen's pixel ratio) and scaled to fit its tile. */
export const THUMBNAIL_CSS_SIZE = 64;

function pixelRatio(): number {
  const ratio = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  return Math.min(3, Math.max(1, ratio));
}

export function Thumbnail({ name }: { name: ThumbnailSet }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const side = Math.round(THUMBNAIL_CSS_SIZE * pixelRatio());
  useEffect(() => {
    const context = ref.current?.getContext('2d');
    if (!context) return;
    context.putImageData(new ImageData(thumbnailPixels(name, side), side, side), 0, 0);
  }, [name, side]);
  return <canvas ref={ref} className="dataset-thumb-canvas" width={side} height={side} aria-hidden="true" />;
}
