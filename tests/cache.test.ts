/**
 * The whole-response cache (src/cache.ts) through the real HTTP server: hits skip the store and answer the same bytes,
 * refusals and errors are never stored and read as they do without a cache, the LRU is bounded by bytes, and a new
 * data version (a re-seeded Neo4j, or a fake store's) makes the next request miss.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResponseCache, canonicalJson, exactRequestKey, type CacheStats } from '../src/cache.js';
import { loadConfig } from '../src/config.js';
import { startServer, type RunningServer } from '../src/server.js';
import { Neo4jStore } from '../src/graph/neo4j/store.js';
import { graphVersion } from '../src/graph/version.js';
import type { GraphStore } from '../src/graph/types.js';
import { countingStore, describeEachStore, embeddedStore, realSeed, silentLogger } from './helpers.js';

const NEIGHBORHOOD = 'query Near($id: ID!, $depth: Int) { neighborhood(id: $id, depth: $depth) { nodes { id name } edges { type evidence source { id } target { id } } } }';

async function post(url: string, body: unknown) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

async function cacheStats(url: string): Promise<CacheStats> {
  const response = await fetch(url.replace('/graphql', '/cache'));
  return (await response.json()) as CacheStats;
}

/** Calls to the store other than dataVersion: the work a hit must not repeat. */
function storeWork(calls: Record<string, number>): number {
  return Object.entries(calls).reduce((sum, [name, n]) => (name === 'dataVersion' ? sum : sum + n), 0);
}

function serve(store: GraphStore, enabled = true, maxBytes = 64_000_000): Promise<RunningServer> {
  return startServer(store, { host: '127.0.0.1', port: 0, introspection: false, production: true, responseCache: { enabled, maxBytes } }, silentLogger);
}

