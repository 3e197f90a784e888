# Training Playground: the PyTorch program for this experiment.
# Same data, model, loss, optimizer, schedule and training loop as in the playground.
# Needs only Python 3 with PyTorch and NumPy:  pip install torch numpy
# Run it:  python train_digits.py
# It reads digits.csv from its own folder: download it beside the code in the playground.

# ── 1. Imports and seed ─────────────────────────────────────────────────────
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

# The training seed fixes PyTorch's random numbers: initial weights, batch order, dropout masks.
# PyTorch's generator is not the playground's, so the weights start elsewhere and the curves differ
# a little from the page; the data below are drawn exactly as in the playground.
torch.manual_seed(0)

# ── 2. The playground's random numbers ──────────────────────────────────────
# A copy of the playground's random number generator (xoshiro128**, seeded by splitmix32), so that
# this script draws exactly the same points and the same train/validation split as the page.
# Python integers never overflow, so every 32-bit step is masked with & MASK.

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

    def normal(self):  # Box–Muller: two normal numbers per draw; the second is kept for the next call
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

    def randint(self, n):  # uniform in [0, n), without modulo bias
        limit = 4294967296 - 4294967296 % n
        x = self.next_uint32()
        while x >= limit:
            x = self.next_uint32()
        return x % n

    def randperm(self, n):  # a random order of 0 … n-1 (Fisher–Yates)
        order = list(range(n))
        for i in range(n - 1, 0, -1):
            j = self.randint(i + 1)
            order[i], order[j] = order[j], order[i]
        return order

# The playground stores every number as a 32-bit float; rounding the same way keeps the numbers equal.
def f32(value):
    return float(np.float32(value))

# JavaScript's Math.round (Python's round() rounds halves to the even number).
def round_half_up(value):
    return math.floor(value + 0.5)

# ── 3. The data set: digits ─────────────────────────────────────────────────
# Handwritten digits: 1797 pictures of 8 × 8 grey levels (0 … 16), ten classes.
# The same rows and the same train/validation split as in the playground (same seed).
DATA_SEED = 0              # which points are drawn and how they are split
CLASSES = 10               # number of classes
VALIDATION_FRACTION = 0.2  # share held out for validation

rng = PlaygroundRandom(DATA_SEED)

# The playground's file digits.csv: download it beside the code
# in the playground and save next to this script (or in the folder a notebook runs in).
DATA_DIR = Path(__file__).resolve().parent if "__file__" in globals() else Path.cwd()

def read_csv(name, **options):
    path = DATA_DIR / name
    if not path.exists():
        sys.exit(f"Cannot find {path}: download {name} from the Training Playground (beside the code) "
                 "and save it next to this script.")
    return np.loadtxt(path, dtype=np.float64, **options).astype(np.float32)

table = read_csv("digits.csv", delimiter=",")
x, y = table[:, :64], table[:, 64].astype(np.int64)

# Class imbalance 1: every row is kept (a larger ratio would drop rows of the smaller classes).

# Hold out a validation set: each class sends round(count × fraction) of its rows to validation,
# so both parts keep the class proportions (stratified); then both parts are shuffled.
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

# Grey levels 0 … 16 become 0 … 1. All pixels share one scale, so they are divided by 16 rather than
# standardised (that would blow up the nearly blank border pixels).
x_train, x_val = x[train_rows] / 16, x[val_rows] / 16
y_train, y_val = y[train_rows], y[val_rows]

# Inputs as float32 tensors, classes as int64 (what CrossEntropyLoss expects).
X_train, X_val = torch.from_numpy(x_train), torch.from_numpy(x_val)
y_train, y_val = torch.from_numpy(y_train), torch.from_numpy(y_val)

# PLAYGROUND_CHECK_DATA=1 prints the first rows and stops: the playground's tests compare them with its own.
if os.environ.get("PLAYGROUND_CHECK_DATA"):
    print("DATA " + json.dumps({
        "train_x": X_train[:5].tolist(), "train_y": y_train[:5].tolist(),
        "val_x": X_val[:5].tolist(), "val_y": y_val[:5].tolist(),
        "n_train": len(X_train), "n_val": len(X_val),
        "sums": [X_train.double().sum().item(), y_train.double().sum().item(),
                 X_val.double().sum().item(), y_val.double().sum().item()],
    }))
    sys.exit(0)

# ── 4. Batches: the DataLoader ──────────────────────────────────────────────
# Batch size: examples per optimizer step. Small batches give noisy, frequent steps; large ones smooth, rare steps.
BATCH_SIZE = 32
# One epoch is one pass over the training set.
EPOCHS = 30

train_dataset = TensorDataset(X_train, y_train)
# shuffle=True: a new random order every epoch, so no batch is always the same.
train_loader = DataLoader(train_dataset, batch_size=BATCH_SIZE, shuffle=True)

# No augmentation: every epoch sees the training rows exactly as they are.

# ── 5. The model ────────────────────────────────────────────────────────────
# Each hidden layer: Linear → [BatchNorm1d] → activation → [Dropout], then a Linear to the outputs —
# the playground's layer order.
model = nn.Sequential(
    nn.Linear(64, 64),
    nn.ReLU(),
    nn.Dropout(p=0.2),
    nn.Linear(64, 10),  # 10 logits, one per class (CrossEntropyLoss applies the softmax)
)
print(model)

# ── 6. Initialisation ───────────────────────────────────────────────────────
# These weights come from PyTorch's random numbers: same recipe as the playground, other numbers.
# 'default': nn.Linear initialises itself (kaiming_uniform_ with a = √5, bias from U(±1/√fan_in)).

