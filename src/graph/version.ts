/** A graph's data version: a hash of its records in a canonical order, so equal seeds give equal versions in any store. */
import { createHash } from 'node:crypto';
import { compareIds, compareRelations } from './traversal.js';
import type { SeedGraph } from './types.js';

export function graphVersion(graph: SeedGraph): string {
  const hash = createHash('sha256');
  for (const e of [...graph.entities].sort((a, b) => compareIds(a.id, b.id))) hash.update(JSON.stringify(e)).update('\n');
  for (const r of [...graph.relations].sort(compareRelations)) hash.update(JSON.stringify(r)).update('\n');
  return hash.digest('hex').slice(0, 32);
}
