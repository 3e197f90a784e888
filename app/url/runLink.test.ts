/** Live changes and comparisons in a link: written, read back, and checked like every setting. */
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../engine/train/config';
import { decodeHash, encodeHash } from './hash';
import { patchOf } from '../bridge/merge';
import { sweepConfigs, suggestedValues } from '../store/sweep';

describe('live changes in a link', () => {
  it('are written step first and read back in step order, with their values typed', () => {
    const changes = [
      { step: 412, path: 'optimizer.lr', value: 0.05 },
      { step: 90, path: 'model.dropout', value: 0.25 },
    ];
    const hash = encodeHash(defaultConfig(), null, null, { changes });
    expect(hash).toBe('v=1&change.412.optimizer.lr=0.05&change.90.model.dropout=0.25');
    const decoded = decodeHash(hash);
    expect(decoded.ignored).toEqual([]);
    expect(decoded.config).toEqual(defaultConfig());
    expect(decoded.changes).toEqual([changes[1], changes[0]]);
  });

  it('leave out a change that would restart the run, a bad value and a bad key, and keep the rest', () => {
    const decoded = decodeHash('#v=1&optimizer.lr=0.01&change.5.model.hiddenLayers=4&change.7.optimizer.lr=-3&change.x.optimizer.lr=1&change.9.optimizer.lr=0.1');
    expect(decoded.config.optimizer.lr).toBe(0.01);
    expect(decoded.changes).toEqual([{ step: 9, path: 'optimizer.lr', value: 0.1 }]);
    expect(decoded.ignored.map((e) => e.path)).toEqual(['change.x.optimizer.lr', 'change.5.model.hiddenLayers', 'change.7.optimizer.lr']);
    expect(decoded.ignored[1].message).toMatch(/starts a new run/);
    expect(decoded.ignored[2].message).toMatch(/^At step 7: /);
  });

  it('keep at most 50 changes and say so', () => {
    const pairs = Array.from({ length: 80 }, (_, i) => `change.${i + 1}.optimizer.lr=${(i + 1) / 1000}`);
    const decoded = decodeHash(`#v=1&${pairs.join('&')}`);
    expect(decoded.changes).toHaveLength(50);
    expect(decoded.ignored).toEqual([expect.objectContaining({ path: 'change', code: 'tooMany', got: '80' })]);
  });

  it('patchOf sets one setting', () => {
    expect(patchOf('optimizer.lr', 0.1)).toEqual({ optimizer: { lr: 0.1 } });
    expect(patchOf('training.earlyStopping.patience', 3)).toEqual({ training: { earlyStopping: { patience: 3 } } });
  });
});

describe('a comparison in a link', () => {
  it('is written and read back', () => {
    const sweep = { path: 'optimizer.lr' as const, values: [0.0001, 0.01, 1] };
    const hash = encodeHash(defaultConfig(), 'lrTooLarge', null, { sweep });
    expect(hash).toBe('v=1&compare.optimizer.lr=0.0001,0.01,1&lesson=lrTooLarge');
    const decoded = decodeHash(hash);
    expect(decoded.ignored).toEqual([]);
    expect(decoded.sweep).toEqual(sweep);
    expect(decoded.lesson).toBe('lrTooLarge');
    const named = decodeHash('#v=1&compare.optimizer.type=sgd,adam');
    expect(named.sweep).toEqual({ path: 'optimizer.type', values: ['sgd', 'adam'] });
  });

  it('of 1,000 runs is refused with its count, and the rest of the link opens', () => {
    const values = Array.from({ length: 1000 }, (_, i) => ((i + 1) / 1e4).toString()).join(',');
    const decoded = decodeHash(`#v=1&data.dataset=moons&optimizer.lr=0.02&compare.optimizer.lr=${values}`);
    expect(decoded.sweep).toBeNull();
    expect(decoded.config.data.dataset).toBe('moons');
    expect(decoded.config.optimizer.lr).toBe(0.02);
    expect(decoded.ignored).toEqual([expect.objectContaining({ path: 'compare', code: 'tooMany', got: '1000' })]);
  });

  it('refuses a setting that cannot be compared, a bad value and a second setting', () => {
    expect(decodeHash('#v=1&compare.data.noise=0,0.2').ignored[0]).toMatchObject({ path: 'compare.data.noise', code: 'unknown' });
    const bad = decodeHash('#v=1&compare.optimizer.lr=0.1,-1');
    expect(bad.sweep).toBeNull();
    expect(bad.ignored[0].path).toBe('compare.optimizer.lr');
    const two = decodeHash('#v=1&compare.optimizer.lr=0.1,0.01&compare.model.dropout=0,0.5');
    expect(two.sweep?.path).toBe('optimizer.lr');
    expect(two.ignored[0]).toMatchObject({ path: 'compare.model.dropout', code: 'conflict' });
  });
});

describe('sweep experiments', () => {
  it('one per value; another optimizer keeps the learning rate', () => {
    const base = defaultConfig();
    base.optimizer.lr = 0.02;
    const { configs, errors } = sweepConfigs(base, { path: 'optimizer.type', values: ['sgd', 'adam'] });
    expect(errors).toEqual([]);
    expect(configs.map((c) => [c.optimizer.type, c.optimizer.lr])).toEqual([['sgd', 0.02], ['adam', 0.02]]);
    const lrs = sweepConfigs(base, { path: 'optimizer.lr', values: suggestedValues(base, 'optimizer.lr') });
    expect(lrs.configs.map((c) => c.optimizer.lr)).toEqual([0.002, 0.02, 0.2]);
    expect(sweepConfigs(base, { path: 'optimizer.lr', values: [0.1] }).errors[0].code).toBe('tooMany');
    expect(sweepConfigs(base, { path: 'optimizer.lr', values: [0.1, 0.1] }).errors).toHaveLength(1);
    expect(sweepConfigs(base, { path: 'model.dropout', values: [0, 1] }).errors[0].path).toBe('model.dropout');
  });
});
