/**
 * The one search scoring every store applies to the candidates it retrieves, so that stores agree on hits and scores.
 * A score means the same for every query (a tier plus how closely the text covers the name), so a query that matches
 * nothing well has no hits at all instead of a "best" hit that is merely the least bad.
 */
import type { EntityKind, EntityRecord, SearchAfter, SearchHit } from './types.js';
import { nameKey } from './text.js';
import { compareIds } from './traversal.js';

/**
 * The tiers, best first: exact name or alias, name beginning with the text (an unfinished word), every word of the
 * text in one name (or, below that, spread over several), every word again but with a typo. Within a tier the score
 * rises by up to SPREAD with closeness, so tiers never overlap: exact 1, prefix 0.8–0.99, containment 0.6–0.79,
 * fuzzy 0.4–0.59.
 */
export const TIERS = { exact: 1, prefix: 0.8, contains: 0.6, fuzzy: 0.4 } as const;
const SPREAD = 0.19;
/** The entity's own names (id, English, Chinese) are its terms; an alias matched as closely counts a little less. */
const ALIAS_WEIGHT = 0.9;

/** Words that carry no meaning alone: dropped from a query that has others; a query of them only matches exactly. */
const STOPWORDS = new Set(['a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'in', 'into', 'is', 'it', 'its', 'of', 'on', 'or', 'the', 'to', 'with']);

const CJK_CHAR = /[\u3400-\u9fff\uf900-\ufaff]/;
/** A Latin word ("c++" and "c#" kept whole, "cpu+gpu" split) or a run of Han characters (Chinese has no spaces). */
const WORD = /[a-z0-9]+(?:\+\+|#)?|[\u3400-\u9fff\uf900-\ufaff]+/g;

/** The words of a name or query: NFKC (full width to half width), lower case. */
export function searchWords(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(WORD) ?? [];
}

/** Typos forgiven in a Latin query word (Damerau-Levenshtein): none up to 3 letters, 1 for 4–7, 2 for 8 and more. */
export function maxEdits(word: string): number {
  if (!/^[a-z]+$/.test(word)) return 0;
  return word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
}

interface QueryWord {
  text: string;
  cjk: boolean;
  edits: number;
}

export interface SearchQuery {
  /** nameKey of the whole text: what exact and prefix matches compare. */
  key: string;
  /** False for a text of stop words only: it matches by exact name or alias alone. */
  prefix: boolean;
  /** The words every containment or fuzzy hit must hold; empty when the text has none that mean something alone. */
  words: QueryWord[];
}

/**
 * The text as search reads it. Stop words are dropped when other words remain; a lone Han character is not a word
 * to look for inside names (it would match half the graph), so "的" or "算" match by exact name or prefix only.
 */
export function parseQuery(text: string): SearchQuery {
  const all = searchWords(text);
  const meaningful = all.filter((w) => !STOPWORDS.has(w));
  const words = meaningful.map((w) => ({ text: w, cjk: CJK_CHAR.test(w), edits: maxEdits(w) }));
  const weak = words.every((w) => w.cjk && w.text.length < 2);
  // Every name has a letter, a digit or a Han character: punctuation alone names nothing.
  const key = /[\p{L}\p{N}]/u.test(text) ? nameKey(text) : '';
  return { key, prefix: words.length > 0, words: weak ? [] : words };
}

/** Damerau-Levenshtein distance (optimal string alignment) of a and b, or limit + 1 once it exceeds limit. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const width = b.length + 1;
  // Three rows reused across calls: search computes many short distances, and allocation dominated them.
  if (rows.length < 3 * width) rows = new Int32Array(3 * width * 2);
  let before = 0;
  let previous = width;
  let current = 2 * width;
  for (let j = 0; j < width; j++) rows[previous + j] = j;
  for (let i = 1; i <= a.length; i++) {
    rows[current] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(rows[previous + j] + 1, rows[current + j - 1] + 1, rows[previous + j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[before + j - 2] + 1);
      rows[current + j] = d;
      if (d < best) best = d;
    }
    if (best > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return rows[previous + b.length];
}
let rows = new Int32Array(96);

/**
 * Every string made by deleting up to `n` letters of `word` (the word itself included). Two words within k edits
 * share such a string with k deletions each (a transposition costs one deletion on each side), so a store can find
 * fuzzy candidates by set intersection and leave the exact distance to scoreEntity.
 */
export function deletions(word: string, n: number): string[] {
  let layer = new Set([word]);
  const out = new Set(layer);
  for (let round = 0; round < n; round++) {
    const next = new Set<string>();
    for (const w of layer) for (let i = 0; i < w.length; i++) next.add(w.slice(0, i) + w.slice(i + 1));
    for (const w of next) out.add(w);
    layer = next;
  }
  return [...out];
}

/** The deletion strings of an entity's Latin words, enough to meet any query word that maxEdits lets reach them. */
export function fuzzyKeys(e: EntityRecord): string[] {
  const out = new Set<string>();
  for (const word of new Set(forms(e).flatMap(searchWords))) {
    // A query word of 4–7 letters reaches words of 3+ letters with one edit; one of 8+ reaches 6+ letters with two.
    if (!/^[a-z]+$/.test(word) || word.length < 3) continue;
    for (const d of deletions(word, word.length >= 6 ? 2 : 1)) out.add(d);
  }
  return [...out].sort();
}

/** The names an entity answers to: its id, English and Chinese names and aliases. */
export function forms(e: EntityRecord): string[] {
  return [e.id, e.name, e.nameZh, ...e.aliases];
}

interface Form {
  key: string;
  /** Per character of key: whether a word goes on past it (no space, same script). */
  continues: boolean[];
  words: string[];
  /** An entity's own names (id, English, Chinese) weigh 1; its aliases ALIAS_WEIGHT. */
  weight: number;
}

function charClass(c: string | undefined): string {
  // Stryker disable next-line StringLiteral: equivalent, a class is only compared with a character's class, which is never this text (README: Mutation testing)
  if (c === undefined) return '';
  return CJK_CHAR.test(c) ? 'cjk' : /[a-z0-9]/.test(c) ? 'latin' : c;
}

function toForm(form: string, weight: number): Form {
  const text = form.normalize('NFKC').toLowerCase();
  let key = '';
  const continues: boolean[] = [];
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i])) continue;
    key += text[i];
    const kind = charClass(text[i]);
    continues.push((kind === 'cjk' || kind === 'latin') && kind === charClass(text[i + 1]));
  }
  return { key, continues, words: searchWords(form), weight };
}

