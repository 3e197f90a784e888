import { renderToString } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { changedLines, linesForField, pytorchScript } from '../code';
import { defaultConfig } from '../../engine/train/config';
import { LanguageProvider, type Language } from '../i18n';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';
import { CodePanel } from '../panels/CodePanel';
import { CodeView } from './CodeView';
import { makeCodeCache } from './memo';

const codeFor = makeCodeCache(pytorchScript);

function renderView(language: Language, hoveredField: string | null, wrap = true) {
  const view = codeFor(defaultConfig(), language);
  const html = renderToString(
    <LanguageProvider language={language}>
      <CodeView view={view} language={language} hoveredField={hoveredField} wrap={wrap} changedLines={changedLines} linesForField={linesForField} />
    </LanguageProvider>,
  );
  return { view, html };
}

/** The HTML of the row that shows line `index` (0-based). */
function rowHtml(html: string, index: number): string {
  const start = html.indexOf(`data-row="l${index}"`);
  expect(start).toBeGreaterThan(-1);
  const open = html.lastIndexOf('<div', start);
  const next = html.indexOf('<div class="code-line', start);
  return html.slice(open, next === -1 ? html.indexOf('</div></div>', start) : next);
}

describe('CodePanel before the generator has loaded', () => {
  test('shows the named buttons (disabled), the "Go to" list and a "Loading" box of the same size', () => {
    const html = renderToString(<LanguageProvider language="en"><CodePanel /></LanguageProvider>);
    expect(html).toContain('Loading the code…');
    expect(html).toContain('code-skeleton');
    expect(html).toMatch(/<button type="button" class="button" disabled="">(?:(?!<\/button>).)*Copy<\/button>/);
    for (const name of ['Download .py', 'Download notebook']) expect(html).toMatch(new RegExp(`<button[^>]*disabled=""[^>]*aria-label="${name}"`));
    expect(html).toContain('aria-label="PyTorch program for this experiment"');
    expect(html).toContain('Go to');
    expect(html).toContain('Wrap lines');
  });

  test('in Chinese, the chrome is Chinese', () => {
    const html = renderToString(<LanguageProvider language="zh-CN"><CodePanel /></LanguageProvider>);
    for (const text of ['PyTorch 代码', '正在加载代码…', '复制', '下载 .py', '下载 Notebook', '跳到', '自动换行']) expect(html).toContain(text);
    expect(html).not.toMatch(/Download|Loading|Copy/);
  });

  test('every message is translated', () => {
    const texts = (messages: unknown): string[] => {
      if (typeof messages === 'string') return [messages];
      if (typeof messages === 'function') return [(messages as (x: unknown) => string)(3)];
      return Object.values(messages as object).flatMap(texts);
    };
    const english = texts(en.code);
    const chinese = texts(zhCN.code);
    expect(chinese.length).toBe(english.length);
    // only file kinds stay the same (the short labels of the download buttons)
    const same = english.filter((text, i) => text === chinese[i]);
    expect(same).toEqual(['.py', 'Notebook']);
  });
});

describe('CodeView', () => {
  test('every line is drawn with its number; the random-number part starts folded to its heading', () => {
    const { view, html } = renderView('en', null);
    const random = view.sections.find((s) => s.id === 'random')!;
    const drawn = [...html.matchAll(/data-row="l(\d+)"/g)].map((match) => Number(match[1]));
    expect(drawn.length).toBe(view.code.lines.length - (random.end - random.start));
    expect(drawn).toContain(random.start);
    expect(drawn).not.toContain(random.start + 1);
    expect(html).toContain(`${random.end - random.start} lines folded`);
    expect(html).toContain('aria-expanded="false" aria-label="Show “The playground&#x27;s random numbers”"');
    expect(html).toContain('data-n="1"');
    expect(html).toContain('role="region"');
    expect(html).toContain('tabindex="0"');
    // "Go to": the beginning, then the twelve parts by their headings
    const options = [...html.matchAll(/<option value="([a-z]*)"/g)].map((match) => match[1]);
    expect(options).toEqual(['', ...view.sections.map((s) => s.id)]);
    expect(html).toContain('The data set: spiral');
  });

  test('the code is highlighted and says the same as the program', () => {
    const { view, html } = renderView('en', null);
    const lr = view.code.lines.findIndex((l) => l.text.includes('torch.optim.Adam('));
    const row = rowHtml(html, lr);
    expect(row).toContain('<span class="tok-call">Adam</span>');
    expect(row).toContain('<span class="tok-number">0.01</span>');
    const text = row.replace(/<[^>]+>/g, '').replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    expect(text).toBe(view.code.lines[lr].text);
  });

  test('pointing at the learning rate outlines its lines and marks its part in the index', () => {
    const { view, html } = renderView('en', 'optimizer.lr');
    const pointed = linesForField(view.code, 'optimizer.lr');
    expect(pointed.length).toBeGreaterThan(0);
    for (const index of pointed) expect(rowHtml(html, index)).toContain('code-pointed');
    const others = view.code.lines.map((_, i) => i).filter((i) => !pointed.includes(i) && html.includes(`data-row="l${i}"`));
    for (const index of others) expect(rowHtml(html, index)).not.toContain('code-pointed');

  });

  test('Chinese comments, the same code; wrap off draws one row per line', () => {
    const { html } = renderView('zh-CN', null, false);
    expect(html).toContain('模型');
    expect(html).toContain('<span class="tok-call">zero_grad</span>');
    expect(html).toContain('class="code-scroll"');
    expect(renderView('zh-CN', null, true).html).toContain('class="code-scroll code-wrap"');
  });

  test('an embedded data set is folded to one line that opens', () => {
    const config = defaultConfig();
    const view = codeFor({ ...config, data: { ...config.data, dataset: 'iris' } }, 'en');
    const html = renderToString(
      <LanguageProvider language="en">
        <CodeView view={view} language="en" hoveredField={null} wrap changedLines={changedLines} linesForField={linesForField} />
      </LanguageProvider>,
    );
    expect(html).toContain('… 151 lines of data …');
    expect(html).toMatch(/<button type="button" class="code-fold" aria-expanded="false">/);
    expect(html).not.toContain('5.1,3.5,1.4,0.2');
  });
});
