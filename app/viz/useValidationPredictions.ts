/**
 * The model's outputs on the validation split, fetched from the worker while the panel needs them:
 * again whenever the history grows or a new evaluation lands, at most twice a second, never two
 * calls at a time. The store is watched outside React, so training does not re-render the panel.
 */
import { useEffect, useState } from 'react';
import type { DataPoints } from '../../workers/session';
import * as training from '../bridge/training';
import { useStore } from '../store';
import { Refresher } from './refresher';

/** Minimum time between two calls to the worker. */
export const PREDICTION_REFRESH_MS = 500;

export interface ValidationPredictions {
  /** the data the predictions are for (the store's `points` when they were asked for) */
  points: DataPoints;
  /** class probabilities (n × classes) or values (n) */
  values: Float32Array;
}

/** Whether `values` has the shape of outputs on `points`' validation split. */
export function fitsPoints(values: Float32Array, points: DataPoints): boolean {
  const width = points.task === 'classification' ? points.classes : 1;
  return points.validation.n > 0 && values.length === points.validation.n * width;
}

export function useValidationPredictions(enabled: boolean): ValidationPredictions | null {
  const [result, setResult] = useState<ValidationPredictions | null>(null);

  useEffect(() => {
    if (!enabled) return;
    let alive = true;
    const refresher = new Refresher(async () => {
      const asked = useStore.getState().points;
      if (!asked) return;
      const values = await training.predictValidation();
      // a run that restarted meanwhile makes these answers belong to other data: drop them
      if (!alive || !values || useStore.getState().points !== asked || !fitsPoints(values, asked)) return;
      setResult({ points: asked, values });
    }, PREDICTION_REFRESH_MS);
    refresher.request();
    const unsubscribe = useStore.subscribe((state, previous) => {
      if (state.historyVersion !== previous.historyVersion || state.latestEvaluation !== previous.latestEvaluation || state.points !== previous.points) {
        refresher.request();
      }
    });
    return () => {
      alive = false;
      unsubscribe();
      refresher.stop();
    };
  }, [enabled]);

  return enabled ? result : null;
}
