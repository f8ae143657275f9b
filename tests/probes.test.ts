/**
 * The probe set: 80+ requests over real HTTP (results, refusals, errors and limits) whose exact responses (status,
 * content type, body bytes) are kept in a snapshot, so that work on speed cannot change a byte of what clients get.
 * Each probe is answered six times: three times without the response cache (interpreted, compiled, then by the fast
 * lane once its compiled run was clean), and three times with it (a compiled miss, an exact hit, then the same body
 * written differently, which the fast lane answers from the cache).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/server.js';
import { LIMITS } from '../src/config.js';
import { QUERIES } from '../bench/queries.js';
import { embeddedStore, silentLogger } from './helpers.js';

interface Probe {
  name: string;
  method?: 'GET' | 'POST';
  /** Query string for GET. */
  search?: string;
  /** A JSON value (stringified) or raw text. */
  body?: unknown;
  raw?: string;
  contentType?: string;
  accept?: string;
  /** Sent to the production server (no introspection, no pages). */
  production?: boolean;
  /** Bodies sent first (three times each, unchecked), so that the probe meets an operation the fast lane holds. */
  warm?: unknown[];
}

const OPERATIONS = fileURLToPath(new URL('../examples/operations', import.meta.url));
const worked: Probe[] = readdirSync(OPERATIONS)
  .filter((f) => f.endsWith('.graphql'))
  .sort()
  .map((f) => ({ name: `worked operation ${f}`, body: { query: readFileSync(`${OPERATIONS}/${f}`, 'utf8') } }));

const bench: Probe[] = Object.entries(QUERIES).map(([name, query]) => ({ name: `bench query ${name}`, body: { query }, production: true }));

const deep = `{ entity(id: "deep-learning") { ${'related(type: USES) { '.repeat(12)}id${' }'.repeat(12)} } }`;

