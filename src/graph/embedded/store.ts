/** The zero-setup store: the whole graph in memory, indexed by id, kind and adjacency. */
import type {
  EntityKind,
  EntityRecord,
  GraphStore,
  MetricFilter,
  RelationRecord,
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
import { compareIds, compareRelations, defaultTraversalTypes } from '../traversal.js';
import { Adjacency } from './adjacency.js';
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
  /** Each entity's place in id order, and each relation's in relation order: what the walks' arrays hold. */
  private readonly entityRank = new Map<string, number>();
  private readonly relationsInOrder: RelationRecord[];
  /** The relation ends as numbers, for neighbourhood walks. */
  private readonly walks: Adjacency;
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
    // Filed in relation order, so every list is in relation order: what relationsOf returns and edgeBetween relies on.
    for (const r of this.relationsInOrder) {
      for (const end of r.target === r.source ? [r.source] : [r.source, r.target]) listAt(this.adjacency, end).push(r);
      perType.set(r.type, (perType.get(r.type) ?? 0) + 1);
    }
    this.walks = new Adjacency(
      this.sorted.map((e) => e.kind),
      this.relationsInOrder,
      (id) => this.entityRank.get(id)!,
    );
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
    const centre = this.entityRank.get(id);
    if (centre === undefined) return null;
    const walk = this.walks.walk(centre, { depth, limit, direction, types: types ?? defaultTraversalTypes(), kinds, maxDegree });
    return {
      nodes: walk.nodes.map((rank) => this.sorted[rank]),
      edges: Array.from(walk.edges, (rank) => this.relationsInOrder[rank]),
      members: walk.members,
    };
  }

  async shortestPath(args: { from: string; to: string; maxDepth: number; types?: RelationType[] }): Promise<Subgraph | null> {
    return (await this.allShortestPaths({ ...args, first: 1 }))[0] ?? null;
  }

  async allShortestPaths({ from, to, maxDepth, types, first }: { from: string; to: string; maxDepth: number; types?: RelationType[]; first: number }): Promise<Subgraph[]> {
    // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, an unknown id has no rank, so the search finds no path: the same empty list (README: Mutation testing)
    if (!this.byId.has(from) || !this.byId.has(to)) return [];
    const allowed = new Set(types ?? defaultTraversalTypes());
    const ranks = this.walks.pathDistances(this.entityRank.get(from)!, this.entityRank.get(to)!, [...allowed], maxDepth);
    const distance = new Map(Array.from(ranks, ([rank, hops]) => [this.sorted[rank].id, hops]));
    // Stryker disable next-line ConditionalExpression: equivalent, with no distances the path DAG has no step: the same empty list (README: Mutation testing)
    if (!distance.has(from)) return [];
    const dag: PathDag = {
      next: (node) => [...this.neighbours(node, allowed)].filter((other) => distance.get(other) === distance.get(node)! - 1),
      degree: (node) => this.filtered(node, allowed).length,
      edge: (a, b) => this.edgeBetween(a, b, allowed),
    };
    return toPaths(bestShortestPaths(from, to, dag, first), dag, (id) => this.byId.get(id)!);
  }

  async metrics({ subject, region, year, indicator }: MetricFilter) {
    const subjectId = subject === undefined ? undefined : this.resolve1(subject);
    // Stryker disable next-line StringLiteral: equivalent, no entity has either id (ids are slugs) (README: Mutation testing)
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
      if (allowed.has(r.type)) yield otherEnd(r, id);
    }
  }

  /** A node's relations of the allowed types, parallel ones each counted: its degree in a path search. */
  private filtered(id: string, allowed: Set<RelationType>): RelationRecord[] {
    return (this.adjacency.get(id) ?? []).filter((r) => allowed.has(r.type));
  }

  /**
   * Relations are kept sorted, so the first one joining the pair is the smallest by (type, source, target). Every
   * relation in a's list has a at one end, so the pair is joined where the other end is b.
   */
  private edgeBetween(a: string, b: string, allowed: Set<RelationType>): RelationRecord {
    return (this.adjacency.get(a) ?? []).find((r) => allowed.has(r.type) && otherEnd(r, a) === b)!;
  }

  private resolve1(text: string): string | undefined {
    return this.byKey.get(nameKey(text));
  }
}

/** The other end of a relation touching `node`. */
function otherEnd(r: RelationRecord, node: string): string {
  return r.source === node ? r.target : r.source;
}

/** The list a map holds under `key`, created empty on first use. */
function listAt<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

/** Years ascending, undated last: the order of Cypher's ORDER BY on a property some nodes lack. */
function compareYears(a: number | undefined, b: number | undefined): number {
  // Stryker disable next-line ConditionalExpression: equivalent, the list is already in id order and the sort is stable: the same order (README: Mutation testing)
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a - b;
}
