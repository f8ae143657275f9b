/**
 * The cost bound never underestimates: for queries generated from the schema over the real seed, the number of values
 * a query actually resolves is at most the cost it was priced at before it ran.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TestApi, embeddedStore } from './helpers.js';
import { generateQuery } from './query-generator.js';

/** Values in a result: every field present counts one, items of a list count through their own fields. */
function countValues(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + countValues(item), 0);
  if (value && typeof value === 'object') return Object.values(value).reduce((sum: number, v) => sum + 1 + countValues(v), 0);
  return 0;
}

describe('the query cost bound', () => {
  const api = new TestApi(embeddedStore());

  it('is never below the number of values a query resolves, over generated queries on the real seed', async () => {
    const tally = { run: 0, refused: 0, largest: 0, tightest: 0 };
    await fc.assert(
      fc.asyncProperty(fc.integer(), async (seedValue) => {
        const query = generateQuery(seedValue);
        const response = await api.apollo.executeOperation({ query }, { contextValue: api.context() });
        if (response.body.kind !== 'single') throw new Error('expected a single result');
        const result = response.body.singleResult;
        // A list the cost model has no length for, or any other fault, is a failure, not a refusal.
        expect(result.errors?.filter((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR') ?? []).toEqual([]);
        const refused = result.errors?.find((e) => ['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED'].includes(String(e.extensions?.code)));
        if (refused) {
          if (process.env.DEBUG_COST) console.log(refused.message.slice(0, 90));
          tally.refused++;
          return;
        }
        const priced = (result.extensions?.cost as { requested: number } | undefined)?.requested;
        if (priced === undefined) throw new Error(`no cost for ${query}: ${JSON.stringify(result.errors)}`);
        const actual = countValues(result.data);
        tally.run++;
        tally.largest = Math.max(tally.largest, actual);
        tally.tightest = Math.max(tally.tightest, actual / priced);
        if (actual > priced) throw new Error(`resolved ${actual} values, priced at ${priced}: ${query}`);
      }),
      { numRuns: 1000, seed: 20261129 },
    );
    console.log(`cost fuzzing: ${tally.run} queries ran, ${tally.refused} refused; largest ${tally.largest} values; highest actual/priced ${tally.tightest.toFixed(2)}`);
    // The generator must reach past the limit and also run plenty of queries, or the property says little.
    expect(tally.run).toBeGreaterThan(500);
    expect(tally.refused).toBeGreaterThan(100);
  }, 300_000);
});


describe('the remembered checks', () => {
  const api = new TestApi(embeddedStore());
  const query = 'query S($first: Int, $text: String!) { search(text: $text, first: $first) { score } }';

  it('hold per variables: one document passes with first 5 and is refused with first 101, in turn, every time', async () => {
    for (let round = 0; round < 3; round++) {
      const ok = await api.run(query, { first: 5, text: 'gpu' });
      expect(ok.errors).toBeUndefined();
      const refused = await api.run(query, { first: 101, text: 'gpu' });
      expect(refused.errors?.[0].message).toBe('first must be between 1 and 100; got 101 (at Query.search)');
    }
  });

  it('stay bounded: many variable sets for one document still check each one', async () => {
    for (let first = 1; first <= 100; first += 3) {
      const result = await api.run<{ search: unknown[] }>(query, { first, text: '算力' });
      expect(result.errors).toBeUndefined();
      expect(result.data!.search.length).toBeLessThanOrEqual(first);
    }
    const refused = await api.run(query, { first: 0, text: '算力' });
    expect(refused.errors?.[0].message).toContain('first must be between 1 and 100; got 0');
  });
});
