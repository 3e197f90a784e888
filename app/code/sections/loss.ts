/**
 * Part 7, the loss: cross-entropy with class weights and label smoothing, or MSE — on one-hot rows
 * when the targets are classes (engine/train/build.ts `buildLoss`, `classWeightTensor`, `oneHot`).
 */
import { pyFloat } from '../python';
import type { CodeWriter } from '../writer';
import type { Context } from '../context';

export function writeLoss(w: CodeWriter, ctx: Context): void {
  const { t, config } = ctx;
  const loss = config.loss;
  w.startSection('loss', t.sections.loss);
  if (loss.type === 'mse') {
    w.for(['loss.type'], () => {
      if (ctx.task === 'regression') {
        w.comment(t.loss.mseRegression);
        w.code('loss_fn = nn.MSELoss()');
        return;
      }
      w.comment(t.loss.mseOnClasses);
      w.code('loss_fn = nn.MSELoss()', ['loss.classWeights']);
      w.blank();
      w.block('def one_hot(y):\n    return nn.functional.one_hot(y, num_classes=CLASSES).float()');
    });
    return;
  }
  const args: string[] = [];
  // The line depends on both even when they are left out: that is where they would go.
  const fields = ['loss.type', 'loss.classWeights', 'loss.labelSmoothing'];
  w.comment(t.loss.crossEntropy, '', ['loss.type']);
  const weights = loss.classWeights;
  if (weights !== 'none') {
    w.for(['loss.classWeights'], () => {
      if (weights === 'balanced') {
        w.comment(t.loss.balanced);
        w.code('class_weights = len(y_train) / (CLASSES * torch.bincount(y_train, minlength=CLASSES).float())');
      } else {
        w.comment(t.loss.explicitWeights);
        w.code(`class_weights = torch.tensor([${weights.map(pyFloat).join(', ')}])`);
      }
    });
    args.push('weight=class_weights');
  } else {
    w.comment(t.loss.noWeights, '', ['loss.classWeights']);
  }
  if (loss.labelSmoothing > 0) {
    w.comment(t.loss.labelSmoothing(loss.labelSmoothing), '', ['loss.labelSmoothing']);
    args.push(`label_smoothing=${pyFloat(loss.labelSmoothing)}`);
  }
  w.code(`loss_fn = nn.CrossEntropyLoss(${args.join(', ')})`, fields);
}
