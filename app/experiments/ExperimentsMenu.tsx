/**
 * The header's Experiments button and its menu: the guided experiments, grouped by the step of the
 * training loop they teach. Picking one starts it (see start.ts) and opens its card.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useMessages } from '../i18n';
import { EXPERIMENTS, LOOP_STEPS } from './presets';
import { startExperiment } from './start';
import './experiments.css';

export function ExperimentsMenu() {
  const m = useMessages().experiments;
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const titleId = useId();

  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLButtonElement>('.experiment-item')?.focus();
    const away = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  return (
    <div className="experiments">
      <button
        ref={button}
        type="button"
        className="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        title={m.openTip}
        onClick={() => setOpen((o) => !o)}
      >
        <FlaskIcon /> {m.open}
      </button>
      {open && (
        <div
          ref={panel}
          className="experiments-menu"
          role="dialog"
          aria-labelledby={titleId}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              close();
            }
          }}
        >
          <div className="experiments-head">
            <h2 id={titleId}>{m.title}</h2>
            <button type="button" className="button experiments-close" onClick={close} aria-label={m.close}>
              ×
            </button>
          </div>
          <p className="experiments-intro">{m.intro}</p>
          {LOOP_STEPS.map((step) => (
            <section key={step} className="experiments-group" aria-label={m.steps[step]}>
              <h3>{m.steps[step]}</h3>
              {EXPERIMENTS.filter((e) => e.step === step).map((e) => (
                <button
                  key={e.id}
                  type="button"
                  className="experiment-item"
                  onClick={() => {
                    close();
                    void startExperiment(e.id);
                  }}
                >
                  <span className="experiment-title">{m.items[e.id].title}</span>
                  <span className="experiment-summary">{m.items[e.id].summary}</span>
                </button>
              ))}
            </section>
          ))}
        </div>
      )}
    </div>
  );
}

function FlaskIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round">
      <path d="M6 1.5h4M6.5 1.5v4.2L2.6 12.6a1.3 1.3 0 0 0 1.1 1.9h8.6a1.3 1.3 0 0 0 1.1-1.9L9.5 5.7V1.5M4.5 9.5h7" />
    </svg>
  );
}
