/** Part 8, the optimizer: PyTorch's class with the learning rate and every non-default hyper-parameter. */
import type { OptimizerName } from '../../../engine/train/config';
import type { CodeWriter } from '../writer';
import type { Context } from '../context';
import { keywordArguments } from './arguments';

export const OPTIMIZER_CLASS: Record<OptimizerName, string> = {
  sgd: 'SGD',
  adam: 'Adam',
  adamw: 'AdamW',
  rmsprop: 'RMSprop',
  adagrad: 'Adagrad',
};

/** camelCase config keys → PyTorch's argument names. */
const NAMES: Readonly<Record<string, string>> = {
  lr: 'lr',
  momentum: 'momentum',
  dampening: 'dampening',
  nesterov: 'nesterov',
  weightDecay: 'weight_decay',
  betas: 'betas',
  eps: 'eps',
  amsgrad: 'amsgrad',
  alpha: 'alpha',
  centered: 'centered',
  lrDecay: 'lr_decay',
  initialAccumulatorValue: 'initial_accumulator_value',
};

export function writeOptimizer(w: CodeWriter, ctx: Context): void {
  const { t, config } = ctx;
  const optimizer = config.optimizer;
  w.startSection('optimizer', t.sections.optimizer);
  w.comment(t.optimizer.about[optimizer.type], '', ['optimizer.type']);
  const args = keywordArguments('optimizer', optimizer, NAMES, ['lr']);
  // The call depends on every setting of the optimizer, also those left at PyTorch's default: that is where they would go.
  const all = ['optimizer.type', ...Object.keys(NAMES).filter((key) => key in optimizer).map((key) => `optimizer.${key}`)];
  const call = `optimizer = torch.optim.${OPTIMIZER_CLASS[optimizer.type]}(`;
  if (args.length === 1) {
    w.comment(t.optimizer.argument.lr, '', ['optimizer.lr']);
    w.code(`${call}model.parameters(), ${args[0].text})`, all);
    return;
  }
  w.code(call, all);
  w.code('    model.parameters(),');
  for (const arg of args) {
    // AdamW's weight decay shrinks the weights directly; the others add it to the gradient.
    const key = arg.key === 'weightDecay' && optimizer.type === 'adamw' ? 'weightDecayDecoupled' : arg.key;
    const comment = t.optimizer.argument[key as keyof typeof t.optimizer.argument];
    if (comment) w.comment(comment, '    ', [arg.path]);
    w.code(`    ${arg.text},`, [arg.path]);
  }
  w.code(')', ['optimizer.type']);
}
