/**
 * Part 3, the data set: its settings, the generator or file, the train/validation split and the
 * scaling — the steps of engine/train/data.ts `prepareData`, in the same order, drawing from the
 * same seeded generator, so the script trains and validates on exactly the playground's rows.
 */
import { pyFloat, pyInt } from '../python';
import type { CodeWriter } from '../writer';
import type { Context } from '../context';
import { writeSyntheticData } from './dataSynthetic';
import { writeRealData } from './dataReal';

/** trainValidationSplit in engine/data/sets/split.ts: per class (stratified), then shuffled. */
const SPLIT = `def train_validation_split(y, fraction, classes, rng):
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
    return train, validation`;

const STANDARDISE = `def standardiser(columns):
    mean = columns.mean(axis=0, dtype=np.float64)
    std = columns.std(axis=0, dtype=np.float64)
    std = np.where(std > 1e-7 * np.maximum(1, np.abs(mean)), std, 1)
    return lambda values: ((values - mean) / std).astype(np.float32)`;

const CHECK = `if os.environ.get("PLAYGROUND_CHECK_DATA"):
    print("DATA " + json.dumps({
        "train_x": X_train[:5].tolist(), "train_y": y_train[:5].tolist(),
        "val_x": X_val[:5].tolist(), "val_y": y_val[:5].tolist(),
        "n_train": len(X_train), "n_val": len(X_val),
        "sums": [X_train.double().sum().item(), y_train.double().sum().item(),
                 X_val.double().sum().item(), y_val.double().sum().item()],
    }))
    sys.exit(0)`;

/** `NAME = value   # comment`, the comment aligned in a column. */
function setting(w: CodeWriter, code: string, comment: string, fields: string[]): void {
  w.code(`${code.padEnd(27)}# ${comment}`, fields);
}

function writeSettings(w: CodeWriter, ctx: Context): void {
  const { t, config, synthetic, task, classes } = ctx;
  const d = config.data;
  setting(w, `DATA_SEED = ${pyInt(d.seed)}`, t.data.seed, ['data.seed']);
  if (synthetic) {
    setting(w, `POINTS = ${pyInt(d.points)}`, t.data.points, ['data.points']);
    setting(w, `NOISE = ${pyFloat(d.noise)}`, t.data.noise, ['data.noise']);
  }
  if (task === 'classification') {
    const hasRange = ctx.dataset === 'blobs' || ctx.dataset === 'spiral';
    setting(w, `CLASSES = ${pyInt(classes)}`, t.data.classes, hasRange ? ['data.classes'] : ['data.dataset']);
    if (synthetic || d.imbalance > 1) setting(w, `IMBALANCE = ${pyFloat(d.imbalance)}`, t.data.imbalance, ['data.imbalance']);
  }
  setting(w, `VALIDATION_FRACTION = ${pyFloat(d.validationFraction)}`, t.data.validationFraction, ['data.validationFraction']);
}

function writeScaling(w: CodeWriter, ctx: Context): void {
  const { t, synthetic, dataset, task } = ctx;
  w.for(['data.dataset'], () => {
    if (synthetic) {
      w.comment(t.data.noScaling);
      w.code('x_train, x_val = x[train_rows], x[val_rows]');
      w.code('y_train, y_val = y[train_rows], y[val_rows]');
    } else if (dataset === 'digits') {
      w.comment(t.data.digitsScaling);
      w.code('x_train, x_val = x[train_rows] / 16, x[val_rows] / 16');
      w.code('y_train, y_val = y[train_rows], y[val_rows]');
    } else {
      w.comment(t.data.standardise);
      w.block(STANDARDISE);
      w.code('scale_x = standardiser(x[train_rows])');
      w.code('x_train, x_val = scale_x(x[train_rows]), scale_x(x[val_rows])');
      if (task === 'regression') {
        w.comment(t.data.standardiseTarget);
        w.code('scale_y = standardiser(y[train_rows])');
        w.code('y_train, y_val = scale_y(y[train_rows]), scale_y(y[val_rows])');
      } else {
        w.code('y_train, y_val = y[train_rows], y[val_rows]');
      }
    }
  });
}

export function writeData(w: CodeWriter, ctx: Context): void {
  const { t } = ctx;
  w.startSection('data', t.sections.data(ctx.dataset));
  w.comment(t.data.about[ctx.dataset], '', ['data.dataset']);
  w.comment(ctx.synthetic ? t.data.sameAsPlayground : t.data.sameSplit);
  writeSettings(w, ctx);
  w.blank();
  w.code('rng = PlaygroundRandom(DATA_SEED)', ['data.seed']);
  w.blank();
  if (ctx.synthetic) writeSyntheticData(w, ctx);
  else writeRealData(w, ctx);
  w.blank();
  w.for(['data.validationFraction'], () => {
    w.comment(ctx.task === 'classification' ? t.data.splitStratified : t.data.split);
    w.block(SPLIT);
    w.blank();
    const classes = ctx.task === 'classification' ? 'CLASSES' : '0';
    w.code(`train_rows, val_rows = train_validation_split(y, VALIDATION_FRACTION, ${classes}, rng)`, ['data.seed']);
  });
  w.blank();
  writeScaling(w, ctx);
  w.blank();
  w.comment(t.data.tensors);
  w.code('X_train, X_val = torch.from_numpy(x_train), torch.from_numpy(x_val)');
  if (ctx.task === 'classification') {
    w.code('y_train, y_val = torch.from_numpy(y_train), torch.from_numpy(y_val)');
  } else {
    w.comment(t.data.regressionShape);
    w.code('y_train, y_val = torch.from_numpy(y_train).unsqueeze(1), torch.from_numpy(y_val).unsqueeze(1)');
  }
  w.blank();
  w.comment(t.data.check);
  w.block(CHECK);
}
