/**
 * The first time a page lays out text in a font (a weight, a style, a fallback font for a
 * character the first font lacks: →, μ, ₁, 简体中文), the browser looks the font up and loads it:
 * 5–30 ms each on a slow machine, and at load they all fell into the layout of the first panels,
 * one task of 50–100 ms. Here each is laid out once, hidden, in a task of its own, while the app's
 * code loads, so that the panels' layouts find them ready.
 */

/** Text in each font the page uses (see the stylesheets), with the characters that need a fallback. */
const SAMPLES: ReadonlyArray<readonly [style: string, text: string]> = [
  ['', 'Training Playground 0123456789 loss accuracy'],
  ['', '→·↻…—²’“”–‖∇₁₂μσ−↓β ε'],
  ['', '简体中文'],
  // a bold CJK face is a font file of its own (NotoSansCJK-Bold, PingFang's Semibold): headings,
  // buttons and the epoch counter in Chinese would load it inside the first panels' layout
  ['font-weight: 600', '训练数据'],
  ['font-weight: 700', '训练游乐场'],
  ['font-weight: 600', 'Data Model 0.123 ·β₁₂ε−μσ→'],
  ['font-weight: 700', 'Training Playground'],
  ['font-weight: 650', 'Epoch 12'],
  ['font-weight: 500', 'Step ↓ 10'],
  ['font-style: italic', 'x₂ x₁ italic'],
  ['font: italic 600 0.7rem/1 Georgia, serif', 'i'],
  ["font: 0.8rem/1.5 ui-monospace, 'SF Mono', Menlo, Consolas, 'Noto Sans Mono CJK SC', monospace", 'import torch.nn as nn # 0.1'],
  ["font: 0.8rem/1.5 ui-monospace, 'SF Mono', Menlo, Consolas, 'Noto Sans Mono CJK SC', monospace", '# 训练模型'],
  ['font: 0.8rem/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', 'model = nn.Sequential()'],
];

/**
 * Lays the samples out one a task (a timer each), then calls `done`. `done` comes at once where
 * there is no document (tests), and the samples are removed once laid out.
 */
export function warmUpFonts(done: () => void): void {
  if (typeof document === 'undefined' || !document.body) return done();
  const box = document.createElement('div');
  box.setAttribute('aria-hidden', 'true');
  // out of sight and out of the page's layout: only its own text is laid out
  box.style.cssText = 'position:absolute;left:-10000px;top:0;visibility:hidden;contain:strict;width:600px;height:40px;overflow:hidden';
  document.body.append(box);
  let next = 0;
  const step = () => {
    if (next === SAMPLES.length) {
      box.remove();
      return done();
    }
    const [style, text] = SAMPLES[next++];
    const line = document.createElement('span');
    line.style.cssText = style;
    line.textContent = text;
    box.append(line);
    void line.offsetWidth; // lays it out now, in this task
    setTimeout(step, 0);
  };
  setTimeout(step, 0);
}
