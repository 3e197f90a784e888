import type { Messages } from '../en';

export const output: Messages['output'] = {
  title: '输出',
  loading: '正在加载数据…',
  waiting: '等待第一次评估…',

  boundaryCaption: '决策边界：每个区域的颜色是网络在那里预测的类别，颜色越浅表示越没把握。',
  boundaryLabel: (train: number, validation: number) =>
    `输入平面上的决策边界，x₁ 和 x₂ 都从 −1 到 1。每个区域的颜色是网络在那里预测的类别，颜色越浅表示越没把握。上面画着 ${train} 个训练点（实心圆点）和 ${validation} 个验证点（空心圆环）。`,
  surfaceCaption: '拟合曲面：颜色表示网络预测的值；数据点按真实值用同一色标着色，拟合得好时点就和背景融为一体。',
  surfaceLabel: (train: number, validation: number, low: string, high: string) =>
    `输入平面上的拟合曲面，x₁ 和 x₂ 都从 −1 到 1，按预测值着色：蓝色（${low}）经白色（0）到橙色（${high}）。上面画着 ${train} 个训练点（实心圆点）和 ${validation} 个验证点（空心圆环），按真实值着色。`,
  valueScale: '数值',
  valueScaleLabel: (low: string, high: string) => `色标：蓝色为 ${low}，白色为 0，橙色为 ${high}。`,
  trainingPoints: '训练点',
  trainingPointsTip: '实心圆点：网络用来学习的样本。',
  validationPoints: '验证点',
  validationPointsTip: '空心圆环：留出的样本，网络从不在上面训练。如果图像贴合圆点却错过圆环，就是过拟合了。',
  classLegend: '类别',
  className: (index: number) => `类别 ${index}`,
  classNames: {
    setosa: '山鸢尾',
    versicolor: '变色鸢尾',
    virginica: '维吉尼亚鸢尾',
    malignant: '恶性',
    benign: '良性',
  },

  curveLabel: (train: number, validation: number) =>
    `拟合曲线：网络对 −1 到 1 之间每个 x 的预测，画成一条线，下面是 ${train} 个训练点（圆点）和 ${validation} 个验证点（圆环）。`,
  curveCaption: '这条线是网络对每个 x 的预测；圆点是训练数据，圆环是验证数据。',
  input: 'x',
  target: 'y',

  tableNote: (features: number) => `这个数据集有 ${features} 个输入特征，无法画成一张图；下面的表格展示网络在验证集上的表现。`,
  scatterNote: (features: number) => `这个数据集有 ${features} 个输入特征，无法画成一张图；下面的图把每个验证样本的预测值和真实值放在一起比较。`,
  scatterSummary: (r2: string, mae: string) => `验证集：R² ${r2} · 平均绝对误差 ${mae}（目标值的原始单位）`,
  scatterLabel: (n: number) => `${n} 个验证样本的预测值与真实值对比；落在对角线上的点预测完全准确。`,
  scatterCaption: '每个圆环是一个验证样本：横轴是真实值，纵轴是预测值。落在虚线 y = x 上表示预测准确。',
  actual: '真实值',
  predicted: '预测值',
  regressionSummary: (r2: string, mse: string, mae: string) => `验证集：R² ${r2} · MSE ${mse} · MAE ${mae}`,

  digitsCaption: (shown: number, total: number) => `${total} 张验证图片中的前 ${shown} 张，每张下面是网络的回答。`,
  digitsMistakesCaption: (shown: number, total: number) => `${total} 张验证图片中网络认错的 ${shown} 张。`,
  digitsMistakes: (wrong: number, total: number) => `${total} 张验证图片中认错 ${wrong} 张`,
  digitsNoMistakes: '验证图片全部认对。',
  onlyMistakes: '只看错误',
  onlyMistakesTip: '只显示网络认错的验证图片，看看它把哪些数字搞混了。',
  digitCorrect: (index: number, label: string, confidence: string) => `第 ${index} 张验证图片：数字 ${label}，预测为 ${label}（把握 ${confidence}）。`,
  digitMistake: (index: number, truth: string, predicted: string, confidence: string) =>
    `第 ${index} 张验证图片：数字 ${truth}，预测为 ${predicted}（把握 ${confidence}）——认错了。`,
  mistakeKey: '红框表示认错，写作“真实 → 预测”。',
  predictionsWaiting: '等待网络的预测…',

  confusionTitle: '混淆矩阵',
  confusionTip: '行是真实类别，列是网络预测的类别，在验证集上计数。对角线上是预测正确的，其余都是错误。底色深浅表示在该行中所占的比例。',
  confusionCaption: '验证集：行是真实类别，列是预测类别。',
  trueClass: '真实',
  predictedClass: '预测',
  cellTitle: (truth: string, predicted: string, count: number, share: string) => `真实为${truth}，预测为${predicted}：${count} 个（占${truth}的 ${share}）`,
  accuracy: (value: string, n: number) => `验证集准确率 ${value}（共 ${n} 个样本）`,
  perClassTitle: '各类别',
  perClassTip: '召回率：某个类别的验证样本中，被网络认对的比例。精确率：网络判为该类别的样本中，确实属于该类别的比例。类别不平衡时，留意少数类别的召回率：类别权重或加权采样应该会让它上升。',
  classColumn: '类别',
  support: '数量',
  supportTip: '这个类别的验证样本数：数量小说明是少数类别。',
  recall: '召回率',
  precision: '精确率',
};
