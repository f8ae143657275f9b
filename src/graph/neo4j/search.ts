/**
 * Name and alias search for the Neo4j store: the relevance model of src/graph/ranking.ts (MiniSearch's BM25+, which
 * the embedded store runs) computed here over the search terms the seeder stores on every node, so that both stores
 * answer the same hits with the same scores.
 *
 * Neo4j's full-text index cannot give that: its CJK analyzer indexes character pairs but not single characters,
 * splits Latin words where the shared tokenizer keeps them whole ("c++", "cpu+gpu"), ORs the terms where the model
 * ANDs them first, and scores with Lucene's BM25 over its own statistics. What the model needs instead is, for the
 * query's terms, every entity holding one of them (or, for prefix terms, a word they begin) with its terms per field,
 * plus two corpus figures: the number of entities and the total length of each field. One statement returns all of
 * that; with those, document frequencies are exact, because every entity holding a matched term is in the answer.
 */
import type { EntityKind, EntityRecord, SearchHit } from '../types.js';
import { BM25, PREFIX_WEIGHT, SEARCH_FIELDS, matchesAsPrefix, rankHits } from '../ranking.js';
import { tokenize } from '../text.js';

/** An entity holding at least one query term, with its terms per field of SEARCH_FIELDS (repeats kept). */
export interface TermMatch {
  entity: EntityRecord;
  terms: string[][];
}

/** Over every entity: how many there are, and per field of SEARCH_FIELDS the sum of its distinct-term counts. */
export interface Corpus {
  documents: number;
  fieldLengths: number[];
}

/** The node properties the seeder stores for search: terms per field, and each field's distinct-term count. */
export function searchProperties(e: EntityRecord): { nameTerms: string[]; aliasTerms: string[]; nameTermCount: number; aliasTermCount: number } {
  const [nameTerms, aliasTerms] = SEARCH_FIELDS.map((f) => tokenize(f.text(e)));
  return { nameTerms, aliasTerms, nameTermCount: new Set(nameTerms).size, aliasTermCount: new Set(aliasTerms).size };
}

/** What to ask the database for `text`: entities holding one of `terms`, or a word that begins with one of `prefixes`. */
export function termQuery(text: string): { terms: string[]; prefixes: string[] } {
  const terms = [...new Set(tokenize(text))];
  return { terms, prefixes: terms.filter(matchesAsPrefix) };
}

interface Scored {
  score: number;
  /** The distinct query terms this entity matched (MiniSearch multiplies the score by their number). */
  terms: string[];
}

function bm25(termFreq: number, matching: number, total: number, fieldLength: number, averageLength: number): number {
  const { k, b, d } = BM25;
  const invDocFreq = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
  return invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / averageLength)));
}

/**
 * The hits for `text` among `matches`, as the embedded store ranks them: every query term must match (a prefix
 * term also through the words it begins), or, when no entity of the kinds asked matches them all, any term.
 */
export function rankTermMatches(text: string, kinds: EntityKind[] | undefined, limit: number, matches: TermMatch[], corpus: Corpus): SearchHit[] {
  const queryTerms = tokenize(text);
  const { terms, prefixes } = termQuery(text);
  const wanted = new Set(terms);
  const relevant = (word: string) => wanted.has(word) || prefixes.some((p) => word.startsWith(p));
  // Postings (term → entity → term frequency) of the words a query term can reach, per field.
  const fields = SEARCH_FIELDS.map((f, i) => {
    const postings = new Map<string, Map<number, number>>();
    matches.forEach((m, doc) => {
      for (const word of m.terms[i]) {
        if (!relevant(word)) continue;
        let freqs = postings.get(word);
        if (!freqs) postings.set(word, (freqs = new Map()));
        freqs.set(doc, (freqs.get(doc) ?? 0) + 1);
      }
    });
    const lengths = new Map<number, number>();
    const length = (doc: number) => lengths.get(doc) ?? lengths.set(doc, new Set(matches[doc].terms[i]).size).get(doc)!;
    return { boost: f.boost, postings, length, average: corpus.fieldLengths[i] / corpus.documents };
  });
  const indexed = [...new Set(fields.flatMap((f) => [...f.postings.keys()]))].sort();

  const termResults = (source: string, derived: string, weight: number, results: Map<number, Scored>) => {
    for (const field of fields) {
      const freqs = field.postings.get(derived);
      if (!freqs) continue;
      for (const [doc, termFreq] of freqs) {
        const score = weight * field.boost * bm25(termFreq, freqs.size, corpus.documents, field.length(doc), field.average);
        const result = results.get(doc);
        if (result) {
          result.score += score;
          if (!result.terms.includes(source)) result.terms.push(source);
        } else results.set(doc, { score, terms: [source] });
      }
    }
  };

  const perTerm = queryTerms.map((term) => {
    const results = new Map<number, Scored>();
    termResults(term, term, 1, results);
    if (matchesAsPrefix(term)) {
      for (const word of indexed) {
        if (word === term || !word.startsWith(term)) continue;
        termResults(term, word, (PREFIX_WEIGHT * word.length) / (word.length + 0.3 * (word.length - term.length)), results);
      }
    }
    return results;
  });

  const union = (a: Scored, b: Scored): Scored => ({ score: a.score + b.score, terms: [...new Set([...a.terms, ...b.terms])] });
  const combine = (mode: 'AND' | 'OR'): SearchHit[] => {
    if (perTerm.length === 0) return [];
    const combined = perTerm.slice(1).reduce((a, b) => {
      const out = new Map<number, Scored>(mode === 'OR' ? a : []);
      for (const [doc, scored] of b) {
        const existing = a.get(doc);
        if (existing) out.set(doc, union(existing, scored));
        else if (mode === 'OR') out.set(doc, scored);
      }
      return out;
    }, perTerm[0]);
    const candidates = [...combined]
      .map(([doc, { score, terms }]) => ({ entity: matches[doc].entity, relevance: score * (terms.length || 1) }))
      .filter((c) => !kinds?.length || kinds.includes(c.entity.kind));
    return rankHits(text, candidates);
  };

  let hits = combine('AND');
  if (hits.length === 0) hits = combine('OR');
  return hits.slice(0, limit);
}
