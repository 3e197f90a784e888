# Training Playground（训练演练场）：本实验对应的 PyTorch 程序。
# 数据、模型、损失函数、优化器、学习率调度和训练循环都与演练场中的完全一致。
# 只需 Python 3、PyTorch 和 NumPy：pip install torch numpy
# 运行：python train_digits.py
# 它从脚本所在的文件夹读取 digits.csv：请在演练场代码旁下载。

# ── 1. 导入与随机种子 ───────────────────────────────────────────────────────
import json
import math
import os
import sys
from pathlib import Path

import numpy as np
import torch
from torch import nn
from torch.optim import lr_scheduler
from torch.utils.data import DataLoader, TensorDataset

# 训练种子决定 PyTorch 的随机数：初始权重、批次顺序和 dropout 掩码。
# PyTorch 的随机数生成器与演练场的不同，所以初始权重不一样，曲线会和页面上略有出入；
# 而下面的数据与演练场逐点相同。
torch.manual_seed(0)

# ── 2. 与演练场相同的随机数 ─────────────────────────────────────────────────
# 演练场随机数生成器的 Python 移植（xoshiro128**，由 splitmix32 播种），
# 这样脚本抽到的点、划分出的训练集和验证集都与页面上完全相同。
# Python 的整数不会溢出，所以每一步 32 位运算都要用 & MASK 截断。

MASK = 0xFFFFFFFF

def rotl(x, k):
    return ((x << k) | (x >> (32 - k))) & MASK

class PlaygroundRandom:
    def __init__(self, seed):
        state = seed & MASK

        def splitmix32():
            nonlocal state
            state = (state + 0x9E3779B9) & MASK
            z = state
            z = ((z ^ (z >> 16)) * 0x85EBCA6B) & MASK
            z = ((z ^ (z >> 13)) * 0xC2B2AE35) & MASK
            return (z ^ (z >> 16)) & MASK

        self.s = [splitmix32() for _ in range(4)]
        self.spare_normal = None

    def next_uint32(self):  # xoshiro128**
        s0, s1, s2, s3 = self.s
        result = (rotl((s1 * 5) & MASK, 7) * 9) & MASK
        t = (s1 << 9) & MASK
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        self.s = [s0, s1, s2, rotl(s3, 11)]
        return result

    def random(self):
        return self.next_uint32() / 4294967296

    def uniform(self, low, high):
        return low + (high - low) * self.random()

    def normal(self):  # Box–Muller 变换：一次得到两个正态随机数，第二个留给下一次调用
        if self.spare_normal is not None:
            z, self.spare_normal = self.spare_normal, None
            return z
        u = 0.0
        while u == 0.0:
            u = self.random()
        v = self.random()
        r = math.sqrt(-2 * math.log(u))
        self.spare_normal = r * math.sin(2 * math.pi * v)
        return r * math.cos(2 * math.pi * v)

    def randint(self, n):  # [0, n) 上的均匀整数，没有取模偏差
        limit = 4294967296 - 4294967296 % n
        x = self.next_uint32()
        while x >= limit:
            x = self.next_uint32()
        return x % n

    def randperm(self, n):  # 0 … n-1 的随机排列（Fisher–Yates 洗牌）
        order = list(range(n))
        for i in range(n - 1, 0, -1):
            j = self.randint(i + 1)
            order[i], order[j] = order[j], order[i]
        return order

# 演练场把每个数存成 32 位浮点数；这里用同样的方式舍入，数值才会完全一致。
def f32(value):
    return float(np.float32(value))

# 即 JavaScript 的 Math.round（Python 的 round() 会把 .5 舍入到偶数）。
def round_half_up(value):
    return math.floor(value + 0.5)

# ── 3. 数据集：digits ───────────────────────────────────────────────────────
# 手写数字：1797 张 8 × 8 的灰度图（灰度 0 … 16），共十类。
# 与演练场相同的数据行、相同的训练/验证划分（种子相同）。
DATA_SEED = 0              # 决定抽到哪些点、如何划分
CLASSES = 10               # 类别数
VALIDATION_FRACTION = 0.2  # 留作验证集的比例

rng = PlaygroundRandom(DATA_SEED)

# 演练场的数据文件 digits.csv：请在演练场代码旁下载，
# 保存在本脚本旁边（若用 notebook，则放在它运行的文件夹里）。
DATA_DIR = Path(__file__).resolve().parent if "__file__" in globals() else Path.cwd()

def read_csv(name, **options):
    path = DATA_DIR / name
    if not path.exists():
        sys.exit(f"Cannot find {path}: download {name} from the Training Playground (beside the code) "
                 "and save it next to this script.")
    return np.loadtxt(path, dtype=np.float64, **options).astype(np.float32)

table = read_csv("digits.csv", delimiter=",")
x, y = table[:, :64], table[:, 64].astype(np.int64)

# 类别不平衡为 1：保留所有行（比例更大时，会删去较小类别的部分行）。

