/** Inside a frame's SVG (recharts), under the curves: the cursor line at the hovered x. */
import { usePlotArea, useXAxisScale } from 'recharts';
import { useHoveredX, type HoverStore } from './hover';

export function HoverCursor({ store }: { store: HoverStore }) {
  const x = useHoveredX(store);
  const xScale = useXAxisScale();
  const plot = usePlotArea();
  if (x === null || !xScale || !plot) return null;
  const px = xScale(x);
  if (px === undefined || !Number.isFinite(px)) return null;
  return (
    <g className="curve-hover-marks" pointerEvents="none">
      <line x1={px} x2={px} y1={plot.y} y2={plot.y + plot.height} className="curve-cursor" />
    </g>
  );
}

