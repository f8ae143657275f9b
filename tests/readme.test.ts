/**
 * The README's example outputs, counts and Browser guide are the real ones (regenerated here and compared), and its
 * vocabulary, limits and configuration tables say what the served schema and src/config.ts do.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSchema, parse, type GraphQLEnumType } from 'graphql';
import { operationFiles, renderExamples, renderGuide, renderOperations, renderSearchQuality, renderStats, section } from '../scripts/readme.js';
import { ENVIRONMENT, LIMITS } from '../src/config.js';
import { RELATION_RULES, type RelationType } from '../src/graph/vocabulary.js';
import { loadTypeDefs } from '../src/server.js';
import { TestApi, describeEachStore } from './helpers.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(`${root}/README.md`, 'utf8');

/** The body rows, as cells, of the first table after the heading line `heading`. */
function tableAfter(heading: string): string[][] {
  const lines = readme.slice(readme.indexOf(`\n${heading}\n`)).split('\n');
  const header = lines.findIndex((line) => line.startsWith('|'));
  const rows: string[][] = [];
  for (let i = header + 2; lines[i]?.startsWith('|'); i++) rows.push(lines[i].slice(1, -1).split(' | ').map((cell) => cell.trim()));
  return rows;
}

/** A variable's default as src/config.ts parses an unset one; undefined when it has none. */
function defaultOf(name: string): unknown {
  const parsed = (ENVIRONMENT.shape as Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>)[name].safeParse(undefined);
  return parsed.success ? parsed.data : undefined;
}

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

  it('reads every relation type, in order, as the served schema describes it, and marks the derived ones', () => {
    const served = (buildSchema(loadTypeDefs()).getType('RelationType') as GraphQLEnumType).getValues();
    const rows = section(readme, 'vocabulary')!.split('\n').slice(2).map((row) => /^\| `(\w+)` \| (.*?)( \(derived by the loader\))? \|$/.exec(row));
    expect(rows.map((m) => m && [m[1], m[2]])).toEqual(served.map((v) => [v.name, v.description]));
    for (const m of rows) expect(Boolean(m![3]), m![1]).toBe(Boolean(RELATION_RULES[m![1] as RelationType].derived));
  });

  it('gives the limits src/config.ts enforces', () => {
    const limits = Object.fromEntries(tableAfter('### Limits and errors').map(([limit, value]) => [limit, value]));
    expect(limits).toMatchObject({
      'query cost': `${LIMITS.maxCost.toLocaleString('en-US')} values`,
      'page size (`first`, on every list)': `1–${LIMITS.maxPageSize}`,
      '`neighborhood` depth / nodes': `1–${LIMITS.maxNeighborhoodDepth} / 1–${LIMITS.maxNeighborhoodNodes}`,
      '`shortestPath` / `allShortestPaths` / `connection` maxDepth': `1–${LIMITS.maxPathDepth}`,
      'search text': `1–${LIMITS.maxSearchLength} characters`,
      'ids, names, cursors in arguments': `${LIMITS.maxIdLength} characters`,
      'query depth / aliases / directives / tokens': `${LIMITS.maxQueryDepth} / ${LIMITS.maxAliases} / ${LIMITS.maxDirectives} / ${LIMITS.maxTokens}`,
      'request body': `${LIMITS.maxBodyBytes / 1000} kB`,
      'errors in one answer': `${LIMITS.maxErrors}`,
    });
    expect(limits['introspection cost']).toMatch(new RegExp(`^${LIMITS.introspectionHeadroom} ×`));
    // The limits set by variables: "`QUERY_TIMEOUT_MS`, 2 s", "`HEADERS_TIMEOUT_MS` 10 s", "`MAX_CONNECTIONS`, 1024".
    const scale: Record<string, number> = { s: 1000, MB: 1e6, '': 1 };
    const byVariable = Object.values(limits).flatMap((value) => [...value.matchAll(/`([A-Z_]+)`,? ([\d.]+) ?(s|MB)?\b/g)]);
    expect(byVariable.length).toBeGreaterThanOrEqual(6);
    for (const [, name, number, unit = ''] of byVariable) expect(Number(number) * scale[unit], name).toBe(defaultOf(name));
  });

  it('lists every variable src/config.ts reads, and no other, each with its default', () => {
    const shown = tableAfter('## Configuration').flatMap(([variables, defaults]) => {
      const values = defaults.split(' / ');
      return [...variables.matchAll(/`([A-Z0-9_]+)`/g)].map((m, i) => [m[1], values[i]] as const);
    });
    expect(shown.map(([name]) => name).sort()).toEqual(Object.keys(ENVIRONMENT.shape).sort());
    for (const [name, value] of shown) {
      const fallback = defaultOf(name);
      // A path default is shown relative to the repository; a variable without one shows words or a dash.
      if (fallback === undefined) expect(value, name).not.toMatch(/^`/);
      else expect(value, name).toBe(`\`${name === 'SEED_DIR' ? `./${relative(root, String(fallback))}` : fallback}\``);
    }
  });
});

/** `file:line` for each line that a `// Stryker disable next-line …: equivalent` comment in src/ marks. */
function markedEquivalents(): string[] {
  const files = readdirSync(`${root}/src`, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.startsWith('__generated__'));
  return files.flatMap((file) =>
    readFileSync(`${root}/src/${file}`, 'utf8')
      .split('\n')
      .flatMap((line, i) => (/\/\/ Stryker disable next-line [\w,]+: equivalent, /.test(line) ? [`src/${file.replace(/\\/g, '/')}:${i + 2}`] : [])),
  );
}

// In a mutation run the sources are Stryker's instrumented copies, whose lines are not the README's.
describe.skipIf(process.env.KG_MUTATION_RUN === '1')('the README on mutation testing', () => {
  const part = readme.slice(readme.indexOf('**Survivors kept as equivalent**'), readme.indexOf('\n**Left**'));
  /** `file:line` for each line a row of the equivalents table names ("src/seed/load.ts:423, 427 (3 mutants)"). */
  const rows = part
    .split('\n')
    .filter((line) => line.startsWith('| src/'))
    .flatMap((line) => {
      const [, file, lines] = /^\| (src\/\S+\.ts):([\d, ]+)/.exec(line)!;
      return lines.split(', ').map((n) => `${file}:${n.trim()}`);
    });
  /** The lines the README says are left unmarked ("adjacency.ts:163, 205; search.ts:55, 90; …"), as written there. */
  const unmarked = /\(([^()]*)\) are left unmarked/
    .exec(part)![1]
    .replace(/\s+/g, ' ')
    .split('; ')
    .flatMap((entry) => {
      const [, file, lines] = /^(\S+\.ts):([\d, ]+)$/.exec(entry)!;
      return lines.split(', ').map((n) => ({ file, line: n }));
    });

  const marked = markedEquivalents();

  it('lists every mutant marked equivalent in src/ at the line it marks', () => {
    expect(marked.length).toBeGreaterThan(50);
    expect(marked.filter((at) => !rows.includes(at))).toEqual([]);
  });

  it('marks each listed equivalent in place, or names its line among those left unmarked', () => {
    const named = (at: string) => unmarked.some(({ file, line }) => at.endsWith(`/${file}:${line}`) || at === `${file}:${line}`);
    expect(rows.filter((at) => !marked.includes(at) && !named(at))).toEqual([]);
    // And each line named as unmarked is a row of the table.
    expect(unmarked.filter(({ file, line }) => !rows.some((at) => at.endsWith(`/${file}:${line}`)))).toEqual([]);
  });
});
