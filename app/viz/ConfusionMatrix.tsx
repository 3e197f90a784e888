/**
 * The confusion matrix of the latest validation pass, as a real table (rows = true class, columns =
 * predicted), and the per-class recall and precision with bars, so a rare class that the network
 * ignores — and the effect of class weights on it — is plain to see.
 */
import { memo, type CSSProperties } from 'react';
import type { ClassificationMetrics } from '../../engine/train/metrics';
import { InfoTip } from '../controls/fields';
import { formatNumber, useLanguage, useMessages } from '../i18n';
import { formatPercent } from '../panels/format';
import { classColor } from '../palette';
import { cellStrength, rowShares, supports } from './confusion';

interface Props {
  metrics: ClassificationMetrics;
  classNames: string[];
}

export const ConfusionMatrix = memo(function ConfusionMatrix({ metrics, classNames }: Props) {
  const m = useMessages().output;
  const language = useLanguage();
  const { confusion } = metrics;
  const shares = rowShares(confusion);
  const counts = supports(confusion);
  const n = counts.reduce((a, b) => a + b, 0);
  const compact = confusion.length > 5;

  return (
    <section className="output-section" aria-labelledby="confusion-title">
      <div className="output-section-head">
        <h3 id="confusion-title" className="output-heading">
          {m.confusionTitle}
        </h3>
        <InfoTip text={m.confusionTip} label={m.confusionTitle} />
        <span className="output-accuracy" data-testid="confusion-accuracy">
          {m.accuracy(formatPercent(metrics.accuracy), n)}
        </span>
      </div>
      <div className="confusion-scroll">
        <table className={compact ? 'confusion confusion-compact' : 'confusion'} data-testid="confusion-matrix">
          <caption className="visually-hidden">{m.confusionCaption}</caption>
          <thead>
            <tr>
              <td className="confusion-corner" />
              <th scope="colgroup" colSpan={confusion.length} className="confusion-axis">
                {m.predictedClass} →
              </th>
            </tr>
            <tr>
              <th scope="col" className="confusion-corner-label">
                {m.trueClass} ↓
              </th>
              {classNames.map((name, c) => (
                <th key={c} scope="col" className="confusion-col">
                  <span className="class-swatch" style={{ background: classColor(c) }} aria-hidden="true" />
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {confusion.map((row, t) => (
              <tr key={t}>
                <th scope="row" className="confusion-row">
                  <span className="class-swatch" style={{ background: classColor(t) }} aria-hidden="true" />
                  {classNames[t]}
                </th>
                {row.map((count, p) => {
                  const strength = cellStrength(count, shares[t][p]);
                  const share = formatPercent(shares[t][p]);
                  const style = { '--strength': strength.toFixed(3) } as CSSProperties;
                  const kind = t === p ? 'confusion-right' : 'confusion-wrong';
                  return (
                    <td
                      key={p}
                      className={`confusion-cell ${kind}`}
                      style={style}
                      title={m.cellTitle(classNames[t], classNames[p], count, share)}
                    >
                      <span className="confusion-count">{formatNumber(language, count)}</span>
                      {!compact && count > 0 && <span className="confusion-share">{share}</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
});

function Bar({ value, colour }: { value: number; colour: string }) {
  const width = Number.isFinite(value) ? Math.max(0, Math.min(1, value)) * 100 : 0;
  return (
    <span className="metric-bar" aria-hidden="true">
      <span className="metric-bar-fill" style={{ width: `${width}%`, background: colour }} />
    </span>
  );
}

export const ClassMetrics = memo(function ClassMetrics({ metrics, classNames }: Props) {
  const m = useMessages().output;
  const language = useLanguage();
  const counts = supports(metrics.confusion);
  const total = counts.reduce((a, b) => a + b, 0);
  const biggest = Math.max(1, ...counts);

  return (
    <section className="output-section" aria-labelledby="per-class-title">
      <div className="output-section-head">
        <h3 id="per-class-title" className="output-heading">
          {m.perClassTitle}
        </h3>
        <InfoTip text={m.perClassTip} label={m.perClassTitle} />
      </div>
      <div className="confusion-scroll">
        <table className="class-metrics" data-testid="class-metrics">
          <thead>
            <tr>
              <th scope="col">{m.classColumn}</th>
              <th scope="col" className="class-metrics-count">
                <span title={m.supportTip}>{m.support}</span>
              </th>
              <th scope="col">{m.recall}</th>
              <th scope="col">{m.precision}</th>
            </tr>
          </thead>
          <tbody>
            {classNames.map((name, c) => {
              const colour = classColor(c);
              return (
                <tr key={c}>
                  <th scope="row" className="class-metrics-name">
                    <span className="class-swatch" style={{ background: colour }} aria-hidden="true" />
                    {name}
                  </th>
                  <td className="class-metrics-count" title={m.supportTip}>
                    <span className="support-bar" aria-hidden="true">
                      <span style={{ width: `${(100 * counts[c]) / biggest}%` }} />
                    </span>
                    {formatNumber(language, counts[c])}
                    {total > 0 && <span className="class-metrics-share"> ({formatPercent(counts[c] / total)})</span>}
                  </td>
                  <td className="class-metrics-value" data-testid={`recall-${c}`}>
                    <Bar value={metrics.recall[c]} colour={colour} />
                    <span className="metric-number">{formatPercent(metrics.recall[c])}</span>
                  </td>
                  <td className="class-metrics-value" data-testid={`precision-${c}`}>
                    <Bar value={metrics.precision[c]} colour={colour} />
                    <span className="metric-number">{formatPercent(metrics.precision[c])}</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
});
