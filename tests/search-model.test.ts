/**
 * The Neo4j store's search reproduces the embedded store's (MiniSearch's BM25+ over the shared tokenizer) from the
 * terms the seeder stores on every node. This checks the reproduction without a database: fed the stored terms of
 * every seed entity and the corpus figures, it must rank exactly like the embedded store, for every name, alias and
 * character of the seed. (tests/differential.test.ts then compares the two stores end to end on a real Neo4j.)
 */
import { describe, expect, it } from 'vitest';
import type { EntityKind } from '../src/graph/types.js';
import { ENTITY_KINDS } from '../src/graph/vocabulary.js';
import { rankTermMatches, searchProperties, termQuery } from '../src/graph/neo4j/search.js';
import { nodeRow } from '../src/graph/neo4j/seed.js';
import { embeddedStore, realSeed } from './helpers.js';

const seed = realSeed();
const store = embeddedStore();
const stored = seed.entities.map((e) => ({ entity: e, ...searchProperties(e) }));
const matches = stored.map((s) => ({ entity: s.entity, terms: [s.nameTerms, s.aliasTerms] }));
const corpus = {
  documents: stored.length,
  fieldLengths: [stored.reduce((n, s) => n + s.nameTermCount, 0), stored.reduce((n, s) => n + s.aliasTermCount, 0)],
};

const texts = [
  ...new Set([
    ...seed.entities.flatMap((e) => [e.name, e.nameZh, ...e.aliases]),
    ...seed.entities.flatMap((e) => [...e.nameZh].filter((c) => /[\u3400-\u9fff]/.test(c))),
    'AI 芯片', 'edge comp', '边缘', 'C++ (GPU)', 'ＧＰＵ', 'compute', 'GPU AND CPU', ' ', '  a  ', '()',
  ]),
];

describe('the search model the Neo4j store reproduces', () => {
  it(`ranks like the embedded store, scores included, for every name, alias and character (${texts.length} texts, with and without kinds)`, async () => {
    const differences: string[] = [];
    for (const [i, text] of texts.entries()) {
      const kinds: EntityKind[] | undefined = i % 2 ? [ENTITY_KINDS[i % ENTITY_KINDS.length]] : undefined;
      for (const [k, limit] of [[undefined, 100], [kinds, 10]] as const) {
        const want = (await store.search({ text, kinds: k, limit })).map((h) => `${h.entity.id}@${h.score}`);
        const got = rankTermMatches(text, k, limit, matches, corpus).map((h) => `${h.entity.id}@${h.score}`);
        if (want.join() !== got.join()) differences.push(`${JSON.stringify({ text, kinds: k, limit })}\n  embedded ${want.join(' ')}\n  model    ${got.join(' ')}`);
      }
    }
    expect(differences.slice(0, 5).join('\n'), `${differences.length} differences`).toBe('');
  });

  it('gives the database the distinct terms of the text, and the prefix terms among them', () => {
    expect(termQuery('Edge computing edge 边缘')).toEqual({ terms: ['边', '边缘', '缘', 'edge', 'computing'], prefixes: ['edge', 'computing'] });
    expect(termQuery('  ( ) ')).toEqual({ terms: [], prefixes: [] });
  });

  it('stores the terms per field, with their distinct counts, on every node', () => {
    const row = nodeRow(seed.entities.find((e) => e.id === 'meta')!);
    expect(row.nameTerms).toEqual(['元', 'meta']);
    expect(row.aliasTerms).toEqual(expect.arrayContaining(['facebook', '脸', '脸书', '书']));
    expect(Number(row.nameTermCount)).toBe(2);
  });
});
