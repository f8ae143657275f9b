/**
 * What the resolvers hand down as a field's parent where that is not a store record as it is: codegen's mappers
 * (codegen.ts) for the types built by the resolvers. Imports only src/graph, so the generated resolver types
 * (src/__generated__) never import a resolver, and a resolver can import them without a cycle.
 */
import type { EntityRecord, RelationRecord, Subgraph, SubgraphMember } from './graph/types.js';
import type { MetricSeriesRecord } from './graph/indicators.js';

/** What a Node is in the stores: an entity record or a relation record. */
export type NodeRecord = EntityRecord | RelationRecord;

/** One page of `entities`: its items, where it starts and how many there are in all. */
export interface EntityPage {
  items: EntityRecord[];
  offset: number;
  totalCount: number;
}

/** One edge of a page, with its offset for the cursor. */
export interface EntityEdgeResult {
  node: EntityRecord;
  offset: number;
}

/** A neighbourhood or subgraph with each member's entity loaded and whether the node limit cut it. */
export type SubgraphResult = Subgraph & { truncated: boolean; members: (SubgraphMember & { entity: EntityRecord })[] };

/** The two ends and the paths allShortestPaths found between them. */
export interface ChainsRecord {
  from: EntityRecord;
  to: EntityRecord;
  paths: Subgraph[];
}

/** A relation as a chain walks it, from the chain's entity `from` to the next one, `to`. */
export interface ChainStepRecord {
  relation: RelationRecord;
  from: EntityRecord;
  to: EntityRecord;
}

/** A series with its region resolved to the Region entity's id once per request, not once per series. */
export type SeriesResult = MetricSeriesRecord & { regionId: string | null };
