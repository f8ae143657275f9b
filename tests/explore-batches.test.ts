import { describe, expect, it } from 'vitest';
import { subgraphBatches } from '../web/explore/batches.js';

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

/** Pairs (fresh with fresh or old) that no batch holds together. */
function unseenPairs(fresh: string[], old: string[], batches: string[][]): string[] {
  const unseen: string[] = [];
  for (const a of fresh) {
    for (const b of [...fresh, ...old]) {
      if (a !== b && !batches.some((batch) => batch.includes(a) && batch.includes(b))) unseen.push(`${a}-${b}`);
    }
  }
  return unseen;
}

describe('the explorer’s subgraph batches', () => {
  it('asks once when everything fits in 100 ids, and not at all when nothing is new', () => {
    expect(subgraphBatches(['a', 'b'], ['c', 'a'])).toEqual([['a', 'b', 'c']]);
    expect(subgraphBatches([], ['c'])).toEqual([]);
  });

  it('pairs every new entity with every other drawn one in calls of at most 100 ids', () => {
    for (const [f, o] of [[80, 100], [150, 0], [200, 0], [30, 260], [101, 0]]) {
      const fresh = ids('f', f);
      const old = ids('o', o);
      const batches = subgraphBatches(fresh, old);
      expect(Math.max(...batches.map((b) => b.length))).toBeLessThanOrEqual(100);
      expect(unseenPairs(fresh, old, batches)).toEqual([]);
    }
  });

  it('takes 5 calls for 80 new entities beside 100 drawn, and 6 for a 200-node drawing redone', () => {
    expect(subgraphBatches(ids('f', 80), ids('o', 100))).toHaveLength(5);
    expect(subgraphBatches(ids('f', 200), [])).toHaveLength(6);
  });
});
