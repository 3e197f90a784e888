/**
 * The hover read-out (every series' value at the hovered x, not only those measured exactly there)
 * and the legend (each series' own line style, so train/validation never differ by colour alone).
 */
import { formatValue, formatX } from './axis';
import { valueAt, type CurveChart, type CurveSeries } from './model';

/** A small picture of a series' line: its colour, width, dash and opacity. */
export function Swatch({ series }: { series: Pick<CurveSeries, 'color' | 'width' | 'dash' | 'opacity'> }) {
  return (
    <svg className="curve-swatch" width="22" height="10" viewBox="0 0 22 10" aria-hidden="true">
      <line
        x1="1"
        y1="5"
        x2="21"
        y2="5"
        stroke={series.color}
        strokeWidth={Math.max(series.width, 1.5)}
        strokeDasharray={series.dash}
        strokeOpacity={series.opacity}
        strokeLinecap="butt"
      />
    </svg>
  );
}

export function Legend({ chart, bestLabel }: { chart: CurveChart; bestLabel: string }) {
  return (
    <ul className="curve-legend">
      {chart.series
        .filter((s) => !s.faint && s.run === undefined)
        .map((s) => (
          <li key={s.key}>
            <Swatch series={s} />
            {s.label}
          </li>
        ))}
      {chart.band && chart.series.length > 1 && (
        <li>
          <svg className="curve-swatch" width="22" height="10" viewBox="0 0 22 10" aria-hidden="true">
            <rect x="1" y="1" width="20" height="8" fill="var(--series-validation)" fillOpacity="0.16" />
          </svg>
          {chart.band}
        </li>
      )}
      {chart.best && (
        <li>
          <svg className="curve-swatch" width="22" height="10" viewBox="0 0 22 10" aria-hidden="true">
            <line x1="11" y1="0" x2="11" y2="10" stroke="var(--text-muted)" strokeDasharray="2 2" />
            <circle cx="11" cy="5" r="3" fill="var(--series-validation)" stroke="var(--surface)" />
          </svg>
          {bestLabel}
        </li>
      )}
      {runsOf(chart).map((run) => (
        <li key={`run${run.id}`} data-testid="legend-run" data-run={run.id} title={run.label.length > LEGEND_LABEL ? run.label : undefined}>
          <Swatch series={{ color: run.color, width: 2, opacity: 0.9 }} />
          {run.label.length > LEGEND_LABEL ? `${run.label.slice(0, LEGEND_LABEL - 1)}…` : run.label}
        </li>
      ))}
      {chart.stop && (
        <li data-testid="legend-stop">
          <svg className="curve-swatch" width="22" height="10" viewBox="0 0 22 10" aria-hidden="true">
            <path d="M7.5 1.5 14.5 8.5 M14.5 1.5 7.5 8.5" stroke="var(--danger)" strokeWidth="2" strokeLinecap="round" />
          </svg>
          {chart.stop.legend} ({chart.stop.label})
        </li>
      )}
    </ul>
  );
}

/** Characters of a kept run's label in a chart's legend (the runs table has it whole). */
const LEGEND_LABEL = 28;

/** The earlier runs a chart draws, once each, in drawing order. */
export function runsOf(chart: CurveChart): Array<{ id: number; label: string; color: string }> {
  const seen = new Map<number, { id: number; label: string; color: string }>();
  for (const s of chart.series) if (s.run && !seen.has(s.run.id)) seen.set(s.run.id, { ...s.run, color: s.color });
  return [...seen.values()];
}

interface ReadOutProps {
  x: number;
  chart: CurveChart;
  xName: string;
  xAxis: 'step' | 'epoch';
  language: string;
}

/** Every series' value at x, in drawing order (the raw one before its smoothed twin). */
export function readings(chart: CurveChart, x: number): Array<{ series: CurveSeries; value: number }> {
  const out: Array<{ series: CurveSeries; value: number }> = [];
  for (const series of chart.series) {
    const value = valueAt(series, x);
    if (value !== undefined) out.push({ series, value });
  }
  return out;
}

/** The same in one sentence, for screen readers ("Step 715: Train loss 0.332, Validation loss 0.385"). */
export function describeReadings(chart: CurveChart, x: number, xName: string, xAxis: 'step' | 'epoch', language: string): string {
  const values = readings(chart, x).map(({ series, value }) => `${series.label} ${formatValue(value, chart.kind)}`);
  return `${xName} ${formatX(x, xAxis, language)}${values.length > 0 ? `: ${values.join(', ')}` : ''}`;
}

/** The read-out box: the x, then each series with its line style and value. */
export function ReadOut({ x, chart, xName, xAxis, language }: ReadOutProps) {
  const rows = readings(chart, x);
  if (rows.length === 0) return null;
  return (
    <div className="curve-readout" aria-hidden="true">
      <p className="curve-readout-x">
        {xName} {formatX(x, xAxis, language)}
      </p>
      <table>
        <tbody>
          {rows.map(({ series, value }) => (
            <tr key={series.key} className={series.faint ? 'curve-readout-raw' : undefined}>
              <td>
                <Swatch series={series} />
              </td>
              <th scope="row">{series.label}</th>
              <td className="curve-readout-value">{formatValue(value, chart.kind)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
