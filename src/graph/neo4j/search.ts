/**
 * Name and alias search for the Neo4j store: one statement (`searchCandidates`) retrieves every entity that can score
 * above 0, and the shared scoring of src/graph/ranking.ts ranks them, so both stores answer the same hits and scores.
 *
 * Neo4j's full-text index cannot be that retrieval: its CJK analyzer has no notion of our name keys, and its fuzzy
 * queries are Lucene's, not ours. What the statement needs instead is on the node: the name keys (`keys`, stored for
 * name lookups already) for exact, prefix and containment matches, and for typos the deletion strings of the entity's
 * Latin words (`fuzzyKeys`), which a query word within its edits always shares with the word it misspells.
 */
import { candidateParams, fuzzyKeys, parseQuery } from '../ranking.js';
import type { EntityRecord } from '../types.js';

/** The node property the seeder stores for search beyond `keys`. */
export function searchProperties(e: EntityRecord): { fuzzyKeys: string[] } {
  return { fuzzyKeys: fuzzyKeys(e) };
}

/** The parameters of `searchCandidates` for a text, or null when the text cannot match anything (no name key). */
export function searchParams(text: string): ReturnType<typeof candidateParams> | null {
  const query = parseQuery(text);
  return query.key ? candidateParams(query) : null;
}
