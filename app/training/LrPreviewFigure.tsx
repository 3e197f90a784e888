/**
 * A small picture of the learning rate over the whole run, from the engine's own schedulers, with
 * the x unit named (epochs or steps) and a mark where the run is now.
 */
import { useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatNumber, useLanguage, useMessages } from '../i18n';
import { formatRate } from './format';
import { useStore } from '../store';
import { useTraining } from './context';
import { batchesPerEpoch } from './loader';
import { envelopePath, positionX } from './sparkline';
import { useLrPreview } from './useLrPreview';
import { useNearViewport } from '../controls/useNearViewport';

const WIDTH = 240;
const HEIGHT = 56;

export function LrPreviewFigure() {
  const m = useMessages();
  const t = m.training.preview;
  const language = useLanguage();
  const { config, trainCount } = useTraining();
  const stepsPerEpoch = batchesPerEpoch(trainCount, config.training.batchSize, config.training.dropLast);
  const figure = useRef<HTMLElement>(null);
  const near = useNearViewport(figure);
  const { preview, pending, failed } = useLrPreview(
    { scheduler: config.scheduler, lr: config.optimizer.lr, epochs: config.training.epochs, stepsPerEpoch },
    near,
  );
  const number = (v: number) => formatNumber(language, v);
  const length = preview ? (preview.unit === 'step' ? t.steps(preview.total, number(preview.total)) : t.epochs(preview.total, number(preview.total))) : '';
  const shownLength = preview && preview.shown < preview.total ? t.steps(preview.shown, number(preview.shown)) : length;
  return (
    <figure ref={figure} className="lr-preview" aria-busy={pending}>
      <figcaption className="lr-preview-caption">
        <span>{t.title}</span>
        {preview && <span className="lr-preview-range">{t.startEnd(formatRate(preview.first), formatRate(preview.last))}</span>}
      </figcaption>
      {preview ? (
        <>
          <div className={`lr-preview-plot${pending ? ' is-pending' : ''}`}>
            <div className="lr-preview-y" aria-hidden="true">
              <span>{formatRate(preview.peak)}</span>
              <span>0</span>
            </div>
            <svg
              className="lr-preview-svg"
              viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
              preserveAspectRatio="none"
              role="img"
              aria-label={t.description(formatRate(preview.first), formatRate(preview.last), formatRate(preview.peak), length)}
            >
              <line className="lr-preview-axis" x1={0} y1={HEIGHT} x2={WIDTH} y2={HEIGHT} vectorEffect="non-scaling-stroke" />
              <path className="lr-preview-line" d={envelopePath(preview.min, preview.max, preview.peak, WIDTH, HEIGHT)} vectorEffect="non-scaling-stroke" />
              <RunPosition unit={preview.unit} shown={preview.shown} label={t.here} />
            </svg>
            <span aria-hidden="true" />
            <div className="lr-preview-x" aria-hidden="true">
              <span>0</span>
              <span>{preview.unit === 'step' ? t.xStep : t.xEpoch}</span>
              <span>{shownLength}</span>
            </div>
          </div>
          {preview.dependsOnValidation && <p className="training-note">{t.plateau}</p>}
          {preview.shown < preview.total && <p className="training-note">{t.truncated(number(preview.shown), number(preview.total))}</p>}
        </>
      ) : (
        <p className="training-note">{failed ? t.failed : t.computing}</p>
      )}
      {preview && failed && <p className="training-note">{t.failed}</p>}
    </figure>
  );
}

/** A dashed line at the current epoch or step; its own component, so only it redraws as the run moves. */
function RunPosition({ unit, shown, label }: { unit: 'epoch' | 'step'; shown: number; label: string }) {
  const { step, epoch } = useStore(useShallow((s) => ({ step: s.status?.step ?? 0, epoch: s.status?.epoch ?? 0 })));
  const x = positionX(unit === 'step' ? step : epoch, shown, WIDTH);
  if (x === null || (step === 0 && epoch === 0)) return null;
  return (
    <line className="lr-preview-now" x1={x} y1={0} x2={x} y2={HEIGHT} vectorEffect="non-scaling-stroke">
      <title>{label}</title>
    </line>
  );
}
