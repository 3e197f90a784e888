/**
 * Proof that the exported program runs and does what the playground does: each script is saved
 * with the CSV files beside it, run as `python3 script.py` (Debian's python3-torch), must exit 0,
 * and must end within 5 points of validation accuracy (R² for regression) of the playground's own
 * run of the same experiment. The two runs draw the same data but start from other random weights
 * and batch orders (PyTorch's generator is not the playground's), so they agree closely, not exactly.
 * Skipped, saying so, where Python with torch is missing.
 */
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { isClassification } from '../../engine/train/config';
import { pytorchScript } from './script';
import { EXPERIMENTS, withEpochs, type ExperimentName } from './testing/experiments';
import { runPlayground } from './testing/playground';
import { PYTHON, pythonMissing, runEach, skipMessage, type ScriptRun } from './testing/python';

function torchVersion(): { text: string; major: number; minor: number } {
  const text = spawnSync(PYTHON, ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8' }).stdout.trim();
  const [major, minor] = text.split('.').map((part) => Number.parseInt(part, 10));
  return { text, major, minor };
}

/** Experiments and the epochs they run here: short, so that all of them take well under a minute. */
const RUNS: Array<[ExperimentName, number]> = [
  ['default', 200],
  ['digitsAdamWCosine', 8],
  ['breastCancerBalanced', 10],
  ['diabetesPlateau', 30],
  ['zeroGradOff', 20],
  ['clippingOneCycle', 20],
  ['mseOnClasses', 20],
  ['xorStepWarmup', 20],
  ['cancerCyclic', 20],
  ['sineJitter', 60],
];

const TOLERANCE = 0.05;

const missing = pythonMissing();
if (missing) console.warn(`app/code/run.test.ts: ${skipMessage(missing)}`);

describe.skipIf(missing !== null)(`the exported script runs with PyTorch${missing ? ` — ${skipMessage(missing)}` : ''}`, () => {
  const configs = Object.fromEntries(RUNS.map(([name, epochs]) => [name, withEpochs(EXPERIMENTS[name], epochs)]));
  let runs: Record<string, ScriptRun> = {};

  beforeAll(async () => {
    const scripts = Object.fromEntries(RUNS.map(([name]) => [name, pytorchScript(configs[name], { language: 'en' }).text]));
    runs = await runEach(scripts, {
      csvFiles: ['digits.csv', 'breast_cancer.csv', 'diabetes_data.csv', 'diabetes_target.csv'],
      timeoutMs: 45_000,
      parallel: 2,
    });
  }, 55_000);

  it.each(RUNS)('%s (%i epochs): exits 0 and ends within 5 points of the playground', (name) => {
    const config = configs[name];
    const run = runs[name];
    expect(run?.exitCode, run?.output.slice(-3000)).toBe(0);
    const final = run.final!;
    const classification = isClassification(config);
    const scriptMetric = (classification ? final.val_acc : final.val_r2) as number;
    const playground = runPlayground(config);
    console.log(
      `${name}: validation ${classification ? 'accuracy' : 'R²'} script ${scriptMetric.toFixed(4)}, ` +
        `playground ${playground.validationMetric.toFixed(4)} (${playground.state} after ${playground.epochs} epochs; script ${final.stopped} after ${final.epochs})`,
    );
    expect(Math.abs(scriptMetric - playground.validationMetric)).toBeLessThanOrEqual(TOLERANCE);
    if (playground.state === 'finished') expect([final.stopped, final.epochs]).toEqual(['finished', config.training.epochs]);
  });

  it('cancerCyclic (Adam + CyclicLR): a PyTorch before 2.3 says at run time that only the learning rate cycles', () => {
    const version = torchVersion();
    const old = version.major < 2 || (version.major === 2 && version.minor < 3);
    const note = /^note: PyTorch (\S+) cannot cycle Adam's beta1 in CyclicLR/m.exec(runs.cancerCyclic?.output ?? '');
    expect(note?.[1] ?? null).toBe(old ? version.text : null);
  });
});
