/** The zero-setup store: the whole graph in memory, indexed by id, kind and adjacency. */
import type {
  EntityKind,
  EntityRecord,
  GraphStore,
  MetricFilter,
  RelationRecord,
  Direction,
  Neighborhood,
  NeighborhoodArgs,
  RelationType,
  SearchAfter,
  SearchHit,
  Stats,
  Subgraph,
} from '../types.js';
import { ENTITY_KINDS, RELATION_TYPES, isDocumentPart } from '../vocabulary.js';
import { nameKey } from '../text.js';
import type { SeedGraph } from '../types.js';
import { NameSearch, entryOf } from './search.js';
import { compareIds, compareRelations, defaultTraversalTypes, expandedInWalk } from '../traversal.js';
import { bestShortestPaths, toPaths, type PathDag } from '../paths.js';
import { graphVersion } from '../version.js';

/**
 * A compact index of our own rather than graphology: at a few hundred nodes every operation is a Map lookup
 * or a short BFS, and owning the BFS lets us pin the exact tie-breaking the Neo4j store reproduces in Cypher.
 */
export class EmbeddedStore implements GraphStore {
  readonly name = 'embedded';
  private readonly byId = new Map<string, EntityRecord>();
  private readonly sorted: EntityRecord[];
  private readonly adjacency = new Map<string, RelationRecord[]>();
  /** Each entity's relations of the default traversal types (all but MENTIONED_IN): what most walks follow, filtered once. */
  private readonly defaultAdjacency = new Map<string, Followed>();
  /** Each entity's place in id order, and each relation's in relation order: sorting a walk's finds is a numeric sort. */
  private readonly entityRank = new Map<string, number>();
  private readonly relationsInOrder: RelationRecord[];
  /** The ranks of every default adjacency list, one after another in one array (4 bytes a relation end). */
  private readonly defaultRanks: Int32Array;
  private readonly byKey = new Map<string, string>();
  private readonly byKind = new Map<EntityKind, EntityRecord[]>();
  private readonly counts: Stats;
  private readonly names: NameSearch;
  private readonly graph: SeedGraph;
  private version: string | undefined;

  constructor(graph: SeedGraph) {
    this.graph = graph;
    for (const e of graph.entities) this.byId.set(e.id, e);
    this.sorted = [...graph.entities].sort((a, b) => compareIds(a.id, b.id));
    for (const e of this.sorted) listAt(this.byKind, e.kind).push(e);
    this.sorted.forEach((e, i) => this.entityRank.set(e.id, i));
    this.relationsInOrder = [...graph.relations].sort(compareRelations);
    const perType = new Map<RelationType, number>();
    const followed = new Set(defaultTraversalTypes());
    const followedRanks = new Map<string, number[]>();
    // Filed in relation order, so every list is in relation order: what relationsOf returns and edgeBetween relies on.
    this.relationsInOrder.forEach((r, rank) => {
      for (const end of r.target === r.source ? [r.source] : [r.source, r.target]) {
        listAt(this.adjacency, end).push(r);
        if (!followed.has(r.type)) continue;
        listAt(followedRanks, end).push(rank);
      }
      perType.set(r.type, (perType.get(r.type) ?? 0) + 1);
    });
    let total = 0;
    for (const ranks of followedRanks.values()) total += ranks.length;
    this.defaultRanks = new Int32Array(total);
    let rankAt = 0;
    for (const id of this.adjacency.keys()) {
      const ranks = followedRanks.get(id) ?? [];
      this.defaultRanks.set(ranks, rankAt);
      this.defaultAdjacency.set(id, { relations: ranks.map((rank) => this.relationsInOrder[rank]), rankAt });
      rankAt += ranks.length;
    }
    this.counts = {
      entities: this.sorted.length,
      relations: graph.relations.length,
      kinds: ENTITY_KINDS.map((kind) => ({ kind, count: this.byKind.get(kind)?.length ?? 0 })),
      relationTypes: RELATION_TYPES.map((type) => ({ type, count: perType.get(type) ?? 0 })),
    };
    const entries = this.sorted.map(entryOf);
    for (const { entity: e, keys } of entries) {
      for (const key of keys) {
        const held = this.byKey.get(key);
        if (held === undefined || (isDocumentPart(this.byId.get(held)!.kind) && !isDocumentPart(e.kind))) this.byKey.set(key, e.id);
      }
    }
    this.names = new NameSearch(entries);
  }

  async resolve(refs: readonly string[]) {
    return refs.map((ref) => this.resolve1(ref) ?? null);
  }

  async getEntities(ids: readonly string[]) {
    return ids.map((id) => this.byId.get(id) ?? null);
  }

  async listEntities({ kind, offset, limit }: { kind?: EntityKind; offset: number; limit: number }) {
    const all = kind ? (this.byKind.get(kind) ?? []) : this.sorted;
    return { items: all.slice(offset, offset + limit), totalCount: all.length };
  }

  async relationsOf(ids: readonly string[]) {
    return ids.map((id) => this.adjacency.get(id) ?? []);
  }

