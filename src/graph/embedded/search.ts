/** Name and alias search for the embedded store: MiniSearch (BM25) over bilingual tokens, re-ranked by exactness. */
import MiniSearch, { type SearchResult } from 'minisearch';
import type { EntityKind, EntityRecord, SearchHit } from '../types.js';
import { rankHits } from '../ranking.js';

const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;
const LATIN_WORD = /[a-z0-9][a-z0-9+#.]*[a-z0-9+#]|[a-z0-9]/g;

/**
 * Chinese has no spaces, so a run of Han characters becomes its single characters and its character pairs
 * (what Lucene's CJK analyzer indexes); Latin text becomes lower-case words ("c++", "5g", "51.2t" kept whole).
 */
export function tokenize(text: string): string[] {
  const normalized = text.normalize('NFKC').toLowerCase();
  const tokens: string[] = [];
  for (const run of normalized.match(CJK_RUN) ?? []) {
    for (let i = 0; i < run.length; i++) {
      tokens.push(run[i]);
      if (i + 1 < run.length) tokens.push(run.slice(i, i + 2));
    }
  }
  for (const word of normalized.replace(CJK_RUN, ' ').match(LATIN_WORD) ?? []) tokens.push(word);
  return tokens;
}

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
      fields: ['names', 'aliases'],
      storeFields: ['kind'],
      tokenize,
      processTerm: (term) => term,
      searchOptions: { boost: { names: 2 }, prefix: (term) => /^[a-z][a-z0-9]{2,}$/.test(term) },
    });
    this.index.addAll(
      [...this.byId.values()].map((e) => ({
        id: e.id,
        kind: e.kind,
        names: `${e.name} ${e.nameZh}`,
        aliases: e.aliases.join(' '),
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
