/**
 * "Your own data": drop, choose or paste a CSV; the worker reads it (off the page's thread) and
 * says which columns it has; pick the target and the task; train on it like a bundled set. A file
 * that cannot be used says why (row and column) and the data set stays as it was. Nothing is
 * uploaded: the table lives in this page and its workers.
 */
import { useId, useRef, useState } from 'react';
import * as training from '../bridge/training';
import { formatNumber, useLanguage, useMessages } from '../i18n';
import { useStore } from '../store';
import { FileInput } from '../controls/FileInput';

type Read = { file: Blob; name: string; columns: string[]; rows: number; tasks: Array<'classification' | 'regression'> };

export function OwnData() {
  const m = useMessages().data.own;
  const language = useLanguage();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [read, setRead] = useState<Read | null>(null);
  const [target, setTarget] = useState(0);
  const [task, setTask] = useState<'classification' | 'regression'>('classification');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pasting, setPasting] = useState(false);
  const [pasted, setPasted] = useState('');
  const [dragging, setDragging] = useState(false);
  const own = useStore((s) => s.ownTable);
  const usingOwn = useStore((s) => s.config.data.dataset === 'custom');

  const readFile = async (file: Blob, name: string) => {
    setBusy(true);
    setError(null);
    try {
      const result = await training.readTable(file);
      if (!result.ok) {
        setRead(null);
        setError(result.error);
        return;
      }
      const last = result.columns.length - 1;
      setRead({ file, name, columns: result.columns, rows: result.rows, tasks: result.tasks });
      setTarget(last);
      setTask(result.tasks[last]);
    } finally {
      setBusy(false);
    }
  };

  const train = async () => {
    if (!read) return;
    setBusy(true);
    try {
      const used = await training.useOwnTable(read.file, read.name, target, task);
      if (!used.ok) setError(used.error);
      else {
        setError(null);
        setRead(null);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="own-data" aria-labelledby={`${id}-title`} data-testid="own-data">
      <h3 id={`${id}-title`} className="own-data-title">
        {m.title}
      </h3>
      <div
        className={dragging ? 'own-data-drop own-data-dragging' : 'own-data-drop'}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          const file = e.dataTransfer.files[0];
          if (file) void readFile(file, file.name);
        }}
      >
        <p className="own-data-hint">{m.hint}</p>
        <div className="own-data-actions">
          <button type="button" className="button button-small" disabled={busy} onClick={() => input.current?.click()}>
            {m.choose}
          </button>
          <button type="button" className="button button-small" disabled={busy} aria-expanded={pasting} onClick={() => setPasting((p) => !p)}>
            {m.paste}
          </button>
          <FileInput ref={input} accept=".csv,.tsv,.txt,text/csv,text/plain" testId="own-data-file" onFile={(file) => void readFile(file, file.name)} />
        </div>
        {pasting && (
          <div className="own-data-paste">
            <label className="field-label" htmlFor={`${id}-paste`}>
              {m.pasteLabel}
            </label>
            <textarea id={`${id}-paste`} className="own-data-text" rows={5} value={pasted} spellCheck={false} onChange={(e) => setPasted(e.target.value)} />
            <button type="button" className="button button-small" disabled={busy || pasted.trim() === ''} onClick={() => void readFile(new Blob([pasted], { type: 'text/csv' }), 'pasted.csv')}>
              {m.read}
            </button>
          </div>
        )}
      </div>
      {error && (
        <p className="field-error" role="alert" data-testid="own-data-error">
          {m.refused(error)}
        </p>
      )}
      {read && (
        <div className="own-data-choose" data-testid="own-data-columns">
          <p className="own-data-read">{m.readSummary(read.name, formatNumber(language, read.rows), read.columns.length)}</p>
          <div className="own-data-row">
            <div className="field">
              <label className="field-label" htmlFor={`${id}-target`}>
                {m.target}
              </label>
              <select
                id={`${id}-target`}
                className="field-select"
                value={target}
                onChange={(e) => {
                  const next = Number(e.target.value);
                  setTarget(next);
                  setTask(read.tasks[next]);
                }}
              >
                {read.columns.map((name, j) => (
                  <option key={j} value={j}>
                    {name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label className="field-label" htmlFor={`${id}-task`}>
                {m.task}
              </label>
              <select id={`${id}-task`} className="field-select" value={task} onChange={(e) => setTask(e.target.value as 'classification' | 'regression')}>
                <option value="classification">{m.classification}</option>
                <option value="regression">{m.regression}</option>
              </select>
            </div>
          </div>
          <p className="own-data-hint">{m.features(read.columns.length - 1)}</p>
          <button type="button" className="button button-primary button-small" disabled={busy} data-testid="own-data-train" onClick={() => void train()}>
            {m.train}
          </button>
        </div>
      )}
      {own && (
        <div className="own-data-loaded" data-testid="own-data-loaded">
          <p className="own-data-read">
            {m.loaded(own.info.fileName, formatNumber(language, own.info.size), own.info.features, own.info.columns[own.info.target])}
          </p>
          {own.info.task === 'classification' ? (
            <ul className="own-data-classes" aria-label={m.classCounts}>
              {own.info.classNames.map((name, c) => (
                <li key={name}>
                  <span className="own-data-class">{name}</span> {formatNumber(language, own.classCounts[c] ?? 0)}
                </li>
              ))}
            </ul>
          ) : (
            <p className="own-data-hint">{m.regressionTarget(own.info.columns[own.info.target])}</p>
          )}
          {!usingOwn && (
            <button type="button" className="button button-small" onClick={() => void training.trainOnOwnTable()}>
              {m.useAgain(own.info.fileName)}
            </button>
          )}
        </div>
      )}
      <p className="own-data-privacy">{m.privacy}</p>
    </section>
  );
}