describeEachStore('the response cache', (leg) => {
  const inner = leg.open();
  const store = countingStore(inner);
  let cached: RunningServer;
  let uncached: RunningServer;

  beforeAll(async () => {
    cached = await serve(store);
    uncached = await serve(inner, false);
  });

  afterAll(async () => {
    await cached?.stop();
    await uncached?.stop();
    await inner.close();
  });

  it('answers a repeated query from the cache with the same bytes, without calling the store again', async () => {
    const body = { query: NEIGHBORHOOD, operationName: 'Near', variables: { id: 'liquid-cooling', depth: 2 } };
    const first = await post(cached.url, body);
    const work = storeWork(store.calls);
    const before = await cacheStats(cached.url);
    const second = await post(cached.url, body);
    const plain = await post(uncached.url, body);
    expect(first.status).toBe(200);
    expect(JSON.parse(first.text).data.neighborhood.nodes.length).toBeGreaterThan(10);
    expect(second).toEqual(first);
    // The same bytes as a server without a cache, extensions.cost included.
    expect(second.text).toBe(plain.text);
    expect(JSON.parse(second.text).extensions.cost.requested).toBeGreaterThan(0);
    expect(storeWork(store.calls)).toBe(work);
    const after = await cacheStats(cached.url);
    expect(after.hits).toBe(before.hits + 1);
    expect(after.entries).toBeGreaterThanOrEqual(1);
    expect(after.bytes).toBeGreaterThan(first.text.length);
  });

  it('files an answer under the exact request too, and answers a repeat of it with the content type that request asked for', async () => {
    const body = JSON.stringify({ query: '{ entity(id: "tpu") { id nameZh } }' });
    const send = async (accept: string, text = body) => {
      const response = await fetch(cached.url, { method: 'POST', headers: { 'content-type': 'application/json', accept }, body: text });
      return { type: response.headers.get('content-type'), text: await response.text(), entries: (await cacheStats(cached.url)).entries };
    };
    const before = (await cacheStats(cached.url)).entries;
    const json = await send('application/json');
    expect(json.entries).toBe(before + 2); // under the operation's key and the exact request's
    const graphqlJson = await send('application/graphql-response+json');
    expect(graphqlJson.type).toBe('application/graphql-response+json; charset=utf-8');
    expect(graphqlJson.entries).toBe(before + 3); // the operation hit; the new exact request is filed
    const again = await send('application/graphql-response+json');
    expect(again).toEqual(graphqlJson);
    const jsonAgain = await send('application/json');
    expect(jsonAgain).toEqual({ ...json, entries: before + 3 });
    // Equal JSON in other text is another exact request, answered from the operation's entry.
    const spaced = await send('application/json', body.replace('{"query"', '{ "query"'));
    expect(spaced.text).toBe(json.text);
    expect(spaced.entries).toBe(before + 4);
  });

  it('neither stores the 406 of a client that accepts no JSON nor sends a stored answer under it', async () => {
    const body = JSON.stringify({ query: '{ entity(id: "liquid-cooling") { id nameZh } }' });
    const send = async (accept: string) => {
      const response = await fetch(cached.url, { method: 'POST', headers: { 'content-type': 'application/json', accept }, body });
      return [response.status, JSON.parse(await response.text()).data ?? 'refused'];
    };
    // Refused first (nothing stored yet), answered, refused again (a stored answer exists now), answered from the store.
    const answers = [];
    for (const accept of ['application/json;q=0', 'application/json', 'application/json;q=0', 'application/json']) answers.push(await send(accept));
    const data = { entity: { id: 'liquid-cooling', nameZh: '液冷技术' } };
    expect(answers).toEqual([[406, 'refused'], [200, data], [406, 'refused'], [200, data]]);
  });

  it('keys two operations of one document with the same variables apart, by name', async () => {
    const two = 'query A($id: ID!) { entity(id: $id) { id } } query B($id: ID!) { entity(id: $id) { nameZh } }';
    const a = await post(cached.url, { query: two, operationName: 'A', variables: { id: 'gpu' } });
    const b = await post(cached.url, { query: two, operationName: 'B', variables: { id: 'gpu' } });
    expect([JSON.parse(a.text).data, JSON.parse(b.text).data]).toEqual([{ entity: { id: 'gpu' } }, { entity: { nameZh: '图形处理器' } }]);
  });

  it('misses for other variables, another operation name, and the same variables in another order hit', async () => {
    const two = 'query A($id: ID!, $depth: Int) { neighborhood(id: $id, depth: $depth) { nodes { id } } } query B($id: ID!) { entity(id: $id) { id } }';
    const a = await post(cached.url, { query: two, operationName: 'A', variables: { id: 'gpu', depth: 1 } });
    const misses = (await cacheStats(cached.url)).misses;
    const otherVariables = await post(cached.url, { query: two, operationName: 'A', variables: { id: 'gpu', depth: 2 } });
    const otherOperation = await post(cached.url, { query: two, operationName: 'B', variables: { id: 'gpu', depth: 1 } });
    expect((await cacheStats(cached.url)).misses).toBe(misses + 2);
    expect(otherVariables.text).not.toBe(a.text);
    expect(JSON.parse(otherOperation.text).data).toEqual({ entity: { id: 'gpu' } });
    const reordered = await post(cached.url, { query: two, operationName: 'A', variables: { depth: 1, id: 'gpu' } });
    expect(reordered.text).toBe(a.text);
    expect((await cacheStats(cached.url)).misses).toBe(misses + 2);
  });

  it.each([
    ['an argument out of range', { query: '{ neighborhood(id: "gpu", depth: 9) { nodes { id } } }' }],
    ['a cost over the limit', { query: '{ entities(first: 100) { nodes { relations(first: 100) { target { relations(first: 100) { target { id } } } } } } }' }],
    ['an unknown id (NOT_FOUND, a partial result)', { query: '{ gpu: entity(id: "gpu") { id } nope: entity(id: "no-such-thing") { id } }' }],
    ['a validation error', { query: '{ entity(id: "gpu") { colour } }' }],
    ['a variable of the wrong type', { query: 'query($d: Int) { neighborhood(id: "gpu", depth: $d) { nodes { id } } }', variables: { d: 'two' } }],
  ])('never caches %s, and answers it twice exactly as a server without a cache does', async (_what, body) => {
    const before = await cacheStats(cached.url);
    const plain = await post(uncached.url, body);
    const first = await post(cached.url, body);
    const second = await post(cached.url, body);
    expect(JSON.parse(plain.text).errors.length).toBeGreaterThan(0);
    expect(first).toEqual(plain);
    expect(second).toEqual(plain);
    const after = await cacheStats(cached.url);
    expect(after.entries).toBe(before.entries);
    expect(after.hits).toBe(before.hits);
  });

  it('caches nothing and reports itself off when the setting turns it off', async () => {
    const counted = countingStore(inner);
    const off = await serve(counted, false);
    try {
      const body = { query: '{ entity(id: "gpu") { id name } }' };
      await post(off.url, body);
      const work = storeWork(counted.calls);
      await post(off.url, body);
      // Past the first request (which also measures the graph for the cost model), each one calls the store.
      expect(storeWork(counted.calls)).toBeGreaterThan(work);
      expect(counted.calls.dataVersion).toBeUndefined();
      expect(await cacheStats(off.url)).toEqual({ enabled: false });
      expect(await cacheStats(cached.url)).toMatchObject({ enabled: true, maxBytes: 64_000_000 });
    } finally {
      await off.stop();
    }
  });
});

