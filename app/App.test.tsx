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
    for (const name of ["Play", "Step", "Reset", "Share"]) expect(markup).toMatch(new RegExp(`[> ]${name}</button>`));
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
    for (const url of urls) expect(url).toMatch(/^\.\//);
  });
});
