import { describe, expect, test } from 'vitest';
import { changedLines, pytorchScript } from '../code';
import { defaultConfig } from '../../engine/train/config';
import { makeCodeCache } from './memo';

describe('makeCodeCache', () => {
  test('same config and language: the same result, generated once; the oldest key goes first', () => {
    let calls = 0;
    const codeFor = makeCodeCache((config, options) => {
      calls++;
      return pytorchScript(config, options);
    }, 2);
    const config = defaultConfig();
    const a = codeFor(config, 'en');
    expect(codeFor(structuredClone(config), 'en')).toBe(a); // equal content, another object
    expect(calls).toBe(1);
    const zh = codeFor(config, 'zh-CN');
    expect(zh).not.toBe(a);
    expect(zh.tokens.length).toBe(zh.code.lines.length);
    expect(zh.sections.length).toBe(12);
    codeFor({ ...config, training: { ...config.training, epochs: 7 } }, 'en'); // evicts 'en' (least recently used)
    codeFor(config, 'en');
    expect(calls).toBe(4);
  });

  test('a learning-rate change: one line differs, and only its tokens are new', () => {
    const codeFor = makeCodeCache(pytorchScript);
    const config = defaultConfig();
    const before = codeFor(config, 'en');
    const after = codeFor({ ...config, optimizer: { ...config.optimizer, lr: 0.05 } }, 'en');
    const changed = changedLines(before.code, after.code);
    expect(changed.length).toBe(1);
    expect(after.code.lines[changed[0]].text).toContain('lr=0.05');
    after.tokens.forEach((tokens, i) => expect(tokens === before.tokens[i]).toBe(i !== changed[0]));
  });
});
