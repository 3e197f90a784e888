import { describe, expect, it } from 'vitest';
import { FIELD_ENTRIES } from '../../engine/train/config';
import { messagesFor, LANGUAGES } from '../i18n';
import { choiceName, fieldText, refusalText } from './text';

const OWN = /^(loss|optimizer|scheduler|training)\./;

describe('every setting of the panel has words in both languages', () => {
  for (const language of LANGUAGES) {
    const t = messagesFor(language).training;
    it(`${language}: a label and a tooltip for every setting, and a name for every choice`, () => {
      let count = 0;
      for (const { path, field } of FIELD_ENTRIES.filter((e) => OWN.test(e.path))) {
        const text = fieldText(t, path);
        expect(text.label, path).not.toBe(path);
        expect(text.tip.length, path).toBeGreaterThan(5);
        if (field.spec.kind === 'choice') {
          for (const choice of field.spec.choices) expect(choiceName(t, path, choice), `${path}: ${choice}`).toBeTruthy();
          expect(Object.keys((t.choices as Record<string, object>)[path] ?? {}).sort(), path).toEqual([...field.spec.choices].sort());
        }
        count++;
      }
      expect(count).toBeGreaterThan(60);
      expect(fieldText(t, 'optimizer.betas[1]').label).not.toBe('optimizer.betas[1]');
    });
  }

  it('uses type-specific words where one type needs them', () => {
    const t = messagesFor('en').training;
    expect(fieldText(t, 'scheduler.gamma', 'exponentialLR').tip).toContain('every scheduler step');
    expect(fieldText(t, 'scheduler.gamma', 'stepLR').tip).toBe(fieldText(t, 'scheduler.gamma').tip);
    expect(fieldText(t, 'optimizer.lr').tip).toBe('How big each step down the loss is. Too large → the loss swings or blows up; too small → it crawls.');
  });
});

describe('refusals in the panel language', () => {
  it('explains a clash with another setting and a list out of order in its own words', () => {
    const zh = messagesFor('zh-CN').training;
    expect(refusalText(zh, { path: 'optimizer.nesterov', code: 'conflict' })).toBe('Nesterov 需要动量大于 0 且阻尼为 0。');
    expect(refusalText(messagesFor('en').training, { path: 'scheduler.milestones[1]', code: 'invalid' })).toContain('each larger than the one before');
    expect(refusalText(zh, { path: 'optimizer.lr', code: 'invalid' })).toBeUndefined();
  });
});