const PROBES: Probe[] = [
  ...worked,
  ...bench,
  // Results.
  { name: 'entity by a variable', body: { query: 'query E($id: ID!) { entity(id: $id) { id name nameZh kind } }', variables: { id: 'liquid-cooling' } } },
  // The fast lane holds the operation (warmed with other variables): it checks these, runs, or hands them to Apollo.
  { name: 'a hot operation with new variables', body: { query: 'query E($id: ID!) { entity(id: $id) { id name nameZh kind } }', variables: { id: 'gpu' } }, warm: [{ query: 'query E($id: ID!) { entity(id: $id) { id name nameZh kind } }', variables: { id: 'liquid-cooling' } }] },
  { name: 'a hot operation with variables of the wrong type', body: { query: 'query E($id: ID!) { entity(id: $id) { id name nameZh kind } }', variables: { id: [1] } }, warm: [{ query: 'query E($id: ID!) { entity(id: $id) { id name nameZh kind } }', variables: { id: 'liquid-cooling' } }] },
  { name: 'a hot operation whose answer has an error', body: { query: 'query E($id: ID!) { entity(id: $id) { id name nameZh kind } }', variables: { id: 'liquid coolng' } }, warm: [{ query: 'query E($id: ID!) { entity(id: $id) { id name nameZh kind } }', variables: { id: 'liquid-cooling' } }] },
  { name: 'a hot operation whose non-null root field fails', body: { query: 'query N($id: ID!) { neighborhood(id: $id) { nodes { id } } }', variables: { id: 'nowhere-at-all' } }, warm: [{ query: 'query N($id: ID!) { neighborhood(id: $id) { nodes { id } } }', variables: { id: 'gpu' } }], production: true },
  { name: 'a hot operation over its page limit', body: { query: 'query S($n: Int) { search(text: "算力", first: $n) { score } }', variables: { n: LIMITS.maxPageSize + 1 } }, warm: [{ query: 'query S($n: Int) { search(text: "算力", first: $n) { score } }', variables: { n: 2 } }], production: true },
  { name: 'entity by a Chinese name', body: { query: '{ entity(id: "液冷技术") { id name } }' } },
  { name: 'search with kinds and a cursor page', body: { query: '{ a: search(text: "算力", kinds: [Concept, Technology], first: 3) { score cursor entity { id } } }' } },
  { name: 'search page after a cursor', body: { query: 'query S($after: String) { search(text: "算力", first: 3, after: $after) { score entity { id } } }', variables: { after: Buffer.from('hit:0.8:computing-power').toString('base64url') } } },
  { name: 'neighbourhood with members and hub damping', body: { query: '{ neighborhood(id: "视频分析", depth: 2, maxDegree: 20) { truncated members { distance degree expanded entity { id } } edges { id type } } }' } },
  { name: 'neighbourhood inwards by kind', body: { query: '{ neighborhood(id: "large-models", direction: IN, kinds: [Technology, Application], limit: 30) { nodes { id kind } } }' } },
  { name: 'subgraph among ids', body: { query: '{ subgraph(ids: ["liquid-cooling", "data-center", "energy-consumption"]) { nodes { id } edges { type source { id } target { id } evidence } } }' } },
  { name: 'node of a relation id', body: { query: '{ node(id: "ADDRESSES:liquid-cooling:energy-consumption") { id ... on Relation { type evidence section { number } } } }' } },
  { name: 'entities connection, second page', body: { query: '{ entities(kind: Hardware, first: 2, after: "b2Zmc2V0OjE") { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }' } },
  { name: 'stats', body: { query: '{ stats { entities relations kinds { kind count } } }' } },
  { name: 'indicators', body: { query: '{ indicators { slug name nameZh metricCount units years } }' } },
  { name: 'metric series of an indicator', body: { query: '{ metricSeries(indicator: "人工智能渗透度") { subject { id } region { id } unit points { year value forecast } } }' } },
  { name: 'all shortest paths, three', body: { query: '{ allShortestPaths(from: "大模型", to: "液冷", first: 3) { length nodes { id } } }' } },
  { name: 'connection lines', body: { query: '{ connection(from: "large-models", to: "liquid-cooling", first: 2) { length chains { line lineZh } } }' } },
  { name: 'typed fields through an inline fragment', body: { query: '{ entity(id: "deep-learning") { __typename ... on Technology { applications { id } usedBy(first: 2) { id } } relationCount relatedCount(type: USES, direction: IN) } }' } },
  { name: 'fragments and aliases', body: { query: 'fragment N on Entity { id nameZh } { a: entity(id: "gpu") { ...N } b: entity(id: "tpu") { ...N } }' } },
  { name: 'skip and include by variables', body: { query: 'query D($s: Boolean!, $i: Boolean!) { entity(id: "gpu") { id name @skip(if: $s) nameZh @include(if: $i) } }', variables: { s: true, i: false } } },
  { name: 'typename only', body: { query: '{ __typename }' } },
  { name: 'a small introspection query', body: { query: '{ __type(name: "Direction") { enumValues { name } } }' } },
  { name: 'GET with the query in the URL', method: 'GET', search: `?query=${encodeURIComponent('{ entity(id: "gpu") { id name } }')}` },
  { name: 'the graphql-response+json media type', body: { query: '{ entity(id: "gpu") { id } }' }, accept: 'application/graphql-response+json' },
  { name: 'no path within maxDepth', body: { query: '{ shortestPath(from: "data-center-switch", to: "shanghai", maxDepth: 2) { length } }' } },
  { name: 'operation chosen by name', body: { query: 'query A { stats { entities } } query B { stats { relations } }', operationName: 'B' } },
  // Errors beside data.
  { name: 'unknown entity: null and NOT_FOUND naming the closest', body: { query: '{ entity(id: "liquid coolng") { id } }' } },
  { name: 'unknown path end: NOT_FOUND', body: { query: '{ shortestPath(from: "nowhere-at-all", to: "gpu") { length } }' } },
  // In production, armor rewrites every error's message (to hide suggestions): the errors must be writable.
  { name: 'a partial result in production', body: { query: '{ gpu: entity(id: "gpu") { id } nope: entity(id: "no-such-thing") { id } }' }, production: true },
  { name: 'an error below a list in production', body: { query: '{ entities(first: 2, after: "bogus") { totalCount } }' }, production: true },
  { name: 'a non-null root field failing in production', body: { query: '{ neighborhood(id: "nowhere-at-all") { nodes { id } } }' }, production: true },
  // Refusals.
  { name: 'syntax error', body: { query: '{ entity(id: "gpu") { id ' } },
  { name: 'unknown field', body: { query: '{ entity(id: "gpu") { idd } }' } },
  { name: 'unknown field in production (no suggestions)', body: { query: '{ entity(id: "gpu") { idd } }' }, production: true },
  { name: 'introspection in production', body: { query: '{ __schema { types { name } } }' }, production: true },
  { name: 'first above its limit', body: { query: `{ search(text: "gpu", first: ${LIMITS.maxPageSize + 1}) { score } }` } },
  { name: 'depth above its limit', body: { query: deep } },
  { name: 'too many aliases', body: { query: `{ ${Array.from({ length: LIMITS.maxAliases + 1 }, (_, i) => `a${i}: __typename`).join(' ')} }` } },
  { name: 'cost above its limit', body: { query: '{ neighborhood(id: "gpu", depth: 3, limit: 500) { nodes { related(type: USES) { related(type: USES) { related(type: USES) { id } } } } } }' } },
  { name: 'search text too long', body: { query: `{ search(text: "${'x'.repeat(LIMITS.maxSearchLength + 1)}") { score } }` } },
  { name: 'empty search text', body: { query: '{ search(text: "   ") { score } }' } },
  { name: 'subgraph with too many ids', body: { query: `{ subgraph(ids: [${Array.from({ length: LIMITS.maxPageSize + 1 }, (_, i) => `"x${i}"`).join(',')}]) { nodes { id } } }` } },
  { name: 'variable of the wrong type', body: { query: 'query E($id: ID!) { entity(id: $id) { id } }', variables: { id: { nested: true } } } },
  { name: 'missing required variable', body: { query: 'query E($id: ID!) { entity(id: $id) { id } }' } },
  { name: 'variables not an object', body: { query: '{ __typename }', variables: [1, 2] } },
  { name: 'a mutation', body: { query: 'mutation { __typename }' } },
  { name: 'two operations and no name', body: { query: 'query A { __typename } query B { __typename }' } },
  { name: 'an operation name that is not there', body: { query: 'query A { __typename }', operationName: 'C' } },
  { name: 'no query', body: { variables: {} } },
  { name: 'query not a string', body: { query: 42 } },
  { name: 'persisted query extension', body: { extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } } },
  { name: 'a batch', body: [{ query: '{ __typename }' }, { query: '{ __typename }' }] },
  { name: 'invalid JSON', raw: '{"query": "{ __typename }"' },
  { name: 'invalid UTF-8', raw: '\uFFFD' },
  { name: 'form content type', raw: 'query=%7B__typename%7D', contentType: 'application/x-www-form-urlencoded' },
  { name: 'text content type', raw: '{ __typename }', contentType: 'text/plain' },
  { name: 'body too large', raw: JSON.stringify({ query: `{ __typename } #${'x'.repeat(LIMITS.maxBodyBytes)}` }) },
  { name: 'GET without a query', method: 'GET', search: '' },
  { name: 'GET of a mutation', method: 'GET', search: `?query=${encodeURIComponent('mutation { __typename }')}` },
  { name: 'an unknown route', method: 'GET', search: 'NOPATH' },
  { name: 'unknown enum value', body: { query: '{ neighborhood(id: "gpu", direction: SIDEWAYS) { nodes { id } } }' } },
  { name: 'cursor this API did not issue', body: { query: '{ entities(first: 2, after: "bogus") { totalCount } }' } },
  { name: 'relation id with an unknown type', body: { query: '{ node(id: "LIKES:gpu:tpu") { id } }' } },
];

