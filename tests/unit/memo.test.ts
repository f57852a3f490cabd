import { describe, expect, it } from 'vitest';
import { memoize } from '../../src/lib/memo';

describe('memoize', () => {
  it('computes once per argument, for objects and for strings', () => {
    const calls: unknown[] = [];
    const length = memoize((value: readonly unknown[] | string) => (calls.push(value), value.length));
    const list = [1, 2];
    expect([length(list), length(list), length('abc'), length('abc'), length([1, 2])]).toEqual([2, 2, 3, 3, 2]);
    // An equal but different list is another key.
    expect(calls).toEqual([list, 'abc', [1, 2]]);
  });

  it('keeps undefined and other falsy results instead of computing again', () => {
    let calls = 0;
    const nothing = memoize((_: string) => (calls++, undefined));
    nothing('a');
    nothing('a');
    expect(calls).toBe(1);
  });

  it('computes once per first argument and key of the others', () => {
    const calls: string[] = [];
    const label = memoize(
      (item: { id: string }, options: { loud?: boolean } = {}) => (
        calls.push(item.id),
        options.loud ? item.id.toUpperCase() : item.id
      ),
      (options: { loud?: boolean } = {}) => Boolean(options.loud),
    );
    const a = { id: 'a' };
    expect([label(a), label(a, {}), label(a, { loud: true }), label(a, { loud: true })]).toEqual(['a', 'a', 'A', 'A']);
    expect(calls).toEqual(['a', 'a']);
  });
});
