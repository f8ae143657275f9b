/**
 * The search model of src/graph/ranking.ts, without a database: its tiers and typo rules, and the retrieval the Neo4j
 * statement `searchCandidates` states in Cypher (over the `keys` and `fuzzyKeys` the seeder stores), which must find
 * every entity the scoring gives a score above 0. tests/differential.test.ts then compares the stores end to end.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NameSearch, entryOf } from '../src/graph/embedded/search.js';
import { candidateParams, deletions, editDistance, maxEdits, parseQuery, rankHits, scoreEntity, TIERS } from '../src/graph/ranking.js';
import { nodeRow } from '../src/graph/neo4j/seed.js';
import { realSeed } from './helpers.js';

const seed = realSeed();
const byId = new Map(seed.entities.map((e) => [e.id, e]));
const rows = seed.entities.map((e) => ({ entity: e, ...(nodeRow(e) as { keys: string[]; fuzzyKeys: string[] }) }));

/** The WHERE clause of `searchCandidates`, in TypeScript. */
function statementCandidates(text: string) {
  const { key, words } = candidateParams(parseQuery(text));
  return rows
    .filter(
      (n) =>
        n.keys.some((k) => k.startsWith(key)) ||
        (words.length > 0 && words.every((w) => n.keys.some((k) => k.includes(w.text)) || w.deletions.some((d) => n.fuzzyKeys.includes(d)))),
    )
    .map((n) => n.entity);
}

/** One typo of each kind (deletion, insertion, substitution, transposition) in the longest word of a name. */
function typos(name: string): string[] {
  const word = name.split(' ').reduce((a, b) => (b.length > a.length ? b : a), '');
  if (word.length < 4) return [];
  const i = Math.floor(word.length / 2);
  const variants = [word.slice(0, i) + word.slice(i + 1), word.slice(0, i) + 'x' + word.slice(i), word.slice(0, i) + 'q' + word.slice(i + 1), word.slice(0, i - 1) + word[i] + word[i - 1] + word.slice(i + 1)];
  return variants.map((v) => name.replace(word, v));
}

const texts = [
  ...new Set([
    // Every third entity: scoring the whole graph for each text is the slow reference this test compares with.
    ...seed.entities.filter((_, i) => i % 3 === 0).flatMap((e) => [e.name, e.nameZh, ...e.aliases]),
    ...seed.entities.filter((_, i) => i % 3 === 1).flatMap((e) => typos(e.name.toLowerCase())),
    ...seed.entities.filter((_, i) => i % 3 === 2).flatMap((e) => [e.name.slice(0, Math.ceil(e.name.length / 2)), e.nameZh.slice(0, 2)]),
    'AI 芯片', 'edge comp', 'cooling', '东数西算', '算力网络', '算', '的', 'the', 'ＧＰＵ', 'liqid cooling', 'artifical inteligence',
  ]),
];

describe('the search model', () => {
  it(`retrieves, as the Neo4j statement states it, every entity that scores above 0 (${texts.length} names, prefixes and typos)`, () => {
    const missed: string[] = [];
    for (const text of texts) {
      const all = rankHits(text, seed.entities, { limit: 1000 });
      const retrieved = rankHits(text, statementCandidates(text), { limit: 1000 });
      if (retrieved.length !== all.length) missed.push(`${text}: ${all.filter((h) => !retrieved.some((r) => r.entity.id === h.entity.id)).map((h) => h.entity.id)}`);
    }
    expect(missed).toEqual([]);
  }, 120_000);

  it(`finds, through the embedded store's character-pair index, exactly the hits a scan of every entity finds (${texts.length} texts and 300 generated)`, () => {
    const index = new NameSearch(seed.entities.map(entryOf));
    // Generated texts: pieces of names cut anywhere, so that single characters and odd pairs are asked too.
    const names = seed.entities.flatMap((e) => [e.name, e.nameZh, ...e.aliases]);
    const generated = fc.sample(
      fc.tuple(fc.nat(names.length - 1), fc.nat(40), fc.integer({ min: 1, max: 12 })).map(([n, start, length]) => names[n].slice(start % names[n].length, (start % names[n].length) + length)),
      { numRuns: 300, seed: 11 },
    );
    const differ: string[] = [];
    for (const text of [...texts, ...generated]) {
      const scanned = rankHits(text, seed.entities, { limit: 1000 }).map((h) => `${h.entity.id} ${h.score}`);
      const indexed = index.search(text, undefined, 1000).map((h) => `${h.entity.id} ${h.score}`);
      if (JSON.stringify(indexed) !== JSON.stringify(scanned)) differ.push(text);
    }
    expect(differ).toEqual([]);
  }, 120_000);

  it('puts an exact name above a prefix, a prefix above containment and containment above a typo', () => {
    const query = (text: string) => parseQuery(text);
    const liquid = byId.get('liquid-cooling')!;
    expect(scoreEntity(query('Liquid Cooling'), liquid)).toBe(TIERS.exact);
    expect(scoreEntity(query('liquid cool'), liquid)).toBeGreaterThan(TIERS.prefix);
    expect(scoreEntity(query('cooling'), liquid)).toBeGreaterThan(TIERS.contains);
    expect(scoreEntity(query('cooling'), liquid)).toBeLessThan(TIERS.prefix);
    expect(scoreEntity(query('liqid cooling'), liquid)).toBeGreaterThan(TIERS.fuzzy);
    expect(scoreEntity(query('liqid cooling'), liquid)).toBeLessThan(TIERS.contains);
  });

  it('ranks the name whose last word the text holds above one the text only begins', () => {
    const q = parseQuery('cooling');
    expect(scoreEntity(q, byId.get('liquid-cooling')!)).toBeGreaterThan(scoreEntity(q, byId.get('cooling-system')!));
  });

  it('matches nothing for a word no name holds, Han characters of an absent term, or stop words alone', () => {
    for (const text of ['blockchain bitcoin', '东数西算', '算力网络', 'the', 'of the', '的', '()']) expect(rankHits(text, seed.entities, { limit: 10 }), text).toEqual([]);
  });

  it('forgives one typo in words of 4 to 7 letters and two from 8, counting a transposition as one', () => {
    expect([maxEdits('gpu'), maxEdits('cool'), maxEdits('cooling'), maxEdits('learning'), maxEdits('5g')]).toEqual([0, 1, 1, 2, 0]);
    expect(editDistance('liqiud', 'liquid', 2)).toBe(1);
    expect(editDistance('inteligence', 'intelligence', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(deletions('abc', 1).sort()).toEqual(['ab', 'abc', 'ac', 'bc']);
  });

  it('stores the deletion strings of the English words on every node, and the name keys', () => {
    const row = nodeRow(byId.get('liquid-cooling')!) as { keys: string[]; fuzzyKeys: string[] };
    expect(row.keys).toEqual(expect.arrayContaining(['liquidcooling', '液冷技术', '液冷']));
    expect(row.fuzzyKeys).toEqual(expect.arrayContaining(['liquid', 'liqid', 'cooling', 'coolng', 'cooing']));
    expect(row).not.toHaveProperty('nameTerms');
  });
});
