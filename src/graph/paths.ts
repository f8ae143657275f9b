/**
 * The order of equally short paths, and the k best of them, computed once for every store: a store finds the
 * shortest-path DAG its own way (a BFS in memory, one Cypher statement in Neo4j) and this module ranks its paths.
 */
import type { RelationRecord, Subgraph, EntityRecord } from './types.js';
import { compareIds, compareRelations } from './traversal.js';

/** The shortest paths from one entity to another, as a store sees them. */
export interface PathDag {
  /** The neighbours of `node` one step closer to the end on some shortest path (any order, repeats allowed). */
  next(node: string): Iterable<string>;
  /** Relations of the followed types touching `node`, parallel ones counted separately: its weight as an inner node. */
  degree(node: string): number;
  /** The relation a step between two neighbours takes: the smallest by (type, source, target). */
  edge(a: string, b: string): RelationRecord;
}

/** A path from some node to the end, shared tail first: lists of k continuations share their tails instead of copying. */
interface Chain {
  weight: number;
  node: string;
  rest?: Chain;
}

/** The documented order: fewest relations on inner nodes, then the node-id sequence (all have the same length). */
function compareChains(a: Chain, b: Chain): number {
  if (a.weight !== b.weight) return a.weight - b.weight;
  for (let x: Chain | undefined = a, y: Chain | undefined = b; x && y; x = x.rest, y = y.rest) {
    const order = compareIds(x.node, y.node);
    if (order !== 0) return order;
  }
  return 0;
}

function sequence(chain: Chain): string[] {
  const nodes: string[] = [];
  for (let c: Chain | undefined = chain; c; c = c.rest) nodes.push(c.node);
  return nodes;
}

/**
 * The first `k` shortest paths from `from` to `to` in the documented order, as node-id sequences, without enumerating
 * them: per node, the k best continuations to the end, merged from its successors' lists. Exact for this order, since
 * every continuation through a successor ranks as it ranks from that successor (its weight and id prefix are shared).
 */
export function bestShortestPaths(from: string, to: string, dag: PathDag, k: number): string[][] {
  const best = new Map<string, Chain[]>([[to, [{ weight: 0, node: to }]]]);
  const solve = (node: string): Chain[] => {
    const known = best.get(node);
    if (known) return known;
    const candidates: Chain[] = [];
    for (const next of new Set(dag.next(node))) {
      // Stryker disable next-line ConditionalExpression: equivalent, every path ends at the end node, so each gains the same degree (README: Mutation testing)
      const step = next === to ? 0 : dag.degree(next);
      for (const rest of solve(next)) candidates.push({ weight: rest.weight + step, node, rest });
    }
    const kept = candidates.sort(compareChains).slice(0, k);
    best.set(node, kept);
    return kept;
  };
  return solve(from).map(sequence);
}

/** Node sequences as paths: the entities in order and, per step, the relation it takes. */
export function toPaths(sequences: string[][], dag: PathDag, entity: (id: string) => EntityRecord): Subgraph[] {
  return sequences.map((nodes) => ({ nodes: nodes.map(entity), edges: nodes.slice(1).map((node, i) => dag.edge(nodes[i], node)) }));
}

/**
 * A PathDag from what a store fetched: each node's distance to the end (nodes on some shortest path only, or more),
 * degrees, and the relations among those nodes; the steps are the relations joining consecutive distances.
 */
export function dagFromRelations(distance: Map<string, number>, degree: Map<string, number>, relations: RelationRecord[]): PathDag {
  const next = new Map<string, string[]>();
  const edges = new Map<string, RelationRecord>();
  for (const r of relations) {
    for (const [a, b] of [[r.source, r.target], [r.target, r.source]]) {
      if (distance.get(a) === undefined || distance.get(a) !== distance.get(b)! + 1) continue;
      // Stryker disable next-line ArrayDeclaration: equivalent, the extra successor has no successors and is not the end, so it adds no path (README: Mutation testing)
      next.set(a, [...(next.get(a) ?? []), b]);
      const key = `${a}\u0000${b}`;
      const held = edges.get(key);
      // Stryker disable next-line EqualityOperator: equivalent, relations compare equal only when they are the same relation (README: Mutation testing)
      if (!held || compareRelations(r, held) < 0) edges.set(key, r);
    }
  }
  return {
    // Stryker disable next-line ArrayDeclaration: equivalent, never evaluated: the walk stops at the end node, the only node without successors (README: Mutation testing)
    next: (node) => next.get(node) ?? [],
    degree: (node) => degree.get(node) ?? 0,
    edge: (a, b) => edges.get(`${a}\u0000${b}`)!,
  };
}