interface Answer {
  status: number;
  type: string | null;
  body: string;
}

async function send(url: string, probe: Probe, layout?: 'spaced'): Promise<Answer> {
  const method = probe.method ?? 'POST';
  const headers: Record<string, string> = { accept: probe.accept ?? 'application/json' };
  let target = url;
  if (method === 'GET') {
    target = probe.search === 'NOPATH' ? url.replace('/graphql', '/nowhere') : `${url}${probe.search ?? ''}`;
    // Apollo refuses GETs without a header that a cross-site form cannot send (CSRF prevention).
    headers['apollo-require-preflight'] = 'true';
  } else {
    headers['content-type'] = probe.contentType ?? 'application/json';
  }
  // The invalid-UTF-8 probe sends a lone continuation byte.
  const body = method === 'GET' ? undefined : probe.name === 'invalid UTF-8' ? new Uint8Array([0x7b, 0x80, 0x7d]) : (probe.raw ?? JSON.stringify(probe.body, null, layout ? 1 : undefined));
  const response = await fetch(target, { method, headers, body });
  return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
}

const servers: Record<string, RunningServer> = {};

beforeAll(async () => {
  const start = (production: boolean, cache: boolean) =>
    startServer(
      embeddedStore(),
      // Without the cache, compiled from the second run on, so that each probe's second answer comes from graphql-jit
      // and its third from the fast lane. With it, compiled from the first, so the lane learns it on the miss.
      { host: '127.0.0.1', port: 0, introspection: !production, production, responseCache: { enabled: cache, maxBytes: 64_000_000 }, execution: { compileAfterRuns: cache ? 0 : 1, maxCompiled: 256 } },
      silentLogger,
    );
  for (const production of [false, true]) {
    for (const cache of [false, true]) servers[`${production ? 'production' : 'development'}, cache ${cache ? 'on' : 'off'}`] = await start(production, cache);
  }
});

