/**
 * The runs kept on this page (see store/runs.ts): this one first, then the earlier ones, newest
 * first — each with its colour, the settings that set it apart, how it ended (under its name), and its last
 * validation numbers; a box draws or hides its curves, a button forgets it.
 */
import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { taskOf } from '../../engine/train/config';
import * as training from '../bridge/training';
import { TRAIN_COLOR } from '../charts/curves';
import { formatNumber, useLanguage, useMessages, type Messages } from '../i18n';
import { currentRunShown, useStore } from '../store';
import { comparable, drawn, MAX_NAME, type PastRun } from '../store/runs';
import type { RunHistory } from '../store/series';
import type { SessionStatus } from '../../workers/session';
import { formatLoss, formatPercent } from './format';
import { describeState } from './RunBar';

/** What the table says of a run's end: a run left while it went on "stopped at step n". */
function stateOf(m: Messages, status: SessionStatus | null, past: boolean, live: boolean): string {
  // a comparison's run still trains: its state is the worker's own
  if (live) return status === null ? m.curves.runs.waiting : describeState(m, status);
  if (past && status !== null && (status.state === 'running' || status.state === 'paused' || status.state === 'ready')) return m.curves.runs.stopped(status.step);
  return describeState(m, status);
}

function lastValidation(history: RunHistory) {
  const last = history.evaluations[history.evaluations.length - 1];
  return last?.validation;
}

export function RunsTable({ labels }: { labels: ReadonlyMap<number, string> }) {
  const m = useMessages();
  const language = useLanguage();
  const { pastRuns, currentRun, history, status, task, dataset, sweep } = useStore(
    useShallow((s) => ({
      // historyVersion, sweepVersion: the rows follow their (mutable) histories as they grow
      pastRuns: s.pastRuns, currentRun: s.currentRun, history: s.history, status: s.status, task: taskOf(s.config), dataset: s.config.data.dataset, version: s.historyVersion,
      sweep: s.sweep, sweepVersion: s.sweepVersion,
    })),
  );
  const live = (id: number) => sweep !== null && sweep.state !== 'done' && sweep.runIds.includes(id);
  const [editing, setEditing] = useState<number | null>(null);
  // Escape leaves the name as it was, even if the box then loses focus as it goes
  const cancelled = useRef(false);
  if (pastRuns.length === 0) return null;
  const r = m.curves.runs;
  const classification = task === 'classification';
  const name = (id: number) => `#${id}`;
  const metric = (split: ReturnType<typeof lastValidation>) =>
    classification ? formatPercent(split?.classification?.accuracy) : formatLoss(split?.regression?.r2);
  const row = (run: { id: number; color: string; history: RunHistory; status: SessionStatus | null }, past: PastRun | null) => {
    const validation = lastValidation(run.history);
    // the number stands before the label here: a label that ends with it (two alike runs) says it once
    const full = labels.get(run.id) ?? name(run.id);
    const label = full.endsWith(` ${name(run.id)}`) ? full.slice(0, -name(run.id).length - 1) : full;
    return (
      <tr key={run.id} data-testid="run-row" data-run={run.id} className={past && !drawn(past, dataset) ? 'run-hidden' : undefined}>
        <td className="runs-show">
          {past ? (
            <input
              type="checkbox"
              checked={drawn(past, dataset)}
              disabled={!comparable(past, dataset)}
              title={comparable(past, dataset) ? undefined : r.otherData}
              aria-label={r.showRun(name(run.id))}
              aria-describedby={comparable(past, dataset) ? undefined : 'runs-other-data'}
              onChange={(e) => training.setRunVisible(run.id, e.target.checked)}
            />
          ) : null}
        </td>
        <th scope="row" className="runs-name">
          <span className="runs-swatch" style={{ background: run.color }} aria-hidden="true" />
          <span className="runs-id">{name(run.id)}</span>{' '}
          {past && editing === run.id ? (
            <input
              className="runs-rename"
              defaultValue={past.name ?? label}
              maxLength={MAX_NAME}
              autoFocus
              aria-label={r.nameOf(name(run.id))}
              onFocus={(e) => e.currentTarget.select()}
              onKeyDown={(e) => {
                if (e.key === 'Enter') e.currentTarget.blur();
                if (e.key === 'Escape') {
                  cancelled.current = true;
                  setEditing(null);
                }
              }}
              onBlur={(e) => {
                if (!cancelled.current) training.renameRun(run.id, e.currentTarget.value);
                cancelled.current = false;
                setEditing(null);
              }}
            />
          ) : (
            <span className="runs-label">{past ? label : r.current(label)}</span>
          )}
          {past && editing !== run.id && (
            <button type="button" className="runs-rename-button" aria-label={r.rename(name(run.id))} title={r.rename(name(run.id))} onClick={() => { cancelled.current = false; setEditing(run.id); }}>
              <svg width="12" height="12" viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round">
                <path d="M11 2.5 13.5 5 5.5 13H3v-2.5z" />
              </svg>
            </button>
          )}
          <span className="runs-state">{stateOf(m, run.status, past !== null, live(run.id))}</span>
        </th>
        <td className="runs-number runs-wide">{formatNumber(language, run.status?.epoch ?? 0)}</td>
        <td className="runs-number" data-testid="run-val-loss">{formatLoss(validation?.loss)}</td>
        <td className="runs-number">{metric(validation)}</td>
        <td className="runs-delete">
          {past ? (
            <button type="button" className="button button-small" aria-label={r.deleteRun(name(run.id))} title={r.deleteRun(name(run.id))} onClick={() => training.deleteRun(run.id)}>
              ×
            </button>
          ) : null}
        </td>
      </tr>
    );
  };
  return (
    <section className="runs" aria-labelledby="runs-title" data-testid="runs">
      <div className="runs-header">
        <h3 id="runs-title" className="curve-title">
          {r.title}
        </h3>
        <button type="button" className="button button-small" onClick={() => training.deleteRun('all')}>
          {r.forgetAll}
        </button>
      </div>
      <p className="runs-hint">{r.hint}</p>
      {pastRuns.some((run) => !comparable(run, dataset)) && (
        <p className="runs-hint" id="runs-other-data">
          {r.otherData}
        </p>
      )}
      <div className="runs-scroll">
        <table className="runs-table">
          <thead>
            <tr>
              <th scope="col">{r.show}</th>
              <th scope="col">{r.run}</th>
              <th scope="col" className="runs-number runs-wide">{r.epochs}</th>
              <th scope="col" className="runs-number">{r.valLoss}</th>
              <th scope="col" className="runs-number">{classification ? r.valAcc : r.valR2}</th>
              <th scope="col">
                <span className="visually-hidden">{r.forgetColumn}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {currentRun && currentRunShown({ sweep, history }) && row({ id: currentRun.id, color: TRAIN_COLOR, history, status }, null)}
            {[...pastRuns].reverse().map((run) => row(run, run))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
