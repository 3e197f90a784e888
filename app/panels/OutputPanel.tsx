/**
 * What the model predicts. 2-D sets: the decision boundary (or fitted surface) with the training
 * and validation points; 1-D regression: the fitted curve over the data; digits: validation images
 * with the predicted label under each; tables: predicted against actual (regression). Below, for
 * every classification set: the confusion matrix and per-class recall and precision.
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DataPoints } from '../../workers/session';
import { Panel } from '../controls/fields';
import { inTurn } from '../controls/inTurn';
import { useLanguage, useMessages } from '../i18n';
import type { LessonFocus } from '../experiments/presets';
import { useStore } from '../store';
import { displayClassNames } from '../viz/classNames';
import { ClassMetrics, ConfusionMatrix } from '../viz/ConfusionMatrix';
import { CurveChart } from '../viz/CurveChart';
import { DigitGrid } from '../viz/DigitGrid';
import { formatMetric, formatTick } from '../viz/format';
import { outputView, pictureFits } from '../viz/outputView';
import { PlaneCanvas, type PlaneScene } from '../viz/PlaneCanvas';
import { ClassLegend, PlaneFrame, PointSwitches, ValueLegend } from '../viz/PlaneView';
import { fitSummary, symmetricLimit } from '../viz/scale';
import { ScatterChart } from '../viz/ScatterChart';
import { useValidationPredictions } from '../viz/useValidationPredictions';
import '../viz/output.css';

/** Mounted in its turn at load (see inTurn). */
export const OutputPanel = inTurn(OutputPanelContent);

function OutputPanelContent({ focus }: { focus?: LessonFocus }) {
  const m = useMessages().output;
  const evaluation = useStore((s) => s.latestEvaluation);
  const points = useStore((s) => s.points);
  const classNames = useClassNames();
  const classification = points?.task === 'classification';
  const metrics = evaluation?.validation.classification;
  // an evaluation of the previous data set can outlive it by a moment
  const fittingMetrics = metrics && points && metrics.confusion.length === points.classes ? metrics : null;
  // the class-imbalance lesson is about the per-class table: it goes first, where the eye is
  const perClassFirst = focus === 'perClass' && fittingMetrics !== null;

  return (
    <Panel id="output" title={m.title}>
      <div className="output" data-testid="output-panel">
        {perClassFirst && (
          <div className="output-focused">
            <ClassMetrics metrics={fittingMetrics} classNames={classNames} />
          </div>
        )}
        <OutputPicture />
        {points && !classification && outputView(points) !== 'scatter' && <RegressionSummary />}
        {points && classification && !fittingMetrics && <p className="output-note">{m.waiting}</p>}
        {fittingMetrics && (
          <div className="output-metrics">
            <ConfusionMatrix metrics={fittingMetrics} classNames={classNames} />
            {!perClassFirst && <ClassMetrics metrics={fittingMetrics} classNames={classNames} />}
          </div>
        )}
      </div>
    </Panel>
  );
}

function useClassNames(): string[] {
  const m = useMessages().output;
  const points = useStore((s) => s.points);
  return useMemo(
    () => (points && points.task === 'classification' ? displayClassNames(m, points.classNames, points.classes, points.imageShape !== null) : []),
    [m, points],
  );
}

/** What the model predicts, as a picture (boundary, fitted curve, digits, predicted against actual): the panel's top, and an embedded view's output. */
export function OutputPicture() {
  const m = useMessages().output;
  const points = useStore((s) => s.points);
  const view = points ? outputView(points) : null;
  const classNames = useClassNames();
  const predictions = useValidationPredictions(view === 'digits' || view === 'scatter');
  const validationOutputs = predictions && predictions.points === points ? predictions.values : null;
  return (
    <>
      {!points && <p className="output-note output-placeholder">{m.loading}</p>}
      {points && view === 'plane' && <PlaneSection points={points} classNames={classNames} />}
      {points && view === 'curve' && <CurveSection points={points} />}
      {points && view === 'digits' && <DigitGrid points={points} probabilities={validationOutputs} classNames={classNames} />}
      {points && view === 'scatter' && <ScatterSection points={points} predicted={validationOutputs} />}
      {points && view === 'table' && <p className="output-note">{m.tableNote(points.features)}</p>}
    </>
  );
}

