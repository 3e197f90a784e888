/**
 * The tooltip of a hidden neuron: what it computes — on 2-D data sets a larger picture of its output
 * over the input plane, on 1-D sets its output as a curve over x — redrawn with every snapshot, so
 * it changes as the network learns; its range; and its bias.
 */
import { useEffect, useRef } from 'react';
import { useMessages } from '../i18n';
import { curvePath } from './curve';
import { gridSide, largestMagnitude, LAYER_FLOOR, paintUnit, unitRange, type HeatColors } from './heatmap';
import { compactNumber } from './stats';
import type { PlaneActivations } from './thumbnails';

/** Size of the tip, px (network.css matches it; the tip is placed with it). */
export const TIP_WIDTH = 216;
export const TIP_HEIGHT_PLANE = 226;
export const TIP_HEIGHT_CURVE = 170;
export const TIP_HEIGHT_PLAIN = 96;

const CURVE_WIDTH = 150;
const CURVE_HEIGHT = 64;

/** What the tip can show of the neuron: a picture over the plane, a curve over x, or neither. */
export type TipKind = 'plane' | 'curve' | 'none';

export interface NeuronTipProps {
  id: string;
  title: string;
  kind: TipKind;
  /** the neuron's layer over the inputs, when the snapshot fits the network drawn */
  activations: PlaneActivations | null;
  unit: number;
  bias: number | null;
  colors: HeatColors;
  left: number;
  top: number;
}

export function tipHeight(kind: TipKind): number {
  return kind === 'plane' ? TIP_HEIGHT_PLANE : kind === 'curve' ? TIP_HEIGHT_CURVE : TIP_HEIGHT_PLAIN;
}

export function NeuronTip({ id, title, kind, activations, unit, bias, colors, left, top }: NeuronTipProps) {
  const m = useMessages().model;
  return (
    <div id={id} role="tooltip" className="nn-tip" style={{ left, top, width: TIP_WIDTH }}>
      <strong className="nn-tip-title">{title}</strong>
      {kind === 'plane' && <PlanePicture activations={activations} unit={unit} colors={colors} />}
      {kind === 'curve' && <Curve activations={activations} unit={unit} />}
      {bias !== null && <span>{m.tipBias(compactNumber(bias))}</span>}
      {kind === 'none' && <span className="nn-tip-note">{m.tipNoPlane}</span>}
    </div>
  );
}

function PlanePicture({ activations, unit, colors }: { activations: PlaneActivations | null; unit: number; colors: HeatColors }) {
  const m = useMessages().model;
  const canvas = useRef<HTMLCanvasElement>(null);
  const side = activations ? gridSide(activations.values.length, activations.units) : 0;
  const range = activations && side > 0 ? unitRange(activations.values, unit, side * side) : null;
  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context || !activations || side === 0) return;
    if (element.width !== side) element.width = element.height = side;
    const image = context.createImageData(side, side);
    paintUnit(image.data, side, 0, 0, activations.values, unit, side, LAYER_FLOOR * largestMagnitude(activations.values), colors);
    context.putImageData(image, 0, 0);
  }, [activations, unit, side, colors]);
  if (!range) return <span>{m.tipWaiting}</span>;
  return (
    <>
      <figure className="nn-tip-figure">
        <canvas ref={canvas} className="nn-tip-picture" width={side} height={side} aria-hidden="true" />
        <figcaption>{m.tipAxes}</figcaption>
      </figure>
      <span>{range.flat ? m.tipFlat : m.tipRange(compactNumber(range.min), compactNumber(range.max))}</span>
    </>
  );
}

function Curve({ activations, unit }: { activations: PlaneActivations | null; unit: number }) {
  const m = useMessages().model;
  const points = activations && activations.units > 0 ? activations.values.length / activations.units : 0;
  if (!activations || points < 2) return <span>{m.tipWaiting}</span>;
  const curve = curvePath(activations.values, unit, points, CURVE_WIDTH, CURVE_HEIGHT);
  const flat = Math.max(Math.abs(curve.min), Math.abs(curve.max)) < 1e-12;
  return (
    <>
      <figure className="nn-tip-figure">
        <svg className="nn-tip-curve" width={CURVE_WIDTH} height={CURVE_HEIGHT} aria-hidden="true">
          {curve.zero !== null && <line x1="0" x2={CURVE_WIDTH} y1={curve.zero} y2={curve.zero} className="nn-tip-zero" />}
          <path d={curve.d} className="nn-tip-line" />
        </svg>
        <figcaption>{m.tipCurveAxes}</figcaption>
      </figure>
      <span>{flat ? m.tipCurveFlat : m.tipCurveRange(compactNumber(curve.min), compactNumber(curve.max))}</span>
    </>
  );
}