  async search({ text, kinds, limit, after }: { text: string; kinds?: EntityKind[]; limit: number; after?: SearchAfter }): Promise<SearchHit[]> {
    return this.names.search(text, kinds, limit, after);
  }

  async neighborhood({ id, depth, types, limit, direction = 'BOTH', kinds, maxDegree }: NeighborhoodArgs): Promise<Neighborhood | null> {
    if (!this.byId.has(id)) return null;
    const relationsOf = this.followedRelations(types);
    const wanted = kinds && new Set(kinds);
    const distance = new Map([[id, 0]]);
    let frontier = [id];
    for (let d = 0; d < depth && frontier.length > 0 && distance.size < limit; d++) {
      const next = new Set<string>();
      for (const node of frontier) {
        const { relations } = relationsOf(node);
        if (!expandedInWalk(d, relations.length, depth, maxDegree)) continue;
        for (const r of relations) {
          const other = otherEnd(r, node, direction);
          if (other !== undefined && !distance.has(other) && (!wanted || wanted.has(this.byId.get(other)!.kind))) next.add(other);
        }
      }
      frontier = this.inIdOrder(next).slice(0, limit - distance.size);
      for (const node of frontier) distance.set(node, d + 1);
    }
    // From the found nodes' own relations, each taken at its source: the walk's cost, not the graph's.
    const edges: number[] = [];
    for (const node of distance.keys()) {
      const { relations, rankAt } = relationsOf(node);
      relations.forEach((r, i) => {
        if (r.source === node && distance.has(r.target)) edges.push(rankAt === undefined ? this.rankOf(r) : this.defaultRanks[rankAt + i]);
      });
    }
    const members = [...distance].map(([node, hops]) => {
      const degree = relationsOf(node).relations.length;
      return { distance: hops, degree, expanded: expandedInWalk(hops, degree, depth, maxDegree) };
    });
    return { nodes: [...distance.keys()].map((n) => this.byId.get(n)!), edges: this.inRelationOrder(edges), members };
  }

  async shortestPath(args: { from: string; to: string; maxDepth: number; types?: RelationType[] }): Promise<Subgraph | null> {
    return (await this.allShortestPaths({ ...args, first: 1 }))[0] ?? null;
  }

  async allShortestPaths({ from, to, maxDepth, types, first }: { from: string; to: string; maxDepth: number; types?: RelationType[]; first: number }): Promise<Subgraph[]> {
    if (!this.byId.has(from) || !this.byId.has(to)) return [];
    const allowed = new Set(types ?? defaultTraversalTypes());
    const distance = this.pathDistances(from, to, allowed, maxDepth);
    if (!distance.has(from)) return [];
    const dag: PathDag = {
      next: (node) => [...this.neighbours(node, allowed)].filter((other) => distance.get(other) === distance.get(node)! - 1),
      degree: (node) => this.filtered(node, allowed).relations.length,
      edge: (a, b) => this.edgeBetween(a, b, allowed),
    };
    return toPaths(bestShortestPaths(from, to, dag, first), dag, (id) => this.byId.get(id)!);
  }

  async metrics({ subject, region, year, indicator }: MetricFilter) {
    const subjectId = subject === undefined ? undefined : this.resolve1(subject);
    const regionEntity = region === undefined ? undefined : this.byId.get(this.resolve1(region) ?? '');
    if (subject !== undefined && !subjectId) return [];
    if (region !== undefined && regionEntity?.kind !== 'Region') return [];
    const measured = subjectId
      ? new Set((this.adjacency.get(subjectId) ?? []).filter((r) => r.type === 'MEASURES' && r.target === subjectId).map((r) => r.source))
      : undefined;
    return (this.byKind.get('Metric') ?? [])
      .filter((e) => !measured || measured.has(e.id))
      .filter((e) => !regionEntity || e.region === regionEntity.name)
      .filter((e) => year === undefined || e.year === year)
      .filter((e) => indicator === undefined || e.indicator === indicator)
      .sort((a, b) => compareYears(a.year, b.year) || compareIds(a.id, b.id));
  }

  /** The seed's hash: the graph is fixed at load, so it is computed on first use and kept. */
  async dataVersion(): Promise<string> {
    this.version ??= graphVersion(this.graph);
    return this.version;
  }

  async stats(): Promise<Stats> {
    // Copies: a caller may not change the counts.
    const { entities, relations, kinds, relationTypes } = this.counts;
    return { entities, relations, kinds: kinds.map((k) => ({ ...k })), relationTypes: relationTypes.map((t) => ({ ...t })) };
  }

  async ready() {
    return true;
  }

  async close() {}

  private *neighbours(id: string, allowed: Set<RelationType>): Iterable<string> {
    for (const r of this.adjacency.get(id) ?? []) {
      if (allowed.has(r.type)) yield otherEnd(r, id, 'BOTH')!;
    }
  }

