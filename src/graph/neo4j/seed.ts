/** Loads the checked seed into Neo4j: constraints and indexes first, then idempotent MERGE batches, optionally pruning. */
import neo4j from 'neo4j-driver';
import type { SeedGraph } from '../types.js';
import type { EntityKind, EntityRecord, RelationType } from '../types.js';
import { ENTITY_KINDS, RELATION_TYPES } from '../vocabulary.js';
import { nameKey } from '../text.js';
import type { Neo4jStore } from './store.js';
import { toPlain } from './values.js';
import { searchProperties } from './search.js';
import { graphVersion } from '../version.js';

const BATCH = 500;

export interface SeedReport {
  nodes: number;
  relationships: number;
  prunedNodes: number;
  prunedRelationships: number;
}

/**
 * The node's properties: the record, plus the keys metrics lookups match, the alias text the full-text index (the
 * Browser guide's) covers, and the deletion strings of Latin words that the store's search finds typos by.
 */
export function nodeRow(e: EntityRecord): Record<string, unknown> {
  const row: Record<string, unknown> = {
    ...e,
    keys: [...new Set([e.id, e.name, e.nameZh, ...e.aliases].map(nameKey))],
    aliasText: e.aliases.join(' '),
    ...searchProperties(e),
  };
  // Integers go as Neo4j integers (JS numbers would be stored as floats); absent fields are not stored at all.
  if (typeof e.year === 'number') row.year = neo4j.int(e.year);
  for (const [key, value] of Object.entries(row)) if (value === undefined) delete row[key];
  return row;
}

function batches<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  // Stryker disable next-line EqualityOperator: equivalent, an extra empty batch writes nothing (README: Mutation testing)
  for (let i = 0; i < rows.length; i += BATCH) out.push(rows.slice(i, i + BATCH));
  return out;
}

export async function seedNeo4j(store: Neo4jStore, graph: SeedGraph, options: { prune: boolean }): Promise<SeedReport> {
  await store.runSchema('createIdConstraint');
  await store.runSchema('createKindIndex');
  await store.runSchema('createNameIndex');
  await store.runSchema('awaitIndexes', { seconds: neo4j.int(120) });

  for (const kind of ENTITY_KINDS) {
    const rows = graph.entities.filter((e) => e.kind === kind).map(nodeRow);
    for (const batch of batches(rows)) await store.write(`upsertNodes${kind as EntityKind}`, { rows: batch });
  }
  for (const type of RELATION_TYPES) {
    const rows = graph.relations.filter((r) => r.type === type).map(({ source, target, section, evidence }) => ({ source, target, section, evidence }));
    for (const batch of batches(rows)) await store.write(`upsertRelations${type as RelationType}`, { rows: batch });
  }

  let prunedNodes = 0;
  let prunedRelationships = 0;
  if (options.prune) {
    const nodes = await store.write('pruneEntities', { ids: graph.entities.map((e) => e.id) });
    prunedNodes = toPlain(nodes.records[0]?.get('removed') ?? 0) as number;
    const rels = await store.write('pruneRelations', { keys: graph.relations.map((r) => `${r.type}|${r.source}|${r.target}`) });
    prunedRelationships = toPlain(rels.records[0]?.get('removed') ?? 0) as number;
  }

  // Last, so that the version names the data only once all of it is written; the API's response cache keys on it.
  await store.write('stampDataVersion', { version: graphVersion(graph) });

  const counts = await store.read('counts');
  return {
    nodes: toPlain(counts.records[0].get('nodes')) as number,
    relationships: toPlain(counts.records[0].get('relationships')) as number,
    prunedNodes,
    prunedRelationships,
  };
}
