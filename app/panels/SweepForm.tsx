/**
 * "Compare values": pick a setting, give 2–6 values, and the experiment runs once per value side
 * by side (bridge/sweep.ts), drawn together on the charts and kept in the runs table. While it runs
 * the form says which values are compared and offers Pause/Resume and Stop.
 */
import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import * as training from '../bridge/training';
import { stopSweep } from '../bridge/sweep';
import { useMessages, type Messages } from '../i18n';
import { useStore } from '../store';
import { namedSweep, parseSweepValues, suggestedValues, sweepChoices, sweepConfigs, SWEEP_PATHS, type SweepPath, type SweepValue } from '../store/sweep';
import { choiceName, fieldText } from '../training/text';
import { describeError } from './Notices';

/** The values as the form writes them: "0.0001, 0.01, 1". */
export function valuesText(values: readonly SweepValue[]): string {
  return values.map((v) => (typeof v === 'number' ? String(Number(v.toPrecision(6))) : v)).join(', ');
}

function valueNames(m: Messages, path: SweepPath, values: readonly SweepValue[]): string {
  return values.map((v) => (namedSweep(path) ? choiceName(m.training, path, String(v)) : String(v))).join(', ');
}

export function SweepForm() {
  const m = useMessages();
  const s = m.curves.sweep;
  const id = useId();
  const { sweep, config, waiting } = useStore(
    useShallow((st) => ({
      sweep: st.sweep,
      config: st.config,
      // runs of the comparison that have not started yet (no status from a worker)
      waiting: st.sweep === null || st.sweep.state === 'done' ? 0 : st.pastRuns.filter((r) => st.sweep!.runIds.includes(r.id) && r.status === null).length,
    })),
  );
  const [path, setPath] = useState<SweepPath>('optimizer.lr');
  const [text, setText] = useState(() => valuesText(suggestedValues(config, 'optimizer.lr')));
  const [error, setError] = useState<string | null>(null);
  const active = sweep !== null && sweep.state !== 'done';
  // dropout is the Model panel's setting; the others are the Training panel's
  const label = (p: SweepPath) => (p === 'model.dropout' ? m.model.dropout : fieldText(m.training, p).label);

  const run = () => {
    const values = parseSweepValues(path, text);
    const { errors } = sweepConfigs(config, { path, values });
    if (errors.length > 0) {
      setError(errors.map((e) => describeError(m, e)).join(' '));
      return;
    }
    setError(null);
    void training.compareValues({ path, values });
  };

  return (
    <section className="sweep" aria-labelledby={`${id}-title`} data-testid="sweep">
      <h3 id={`${id}-title`} className="curve-title">
        {s.title}
      </h3>
      <p className="runs-hint">{s.hint}</p>
      <form
        className="sweep-row"
        onSubmit={(e) => {
          e.preventDefault();
          run();
        }}
      >
        <div className="field">
          <label className="field-label" htmlFor={`${id}-path`}>
            {s.setting}
          </label>
          <select
            id={`${id}-path`}
            className="field-select"
            value={path}
            onChange={(e) => {
              const next = e.target.value as SweepPath;
              setPath(next);
              setText(valuesText(suggestedValues(config, next)));
              setError(null);
            }}
          >
            {SWEEP_PATHS.map((p) => (
              <option key={p} value={p}>
                {label(p)}
              </option>
            ))}
          </select>
        </div>
        <div className="field sweep-values">
          <label className="field-label" htmlFor={`${id}-values`}>
            {s.values}
          </label>
          <input
            id={`${id}-values`}
            className="field-typed"
            value={text}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-tip`}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <button type="submit" className="button button-primary sweep-run">
          {s.run}
        </button>
      </form>
      <p className="sweep-tip" id={`${id}-tip`}>
        {s.valuesTip(sweepChoices(path).join(', '))}
      </p>
      {error && (
        <p className="field-error" role="alert" data-testid="sweep-error">
          {error}
        </p>
      )}
      {sweep !== null && (
        <div className="sweep-status" role="status" data-testid="sweep-status" data-state={sweep.state}>
          <span>
            {(active ? s.running : s.done)(label(sweep.path), valueNames(m, sweep.path, sweep.values))}
            {waiting > 0 ? ` · ${s.waiting(waiting)}` : ''}
          </span>
          {active && (
            <span className="sweep-actions">
              <button type="button" className="button button-small" onClick={() => void training.togglePlay()}>
                {sweep.state === 'running' ? s.pause : s.resume}
              </button>
              <button type="button" className="button button-small" title={s.stopTip} onClick={() => stopSweep()}>
                {s.stop}
              </button>
            </span>
          )}
        </div>
      )}
    </section>
  );
}
