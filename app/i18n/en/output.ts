/** Messages of the output panel: what the model predicts. */
export const output = {
  title: 'Output',
  loading: 'Loading the data…',
  waiting: 'Waiting for the first evaluation…',

  // the input plane (2-D sets)
  boundaryCaption: 'Decision boundary: each region takes the colour of the class the network predicts there, paler where it is unsure.',
  boundaryLabel: (train: number, validation: number) =>
    `Decision boundary over the input plane, x₁ and x₂ from −1 to 1. Each region has the colour of the class the network predicts there, paler where it is unsure. Shown on top: ${train} training points (filled dots) and ${validation} validation points (rings).`,
  surfaceCaption: 'Fitted surface: the colour is the value the network predicts; dots are coloured by their true value on the same scale, so a good fit hides them.',
  surfaceLabel: (train: number, validation: number, low: string, high: string) =>
    `Fitted surface over the input plane, x₁ and x₂ from −1 to 1, coloured from blue (${low}) through white (0) to orange (${high}) by the predicted value. Shown on top: ${train} training points (filled dots) and ${validation} validation points (rings), coloured by their true value.`,
  valueScale: 'Value',
  valueScaleLabel: (low: string, high: string) => `Colour scale: blue is ${low}, white is 0, orange is ${high}.`,
  trainingPoints: 'Training points',
  trainingPointsTip: 'Filled dots: the examples the network learns from.',
  validationPoints: 'Validation points',
  validationPointsTip: 'Rings: held-out examples the network never trains on. If the picture fits the dots but misses the rings, it is overfitting.',
  classLegend: 'Classes',
  className: (index: number) => `Class ${index}`,
  /** real data sets' own class names, by the name in the file */
  classNames: {
    setosa: 'Setosa',
    versicolor: 'Versicolor',
    virginica: 'Virginica',
    malignant: 'Malignant',
    benign: 'Benign',
  } as Record<string, string>,

  // 1-D regression
  curveLabel: (train: number, validation: number) =>
    `The fitted curve: the network's prediction for every x from −1 to 1, drawn as a line over ${train} training points (dots) and ${validation} validation points (rings).`,
  curveCaption: 'The line is what the network predicts for each x; dots are training data, rings validation data.',
  input: 'x',
  target: 'y',

  // tables
  tableNote: (features: number) =>
    `This data set has ${features} input features, too many to draw as a picture; the table shows how the network does on the validation set.`,
  scatterNote: (features: number) =>
    `This data set has ${features} input features, too many to draw as a picture; the chart compares each validation prediction with the true value.`,
  scatterSummary: (r2: string, mae: string) => `Validation: R² ${r2} · mean absolute error ${mae} (in the target’s own units)`,
  scatterLabel: (n: number) =>
    `Predicted against actual value for ${n} validation examples; points on the diagonal line are predicted exactly.`,
  scatterCaption: 'Each ring is one validation example: its true value across, the prediction up. On the dashed line y = x the prediction is exact.',
  actual: 'Actual value',
  predicted: 'Predicted value',
  regressionSummary: (r2: string, mse: string, mae: string) => `Validation: R² ${r2} · MSE ${mse} · MAE ${mae}`,

  // digits
  digitsCaption: (shown: number, total: number) => `The first ${shown} of ${total} validation images, with the network's answer under each.`,
  digitsMistakesCaption: (shown: number, total: number) => `${shown} of the ${total} validation images the network gets wrong.`,
  digitsMistakes: (wrong: number, total: number) => `${wrong} of ${total} validation images wrong`,
  digitsNoMistakes: 'No mistakes on the validation images.',
  onlyMistakes: 'Only mistakes',
  onlyMistakesTip: 'Show only the validation images the network gets wrong, to see which digits it confuses.',
  digitCorrect: (index: number, label: string, confidence: string) => `Validation image ${index}: a ${label}, predicted ${label} (${confidence} sure).`,
  digitMistake: (index: number, truth: string, predicted: string, confidence: string) =>
    `Validation image ${index}: a ${truth}, predicted ${predicted} (${confidence} sure) — a mistake.`,
  mistakeKey: 'Red frame: a mistake, written true → predicted.',
  predictionsWaiting: 'Waiting for the network’s predictions…',

  // confusion matrix and per-class metrics
  confusionTitle: 'Confusion matrix',
  confusionTip: 'Rows are the true class, columns what the network predicted, counted on the validation set. The diagonal is right; everything off it is a mistake. Shading shows each row’s share.',
  confusionCaption: 'Validation set: rows are the true class, columns the predicted class.',
  trueClass: 'True',
  predictedClass: 'Predicted',
  cellTitle: (truth: string, predicted: string, count: number, share: string) =>
    `True ${truth}, predicted ${predicted}: ${count} (${share} of ${truth})`,
  accuracy: (value: string, n: number) => `Validation accuracy ${value} on ${n} examples`,
  perClassTitle: 'Per class',
  perClassTip: 'Recall: of the validation examples of a class, the share the network gets right. Precision: of the examples it calls that class, the share that really are. With imbalanced classes, watch the rare class’s recall: class weights or a weighted sampler should raise it.',
  classColumn: 'Class',
  support: 'Count',
  supportTip: 'Validation examples of this class: a small count means a rare class.',
  recall: 'Recall',
  precision: 'Precision',
};
