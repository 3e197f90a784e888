import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { App } from './App';

describe('App (landing page)', () => {
  const markup = renderToStaticMarkup(<App />);

  it('names the playground in its one top-level heading', () => {
    expect(markup.match(/<h1[^>]*>/g)).toHaveLength(1);
    expect(markup).toContain('>Training Playground</h1>');
  });

  it('shows the engine status as a live status line', () => {
    expect(markup).toMatch(/role="status"[^>]*>.*Engine status/s);
  });

  it('links assets relatively, so the site works from any sub-path', () => {
    const urls = [...markup.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((match) => match[1]);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url).toMatch(/^\.\//);
  });
});
