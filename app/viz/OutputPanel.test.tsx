/** The output panel rendered to HTML with real data and predictions from a training session. */
import { readFile } from 'node:fs/promises';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultConfig, type ExperimentConfig } from '../../engine/train/config';
import type { EvaluationRecord } from '../../engine/train/trainer';
import { TrainingSession } from '../../workers/session';
import { LanguageProvider, type Language } from '../i18n';
import { OutputPanel } from '../panels/OutputPanel';
import { useStore, type State } from '../store';
import { displayClassNames } from './classNames';
import { DigitGrid } from './DigitGrid';
import { messagesFor } from '../i18n';

const loadText = (file: string) => readFile(`public/datasets/${file}`, 'utf8');

/** Trains `steps` batches of `dataset` and puts what the page would have into the store. */
async function trained(dataset: ExperimentConfig['data']['dataset'], steps: number) {
  const config = defaultConfig();
  config.data.dataset = dataset;
  if (dataset === 'sine' || dataset === 'diabetes' || dataset === 'bumps') config.loss.type = 'mse';
  const evaluations: EvaluationRecord[] = [];
  const session = new TrainingSession({ loadText });
  expect((await session.init(config, (b) => void evaluations.push(...b.evaluations))).errors).toEqual([]);
  session.step(steps);
  const points = session.points()!;
  const features = points.features;
  const grid = session.predictGrid(72);
  const cells = features === 2 ? 72 * 72 : 72;
  setState({
    points,
    picture: grid ? { grid, resolution: 72, channels: grid.length / cells, run: 1 } : null,
    latestEvaluation: evaluations.at(-1) ?? null,
  });
  return session;
}

const render = (language: Language = 'en') =>
  renderToStaticMarkup(
    <LanguageProvider language={language}>
      <OutputPanel />
    </LanguageProvider>,
  );

/** Server rendering reads the store's initial state, so the tests write there too. */
function setState(patch: Partial<State>): void {
  useStore.setState(patch);
  Object.assign(useStore.getInitialState(), patch);
}

beforeEach(() => setState({ points: null, picture: null, latestEvaluation: null, showValidationPoints: true, showTrainingPoints: true }));

describe('OutputPanel', () => {
  it('says it is loading before the data arrive', () => {
    expect(render()).toContain('Loading the data…');
  });

  it('draws a 2-D classification set: labelled plane, point switches, confusion matrix and per-class table', async () => {
    await trained('moons', 40);
    const html = render();
    expect(html).toMatch(/<canvas[^>]*role="img"[^>]*aria-label="Decision boundary over the input plane/);
    expect(html).toMatch(/<label[^>]*>Training points<\/label>/);
    expect(html).toMatch(/<label[^>]*>Validation points<\/label>/);
    expect(html).toContain('x₁');
    expect(html).toContain('x₂');
    // a real table, with headers for both axes
    expect(html).toMatch(/<table[^>]*data-testid="confusion-matrix"/);
    expect(html.match(/<th scope="col" class="confusion-col">/g)).toHaveLength(2);
    expect(html.match(/<th scope="row" class="confusion-row">/g)).toHaveLength(2);
    expect(html).toContain('Class 1');
    expect(html).toMatch(/data-testid="recall-1">.*%/s);
    expect(html).toMatch(/Validation accuracy \d+(\.\d)?% on 80 examples/);
  });

  it('reads in Chinese throughout', async () => {
    await trained('moons', 10);
    const html = render('zh-CN');
    for (const text of ['输出', '训练点', '验证点', '混淆矩阵', '召回率', '精确率', '类别 0', '决策边界']) expect(html).toContain(text);
    expect(html).not.toMatch(/Training points|Confusion matrix|Recall/);
  });

  it('draws a fitted surface with its colour scale for 2-D regression, and no confusion matrix', async () => {
    await trained('bumps', 20);
    const html = render();
    expect(html).toMatch(/aria-label="Fitted surface over the input plane/);
    expect(html).toMatch(/aria-label="Colour scale: blue is −\d/);
    expect(html).not.toContain('confusion-matrix');
    expect(html).toMatch(/data-testid="regression-summary">Validation: R²/);
  });

  it('draws the fitted curve of a 1-D set as a line over the data', async () => {
    await trained('sine', 20);
    const html = render();
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-label="The fitted curve/);
    expect(html).toMatch(/<path class="curve-line" d="M[\d.]+ [\d.]+L/);
    expect(html.match(/<g class="dots-train">/g)).toHaveLength(1);
  });

  it('leaves the validation rings out when the switch is off', async () => {
    await trained('sine', 5);
    expect(render()).toContain('dots-validation');
    setState({ showValidationPoints: false });
    expect(render()).not.toContain('dots-validation');
  });

  it('explains a table set and shows its 3 × 3 confusion matrix with the species named', async () => {
    await trained('iris', 10);
    const html = render();
    expect(html).toContain('This data set has 4 input features');
    expect(html.match(/class="confusion-cell/g)).toHaveLength(9);
    expect(html).toContain('Versicolor');
  });
});

describe('DigitGrid', () => {
  it('marks mistakes in words (true → predicted) and with a frame, not by colour alone', async () => {
    const session = await trained('digits', 3);
    const points = session.points()!;
    const probabilities = session.predictValidation()!;
    const names = displayClassNames(messagesFor('en').output, points.classNames, 10, true);
    const html = renderToStaticMarkup(
      <LanguageProvider language="en">
        <DigitGrid points={points} probabilities={probabilities} classNames={names} />
      </LanguageProvider>,
    );
    expect(html.match(/<li /g)).toHaveLength(48);
    const wrong = html.match(/class="digit digit-wrong"/g)?.length ?? 0;
    expect(wrong).toBeGreaterThan(0); // barely trained: plenty of mistakes
    expect(html.match(/class="digit-label"[^>]*>\d → \d</g)).toHaveLength(wrong);
    expect(html).toMatch(/<span class="visually-hidden">Validation image \d+: a \d, predicted \d \(\d+% sure\) — a mistake\.<\/span>/);
    expect(html).toMatch(/data-testid="digit-mistakes">\d+ of \d+ validation images wrong/);
    expect(html).toMatch(/<label[^>]*>Only mistakes<\/label>/);
  });
});
