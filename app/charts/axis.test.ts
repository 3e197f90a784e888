import { describe, expect, it } from 'vitest';
import { formatTick, formatValue, formatX, formatXTick, linearAxis, linearTicks, logAxis, metricAxis, niceTicks, valueAxis } from './axis';

describe('logAxis', () => {
  it('spans whole decades and ticks at the powers of ten', () => {
    expect(logAxis(0.0042, 2.3)).toEqual({ domain: [0.001, 10], ticks: [0.001, 0.01, 0.1, 1, 10] });
  });

  it('adds the 2× and 5× marks when the data sits inside one decade', () => {
    expect(logAxis(0.3, 0.7)).toEqual({ domain: [0.1, 1], ticks: [0.1, 0.2, 0.5, 1] });
  });

  it('keeps exact powers of ten as the bounds and thins the ticks of a wide range', () => {
    expect(logAxis(0.01, 100).domain).toEqual([0.01, 100]);
    const wide = logAxis(1e-9, 1e3);
    expect(wide.domain).toEqual([1e-9, 1e3]);
    expect(wide.ticks).toEqual([1e-9, 1e-7, 1e-5, 1e-3, 1e-1, 10, 1e3]);
  });
});

describe('valueAxis and metricAxis', () => {
  it('uses only positive values for a log axis', () => {
    expect(valueAxis([[0, -1, 0.05, 0.8]], true)).toMatchObject({ scale: 'log', domain: [0.01, 1] });
    expect(valueAxis([[0.31, 0.88]], false)).toEqual({ scale: 'linear', domain: [0.2, 1], ticks: [0.2, 0.4, 0.6, 0.8, 1], clip: false });
    expect(valueAxis([[0.31, 0.88]], false, true).domain).toEqual([0, 1]);
  });

  it('fits accuracy to tenths inside [0, 1]', () => {
    expect(metricAxis('percent', [[0.83, 0.97], [0.91]])).toMatchObject({ domain: [0.8, 1], ticks: [0.8, 0.85, 0.9, 0.95, 1] });
    expect(metricAxis('percent', [[0.5]]).domain).toEqual([0.4, 0.6]);
    expect(metricAxis('percent', [[0.11, 0.49]]).domain).toEqual([0, 0.6]);
  });

  it('stops R² at −1 so a bad start does not flatten the curve', () => {
    expect(metricAxis('r2', [[-40, 0.2, 0.9]]).domain).toEqual([-1, 1]);
    expect(metricAxis('r2', [[]]).domain).toEqual([-1, 1]);
  });

  it('ticks linear ranges at round steps', () => {
    expect(linearTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(linearTicks(-1, 1)).toEqual([-1, -0.5, 0, 0.5, 1]);
  });
});

describe('linearAxis', () => {
  it('ends on round ticks around the data', () => {
    expect(linearAxis(0, 1.62)).toEqual({ domain: [0, 2], ticks: [0, 0.5, 1, 1.5, 2] });
    expect(linearAxis(0.0123, 0.0456).domain).toEqual([0.01, 0.05]);
  });

  it('gives a flat line room above and below', () => {
    expect(linearAxis(3, 3).domain).toEqual([1, 5]);
    expect(linearAxis(0, 0).domain).toEqual([0, 1]);
  });

  it('spreads nearly equal values so that no two ticks read the same', () => {
    const { ticks } = linearAxis(0.6938, 0.6941);
    const labels = ticks.map((t) => formatTick(t, 'loss'));
    expect(new Set(labels).size).toBe(labels.length);
    expect(ticks[0]).toBeLessThanOrEqual(0.6938);
    expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(0.6941);
  });
});

describe('niceTicks (the x axis)', () => {
  it('ticks a run at round numbers from 0', () => {
    expect(niceTicks(0, 3833, 4, true)).toEqual([0, 1000, 2000, 3000]);
    expect(niceTicks(0, 187_000, 4, true)).toEqual([0, 50_000, 100_000, 150_000]);
    expect(niceTicks(0, 2.4, 4)).toEqual([0, 0.5, 1, 1.5, 2]);
  });

  it('never ticks between whole steps', () => {
    expect(niceTicks(0, 3, 4, true)).toEqual([0, 1, 2, 3]);
  });
});

describe('number formats', () => {
  it('writes ticks short', () => {
    expect(formatTick(0.0001, 'loss')).toBe('1e-4');
    expect(formatTick(0.25, 'loss')).toBe('0.25');
    expect(formatTick(1500, 'norm')).toBe('1.5k');
    expect(formatTick(0.9, 'percent')).toBe('90%');
  });

  it('writes read-out values with three significant digits', () => {
    expect(formatValue(0.123456, 'loss')).toBe('0.123');
    expect(formatValue(0.00001234, 'lr')).toBe('1.23e-5');
    expect(formatValue(0.9512, 'percent')).toBe('95.1%');
    expect(formatValue(-0.5, 'r2')).toBe('-0.500');
    expect(formatValue(Number.NaN, 'loss')).toBe('–');
    expect(formatValue(Infinity, 'loss')).toBe('∞');
  });
});

describe('x numbers in the page\'s language', () => {
  it('groups steps, shortens long runs, and keeps two decimals of an epoch', () => {
    expect(formatX(1234.4, 'step', 'en')).toBe('1,234');
    expect(formatX(3.14159, 'epoch', 'en')).toBe('3.14');
    expect(formatXTick(150000, 'en')).toBe('150K');
    expect(formatXTick(150000, 'zh-CN')).toBe('15万');
    expect(formatXTick(2500, 'en')).toBe('2,500');
  });
});
