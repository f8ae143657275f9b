/**
 * The embedded store's bounded walks (issue 11: growth) answer exactly as the whole-graph scans they replaced:
 * shortest paths from a BFS of both ends against a full BFS from the end, neighbourhood edges from the found nodes'
 * adjacency against a filter of every relation, on generated graphs larger than the brute-force ones of paths.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../src/graph/embedded/store.js';
import { bestShortestPaths, toPaths, type PathDag } from '../src/graph/paths.js';
import { compareRelations } from '../src/graph/traversal.js';
import type { EntityRecord, RelationRecord, RelationType, SeedGraph } from '../src/graph/types.js';

const TYPES: RelationType[] = ['USES', 'ENABLES', 'DRIVES', 'MENTIONED_IN'];

function entity(id: string): EntityRecord {
  return { id, kind: 'Concept', name: id, nameZh: id, aliases: [], description: '', descriptionZh: '', sections: [] };
}

const graphs = fc
  .record({
    size: fc.integer({ min: 2, max: 60 }),
    links: fc.array(fc.record({ a: fc.nat(59), b: fc.nat(59), type: fc.constantFrom(...TYPES) }), { maxLength: 120 }),
  })
  .map(({ size, links }): SeedGraph => {
    const ids = Array.from({ length: size }, (_, i) => `n${String(i).padStart(2, '0')}`);
    const relations = new Map<string, RelationRecord>();
    for (const { a, b, type } of links) {
      const r = { type, source: ids[a % size], target: ids[b % size], section: '1', evidence: 'x' };
      relations.set(`${r.type}|${r.source}|${r.target}`, r);
    }
    return { entities: ids.map(entity), relations: [...relations.values()] };
  });

/** The former algorithm: undirected BFS from `to` until `from`'s layer, then the shared DP over that whole map. */
function fullBfsPaths(graph: SeedGraph, from: string, to: string, maxDepth: number, types: RelationType[], first: number): string[][] {
  const relations = graph.relations.filter((r) => types.includes(r.type)).sort(compareRelations);
  const touching = (id: string) => relations.filter((r) => r.source === id || r.target === id);
  const neighbours = (id: string) => touching(id).map((r) => (r.source === id ? r.target : r.source));
  const distance = new Map([[to, 0]]);
  let frontier = [to];
  for (let d = 1; d <= maxDepth && frontier.length > 0 && !distance.has(from); d++) {
    const next: string[] = [];
    for (const node of frontier) for (const other of neighbours(node)) if (!distance.has(other)) next.push(other), distance.set(other, d);
    frontier = next;
  }
  if (!distance.has(from)) return [];
  const dag: PathDag = {
    next: (node) => neighbours(node).filter((other) => distance.get(other) === distance.get(node)! - 1),
    degree: (node) => touching(node).length,
    edge: (a, b) => touching(a).find((r) => r.source === b || r.target === b)!,
  };
  const byId = new Map(graph.entities.map((e) => [e.id, e]));
  return toPaths(bestShortestPaths(from, to, dag, first), dag, (id) => byId.get(id)!).map((p) => p.nodes.map((n) => n.id));
}

describe('the embedded store at any size', () => {
  it('finds, meeting from both ends, the same shortest paths as a full BFS from the end', async () => {
    await fc.assert(
      fc.asyncProperty(graphs, fc.nat(59), fc.nat(59), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 5 }), async (graph, i, j, maxDepth, first) => {
        const ids = graph.entities.map((e) => e.id);
        const [from, to] = [ids[i % ids.length], ids[j % ids.length]];
        const store = new EmbeddedStore(graph);
        const paths = await store.allShortestPaths({ from, to, maxDepth, types: TYPES, first });
        expect(paths.map((p) => p.nodes.map((n) => n.id))).toEqual(fullBfsPaths(graph, from, to, maxDepth, TYPES, first));
      }),
      { numRuns: 300 },
    );
  });

  it('returns as neighbourhood edges every followed relation among the found nodes, in relation order', async () => {
    await fc.assert(
      fc.asyncProperty(graphs, fc.nat(59), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 40 }), async (graph, i, depth, limit) => {
        const id = graph.entities[i % graph.entities.length].id;
        const types: RelationType[] = ['USES', 'DRIVES'];
        const found = (await new EmbeddedStore(graph).neighborhood({ id, depth, limit, types }))!;
        const nodes = new Set(found.nodes.map((n) => n.id));
        const expected = [...graph.relations].sort(compareRelations).filter((r) => types.includes(r.type) && nodes.has(r.source) && nodes.has(r.target));
        expect(found.edges).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
