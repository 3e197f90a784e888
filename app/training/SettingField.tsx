/**
 * One setting drawn from the schema: a slider with a typed value, a switch or a list of choices,
 * with its label and plain-words tooltip, the ↻ mark when a change restarts the run, and the
 * reason next to it when a value was refused.
 */
import { useEffect, useId, useState } from 'react';
import { fieldAt } from '../../engine/train/config';
import { ChoiceField, InfoTip, NumberField, SwitchField } from '../controls/fields';
import { useMessages } from '../i18n';
import { useStore } from '../store';
import { useTraining } from './context';
import { sliderRange, valueAt } from './settings';
import { choiceName, fieldText } from './text';

/** The optimizer's or scheduler's type, for fields whose meaning depends on it. */
export function variantOf(config: ReturnType<typeof useTraining>['config'], path: string): string | undefined {
  if (path.startsWith('optimizer.')) return config.optimizer.type;
  if (path.startsWith('scheduler.')) return config.scheduler.type;
  return undefined;
}

export interface SettingFieldProps {
  path: string;
  /** slider values are rounded by this (batch sizes to powers of two, weight decay to "off") */
  snap?: (value: number) => number;
}

export function SettingField({ path, snap }: SettingFieldProps) {
  const m = useMessages();
  const { config, range, set, refusal } = useTraining();
  const variant = variantOf(config, path);
  const field = fieldAt(path, variant);
  if (!field) return null;
  const text = fieldText(m.training, path, variant);
  const common = {
    label: text.label,
    tip: text.tip,
    field: path,
    restarts: field.change === 'structural',
    restartsText: m.training.restarts,
  };
  const value = valueAt(config, path);
  const error = refusal(path);
  const spec = field.spec;
  switch (spec.kind) {
    case 'number': {
      const r = sliderRange(path, spec, range, variant);
      return (
        <NumberField
          {...common}
          value={value as number}
          min={r.min}
          max={r.max}
          step={r.step}
          logScale={r.logScale}
          integer={spec.integer}
          snap={snap ?? (spec.integer && r.logScale ? Math.round : undefined)}
          error={error}
          onChange={(v) => set(path, v)}
        />
      );
    }
    case 'boolean':
      return (
        <>
          <SwitchField {...common} checked={value as boolean} onChange={(v) => set(path, v)} />
          <Refusal text={error} />
        </>
      );
    case 'choice':
      return (
        <>
          <ChoiceField {...common} value={value as string} choices={spec.choices} names={(c) => choiceName(m.training, path, c)} onChange={(v) => set(path, v)} />
          <Refusal text={error} />
        </>
      );
    case 'list':
      return <NumberListField path={path} common={common} value={value as number[]} error={error} />;
    default:
      return null;
  }
}

/** A refusal under a switch or a list of choices (NumberField shows its own). */
export function Refusal({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <p className="field-error" role="alert">
      {text}
    </p>
  );
}

/** A list of whole numbers typed as "100, 150" (MultiStepLR's milestones). */
function NumberListField({ path, common, value, error }: {
  path: string;
  common: { label: string; tip: string; restarts: boolean; restartsText: string };
  value: number[];
  error: string | null;
}) {
  const id = useId();
  const { set } = useTraining();
  const shown = value.join(', ');
  const [text, setText] = useState(shown);
  useEffect(() => setText(shown), [shown]);
  const setHovered = (v: string | null) => () => useStore.getState().setHoveredField(v);
  const commit = () => {
    const items = text.split(/[\s,，;；]+/).filter((s) => s !== '');
    set(path, items.map((s) => (/^\d+$/.test(s) ? Number(s) : Number.NaN)));
  };
  return (
    <div className="field" onMouseEnter={setHovered(path)} onMouseLeave={setHovered(null)} onFocus={setHovered(path)} onBlur={setHovered(null)}>
      <span className="field-label-row">
        <label htmlFor={id} className="field-label">
          {common.label}
        </label>
        {common.restarts && (
          <span className="field-restarts" title={common.restartsText} aria-hidden="true">
            ↻
          </span>
        )}
        <InfoTip text={common.tip} label={common.label} />
      </span>
      <input
        id={id}
        className="field-typed"
        inputMode="numeric"
        value={text}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      <Refusal text={error} />
    </div>
  );
}
