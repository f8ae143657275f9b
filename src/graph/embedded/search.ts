/**
 * Name and alias search for the embedded store: the candidates of the shared scoring (src/graph/ranking.ts), found
 * through an index of the pairs of neighbouring characters in every entity's name keys, with a vocabulary of Latin
 * words for the typos. Building it is one pass over names.
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
  /**
   * Pair of neighbouring characters → the entries with a name key holding it (each once). A key holding a text holds
   * all of the text's pairs, so the shortest of their lists holds every entry that can match: only those are scanned.
   */
  private readonly pairs = new Map<string, Entry[]>();

  constructor(entries: Entry[]) {
    this.entries = entries;
    for (const entry of entries) {
      for (const key of entry.keys) {
        for (let i = 0; i + 1 < key.length; i++) {
          const pair = key.slice(i, i + 2);
          const holders = this.pairs.get(pair);
          if (!holders) this.pairs.set(pair, [entry]);
          // Entries are filed in order, so a repeat of this entry can only be the last one.
          else if (holders[holders.length - 1] !== entry) holders.push(entry);
        }
      }
    }
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
    // Every entry with a key that begins with the text, or, for every word, holds it or is near it.
    const candidates = new Set(this.holding(query.key).filter((entry) => entry.keys.some((k) => k.startsWith(query.key))));
    if (query.words.length > 0) {
      const perWord = query.words.map((w, i) => new Set([...near[i], ...this.holding(w.text)]));
      const [fewest, ...rest] = [...perWord].sort((a, b) => a.size - b.size);
      for (const entry of fewest) if (rest.every((set) => set.has(entry))) candidates.add(entry);
    }
    return rankHits(text, [...candidates].map((c) => c.entity), { kinds, after, limit });
  }

  /** The entries with a name key that holds `text`, found through the shortest list of one of its pairs (a single character: all). */
  private holding(text: string): Entry[] {
    let shortest = this.entries;
    for (let i = 0; i + 1 < text.length; i++) {
      const holders = this.pairs.get(text.slice(i, i + 2)) ?? [];
      if (holders.length < shortest.length) shortest = holders;
    }
    return shortest.filter((entry) => entry.keys.some((k) => k.includes(text)));
  }
}
