/**
 * The data seed: a typed whole number (a slider over four billion values would be no help) and a
 * button that deals a new one. Built from the same classes as the shared fields, so it lines up.
 */
import { useEffect, useId, useState } from 'react';
import { InfoTip } from '../controls/fields';
import { useStore } from '../store';

interface SeedFieldProps {
  label: string;
  tip: string;
  restartsText: string;
  newSeedLabel: string;
  newSeedTip: string;
  value: number;
  error?: string | null;
  onCommit: (value: number) => void;
}

/** A fresh seed that differs from `current`, small enough to read and type (0 … 9999). */
export function nextSeed(current: number, random: () => number = Math.random): number {
  const seed = Math.floor(random() * 10_000);
  return seed === current ? (seed + 1) % 10_000 : seed;
}

export function SeedField(props: SeedFieldProps) {
  const id = useId();
  const [text, setText] = useState(String(props.value));
  useEffect(() => setText(String(props.value)), [props.value]);
  const commit = () => {
    const trimmed = text.trim();
    const parsed = trimmed === '' ? Number.NaN : Number(trimmed);
    if (parsed !== props.value) props.onCommit(parsed);
  };
  const point = (field: string | null) => () => useStore.getState().setHoveredField(field);
  return (
    <div className="field" onMouseEnter={point('data.seed')} onMouseLeave={point(null)}>
      <span className="field-label-row">
        <label htmlFor={id} className="field-label">
          {props.label}
        </label>
        <span className="field-restarts" title={props.restartsText} aria-hidden="true">
          ↻
        </span>
        <InfoTip text={props.tip} label={props.label} />
      </span>
      <div className="data-seed-row">
        <input
          id={id}
          className="field-typed"
          inputMode="numeric"
          value={text}
          aria-invalid={props.error ? true : undefined}
          onChange={(e) => setText(e.target.value)}
          onFocus={point('data.seed')}
          onBlur={() => {
            point(null)();
            commit();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
          }}
        />
        <button type="button" className="button data-seed-button" title={props.newSeedTip} onClick={() => props.onCommit(nextSeed(props.value))}>
          <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth={1.5}>
            <rect x="2" y="2" width="12" height="12" rx="2.5" />
            <circle cx="5.5" cy="5.5" r="1" fill="currentColor" />
            <circle cx="10.5" cy="10.5" r="1" fill="currentColor" />
            <circle cx="8" cy="8" r="1" fill="currentColor" />
          </svg>
          {props.newSeedLabel}
        </button>
      </div>
      {props.error && (
        <p className="field-error" role="alert">
          {props.error}
        </p>
      )}
    </div>
  );
}
