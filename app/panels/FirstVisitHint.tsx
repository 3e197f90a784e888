/**
 * On a first visit, where the default run would otherwise just start: what is training, where to
 * look, and what to press first. Only on the default experiment (which it describes); dismissed
 * once, remembered with the preferences.
 */
import { useMemo } from 'react';
import { defaultConfig } from '../../engine/train/config';
import { useMessages } from '../i18n';
import { useStore } from '../store';

const DEFAULT = JSON.stringify(defaultConfig());

export function FirstVisitHint() {
  const m = useMessages().view;
  const dismissed = useStore((s) => s.hintDismissed);
  const config = useStore((s) => s.config);
  const isDefault = useMemo(() => JSON.stringify(config) === DEFAULT, [config]);
  const setPrefs = useStore((s) => s.setPrefs);
  if (dismissed || !isDefault) return null;
  return (
    <section className="first-hint" aria-labelledby="first-hint-title" data-testid="first-hint">
      <h2 id="first-hint-title" className="first-hint-title">
        {m.hintTitle}
      </h2>
      <p className="first-hint-body">{m.hintBody}</p>
      <button type="button" className="button" onClick={() => setPrefs({ hintDismissed: true })}>
        {m.hintDismiss}
      </button>
    </section>
  );
}