  /** A node's relations of `types` (the default traversal types when absent) with their ranks, each filtered once per call. */
  private followedRelations(types: RelationType[] | undefined): (id: string) => Followed {
    if (!types) return (id) => this.defaultAdjacency.get(id) ?? NONE;
    const allowed = new Set(types);
    const lists = new Map<string, Followed>();
    return (id) => {
      let list = lists.get(id);
      if (!list) lists.set(id, (list = this.filtered(id, allowed)));
      return list;
    };
  }

  /** A node's relations of the allowed types, in relation order, parallel ones each counted (their ranks are looked up when needed). */
  private filtered(id: string, allowed: Set<RelationType>): Followed {
    return { relations: (this.adjacency.get(id) ?? []).filter((r) => allowed.has(r.type)) };
  }

  /** A relation's place in relation order, by binary search: for walks of other than the default types. */
  private rankOf(r: RelationRecord): number {
    let low = 0;
    let high = this.relationsInOrder.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (compareRelations(this.relationsInOrder[middle], r) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Ids in code-unit order (compareIds), by a numeric sort of their ranks. */
  private inIdOrder(ids: Iterable<string>): string[] {
    const ranks = Int32Array.from(ids, (id) => this.entityRank.get(id)!).sort();
    return Array.from(ranks, (rank) => this.sorted[rank].id);
  }

  /** Relations, given by rank, in relation order (compareRelations). */
  private inRelationOrder(ranks: number[]): RelationRecord[] {
    return Array.from(Int32Array.from(ranks).sort(), (rank) => this.relationsInOrder[rank]);
  }


  /**
   * Distances to `to` of exactly the nodes on some shortest path from `from` (of at most maxDepth hops), found by a
   * BFS from both ends that stops when they meet: the same shortest-path DAG a full BFS from `to` gives, since a
   * neighbour one step closer to `to` than a node on a shortest path is on one too.
   */
  private pathDistances(from: string, to: string, allowed: Set<RelationType>, maxDepth: number): Map<string, number> {
    if (from === to) return new Map([[to, 0]]);
    const ends = [from, to].map((end) => ({ distance: new Map([[end, 0]]), layers: [[end]] }));
    let meeting: string[] = [];
    while (meeting.length === 0) {
      if (ends[0].layers.length + ends[1].layers.length - 1 > maxDepth) return new Map();
      // Grow the side with the smaller frontier by one whole layer.
      const side = ends[0].layers.at(-1)!.length <= ends[1].layers.at(-1)!.length ? ends[0] : ends[1];
      const other = side === ends[0] ? ends[1] : ends[0];
      const d = side.layers.length;
      const layer: string[] = [];
      for (const node of side.layers.at(-1)!) {
        for (const next of this.neighbours(node, allowed)) {
          if (side.distance.has(next)) continue;
          side.distance.set(next, d);
          layer.push(next);
        }
      }
      if (layer.length === 0) return new Map();
      side.layers.push(layer);
      // Both last layers complete: a node in both lies on a shortest path, and every shortest path crosses one.
      meeting = layer.filter((node) => other.distance.get(node) === other.layers.length - 1);
    }
    const length = ends[0].layers.length + ends[1].layers.length - 2;
    const onPath = new Map<string, number>();
    for (const node of meeting) onPath.set(node, ends[1].distance.get(node)!);
    // Back from the meeting nodes towards each end, keeping the nodes one layer nearer that end on a shortest path.
    for (const [index, end] of ends.entries()) {
      const toEnd = (hops: number) => (index === 0 ? length - hops : hops);
      for (let d = end.layers.length - 2; d >= 0; d--) {
        for (const node of end.layers[d]) {
          for (const next of this.neighbours(node, allowed)) {
            if (end.distance.get(next) === d + 1 && onPath.get(next) === toEnd(d + 1)) {
              onPath.set(node, toEnd(d));
              break;
            }
          }
        }
      }
    }
    return onPath;
  }

  /** Relations are kept sorted, so the first one joining the pair is the smallest by (type, source, target). */
  private edgeBetween(a: string, b: string, allowed: Set<RelationType>): RelationRecord {
    return (this.adjacency.get(a) ?? []).find(
      (r) => allowed.has(r.type) && ((r.source === a && r.target === b) || (r.source === b && r.target === a)),
    )!;
  }

  private resolve1(text: string): string | undefined {
    return this.byKey.get(nameKey(text));
  }
}

/** Where a relation leads from `node` in `direction`: out from its source, in from its target; undefined against it. */
function otherEnd(r: RelationRecord, node: string, direction: Direction): string | undefined {
  if (r.source === node && direction !== 'IN') return r.target;
  if (r.target === node && direction !== 'OUT') return r.source;
  return undefined;
}

/** Relations of one node that a walk follows; for the default types, where their ranks start in defaultRanks. */
interface Followed {
  relations: RelationRecord[];
  rankAt?: number;
}

const NONE: Followed = { relations: [] };

/** The list a map holds under `key`, created empty on first use. */
function listAt<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

/** Years ascending, undated last: the order of Cypher's ORDER BY on a property some nodes lack. */
function compareYears(a: number | undefined, b: number | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a - b;
}
