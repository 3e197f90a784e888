import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../engine/train/config';
import { messagesFor } from '../i18n';
import { describeError } from './Notices';

/** The errors the config reader reports for one hash-like patch. */
function errorsFor(patch: Record<string, unknown>) {
  return parseConfig(patch).ignored;
}

describe('describeError', () => {
  it('says what came and what is allowed, with open ends where the range has them', () => {
    const [dropout] = errorsFor({ model: { dropout: 1 } });
    expect(describeError(messagesFor('en'), dropout)).toBe('model.dropout: 1 cannot be used (allowed: 0 ≤ value < 1).');
    expect(describeError(messagesFor('zh-CN'), dropout)).toBe('model.dropout：1 无法使用（允许范围：0 ≤ 值 < 1）。');
    const [batch] = errorsFor({ training: { batchSize: 0 } });
    expect(describeError(messagesFor('en'), batch)).toBe('training.batchSize: 0 cannot be used (allowed: 1 to 1024).');
  });

  it('beside its own field, leaves out the field name', () => {
    const [lr] = errorsFor({ optimizer: { lr: 1e6 } });
    expect(describeError(messagesFor('en'), lr, 'optimizer.lr')).toBe('1000000 cannot be used (allowed: 0 < value ≤ 10).');
    expect(describeError(messagesFor('zh-CN'), lr, 'optimizer.lr')).toBe('1000000 无法使用（允许范围：0 < 值 ≤ 10）。');
    expect(describeError(messagesFor('en'), lr, 'training.batchSize')).toMatch(/^optimizer\.lr: /);
  });

  it('names a setting that does not exist', () => {
    const [unknown] = errorsFor({ foo: 1 });
    expect(describeError(messagesFor('en'), unknown)).toBe('foo is not a setting.');
  });
});
