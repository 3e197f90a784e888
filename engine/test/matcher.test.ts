import { describe, expect, it } from 'vitest';

describe('toBeAllclose', () => {
  it('fails outside the tolerance, passes inside', () => {
    expect([1, 2]).toBeAllclose([1, 2 + 1e-7]);
    expect(() => expect([1, 2]).toBeAllclose([1, 2.1])).toThrow(/not allclose/);
    expect(() => expect([1]).toBeAllclose([1, 2])).toThrow(/expected 2 values/);
    expect([NaN]).toBeAllclose([NaN]);
    expect(() => expect([NaN]).toBeAllclose([0])).toThrow();
  });
});
