import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LanguageProvider, messagesFor, type Language } from '../i18n';
import { CurvesPanel, curveNames } from '../panels/CurvesPanel';

const render = (language: Language) =>
  renderToStaticMarkup(
    <LanguageProvider language={language}>
      <CurvesPanel />
    </LanguageProvider>,
  );

describe('CurvesPanel (before the first step)', () => {
  it('has its controls, each with a visible label', () => {
    const markup = render('en');
    for (const label of ['Log scale', 'Smoothing', 'X axis', 'Gradient chart']) expect(markup).toMatch(new RegExp(`<label[^>]*>${label}</label>`));
  });

  it('titles the four charts and says how to start', () => {
    const markup = render('en');
    for (const title of ['Loss', 'Accuracy', 'Learning rate', 'Gradient norm per layer']) expect(markup).toContain(`>${title}</h3>`);
    expect(markup.match(/Press Play to start training/g)).toHaveLength(4);
  });

  it('speaks Chinese without English left over', () => {
    const markup = render('zh-CN');
    for (const text of ['训练曲线', '对数坐标', '平滑', '横轴', '损失', '准确率', '学习率', '点击“开始”即可开始训练']) expect(markup).toContain(text);
    expect(markup).not.toMatch(/Press Play|Log scale|Smoothing|Learning rate/);
  });
});

describe('curveNames', () => {
  it('names each Linear layer by its shape, the last one as the output', () => {
    const names = curveNames(messagesFor('en'), '2,8,8,2');
    expect([0, 1, 2].map(names.layer)).toEqual(['Layer 1 (2→8)', 'Layer 2 (8→8)', 'Output (8→2)']);
    expect(curveNames(messagesFor('zh-CN'), '2,4,1').layer(0)).toBe('第 1 层（2→4）');
  });
});
