/**
 * Digits: validation images (8 × 8 grey levels, scaled up without blurring) with the network's
 * answer under each. A mistake has a red frame and reads "true → predicted", so it never depends
 * on colour alone; a switch narrows the grid to the mistakes.
 */
import { memo, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { DataPoints } from '../../workers/session';
import { SwitchField } from '../controls/fields';
import { useMessages } from '../i18n';
import { digitPixels, pickDigits } from './digits';

/** Images in the grid: divides into rows of 6 and 8. */
export const DIGITS_SHOWN = 48;

const DigitImage = memo(function DigitImage({ x, index, side }: { x: Float32Array; index: number; side: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = ref.current?.getContext('2d');
    if (context) context.putImageData(new ImageData(digitPixels(x, index, side), side, side), 0, 0);
  }, [x, index, side]);
  return <canvas ref={ref} className="digit-image" width={side} height={side} aria-hidden="true" />;
});

interface DigitGridProps {
  points: DataPoints;
  /** class probabilities on the validation split (n × classes), null until they arrive */
  probabilities: Float32Array | null;
  classNames: string[];
}

export function DigitGrid({ points, probabilities, classNames }: DigitGridProps) {
  const m = useMessages().output;
  const captionId = useId();
  const [onlyMistakes, setOnlyMistakes] = useState(false);
  const side = points.imageShape?.[0] ?? 8;
  const selection = useMemo(
    () => (probabilities ? pickDigits(points.validation.y, probabilities, points.classes, DIGITS_SHOWN, onlyMistakes) : null),
    [points, probabilities, onlyMistakes],
  );
  const percent = (p: number) => `${Math.round(100 * p)}%`;

  if (!selection) {
    return <p className="output-note">{m.predictionsWaiting}</p>;
  }
  const caption = onlyMistakes
    ? m.digitsMistakesCaption(selection.items.length, selection.total)
    : m.digitsCaption(selection.items.length, selection.total);

  return (
    <div className="digits">
      <div className="digits-bar">
        <p className="digits-count" data-testid="digit-mistakes">
          {selection.wrong === 0 ? m.digitsNoMistakes : m.digitsMistakes(selection.wrong, selection.total)}
        </p>
        <SwitchField label={m.onlyMistakes} tip={m.onlyMistakesTip} checked={onlyMistakes} onChange={setOnlyMistakes} />
      </div>
      <ul className="digit-grid" aria-labelledby={captionId}>
        {selection.items.map((item) => {
          const truth = classNames[item.truth] ?? String(item.truth);
          const predicted = classNames[item.predicted] ?? String(item.predicted);
          const wrong = item.truth !== item.predicted;
          const description = wrong
            ? m.digitMistake(item.index + 1, truth, predicted, percent(item.confidence))
            : m.digitCorrect(item.index + 1, truth, percent(item.confidence));
          return (
            <li key={item.index} className={wrong ? 'digit digit-wrong' : 'digit'} title={description}>
              <DigitImage x={points.validation.x} index={item.index} side={side} />
              <span className="digit-label" aria-hidden="true">
                {wrong ? `${truth} → ${predicted}` : predicted}
              </span>
              <span className="visually-hidden">{description}</span>
            </li>
          );
        })}
      </ul>
      <p className="output-caption" id={captionId}>
        {caption} {m.mistakeKey}
      </p>
    </div>
  );
}
