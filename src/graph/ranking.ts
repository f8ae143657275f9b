/** The one ranking every store applies to its search candidates, so that stores agree on the order of hits. */
import type { EntityRecord, SearchHit } from './types.js';
import { nameKey } from './text.js';
import { compareIds } from './traversal.js';

/** Tiers put exact and whole-phrase matches above partial matches, whatever the text-relevance engine says. */
const EXACT_TIER = 2;
const CONTAINS_TIER = 1;

/**
 * Score = tier + relevance relative to the best candidate, in (0, 1]. Ties break by id.
 * `relevance` is the engine's own score (BM25 from MiniSearch or Lucene); only its order within a query matters.
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
