import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { App } from './App';

describe('App (the playground, before the worker reports)', () => {
  const markup = renderToStaticMarkup(<App />);

  it('names the playground in its one top-level heading', () => {
    expect(markup.match(/<h1[^>]*>/g)).toHaveLength(1);
    expect(markup).toContain('>Training Playground</h1>');
  });

  it('has the run controls, named for assistive technology', () => {
    expect(markup).toMatch(/aria-label="Run controls"/);
    for (const name of ['Play', 'Step', 'Share', 'Embed', 'Code']) expect(markup).toMatch(new RegExp(`[> ]${name}</button>`));
    // on a phone Reset shows only its icon: its name is its label
    expect(markup).toMatch(/aria-label="Reset"/);
  });

  it('shows every live number of the run, empty until the worker reports', () => {
    for (const id of ['epoch', 'step', 'train-loss', 'val-loss', 'train-acc', 'val-acc', 'lr', 'status']) {
      expect(markup).toMatch(new RegExp(`data-testid="${id}"`));
    }
    expect(markup).toMatch(/data-testid="step">0</);
    expect(markup).toMatch(/data-testid="val-loss">–</);
    expect(markup).toMatch(/data-testid="status"[^>]*>.*Starting…/s);
  });

  it('links assets relatively, so the site works from any sub-path', () => {
    const urls = [...markup.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((match) => match[1]);
    expect(urls.length).toBeGreaterThan(0);
    // in-page links: the skip links (which move the focus without touching the link's hash)
    for (const url of urls) expect(url).toMatch(/^(\.\/|#(run|curves|code)$)/);
  });

  it('starts with skip links to the run controls, the curves and the code, before the header', () => {
    expect(markup.indexOf('class="skip-links"')).toBeLessThan(markup.indexOf('<header'));
    for (const text of ['Skip to the run controls', 'Skip to the curves', 'Skip to the PyTorch code']) expect(markup).toContain(`>${text}</a>`);
  });

  it('puts the curves first in the middle column, before the network diagram', () => {
    expect(markup.indexOf('slot slot-curves')).toBeGreaterThan(0);
    expect(markup.indexOf('slot slot-curves')).toBeLessThan(markup.indexOf('slot slot-model'));
  });
});
