import { describe, expect, it } from 'vitest';
import { formatRate } from './format';

describe('formatRate', () => {
  it('keeps three significant digits and short exponents', () => {
    expect([0, 0.01, 0.00567, 0.1234, 3, 1e-4, 2.5e-5, 0.000123456, 1e-12].map(formatRate)).toEqual([
      '0', '0.01', '0.00567', '0.123', '3', '1e-4', '2.5e-5', '1.23e-4', '1e-12',
    ]);
    expect(formatRate(Number.NaN)).toBe('–');
  });
});
