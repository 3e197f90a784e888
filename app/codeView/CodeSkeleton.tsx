/**
 * What the code panel shows while the generator loads: the same controls and a box of the same size
 * with faint lines where the code will be, so nothing moves when the program appears.
 */
import { useId, type ReactNode } from 'react';
import { useMessages } from '../i18n';

/** Widths of the placeholder lines, in characters: a program's ragged right edge. */
const LINE_WIDTHS = [62, 70, 48, 0, 40, 12, 12, 0, 18, 12, 30, 46, 0, 74, 66, 24, 0, 38, 58, 44, 52, 0, 28, 60, 36, 50, 16, 0, 42, 70];

export function CodeSkeleton({ failed, onRetry, options }: { failed: boolean; onRetry: () => void; options?: ReactNode }) {
  const m = useMessages();
  const selectId = useId();
  return (
    <>
      <div className="code-options">
        <span className="code-goto">
          <label htmlFor={selectId}>{m.code.goTo}</label>
          <select id={selectId} className="field-select" disabled>
            <option>{m.code.top}</option>
          </select>
        </span>
        {options}
      </div>
      <div className="code-scroll code-skeleton" data-code="" role="region" aria-label={m.code.regionLabel} aria-busy={!failed}>
        {failed ? (
          <p className="code-failed" role="alert">
            {m.code.loadFailed}{' '}
            <button type="button" className="button" onClick={onRetry}>
              {m.code.retry}
            </button>
          </p>
        ) : (
          <>
            <p className="code-loading">{m.code.loading}</p>
            <div className="code-skeleton-lines" aria-hidden="true">
              {LINE_WIDTHS.map((width, i) => (
                <span key={i} className="code-skeleton-line" style={{ width: `${width}ch` }} />
              ))}
            </div>
          </>
        )}
      </div>
    </>
  );
}