/** The plane: reads the picture itself, so its 4 Hz updates re-render only this part. */
function PlaneSection({ points, classNames }: { points: DataPoints; classNames: string[] }) {
  const m = useMessages().output;
  const language = useLanguage();
  const { picture, showTraining, showValidation } = useStore(
    useShallow((s) => ({ picture: s.picture, showTraining: s.showTrainingPoints, showValidation: s.showValidationPoints })),
  );
  const classes = points.task === 'classification';
  const limit = useMemo(() => symmetricLimit(points.train.y, points.validation.y), [points]);
  const fits = pictureFits(picture, points);
  const scene = useMemo<PlaneScene>(
    () => ({
      kind: classes ? 'classes' : 'values',
      grid: fits ? picture.grid : null,
      resolution: fits ? picture.resolution : 0,
      classes: points.classes,
      limit,
      train: showTraining ? points.train : null,
      validation: showValidation ? points.validation : null,
    }),
    [classes, fits, picture, points, limit, showTraining, showValidation],
  );
  const label = classes
    ? m.boundaryLabel(points.train.n, points.validation.n)
    : m.surfaceLabel(points.train.n, points.validation.n, formatTick(language, -limit), formatTick(language, limit));

  return (
    <div className="output-picture">
      <PlaneFrame>
        <PlaneCanvas scene={scene} label={label} />
      </PlaneFrame>
      <PointSwitches />
      {classes ? <ClassLegend classNames={classNames} /> : <ValueLegend limit={limit} />}
      <p className="output-caption">{classes ? m.boundaryCaption : m.surfaceCaption}</p>
    </div>
  );
}

function CurveSection({ points }: { points: DataPoints }) {
  const m = useMessages().output;
  const { picture, showTraining, showValidation } = useStore(
    useShallow((s) => ({ picture: s.picture, showTraining: s.showTrainingPoints, showValidation: s.showValidationPoints })),
  );
  const predictions = pictureFits(picture, points) ? picture.grid : null;
  return (
    <div className="output-picture">
      <CurveChart
        points={points}
        predictions={predictions}
        showTraining={showTraining}
        showValidation={showValidation}
        label={m.curveLabel(points.train.n, points.validation.n)}
        xTitle={m.input}
        yTitle={m.target}
      />
      <PointSwitches />
      <p className="output-caption">{m.curveCaption}</p>
    </div>
  );
}

function ScatterSection({ points, predicted }: { points: DataPoints; predicted: Float32Array | null }) {
  const m = useMessages().output;
  const language = useLanguage();
  const range = useMemo(() => [points.train.y, points.validation.y], [points]);
  // The network learns standardised targets; these numbers are back in the data's own units.
  const fit = predicted ? fitSummary(points.validation.y, predicted) : null;
  return (
    <div className="output-picture">
      <p className="output-note">{m.scatterNote(points.features)}</p>
      {predicted ? (
        <ScatterChart
          actual={points.validation.y}
          predicted={predicted}
          range={range}
          label={m.scatterLabel(points.validation.n)}
          xTitle={m.actual}
          yTitle={m.predicted}
        />
      ) : (
        <div className="scatter-placeholder">
          <p className="output-note">{m.predictionsWaiting}</p>
        </div>
      )}
      <p className="output-caption">{m.scatterCaption}</p>
      {fit && (
        <p className="output-summary" data-testid="regression-summary">
          {m.scatterSummary(formatMetric(language, fit.r2), formatMetric(language, fit.mae))}
        </p>
      )}
    </div>
  );
}

function RegressionSummary() {
  const m = useMessages().output;
  const language = useLanguage();
  const regression = useStore((s) => s.latestEvaluation?.validation.regression);
  if (!regression) return null;
  return (
    <p className="output-summary" data-testid="regression-summary">
      {m.regressionSummary(formatMetric(language, regression.r2), formatMetric(language, regression.mse), formatMetric(language, regression.mae))}
    </p>
  );
}
