/**
 * A NumberField for a setting that restarts the run. Dragging a slider sends a value per pixel; each
 * would restart training, so the field shows the value at once and commits it once the pointer is
 * released (or, from the keyboard, COMMIT_DELAY_MS after the last key). A typed value that is not a
 * number goes straight through, so the schema's refusal appears under the field.
 */
import { useEffect, useRef, useState } from 'react';
import { NumberField, type NumberFieldProps } from '../controls/fields';

export const COMMIT_DELAY_MS = 250;

export function DraftNumberField(props: Omit<NumberFieldProps, 'onChange'> & { onCommit: (value: number) => void }) {
  const { onCommit, value, ...rest } = props;
  const [draft, setDraft] = useState<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<number | null>(null);
  const holding = useRef(false);
  const latest = useRef({ onCommit, value });
  latest.current = { onCommit, value };

  const clearTimer = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };
  const flush = () => {
    clearTimer();
    const next = pending.current;
    pending.current = null;
    setDraft(null);
    if (next !== null && next !== latest.current.value) latest.current.onCommit(next);
  };
  const schedule = () => {
    clearTimer();
    timer.current = setTimeout(() => (holding.current ? schedule() : flush()), COMMIT_DELAY_MS);
  };

  useEffect(() => clearTimer, []);

  const onChange = (next: number) => {
    if (!Number.isFinite(next)) {
      clearTimer();
      pending.current = null;
      setDraft(null);
      latest.current.onCommit(next);
      return;
    }
    pending.current = next;
    setDraft(next);
    schedule();
  };

  const onPointerDown = () => {
    holding.current = true;
    const release = () => {
      holding.current = false;
      window.removeEventListener('pointerup', release);
      window.removeEventListener('pointercancel', release);
      if (pending.current !== null) flush();
    };
    window.addEventListener('pointerup', release);
    window.addEventListener('pointercancel', release);
  };

  return (
    <div className="data-draft" onPointerDown={onPointerDown}>
      <NumberField {...rest} value={draft ?? value} onChange={onChange} />
    </div>
  );
}