# 留出验证集：每个类别把 round(行数 × 比例) 行分给验证集，
# 两部分都保持原来的类别比例（分层抽样）；然后分别打乱顺序。
def train_validation_split(y, fraction, classes, rng):
    groups = [[i for i in range(len(y)) if y[i] == c] for c in range(classes)] if classes else [list(range(len(y)))]
    train, validation = [], []
    for rows in groups:
        if not rows:
            continue
        held = min(len(rows) - 1, round_half_up(len(rows) * fraction))
        order = rng.randperm(len(rows))
        for k in range(len(rows)):
            (validation if k < held else train).append(rows[order[k]])
    train = [train[k] for k in rng.randperm(len(train))]
    validation = [validation[k] for k in rng.randperm(len(validation))]
    return train, validation

train_rows, val_rows = train_validation_split(y, VALIDATION_FRACTION, CLASSES, rng)

# 灰度 0 … 16 变为 0 … 1。所有像素共用一个尺度，所以除以 16 而不是逐像素标准化
# （那样会把几乎全白的边缘像素放大成噪声）。
x_train, x_val = x[train_rows] / 16, x[val_rows] / 16
y_train, y_val = y[train_rows], y[val_rows]

# 输入转为 float32 张量，类别转为 int64（CrossEntropyLoss 需要的类型）。
X_train, X_val = torch.from_numpy(x_train), torch.from_numpy(x_val)
y_train, y_val = torch.from_numpy(y_train), torch.from_numpy(y_val)

# PLAYGROUND_CHECK_DATA=1 时打印前几行并退出：演练场的测试会拿它们和自己的数据比对。
if os.environ.get("PLAYGROUND_CHECK_DATA"):
    print("DATA " + json.dumps({
        "train_x": X_train[:5].tolist(), "train_y": y_train[:5].tolist(),
        "val_x": X_val[:5].tolist(), "val_y": y_val[:5].tolist(),
        "n_train": len(X_train), "n_val": len(X_val),
        "sums": [X_train.double().sum().item(), y_train.double().sum().item(),
                 X_val.double().sum().item(), y_val.double().sum().item()],
    }))
    sys.exit(0)

# ── 4. 小批量：DataLoader ───────────────────────────────────────────────────
# 批大小：每次优化器更新用多少个样本。批越小，更新越频繁、噪声越大；批越大，更新越平稳、次数越少。
BATCH_SIZE = 32
# 一个 epoch 就是把训练集完整过一遍。
EPOCHS = 30

train_dataset = TensorDataset(X_train, y_train)
# shuffle=True：每个 epoch 重新随机排序，批次不会一成不变。
train_loader = DataLoader(train_dataset, batch_size=BATCH_SIZE, shuffle=True)

# 不做数据增强：每个 epoch 看到的训练数据都原样不变。

# ── 5. 模型 ─────────────────────────────────────────────────────────────────
# 每个隐藏层：Linear → [BatchNorm1d] → 激活函数 → [Dropout]，最后一个 Linear 通向输出——
# 与演练场的层顺序相同。
model = nn.Sequential(
    nn.Linear(64, 64),
    nn.ReLU(),
    nn.Dropout(p=0.2),
    nn.Linear(64, 10),  # 10 个 logit，每类一个（CrossEntropyLoss 内部会做 softmax）
)
print(model)

# ── 6. 权重初始化 ───────────────────────────────────────────────────────────
# 这些权重来自 PyTorch 的随机数：方法与演练场相同，具体数值不同。
# 'default'：nn.Linear 自行初始化（a = √5 的 kaiming_uniform_，偏置取自 U(±1/√fan_in)）。

# ── 7. 损失函数 ─────────────────────────────────────────────────────────────
# 交叉熵：模型给真实类别的概率（logit 的 softmax）取 −log。
# 每个类别同等重要（不设类别权重）。
loss_fn = nn.CrossEntropyLoss()

# ── 8. 优化器 ───────────────────────────────────────────────────────────────
# AdamW：权重衰减直接作用于权重、与梯度分开的 Adam。
# 学习率：步子太大，损失会来回震荡甚至发散；太小则学得很慢。
optimizer = torch.optim.AdamW(model.parameters(), lr=0.003)

# ── 9. 学习率调度 ───────────────────────────────────────────────────────────
# 预热：前 3 个 epoch 内，学习率从 1 % 线性升到 100 %，
# 之后交给下面的调度（由 SequentialLR 串联）。
WARMUP = 3
warmup = lr_scheduler.LinearLR(optimizer, start_factor=0.01, total_iters=WARMUP)

# CosineAnnealingLR：学习率在 T_max 次调度内沿半个余弦降到 eta_min。
# 这个调度每个 epoch 走一步：scheduler.step() 放在评估之后。
main_schedule = lr_scheduler.CosineAnnealingLR(optimizer, T_max=30)
scheduler = lr_scheduler.SequentialLR(optimizer, schedulers=[warmup, main_schedule], milestones=[WARMUP])

