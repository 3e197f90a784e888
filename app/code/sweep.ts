/**
 * A comparison of values (issue 10.4) as one PyTorch program: the data once, then the model, loss,
 * optimizer, schedule and training loop in a function run once per value, each from the same seed
 * — as the playground ran them side by side — and a table of their final numbers at the end.
 *
 * The function is the single-value program's second half. Where the values change only the text of
 * the value itself (a learning rate, a weight decay, a batch size), that half is written once with
 * the value as a parameter, `def train(value):`; where they change more (another optimizer or
 * schedule, dropout 0, which has no layer at all), each value gets its own `train_…` function.
 * Either way each run is exactly the program the page would export for that value.
 */
import type { ExperimentConfig } from '../../engine/train/config';
import { sweepConfigs, type Sweep } from '../store/sweep';
import { pythonValue } from './sections/arguments';
import { pytorchScript } from './script';
import type { CodeOptions, CodeLine } from './types';

/** A value no experiment has, so that where it lands in the text says where the value goes. */
const SENTINEL = { number: 0.000123456789, integer: 987653 };

const COMMENTS = {
  en: {
    header: (path: string, values: string) => `# Compares ${path} = ${values}: the experiment once per value, as the playground ran them side by side.`,
    section: '# ── Comparison: the training once per value ───────────────────────────────',
    seed: '# Each value starts from the same seed, so the runs differ only by the value.',
    summary: '# The final numbers of every run, side by side.',
  },
  'zh-CN': {
    header: (path: string, values: string) => `# 比较 ${path} = ${values}：对每个取值各训练一次本实验，与 playground 中并排的运行相同。`,
    section: '# ── 比较：每个取值各训练一次 ─────────────────────────────────────────────',
    seed: '# 每个取值都从同一个随机种子开始，因此各次运行只在这个取值上不同。',
    summary: '# 各次运行的最终结果，放在一起比较。',
  },
} as const;

const indent = (lines: readonly string[]) => lines.map((l) => (l === '' ? '' : `    ${l}`));

/** The program split where the data are ready: the lines before the DataLoader part, and from it on. */
function split(lines: readonly CodeLine[]): { head: string[]; body: string[] } {
  const at = lines.findIndex((l) => l.section === 'loader');
  if (at < 0) throw new Error('the program has no DataLoader part');
  // the loader part's heading comes with it
  let start = at;
  while (start > 0 && lines[start - 1].section === 'loader') start--;
  return { head: lines.slice(0, start).map((l) => l.text), body: lines.slice(start).map((l) => l.text) };
}

function pyName(value: unknown): string {
  return String(value).replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'value';
}

/** The comparison as one Python program, or null when the sweep cannot run on `base`. */
export function sweepScript(base: ExperimentConfig, sweep: Sweep, options: CodeOptions): string | null {
  const { configs, errors } = sweepConfigs(base, sweep);
  if (errors.length > 0) return null;
  const words = COMMENTS[options.language];
  const programs = configs.map((config) => split(pytorchScript(config, options).lines));
  const head = programs[0].head;
  // the data do not depend on the compared setting: every program begins the same
  if (programs.some((p) => p.head.join('\n') !== head.join('\n'))) throw new Error('the compared values change the data');
  const seedLine = head.find((l) => l.startsWith('torch.manual_seed('));
  const [section] = sweep.path.split('.');
  const literal = (value: unknown) => pythonValue(sweep.path, section === 'optimizer' ? base.optimizer.type : base.scheduler.type, value);
  const valuesText = `[${sweep.values.map((v) => (typeof v === 'number' ? literal(v) : JSON.stringify(v))).join(', ')}]`;

  // one function with the value as its parameter, where that reproduces each value's program exactly
  let shared: string[] | null = null;
  if (sweep.values.every((v) => typeof v === 'number')) {
    const integer = sweep.path === 'training.batchSize';
    const sentinel = integer ? SENTINEL.integer : SENTINEL.number;
    const probe = sweepConfigs(base, { path: sweep.path, values: [sentinel, sweep.values[0]] }).configs[0];
    if (probe) {
      const body = split(pytorchScript(probe, options).lines).body;
      const mark = literal(sentinel);
      const fits = programs.every((p, i) => body.map((l) => l.split(mark).join(literal(sweep.values[i]))).join('\n') === p.body.join('\n'));
      if (fits && body.some((l) => l.includes(mark))) shared = body.map((l) => l.split(mark).join('value'));
    }
  }

  const result = 'return {"epochs": epochs_done, "stopped": stopped, "train_loss": train_loss, "val_loss": val_loss, "val_metric": val_metric}';
  const out: string[] = [words.header(sweep.path, valuesText), ...head, words.section, `SWEEP = ${valuesText}`, ''];
  const trainers: string[] = [];
  if (shared !== null) {
    out.push('def train(value):', `    ${words.seed}`, ...(seedLine ? [`    ${seedLine}`] : []), ...indent(shared), `    ${result}`, '');
  } else {
    programs.forEach((p, i) => {
      const name = `train_${pyName(sweep.values[i])}`;
      trainers.push(name);
      out.push(`def ${name}():`, `    ${words.seed}`, ...(seedLine ? [`    ${seedLine}`] : []), ...indent(p.body), `    ${result}`, '');
    });
  }
  out.push(
    'results = []',
    shared !== null ? 'for value in SWEEP:' : `for value, train in zip(SWEEP, [${trainers.join(', ')}]):`,
    `    print(f"\\n=== ${sweep.path} = {value} ===")`,
    shared !== null ? '    results.append((value, train(value)))' : '    results.append((value, train()))',
    '',
    words.summary,
    `print("\\n${sweep.path.padEnd(24)} epochs  stopped       val_loss  val_metric")`,
    'for value, r in results:',
    '    print(f"{str(value):<24} {r[\'epochs\']:>6}  {r[\'stopped\']:<12}  {r[\'val_loss\']:.4f}    {r[\'val_metric\']:.4f}")',
    'print("SWEEP " + json.dumps([{"value": value, **{k: (round(v, 6) if isinstance(v, float) else v) for k, v in r.items()}} for value, r in results]))',
  );
  return `${out.join('\n')}\n`;
}
