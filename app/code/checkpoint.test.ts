/**
 * The exported script reads the playground's checkpoint (issue 13.3): the lines after `evaluate`
 * load its state dict into the script's nn.Sequential, and PyTorch measures the validation loss the
 * playground measured with those weights.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig, type ExperimentConfig } from '../../engine/train/config';
import { buildExperiment } from '../../engine/train/build';
import { makeCheckpoint } from '../../engine/train/checkpoint';
import { pytorchScript } from './script';
import { pythonMissing, runInOneProcess, skipMessage } from './testing/python';
import { datasetTexts } from './testing/playground';


function cases(): Record<string, ExperimentConfig> {
  const withBuffers = defaultConfig();
  withBuffers.model = { ...withBuffers.model, batchNorm: true, dropout: 0.2 };
  const digits = defaultConfig();
  digits.data.dataset = 'digits';
  digits.model.hiddenLayers = [32];
  const regression = defaultConfig();
  regression.data.dataset = 'sine';
  regression.loss.type = 'mse';
  return { withBuffers, digits, regression };
}

describe('the script and the checkpoint', () => {
  it('loads the file named in PLAYGROUND_CHECKPOINT (or CHECKPOINT) with three lines', () => {
    const text = pytorchScript(defaultConfig(), { language: 'en' }).text;
    expect(text).toContain('CHECKPOINT = os.environ.get("PLAYGROUND_CHECKPOINT")');
    expect(text).toContain('    model.load_state_dict({k: torch.tensor(v["data"]).reshape(v["shape"]) for k, v in checkpoint["model"].items()})');
    expect(text).toContain('PLAYGROUND_CHECKPOINT=training-playground-….json python train_spiral.py');
    expect(pytorchScript(defaultConfig(), { language: 'zh-CN' }).text).toContain('要从这些权重开始');
  });

  const missing = pythonMissing();
  it.skipIf(missing !== null)(missing === null ? 'PyTorch measures the saved weights as the playground did (BatchNorm buffers, digits, regression)' : skipMessage(missing), async () => {
    const folder = mkdtempSync(join(tmpdir(), 'playground-checkpoint-'));
    const scripts: Record<string, string> = {};
    const expected: Record<string, { step: number; loss: number }> = {};
    for (const [name, config] of Object.entries(cases())) {
      const built = buildExperiment(config, datasetTexts(config));
      built.trainer.runEpoch();
      built.trainer.runEpoch();
      const loss = built.trainer.evaluate().validation.loss;
      const path = join(folder, `${name}.json`);
      writeFileSync(path, JSON.stringify(makeCheckpoint(built, config, loss)));
      expected[name] = { step: built.trainer.status.step, loss };
      const short = structuredClone(config);
      short.training.epochs = 1;
      // the file's name written into the script, as its comment says one may
      scripts[name] = pytorchScript(short, { language: 'en' }).text.replace('CHECKPOINT = os.environ.get("PLAYGROUND_CHECKPOINT")', `CHECKPOINT = ${JSON.stringify(path)}`);
    }
    const runs = await runInOneProcess(scripts, { csvFiles: ['digits.csv'], timeoutMs: 120_000 });
    for (const [name, { step, loss }] of Object.entries(expected)) {
      const run = runs[name];
      expect(run.exitCode, run.output.slice(-2000)).toBe(0);
      const line = run.output.split('\n').find((l) => l.startsWith('LOADED '));
      expect(line, run.output.slice(0, 2000)).toBeDefined();
      const loaded = JSON.parse(line!.slice(7)) as { step: number; val_loss: number };
      expect(loaded.step).toBe(step);
      expect(loaded.val_loss).toBeCloseTo(loss, 4);
    }
  }, 180_000);
});
