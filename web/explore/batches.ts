/** Plans subgraph(ids) calls (at most 100 ids each) that together see every relation touching a new entity. */

function chunks(ids: string[], size: number): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size));
  return out;
}

/**
 * Sets of ids, each at most `max`, such that every pair of a `fresh` id with another fresh or `old` id stands together
 * in one set: fresh and old are cut into halves of `max` and each fresh half is paired with every other half.
 */
export function subgraphBatches(fresh: string[], old: string[], max = 100): string[][] {
  const others = old.filter((id) => !fresh.includes(id));
  if (!fresh.length) return [];
  if (fresh.length + others.length <= max) return [[...fresh, ...others]];
  const half = Math.floor(max / 2);
  const f = chunks(fresh, half);
  const o = chunks(others, half);
  const batches: string[][] = [];
  for (let i = 0; i < f.length; i++) {
    if (f.length === 1 && !o.length) batches.push(f[i]);
    for (let j = i + 1; j < f.length; j++) batches.push([...f[i], ...f[j]]);
    for (const chunk of o) batches.push([...f[i], ...chunk]);
  }
  // A fresh half alone is only needed when nothing else pairs with it.
  return batches.length ? batches : f;
}
