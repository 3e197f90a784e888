import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { App } from './App';

describe('App (landing page)', () => {
  const markup = renderToStaticMarkup(<App />);

  it('names the playground in its one top-level heading', () => {
    expect(markup.match(/<h1[^>]*>/g)).toHaveLength(1);
    expect(markup).toContain('>Training Playground</h1>');
  });

  it('has a live engine check that starts with the run state in a status line, and no worker yet', () => {
    expect(markup).toMatch(/aria-label="Live engine check"/);
    expect(markup).toMatch(/role="status"[^>]*>.*data-testid="status"[^>]*>Starting…</s);
    expect(markup).not.toContain('in development');
  });

  it('shows every number of the run, empty until the worker reports', () => {
    for (const id of ['epoch', 'step', 'train-loss', 'val-loss', 'val-acc']) {
      expect(markup).toMatch(new RegExp(`data-testid="${id}"`));
    }
    expect(markup).toContain('data-testid="epoch">0 / 200<');
    expect(markup).toContain('data-testid="step">0<');
    expect(markup).toContain('data-testid="val-loss">–<');
  });

  it('links assets relatively, so the site works from any sub-path', () => {
    const urls = [...markup.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((match) => match[1]);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url).toMatch(/^\.\//);
  });
});
