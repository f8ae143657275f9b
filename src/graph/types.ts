/** The store-neutral records and the GraphStore port that every store implements and every resolver talks to. */
import type { EntityKind, MetricQualifier, MetricUnit, RelationType } from './vocabulary.js';

export type { EntityKind, RelationType };

export interface EntityRecord {
  id: string;
  kind: EntityKind;
  name: string;
  nameZh: string;
  aliases: string[];
  description: string;
  descriptionZh: string;
  /** Section numbers ("3.3.2", "preface") the entity appears in, in document order. */
  sections: string[];
  /** Section and Figure: their number. */
  number?: string;
  /** Metric facts. */
  value?: number;
  /** The unit as shown: in English and in Chinese (for a count, what is counted). */
  unit?: string;
  unitZh?: string;
  unitCode?: MetricUnit;
  qualifier?: MetricQualifier;
  /** What the number measures, shared by comparable metrics (ai-penetration, computing-power-scale …). */
  indicator?: string;
  year?: number;
  /** Metric without a stated year, given as current: the whitepaper's date. */
  asOf?: string;
  period?: string;
  region?: string;
  forecast?: boolean;
  source?: string;
  /** Metric: the sentence that states the number; Figure: its caption. */
  evidence?: string;
}

export interface RelationRecord {
  type: RelationType;
  source: string;
  target: string;
  /** Section number the evidence stands in. */
  section: string;
  /** Verbatim quote of the source (whitespace runs collapsed to one space). */
  evidence: string;
}

export type Direction = 'OUT' | 'IN' | 'BOTH';

/** A whole graph as the seed describes it: what a store is built or seeded from. */
export interface SeedGraph {
  entities: EntityRecord[];
  relations: RelationRecord[];
}

export interface Subgraph {
  nodes: EntityRecord[];
  edges: RelationRecord[];
}

/** Where a node of a neighbourhood stands; `members[i]` of a Neighborhood describes `nodes[i]`. */
export interface SubgraphMember {
  /** Hops from the centre along followed relations (0 for the centre). */
  distance: number;
  /** Relations of the followed types touching the node in the whole graph, either direction, parallel ones counted. */
  degree: number;
  /** Whether its neighbours were walked: false on the last ring and for a hub held back by maxDegree. */
  expanded: boolean;
}

export interface Neighborhood extends Subgraph {
  members: SubgraphMember[];
}

export interface NeighborhoodArgs {
  id: string;
  depth: number;
  types?: RelationType[];
  limit: number;
  /** Which way relations are followed from each node; BOTH when absent. */
  direction?: Direction;
  /** Only entities of these kinds are included and walked through (the centre always is). */
  kinds?: EntityKind[];
  /** A node other than the centre with a degree above this is included but not expanded. */
  maxDegree?: number;
}

export interface SearchHit {
  entity: EntityRecord;
  score: number;
}

/** Where a page of search hits starts: after the hit with this score and id (hits are ordered by score, then id). */
export interface SearchAfter {
  score: number;
  id: string;
}

export interface Stats {
  entities: number;
  relations: number;
  kinds: { kind: EntityKind; count: number }[];
  relationTypes: { type: RelationType; count: number }[];
}

export interface MetricFilter {
  /** An entity id, or a name, Chinese name or alias of the subject entity. */
  subject?: string;
  /** A Region id, name, Chinese name or alias. */
  region?: string;
  year?: number;
  /** An indicator slug: every metric measuring that. */
  indicator?: string;
}

/** The operations the API needs. Every store answers them identically for the same seed. */
export interface GraphStore {
  readonly name: string;
  /** Entities in the order of `ids`; null where an id is unknown. */
  getEntities(ids: readonly string[]): Promise<(EntityRecord | null)[]>;
  /** A page of entities ordered by id, optionally of one kind. */
  listEntities(args: { kind?: EntityKind; offset: number; limit: number }): Promise<{ items: EntityRecord[]; totalCount: number }>;
  /** Every relation touching each id, grouped per id in key order (outgoing and incoming). */
  relationsOf(ids: readonly string[]): Promise<RelationRecord[][]>;
  /**
   * The id each reference stands for: an id, a name or an alias in either language, compared case-, width- and
   * space-insensitively (nameKey). Where a section or figure shares a name with an entity, the entity wins; then the
   * smallest id. Null for a reference that names nothing.
   */
  resolve(refs: readonly string[]): Promise<(string | null)[]>;
  /** Entities whose names or aliases match `text`, best first (src/graph/ranking.ts), from `after` on. */
  search(args: { text: string; kinds?: EntityKind[]; limit: number; after?: SearchAfter }): Promise<SearchHit[]>;
  /**
   * Entities within `depth` hops of `id` (walked ring by ring, each ring in id order, at most `limit` nodes), the
   * relations of the followed types among them in either direction, and where each node stands; null for an unknown id.
   */
  neighborhood(args: NeighborhoodArgs): Promise<Neighborhood | null>;
  /**
   * The shortest undirected path; among equals the one whose inner nodes have the fewest relations of the followed
   * types, then the smallest sequence of node ids. Null when none is within maxDepth.
   */
  shortestPath(args: { from: string; to: string; maxDepth: number; types?: RelationType[] }): Promise<Subgraph | null>;
  /**
   * The first `first` shortest undirected paths, distinct node sequences in shortestPath's order (so the first is
   * shortestPath's answer); each step takes the smallest relation by (type, source, target) joining its two nodes.
   * Empty when none is within maxDepth or an end is unknown.
   */
  allShortestPaths(args: { from: string; to: string; maxDepth: number; types?: RelationType[]; first: number }): Promise<Subgraph[]>;
  /** Metric entities matching every given filter, ordered by year then id. */
  metrics(filter: MetricFilter): Promise<EntityRecord[]>;
  stats(): Promise<Stats>;
  /** An identifier of the data the store holds: equal versions answer every query identically (the response cache's key). */
  dataVersion(): Promise<string>;
  /** True when the store can answer now (its database is reachable). */
  ready(): Promise<boolean>;
  close(): Promise<void>;
}

/** Thrown by a store when its database cannot answer (down, unreachable, refusing our credentials, too slow). */
export class StoreUnavailable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailable';
  }
}
