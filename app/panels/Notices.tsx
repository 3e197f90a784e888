/**
 * Messages about the run that need the user's attention: divergence (with a one-click way back),
 * early stopping, a restart caused by a structural change, link settings that could not be used,
 * a value that was refused, a worker that had to be restarted. Each can be dismissed.
 */
import type { ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { fieldAt, type ConfigError } from '../../engine/train/config';
import * as training from '../bridge/training';
import { useMessages, type Messages } from '../i18n';
import { useStore } from '../store';
import { EXPERIMENT_IDS } from '../experiments/presets';
import { formatLoss } from './format';
import { formatLr } from './RunBar';

export function Notices() {
  const m = useMessages();
  const { status, notice, ignoredFields, lr, setIgnoredFields } = useStore(
    useShallow((s) => ({ status: s.status, notice: s.notice, ignoredFields: s.ignoredFields, lr: s.config.optimizer.lr, setIgnoredFields: s.setIgnoredFields })),
  );
  const items: ReactElement[] = [];

  if (status?.state === 'diverged') {
    const smaller = Number((lr / 10).toPrecision(2));
    items.push(
      <div key="diverged" className="notice notice-danger" role="alert" data-testid="divergence">
        <p>{m.run.diverged(status.divergedAtStep ?? status.step, divergedLossText(status.divergedLoss))}</p>
        <div className="notice-actions">
          <button type="button" className="button button-primary" onClick={() => void recoverWith(smaller)}>
            {m.run.divergedFix(formatLr(smaller))}
          </button>
          <button type="button" className="button" onClick={() => void training.reset()}>
            {m.common.reset}
          </button>
        </div>
      </div>,
    );
  }
  if (status?.state === 'earlyStopped' && status.bestEpoch !== null) {
    items.push(
      <div key="early" className="notice notice-info" role="status">
        <p>{m.run.earlyStopped(status.bestEpoch)}</p>
      </div>,
    );
  }
  if (ignoredFields.length > 0) {
    items.push(
      <div key="ignored" className="notice notice-warning" role="alert" data-testid="ignored-fields">
        <p>{m.run.ignoredFields(ignoredFields.length)}</p>
        <ul>
          {ignoredFields.slice(0, 8).map((error, i) => (
            <li key={i}>
              <FieldMessage path={error.path} text={describeError(m, error)} />
            </li>
          ))}
        </ul>
        <button type="button" className="button notice-close" onClick={() => setIgnoredFields([])}>
          {m.common.dismiss}
        </button>
      </div>,
    );
  }
  if (notice) {
    const info = notice.kind === 'restart' || notice.kind === 'checkpointLoaded';
    const text =
      notice.kind === 'restart'
        ? m.run.restarted(notice.text)
        : notice.kind === 'worker'
          ? m.run.workerRestarted
          : notice.kind === 'invalid'
            ? `${m.run.invalid} ${(notice.errors ?? []).map((e) => describeError(m, e)).join(' ')}`
            : notice.kind === 'runsUnreadable'
              ? m.run.runsUnreadable(Number(notice.text))
              : notice.kind === 'runsNotSaved'
                ? m.run.runsNotSaved
                : notice.kind === 'csvThinned'
                  ? m.run.csvThinned(Number(notice.text))
                  : notice.kind === 'checkpointLoaded'
                    ? m.model.checkpoint.loaded(Number(notice.text))
                    : notice.kind === 'checkpointRefused'
                      ? m.model.checkpoint.refused(notice.text)
                      : notice.kind === 'checkpointNotSaved'
                        ? m.model.checkpoint.notSaved(notice.text)
                        : notice.text;
    items.push(
      <div key="notice" className={`notice ${info ? 'notice-info' : 'notice-warning'}`} role={info ? 'status' : 'alert'} data-testid={`notice-${notice.kind}`}>
        <p>{text}</p>
        <button type="button" className="button notice-close" onClick={training.dismissNotice}>
          {m.common.dismiss}
        </button>
      </div>,
    );
  }
  if (items.length === 0) return null;
  return <div className="notices">{items}</div>;
}

/** The way back from a divergence: a 10× smaller learning rate, a fresh start, and on with training. */
async function recoverWith(lr: number): Promise<void> {
  await training.changeConfig({ optimizer: { lr } });
  await training.reset();
  await training.play();
}

/** "optimizer.lr: 1000000 cannot be used…" with the field's name set as code, not written twice. */
function FieldMessage({ path, text }: { path: string; text: string }) {
  if (path && text.startsWith(path)) {
    return (
      <>
        <code>{path}</code>
        {text.slice(path.length)}
      </>
    );
  }
  return (
    <>
      <code>{path || '#'}</code> {text}
    </>
  );
}

/** A refused value in the page's language: the field (unless it is `here`), what came, and what is allowed. */
export function describeError(m: Messages, error: ConfigError, here?: string): string {
  const link = linkError(m, error);
  if (link !== null) return link;
  if (error.code === 'conflict' && error.path === 'data.dataset' && error.got?.includes('custom')) return m.run.noOwnTable;
  if (error.code === 'conflict') return m.run.conflictValue(error.path);
  if (error.code === 'unknown') return m.run.unknownSetting(error.path);
  const got = error.got ?? '';
  if (error.path === 'lesson') return m.run.invalidValue('lesson', got, m.run.allowedChoices(EXPERIMENT_IDS.join(', ')));
  const field = error.path ? fieldAt(error.path) : undefined;
  if (!field) return m.run.invalidValue(error.path, got, m.run.allowedChoices('—'));
  const spec = field.spec;
  let allowed = '';
  if (spec.kind === 'number') {
    const open = Boolean(spec.minExclusive || spec.maxExclusive);
    allowed = open
      ? m.run.allowedInterval(String(spec.min), String(spec.max), Boolean(spec.minExclusive), Boolean(spec.maxExclusive))
      : m.run.allowedRange(String(spec.min), String(spec.max));
  }
  else if (spec.kind === 'choice') allowed = m.run.allowedChoices(spec.choices.join(', '));
  else if (spec.kind === 'boolean') allowed = m.run.allowedChoices('true, false');
  else allowed = m.run.allowedRange(String(spec.item.min), String(spec.item.max));
  // beside the field itself, its name would only repeat the label above it
  return error.path === here ? m.run.invalidValueHere(got, allowed) : m.run.invalidValue(error.path, got, allowed);
}

/** A refused live change or comparison of a link (url/runLink.ts), or null for other errors. */
function linkError(m: Messages, error: ConfigError): string | null {
  const { path, code } = error;
  const got = error.got ?? '';
  const l = m.run.link;
  if (path === 'compare' || path.startsWith('compare.')) {
    if (code === 'tooMany') return l.sweepCount(got);
    if (code === 'unknown') return l.sweepSetting(path);
    if (code === 'conflict') return l.sweepOne(path);
    return describeError(m, { ...error, path: path.slice('compare.'.length) });
  }
  if (path === 'change' || path.startsWith('change.')) {
    if (code === 'tooMany') return l.changesMany(got);
    const match = /^change\.(\d+)\.(.+)$/.exec(path);
    if (code === 'unknown' || match === null) return l.changeBad(path);
    if (code === 'conflict') return l.changeRestarts(match[2], Number(match[1]));
    return l.changeAt(Number(match[1]), describeError(m, { ...error, path: match[2] }));
  }
  return null;
}

/** The loss that stopped a run, as the divergence message says it: 'NaN', '∞' or its value. */
export function divergedLossText(loss: number | null | undefined): string | null {
  if (loss === null || loss === undefined) return null;
  return Number.isNaN(loss) ? 'NaN' : formatLoss(loss);
}
