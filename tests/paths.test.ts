/**
 * allShortestPaths' order, checked against brute force: on small generated graphs the list equals every shortest
 * path enumerated and sorted by the documented order (fewest relations on inner nodes, then the node-id sequence);
 * on the real seed every path returned is shortest, distinct, and in that order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../src/graph/embedded/store.js';
import { compareIds, compareRelations, defaultTraversalTypes } from '../src/graph/traversal.js';
import type { EntityRecord, RelationRecord, RelationType, SeedGraph, Subgraph } from '../src/graph/types.js';
import { embeddedStore, realSeed } from './helpers.js';

const TYPES: RelationType[] = ['USES', 'ENABLES', 'DRIVES', 'MENTIONED_IN'];

function entity(id: string): EntityRecord {
  return { id, kind: 'Concept', name: id, nameZh: id, aliases: [], description: '', descriptionZh: '', sections: [] };
}

/** Every shortest path by depth-first search, sorted by total degree of inner nodes, then ids. */
function bruteForce(graph: SeedGraph, from: string, to: string, maxDepth: number, types: RelationType[]): string[][] {
  const allowed = new Set(types);
  const relations = graph.relations.filter((r) => allowed.has(r.type));
  const neighbours = (id: string) => [...new Set(relations.flatMap((r) => (r.source === id ? [r.target] : r.target === id ? [r.source] : [])))];
  const degree = (id: string) => relations.filter((r) => r.source === id || r.target === id).length;
  const found: string[][] = [];
  for (let length = 0; length <= maxDepth && found.length === 0; length++) {
    const walk = (path: string[]) => {
      const last = path[path.length - 1];
      if (path.length === length + 1) return void (last === to && found.push(path));
      for (const next of neighbours(last)) if (!path.includes(next)) walk([...path, next]);
    };
    walk([from]);
  }
  const weight = (p: string[]) => p.slice(1, -1).reduce((n, id) => n + degree(id), 0);
  const compare = (a: string[], b: string[]) => weight(a) - weight(b) || a.map((id, i) => compareIds(id, b[i])).find((c) => c !== 0) || 0;
  return found.sort(compare);
}

/** What every answer must be: chains of the smallest relation joining each pair, from `from` to `to`. */
function expectWellFormed(paths: Subgraph[], graph: SeedGraph, from: string, to: string, types: RelationType[]) {
  for (const p of paths) {
    expect(p.nodes[0].id).toBe(from);
    expect(p.nodes.at(-1)!.id).toBe(to);
    p.edges.forEach((edge, i) => {
      const [a, b] = [p.nodes[i].id, p.nodes[i + 1].id];
      const joining = graph.relations.filter((r) => types.includes(r.type) && ((r.source === a && r.target === b) || (r.source === b && r.target === a)));
      expect(edge).toEqual([...joining].sort(compareRelations)[0]);
    });
  }
}

/** Random graphs of up to `size` nodes and `links` relations of the four types (no relation to itself). */
const randomGraph = (size: number, links: number) =>
  fc
    .record({
      size: fc.integer({ min: 2, max: size }),
      links: fc.array(fc.record({ a: fc.nat(size - 1), b: fc.nat(size - 1), type: fc.constantFrom(...TYPES) }), { maxLength: links }),
    })
    .map(({ size, links }): SeedGraph => {
      const ids = Array.from({ length: size }, (_, i) => `n${String(i).padStart(2, '0')}`);
      const relations = new Map<string, RelationRecord>();
      for (const { a, b, type } of links) {
        if (a % size === b % size) continue;
        const r = { type, source: ids[a % size], target: ids[b % size], section: '1', evidence: 'x' };
        relations.set(`${r.type}|${r.source}|${r.target}`, r);
      }
      return { entities: ids.map(entity), relations: [...relations.values()] };
    });

/**
 * Dense small graphs, and sparser larger ones: their shortest paths are longer, so the two-ended search grows several
 * layers on a side and walks back through them (where a relation of a type not followed must not count as a step).
 */
const graphs = [
  { name: 'small graphs', graph: randomGraph(8, 22), runs: 400 },
  { name: 'sparse graphs of up to 14 entities', graph: randomGraph(14, 20), runs: 300 },
];

describe('allShortestPaths', () => {
  it.each(graphs)('on $name, equals every shortest path enumerated by brute force and sorted by the documented order', async ({ graph: arbitrary, runs }) => {
    await fc.assert(
      fc.asyncProperty(arbitrary, fc.nat(13), fc.nat(13), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 12 }), fc.boolean(), async (graph, i, j, maxDepth, first, everyType) => {
        const ids = graph.entities.map((e) => e.id);
        const [from, to] = [ids[i % ids.length], ids[j % ids.length]];
        const types = everyType ? TYPES : defaultTraversalTypes().filter((t) => TYPES.includes(t));
        const store = new EmbeddedStore(graph);
        const paths = await store.allShortestPaths({ from, to, maxDepth, types, first });
        expect(paths.map((p) => p.nodes.map((n) => n.id))).toEqual(bruteForce(graph, from, to, maxDepth, types).slice(0, first));
        expectWellFormed(paths, graph, from, to, types);
        expect((await store.shortestPath({ from, to, maxDepth, types }))?.nodes).toEqual(paths[0]?.nodes);
      }),
      { numRuns: runs, seed: 20231 },
    );
  });

  it('on the real seed, returns shortest, distinct paths in the documented order for random pairs', async () => {
    const seed = realSeed();
    const store = embeddedStore();
    const ids = seed.entities.map((e) => e.id).sort(compareIds);
    const types = defaultTraversalTypes();
    const allowed = new Set(types);
    const degree = (id: string) => seed.relations.filter((r) => allowed.has(r.type) && (r.source === id || r.target === id)).length;
    const weight = (p: Subgraph) => p.nodes.slice(1, -1).reduce((n, e) => n + degree(e.id), 0);
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ids), fc.constantFrom(...ids), async (from, to) => {
        const paths = await store.allShortestPaths({ from, to, maxDepth: 6, first: 100 });
        const shortest = await store.shortestPath({ from, to, maxDepth: 6 });
        expect(paths[0]?.nodes ?? null).toEqual(shortest?.nodes ?? null);
        expect(new Set(paths.map((p) => p.nodes.map((n) => n.id).join('>'))).size).toBe(paths.length);
        expect(paths.every((p) => p.edges.length === shortest!.edges.length)).toBe(true);
        for (let k = 1; k < paths.length; k++) {
          const [a, b] = [paths[k - 1], paths[k]];
          const order = weight(a) - weight(b) || compareIds(a.nodes.map((n) => n.id).join('\u0000'), b.nodes.map((n) => n.id).join('\u0000'));
          expect(order).toBeLessThan(0);
        }
        expectWellFormed(paths, seed, from, to, types);
        if (paths.length > 1) checked++;
      }),
      { numRuns: 300, seed: 9 },
    );
    // The property is only as good as the pairs with a choice to make.
    expect(checked).toBeGreaterThan(30);
  });
});
