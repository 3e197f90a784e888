import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../engine/train/config';
import { RunHistory, type EvaluationRecord } from '../store/series';
import { runsCsv, settingColumns } from './csv';

function evaluation(step: number, loss: number): EvaluationRecord {
  return {
    step, epoch: step / 10, activations: [], epochTimeMs: 1, stepsPerSecond: 1,
    train: { kind: 'running', loss, classification: { accuracy: 0.5, confusion: [], precision: [], recall: [] } },
    validation: { kind: 'full', loss: loss + 0.1, classification: { accuracy: 0.25, confusion: [], precision: [], recall: [] } },
  };
}

function run(id: number, lr: number, steps: number) {
  const config = defaultConfig();
  config.optimizer.lr = lr;
  const history = new RunHistory();
  history.evaluations.push(evaluation(0, 0.7));
  for (let s = 1; s <= steps; s++) {
    history.steps.push({ step: s, epoch: Math.floor((s - 1) / 10), loss: 0.5, runningLoss: 0.5, lr, gradNorm: 2, layerGradNorms: [], updateRatios: [] }, 10);
    if (s % 10 === 0) history.evaluations.push(evaluation(s, 0.5));
  }
  return { id, label: `lr=${lr}, "quoted"`, config, history };
}

/** A minimal RFC 4180 reader: fields, with quotes and doubled quotes. */
function parse(text: string): string[][] {
  return text.trimEnd().split('\n').map((line) => {
    const out: string[] = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') { field += '"'; i++; }
        else if (ch === '"') quoted = false;
        else field += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') { out.push(field); field = ''; }
      else field += ch;
    }
    out.push(field);
    return out;
  });
}

describe('runsCsv', () => {
  const runs = [run(1, 0.1, 25), run(2, 0.01, 30)];
  const { text, rows } = runsCsv(runs);
  const table = parse(text);
  const header = table[0];

  it('has one row per step per run, and one for each evaluation before training', () => {
    expect(rows).toBe(25 + 1 + 30 + 1);
    expect(table).toHaveLength(rows + 1);
    for (const row of table) expect(row).toHaveLength(header.length);
  });

  it('names the runs and the settings that set them apart, and the learning rate always', () => {
    expect(header.slice(0, 2)).toEqual(['run', 'label']);
    expect(settingColumns(runs)).toEqual(['optimizer.lr', 'training.batchSize']);
    expect(table[1].slice(0, 4)).toEqual(['1', 'lr=0.1, "quoted"', '0.1', '16']);
    expect(table[rows].slice(0, 3)).toEqual(['2', 'lr=0.01, "quoted"', '0.01']);
  });

  it('puts each evaluation on the step that ended its epoch', () => {
    const col = (name: string) => header.indexOf(name);
    const step10 = table.find((r) => r[0] === '1' && r[col('step')] === '10')!;
    expect(Number(step10[col('val_loss')])).toBeCloseTo(0.6, 6);
    expect(Number(step10[col('val_metric')])).toBe(0.25);
    expect(Number(step10[col('epoch')])).toBe(1);
    const step11 = table.find((r) => r[0] === '1' && r[col('step')] === '11')!;
    expect(step11[col('val_loss')]).toBe('');
    expect(Number(step11[col('batch_loss')])).toBe(0.5);
    const before = table.find((r) => r[0] === '2' && r[col('step')] === '0')!;
    expect(Number(before[col('train_loss')])).toBeCloseTo(0.7, 6);
    expect(before[col('batch_loss')]).toBe('');
  });

  it('thins a huge file evenly, keeping each epoch’s last step and each run’s last, and says by how much', () => {
    const big = { id: 1, label: 'a', config: defaultConfig(), history: new RunHistory() };
    for (let s = 1; s <= 1000; s++) big.history.steps.push({ step: s, epoch: Math.floor((s - 1) / 100), loss: 1, runningLoss: 1, lr: 0.01, gradNorm: 1, layerGradNorms: [], updateRatios: [] }, 100);
    for (let e = 1; e <= 10; e++) big.history.evaluations.push({ step: e * 100, epoch: e, train: { loss: 1 }, validation: { loss: 1 }, activations: [] } as never);
    const csv = runsCsv([big], 100);
    expect(csv.stride).toBe(10);
    const steps = csv.text.trimEnd().split('\n').slice(1).map((l) => Number(l.split(',')[4]));
    expect(steps).toHaveLength(110); // every 10th (1, 11, …, 991) and the epochs' last steps (100, …, 1000)
    expect(steps.filter((s) => s % 100 === 0)).toHaveLength(10);
    expect(runsCsv([big]).stride).toBe(1);
  });
});
