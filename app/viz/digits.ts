/** The digit grid: which validation images to show, the network's answer for each, their pixels. */

export interface DigitItem {
  /** row in the validation split */
  index: number;
  truth: number;
  predicted: number;
  /** the predicted class's probability */
  confidence: number;
}

export interface DigitSelection {
  items: DigitItem[];
  /** validation images the network gets wrong, of `total` */
  wrong: number;
  total: number;
}

/**
 * The first `count` validation images (or, with `onlyMistakes`, the first `count` mistakes) with
 * the argmax of each row of `probabilities` (n × classes).
 */
export function pickDigits(truth: Float32Array, probabilities: Float32Array, classes: number, count: number, onlyMistakes: boolean): DigitSelection {
  const total = Math.min(truth.length, Math.floor(probabilities.length / classes));
  const items: DigitItem[] = [];
  let wrong = 0;
  for (let i = 0; i < total; i++) {
    const row = i * classes;
    let predicted = 0;
    for (let c = 1; c < classes; c++) if (probabilities[row + c] > probabilities[row + predicted]) predicted = c;
    const mistake = predicted !== truth[i];
    if (mistake) wrong++;
    if (items.length < count && (!onlyMistakes || mistake)) {
      items.push({ index: i, truth: truth[i], predicted, confidence: probabilities[row + predicted] });
    }
  }
  return { items, wrong, total };
}

/**
 * RGBA pixels of image `index` of `x` (rows of side² grey levels, 0 … maxLevel): dark ink on a
 * light ground, as the digits were written.
 */
export function digitPixels(x: Float32Array, index: number, side: number, maxLevel = 16): Uint8ClampedArray<ArrayBuffer> {
  const cells = side * side;
  const pixels = new Uint8ClampedArray(cells * 4);
  for (let p = 0; p < cells; p++) {
    const level = Math.min(1, Math.max(0, x[index * cells + p] / maxLevel)) || 0;
    const grey = 250 - level * 230;
    pixels[p * 4] = grey;
    pixels[p * 4 + 1] = grey;
    pixels[p * 4 + 2] = grey;
    pixels[p * 4 + 3] = 255;
  }
  return pixels;
}
