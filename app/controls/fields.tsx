/**
 * The page's form controls, each with a visible label (so `getByLabel` finds it), a short tooltip in
 * plain words, and keyboard access. Panels build every setting from these, so they look and behave
 * the same everywhere.
 */
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useMessages } from '../i18n';
import { useStore } from '../store';
import './fields.css';

/** Pointer and focus handlers that tell the code view which setting is being looked at. */
function pointAt(field: string | undefined) {
  if (!field) return {};
  const set = (value: string | null) => () => useStore.getState().setHoveredField(value);
  return { onMouseEnter: set(field), onMouseLeave: set(null), onFocus: set(field), onBlur: set(null) };
}

interface FieldProps {
  label: string;
  /** the setting's path (`optimizer.lr`): hovering or focusing the control points the code view at its lines */
  field?: string;
  /** what it does and what to watch for, in one or two plain sentences */
  tip?: string;
  /** "live" settings change the running model; others restart the run */
  restarts?: boolean;
  restartsText?: string;
}

/**
 * A tooltip on a small ⓘ button: hover, focus or tap shows it; Escape hides it. The button's name is
 * short ("About learning rate", from `label`, the setting's name); the explanation is its description,
 * kept in the page while hidden so a screen reader can read it before the tip opens.
 */
export function InfoTip({ text, label }: { text: string; label: string }) {
  const id = useId();
  const about = useMessages().common.about;
  const [open, setOpen] = useState(false);
  return (
    <span className="tip" onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      <button
        type="button"
        className="tip-button"
        aria-label={about(label)}
        aria-describedby={id}
        aria-expanded={open}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setOpen(false);
        }}
      >
        i
      </button>
      <span role="tooltip" id={id} className="tip-bubble" hidden={!open}>
        {text}
      </span>
    </span>
  );
}

function FieldLabel({ htmlFor, label, tip, restarts, restartsText }: FieldProps & { htmlFor: string }) {
  return (
    <span className="field-label-row">
      <label htmlFor={htmlFor} className="field-label">
        {label}
      </label>
      {restarts && restartsText && (
        <span className="field-restarts" title={restartsText} aria-hidden="true">
          ↻
        </span>
      )}
      {tip && <InfoTip text={tip} label={label} />}
    </span>
  );
}

export interface NumberFieldProps extends FieldProps {
  value: number;
  min: number;
  max: number;
  /** slider step on the linear scale (ignored on a log scale) */
  step?: number;
  logScale?: boolean;
  integer?: boolean;
  /** how the value reads next to the slider */
  format?: (value: number) => string;
  /** rounds a value picked on the slider (not a typed one), e.g. to a power of two */
  snap?: (value: number) => number;
  onChange: (value: number) => void;
  /** the typed text could not be used: say why (from the schema's message) */
  error?: string | null;
  disabled?: boolean;
}

const SLIDER_STEPS = 1000;

/** A slider with a typed value beside it; on a log scale the slider moves by factors, not sums. */
export function NumberField(props: NumberFieldProps) {
  const { value, min, max, logScale, integer, onChange, disabled, snap } = props;
  const slide = (v: number) => onChange(snap ? snap(v) : v);
  const sliderName = useMessages().common.slider;
  const id = useId();
  const [text, setText] = useState(String(value));
  useEffect(() => setText(formatTyped(value)), [value]);
  const lo = logScale ? Math.log10(Math.max(min, 1e-12)) : min;
  const hi = logScale ? Math.log10(max) : max;
  const toSlider = (v: number) => Math.round(((Math.log10(Math.max(v, 1e-12)) - lo) / (hi - lo)) * SLIDER_STEPS);
  const fromSlider = (s: number) => {
    const v = 10 ** (lo + (s / SLIDER_STEPS) * (hi - lo));
    return Number(v.toPrecision(2));
  };
  const picked = (s: number) => (snap ? snap(fromSlider(s)) : fromSlider(s));
  // The log slider keeps its own position: rounding what it picks (0.0101 → 0.01) would otherwise
  // pull the thumb back, so the arrow keys could never move it.
  const [position, setPosition] = useState(() => toSlider(value));
  useEffect(() => setPosition((p) => (picked(p) === value ? p : toSlider(value))), [value]);
  const commitText = () => {
    const parsed = Number(text.trim());
    if (text.trim() !== '' && Number.isFinite(parsed)) onChange(integer ? Math.round(parsed) : parsed);
    else onChange(Number.NaN); // the schema's message says what is allowed
  };
  return (
    <div className="field field-number" {...pointAt(props.field)}>
      <FieldLabel htmlFor={id} {...props} />
      <div className="field-number-row">
        {logScale ? (
          <input
            type="range"
            className="field-slider"
            aria-label={sliderName(props.label)}
            min={0}
            max={SLIDER_STEPS}
            step={1}
            value={Math.min(SLIDER_STEPS, Math.max(0, position))}
            disabled={disabled}
            onChange={(e) => {
              const s = Number(e.target.value);
              setPosition(s);
              if (picked(s) !== value) onChange(picked(s));
            }}
          />
        ) : (
          <input
            type="range"
            className="field-slider"
            aria-label={sliderName(props.label)}
            min={min}
            max={max}
            step={props.step ?? (integer ? 1 : (max - min) / 100)}
            value={Math.min(max, Math.max(min, value))}
            disabled={disabled}
            onChange={(e) => slide(integer ? Math.round(Number(e.target.value)) : Number(e.target.value))}
          />
        )}
        <input
          id={id}
          className="field-typed"
          inputMode="decimal"
          value={text}
          disabled={disabled}
          aria-invalid={props.error ? true : undefined}
          onChange={(e) => setText(e.target.value)}
          onBlur={commitText}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commitText();
          }}
        />
      </div>
      {props.error && (
        <p className="field-error" role="alert">
          {props.error}
        </p>
      )}
    </div>
  );
}

function formatTyped(value: number): string {
  if (!Number.isFinite(value)) return '';
  if (value !== 0 && (Math.abs(value) < 1e-3 || Math.abs(value) >= 1e5)) return value.toExponential().replace('e+', 'e');
  return String(Number(value.toPrecision(6)));
}

export interface ChoiceFieldProps<T extends string> extends FieldProps {
  value: T;
  choices: readonly T[];
  /** the words shown for each choice */
  names: (choice: T) => string;
  onChange: (value: T) => void;
  disabled?: boolean;
}

export function ChoiceField<T extends string>(props: ChoiceFieldProps<T>) {
  const id = useId();
  return (
    <div className="field" {...pointAt(props.field)}>
      <FieldLabel htmlFor={id} {...props} />
      <select
        id={id}
        className="field-select"
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.value as T)}
      >
        {props.choices.map((c) => (
          <option key={c} value={c}>
            {props.names(c)}
          </option>
        ))}
      </select>
    </div>
  );
}

export interface SwitchFieldProps extends FieldProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}

/** An on/off setting: a checkbox drawn as a switch, with role=switch for screen readers. */
export function SwitchField(props: SwitchFieldProps) {
  const id = useId();
  return (
    <div className="field field-switch" {...pointAt(props.field)}>
      <input
        id={id}
        type="checkbox"
        role="switch"
        className="switch"
        checked={props.checked}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <FieldLabel htmlFor={id} {...props} />
    </div>
  );
}

/** A titled card that groups the settings of one step of the training loop. */
export function Panel({ title, id, children, actions }: { title: string; id: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <header className="panel-header">
        <h2 id={`${id}-title`} className="panel-title">
          {title}
        </h2>
        {actions}
      </header>
      <div className="panel-body">{children}</div>
    </section>
  );
}
