/**
 * What the run bar shows as the training loss (issue 12.5): the newest loss there is. In the
 * lrTooLarge lesson the loss shoots up within two steps and the run stops; the bar used to show
 * the evaluation before training (0.694) while the batch loss had reached 24.8.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { defaultConfig, type ExperimentConfig } from '../../engine/train/config';
import type { EvaluationRecord, StepRecord } from '../../engine/train/trainer';
import { TrainingSession, type MetricsBatch, type SessionStatus } from '../../workers/session';
import { experimentConfig } from '../experiments/presets';
import { messagesFor } from '../i18n';
import { formatLoss, shownTrainLoss } from './format';
import { divergedLossText } from './Notices';

const loadText = (file: string) => readFile(`public/datasets/${file}`, 'utf8');

/** A session run as the worker runs it, its batches landed as the bridge lands them in the store. */
async function runSession(config: ExperimentConfig, steps: number | 'epoch') {
  const batches: MetricsBatch[] = [];
  const session = new TrainingSession({ loadText });
  await session.init(config, (b) => void batches.push(b));
  session.step(steps);
  let latestStep: StepRecord | null = null;
  let latestEvaluation: EvaluationRecord | null = null;
  let status: SessionStatus | null = null;
  for (const b of batches) {
    if (b.steps.length > 0) latestStep = b.steps[b.steps.length - 1];
    if (b.evaluations.length > 0) latestEvaluation = b.evaluations[b.evaluations.length - 1];
    if (b.status) status = b.status;
  }
  return {
    latestStep,
    latestEvaluation,
    status: status ?? session.status(),
    steps: batches.flatMap((b) => b.steps),
    evaluations: batches.flatMap((b) => b.evaluations),
  };
}

describe('the run bar’s training loss', () => {
  it('lrTooLarge: shows the loss that stopped the run, not the evaluation before training', async () => {
    const run = await runSession(experimentConfig('lrTooLarge'), 50);
    expect(run.status.state).toBe('diverged');
    const before = run.evaluations[0].train.loss; // the untrained model: ≈ ln 2
    expect(before).toBeCloseTo(Math.log(2), 1);
    expect(run.latestEvaluation?.step).toBe(0); // no epoch ended: the only evaluation is the one before training
    const shown = shownTrainLoss(run.status, run.latestEvaluation, run.latestStep);
    expect(shown.diverged).toBe(true);
    expect(shown.value).toBe(run.status.divergedLoss);
    // the step that stopped it was worse than the worst step on the chart (24.8)
    const worstPlotted = Math.max(...run.steps.map((s) => s.loss));
    expect(worstPlotted).toBeGreaterThan(10 * before);
    expect(shown.value!).toBeGreaterThan(worstPlotted);
    // and the red message says the same value
    const text = divergedLossText(run.status.divergedLoss);
    expect(text).toBe(formatLoss(shown.value));
    expect(messagesFor('en').run.diverged(run.status.divergedAtStep!, text)).toBe(
      `The loss blew up to ${text} at step ${run.status.divergedAtStep} — the learning rate is probably too large.`,
    );
    expect(messagesFor('zh-CN').run.diverged(run.status.divergedAtStep!, text)).toContain(`急剧变大到 ${text}`);
  });

  it('mid-epoch: the mean of the epoch’s batches so far; at the epoch’s end, the epoch’s train loss', async () => {
    const mid = await runSession(defaultConfig(), 5);
    const mean = mid.steps.reduce((a, s) => a + s.loss, 0) / mid.steps.length; // 5 full batches of 16
    const shown = shownTrainLoss(mid.status, mid.latestEvaluation, mid.latestStep);
    expect(shown).toEqual({ value: expect.closeTo(mean, 6), diverged: false });
    expect(shown.value).not.toBeCloseTo(mid.evaluations[0].train.loss, 3);

    const epoch = await runSession(defaultConfig(), 'epoch');
    const end = shownTrainLoss(epoch.status, epoch.latestEvaluation, epoch.latestStep);
    expect(epoch.latestEvaluation?.epoch).toBe(1);
    expect(end.value).toBe(epoch.latestEvaluation?.train.loss);
    expect(end.value).toBeCloseTo(epoch.latestStep!.runningLoss, 6);
  });

  it('NaN and ∞ read as such in the message', () => {
    expect(divergedLossText(NaN)).toBe('NaN');
    expect(divergedLossText(Infinity)).toBe('∞');
    expect(divergedLossText(null)).toBeNull();
    expect(messagesFor('en').run.diverged(7, 'NaN')).toBe('The loss became NaN at step 7 — the learning rate is probably too large.');
    expect(messagesFor('zh-CN').run.diverged(7, null)).toBe('损失在第 7 步急剧变大——学习率很可能太大了。');
  });
});
