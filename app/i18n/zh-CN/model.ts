import type { Messages } from '../en';

export const model: Messages['model'] = {
  title: '模型',

  diagramLabel: (shape: string) => `网络结构图：${shape}`,
  shapeInputs: (n: number, names: string) => (names ? `${n} 个输入（${names}）` : `${n} 个输入`),
  shapeOutputs: (n: number, names: string) => (names ? `${n} 个输出（${names}）` : `${n} 个输出`),
  inputsHeader: (n: number) => `${n} 个输入`,
  outputsHeader: (n: number, classification: boolean) => (classification ? `${n} 个类别` : '输出'),
  layerHeader: (n: number) => `第 ${n} 层`,
  prediction: 'ŷ',
  notDrawn: (n: number) => `还有 ${n} 个神经元没有画出`,
  neuron: (layer: number, unit: number) => `隐藏层 ${layer} 的第 ${unit} 个神经元`,

  addLayer: '隐藏层',
  addLayerLabel: '增加一个隐藏层',
  removeLayer: '隐藏层',
  removeLayerLabel: '删除最后一个隐藏层',
  layerCount: (n: number) => (n === 0 ? '没有隐藏层：线性模型' : `${n} 个隐藏层`),
  layersName: '隐藏层',
  layersTip:
    '每个隐藏层是一个 nn.Linear 加上激活函数。没有隐藏层时模型是线性的，只能画出一条直线边界。层数越多、越宽，能拟合的形状越复杂，但训练更慢，也更容易过拟合。修改层会重新开始训练。',
  widthLabel: (layer: number) => `隐藏层 ${layer} 的神经元个数`,
  widen: (layer: number, to: number) => `把隐藏层 ${layer} 加宽到 ${to} 个神经元`,
  narrow: (layer: number, to: number) => `把隐藏层 ${layer} 减窄到 ${to} 个神经元`,
  widthError: (min: number, max: number) => `每层的神经元个数是 ${min} 到 ${max} 之间的整数。`,
  restarts: '修改此项会重新开始训练。',
  restartsAfter: (what: string) => `${what}。修改此项会重新开始训练。`,

  legendPositive: '正权重',
  legendNegative: '负权重（虚线）',
  legendWidth: (largest: string) => `线越粗，|w| 越大（最粗的是 ${largest}）`,
  legendAllZero: '所有权重都是 0',
  legendBroken: '有些权重已经不是数（NaN）：训练发散了',
  legendWaiting: '开始训练后显示权重',
  legendPictures: '每个神经元里的小图：它在输入平面上的输出（横轴 x₁，纵轴 x₂）——蓝色为正，橙色为负，浅色接近 0。',
  legendHover: '把鼠标移到隐藏层的神经元上（或用 Tab 键选中）可以看大图。',
  legendMore: '很宽的层只画出开头和结尾的神经元；顶部的数字是这一层实际的宽度。',

  statsTitle: '每层统计',
  statsKey: '每层下方：μ 均值 · σ 标准差 · 死亡：对每个样本都输出 0 的神经元比例',
  statsTip:
    '在最近一次评估时于验证集上测得：μ 是这一层输出的均值，σ 是输出的离散程度（标准差），“死亡”是对每个样本都输出 0 的神经元所占比例——这些“死掉”的 ReLU 不再学习。健康的情况：σ 大约在 0.1 到几之间，死亡的神经元很少。σ 达到几百说明输出爆炸；σ 接近 0 说明信号在逐层消失。',
  statMean: 'μ',
  statStd: 'σ',
  statDead: '死亡',
  statsPending: '第一次评估后显示',
  statsWaiting: (layer: number) => `隐藏层 ${layer}：第一次评估后显示统计数据。`,
  statsNone: '恒等激活没有激活值统计。',
  statsSentence: (layer: number, mean: string, std: string, dead: string) =>
    `隐藏层 ${layer} 在验证集上：均值 ${mean}，标准差 ${std}，${dead} 的神经元已死亡。`,
  warnDead: (layer: number, share: string) =>
    `第 ${layer} 层：${share} 的神经元已经“死亡”——对每个样本都输出 0，不再学习。调小学习率、改用 Leaky ReLU 或 He 初始化会有帮助。`,
  warnExploding: (layer: number, std: string) =>
    `第 ${layer} 层：输出爆炸（σ ${std}）。初始权重太大了：试试 PyTorch 默认、He 或 Xavier 初始化，或者打开批归一化。`,
  warnFading: (layer: number, std: string) =>
    `第 ${layer} 层：信号逐层消失（σ ${std}）。初始权重太小，几乎传不到输出，学习停滞。`,

  tipRange: (min: string, max: string) => `在平面上的输出：${min} 到 ${max}`,
  tipFlat: '在整个平面上都输出 0。',
  tipBias: (bias: string) => `偏置：${bias}`,
  tipAxes: '横轴 x₁，纵轴 x₂',
  tipCurveAxes: '横轴 x：从 −1（左）到 1（右）',
  tipCurveRange: (min: string, max: string) => `随 x 变化的输出：${min} 到 ${max}`,
  tipCurveFlat: '对每个 x 都输出 0。',
  tipNoPlane: '只有一维和二维数据集才会画出神经元算出的结果。',
  tipWaiting: '正在等待网络……',

  settingsLabel: '层的设置',
  checkpoint: {
    title: '保存这个模型',
    hint: '“保存模型”会写出一个 .json 文件：设置、权重、优化器状态和步数。以后（在这里或另一台电脑上）载入它，训练就从那里继续。不会上传任何东西：文件只留在你的电脑上。',
    save: '保存模型',
    saveTip: '把模型的当前状态（权重、优化器状态、学习率调度、步数）下载为 .json 检查点。',
    load: '载入模型……',
    loadTip: '从“保存模型”写出的 .json 检查点继续：它的设置、权重和步数替换本次运行（本次运行保留在运行表中）。',
    python: '在 PyTorch 中：导出的程序读取同一个文件（见 evaluate 之后的 CHECKPOINT 几行）。',
    loaded: (step: number) => `已载入在第 ${step} 步保存的模型：设置和权重已就位，运行停在那里。点击“播放”继续训练。`,
    notSaved: (key: string) => `模型没有保存：权重已经不再是数字（${key} 中有 NaN 或 ∞；运行发散了），没有可保存的内容。请重置运行或调低学习率，然后再保存。`,
    refused: (why: string) => `无法载入这个文件，运行保持原样。${why}`,
  },
  noHiddenNote: '激活函数、丢弃率和批归一化都作用在隐藏层上；线性模型没有隐藏层。',
  activation: '激活函数',
  activationTip:
    '每个隐藏层之后的非线性函数。ReLU 最常用；留意每层下方的“死亡”比例——对所有输入都输出 0 的 ReLU 神经元已经不再学习（Leaky ReLU、ELU、GELU 和 SiLU 不会这样死掉）。Tanh 和 Sigmoid 在输入很大时会饱和变平，深层网络里梯度会消失。选恒等（Identity）时整个网络只是一个线性映射，只能画出直线边界。',
  activations: {
    relu: 'ReLU',
    leakyRelu: 'Leaky ReLU',
    elu: 'ELU',
    gelu: 'GELU',
    silu: 'SiLU',
    tanh: 'Tanh',
    sigmoid: 'Sigmoid',
    identity: '恒等（线性）',
  },
  dropout: '丢弃率 p（Dropout）',
  dropoutTip:
    '训练时每个隐藏神经元以概率 p 被置为 0（其余的乘以 1/(1−p)），网络就不能只依赖某一个神经元。它能缓解过拟合：留意训练损失和验证损失之间的差距缩小。p 太大时连训练数据都拟合不好。修改后立即生效，不会重新开始。',
  dropoutError: '丢弃率 p 是 0 到 1 之间的数（不含 1）。',
  init: '初始化',
  initTip:
    '权重的初始值。PyTorch 默认适合大多数网络；He（Kaiming）为 ReLU 设计，Xavier（Glorot）适合 Tanh 和 Sigmoid。全零：同一层的每个神经元学到的都一样——对称性永远打不破。标准差很大的正态分布（试试 10）：输出爆炸，损失一开始就很大。',
  inits: {
    default: '默认（PyTorch 的 nn.Linear）',
    kaimingUniform: 'Kaiming 均匀分布（He）',
    kaimingNormal: 'Kaiming 正态分布（He）',
    xavierUniform: 'Xavier 均匀分布（Glorot）',
    xavierNormal: 'Xavier 正态分布（Glorot）',
    zeros: '全零',
    normal: '正态分布（自选标准差）',
  },
  initStd: '初始权重标准差',
  initStdTip: '初始权重的标准差。试试 0.001：信号逐层消失，学习停滞。试试 10：输出爆炸，损失一开始就很大。留意每层下方的 σ。',
  initStdError: '标准差必须大于 0，最大为 100。',
  batchNorm: '批归一化',
  batchNormTip:
    '在激活函数之前，把每个隐藏层的输出按批次归一化（nn.BatchNorm1d），使均值接近 0、标准差接近 1。它常常让更大的学习率也能正常训练，还能挽救糟糕的初始化。',
};
