/** A collapsible step of the training loop: a heading that opens and closes it, and a one-line summary. */
import { useId, useState, type ReactNode } from 'react';

export function Section({ title, summary, children }: { title: string; summary?: string; children: ReactNode }) {
  const [open, setOpen] = useState(true);
  const id = useId();
  return (
    <section className="training-section" aria-labelledby={`${id}-heading`}>
      <h3 className="training-section-heading" id={`${id}-heading`}>
        <button type="button" className="training-section-toggle" aria-expanded={open} aria-controls={`${id}-body`} onClick={() => setOpen((o) => !o)}>
          <span className="training-chevron" aria-hidden="true" />
          <span className="training-section-title">{title}</span>
          {summary && <span className="training-section-summary">{summary}</span>}
        </button>
      </h3>
      <div id={`${id}-body`} className="training-section-body" hidden={!open}>
        {children}
      </div>
    </section>
  );
}
