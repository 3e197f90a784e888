/**
 * Parts 10–12: evaluation, the training loop and the result — engine/train/trainer.ts in plain
 * PyTorch: zero_grad (or its absence), forward, loss, backward, clipping, step, the scheduler at the
 * right place, a full evaluation after every epoch, early stopping that keeps the best weights.
 */
import { DIVERGENCE_FACTOR, LOSS_SMOOTHING } from '../../../engine/train/divergence';
import { pyFloat, pyInt } from '../python';
import { scriptBaseName } from './setup';
import type { CodeWriter } from '../writer';
import type { Context } from '../context';

function target(ctx: Context, y: string): string {
  return ctx.mseOnClasses ? `one_hot(${y})` : y;
}

export function writeEvaluate(w: CodeWriter, ctx: Context): void {
  const { t } = ctx;
  w.startSection('evaluate', t.sections.evaluate);
  w.code('def metric_of(output, y):');
  if (ctx.task === 'classification') {
    w.code('    return (output.argmax(dim=1) == y).float().mean().item()');
  } else {
    w.comment(t.loop.r2, '    ');
    w.code('    return 1 - ((output - y) ** 2).sum().item() / ((y - y.mean()) ** 2).sum().item()');
  }
  w.blank();
  w.comment(t.loop.evaluate);
  w.code('def evaluate(x, y):');
  w.code('    model.eval()');
  w.code('    with torch.no_grad():');
  w.code('        output = model(x)');
  w.code(`        loss = loss_fn(output, ${target(ctx, 'y')}).item()`, ctx.task === 'classification' ? ['loss.type'] : []);
  w.code('    model.train()');
  w.code('    return loss, metric_of(output, y)');
  w.blank();
  w.comment(t.loop.checkpoint(`${scriptBaseName(ctx.dataset)}.py`));
  w.code('CHECKPOINT = os.environ.get("PLAYGROUND_CHECKPOINT")');
  w.code('if CHECKPOINT:');
  w.code('    checkpoint = json.load(open(CHECKPOINT))');
  w.code('    model.load_state_dict({k: torch.tensor(v["data"]).reshape(v["shape"]) for k, v in checkpoint["model"].items()})');
  w.code('    print("LOADED " + json.dumps({"step": checkpoint["run"]["step"], "val_loss": evaluate(X_val, y_val)[0]}))');
}

function writeLoopSettings(w: CodeWriter, ctx: Context): void {
  const { t, config } = ctx;
  const { gradientClipping, earlyStopping } = config.training;
  if (gradientClipping.enabled) {
    w.comment(t.loop.maxNorm, '', ['training.gradientClipping.enabled', 'training.gradientClipping.maxNorm']);
    w.code(`MAX_NORM = ${pyFloat(gradientClipping.maxNorm)}`, ['training.gradientClipping.maxNorm']);
  }
  w.for(['training.earlyStopping.enabled'], () => {
    if (!earlyStopping.enabled) {
      w.comment(t.loop.noEarlyStopping);
      return;
    }
    w.comment(t.loop.earlyStopping);
    w.code(`PATIENCE = ${pyInt(earlyStopping.patience)}`, ['training.earlyStopping.patience']);
    w.code(`MIN_DELTA = ${pyFloat(earlyStopping.minDelta)}`, ['training.earlyStopping.minDelta']);
    w.code('best_val_loss = math.inf');
    w.code('best_state = copy.deepcopy(model.state_dict())', ['training.earlyStopping.restoreBestWeights']);
    w.code('epochs_without_improvement = 0');
  });
  w.code(`DIVERGENCE_FACTOR = ${pyFloat(DIVERGENCE_FACTOR)}`);
  w.code(`LOSS_SMOOTHING = ${pyFloat(LOSS_SMOOTHING)}`);
  w.code('first_loss = smoothed_loss = None');
  w.code('stopped = "finished"');
  w.code('epochs_done = 0');
  w.code('step = 0');
}

function writeStep(w: CodeWriter, ctx: Context): void {
  const { t, config } = ctx;
  const training = config.training;
  const indent = '        ';
  if (config.data.augmentation !== 'none') {
    w.code(`${indent}xb = augment(xb)`, ['data.augmentation']);
  }
  w.for(['training.zeroGrad'], () => {
    if (training.zeroGrad) {
      w.comment(t.loop.zeroGrad, indent);
      w.code(`${indent}optimizer.zero_grad()`);
    } else {
      w.comment('optimizer.zero_grad()', indent);
      w.comment(t.loop.noZeroGrad, indent);
    }
  });
  w.code(`${indent}output = model(xb)`);
  w.code(`${indent}loss = loss_fn(output, ${target(ctx, 'yb')})`, ctx.task === 'classification' ? ['loss.type'] : []);
  w.comment(t.loop.diverged, indent);
  w.code(`${indent}loss_value = loss.item()`);
  w.code(`${indent}if first_loss is None:`);
  w.code(`${indent}    first_loss = smoothed_loss = loss_value`);
  w.code(`${indent}smoothed_loss += LOSS_SMOOTHING * (loss_value - smoothed_loss)`);
  w.code(`${indent}if not math.isfinite(loss_value) or (first_loss > 0 and smoothed_loss > DIVERGENCE_FACTOR * first_loss):`);
  w.code(`${indent}    stopped = "diverged"`);
  w.code(`${indent}    break`);
  w.comment(t.loop.backward, indent);
  // Clipping goes right after backward: the line stands for it when clipping is off.
  w.code(`${indent}loss.backward()`, training.gradientClipping.enabled ? [] : ['training.gradientClipping.enabled']);
  if (training.gradientClipping.enabled) {
    w.comment(t.loop.clip, indent, ['training.gradientClipping.enabled']);
    w.code(`${indent}nn.utils.clip_grad_norm_(model.parameters(), max_norm=MAX_NORM)`, ['training.gradientClipping.enabled']);
  }
  w.code(`${indent}optimizer.step()`, ['optimizer.type']);
  const s = config.scheduler;
  if (s.type !== 'none' && s.type !== 'reduceLROnPlateau' && s.interval === 'step') {
    w.comment(t.loop.schedulerEveryStep, indent, ['scheduler.interval']);
    w.code(`${indent}scheduler.step()`, ['scheduler.type', 'scheduler.interval']);
  }
  w.comment(t.loop.running, indent);
  w.code(`${indent}running_loss += loss_value * len(yb)`);
  w.code(`${indent}seen += len(yb)`);
  w.code(`${indent}outputs.append(output.detach())`);
  w.code(`${indent}targets.append(yb)`);
  w.code(`${indent}step += 1`);
}

