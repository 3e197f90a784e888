/**
 * One line on what the data loader makes of the data (samples to train and validate, batches per
 * epoch) and, for classes, a tiny bar row of the training samples per class, so an imbalance shows.
 */
import { DATASETS, type ExperimentConfig } from '../../engine/train/config';
import type { DataPoints } from '../../workers/session';
import { formatNumber, useLanguage, useMessages, type Messages } from '../i18n';
import { expectedSplit, loaderSummary, pointsMatchConfig, splitOfPoints, type SplitCounts } from './summary';

/** The split to show: worked out from the experiment for generated sets, the worker's points for real ones. */
export function splitToShow(config: ExperimentConfig, points: DataPoints | null): SplitCounts | null {
  return expectedSplit(config) ?? (points && pointsMatchConfig(points, config) ? splitOfPoints(points) : null);
}

/** A class's short name under its bar and long name for reading out: "0" / "class 0", or "setosa". */
export function classNames(m: Messages, raw: string | undefined, index: number): { short: string; long: string } {
  const numbered = raw === undefined ? String(index) : /^(?:class_)?(\d+)$/.exec(raw)?.[1];
  if (numbered !== undefined) return { short: numbered, long: m.data.classLabel(numbered) };
  const known = m.data.classNames as Record<string, string>;
  const name = Object.prototype.hasOwnProperty.call(known, raw!) ? known[raw!] : raw!;
  return { short: name, long: name };
}

export function DataSummary({ config, points }: { config: ExperimentConfig; points: DataPoints | null }) {
  const m = useMessages();
  const language = useLanguage();
  const split = splitToShow(config, points);
  const number = (v: number) => formatNumber(language, v);
  if (split === null) {
    return (
      <div className="data-summary">
        <p className="data-summary-line data-muted">{m.data.loading}</p>
      </div>
    );
  }
  const { batchSize, dropLast } = config.training;
  const loader = loaderSummary(split.train, split.validation, batchSize, dropLast);
  const counts = split.trainPerClass;
  const max = counts ? Math.max(1, ...counts) : 1;
  const names = counts?.map((_, c) => classNames(m, points && pointsMatchConfig(points, config) ? points.classNames[c] : undefined, c));
  const shares = counts?.map((count, c) => m.data.classShare(names![c].long, number(count)));
  const many = (counts?.length ?? 0) > 5;

  return (
    <div className="data-summary" aria-label={m.data.loader} role="group">
      <p className="data-summary-line" data-testid="data-summary">
        {m.data.summary(number(loader.train), number(loader.validation), number(loader.batches), number(batchSize), loader.batches === 1)}
      </p>
      {loader.batches === 0 ? (
        <p className="data-summary-warning" role="alert">
          {m.data.noBatches}
        </p>
      ) : loader.dropped > 0 ? (
        <p className="data-summary-note">{m.data.dropped(number(loader.dropped))}</p>
      ) : loader.lastBatch > 0 ? (
        <p className="data-summary-note">{m.data.lastBatch(number(loader.lastBatch))}</p>
      ) : null}
      {counts && DATASETS[config.data.dataset].task === 'classification' && (
        <figure className="class-bars-figure">
          <figcaption className="class-bars-title">{m.data.perClass}</figcaption>
          <div className={`class-bars${many ? ' class-bars-many' : ''}`} role="img" aria-label={shares!.join(', ')} data-testid="class-counts">
            {counts.map((count, c) => (
              <div key={c} className="class-bar" title={shares![c]}>
                <span className="class-bar-count">{number(count)}</span>
                <span className="class-bar-track">
                  <span className="class-bar-fill" style={{ height: `${Math.max(4, (100 * count) / max)}%`, background: `var(--class-${c % 10})` }} />
                </span>
                <span className="class-bar-name">{names![c].short}</span>
              </div>
            ))}
          </div>
        </figure>
      )}
    </div>
  );
}