describe('the response cache and the data version', () => {
  it('misses once the store reports a new data version, then hits again', async () => {
    const inner = embeddedStore();
    let version = 'one';
    const store = countingStore(Object.assign(Object.create(inner) as GraphStore, { dataVersion: async () => version }));
    const api = await serve(store);
    try {
      const body = { query: '{ entity(id: "gpu") { id name } }' };
      const first = await post(api.url, body);
      const work = storeWork(store.calls);
      await post(api.url, body);
      expect(storeWork(store.calls)).toBe(work);
      version = 'two';
      const afterChange = await post(api.url, body);
      const changedWork = storeWork(store.calls);
      expect(changedWork).toBeGreaterThan(work);
      expect(afterChange.text).toBe(first.text);
      await post(api.url, body);
      expect(storeWork(store.calls)).toBe(changedWork);
    } finally {
      await api.stop();
    }
  });

  it('is the seed hash for the embedded store', async () => {
    expect(await embeddedStore().dataVersion()).toBe(graphVersion(realSeed()));
    expect(graphVersion(realSeed())).toMatch(/^[0-9a-f]{32}$/);
  });

  it.skipIf(!process.env.NEO4J_URI)('is the version the seeder stamped for the Neo4j store, re-read after its interval', async () => {
    // Long enough that the write below lands within it on a loaded machine (a 200 ms interval was missed under load).
    const interval = 2000;
    const settings = { ...loadConfig({ ...process.env, GRAPH_STORE: 'neo4j' }).neo4j, versionCheckMs: interval };
    const store = new Neo4jStore(settings);
    const seeded = graphVersion(realSeed());
    try {
      const readAt = performance.now();
      expect(await store.dataVersion()).toBe(seeded);
      // What a re-seed with a change does last; restored below, as the other suites share this database.
      await store.write('stampDataVersion', { version: 'reseeded' });
      const kept = await store.dataVersion();
      expect(performance.now() - readAt, 'the write and read back took longer than the interval').toBeLessThan(interval);
      expect(kept).toBe(seeded);
      await new Promise((resolve) => setTimeout(resolve, interval + 50));
      expect(await store.dataVersion()).toBe('reseeded');
    } finally {
      await store.write('stampDataVersion', { version: seeded });
      await store.close();
    }
  });
});

describe('the LRU of response bodies', () => {
  const answer = (body: string) => ({ body, contentType: 'application/json; charset=utf-8' });

  it('evicts the least recently used bodies to stay within its bytes, and never stores a body larger than them', () => {
    const cache = new ResponseCache(100);
    cache.set('a', answer('x'.repeat(39))); // 40 bytes with its key
    cache.set('b', answer('y'.repeat(39)));
    expect(cache.get('a')?.body).toBe('x'.repeat(39)); // a is now the most recent
    cache.set('c', answer('z'.repeat(39)));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
    expect(cache.stats()).toMatchObject({ entries: 2, bytes: 80, maxBytes: 100, hits: 3, misses: 1, hitRate: 0.75 });
    cache.set('d', answer('w'.repeat(200)));
    expect(cache.get('d')).toBeUndefined();
    expect(cache.stats().bytes).toBe(80);
  });

  it('counts bytes, not characters: a Chinese body weighs three bytes a character', () => {
    const cache = new ResponseCache(1000);
    cache.set('k', answer('液冷'.repeat(10)));
    expect(cache.stats().bytes).toBe(61);
  });

  it('counts a hit on an exact request but not a miss, since the operation is looked up next', () => {
    const cache = new ResponseCache(1000);
    expect(cache.getExact('exact-a')).toBeUndefined();
    cache.set('exact-a', answer('{}'));
    expect(cache.getExact('exact-a')?.body).toBe('{}');
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 0 });
  });

  it('keys an exact request on every part that can change its answer', () => {
    const keys = [
      exactRequestKey('v1', 'application/json', 'application/json', '{"query":"{ a }"}'),
      exactRequestKey('v2', 'application/json', 'application/json', '{"query":"{ a }"}'),
      exactRequestKey('v1', 'application/json; charset=utf-8', 'application/json', '{"query":"{ a }"}'),
      exactRequestKey('v1', 'application/json', 'application/graphql-response+json', '{"query":"{ a }"}'),
      exactRequestKey('v1', 'application/json', undefined, '{"query":"{ a }"}'),
      exactRequestKey('v1', 'application/json', 'application/json', '{"query":"{ a }" }'),
      // A header value cannot hold a newline, so no header can run into the next part.
      exactRequestKey('v1', 'application/json', 'application/json\n{"query":"{ a }"}', ''),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keys variables by value whatever the order of their fields', () => {
    expect(canonicalJson({ b: [1, { d: 2, c: null }], a: 'x' })).toBe('{"a":"x","b":[1,{"c":null,"d":2}]}');
  });
});
