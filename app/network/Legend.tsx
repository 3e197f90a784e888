/** What the diagram's lines and pictures mean: sign by colour and dash, size by width, pictures by colour. */
import { useMessages } from '../i18n';
import { levelStyle, LEVELS } from './links';
import { dashFor } from './draw';
import { compactNumber } from './stats';

export interface LegendProps {
  /** the largest |w| drawn (the thickest line); null before the first snapshot of this network */
  scale: number | null;
  /** some drawn weights are NaN or ±∞ */
  broken: boolean;
  /** 2-D data set: the neurons carry pictures */
  pictures: boolean;
  /** some layer is wider than what is drawn */
  collapsed: boolean;
  hasHidden: boolean;
}

function Line({ negative, level }: { negative: boolean; level: number }) {
  const { width, opacity } = levelStyle(level);
  return (
    <svg width="28" height="10" aria-hidden="true" className="nn-legend-line">
      <line
        x1="1"
        y1="5"
        x2="27"
        y2="5"
        stroke={negative ? 'var(--nn-negative)' : 'var(--nn-positive)'}
        strokeWidth={width}
        strokeOpacity={opacity}
        strokeDasharray={negative ? dashFor(width).join(' ') : undefined}
      />
    </svg>
  );
}

export function Legend({ scale, broken, pictures, collapsed, hasHidden }: LegendProps) {
  const m = useMessages().model;
  const strong = LEVELS - 2;
  return (
    <div className="nn-legend">
      <span className="nn-legend-item">
        <Line negative={false} level={strong} />
        {m.legendPositive}
      </span>
      <span className="nn-legend-item">
        <Line negative level={strong} />
        {m.legendNegative}
      </span>
      <span className="nn-legend-item">
        <span className="nn-legend-widths" aria-hidden="true">
          <Line negative={false} level={0} />
          <Line negative={false} level={LEVELS - 1} />
        </span>
        {scale === null ? m.legendWaiting : broken ? m.legendBroken : scale === 0 ? m.legendAllZero : m.legendWidth(compactNumber(scale))}
      </span>
      {pictures && hasHidden && (
        <p className="nn-legend-note">
          <span className="nn-legend-ramp" aria-hidden="true" />
          {m.legendPictures} {m.legendHover}
        </p>
      )}
      {collapsed && <p className="nn-legend-note">{m.legendMore}</p>}
    </div>
  );
}