/** Entities' names as scoring reads them, computed once per record (records are immutable). */
const formCache = new WeakMap<EntityRecord, Form[]>();
function formsOf(e: EntityRecord): Form[] {
  let cached = formCache.get(e);
  if (!cached) formCache.set(e, (cached = forms(e).map((f, i) => toForm(f, i < 3 ? 1 : ALIAS_WEIGHT))));
  return cached;
}

/** Whether a query word is in a name as it stands: Han text anywhere inside, a Latin word or its beginning (3+ letters). */
function holds(q: QueryWord, key: string, words: string[]): boolean {
  if (q.cjk) return key.includes(q.text);
  return words.some((w) => w === q.text || (q.text.length >= 3 && w.startsWith(q.text)));
}

/** The fewest typos between a Latin query word and a word of a name, or Infinity beyond the word's allowance. */
function typos(q: QueryWord, words: string[]): number {
  let best = Infinity;
  if (q.edits === 0) return best;
  for (const w of words) {
    if (!/^[a-z]+$/.test(w)) continue;
    const d = editDistance(q.text, w, q.edits);
    if (d <= q.edits && d < best) best = d;
  }
  return best;
}

function round(score: number): number {
  return Math.round(score * 10000) / 10000;
}

/**
 * The score of an entity for a query, 0 when it is no hit: the best over its names of the tier reached plus
 * SPREAD × closeness. Closeness (× 0.9 through an alias) is half the share of the name the text covers, half whether the text holds the name's
 * last word (its head in English and Chinese alike: "liquid cooling" is a cooling, a "cooling system" is a system).
 * Words spread over several names (a Chinese word in the Chinese name, an English one in an alias) rank below all
 * words in one name; every word must match somewhere: a query with a word no name holds has no hit.
 */
