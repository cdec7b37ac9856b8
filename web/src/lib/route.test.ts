import { describe, expect, it } from 'vitest';
import { routeOf } from './route';

describe('route', () => {
  it('names the page from the hash', () => {
    expect(routeOf('#/history')).toBe('history');
    expect(routeOf('#/history?nickname=kim')).toBe('history');
    expect(routeOf('#/ops')).toBe('ops');
    expect(routeOf('#/')).toBe('play');
    expect(routeOf('')).toBe('play');
    expect(routeOf('#/historyx')).toBe('play');
  });
});
