/** Name and alias search for the embedded store: MiniSearch (BM25) over bilingual tokens, re-ranked by exactness. */
import MiniSearch, { type SearchResult } from 'minisearch';
import type { EntityKind, EntityRecord, SearchHit } from '../types.js';
import { BM25, PREFIX_WEIGHT, SEARCH_FIELDS, matchesAsPrefix, rankHits } from '../ranking.js';
import { tokenize } from '../text.js';

/** The shared tokenizer (src/graph/text.ts), re-exported where it used to live. */
export { tokenize };

interface Doc {
  id: string;
  kind: EntityKind;
  names: string;
  aliases: string;
}

export class NameSearch {
  private readonly index: MiniSearch<Doc>;
  private readonly byId: Map<string, EntityRecord>;

  constructor(entities: Iterable<EntityRecord>) {
    this.byId = new Map([...entities].map((e) => [e.id, e]));
    this.index = new MiniSearch<Doc>({
      fields: SEARCH_FIELDS.map((f) => f.field),
      storeFields: ['kind'],
      tokenize,
      processTerm: (term) => term,
      // The model of src/graph/ranking.ts, stated in full: the Neo4j store reproduces exactly this.
      searchOptions: {
        boost: Object.fromEntries(SEARCH_FIELDS.map((f) => [f.field, f.boost])),
        prefix: matchesAsPrefix,
        fuzzy: false,
        bm25: BM25,
        weights: { prefix: PREFIX_WEIGHT, fuzzy: 0 },
      },
    });
    this.index.addAll(
      [...this.byId.values()].map((e) => ({
        id: e.id,
        kind: e.kind,
        names: SEARCH_FIELDS[0].text(e),
        aliases: SEARCH_FIELDS[1].text(e),
      })),
    );
  }

  search(text: string, kinds: EntityKind[] | undefined, limit: number): SearchHit[] {
    const filter = kinds?.length ? (r: SearchResult) => kinds.includes(r.kind as EntityKind) : undefined;
    // Every token must match when possible; fall back to any token so mixed-language queries still find things.
    let results = this.index.search(text, { combineWith: 'AND', filter });
    if (results.length === 0) results = this.index.search(text, { combineWith: 'OR', filter });
    const candidates = results.map((r) => ({ entity: this.byId.get(r.id)!, relevance: r.score }));
    return rankHits(text, candidates).slice(0, limit);
  }
}
