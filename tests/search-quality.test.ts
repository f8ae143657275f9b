/** Every row of the search-quality table (tests/search-quality.ts) gives its expected top hit, on both stores. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { GraphStore } from '../src/graph/types.js';
import { TIERS } from '../src/graph/ranking.js';
import { describeEachStore } from './helpers.js';
import { SEARCH_QUALITY } from './search-quality.js';

describeEachStore('search quality', ({ open }) => {
  let store: GraphStore;
  beforeAll(() => {
    store = open();
  });
  afterAll(async () => {
    await store?.close();
  });

  it(`gives the expected top hit, or no hit, for each of the ${SEARCH_QUALITY.length} queries of the table`, async () => {
    const wrong: string[] = [];
    for (const { text, kinds, top } of SEARCH_QUALITY) {
      const hits = await store.search({ text, kinds, limit: 5 });
      const actual = hits[0]?.entity.id ?? null;
      if (actual !== top) wrong.push(`${text}${kinds ? ` [${kinds}]` : ''}: expected ${top}, got ${actual} (${hits.map((h) => `${h.entity.id}@${h.score}`).join(' ')})`);
    }
    expect(wrong).toEqual([]);
    expect(SEARCH_QUALITY.length).toBeGreaterThanOrEqual(40);
  });

  it('scores on one scale: exact 1, prefix 0.8x, containment 0.6x, a typo 0.4x', async () => {
    const top = async (text: string) => (await store.search({ text, limit: 1 }))[0].score;
    expect(await top('液冷')).toBe(TIERS.exact);
    expect(await top('liquid cool')).toBeGreaterThanOrEqual(TIERS.prefix);
    expect(await top('liquid cool')).toBeLessThan(TIERS.exact);
    expect(await top('cooling')).toBeGreaterThanOrEqual(TIERS.contains);
    expect(await top('cooling')).toBeLessThan(TIERS.prefix);
    expect(await top('liqid cooling')).toBeGreaterThanOrEqual(TIERS.fuzzy);
    expect(await top('liqid cooling')).toBeLessThan(TIERS.contains);
  });

  it('pages through the hits after a cursor without repeating or skipping one', async () => {
    const all = await store.search({ text: 'computing', limit: 10_000 });
    expect(all.length).toBeGreaterThan(20);
    const paged = [];
    let after: { score: number; id: string } | undefined;
    for (;;) {
      const page = await store.search({ text: 'computing', limit: 7, after });
      if (page.length === 0) break;
      paged.push(...page);
      const last = page[page.length - 1];
      after = { score: last.score, id: last.entity.id };
    }
    expect(paged.map((h) => `${h.entity.id}@${h.score}`)).toEqual(all.map((h) => `${h.entity.id}@${h.score}`));
  });
});
