/**
 * The playground's data sets: generated 2-D classification and regression sets, the real sets
 * parsed from CSV text, and what is done to them before training (split, standardise, weight,
 * augment). Everything random takes a seeded Generator.
 */
export type { ClassificationData, RegressionData, LabeledData } from './types';
export { selectRows, classCounts, rowsByClass } from './types';
export {
  PLANE_HALF_WIDTH,
  NOISE_SIGMA_AT_ONE,
  MAX_POINTS,
  noiseSigma,
  classSizes,
} from './settings';
export {
  makeCircles,
  makeXor,
  makeBlobs,
  makeSpiral,
  makeMoons,
  blobCentre,
  POINT_SETS,
  CIRCLES_INNER_RADIUS,
  CIRCLES_RING,
  XOR_PADDING,
  BLOB_CENTRE_RADIUS,
  BLOB_SPREAD,
  SPIRAL_TURNS,
} from './classification2d';
export type { PointSetOptions, BlobsOptions, SpiralOptions, PointSetName } from './classification2d';
export {
  makeSine,
  makeStep,
  makePolynomial,
  makePlane,
  makeGaussianBumps,
  sineCurve,
  stepCurve,
  polynomialCurve,
  planeSurface,
  gaussianBumpsSurface,
  GAUSSIAN_BUMPS,
  GAUSSIAN_BUMP_WIDTH,
  REGRESSION_SETS,
} from './regression';
export type { RegressionOptions, RegressionSetName } from './regression';
export {
  parseDigits,
  parseIris,
  parseWine,
  parseBreastCancer,
  parseDiabetes,
  REAL_DATASET_FILES,
  IRIS_FEATURE_NAMES,
  WINE_FEATURE_NAMES,
  BREAST_CANCER_FEATURE_NAMES,
  DIABETES_FEATURE_NAMES,
  DIGIT_IMAGE_SHAPE,
  DIGIT_MAX_PIXEL,
} from './realSets';
export type { RealDatasetName } from './realSets';
export { subsampleToRatio } from './subsample';
export { trainValidationSplit } from './split';
export type { TrainValidationSplit } from './split';
export { Standardizer, standardizeSplit } from './standardize';
export type { StandardizeOptions, StandardizedSplit } from './standardize';
export { balancedClassWeights, sampleWeights } from './weights';
export {
  addJitter,
  addPixelNoise,
  shiftImage,
  randomShifts,
  augmentBatch,
  ONE_PIXEL_SHIFTS,
} from './augment';
export type { AugmentationOptions } from './augment';
