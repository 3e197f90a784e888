/** 生成程序里的全部注释（简体中文）。类型取自英文表，少一条注释就无法通过编译。 */
import type { DatasetName } from '../../engine/train/config';
import type { Comments } from './comments.en';

export const COMMENTS_ZH_CN: Comments = {
  header: {
    title:
      'Training Playground（训练演练场）：本实验对应的 PyTorch 程序。\n' +
      '数据、模型、损失函数、优化器、学习率调度和训练循环都与演练场中的完全一致。\n' +
      '只需 Python 3、PyTorch 和 NumPy：pip install torch numpy',
    run: (file) => `运行：python ${file}`,
    notebook: '从上到下依次运行各个单元格（全部运行）。',
    files: (files) => `它从脚本所在的文件夹读取 ${files.join(' 和 ')}：请在演练场代码旁下载。`,
  },
  sections: {
    setup: '导入与随机种子',
    random: '与演练场相同的随机数',
    data: (dataset: DatasetName) => `数据集：${dataset}`,
    loader: '小批量：DataLoader',
    model: '模型',
    init: '权重初始化',
    loss: '损失函数',
    optimizer: '优化器',
    scheduler: '学习率调度',
    evaluate: '评估',
    training: '训练循环',
    result: '结果',
  },
  setup: {
    seed:
      '训练种子决定 PyTorch 的随机数：初始权重、批次顺序和 dropout 掩码。\n' +
      'PyTorch 的随机数生成器与演练场的不同，所以初始权重不一样，曲线会和页面上略有出入；\n' +
      '而下面的数据与演练场逐点相同。',
  },
  random: {
    intro:
      '演练场随机数生成器的 Python 移植（xoshiro128**，由 splitmix32 播种），\n' +
      '这样脚本抽到的点、划分出的训练集和验证集都与页面上完全相同。\n' +
      'Python 的整数不会溢出，所以每一步 32 位运算都要用 & MASK 截断。',
    normal: 'Box–Muller 变换：一次得到两个正态随机数，第二个留给下一次调用',
    randint: '[0, n) 上的均匀整数，没有取模偏差',
    randperm: '0 … n-1 的随机排列（Fisher–Yates 洗牌）',
    f32: '演练场把每个数存成 32 位浮点数；这里用同样的方式舍入，数值才会完全一致。',
    round: '即 JavaScript 的 Math.round（Python 的 round() 会把 .5 舍入到偶数）。',
  },
  data: {
    about: {
      circles: '圆盘套圆环：类别 0 是圆盘（半径 ≤ 0.5），类别 1 是圆环（半径 0.7 … 1）。',
      xor: '异或：x1 与 x2 同号为类别 0，异号为类别 1。',
      blobs: '高斯团簇：每个团簇一个类别，中心均匀分布在一个圆上。',
      spiral: '相互交错的螺旋臂，每条臂一个类别：一条直线无法把它们分开。',
      moons: '两个相互咬合的半圆（类似 scikit-learn 的 make_moons）。',
      sine: '要拟合的曲线：y = sin(πx)，x 在 [-1, 1] 上均匀分布，噪声加在 y 上。',
      step: '要拟合的曲线：在 x = 0 处从 -1 跳到 +1，噪声加在 y 上。',
      polynomial: '要拟合的曲线：y = 4x³ - 3x，x 在 [-1, 1] 上均匀分布，噪声加在 y 上。',
      plane: '要拟合的曲面：倾斜平面 y = (x1 + x2) / 2，噪声加在 y 上。',
      bumps: '要拟合的曲面：六个正负交替的高斯鼓包，噪声加在 y 上。',
      digits: '手写数字：1797 张 8 × 8 的灰度图（灰度 0 … 16），共十类。',
      iris: 'Fisher 鸢尾花：150 行，4 项以厘米计的测量值，3 个品种。',
      wine: '三个品种的葡萄酒：178 行，13 项化学测量值。',
      breastCancer: '乳腺癌诊断：569 行，30 项细胞核测量值；0 为恶性，1 为良性。',
      diabetes: '糖尿病：442 位患者，10 项测量值；目标值是一年后的病情进展。',
      custom: '你自己的表格，从它的 CSV 文件读取：除目标列外，每一列都是特征。',
    },
    sameAsPlayground: '算法、设置和种子都与演练场的生成器相同，所以生成的点完全一样。',
    sameSplit: '与演练场相同的数据行、相同的训练/验证划分（种子相同）。',
    seed: '决定抽到哪些点、如何划分',
    points: '划分前的点数',
    noise: 'σ = 0.25 × 噪声，在正方形 [-1, 1]² 中',
    classes: '类别数',
    imbalance: '最大类 : 最小类',
    validationFraction: '留作验证集的比例',
    classSizes:
      '每个类别的点数：份额 ∝ ratio^(-c/(classes-1))，第一类是最后一类的 ratio 倍；\n' +
      '按最大余数法取整，使总数正好为 n。',
    pointSet:
      '逐类生成无噪声的形状，再给每个坐标加高斯噪声，最后打乱顺序\n' +
      '（按类别排好序的数据，若加载时不打乱，会教给模型错误的东西）。',
    shape: {
      circles: '类别 0：半径在 [0, 0.5] 上均匀；类别 1：半径在 [0.7, 1] 上均匀；角度均匀。',
      xor: '|x1|、|x2| 在 [0.05, 1] 上均匀；类别 0 两者同号，类别 1 异号。',
      blobs: '中心位于半径 0.7 的圆上，第一个在 45°；加噪声之前的散布为 0.08。',
      spiral: '第 c 条臂上 m 个点中的第 i 个：半径 t = i/m，角度 2π(1.75·t + c/臂数)。',
      moons: 'make_moons 的两个半圆，平移并缩放到 [-1, 1] × [-0.5, 0.5]。',
      sine: 'y = sin(πx)',
      step: '0 左侧 y = -1，从 0 起 y = +1：对 ReLU 很容易，对平滑的激活函数很难',
      polynomial: 'y = 4x³ - 3x：有两个拐弯',
      plane: 'y = (x1 + x2) / 2',
      bumps: '六个高斯鼓包（σ = 0.25），高度 ±1，排成 3 × 2 的网格。',
    },
    curveSet: '先生成输入，再算出目标值，最后给目标值加噪声（σ = 0.25 × 噪声）。',
    surfaceSet: '先生成输入 (x1, x2)，再算出目标值，最后给目标值加噪声（σ = 0.25 × 噪声）。',
    embedded: (rows) =>
      `这个数据集很小（${rows} 行），所以直接放在脚本里：就是演练场的 CSV，原样不动。\n` +
      '第一行是行数、特征数和各类别名；其后每行是特征和类别。',
    userTable: (file, target) =>
      `你的表格：把它保存为本脚本旁边的 ${file}（若用 notebook，则放在它运行的文件夹里）。\n` +
      `“${target}”列是目标；其余每一列都是特征，按数字读取。`,
    download: (files) =>
      `演练场的数据文件 ${files.join(' 和 ')}：请在演练场代码旁下载，\n` +
      '保存在本脚本旁边（若用 notebook，则放在它运行的文件夹里）。',
    noSubsample: '类别不平衡为 1：保留所有行（比例更大时，会删去较小类别的部分行）。',
    subsample:
      '类别不平衡：随机删去一些行，直到最大类的行数是最小类的 IMBALANCE 倍——\n' +
      '与演练场的子采样相同，用的也是相同的随机数。',
    splitStratified:
      '留出验证集：每个类别把 round(行数 × 比例) 行分给验证集，\n' +
      '两部分都保持原来的类别比例（分层抽样）；然后分别打乱顺序。',
    split: '留出验证集：随机取 round(n × 比例) 行，模型训练时从不见到它们。',
    noScaling: '生成的数据本来就在 [-1, 1] 之间：不做缩放，模型看到的坐标就是图上的坐标。',
    digitsScaling:
      '灰度 0 … 16 变为 0 … 1。所有像素共用一个尺度，所以除以 16 而不是逐像素标准化\n' +
      '（那样会把几乎全白的边缘像素放大成噪声）。',
    standardise:
      '只用训练集的均值和标准差把每一列标准化：\n' +
      '若用全部数据的统计量，验证集的信息就会泄漏进训练。恒定不变的列保持原样。',
    standardiseTarget: '目标值也标准化：损失的单位因此是（目标值的标准差）²，与演练场一致。',
    tensors: '输入转为 float32 张量，类别转为 int64（CrossEntropyLoss 需要的类型）。',
    regressionShape: '目标值排成一列：模型输出的形状是 (n, 1)，MSELoss 要求形状相同。',
    check: 'PLAYGROUND_CHECK_DATA=1 时打印前几行并退出：演练场的测试会拿它们和自己的数据比对。',
  },
  loader: {
    batchSize: '批大小：每次优化器更新用多少个样本。批越小，更新越频繁、噪声越大；批越大，更新越平稳、次数越少。',
    epochs: '一个 epoch 就是把训练集完整过一遍。',
    shuffle: 'shuffle=True：每个 epoch 重新随机排序，批次不会一成不变。',
    noShuffle: 'shuffle=False：每个 epoch 顺序相同（生成的数据在抽取时已打乱过一次）。',
    dropLast: 'drop_last=True：跳过每个 epoch 最后那个不满的批次。',
    weightedSampler:
      'WeightedRandomSampler：每行被抽中的概率 ∝ 1 / 该类的行数（有放回），\n' +
      '这样少数类和多数类出现得一样频繁。（使用 sampler 时不能再设 shuffle。）',
    noAugmentation: '不做数据增强：每个 epoch 看到的训练数据都原样不变。',
    jitter: '数据增强（抖动）：每个批次的每个输入都加上新的高斯噪声，模型就无法死记精确的数值。',
    shift:
      '数据增强（平移）：每张图随机上、下、左、右移动一个像素或保持不动（各 1/5 概率），\n' +
      '边缘移入空白像素；再加像素噪声，并截断到 0 … 1。',
  },
  model: {
    layers: '每个隐藏层：Linear → [BatchNorm1d] → 激活函数 → [Dropout]，最后一个 Linear 通向输出——\n与演练场的层顺序相同。',
    linear: '没有隐藏层：这是线性模型，只能画出直线的分界。',
    noDropout: 'Dropout p = 0：不加 dropout 层（加了也只是原样通过）。',
    logits: (n) => `${n} 个 logit，每类一个（CrossEntropyLoss 内部会做 softmax）`,
    prediction: '预测值',
  },
  init: {
    torchRandom: '这些权重来自 PyTorch 的随机数：方法与演练场相同，具体数值不同。',
    default: "'default'：nn.Linear 自行初始化（a = √5 的 kaiming_uniform_，偏置取自 U(±1/√fan_in)）。",
    about: {
      kaimingUniform: 'Kaiming（He）均匀初始化：让信号经过 ReLU 类的层时大小不变。偏置从 0 开始。',
      kaimingNormal: 'Kaiming（He）正态初始化：让信号经过 ReLU 类的层时大小不变。偏置从 0 开始。',
      xavierUniform: 'Xavier（Glorot）均匀初始化：让信号经过 tanh/sigmoid 层时大小不变。偏置从 0 开始。',
      xavierNormal: 'Xavier（Glorot）正态初始化：让信号经过 tanh/sigmoid 层时大小不变。偏置从 0 开始。',
      zeros: '权重全为零：同一层的每个神经元算的都一样、更新也一样——它们永远无法分化。',
      normal: '固定标准差的正态初始化：太小则信号逐层衰减，太大则信号爆炸或饱和。',
    },
  },
  loss: {
    crossEntropy: '交叉熵：模型给真实类别的概率（logit 的 softmax）取 −log。',
    noWeights: '每个类别同等重要（不设类别权重）。',
    balanced:
      "'balanced' 类别权重：n / (类别数 × 该类行数)，在训练集上统计，\n" +
      '这样少数类对损失的贡献与多数类一样多。',
    explicitWeights: '类别权重：每个类别犯错时在损失中占多大分量。',
    labelSmoothing: (value) => `标签平滑 ${value}：真实类别的目标概率略低于 100 %，防止模型变得过度自信。`,
    mseRegression: '均方误差：(预测值 − 目标值)² 的平均。',
    mseOnClasses:
      '在类别上用 MSE：目标变成独热向量，如 [0, 1, 0]。它能学，但学得慢：模型错得很自信时，\n' +
      '平方误差给出的梯度很小；而交叉熵（分类的常规选择）会重罚自信的错误，学得更快。',
  },
  optimizer: {
    about: {
      sgd: 'SGD：沿梯度朴素地走一步，步长为 lr × 梯度（加动量时，是历次步伐的滑动平均）。',
      adam: 'Adam：每个权重各走各的步，按梯度及其平方的滑动平均来缩放。',
      adamw: 'AdamW：权重衰减直接作用于权重、与梯度分开的 Adam。',
      rmsprop: 'RMSprop：每一步除以梯度平方的滑动平均。',
      adagrad: 'Adagrad：每一步除以迄今所有梯度平方和的平方根，所以步子越走越小。',
    },
    argument: {
      lr: '学习率：步子太大，损失会来回震荡甚至发散；太小则学得很慢。',
      momentum: '动量：上一步有多少延续到下一步；能更快地穿过平坦的谷底。',
      dampening: '阻尼：每个新梯度只以 (1 − dampening) 计入动量。',
      nesterov: 'Nesterov：先沿动量方向往前看一步，再计算梯度。',
      weightDecay: '权重衰减：给每个梯度加上 该值 × 权重（L2 惩罚），让权重保持较小。',
      weightDecayDecoupled: '权重衰减：每一步把每个权重缩小一点，与梯度那一步分开进行。',
      betas: 'Betas：梯度（β1）及其平方（β2）的滑动平均遗忘得有多慢。',
      eps: 'Eps：分母里的一个极小数，保证永远不会除以零。',
      amsgrad: 'AMSGrad：使用迄今最大的梯度平方平均，步长因此不会再变大。',
      alpha: 'Alpha：梯度平方的滑动平均遗忘得有多慢。',
      centered: 'Centered：除以梯度的方差，而不是梯度平方的均值。',
      lrDecay: '学习率衰减：第 t 步的步长为 lr / (1 + (t − 1) × lr_decay)。',
      initialAccumulatorValue: '累加器初值：梯度平方和的起始值；越大，最初几步越小。',
    },
  },
  scheduler: {
    none: '不使用学习率调度：整个训练过程中学习率保持不变。',
    about: {
      stepLR: 'StepLR：每隔 step_size 次调度，学习率乘以 gamma。',
      multiStepLR: 'MultiStepLR：每到一个里程碑，学习率乘以 gamma。',
      exponentialLR: 'ExponentialLR：每次调度，学习率都乘以 gamma。',
      cosineAnnealingLR: 'CosineAnnealingLR：学习率在 T_max 次调度内沿半个余弦降到 eta_min。',
      linearLR: 'LinearLR：学习率从 start_factor × lr 沿直线变到 end_factor × lr。',
      oneCycleLR:
        'OneCycleLR：在整个训练过程中，学习率先从 max_lr / div_factor 升到 max_lr，\n' +
        '再退火到远低于起点（它取代优化器的 lr）。',
      cyclicLR: 'CyclicLR：学习率在 base_lr 与 max_lr 之间来回升降（它取代优化器的 lr）。',
      reduceLROnPlateau:
        'ReduceLROnPlateau：验证损失连续 patience 个 epoch 没有改善时，把学习率乘以 factor。\n' +
        '它要读取验证损失，所以在每次评估之后调用。',
    },
    everyStep: '这个调度每个批次之后都走一步：scheduler.step() 放在内层循环里。',
    everyEpoch: '这个调度每个 epoch 走一步：scheduler.step() 放在评估之后。',
    noMomentumToCycle: '这个优化器没有可循环的动量（momentum 为 0），所以演练场也不循环它。',
    oldTorchCyclic: 'PyTorch 2.3 之前，CyclicLR 不能循环 Adam 的 β1（演练场可以）：此时只循环学习率。',
    warmupEpochs: (n) => `预热：前 ${n} 个 epoch 内，学习率从 1 % 线性升到 100 %，\n之后交给下面的调度（由 SequentialLR 串联）。`,
    warmupSteps: (n) => `预热：前 ${n} 个批次内，学习率从 1 % 线性升到 100 %，\n之后交给下面的调度（由 SequentialLR 串联）。`,
  },
  loop: {
    checkpoint: (file: string): string =>
      '演练场保存的权重（“保存模型”写出的 .json 检查点）：要从这些权重开始（优化器重新开始），\n' +
      `运行  PLAYGROUND_CHECKPOINT=training-playground-….json python ${file}\n` +
      '或把 os.environ.get(...) 换成文件名。',
    evaluate:
      '在整个数据划分上计算损失和准确率（回归则为 R²），与演练场每个 epoch 后度量验证集的方式相同：\n' +
      'eval 模式（关闭 dropout，批归一化使用滑动平均）且不构建计算图（torch.no_grad）。',
    r2: 'R² = 1 − 平方误差 / 目标值的离散程度：0 表示不比均值强，1 表示完美。',
    maxNorm: '梯度裁剪：所有梯度的总长度超过 MAX_NORM 时，把它们一起按比例缩小。',
    noEarlyStopping: '早停已关闭：训练会跑满 EPOCHS 个 epoch。',
    earlyStopping: '早停：验证损失连续 PATIENCE 个 epoch 没有改善超过 MIN_DELTA 就停止，\n并保存最佳 epoch 的权重副本。',
    zeroGrad: 'PyTorch 会把新梯度累加到 .grad 上：先清掉旧的。',
    noZeroGrad:
      '↑ 在演练场中被关掉了：PyTorch 每次反向传播都把梯度「加」到 .grad 上，没有 zero_grad，\n' +
      '之前所有步的梯度就会不断累积，每一步用的都是它们的总和，步子越迈越大——这是经典的 bug。\n' +
      '把这一行恢复即可修复。',
    diverged:
      '损失变成 NaN 或无穷大，或者它的滑动平均（约平滑 20 步）\n' +
      '超过第一步损失的 DIVERGENCE_FACTOR 倍，\n' +
      '就说明训练已经发散：停止训练，规则与演练场相同。',
    backward: '反向传播：求损失对每个权重的梯度，存入 .grad。',
    clip: '梯度的总（L2）长度超过 MAX_NORM 时按比例缩小：能抑制突如其来的巨大步伐。',
    schedulerEveryStep: '调度器在每个批次后走一步。',
    schedulerEveryEpoch: '调度器每个 epoch 走一步。',
    schedulerPlateau: 'ReduceLROnPlateau 盯着验证损失。',
    epochEnd: '每个 epoch 之后：用演练场显示的单位给出训练集和验证集的结果。',
    running: '为训练曲线记下每个批次训练时的损失和输出（train 模式，参数更新之前）。',
    trainFromBatches:
      '训练损失和准确率与演练场画出的相同：本 epoch 各批次的平均值，train 模式（dropout 开启），\n' +
      '无需再遍历一遍训练集。验证集则整体在 eval 模式下度量。',
    improvement: '只有比迄今最佳的验证损失低出 MIN_DELTA 以上，才算改善。',
    restore: '恢复到最佳 epoch 的权重。',
    noRestore: '未开启“恢复最佳权重”：保留最后一个 epoch 的权重。',
    final: '训练结束时的模型（早停后即最佳权重），在 eval 模式下整体再度量一次两个划分。',
    machineReadable: '最后输出一行机器可读的结果，供演练场的测试读取。',
  },
};