# ── 7. The loss ─────────────────────────────────────────────────────────────
# Cross-entropy: −log of the probability the model gives the true class (softmax of the logits).
# Every class counts the same (no class weights).
loss_fn = nn.CrossEntropyLoss()

# ── 8. The optimizer ────────────────────────────────────────────────────────
# AdamW: Adam with weight decay applied to the weights directly, apart from the gradient.
# Learning rate: too large a step and the loss jumps around or diverges; too small and learning crawls.
optimizer = torch.optim.AdamW(model.parameters(), lr=0.003)

# ── 9. The learning-rate schedule ───────────────────────────────────────────
# Warm-up: the learning rate rises in a straight line from 1 % to 100 % over the first 3 epochs,
# then the schedule below takes over (SequentialLR chains them).
WARMUP = 3
warmup = lr_scheduler.LinearLR(optimizer, start_factor=0.01, total_iters=WARMUP)

# CosineAnnealingLR: the learning rate falls along a half cosine to eta_min over T_max steps.
# This schedule steps once per epoch: scheduler.step() comes after the evaluation.
main_schedule = lr_scheduler.CosineAnnealingLR(optimizer, T_max=30)
scheduler = lr_scheduler.SequentialLR(optimizer, schedulers=[warmup, main_schedule], milestones=[WARMUP])

# ── 10. Evaluation ──────────────────────────────────────────────────────────
def metric_of(output, y):
    return (output.argmax(dim=1) == y).float().mean().item()

# Loss and accuracy (R² for regression) on a whole split, as the playground measures the validation split
# after each epoch: eval mode (dropout off, batch norm uses its running averages), no graph (torch.no_grad).
def evaluate(x, y):
    model.eval()
    with torch.no_grad():
        output = model(x)
        loss = loss_fn(output, y).item()
    model.train()
    return loss, metric_of(output, y)

# Weights saved by the playground ("Save model" writes a .json checkpoint): to start from them
# (the optimizer starts afresh), run  PLAYGROUND_CHECKPOINT=training-playground-….json python train_digits.py
# or write the file's name in place of os.environ.get(...).
CHECKPOINT = os.environ.get("PLAYGROUND_CHECKPOINT")
if CHECKPOINT:
    checkpoint = json.load(open(CHECKPOINT))
    model.load_state_dict({k: torch.tensor(v["data"]).reshape(v["shape"]) for k, v in checkpoint["model"].items()})
    print("LOADED " + json.dumps({"step": checkpoint["run"]["step"], "val_loss": evaluate(X_val, y_val)[0]}))

# ── 11. The training loop ───────────────────────────────────────────────────
# Early stopping is off: the run trains for all EPOCHS epochs.
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
        # PyTorch adds new gradients to .grad; clear the old ones first.
        optimizer.zero_grad()
        output = model(xb)
        loss = loss_fn(output, yb)
        # Training has diverged when the loss is NaN or infinite, or when its running average
        # (smoothed over about 20 steps) climbs past DIVERGENCE_FACTOR times the first loss:
        # stop, by the same rule as the playground.
        loss_value = loss.item()
        if first_loss is None:
            first_loss = smoothed_loss = loss_value
        smoothed_loss += LOSS_SMOOTHING * (loss_value - smoothed_loss)
        if not math.isfinite(loss_value) or (first_loss > 0 and smoothed_loss > DIVERGENCE_FACTOR * first_loss):
            stopped = "diverged"
            break
        # Backpropagation: the gradient of the loss for every weight, into .grad.
        loss.backward()
        optimizer.step()
        # For the training curve: each batch’s loss and outputs as trained on (train mode, before the step).
        running_loss += loss_value * len(yb)
        seen += len(yb)
        outputs.append(output.detach())
        targets.append(yb)
        step += 1
    if stopped == "diverged":
        print(f"diverged at step {step + 1}: loss {loss_value:.4g}, smoothed {smoothed_loss:.4g}, first {first_loss:.4g}: the learning rate is probably too large")
        break

    # After each epoch: both splits in the units the playground shows.
    # Training loss and accuracy as the playground plots them: the mean over this epoch’s batches, in train
    # mode (dropout on), free of a second pass. The validation split is measured whole, in eval mode.
    train_loss = running_loss / seen
    train_metric = metric_of(torch.cat(outputs), torch.cat(targets))
    val_loss, val_metric = evaluate(X_val, y_val)
    epochs_done = epoch
    print(f"epoch {epoch:3d}  train loss {train_loss:.4f}  train acc {train_metric:.1%}  val loss {val_loss:.4f}  val acc {val_metric:.1%}  lr {optimizer.param_groups[0]['lr']:.4g}")
    if not math.isfinite(val_loss):
        stopped = "diverged"
        break
    # The schedule steps once per epoch.
    scheduler.step()

# ── 12. Result ──────────────────────────────────────────────────────────────
# The model as it ends (after early stopping: the best weights), both splits measured whole in eval mode.
train_loss, train_metric = evaluate(X_train, y_train)
val_loss, val_metric = evaluate(X_val, y_val)

# One machine-readable line at the end; the playground's tests read it.
def rounded(value):
    return round(value, 4) if math.isfinite(value) else None

print("FINAL " + json.dumps({"epochs": epochs_done, "stopped": stopped,
                             "train_loss": rounded(train_loss), "train_acc": rounded(train_metric),
                             "val_loss": rounded(val_loss), "val_acc": rounded(val_metric)}))
