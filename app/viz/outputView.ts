/** Which picture the output panel shows for a data set, and whether a picture fits the data. */
import type { DataPoints } from '../../workers/session';
import type { PlanePicture } from '../store';

export type OutputView =
  /** 2-D sets: decision boundary or fitted surface on the plane */
  | 'plane'
  /** 1-D regression: the fitted curve over the data */
  | 'curve'
  /** image sets: validation images with their predicted labels */
  | 'digits'
  /** regression on a table: predicted against actual */
  | 'scatter'
  /** classification on a table: the confusion matrix is the picture */
  | 'table';

export function outputView(points: Pick<DataPoints, 'features' | 'task' | 'imageShape'>): OutputView {
  if (points.features === 2) return 'plane';
  if (points.features === 1 && points.task === 'regression') return 'curve';
  if (points.imageShape) return 'digits';
  return points.task === 'regression' ? 'scatter' : 'table';
}

/**
 * Whether `picture` holds outputs for these data (a picture of the previous data set can arrive
 * just after the data changed): one row per grid point, one column per class (or one value).
 */
export function pictureFits(picture: PlanePicture | null, points: DataPoints): picture is PlanePicture {
  if (!picture || picture.resolution < 2) return false;
  const channels = points.task === 'classification' ? points.classes : 1;
  const cells = points.features === 2 ? picture.resolution * picture.resolution : picture.resolution;
  return picture.channels === channels && picture.grid.length === cells * channels;
}