function writeEpochEnd(w: CodeWriter, ctx: Context): void {
  const { t, config } = ctx;
  const indent = '    ';
  const metric = ctx.task === 'classification' ? 'acc' : 'R²';
  const format = ctx.task === 'classification' ? '.1%' : '.3f';
  const s = config.scheduler;
  w.comment(t.loop.trainFromBatches, indent);
  w.code(`${indent}train_loss = running_loss / seen`);
  w.code(`${indent}train_metric = metric_of(torch.cat(outputs), torch.cat(targets))`);
  w.code(`${indent}val_loss, val_metric = evaluate(X_val, y_val)`);
  w.code(`${indent}epochs_done = epoch`);
  const lr = s.type === 'none' ? '' : `  lr {optimizer.param_groups[0]['lr']:.4g}`;
  w.code(
    `${indent}print(f"epoch {epoch:3d}  train loss {train_loss:.4f}  train ${metric} {train_metric:${format}}  ` +
      `val loss {val_loss:.4f}  val ${metric} {val_metric:${format}}${lr}")`,
  );
  w.code(`${indent}if not math.isfinite(val_loss):`);
  w.code(`${indent}    stopped = "diverged"`);
  w.code(`${indent}    break`);
  if (s.type === 'reduceLROnPlateau') {
    w.comment(t.loop.schedulerPlateau, indent, ['scheduler.type']);
    w.code(`${indent}scheduler.step(val_loss)`, ['scheduler.type']);
  } else if (s.type !== 'none' && s.interval === 'epoch') {
    w.comment(t.loop.schedulerEveryEpoch, indent, ['scheduler.interval']);
    w.code(`${indent}scheduler.step()`, ['scheduler.type', 'scheduler.interval']);
  }
  const early = config.training.earlyStopping;
  if (!early.enabled) return;
  w.for(['training.earlyStopping.enabled'], () => {
    w.comment(t.loop.improvement, indent, ['training.earlyStopping.minDelta']);
    w.code(`${indent}if val_loss < best_val_loss - MIN_DELTA:`, ['training.earlyStopping.minDelta']);
    w.code(`${indent}    best_val_loss = val_loss`);
    w.code(`${indent}    best_state = copy.deepcopy(model.state_dict())`, ['training.earlyStopping.restoreBestWeights']);
    w.code(`${indent}    epochs_without_improvement = 0`);
    w.code(`${indent}else:`);
    w.code(`${indent}    epochs_without_improvement += 1`);
    w.code(`${indent}    if epochs_without_improvement >= PATIENCE:`, ['training.earlyStopping.patience']);
    w.for(['training.earlyStopping.restoreBestWeights'], () => {
      if (early.restoreBestWeights) {
        w.comment(t.loop.restore, `${indent}        `);
        w.code(`${indent}        model.load_state_dict(best_state)`);
      } else {
        w.comment(t.loop.noRestore, `${indent}        `);
      }
    });
    w.code(`${indent}        print(f"early stopping: no improvement of the validation loss for {PATIENCE} epochs")`);
    w.code(`${indent}        stopped = "early_stopping"`);
    w.code(`${indent}        break`);
  });
}

export function writeTraining(w: CodeWriter, ctx: Context): void {
  const { t } = ctx;
  w.startSection('training', t.sections.training);
  writeLoopSettings(w, ctx);
  w.blank();
  w.code('for epoch in range(1, EPOCHS + 1):', ['training.epochs']);
  w.code('    model.train()');
  w.code('    running_loss, seen, outputs, targets = 0.0, 0, [], []');
  w.code('    for xb, yb in train_loader:');
  writeStep(w, ctx);
  w.code('    if stopped == "diverged":');
  w.code('        print(f"diverged at step {step + 1}: loss {loss_value:.4g}, smoothed {smoothed_loss:.4g}, first {first_loss:.4g}: the learning rate is probably too large")');
  w.code('        break');
  w.blank();
  w.comment(t.loop.epochEnd, '    ');
  writeEpochEnd(w, ctx);
}

export function writeResult(w: CodeWriter, ctx: Context): void {
  const { t } = ctx;
  const metric = ctx.task === 'classification' ? 'acc' : 'r2';
  w.startSection('result', t.sections.result);
  w.comment(t.loop.final);
  w.code('train_loss, train_metric = evaluate(X_train, y_train)');
  w.code('val_loss, val_metric = evaluate(X_val, y_val)');
  w.blank();
  w.comment(t.loop.machineReadable);
  w.block(`def rounded(value):
    return round(value, 4) if math.isfinite(value) else None`);
  w.blank();
  w.code(`print("FINAL " + json.dumps({"epochs": epochs_done, "stopped": stopped,`);
  w.code(`                             "train_loss": rounded(train_loss), "train_${metric}": rounded(train_metric),`);
  w.code(`                             "val_loss": rounded(val_loss), "val_${metric}": rounded(val_metric)}))`);
}
