/**
 * A chart as a PNG (issue 10.4), as it looks on the page: title, legend, axes and curves, drawn at
 * twice the screen's size for slides and posts. The card is made of a few kinds of parts, each
 * painted in place on one canvas: text (the title, the legend's words) with its own font and
 * colour; small SVGs (the legend's swatches, the recharts frame), each serialised with its
 * computed colours written in (an SVG drawn as an image cannot see the page's CSS variables); and
 * the canvas with the curves, copied as it is.
 */

import { downloadBlob } from '../codeView/browser';

/** Device pixels per CSS pixel of the picture. */
const SCALE = 2;
const PADDING = 12;
/** SVG properties whose computed values are written into the copy (they may come from CSS variables). */
const PAINT = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'fill-opacity', 'opacity', 'font-family', 'font-size', 'font-weight', 'text-anchor', 'dominant-baseline'] as const;

function inlineStyles(source: Element, copy: Element): void {
  const computed = getComputedStyle(source);
  for (const name of PAINT) {
    const value = computed.getPropertyValue(name);
    if (value) copy.setAttribute(name, value);
  }
  for (let i = 0; i < source.children.length; i++) {
    const child = copy.children[i];
    if (child) inlineStyles(source.children[i], child);
  }
}

/** The SVG element as an image of its own size, colours resolved. */
async function svgImage(svg: SVGSVGElement): Promise<HTMLImageElement> {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, copy);
  const box = svg.getBoundingClientRect();
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  // drawn at the picture's scale, not at the screen's and then stretched
  if (!copy.hasAttribute('viewBox')) copy.setAttribute('viewBox', `0 0 ${box.width} ${box.height}`);
  copy.setAttribute('width', String(box.width * SCALE));
  copy.setAttribute('height', String(box.height * SCALE));
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(copy)], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return image;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The text nodes directly inside `element`, joined (a legend item's words, not its swatch). */
function ownText(element: Element): string {
  let text = '';
  for (const node of element.childNodes) if (node.nodeType === Node.TEXT_NODE) text += node.textContent ?? '';
  return text.trim();
}

/** Paints `text` as `element` shows it, at its place in the picture. */
function paintText(ctx: CanvasRenderingContext2D, element: Element, text: string, origin: DOMRect, left: number): void {
  const style = getComputedStyle(element);
  const box = element.getBoundingClientRect();
  ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  ctx.fillStyle = style.color;
  ctx.textBaseline = 'middle';
  ctx.fillText(text, left - origin.left + PADDING, box.top + box.height / 2 - origin.top + PADDING);
}

/** The chart card `figure` (a `.curve-card`) as a PNG blob. */
export async function chartPng(figure: HTMLElement): Promise<Blob> {
  const origin = figure.getBoundingClientRect();
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil((origin.width + 2 * PADDING) * SCALE);
  canvas.height = Math.ceil((origin.height + 2 * PADDING) * SCALE);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2-D canvas');
  ctx.scale(SCALE, SCALE);
  // the panel's background: the picture reads as the page does, light or dark
  let background = '';
  for (let e: Element | null = figure; e && (!background || background === 'rgba(0, 0, 0, 0)'); e = e.parentElement) background = getComputedStyle(e).backgroundColor;
  ctx.fillStyle = background && background !== 'rgba(0, 0, 0, 0)' ? background : '#ffffff';
  ctx.fillRect(0, 0, origin.width + 2 * PADDING, origin.height + 2 * PADDING);
  const place = async (svg: SVGSVGElement) => {
    const box = svg.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return;
    ctx.drawImage(await svgImage(svg), box.left - origin.left + PADDING, box.top - origin.top + PADDING, box.width, box.height);
  };
  const title = figure.querySelector('.curve-title');
  if (title) paintText(ctx, title, title.textContent ?? '', origin, title.getBoundingClientRect().left);
  for (const item of figure.querySelectorAll('.curve-legend li')) {
    const swatch = item.querySelector('svg');
    if (swatch) await place(swatch);
    const text = ownText(item);
    const start = swatch ? swatch.getBoundingClientRect().right + 4 : item.getBoundingClientRect().left;
    paintText(ctx, item, text, origin, start);
  }
  const frame = figure.querySelector<SVGSVGElement>('.curve-plot svg.recharts-surface');
  if (frame) await place(frame);
  const curves = figure.querySelector<HTMLCanvasElement>('.curve-plot canvas');
  if (curves && curves.width > 0) {
    const box = curves.getBoundingClientRect();
    ctx.drawImage(curves, box.left - origin.left + PADDING, box.top - origin.top + PADDING, box.width, box.height);
  }
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob failed'))), 'image/png'));
}

/** Offers the chart as `name`.png. */
export async function downloadChartPng(figure: HTMLElement, name: string): Promise<void> {
  downloadBlob(`${name}.png`, await chartPng(figure));
}
