import { describe, expect, it } from 'vitest';
import { formatNumber, type NumberOptions } from './numbers';

/** Values across magnitudes and at rounding edges: halves, nines that carry, tiny and huge. */
function values(): number[] {
  const out = [0, -0, 1, -1, 0.5, 1.005, 2.675, 0.0005, 0.00049999, 999, 1000, 9999, 10000, 12345, 99950, 999949, 999950, 999999.5, 1e6, 1234567, 1e9, 1e12, 1.5e15, 1e16, 1.2345e18, 1e21, 1.5e-7, 123e-20, Number.MAX_SAFE_INTEGER, 5e-324, 1.7976931348623157e308];
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < 3000; i++) {
    const magnitude = Math.floor(random() * 30) - 10;
    const v = (random() * 10) * 10 ** magnitude;
    out.push(v, -v, Math.round(v), Number(v.toPrecision(2)) + 5 * 10 ** (magnitude - 3), Math.round(v * 1000) / 1000);
  }
  return out;
}

const OPTIONS: NumberOptions[] = [{}, { maximumFractionDigits: 0 }, { maximumFractionDigits: 1 }, { maximumFractionDigits: 2 }, { maximumSignificantDigits: 3 }, { notation: 'compact', maximumFractionDigits: 1 }];

describe('formatNumber', () => {
  for (const language of ['en', 'zh-CN']) {
    for (const options of OPTIONS) {
      it(`writes what Intl.NumberFormat writes: ${language} ${JSON.stringify(options)}`, () => {
        const intl = new Intl.NumberFormat(language, options);
        const wrong: string[] = [];
        for (const v of values()) {
          const ours = formatNumber(language, v, options);
          const theirs = intl.format(v);
          if (ours !== theirs) wrong.push(`${v}: ${ours} ≠ ${theirs}`);
        }
        expect(wrong.slice(0, 10)).toEqual([]);
      });
    }
  }

  it('writes NaN and the infinities', () => {
    expect([formatNumber('en', NaN), formatNumber('en', Infinity), formatNumber('zh-CN', -Infinity)]).toEqual(['NaN', '∞', '-∞']);
  });

  it('carries rounding into the next compact unit, in each language', () => {
    expect(formatNumber('en', 999_950, { notation: 'compact', maximumFractionDigits: 1 })).toBe('1M');
    expect(formatNumber('zh-CN', 99_999_500, { notation: 'compact', maximumFractionDigits: 1 })).toBe('1亿');
    expect(formatNumber('zh-CN', 12_345, { notation: 'compact', maximumFractionDigits: 1 })).toBe('1.2万');
  });
});
