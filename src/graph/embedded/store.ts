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
import { NameSearch } from './search.js';
import { compareIds, compareRelations, defaultTraversalTypes, expandedInWalk } from '../traversal.js';
import { bestShortestPaths, toPaths, type PathDag } from '../paths.js';

/**
 * A compact index of our own rather than graphology: at a few hundred nodes every operation is a Map lookup
 * or a short BFS, and owning the BFS lets us pin the exact tie-breaking the Neo4j store reproduces in Cypher.
 */
export class EmbeddedStore implements GraphStore {
  readonly name = 'embedded';
  private readonly byId = new Map<string, EntityRecord>();
  private readonly sorted: EntityRecord[];
  private readonly adjacency = new Map<string, RelationRecord[]>();
  private readonly byKey = new Map<string, string>();
  private readonly relations: RelationRecord[];
  private readonly names: NameSearch;

  constructor(graph: SeedGraph) {
    for (const e of graph.entities) this.byId.set(e.id, e);
    this.sorted = [...graph.entities].sort((a, b) => compareIds(a.id, b.id));
    this.relations = [...graph.relations].sort(compareRelations);
    for (const r of this.relations) {
      this.edgesOf(r.source).push(r);
      if (r.target !== r.source) this.edgesOf(r.target).push(r);
    }
    for (const e of this.sorted) {
      for (const form of [e.id, e.name, e.nameZh, ...e.aliases]) {
        const key = nameKey(form);
        const held = this.byKey.get(key);
        if (held === undefined || (isDocumentPart(this.byId.get(held)!.kind) && !isDocumentPart(e.kind))) this.byKey.set(key, e.id);
      }
    }
    this.names = new NameSearch(this.sorted);
  }

  async resolve(refs: readonly string[]) {
    return refs.map((ref) => this.resolve1(ref) ?? null);
  }

  async getEntities(ids: readonly string[]) {
    return ids.map((id) => this.byId.get(id) ?? null);
  }

  async listEntities({ kind, offset, limit }: { kind?: EntityKind; offset: number; limit: number }) {
    const all = kind ? this.sorted.filter((e) => e.kind === kind) : this.sorted;
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
    const allowed = new Set(types ?? defaultTraversalTypes());
    const wanted = kinds && new Set(kinds);
    const distance = new Map([[id, 0]]);
    let frontier = [id];
    for (let d = 0; d < depth && frontier.length > 0 && distance.size < limit; d++) {
      const next = new Set<string>();
      for (const node of frontier) {
        if (!expandedInWalk(d, this.degree(node, allowed), depth, maxDegree)) continue;
        for (const other of this.neighbours(node, allowed, direction)) {
          if (!distance.has(other) && (!wanted || wanted.has(this.byId.get(other)!.kind))) next.add(other);
        }
      }
      frontier = [...next].sort(compareIds).slice(0, limit - distance.size);
      for (const node of frontier) distance.set(node, d + 1);
    }
    const edges = this.relations.filter((r) => allowed.has(r.type) && distance.has(r.source) && distance.has(r.target));
    const members = [...distance].map(([node, hops]) => {
      const degree = this.degree(node, allowed);
      return { distance: hops, degree, expanded: expandedInWalk(hops, degree, depth, maxDegree) };
    });
    return { nodes: [...distance.keys()].map((n) => this.byId.get(n)!), edges, members };
  }

  async shortestPath(args: { from: string; to: string; maxDepth: number; types?: RelationType[] }): Promise<Subgraph | null> {
    return (await this.allShortestPaths({ ...args, first: 1 }))[0] ?? null;
  }

  async allShortestPaths({ from, to, maxDepth, types, first }: { from: string; to: string; maxDepth: number; types?: RelationType[]; first: number }): Promise<Subgraph[]> {
    if (!this.byId.has(from) || !this.byId.has(to)) return [];
    const allowed = new Set(types ?? defaultTraversalTypes());
    const distance = this.distances(to, allowed, maxDepth, from);
    if (!distance.has(from)) return [];
    const dag: PathDag = {
      next: (node) => [...this.neighbours(node, allowed)].filter((other) => distance.get(other) === distance.get(node)! - 1),
      degree: (node) => this.degree(node, allowed),
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
      ? new Set(this.relations.filter((r) => r.type === 'MEASURES' && r.target === subjectId).map((r) => r.source))
      : undefined;
    return this.sorted
      .filter((e) => e.kind === 'Metric')
      .filter((e) => !measured || measured.has(e.id))
      .filter((e) => !regionEntity || e.region === regionEntity.name)
      .filter((e) => year === undefined || e.year === year)
      .filter((e) => indicator === undefined || e.indicator === indicator)
      .sort((a, b) => compareYears(a.year, b.year) || compareIds(a.id, b.id));
  }

  async stats(): Promise<Stats> {
    const kinds = ENTITY_KINDS.map((kind) => ({ kind, count: this.sorted.filter((e) => e.kind === kind).length }));
    const relationTypes = RELATION_TYPES.map((type) => ({ type, count: this.relations.filter((r) => r.type === type).length }));
    return { entities: this.sorted.length, relations: this.relations.length, kinds, relationTypes };
  }

  async ready() {
    return true;
  }

  async close() {}

  private edgesOf(id: string): RelationRecord[] {
    let list = this.adjacency.get(id);
    if (!list) this.adjacency.set(id, (list = []));
    return list;
  }

  private *neighbours(id: string, allowed: Set<RelationType>, direction: Direction = 'BOTH'): Iterable<string> {
    for (const r of this.adjacency.get(id) ?? []) {
      if (!allowed.has(r.type)) continue;
      if (r.source === id && direction !== 'IN') yield r.target;
      else if (r.target === id && direction !== 'OUT') yield r.source;
    }
  }

  /** Relations of the allowed types touching `id`, parallel ones counted separately. */
  private degree(id: string, allowed: Set<RelationType>): number {
    return (this.adjacency.get(id) ?? []).filter((r) => allowed.has(r.type)).length;
  }

  /** Undirected BFS distances to `target`, up to maxDepth hops; stops at the layer that reaches `stopAt`. */
  private distances(target: string, allowed: Set<RelationType>, maxDepth: number, stopAt: string): Map<string, number> {
    const distance = new Map([[target, 0]]);
    let frontier = [target];
    for (let d = 1; d <= maxDepth && frontier.length > 0 && !distance.has(stopAt); d++) {
      const next: string[] = [];
      for (const node of frontier) {
        for (const other of this.neighbours(node, allowed)) {
          if (!distance.has(other)) {
            distance.set(other, d);
            next.push(other);
          }
        }
      }
      frontier = next;
    }
    return distance;
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

/** Years ascending, undated last: the order of Cypher's ORDER BY on a property some nodes lack. */
function compareYears(a: number | undefined, b: number | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a - b;
}
