/**
 * A setting maps to the lines that carry it out: hovering a control can point at them, and a change
 * lights up exactly the lines it rewrote.
 */
import { describe, expect, it } from 'vitest';
import { FIELD_ENTRIES, defaultOptimizer, fieldsOf, type ExperimentConfig } from '../../engine/train/config';
import { changedLines, linesForField } from './lines';
import { pytorchScript } from './script';
import { EXPERIMENTS, type ExperimentName } from './testing/experiments';

const en = (config: ExperimentConfig) => pytorchScript(config, { language: 'en' });
const texts = (config: ExperimentConfig, path: string) => {
  const code = en(config);
  return linesForField(code, path).map((i) => code.lines[i].text);
};
const edited = (edit: (c: ExperimentConfig) => void, base: ExperimentConfig = EXPERIMENTS.default) => {
  const copy = structuredClone(base);
  edit(copy);
  return copy;
};
const changedTexts = (before: ExperimentConfig, after: ExperimentConfig) => {
  const code = en(after);
  return changedLines(en(before), code).map((i) => code.lines[i].text);
};

/** Settings that change nothing the program does: the playground's mid-epoch evaluations only add points to its charts. */
const NOT_IN_THE_PROGRAM = new Set(['training.evaluateEverySteps']);

describe('linesForField', () => {
  it('optimizer.lr points at the optimizer line and the comment that explains it', () => {
    expect(texts(EXPERIMENTS.default, 'optimizer.lr')).toEqual([
      '# Learning rate: too large a step and the loss jumps around or diverges; too small and learning crawls.',
      'optimizer = torch.optim.Adam(model.parameters(), lr=0.01)',
    ]);
  });

  it('a setting at PyTorch\'s default points at the call where it would go', () => {
    expect(texts(EXPERIMENTS.default, 'optimizer.eps')).toEqual(['optimizer = torch.optim.Adam(model.parameters(), lr=0.01)']);
  });

  it('each hyper-parameter of a multi-line call has its own line', () => {
    const config = EXPERIMENTS.clippingOneCycle;
    expect(texts(config, 'optimizer.momentum').filter((t) => !t.trimStart().startsWith('#'))).toEqual([
      'optimizer = torch.optim.SGD(',
      '    momentum=0.9,',
    ]);
    expect(texts(config, 'training.gradientClipping.maxNorm')).toContain('MAX_NORM = 0.5');
    expect(texts(config, 'training.gradientClipping.enabled')).toContain(
      '        nn.utils.clip_grad_norm_(model.parameters(), max_norm=MAX_NORM)',
    );
  });

  it('a group path finds the lines of all its settings', () => {
    const config = EXPERIMENTS.diabetesPlateau;
    const group = texts(config, 'training.earlyStopping');
    expect(group).toContain('PATIENCE = 15');
    expect(group).toContain('MIN_DELTA = 0.001');
    expect(group).toContain('            model.load_state_dict(best_state)');
  });

  it('the zero_grad switch points at the (commented-out) zero_grad line', () => {
    expect(texts(EXPERIMENTS.default, 'training.zeroGrad')).toContain('        optimizer.zero_grad()');
    expect(texts(EXPERIMENTS.zeroGradOff, 'training.zeroGrad')).toContain('        # optimizer.zero_grad()');
  });

  it.each(Object.keys(EXPERIMENTS) as ExperimentName[])('%s: every setting the experiment uses has a line, and every path is real', (name) => {
    const config = EXPERIMENTS[name];
    const code = en(config);
    const known = new Set(FIELD_ENTRIES.map((e) => e.path));
    const unknown = code.lines.flatMap((l) => l.fields).filter((f) => !known.has(f));
    expect(unknown).toEqual([]);
    const missing = fieldsOf(config)
      .filter((f) => f.used && !NOT_IN_THE_PROGRAM.has(f.path))
      .map((f) => f.path)
      .filter((path) => linesForField(code, path).length === 0);
    expect(missing).toEqual([]);
  });
});

describe('changedLines', () => {
  it('a new learning rate changes exactly the optimizer line', () => {
    expect(changedTexts(EXPERIMENTS.default, edited((c) => (c.optimizer.lr = 0.03)))).toEqual([
      'optimizer = torch.optim.Adam(model.parameters(), lr=0.03)',
    ]);
  });

  it('turning zero_grad off replaces the call with the commented-out line and its explanation', () => {
    const changed = changedTexts(EXPERIMENTS.default, edited((c) => (c.training.zeroGrad = false)));
    expect(changed[0]).toBe('        # optimizer.zero_grad()');
    expect(changed.length).toBe(4);
    expect(changed.every((t) => t.trimStart().startsWith('#'))).toBe(true);
  });

  it('a hyper-parameter leaving its default opens the call onto one argument per line', () => {
    const changed = changedTexts(EXPERIMENTS.default, edited((c) => c.optimizer.type === 'adam' && (c.optimizer.weightDecay = 0.001)));
    expect(changed).toContain('    weight_decay=0.001,');
    expect(changed).toContain('    lr=0.01,');
  });

  it('switching the optimizer rewrites the optimizer part only', () => {
    const after = edited((c) => (c.optimizer = defaultOptimizer('sgd')));
    const code = en(after);
    const sections = new Set(changedLines(en(EXPERIMENTS.default), code).map((i) => code.lines[i].section));
    expect([...sections]).toEqual(['optimizer']);
  });

  it('a change of data set touches the data part but not the loop', () => {
    const after = edited((c) => (c.data.dataset = 'moons'));
    const code = en(after);
    const sections = new Set(changedLines(en(EXPERIMENTS.default), code).map((i) => code.lines[i].section));
    expect(sections.has('data')).toBe(true);
    expect(sections.has('training')).toBe(false);
  });

  it('the same program has no changed lines', () => {
    expect(changedLines(en(EXPERIMENTS.cancerCyclic), en(EXPERIMENTS.cancerCyclic))).toEqual([]);
  });
});

describe('comments follow the language, code does not', () => {
  /** The code of a line without a trailing comment (no generated string contains " # "). */
  const codeOf = (text: string) => text.replace(/\s+# .*$/, '');

  it.each(Object.keys(EXPERIMENTS) as ExperimentName[])('%s: the code lines are the same in English and Chinese', (name) => {
    const code = (language: 'en' | 'zh-CN') =>
      pytorchScript(EXPERIMENTS[name], { language })
        .lines.filter((l) => l.kind === 'code' || l.kind === 'data')
        .map((l) => codeOf(l.text));
    expect(code('zh-CN')).toEqual(code('en'));
  });

  it('the Chinese program has Chinese comments and headings', () => {
    const code = pytorchScript(EXPERIMENTS.default, { language: 'zh-CN' });
    expect(code.text).toContain('# 学习率：步子太大，损失会来回震荡甚至发散；太小则学得很慢。');
    expect(code.lines.find((l) => l.kind === 'section' && l.section === 'model')!.text).toMatch(/^# ── 5\. 模型 ─+$/);
  });
});
