import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../engine/train/config';
import { embedSnippet } from '../embed/EmbedDialog';
import { DEFAULT_EMBED } from './embed';
import { decodeHash, encodeHash } from './hash';

describe('the embedded view in the link', () => {
  it('is read beside the settings, which stay as they were', () => {
    const decoded = decodeHash('v=1&optimizer.lr=0.1&embed=1&panels=output,loss&controls=play,lr');
    expect(decoded.ignored).toEqual([]);
    expect(decoded.config.optimizer.lr).toBe(0.1);
    expect(decoded.embed).toEqual({ panels: ['output', 'loss'], controls: ['play', 'lr'] });
  });

  it('has defaults, aliases (curves, boundary) and no repeats', () => {
    expect(decodeHash('embed=1').embed).toEqual(DEFAULT_EMBED);
    expect(decodeHash('embed=1&panels=boundary,curves,loss').embed!.panels).toEqual(['output', 'loss', 'accuracy', 'lr', 'gradients']);
  });

  it('refuses what it does not know, with a message, and keeps the rest', () => {
    const decoded = decodeHash('embed=1&panels=loss,<script>,model&controls=play,launch');
    expect(decoded.embed).toEqual({ panels: ['loss', 'model'], controls: ['play'] });
    expect(decoded.ignored.map((e) => e.path)).toEqual(['panels', 'controls']);
    expect(decoded.ignored[0].message).toMatch(/"<script>" is not one of output, loss/);
  });

  it('falls back to the default panels when none is usable, and to the whole page when embed is not 1', () => {
    const none = decodeHash('embed=1&panels=nothing');
    expect(none.embed!.panels).toEqual(DEFAULT_EMBED.panels);
    expect(none.ignored).toHaveLength(2);
    expect(decodeHash('embed=0&panels=loss').embed).toBeNull();
    const odd = decodeHash('embed=yes');
    expect(odd.embed).toBeNull();
    expect(odd.ignored[0].path).toBe('embed');
    // panels without embed=1 say why they did nothing
    expect(decodeHash('panels=loss').ignored[0].message).toMatch(/embed=1/);
  });

  it('round-trips through encodeHash', () => {
    const config = defaultConfig();
    config.optimizer.lr = 0.3;
    const view = { panels: ['loss' as const, 'lr' as const], controls: ['play' as const] };
    const hash = encodeHash(config, 'stepLR', view);
    expect(hash).toBe('v=1&optimizer.lr=0.3&lesson=stepLR&embed=1&panels=loss,lr&controls=play');
    const back = decodeHash(hash);
    expect(back.embed).toEqual(view);
    expect(back.lesson).toBe('stepLR');
    expect(back.config.optimizer.lr).toBe(0.3);
  });

  it('writes an iframe snippet with the link escaped for HTML', () => {
    const snippet = embedSnippet('https://example.org/play/', 'v=1&embed=1&panels=loss', 'Training Playground: "A" <b>', { width: '700', height: '450' });
    expect(snippet).toBe(
      '<iframe src="https://example.org/play/#v=1&amp;embed=1&amp;panels=loss" width="700" height="450" title="Training Playground: &quot;A&quot; &lt;b>" loading="lazy" style="border: 0; max-width: 100%;"></iframe>',
    );
  });
});
