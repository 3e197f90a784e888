/**
 * The network, inputs on the left and outputs on the right. The links are the live weights (width
 * = |w|, colour and dash = sign) and, on 2-D data sets, each neuron shows what it computes over the
 * input plane; both are drawn on one canvas from the latest snapshot (about four a second). The
 * circles, names, width controls and statistics are HTML on top (DiagramNodes), rendered again
 * only when the layout changes, not with every snapshot.
 */
import { memo, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ActivationStats } from '../../engine/train/metrics';
import { useMessages } from '../i18n';
import { useStore } from '../store';
import { linePoints } from './curve';
import { DiagramNodes } from './DiagramNodes';
import { drawLinks, drawPictures } from './draw';
import { useDiagramColors, useElementWidth } from './hooks';
import { layoutNetwork, MAX_DRAWN, placeTip, textWidth, type NeuronRef } from './layout';
import { Legend } from './Legend';
import { buildLinks, weightsFit } from './links';
import type { LayerLimits } from './limits';
import { NeuronTip, tipHeight, TIP_WIDTH, type TipKind } from './NeuronTip';
import { buildAtlas, planeSide, type Atlas } from './thumbnails';

export interface NetworkDiagramProps {
  /** [inputs, ...hidden widths, outputs] */
  sizes: readonly number[];
  inputNames: readonly string[];
  outputNames: readonly string[];
  outputColors: ReadonlyArray<string | null>;
  classification: boolean;
  /** a 2-D data set: draw what each neuron computes over the plane */
  plane: boolean;
  /** per hidden layer; null: no statistics row */
  stats: ReadonlyArray<ActivationStats | null> | null;
  limits: LayerLimits;
  onWidth: (layer: number, width: number) => void;
  onInvalidWidth: (layer: number | null) => void;
}

/** The widest of the names that are drawn (a wide layer shows only its ends). */
function labelsWidth(names: readonly string[]): number {
  const drawn = names.length > MAX_DRAWN ? [...names.slice(0, 8), ...names.slice(-7)] : names;
  return Math.max(0, ...drawn.map((n) => textWidth(n)));
}

let atlasCanvas: HTMLCanvasElement | null = null;

/** The atlas's pixels on a reused off-screen canvas, ready for drawImage. */
function atlasImage(atlas: Atlas): HTMLCanvasElement | null {
  atlasCanvas ??= document.createElement('canvas');
  if (atlasCanvas.width !== atlas.width || atlasCanvas.height !== atlas.height) {
    atlasCanvas.width = atlas.width;
    atlasCanvas.height = atlas.height;
  }
  const context = atlasCanvas.getContext('2d');
  if (!context) return null;
  context.putImageData(new ImageData(atlas.pixels, atlas.width, atlas.height), 0, 0);
  return atlasCanvas;
}

export const NetworkDiagram = memo(function NetworkDiagram(props: NetworkDiagramProps) {
  const { sizes, inputNames, outputNames, plane } = props;
  const m = useMessages().model;
  const [box, width] = useElementWidth<HTMLDivElement>(560);
  const colors = useDiagramColors(box);
  const network = useStore((s) => s.network);
  const canvas = useRef<HTMLCanvasElement>(null);
  const tipId = useId();
  const [active, setActive] = useState<NeuronRef | null>(null);

  const sizesKey = sizes.join(',');
  const inputsWidth = useMemo(() => labelsWidth(inputNames), [inputNames]);
  const outputsWidth = useMemo(() => labelsWidth(outputNames), [outputNames]);
  const leftLabel = Math.max(12, inputsWidth + 8);
  const rightLabel = Math.min(Math.max(40, Math.round(width * 0.22)), Math.max(12, outputsWidth + 10));
  const footer = props.stats !== null;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const layout = useMemo(() => layoutNetwork(sizes, width, { leftLabel, rightLabel, footer }), [sizesKey, width, leftLabel, rightLabel, footer]);
  const links = useMemo(() => buildLinks(layout.columns, layout.radius, network?.layers ?? null), [layout, network]);
  const atlas = useMemo(
    () => (plane && layout.thumbnails ? buildAtlas(layout.columns, network?.activations, colors.heat) : null),
    [plane, layout, network, colors.heat],
  );

  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context) return;
    const ratio = Math.min(3, window.devicePixelRatio || 1);
    const w = Math.round(layout.width * ratio);
    const h = Math.round(layout.height * ratio);
    if (element.width !== w || element.height !== h) {
      element.width = w;
      element.height = h;
    }
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, layout.width, layout.height);
    drawLinks(context, links, colors.links);
    const image = atlas && atlasImage(atlas);
    if (atlas && image) {
      const cells = atlas.cells.map((c) => ({ sx: c.sx, sy: c.sy, x: layout.columns[c.column].x, y: layout.columns[c.column].ys[c.slot] }));
      drawPictures(context, image, atlas.side, cells, layout.radius - 1);
    }
  }, [layout, links, atlas, colors.links]);

  const hidden = sizes.slice(1, -1);
  const named = (names: readonly string[], n: number) => (n <= MAX_DRAWN ? names.slice(0, n).join(', ') : '');
  const summary = [
    m.shapeInputs(sizes[0], named(inputNames, sizes[0])),
    ...hidden.map(String),
    m.shapeOutputs(sizes[sizes.length - 1], named(outputNames, sizes[sizes.length - 1])),
  ].join(' → ');

  const tip = (() => {
    if (!active) return null;
    const column = layout.columns[active.layer + 1];
    const slot = column?.kind === 'hidden' ? column.units.indexOf(active.unit) : -1;
    if (slot < 0) return null;
    const kind: TipKind = plane ? 'plane' : sizes[0] === 1 ? 'curve' : 'none';
    const fits = kind === 'plane' ? planeSide(network?.activations, hidden) > 0 : kind === 'curve' && linePoints(network?.activations, hidden) > 0;
    const layer = network && weightsFit(network.layers, sizes) ? network.layers[active.layer] : null;
    const bias = layer?.bias ? layer.bias[active.unit] : null;
    const size = { width: TIP_WIDTH, height: tipHeight(kind) };
    const at = placeTip(column.x, column.ys[slot], layout.radius, size, { width: layout.width, height: layout.height });
    return (
      <NeuronTip
        id={tipId}
        title={m.neuron(active.layer + 1, active.unit + 1)}
        kind={kind}
        activations={fits ? (network?.activations[active.layer] ?? null) : null}
        unit={active.unit}
        bias={bias}
        colors={colors.heat}
        left={at.left}
        top={at.top}
      />
    );
  })();

  return (
    <div className="nn" ref={box}>
      <div className="nn-stage" role="group" aria-label={m.diagramLabel(summary)} style={{ width: layout.width, height: layout.height }}>
        <canvas ref={canvas} className="nn-canvas" style={{ width: layout.width, height: layout.height }} aria-hidden="true" />
        <DiagramNodes
          layout={layout}
          inputNames={inputNames}
          outputNames={outputNames}
          outputColors={props.outputColors}
          classification={props.classification}
          pictures={atlas !== null}
          stats={props.stats}
          limits={props.limits}
          onWidth={props.onWidth}
          onInvalidWidth={props.onInvalidWidth}
          tipId={tipId}
          active={active}
          onActive={setActive}
        />
        {tip}
      </div>
      <Legend
        scale={weightsFit(network?.layers, sizes) ? links.scale : null}
        broken={links.nonFinite > 0}
        pictures={atlas !== null}
        collapsed={sizes.some((s) => s > MAX_DRAWN)}
        hasHidden={hidden.length > 0}
      />
    </div>
  );
});
