/**
 * Holding out a validation set: the rows the model never trains on, to see whether it learned the
 * pattern or memorised the training rows.
 */
import type { Generator } from '../../random';
import { rowsByClass, selectRows, type LabeledData } from './types';

export interface TrainValidationSplit<D extends LabeledData> {
  train: D;
  validation: D;
  /** Where each part's rows came from: train row k is row `trainIndices[k]` of the original data. */
  trainIndices: Int32Array;
  validationIndices: Int32Array;
}

/**
 * Splits `data` into training and validation rows, at random but reproducibly (seeded).
 *
 * Classification splits each class on its own (stratified, like scikit-learn's
 * `train_test_split(..., stratify=y)`): a class of m rows sends round(m · fraction) of them to
 * validation, so both parts keep the class proportions; every class keeps at least one training
 * row. Regression splits all rows together: round(n · fraction) to validation, at least one row
 * left for training. Both parts come out in random order, as `torch.utils.data.random_split` gives.
 */
export function trainValidationSplit<D extends LabeledData>(
  data: D,
  validationFraction: number,
  generator: Generator,
): TrainValidationSplit<D> {
  if (!(validationFraction >= 0 && validationFraction < 1)) {
    throw new Error(`Validation fraction must be a number from 0 up to (not including) 1; got ${validationFraction}`);
  }
  const groups =
    data.task === 'classification'
      ? rowsByClass(data.y, data.classes)
      : [Int32Array.from({ length: data.n }, (_, i) => i)];
  const train: number[] = [];
  const validation: number[] = [];
  for (const rows of groups) {
    if (rows.length === 0) continue;
    const held = Math.min(rows.length - 1, Math.round(rows.length * validationFraction));
    const order = generator.randperm(rows.length);
    for (let k = 0; k < rows.length; k++) (k < held ? validation : train).push(rows[order[k]]);
  }
  const trainIndices = shuffled(train, generator);
  const validationIndices = shuffled(validation, generator);
  return {
    train: selectRows(data, trainIndices),
    validation: selectRows(data, validationIndices),
    trainIndices,
    validationIndices,
  };
}

/** The values in random order: stratification built them class by class. */
function shuffled(values: number[], generator: Generator): Int32Array {
  const order = generator.randperm(values.length);
  return Int32Array.from(order, (k) => values[k]);
}
