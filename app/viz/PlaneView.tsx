/**
 * The input plane with its axes (x₁ across, x₂ up, ticks at −1, 0, 1), the switches for training
 * and validation points, and the legend: class swatches, or the colour scale of a fitted surface.
 */
import type { ReactNode } from 'react';
import { SwitchField } from '../controls/fields';
import { useLanguage, useMessages } from '../i18n';
import { classColor } from '../palette';
import { useStore } from '../store';
import { divergingGradient } from './colour';
import { formatTick } from './format';

const TICKS = [
  { value: 1, text: '1' },
  { value: 0, text: '0' },
  { value: -1, text: '−1' },
];

/** `(1 - v) / 2` of the way down (x₂) or `(v + 1) / 2` across (x₁). */
const across = (v: number) => `${((v + 1) / 2) * 100}%`;
const down = (v: number) => `${((1 - v) / 2) * 100}%`;

export function PlaneFrame({ children }: { children: ReactNode }) {
  return (
    <div className="plane-frame">
      <span className="plane-title-y" aria-hidden="true">
        x₂
      </span>
      <div className="plane-ticks-y" aria-hidden="true">
        {TICKS.map((t) => (
          <span key={t.value} style={{ top: down(t.value) }}>
            {t.text}
          </span>
        ))}
      </div>
      <div className="plane-box">{children}</div>
      <div className="plane-ticks-x" aria-hidden="true">
        {TICKS.map((t) => (
          <span key={t.value} style={{ left: across(t.value) }}>
            {t.text}
          </span>
        ))}
      </div>
      <span className="plane-title-x" aria-hidden="true">
        x₁
      </span>
    </div>
  );
}

/** A marker as drawn on the picture: a filled dot (training) or a ring (validation). */
export function Marker({ kind }: { kind: 'train' | 'validation' }) {
  return (
    <svg className="marker" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
      {kind === 'train' ? <circle cx="6" cy="6" r="4" className="marker-dot" /> : <circle cx="6" cy="6" r="4" className="marker-ring" />}
    </svg>
  );
}

export function PointSwitches() {
  const m = useMessages().output;
  const showTraining = useStore((s) => s.showTrainingPoints);
  const showValidation = useStore((s) => s.showValidationPoints);
  const setPrefs = useStore((s) => s.setPrefs);
  return (
    <div className="point-switches">
      <div className="point-switch">
        <Marker kind="train" />
        <SwitchField label={m.trainingPoints} tip={m.trainingPointsTip} checked={showTraining} onChange={(v) => setPrefs({ showTrainingPoints: v })} />
      </div>
      <div className="point-switch">
        <Marker kind="validation" />
        <SwitchField label={m.validationPoints} tip={m.validationPointsTip} checked={showValidation} onChange={(v) => setPrefs({ showValidationPoints: v })} />
      </div>
    </div>
  );
}

export function ClassLegend({ classNames }: { classNames: string[] }) {
  const m = useMessages().output;
  return (
    <ul className="class-legend" aria-label={m.classLegend}>
      {classNames.map((name, c) => (
        <li key={c}>
          <span className="class-swatch" style={{ background: classColor(c) }} aria-hidden="true" />
          {name}
        </li>
      ))}
    </ul>
  );
}

export function ValueLegend({ limit }: { limit: number }) {
  const m = useMessages().output;
  const language = useLanguage();
  const low = formatTick(language, -limit);
  const high = formatTick(language, limit);
  return (
    <div className="value-legend" role="img" aria-label={m.valueScaleLabel(low, high)}>
      <span className="value-legend-title" aria-hidden="true">
        {m.valueScale}
      </span>
      <div className="value-legend-scale" aria-hidden="true">
        <span className="value-legend-bar" style={{ background: divergingGradient() }} />
        <span className="value-legend-ticks">
          <span>{low}</span>
          <span>0</span>
          <span>{high}</span>
        </span>
      </div>
    </div>
  );
}
