import { describe, expect, it } from 'vitest';
import { defaultConfig, defaultOptimizer, validateConfig } from '../../engine/train/config';
import { Generator } from '../../engine';
import { decodeHash, encodeHash } from './hash';
import { experimentConfig } from '../experiments/presets';

describe('the experiment in the URL hash', () => {
  it('writes only what differs from the defaults', () => {
    expect(encodeHash(defaultConfig())).toBe('v=1');
    const c = defaultConfig();
    c.data.dataset = 'moons';
    c.model.hiddenLayers = [8, 4];
    c.optimizer = { ...defaultOptimizer('sgd'), lr: 0.3, momentum: 0.9 };
    expect(encodeHash(c)).toBe('v=1&data.dataset=moons&model.hiddenLayers=8,4&optimizer.type=sgd&optimizer.lr=0.3&optimizer.momentum=0.9');
  });

  it('reads back exactly what it wrote', () => {
    const c = defaultConfig();
    c.data = { ...c.data, dataset: 'blobs', classes: 4, noise: 0.25, seed: 7 };
    c.loss.classWeights = [1, 2, 0.5, 1];
    c.optimizer = { ...defaultOptimizer('adamw'), lr: 0.003, betas: [0.8, 0.95] };
    c.training.earlyStopping = { ...c.training.earlyStopping, enabled: true, patience: 7 };
    const decoded = decodeHash('#' + encodeHash(c));
    expect(decoded.ignored).toEqual([]);
    expect(decoded.config).toEqual(c);
  });

  it('falls back to the default field by field and says which fields it ignored', () => {
    const decoded = decodeHash('#v=1&optimizer.lr=abc&model.dropout=1&data.dataset=moons&foo.bar=1&training.batchSize=0');
    expect(decoded.config.data.dataset).toBe('moons');
    expect(decoded.config.optimizer.lr).toBe(defaultConfig().optimizer.lr);
    expect(decoded.config.model.dropout).toBe(0);
    const paths = decoded.ignored.map((e) => e.path).sort();
    expect(paths).toEqual(['foo', 'model.dropout', 'optimizer.lr', 'training.batchSize']);
    expect(decoded.ignored.find((e) => e.path === 'optimizer.lr')!.message).toMatch(/optimizer\.lr must be a positive number ≤ 10; got "abc"/);
  });

  it('never throws on hostile input, and always yields a valid experiment', () => {
    const g = new Generator(99);
    const pieces = ['=', '&', '%', '%zz', '__proto__', 'constructor.prototype', 'optimizer.type=', 'scheduler.type=x', 'optimizer.type=sgd', 'v=99', '.', '..', 'data.points=1e309', 'model.hiddenLayers=,,,', 'loss.classWeights=balanced', 'training.epochs=-1', '\u0000', '😀'];
    for (let i = 0; i < 500; i++) {
      let hash = '';
      const n = g.randint(12);
      for (let k = 0; k < n; k++) hash += pieces[g.randint(pieces.length)] + (g.random() < 0.5 ? '&' : '');
      const decoded = decodeHash(hash);
      expect(validateConfig(decoded.config).ok).toBe(true);
    }
    expect(decodeHash('#' + 'a'.repeat(20_000)).ignored[0].message).toMatch(/too long/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('a guided experiment in the link', () => {
  it('rides along after the settings and comes back out', () => {
    const config = experimentConfig('classImbalance');
    const hash = encodeHash(config, 'classImbalance');
    expect(hash).toMatch(/&lesson=classImbalance$/);
    const decoded = decodeHash('#' + hash);
    expect(decoded.lesson).toBe('classImbalance');
    expect(decoded.config).toEqual(config);
    expect(decoded.ignored).toEqual([]);
    expect(decodeHash('#v=1').lesson).toBeNull();
  });

  it('names an unknown one and keeps the rest of the link', () => {
    const decoded = decodeHash('#v=1&data.dataset=moons&lesson=nope');
    expect(decoded.lesson).toBeNull();
    expect(decoded.config.data.dataset).toBe('moons');
    expect(decoded.ignored).toEqual([expect.objectContaining({ path: 'lesson', got: 'nope' })]);
  });
});
