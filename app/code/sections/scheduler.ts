/**
 * Part 9, the learning-rate schedule, built as engine/train/build.ts `buildScheduler` builds it:
 * PyTorch's scheduler with its non-default arguments, OneCycleLR's total steps from the loader's
 * length, and an optional linear warm-up chained in front with SequentialLR.
 */
import { WARMUP_START_FACTOR, type SchedulerConfig, type SchedulerName } from '../../../engine/train/config';
import { pyFloat, pyInt } from '../python';
import type { CodeWriter } from '../writer';
import type { Context } from '../context';
import { keywordArguments, type Argument } from './arguments';

const CLASS: Record<Exclude<SchedulerName, 'none'>, string> = {
  stepLR: 'StepLR',
  multiStepLR: 'MultiStepLR',
  exponentialLR: 'ExponentialLR',
  cosineAnnealingLR: 'CosineAnnealingLR',
  linearLR: 'LinearLR',
  oneCycleLR: 'OneCycleLR',
  cyclicLR: 'CyclicLR',
  reduceLROnPlateau: 'ReduceLROnPlateau',
};

const NAMES: Readonly<Record<string, string>> = {
  stepSize: 'step_size',
  gamma: 'gamma',
  milestones: 'milestones',
  tMax: 'T_max',
  etaMin: 'eta_min',
  startFactor: 'start_factor',
  endFactor: 'end_factor',
  totalIters: 'total_iters',
  maxLr: 'max_lr',
  pctStart: 'pct_start',
  annealStrategy: 'anneal_strategy',
  divFactor: 'div_factor',
  finalDivFactor: 'final_div_factor',
  threePhase: 'three_phase',
  cycleMomentum: 'cycle_momentum',
  baseMomentum: 'base_momentum',
  maxMomentum: 'max_momentum',
  baseLr: 'base_lr',
  stepSizeUp: 'step_size_up',
  mode: 'mode',
  factor: 'factor',
  patience: 'patience',
  threshold: 'threshold',
  thresholdMode: 'threshold_mode',
  cooldown: 'cooldown',
  minLr: 'min_lr',
};

/** Whether the playground really cycles momentum: only an optimizer with β1 or a momentum above 0 has one. */
function cyclesMomentum(ctx: Context): boolean {
  const o = ctx.config.optimizer;
  return o.type === 'adam' || o.type === 'adamw' || ((o.type === 'sgd' || o.type === 'rmsprop') && o.momentum > 0);
}

/** The scheduler's arguments, with OneCycleLR's total_steps where PyTorch wants it (after max_lr). */
function argumentsOf(s: Exclude<SchedulerConfig, { type: 'none' }>, ctx: Context): Argument[] {
  let settings: typeof s = s;
  if ((s.type === 'oneCycleLR' || s.type === 'cyclicLR') && s.cycleMomentum && !cyclesMomentum(ctx)) {
    settings = { ...s, cycleMomentum: false };
  }
  const args = keywordArguments('scheduler', settings, NAMES, s.type === 'cyclicLR' ? ['baseLr', 'maxLr'] : []);
  if (s.type === 'oneCycleLR') {
    const total = s.interval === 'step' ? 'EPOCHS * len(train_loader)' : 'EPOCHS';
    const text = s.warmup > 0 ? `total_steps=max(2, ${total} - WARMUP)` : `total_steps=${total}`;
    const at = args.findIndex((a) => a.key === 'maxLr') + 1;
    args.splice(at, 0, { text, path: 'scheduler.interval', key: 'totalSteps' });
  }
  return args;
}

function call(w: CodeWriter, variable: string, className: string, args: Argument[], fields: string[], indent = ''): void {
  const oneLine = `${indent}${variable} = lr_scheduler.${className}(${['optimizer', ...args.map((a) => a.text)].join(', ')})`;
  if (oneLine.length <= 100) {
    w.code(oneLine, [...fields, ...args.map((a) => a.path)]);
    return;
  }
  w.code(`${indent}${variable} = lr_scheduler.${className}(`, fields);
  w.code(`${indent}    optimizer,`);
  for (const arg of args) w.code(`${indent}    ${arg.text},`, [arg.path]);
  w.code(`${indent})`, fields);
}

