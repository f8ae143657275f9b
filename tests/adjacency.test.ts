/**
 * The embedded store's numeric walk (src/graph/embedded/adjacency.ts) against a plain model of the neighbourhood
 * rules, on random graphs with relations to themselves, parallel relations of several types, every direction, kind
 * filters, hub damping and limits. The model is the walk the store made over Maps of ids before the arrays.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Adjacency, type WalkArgs } from '../src/graph/embedded/adjacency.js';
import { compareRelations, expandedInWalk } from '../src/graph/traversal.js';
import { ENTITY_KINDS, RELATION_TYPES } from '../src/graph/vocabulary.js';
import type { EntityKind, RelationRecord } from '../src/graph/types.js';

/** Ids whose code-unit order is their index order, so ranks are indexes. */
const idOf = (i: number) => `e${String(i).padStart(3, '0')}`;

function model(kinds: EntityKind[], relations: RelationRecord[], centre: string, { depth, limit, direction, types, kinds: wantedKinds, maxDegree }: WalkArgs) {
  const allowed = new Set(types);
  const wanted = wantedKinds && new Set(wantedKinds);
  const lists = new Map<string, RelationRecord[]>();
  for (const r of relations) {
    if (!allowed.has(r.type)) continue;
    for (const end of r.source === r.target ? [r.source] : [r.source, r.target]) lists.set(end, [...(lists.get(end) ?? []), r]);
  }
  const of = (id: string) => lists.get(id) ?? [];
  const kindOf = (id: string) => kinds[Number(id.slice(1))];
  const distance = new Map([[centre, 0]]);
  let frontier = [centre];
  for (let d = 0; d < depth && frontier.length > 0 && distance.size < limit; d++) {
    const next = new Set<string>();
    for (const node of frontier) {
      if (!expandedInWalk(d, of(node).length, depth, maxDegree)) continue;
      for (const r of of(node)) {
        const other = r.source === node && direction !== 'IN' ? r.target : r.target === node && direction !== 'OUT' ? r.source : undefined;
        if (other !== undefined && !distance.has(other) && (!wanted || wanted.has(kindOf(other)))) next.add(other);
      }
    }
    frontier = [...next].sort().slice(0, limit - distance.size);
    for (const node of frontier) distance.set(node, d + 1);
  }
  const edges = relations.filter((r) => allowed.has(r.type) && distance.has(r.source) && distance.has(r.target));
  return {
    nodes: [...distance.keys()],
    members: [...distance].map(([node, hops]) => ({ distance: hops, degree: of(node).length, expanded: expandedInWalk(hops, of(node).length, depth, maxDegree) })),
    edges,
  };
}

const graphs = fc
  .record({
    kinds: fc.array(fc.constantFrom(...ENTITY_KINDS.slice(0, 3)), { minLength: 1, maxLength: 25 }),
    ends: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...RELATION_TYPES.slice(0, 4))), { maxLength: 80 }),
  })
  .map(({ kinds, ends }) => {
    const seen = new Set<string>();
    const relations: RelationRecord[] = [];
    for (const [a, b, type] of ends) {
      const r = { source: idOf(a % kinds.length), target: idOf(b % kinds.length), type } as RelationRecord;
      const key = `${r.type} ${r.source} ${r.target}`;
      if (!seen.has(key)) relations.push(r), seen.add(key);
    }
    return { kinds, relations: relations.sort(compareRelations) };
  });

const walks = fc.record({
  centre: fc.nat(),
  depth: fc.integer({ min: 1, max: 3 }),
  limit: fc.integer({ min: 1, max: 30 }),
  direction: fc.constantFrom('BOTH', 'OUT', 'IN' as const),
  types: fc.subarray(RELATION_TYPES.slice(0, 4), { minLength: 1 }),
  kinds: fc.option(fc.subarray(ENTITY_KINDS.slice(0, 3), { minLength: 1 }), { nil: undefined }),
  maxDegree: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
});

describe('the numeric neighbourhood walk', () => {
  it('finds the nodes, members and edges the plain model of the walk finds, on random graphs', () => {
    fc.assert(
      fc.property(graphs, fc.array(walks, { minLength: 1, maxLength: 5 }), ({ kinds, relations }, args) => {
        const adjacency = new Adjacency(kinds, relations, (id) => Number(id.slice(1)));
        // Several walks on one index: each walk's stamps must not leak into the next.
        for (const { centre, ...walk } of args) {
          const c = centre % kinds.length;
          const got = adjacency.walk(c, walk);
          const want = model(kinds, relations, idOf(c), walk);
          expect(got.nodes.map(idOf)).toEqual(want.nodes);
          expect(got.members).toEqual(want.members);
          expect(Array.from(got.edges, (rank) => relations[rank])).toEqual(want.edges);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same walks after its stamps start over from 1', () => {
    const kinds: EntityKind[] = ['Technology', 'Technology', 'Application', 'Technology'];
    const relations = (
      [
        ['e000', 'e001', 'USES'],
        ['e001', 'e002', 'USES'],
        ['e002', 'e003', 'ENABLES'],
      ] as const
    ).map(([source, target, type]) => ({ source, target, type }) as RelationRecord);
    const adjacency = new Adjacency(kinds, relations, (id) => Number(id.slice(1)));
    const args: WalkArgs = { depth: 3, limit: 10, direction: 'BOTH', types: ['USES', 'ENABLES'] };
    const before = adjacency.walk(0, args);
    // Just below the renewal: the next walks cross it, and a stale stamp equal to a new one would hide a node.
    (adjacency as unknown as { stamp: number }).stamp = 2 ** 30 - 3;
    for (let i = 0; i < 4; i++) {
      const walk = adjacency.walk(0, args);
      expect(walk.nodes).toEqual(before.nodes);
      expect(walk.nodes).toEqual([0, 1, 2, 3]);
      expect(Array.from(walk.edges)).toEqual(Array.from(before.edges));
    }
    expect((adjacency as unknown as { stamp: number }).stamp).toBeLessThan(20);
  });
});
