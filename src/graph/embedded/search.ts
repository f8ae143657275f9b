/**
 * Name and alias search for the embedded store: a scan of every entity's name keys for the candidates of the shared
 * scoring (src/graph/ranking.ts), with a vocabulary of Latin words for the typos. Building it is one pass over names.
 */
import type { EntityKind, EntityRecord, SearchAfter, SearchHit } from '../types.js';
import { editDistance, forms, parseQuery, rankHits, searchWords } from '../ranking.js';
import { nameKey } from '../text.js';

/** An entity and the distinct name keys of its forms (id, names, aliases), in that order. */
export interface Entry {
  entity: EntityRecord;
  keys: string[];
}

/** The entry of an entity: its name keys computed once, for search and for the store's name lookup alike. */
export function entryOf(entity: EntityRecord): Entry {
  return { entity, keys: [...new Set(forms(entity).map(nameKey))] };
}

export class NameSearch {
  private readonly entries: Entry[];
  /** Latin word → the entries whose names hold it (each once): where typos are looked up. Arrays, not sets: lighter. */
  private readonly vocabulary = new Map<string, Entry[]>();

  constructor(entries: Entry[]) {
    this.entries = entries;
    for (const entry of this.entries) {
      for (const form of forms(entry.entity)) {
        for (const word of searchWords(form)) {
          if (!/^[a-z]+$/.test(word)) continue;
          const holders = this.vocabulary.get(word);
          if (!holders) this.vocabulary.set(word, [entry]);
          else if (holders.at(-1) !== entry) holders.push(entry);
        }
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
