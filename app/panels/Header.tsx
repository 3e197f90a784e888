/** The page header: name, Experiments, the jump to the code, language switch, Share (copies the link to this exact experiment) and Embed. */
import { useState } from 'react';
import { LANGUAGES, LANGUAGE_NAMES, useMessages, type Language } from '../i18n';
import { useStore } from '../store';
import { linkHash } from '../url/sync';
import { ExperimentsMenu } from '../experiments/ExperimentsMenu';
import { EmbedButton } from '../embed/EmbedDialog';
import { jumpTo } from './jump';

export function Header() {
  const m = useMessages();
  const language = useStore((s) => s.language);
  const setPrefs = useStore((s) => s.setPrefs);
  const [shared, setShared] = useState<'idle' | 'copied' | 'failed'>('idle');

  const share = async () => {
    const url = new URL(window.location.href);
    url.hash = linkHash(useStore.getState(), true, null);
    try {
      await navigator.clipboard.writeText(url.href);
      setShared('copied');
    } catch {
      setShared('failed');
    }
    setTimeout(() => setShared('idle'), 2500);
  };

  return (
    <header className="app-header">
      <div className="app-title">
        <img src="./favicon.svg" alt="" width={28} height={28} />
        <h1>{m.common.appName}</h1>
      </div>
      <div className="app-header-actions">
        <ExperimentsMenu />
        <button type="button" className="button" onClick={() => jumpTo('code')} title={m.view.codeButtonTip}>
          {'</>'} {m.view.codeButton}
        </button>
        <label className="app-language">
          <span className="visually-hidden">{m.common.language}</span>
          <select aria-label={m.common.language} value={language} onChange={(e) => setPrefs({ language: e.target.value as Language })}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button" onClick={() => void share()} title={m.run.shareTip}>
          {m.common.share}
        </button>
        <EmbedButton />

        <span className="app-share-status" role="status" aria-live="polite">
          {shared === 'copied' ? m.common.linkCopied : shared === 'failed' ? m.run.shareFailed : ''}
        </span>
      </div>
    </header>
  );
}
