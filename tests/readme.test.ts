/** The README's example outputs, counts and Browser guide are the real ones: regenerated here and compared. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import { operationFiles, renderExamples, renderGuide, renderOperations, renderSearchQuality, renderStats, renderVocabulary, section } from '../scripts/readme.js';
import { TestApi, describeEachStore } from './helpers.js';

const readme = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');

/** The README's outputs are the API's, whichever store answers: both stores must render them identically. */
describeEachStore('the README (run `npm run readme` after changing the seed)', ({ open }) => {
  let api: TestApi;
  beforeAll(() => {
    api = new TestApi(open());
  });
  afterAll(async () => {
    await api?.store.close();
  });

  it('shows the real output of its example queries', async () => {
    expect(section(readme, 'examples')).toBe(await renderExamples(api));
  });

  it('answers every worked operation of examples/operations with the output it shows', async () => {
    expect(section(readme, 'operations')).toBe(await renderOperations(api));
  });

  it('shows the search-quality table with the actual top hits and scores', async () => {
    expect(section(readme, 'search-quality')).toBe(await renderSearchQuality(api));
  });

  it('counts what the graph holds', async () => {
    expect(section(readme, 'stats')).toBe(await renderStats(api));
  });
});

describe('the README', () => {
  it('lists the Browser guide queries of browser/queries.cypher', () => {
    expect(section(readme, 'guide')).toBe(renderGuide());
  });

  it('has at least 15 worked operations, each one named operation under the question it answers', () => {
    const files = operationFiles();
    expect(files.length).toBeGreaterThanOrEqual(15);
    for (const { file, question, document } of files) {
      const operations = parse(document).definitions.filter((d) => d.kind === 'OperationDefinition');
      expect(operations, file).toHaveLength(1);
      expect((operations[0] as { name?: unknown }).name, file).toBeTruthy();
      expect(question, file).toMatch(/\?|\.$/);
    }
  });

  it('reads every relation type as the vocabulary does', () => {
    expect(section(readme, 'vocabulary')).toBe(renderVocabulary());
  });
});