export function writeScheduler(w: CodeWriter, ctx: Context): void {
  const { t, config } = ctx;
  const s = config.scheduler;
  w.startSection('scheduler', t.sections.scheduler);
  if (s.type === 'none') {
    w.comment(t.scheduler.none, '', ['scheduler.type', 'scheduler.interval', 'scheduler.warmup']);
    return;
  }
  const warmup = s.type !== 'reduceLROnPlateau' && s.warmup > 0 ? s.warmup : 0;
  if (warmup > 0) {
    // Built before the main schedule, as the playground does: the order decides the starting learning rate.
    w.for(['scheduler.warmup'], () => {
      w.comment(s.type !== 'reduceLROnPlateau' && s.interval === 'step' ? t.scheduler.warmupSteps(warmup) : t.scheduler.warmupEpochs(warmup));
      w.code(`WARMUP = ${pyInt(warmup)}`);
      w.code(`warmup = lr_scheduler.LinearLR(optimizer, start_factor=${pyFloat(WARMUP_START_FACTOR)}, total_iters=WARMUP)`);
    });
    w.blank();
  }
  w.comment(t.scheduler.about[s.type], '', ['scheduler.type']);
  if (s.type !== 'reduceLROnPlateau') {
    w.comment(s.interval === 'step' ? t.scheduler.everyStep : t.scheduler.everyEpoch, '', ['scheduler.interval']);
  }
  const args = argumentsOf(s, ctx);
  // The call depends on every setting of the schedule, also those left at PyTorch's default: that is where they would go.
  const fields = ['scheduler.type', 'scheduler.warmup', ...Object.keys(NAMES).filter((key) => key in s).map((key) => `scheduler.${key}`)];
  const cycling = (s.type === 'oneCycleLR' || s.type === 'cyclicLR') && s.cycleMomentum;
  if (cycling && !cyclesMomentum(ctx)) {
    w.comment(t.scheduler.noMomentumToCycle, '', ['scheduler.cycleMomentum', 'optimizer.type']);
  }
  const variable = warmup > 0 ? 'main_schedule' : 'scheduler';
  const adamCycle = s.type === 'cyclicLR' && cycling && (config.optimizer.type === 'adam' || config.optimizer.type === 'adamw');
  if (adamCycle) {
    // PyTorch cycles Adam's β1 in CyclicLR only from 2.3 on; older versions refuse cycle_momentum=True.
    const withoutCycling = [...args, { text: 'cycle_momentum=False', path: 'scheduler.cycleMomentum', key: 'cycleMomentum' }];
    w.code('try:', ['scheduler.cycleMomentum']);
    call(w, variable, CLASS[s.type], args, fields, '    ');
    w.code('except ValueError:', ['scheduler.cycleMomentum']);
    w.comment(t.scheduler.oldTorchCyclic, '    ', ['scheduler.cycleMomentum']);
    call(w, variable, CLASS[s.type], withoutCycling, fields, '    ');
    // Said at run time too: a comment is not read by someone who only runs the script.
    w.code(`    print(f"note: PyTorch {torch.__version__} cannot cycle Adam's beta1 in CyclicLR (2.3 can, as the playground does): only the learning rate cycles")`, [
      'scheduler.cycleMomentum',
    ]);
  } else {
    call(w, variable, CLASS[s.type], args, fields);
  }
  if (warmup > 0) {
    w.code('scheduler = lr_scheduler.SequentialLR(optimizer, schedulers=[warmup, main_schedule], milestones=[WARMUP])', [
      'scheduler.warmup',
    ]);
  }
}