afterAll(async () => {
  await Promise.all(Object.values(servers).map((s) => s.stop()));
});

describe('the probe set', () => {
  it('has at least 50 probes with distinct names', () => {
    expect(PROBES.length).toBeGreaterThanOrEqual(50);
    expect(new Set(PROBES.map((p) => p.name)).size).toBe(PROBES.length);
  });

  for (const probe of PROBES) {
    it(`answers "${probe.name}" with the recorded bytes, with and without the response cache and the fast lane`, async () => {
      const mode = probe.production ? 'production' : 'development';
      const plain = servers[`${mode}, cache off`];
      const cached = servers[`${mode}, cache on`];
      for (const body of probe.warm ?? []) for (const server of [plain, plain, plain, cached]) await send(server.url, { name: 'warm', body });
      // The first run is interpreted by graphql-js, the second compiled by graphql-jit (src/executor.ts), the third
      // answered by the fast lane (src/fastlane.ts) when the second was clean.
      const handedOn = plain.laneStats().handedOn;
      const uncached = await send(plain.url, probe);
      const handedOnFirst = plain.laneStats().handedOn - handedOn;
      const compiled = await send(plain.url, probe);
      const before = plain.laneStats().answered;
      const lane = await send(plain.url, probe);
      const miss = await send(cached.url, probe);
      const hit = await send(cached.url, probe);
      const cachedBefore = cached.laneStats().answered;
      const laneHit = await send(cached.url, probe, 'spaced');
      expect(compiled).toEqual(uncached);
      expect(lane).toEqual(uncached);
      expect(miss).toEqual(uncached);
      expect(hit).toEqual(uncached);
      expect(laneHit).toEqual(uncached);
      // The lane answers every clean answer to a plain POST body after its compiled run, and nothing else.
      const laneable = (probe.method ?? 'POST') === 'POST' && probe.raw === undefined && !Array.isArray(probe.body) && !('extensions' in (probe.body as object));
      const clean = uncached.status === 200 && !uncached.body.startsWith('{"errors"');
      expect(plain.laneStats().answered - before).toBe(laneable && clean ? 1 : 0);
      expect(cached.laneStats().answered - cachedBefore).toBe(laneable && clean ? 1 : 0);
      // A warmed operation's first send went to the lane; one it could not answer clean was handed to Apollo.
      expect(handedOnFirst).toBe(probe.warm && !clean ? 1 : 0);
      // Hostile or broken input is a 4xx, never a 500.
      expect(uncached.status).toBeLessThan(500);
      expect(uncached).toMatchSnapshot();
    });
  }
});
