/**
 * Name and alias search for the embedded store: the candidates of the shared scoring (src/graph/ranking.ts), found
 * through an index of the pairs of neighbouring characters in every entity's name keys, with a vocabulary of Latin
 * words for the typos. Building it is three passes over the names: two for the pairs (counted, then filed), one for words.
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

/** The pair of code units at `i` in `text`, as one number. */
function pairAt(text: string, i: number): number {
  // Stryker disable next-line ArithmeticOperator: equivalent, any pair number that filing and lookup both compute finds a superset, and holding() checks each (README: Mutation testing)
  return text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1);
}

const NO_POSTINGS = new Int32Array(0);

export class NameSearch {
  private readonly entries: Entry[];
  /** Latin word → the entries whose names hold it (each once): where typos are looked up. Arrays, not sets: lighter. */
  private readonly vocabulary = new Map<string, Entry[]>();
  /**
   * Pair of neighbouring characters (two UTF-16 code units as one number) → the indexes of the entries with a name key
   * holding it, ascending. A key holding a text holds all of the text's pairs, so the shortest of their lists holds every
   * entry that can match: only those are scanned. Typed arrays, counted then filled: 4 bytes a posting (18 MB at 100k).
   */
  private readonly pairs = new Map<number, Int32Array>();

  constructor(entries: Entry[]) {
    this.entries = entries;
    const counts = new Map<number, number>();
    const lastSeen = new Map<number, number>();
    this.eachPair((pair, index) => {
      // Stryker disable next-line ConditionalExpression: equivalent, a pair counted twice only leaves a trailing zero, checked like any entry (README: Mutation testing)
      if (lastSeen.get(pair) === index) return;
      lastSeen.set(pair, index);
      counts.set(pair, (counts.get(pair) ?? 0) + 1);
    });
    const filled = new Map<number, number>();
    for (const [pair, count] of counts) this.pairs.set(pair, new Int32Array(count));
    this.eachPair((pair, index) => {
      const postings = this.pairs.get(pair)!;
      const at = filled.get(pair) ?? 0;
      if (at > 0 && postings[at - 1] === index) return;
      postings[at] = index;
      filled.set(pair, at + 1);
    });
    for (const entry of this.entries) {
      for (const form of forms(entry.entity)) {
        for (const word of searchWords(form)) {
          // Stryker disable next-line ConditionalExpression,Regex: equivalent, more words in the typo vocabulary only add candidates, which rankHits scores again (README: Mutation testing)
          if (!/^[a-z]+$/.test(word)) continue;
          const holders = this.vocabulary.get(word);
          if (!holders) {
            this.vocabulary.set(word, [entry]);
            continue;
          }
          // Stryker disable next-line ConditionalExpression,UnaryOperator: equivalent, an entity listed twice for a word is reached once (a Set) (README: Mutation testing)
          if (holders.at(-1) !== entry) holders.push(entry);
        }
      }
    }
  }

  search(text: string, kinds: EntityKind[] | undefined, limit: number, after?: SearchAfter): SearchHit[] {
    const query = parseQuery(text);
    // Stryker disable next-line ConditionalExpression: equivalent, the candidate filter only has to keep a superset: rankHits scores every candidate (README: Mutation testing)
    if (!query.key) return [];
    // The entries a word can reach with a typo: the holders of every vocabulary word within its edits.
    const near = query.words.map((w) => {
      const reached = new Set<Entry>();
      // Stryker disable next-line ConditionalExpression: equivalent, the candidate filter only has to keep a superset: rankHits scores every candidate (README: Mutation testing)
      if (w.edits === 0) return reached;
      // Stryker disable next-line ConditionalExpression: equivalent, the candidate filter only has to keep a superset: rankHits scores every candidate (README: Mutation testing)
      for (const [word, holders] of this.vocabulary) if (editDistance(w.text, word, w.edits) <= w.edits) for (const h of holders) reached.add(h);
      return reached;
    });
    // Every entry with a key that begins with the text, or, for every word, holds it or is near it.
    const candidates = new Set(this.holding(query.key).filter((entry) => entry.keys.some((k) => k.startsWith(query.key))));
    if (query.words.length > 0) {
      const perWord = query.words.map((w, i) => new Set([...near[i], ...this.holding(w.text)]));
      // Stryker disable next-line MethodExpression,ArithmeticOperator: equivalent, any order of the per-word sets gives the same intersection; the smallest first is only cheaper (README: Mutation testing)
      const [fewest, ...rest] = [...perWord].sort((a, b) => a.size - b.size);
      // Stryker disable next-line ConditionalExpression: equivalent, the candidate filter only has to keep a superset: rankHits scores every candidate (README: Mutation testing)
      for (const entry of fewest) if (rest.every((set) => set.has(entry))) candidates.add(entry);
    }
    return rankHits(text, [...candidates].map((c) => c.entity), { kinds, after, limit });
  }

  /** The entries with a name key that holds `text`, found through the shortest list of one of its pairs (a single character: all). */
  private holding(text: string): Entry[] {
    let shortest: Int32Array | undefined;
    // Stryker disable next-line BlockStatement: equivalent, with no pair list chosen, every entry is checked: a superset, filtered by holds() (README: Mutation testing)
    for (let i = 0; i + 1 < text.length; i++) {
      const postings = this.pairs.get(pairAt(text, i)) ?? NO_POSTINGS;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, any pair's list is a superset of the entries holding the text; the shortest is only cheaper (README: Mutation testing)
      if (!shortest || postings.length < shortest.length) shortest = postings;
    }
    const holds = (entry: Entry) => entry.keys.some((k) => k.includes(text));
    // Stryker disable next-line MethodExpression: equivalent, every entry is a superset of the hits, and rankHits scores every candidate (README: Mutation testing)
    if (!shortest) return this.entries.filter(holds);
    const found: Entry[] = [];
    // Stryker disable next-line ConditionalExpression: equivalent, every entry of the list is a superset of the hits, and rankHits scores every candidate (README: Mutation testing)
    for (const index of shortest) if (holds(this.entries[index])) found.push(this.entries[index]);
    return found;
  }

  /** Calls `visit` with every pair of every name key, and the index of its entry, entries in order. */
  private eachPair(visit: (pair: number, index: number) => void): void {
    this.entries.forEach((entry, index) => {
      // Stryker disable next-line ArithmeticOperator,EqualityOperator: equivalent, pairs past a key's end are NaN, filed under a number no lookup computes (README: Mutation testing)
      for (const key of entry.keys) for (let i = 0; i + 1 < key.length; i++) visit(pairAt(key, i), index);
    });
  }
}
