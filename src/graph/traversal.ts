/** Traversal conventions every store follows, so that paths and neighbourhoods agree across stores. */
import type { RelationRecord, RelationType } from './types.js';
import { RELATION_TYPES } from './vocabulary.js';

/** How far traversals may go: both stores build their walks from these (the Cypher bounds included). */
export const TRAVERSAL_LIMITS = {
  /** Neighbourhood depth in hops. */
  maxNeighborhoodDepth: 3,
  /** Hops a shortest path may take. */
  maxPathDepth: 10,
} as const;

/** MENTIONED_IN joins everything in a section to everything else there: traversals skip it unless asked. */
export function defaultTraversalTypes(): RelationType[] {
  return RELATION_TYPES.filter((t) => t !== 'MENTIONED_IN');
}

/** Whether a neighbourhood walk expanded a node: short of the last ring, and the centre or no hub held back. */
export function expandedInWalk(distance: number, degree: number, depth: number, maxDegree?: number): boolean {
  return distance < depth && (distance === 0 || maxDegree === undefined || degree <= maxDegree);
}

/** Total order on relations: by type, then source id, then target id (code-unit order, as Neo4j compares strings). */
export function compareRelations(a: RelationRecord, b: RelationRecord): number {
  return compareIds(a.type, b.type) || compareIds(a.source, b.source) || compareIds(a.target, b.target);
}

/** Plain code-unit order of strings, the order Neo4j uses: every store sorts ids with it. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
