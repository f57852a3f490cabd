/**
 * `compute` with its results kept: the first call with an argument computes, later ones return
 * what it gave. The first argument is the cache's key (an object is held weakly, so the result
 * goes when it does; a string or number is kept for the process). A function of more arguments
 * names a second key made of the others (`restKey: (options) => …`), so each combination is
 * computed once. The one way this code base caches: pages ask again and again for the same card,
 * nav, counts or rendered note.
 */
export function memoize<K, V>(compute: (key: K) => V): (key: K) => V;
export function memoize<K, R extends unknown[], V>(
  compute: (key: K, ...rest: R) => V,
  restKey: (...rest: R) => unknown,
): (key: K, ...rest: R) => V;
export function memoize<K, R extends unknown[], V>(
  compute: (key: K, ...rest: R) => V,
  restKey?: (...rest: R) => unknown,
): (key: K, ...rest: R) => V {
  const cacheFor = keyedCache<K, V | Map<unknown, V>>();
  if (!restKey)
    return (key, ...rest) => {
      const cache = cacheFor(key);
      if (cache.has(key)) return cache.get(key) as V;
      const value = compute(key, ...rest);
      cache.set(key, value);
      return value;
    };
  return (key, ...rest) => {
    const cache = cacheFor(key);
    let results = cache.get(key) as Map<unknown, V> | undefined;
    if (!results) cache.set(key, (results = new Map()));
    const second = restKey(...rest);
    if (results.has(second)) return results.get(second)!;
    const value = compute(key, ...rest);
    results.set(second, value);
    return value;
  };
}

/** A WeakMap for object keys, a Map for the others. */
function keyedCache<K, V>(): (key: K) => Pick<Map<K, V>, 'get' | 'set' | 'has'> {
  const byObject = new WeakMap<object, V>();
  const byValue = new Map<K, V>();
  return (key) =>
    (typeof key === 'object' && key !== null) || typeof key === 'function'
      ? (byObject as unknown as Pick<Map<K, V>, 'get' | 'set' | 'has'>)
      : byValue;
}
