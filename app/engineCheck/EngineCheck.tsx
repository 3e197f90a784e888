import { BoundaryCanvas } from './BoundaryCanvas';
import type { DemoView } from './engineDemo';
import { formatAccuracy, formatEpoch, formatLoss, PHASE_LABELS } from './format';
import { useEngineDemo } from './useEngineDemo';
import './engineCheck.css';

/** A small live run of the engine: the decision boundary, the numbers, and Pause/Play and Reset. */
export function EngineCheck() {
  const { demo, view } = useEngineDemo();
  const failed = view.phase === 'error';
  return (
    <section className="engine-check" aria-label="Live engine check">
      <div className="engine-check-body">
        <figure className="engine-check-figure">
          <BoundaryCanvas demo={demo} />
          <figcaption className="engine-check-legend">
            <span>
              <span className="engine-check-marker engine-check-marker-dot" aria-hidden="true" />
              training
            </span>
            <span>
              <span className="engine-check-marker engine-check-marker-ring" aria-hidden="true" />
              validation
            </span>
          </figcaption>
        </figure>
        <div className="engine-check-panel">
          <p className="engine-check-state" role="status">
            <span className={`engine-check-state-dot engine-check-state-${view.phase}`} aria-hidden="true" />
            <span data-testid="status">{PHASE_LABELS[view.phase]}</span>
          </p>
          <Numbers view={view} />
          {failed ? (
            <div className="engine-check-error" role="alert">
              <p>{view.message}</p>
              <button type="button" className="engine-check-button engine-check-primary" onClick={() => demo.retry()}>
                Try again
              </button>
            </div>
          ) : (
            <div className="engine-check-actions">
              <button
                type="button"
                className="engine-check-button engine-check-primary"
                disabled={view.phase === 'starting'}
                onClick={() => (view.playing ? demo.pause() : demo.play())}
              >
                {view.playing ? <PauseIcon /> : <PlayIcon />}
                {view.playing ? 'Pause' : 'Play'}
              </button>
              <button
                type="button"
                className="engine-check-button"
                disabled={view.phase === 'starting'}
                onClick={() => demo.reset()}
              >
                <ResetIcon />
                Reset
              </button>
            </div>
          )}
        </div>
      </div>
      <p className="engine-check-caption">
        The PyTorch-compatible engine, training a small network on a spiral in a Web Worker.
      </p>
    </section>
  );
}

function Numbers({ view }: { view: DemoView }) {
  const rows: Array<[label: string, testId: string, value: string]> = [
    ['Epoch', 'epoch', formatEpoch(view.epoch, view.epochs)],
    ['Step', 'step', String(view.step)],
    ['Train loss', 'train-loss', formatLoss(view.trainLoss)],
    ['Validation loss', 'val-loss', formatLoss(view.validationLoss)],
    ['Validation accuracy', 'val-acc', formatAccuracy(view.validationAccuracy)],
  ];
  return (
    <dl className="engine-check-numbers">
      {rows.map(([label, testId, value]) => (
        <div key={testId} className="engine-check-row">
          <dt>{label}</dt>
          <dd data-testid={testId}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

const iconProps = { className: 'engine-check-icon', viewBox: '0 0 16 16', 'aria-hidden': true } as const;

function PauseIcon() {
  return (
    <svg {...iconProps}>
      <rect x="3.5" y="2.5" width="3" height="11" rx="1" fill="currentColor" />
      <rect x="9.5" y="2.5" width="3" height="11" rx="1" fill="currentColor" />
    </svg>
  );
}

function PlayIcon() {
  return (
    <svg {...iconProps}>
      <path d="M4.5 2.8v10.4a.8.8 0 0 0 1.2.7l8.3-5.2a.8.8 0 0 0 0-1.4L5.7 2.1a.8.8 0 0 0-1.2.7z" fill="currentColor" />
    </svg>
  );
}

function ResetIcon() {
  return (
    <svg {...iconProps}>
      <path
        d="M2.8 8a5.2 5.2 0 1 0 1.6-3.75M2.8 2.2v2.6h2.6"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.7"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
