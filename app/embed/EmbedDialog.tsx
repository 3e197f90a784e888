/**
 * The Embed button's dialog: pick the panels and controls, see the iframe snippet for this
 * experiment with them, copy it or open the embedded view. The snippet carries the experiment
 * exactly as Share does, plus `embed=1&panels=…&controls=…`.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useMessages } from '../i18n';
import { useStore } from '../store';
import { DEFAULT_EMBED, EMBED_CONTROLS, EMBED_PANELS, type EmbedControl, type EmbedPanel, type EmbedView } from '../url/embed';
import { linkHash } from '../url/sync';
import { useShallow } from 'zustand/react/shallow';
import './embed.css';

const SIZES = [
  { id: '700x450', width: '700', height: '450' },
  { id: '100%x450', width: '100%', height: '450' },
  { id: '560x400', width: '560', height: '400' },
] as const;
type SizeId = (typeof SIZES)[number]['id'];

/** The iframe snippet for `view` of the experiment in the store (a pure function of its inputs, for tests). */
export function embedSnippet(pageUrl: string, hash: string, title: string, size: { width: string; height: string }): string {
  const src = `${pageUrl}#${hash}`.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const safeTitle = title.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${src}" width="${size.width}" height="${size.height}" title="${safeTitle}" loading="lazy" style="border: 0; max-width: 100%;"></iframe>`;
}

function toggle<T>(list: readonly T[], item: T, order: readonly T[]): T[] {
  const next = list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
  return order.filter((x) => next.includes(x));
}

/** A checkbox for each of `order`, kept in that order when ticked. */
function Choices<T extends string>({ order, chosen, names, onChange }: { order: readonly T[]; chosen: readonly T[]; names: Record<T, string>; onChange: (update: (list: T[]) => T[]) => void }) {
  return order.map((item) => (
    <label key={item} className="embed-choice">
      <input type="checkbox" checked={chosen.includes(item)} onChange={() => onChange((list) => toggle(list, item, order))} />
      {names[item]}
    </label>
  ));
}

export function EmbedButton() {
  const m = useMessages();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal?.();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)} title={m.view.embedTip} aria-haspopup="dialog">
        {m.view.embed}
      </button>
      <dialog ref={dialog} className="embed-dialog" aria-labelledby="embed-dialog-title" onClose={() => setOpen(false)}>
        {open && <EmbedForm onClose={() => setOpen(false)} />}
      </dialog>
    </>
  );
}

function EmbedForm({ onClose }: { onClose: () => void }) {
  const m = useMessages();
  const v = m.view;
  const link = useStore(useShallow((s) => ({ config: s.config, lesson: s.lesson, embed: s.embed, currentRun: s.currentRun, sweep: s.sweep })));
  const lesson = link.lesson;
  const [panels, setPanels] = useState<EmbedPanel[]>(DEFAULT_EMBED.panels);
  const [controls, setControls] = useState<EmbedControl[]>(DEFAULT_EMBED.controls);
  const [sizeId, setSizeId] = useState<SizeId>('700x450');
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const view: EmbedView = { panels, controls };
  const hash = linkHash(link, true, view);
  const pageUrl = `${window.location.origin}${window.location.pathname}`;
  const title = v.embedFrameTitle(lesson === null ? m.common.appName : m.experiments.items[lesson].title);
  const size = SIZES.find((s) => s.id === sizeId)!;
  const snippet = useMemo(() => embedSnippet(pageUrl, hash, title, size), [pageUrl, hash, title, size]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div className="embed-form">
      <div className="embed-form-head">
        <h2 id="embed-dialog-title">{v.embedTitle}</h2>
        <button type="button" className="button" onClick={onClose}>
          {v.close}
        </button>
      </div>
      <p className="embed-form-intro">{v.embedIntro}</p>
      <div className="embed-form-choices">
        <fieldset>
          <legend>{v.embedPanels}</legend>
          <Choices order={EMBED_PANELS} chosen={panels} names={v.panelNames} onChange={setPanels} />
        </fieldset>
        <fieldset>
          <legend>{v.embedControls}</legend>
          <Choices order={EMBED_CONTROLS} chosen={controls} names={v.controlNames} onChange={setControls} />
          <label className="embed-size">
            {v.embedSize}
            <select value={sizeId} onChange={(e) => setSizeId(e.target.value as SizeId)}>
              {SIZES.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.width === '100%' ? `100% × ${s.height}` : `${s.width} × ${s.height}`}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
      </div>
      {panels.length === 0 ? (
        <p className="field-error" role="alert">
          {v.embedNoPanel}
        </p>
      ) : (
        <>
          <textarea className="embed-snippet" readOnly value={snippet} aria-label={v.embedTitle} rows={4} onFocus={(e) => e.target.select()} data-testid="embed-snippet" />
          <div className="embed-form-actions">
            <button type="button" className="button button-primary" onClick={() => void copy()}>
              {v.embedCopy}
            </button>
            <a className="button" href={`${pageUrl}#${hash}`} target="_blank" rel="noopener">
              {v.embedPreview} ↗
            </a>
            <span role="status" aria-live="polite" className="app-share-status">
              {copied === 'copied' ? v.embedCopied : copied === 'failed' ? v.embedCopyFailed : ''}
            </span>
          </div>
        </>
      )}
    </div>
  );
}
