import { describe, expect, it } from 'vitest';
import { parseHistory } from '../api/progress';
import { history } from '../test/debriefs';
import { axisTop, linePath, trendOf } from './trend';

const x = (i: number) => i * 10;
const y = (ms: number) => ms / 100;

describe('trend', () => {
  it('takes the newest attempts and draws them oldest first, a line per series', () => {
    const trend = trendOf(parseHistory(history()).attempts);
    expect(trend.attempts.map((a) => a.ticketId)).toEqual(['t1', 't2', 't3']);
    expect(trend.series.find((s) => s.key === 'total')?.values).toEqual([9000, 6200, null]);
    expect(trend.series.find((s) => s.key === 'letter')?.values).toEqual([3000, 1900, 4100]);
    expect(trend.series.map((s) => s.key)).toEqual(['total', 'entry', 'wait', 'letter', 'pick', 'confirm']);
  });

  it('keeps only the last 30 attempts', () => {
    const many = Array.from({ length: 45 }, (_, i) => ({ ...parseHistory(history()).attempts[1]!, ticketId: `t${i}` }));
    const trend = trendOf(many);
    expect(trend.attempts).toHaveLength(30);
    expect(trend.attempts.at(-1)?.ticketId).toBe('t0'); // the newest (first in the list) ends the line
    expect(trend.attempts[0]?.ticketId).toBe('t29');
  });

  it('breaks a line where a value is missing instead of drawing it through zero', () => {
    expect(linePath([1000, 2000, null, 3000, 4000], x, y)).toBe('M0 10 L10 20 M30 30 L40 40');
    expect(linePath([null, 1000, null], x, y)).toBe('M10 10 l0 0');
    expect(linePath([null, null], x, y)).toBe('');
  });

  it('tops the axis at the largest value, to the next whole second', () => {
    expect(axisTop([1200, null, 8100])).toBe(9000);
    expect(axisTop([null])).toBe(1000);
  });
});