export function scoreEntity(query: SearchQuery, e: EntityRecord): number {
  if (!query.key) return 0;
  let best = 0;
  const perWord = query.words.map(() => 0);
  for (const { key, continues, words, weight } of formsOf(e)) {
    if (key === query.key) return TIERS.exact;
    const share = weight * Math.min(1, query.key.length / key.length);
    // A prefix is an unfinished word ("liquid cool"); a whole first word is containment like any other word.
    if (query.prefix && key.startsWith(query.key) && continues[query.key.length - 1]) best = Math.max(best, TIERS.prefix + SPREAD * share);
    if (!query.words.length) continue;
    const held = query.words.map((q) => holds(q, key, words));
    query.words.forEach((q, i) => {
      if (held[i]) perWord[i] = Math.max(perWord[i], Math.min(1, q.text.length / key.length));
    });
    // Typos are counted only where a word is missing, and only English words have any.
    const edits = query.words.map((q, i) => (held[i] ? 0 : typos(q, words)));
    if (edits.some((n) => n === Infinity)) continue;
    const last = words.slice(-1);
    const head = last.length && query.words.some((q) => (q.cjk ? key.endsWith(q.text) : holds(q, key, last) || typos(q, last) < Infinity)) ? 1 : 0;
    const covered = Math.min(1, query.words.reduce((n, q) => n + q.text.length, 0) / key.length);
    const closeness = (weight * (covered + head)) / 2;
    const edited = edits.reduce((n, x) => n + x, 0);
    best = Math.max(best, edited === 0 ? TIERS.contains + SPREAD * closeness : TIERS.fuzzy + SPREAD * Math.max(0, closeness - 0.1 * edited));
  }
  if (best === 0 && query.words.length > 1 && perWord.every((c) => c > 0)) {
    best = TIERS.contains + (SPREAD * perWord.reduce((a, b) => a + b, 0)) / perWord.length / 4;
  }
  return round(best);
}

/** The hits among `candidates` (any superset of the entities that score above 0), best first, ties by id. */
export function rankHits(text: string, candidates: Iterable<EntityRecord>, options: { kinds?: EntityKind[]; after?: SearchAfter; limit: number }): SearchHit[] {
  const query = parseQuery(text);
  const { kinds, after, limit } = options;
  const hits: SearchHit[] = [];
  for (const entity of candidates) {
    if (kinds?.length && !kinds.includes(entity.kind)) continue;
    const score = scoreEntity(query, entity);
    if (score === 0) continue;
    if (after && (score > after.score || (score === after.score && entity.id <= after.id))) continue;
    hits.push({ entity, score });
  }
  hits.sort((a, b) => b.score - a.score || compareIds(a.entity.id, b.entity.id));
  return hits.slice(0, limit);
}

/**
 * What a store must retrieve for a query, as predicates over an entity's name keys and fuzzy keys (see fuzzyKeys):
 * a key beginning with the text, or for every word a key holding it or a shared deletion string. Every entity that
 * scoreEntity scores above 0 passes; the Neo4j statement `searchCandidates` states the same test in Cypher.
 */
export function candidateParams(query: SearchQuery): { key: string; words: { text: string; deletions: string[] }[] } {
  // Stryker disable next-line ArrayDeclaration: equivalent, no entity has that fuzzy key, so no candidate is added (README: Mutation testing)
  return { key: query.key, words: query.words.map((w) => ({ text: w.text, deletions: w.edits ? deletions(w.text, w.edits) : [] })) };
}
