/** The one ranking every store applies to its search candidates, so that stores agree on the order of hits. */
import type { EntityRecord, SearchHit } from './types.js';
import { nameKey } from './text.js';
import { compareIds } from './traversal.js';

/** The fields search scores, in scoring order, with their boosts: names weigh twice as much as aliases. */
export const SEARCH_FIELDS = [
  { field: 'names', boost: 2, text: (e: EntityRecord) => `${e.name} ${e.nameZh}` },
  { field: 'aliases', boost: 1, text: (e: EntityRecord) => e.aliases.join(' ') },
] as const;

/**
 * The relevance model (MiniSearch's BM25+, which the embedded store runs and the Neo4j store reproduces): its
 * parameters, the weight of a prefix match, and which query terms also match as prefixes (Latin words of 3+ letters).
 */
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
export const PREFIX_WEIGHT = 0.375;
export function matchesAsPrefix(term: string): boolean {
  return /^[a-z][a-z0-9]{2,}$/.test(term);
}

/** Tiers put exact and whole-phrase matches above partial matches, whatever the text-relevance engine says. */
const EXACT_TIER = 2;
const CONTAINS_TIER = 1;

/**
 * Score = tier + relevance relative to the best candidate, in (0, 1]. Ties break by id.
 * `relevance` is the BM25+ score of the model above: MiniSearch's in the embedded store, the same computation over
 * term lists stored on the nodes in the Neo4j store, so that both stores give the same hits the same scores.
 */
export function rankHits(text: string, candidates: { entity: EntityRecord; relevance: number }[]): SearchHit[] {
  const query = nameKey(text);
  const best = Math.max(...candidates.map((c) => c.relevance));
  const hits = candidates.map(({ entity, relevance }) => {
    const forms = [entity.id, entity.name, entity.nameZh, ...entity.aliases].map(nameKey);
    const tier = forms.includes(query) ? EXACT_TIER : forms.some((f) => f.includes(query)) ? CONTAINS_TIER : 0;
    return { entity, score: Math.round((tier + relevance / best) * 1000) / 1000 };
  });
  return hits.sort((a, b) => b.score - a.score || compareIds(a.entity.id, b.entity.id));
}