# ── 10. 评估 ────────────────────────────────────────────────────────────────
def metric_of(output, y):
    return (output.argmax(dim=1) == y).float().mean().item()

# 在整个数据划分上计算损失和准确率（回归则为 R²），与演练场每个 epoch 后度量验证集的方式相同：
# eval 模式（关闭 dropout，批归一化使用滑动平均）且不构建计算图（torch.no_grad）。
def evaluate(x, y):
    model.eval()
    with torch.no_grad():
        output = model(x)
        loss = loss_fn(output, y).item()
    model.train()
    return loss, metric_of(output, y)

# 演练场保存的权重（“保存模型”写出的 .json 检查点）：要从这些权重开始（优化器重新开始），
# 运行  PLAYGROUND_CHECKPOINT=training-playground-….json python train_digits.py
# 或把 os.environ.get(...) 换成文件名。
CHECKPOINT = os.environ.get("PLAYGROUND_CHECKPOINT")
if CHECKPOINT:
    checkpoint = json.load(open(CHECKPOINT))
    model.load_state_dict({k: torch.tensor(v["data"]).reshape(v["shape"]) for k, v in checkpoint["model"].items()})
    print("LOADED " + json.dumps({"step": checkpoint["run"]["step"], "val_loss": evaluate(X_val, y_val)[0]}))

# ── 11. 训练循环 ────────────────────────────────────────────────────────────
# 早停已关闭：训练会跑满 EPOCHS 个 epoch。
DIVERGENCE_FACTOR = 3.0
LOSS_SMOOTHING = 0.05
first_loss = smoothed_loss = None
stopped = "finished"
epochs_done = 0
step = 0

for epoch in range(1, EPOCHS + 1):
    model.train()
    running_loss, seen, outputs, targets = 0.0, 0, [], []
    for xb, yb in train_loader:
        # PyTorch 会把新梯度累加到 .grad 上：先清掉旧的。
        optimizer.zero_grad()
        output = model(xb)
        loss = loss_fn(output, yb)
        # 损失变成 NaN 或无穷大，或者它的滑动平均（约平滑 20 步）
        # 超过第一步损失的 DIVERGENCE_FACTOR 倍，
        # 就说明训练已经发散：停止训练，规则与演练场相同。
        loss_value = loss.item()
        if first_loss is None:
            first_loss = smoothed_loss = loss_value
        smoothed_loss += LOSS_SMOOTHING * (loss_value - smoothed_loss)
        if not math.isfinite(loss_value) or (first_loss > 0 and smoothed_loss > DIVERGENCE_FACTOR * first_loss):
            stopped = "diverged"
            break
        # 反向传播：求损失对每个权重的梯度，存入 .grad。
        loss.backward()
        optimizer.step()
        # 为训练曲线记下每个批次训练时的损失和输出（train 模式，参数更新之前）。
        running_loss += loss_value * len(yb)
        seen += len(yb)
        outputs.append(output.detach())
        targets.append(yb)
        step += 1
    if stopped == "diverged":
        print(f"diverged at step {step + 1}: loss {loss_value:.4g}, smoothed {smoothed_loss:.4g}, first {first_loss:.4g}: the learning rate is probably too large")
        break

    # 每个 epoch 之后：用演练场显示的单位给出训练集和验证集的结果。
    # 训练损失和准确率与演练场画出的相同：本 epoch 各批次的平均值，train 模式（dropout 开启），
    # 无需再遍历一遍训练集。验证集则整体在 eval 模式下度量。
    train_loss = running_loss / seen
    train_metric = metric_of(torch.cat(outputs), torch.cat(targets))
    val_loss, val_metric = evaluate(X_val, y_val)
    epochs_done = epoch
    print(f"epoch {epoch:3d}  train loss {train_loss:.4f}  train acc {train_metric:.1%}  val loss {val_loss:.4f}  val acc {val_metric:.1%}  lr {optimizer.param_groups[0]['lr']:.4g}")
    if not math.isfinite(val_loss):
        stopped = "diverged"
        break
    # 调度器每个 epoch 走一步。
    scheduler.step()

# ── 12. 结果 ────────────────────────────────────────────────────────────────
# 训练结束时的模型（早停后即最佳权重），在 eval 模式下整体再度量一次两个划分。
train_loss, train_metric = evaluate(X_train, y_train)
val_loss, val_metric = evaluate(X_val, y_val)

# 最后输出一行机器可读的结果，供演练场的测试读取。
def rounded(value):
    return round(value, 4) if math.isfinite(value) else None

print("FINAL " + json.dumps({"epochs": epochs_done, "stopped": stopped,
                             "train_loss": rounded(train_loss), "train_acc": rounded(train_metric),
                             "val_loss": rounded(val_loss), "val_acc": rounded(val_metric)}))
