/**
 * A hidden layer's width: "−" and "+" step along the ladder (1…8, 10, 12, 16, 24, … 256), and the
 * number can be typed (Enter or leaving the field applies it). Each change restarts the run.
 */
import { useEffect, useState } from 'react';
import { useMessages } from '../i18n';
import { parseWidth, stepWidth, type LayerLimits } from './limits';

export interface LayerWidthProps {
  /** 0-based hidden layer */
  layer: number;
  width: number;
  limits: LayerLimits;
  /** "−", number, "+" on one line, or stacked "+" / number / "−" in a narrow column */
  mode: 'row' | 'stack';
  onChange: (layer: number, width: number) => void;
  /** the typed text was not a width (null: it is fine again) */
  onInvalid: (layer: number | null) => void;
}

export function LayerWidth({ layer, width, limits, mode, onChange, onInvalid }: LayerWidthProps) {
  const m = useMessages().model;
  const [text, setText] = useState(String(width));
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    setText(String(width));
    setInvalid(false);
  }, [width]);
  const commit = () => {
    const value = parseWidth(text, limits);
    setInvalid(value === null);
    onInvalid(value === null ? layer : null);
    if (value !== null && value !== width) onChange(layer, value);
  };
  const down = stepWidth(width, -1, limits);
  const up = stepWidth(width, 1, limits);
  const n = layer + 1;
  const stepButton = (to: number, label: string, disabled: boolean, sign: string) => (
    <button type="button" className="nn-step" aria-label={label} title={m.restartsAfter(label)} disabled={disabled} onClick={() => onChange(layer, to)}>
      {sign}
    </button>
  );
  const minus = stepButton(down, m.narrow(n, down), width <= limits.minWidth, '−');
  const plus = stepButton(up, m.widen(n, up), width >= limits.maxWidth, '+');
  return (
    <div className={`nn-width nn-width-${mode}`}>
      {mode === 'row' ? minus : plus}
      <input
        className="nn-width-input"
        inputMode="numeric"
        aria-label={m.widthLabel(n)}
        title={m.restartsAfter(m.widthLabel(n))}
        aria-invalid={invalid || undefined}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') {
            setText(String(width));
            setInvalid(false);
            onInvalid(null);
          }
        }}
      />
      {mode === 'row' ? plus : minus}
    </div>
  );
}
