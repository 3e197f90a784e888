/**
 * "Keep this model": save the run as a checkpoint file and continue from one (bridge/training.ts
 * saveCheckpoint / loadCheckpointFile; engine/train/checkpoint.ts). The file is read in the page
 * and parsed in the worker; nothing leaves the browser.
 */
import { useId, useRef, useState } from 'react';
import * as training from '../bridge/training';
import { useMessages } from '../i18n';
import { useStore } from '../store';
import { FileInput } from '../controls/FileInput';

export function Checkpoints() {
  const m = useMessages().model.checkpoint;
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const built = useStore((s) => s.status !== null && s.status.state !== 'error');
  const run = (work: () => Promise<unknown>) => {
    setBusy(true);
    void work().finally(() => setBusy(false));
  };
  return (
    <section className="checkpoints" aria-labelledby={`${id}-title`} data-testid="checkpoints">
      <h3 id={`${id}-title`} className="checkpoints-title">
        {m.title}
      </h3>
      <p className="checkpoints-hint">{m.hint}</p>
      <div className="checkpoints-actions">
        <button type="button" className="button" title={m.saveTip} disabled={busy || !built} data-testid="save-model" onClick={() => run(training.saveCheckpoint)}>
          {m.save}
        </button>
        <button type="button" className="button" title={m.loadTip} disabled={busy} data-testid="load-model" onClick={() => input.current?.click()}>
          {m.load}
        </button>
        <FileInput ref={input} accept=".json,application/json" testId="load-model-file" onFile={(file) => run(() => training.loadCheckpointFile(file))} />
      </div>
      <p className="checkpoints-hint">{m.python}</p>
    </section>
  );
}
