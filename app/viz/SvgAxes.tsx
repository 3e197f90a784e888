/** Axes for the small SVG charts: a frame, ticks with labels, and the axis titles. */
import { Fragment } from 'react';

export interface PlotBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export function plotArea(box: PlotBox): { x0: number; x1: number; y0: number; y1: number } {
  return { x0: box.left, x1: box.width - box.right, y0: box.height - box.bottom, y1: box.top };
}

interface AxesProps {
  box: PlotBox;
  xTicks: { value: number; at: number; label: string }[];
  yTicks: { value: number; at: number; label: string }[];
  xTitle: string;
  yTitle: string;
}

export function SvgAxes({ box, xTicks, yTicks, xTitle, yTitle }: AxesProps) {
  const { x0, x1, y0, y1 } = plotArea(box);
  return (
    <g className="svg-axes" aria-hidden="true">
      {yTicks.map((t) => (
        <Fragment key={`y${t.value}`}>
          <line className="svg-grid" x1={x0} x2={x1} y1={t.at} y2={t.at} />
          <text className="svg-tick" x={x0 - 6} y={t.at} textAnchor="end" dominantBaseline="middle">
            {t.label}
          </text>
        </Fragment>
      ))}
      {xTicks.map((t) => (
        <Fragment key={`x${t.value}`}>
          <line className="svg-grid" x1={t.at} x2={t.at} y1={y0} y2={y1} />
          <text className="svg-tick" x={t.at} y={y0 + 14} textAnchor="middle">
            {t.label}
          </text>
        </Fragment>
      ))}
      <rect className="svg-frame" x={x0} y={y1} width={x1 - x0} height={y0 - y1} />
      <text className="svg-title" x={(x0 + x1) / 2} y={box.height - 4} textAnchor="middle">
        {xTitle}
      </text>
      <text className="svg-title" transform={`translate(12 ${(y0 + y1) / 2}) rotate(-90)`} textAnchor="middle">
        {yTitle}
      </text>
    </g>
  );
}
