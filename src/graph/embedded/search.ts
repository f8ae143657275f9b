/**
 * Name and alias search for the embedded store: a scan of every entity's name keys for the candidates of the shared
 * scoring (src/graph/ranking.ts), with a vocabulary of Latin words for the typos. Building it is one pass over names.
 */
import type { EntityKind, EntityRecord, SearchAfter, SearchHit } from '../types.js';
import { editDistance, forms, parseQuery, rankHits, searchWords } from '../ranking.js';
import { nameKey } from '../text.js';

interface Entry {
  entity: EntityRecord;
  keys: string[];
}

export class NameSearch {
  private readonly entries: Entry[];
  /** Latin word → the entries whose names hold it: where typos are looked up. */
  private readonly vocabulary = new Map<string, Set<Entry>>();

  constructor(entities: Iterable<EntityRecord>) {
    this.entries = [...entities].map((entity) => ({ entity, keys: [...new Set(forms(entity).map(nameKey))] }));
    for (const entry of this.entries) {
      for (const word of forms(entry.entity).flatMap(searchWords)) {
        if (!/^[a-z]+$/.test(word)) continue;
        let holders = this.vocabulary.get(word);
        if (!holders) this.vocabulary.set(word, (holders = new Set()));
        holders.add(entry);
      }
    }
  }

  search(text: string, kinds: EntityKind[] | undefined, limit: number, after?: SearchAfter): SearchHit[] {
    const query = parseQuery(text);
    if (!query.key) return [];
    // The entries a word can reach with a typo: the holders of every vocabulary word within its edits.
    const near = query.words.map((w) => {
      const reached = new Set<Entry>();
      if (w.edits === 0) return reached;
      for (const [word, holders] of this.vocabulary) if (editDistance(w.text, word, w.edits) <= w.edits) for (const h of holders) reached.add(h);
      return reached;
    });
    const candidates = this.entries.filter(
      (entry) =>
        entry.keys.some((k) => k.startsWith(query.key)) ||
        (query.words.length > 0 && query.words.every((w, i) => near[i].has(entry) || entry.keys.some((k) => k.includes(w.text)))),
    );
    return rankHits(text, candidates.map((c) => c.entity), { kinds, after, limit });
  }
}
