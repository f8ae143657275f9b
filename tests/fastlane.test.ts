/**
 * The fast lane (src/fastlane.ts) over real HTTP: when it takes over, what turns it off, its bound, and that a request
 * it hands to Apollo keeps its deadline. Byte-equality with Apollo's answers is tests/probes.test.ts's.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/server.js';
import { createContext } from '../src/context.js';
import { QueryTimeout } from '../src/errors.js';
import { countingStore, embeddedStore, silentLogger } from './helpers.js';
import type { GraphStore } from '../src/graph/types.js';

const running: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

async function server(compileAfterRuns: number | undefined, maxCompiled = 256, cached = false, store: GraphStore = embeddedStore()) {
  const s = await startServer(
    store,
    { host: '127.0.0.1', port: 0, introspection: true, production: false, responseCache: { enabled: cached, maxBytes: 64_000_000 }, execution: { compileAfterRuns, maxCompiled } },
    silentLogger,
  );
  running.push(s);
  return s;
}

async function post(url: string, body: unknown): Promise<string> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return `${response.status} ${response.headers.get('content-type')} ${await response.text()}`;
}

const entity = { query: 'query E($id: ID!) { entity(id: $id) { id name nameZh } }', variables: { id: 'liquid-cooling' } };

describe('the fast lane', () => {
  it('leaves to Apollo a body with other keys or a query that is not a string, even with the text of a hot operation', async () => {
    const s = await server(0);
    for (let i = 0; i < 2; i++) expect(await post(s.url, entity)).toMatch(/^200 /);
    expect(s.laneStats()).toMatchObject({ operations: 1, answered: 1 });
    // A persisted-query hash that does not match the text: Apollo refuses it.
    const persisted = await post(s.url, { ...entity, extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } });
    expect(persisted).toBe('400 application/json; charset=utf-8 {"errors":[{"message":"provided sha does not match query","extensions":{"code":"BAD_REQUEST"}}]}\n');
    // A query in an array: not GraphQL over HTTP, though its text is the hot operation's.
    expect(await post(s.url, { ...entity, query: [entity.query] })).toMatch(/^400 /);
    expect(s.laneStats()).toMatchObject({ answered: 1 });
  });

  it('leaves to Apollo a body whose variables are not an object, even for a hot operation that takes none', async () => {
    const s = await server(0);
    const stats = { query: '{ stats { entities } }' };
    for (let i = 0; i < 2; i++) expect(await post(s.url, stats)).toMatch(/^200 /);
    expect(s.laneStats()).toMatchObject({ operations: 1, answered: 1 });
    for (const variables of [[], ['x'], 'x', 5]) expect(await post(s.url, { ...stats, variables }), JSON.stringify(variables)).toMatch(/^400 .*"BAD_REQUEST"/);
    expect(s.laneStats()).toEqual({ operations: 1, answered: 1, handedOn: 0 });
  });

  it('hands a hot operation that its variables make too costly to Apollo without running it, and counts it', async () => {
    const store = countingStore(embeddedStore());
    const s = await server(0, 256, false, store);
    // About 10,000 for one entity, so twice the limit for two.
    const costly = { query: 'query C($n: Int!) { entities(first: $n) { nodes { relations(first: 100) { target { relations(first: 100) { type } } } } } }', variables: { n: 1 } };
    for (let i = 0; i < 2; i++) expect(await post(s.url, costly)).toMatch(/^200 /);
    store.reset();
    expect(await post(s.url, { ...costly, variables: { n: 2 } })).toMatch(/^400 .*query cost \d+ exceeds the limit of 20000/);
    expect(store.calls).toEqual({});
    expect(s.laneStats()).toEqual({ operations: 1, answered: 1, handedOn: 1 });
  });

  it('files each named operation of a document apart, and answers each with its own', async () => {
    const s = await server(0);
    const query = 'query A { entity(id: "gpu") { id } } query B { entity(id: "tpu") { id } }';
    for (let i = 0; i < 2; i++) expect(await post(s.url, { query, operationName: 'A' })).toContain('"id":"gpu"');
    expect(await post(s.url, { query, operationName: 'B' })).toContain('"id":"tpu"');
    expect(await post(s.url, { query, operationName: 'B' })).toContain('"id":"tpu"');
    expect(s.laneStats()).toEqual({ operations: 2, answered: 2, handedOn: 0 });
  });

  it('lets the response cache keep an answer the lane gave, and gives it for the same operation and variables sent otherwise', async () => {
    const store = countingStore(embeddedStore());
    const s = await server(0, 256, true, store);
    const stats = async () => (await fetch(s.url.replace('/graphql', '/cache'))).json();
    expect(await post(s.url, entity)).toMatch(/^200 /);
    // Other variables: a cache miss, answered by the lane and stored; asked again, a hit.
    const gpu = { ...entity, variables: { id: 'gpu' } };
    const first = await post(s.url, gpu);
    expect(s.laneStats()).toMatchObject({ answered: 1 });
    // Two entries an answer: under the operation's key and under the exact request's.
    expect(await stats()).toMatchObject({ entries: 4, hits: 0 });
    expect(await post(s.url, gpu)).toBe(first);
    expect(await stats()).toMatchObject({ entries: 4, hits: 1 });
    expect(s.laneStats()).toMatchObject({ answered: 1 });
    // The same request in other bytes misses the exact key; the lane finds the operation's answer stored and runs nothing.
    store.reset();
    expect(await post(s.url, { variables: gpu.variables, query: gpu.query })).toBe(first);
    // Only the cache's check of the graph's version reaches the store.
    expect(store.calls).toEqual({ dataVersion: 1 });
    expect(s.laneStats()).toMatchObject({ answered: 2 });
  });

  it('takes over an operation once it ran compiled and clean, and answers the same bytes as Apollo', async () => {
    const s = await server(10);
    const answers: string[] = [];
    // Ten runs on graphql-js, the eleventh compiled by Apollo's executor, the rest by the lane.
    for (let i = 0; i < 11; i++) answers.push(await post(s.url, entity));
    expect(s.laneStats()).toEqual({ operations: 1, answered: 0, handedOn: 0 });
    for (let i = 0; i < 3; i++) answers.push(await post(s.url, entity));
    expect(s.laneStats()).toEqual({ operations: 1, answered: 3, handedOn: 0 });
    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).toBe('200 application/json; charset=utf-8 {"data":{"entity":{"id":"liquid-cooling","name":"Liquid cooling","nameZh":"液冷技术"}},"extensions":{"cost":{"requested":4,"limit":20000}}}\n');
    // Other variables run in the lane too; the same text with another operation name is another operation.
    expect(await post(s.url, { ...entity, variables: { id: 'gpu' } })).toContain('"nameZh":"图形处理器"');
    expect(s.laneStats().answered).toBe(4);
    expect(await post(s.url, { ...entity, operationName: 'E' })).toBe(answers[0]);
    expect(s.laneStats().answered).toBe(4);
  });

  it('files nothing when compiling is off (COMPILE_AFTER_RUNS=off)', async () => {
    const s = await server(undefined);
    for (let i = 0; i < 15; i++) await post(s.url, entity);
    expect(s.laneStats()).toEqual({ operations: 0, answered: 0, handedOn: 0 });
  });

  it('holds at most MAX_COMPILED_OPERATIONS operations, the least recently used leaving first', async () => {
    const s = await server(0, 2);
    for (const field of ['id', 'name', 'nameZh']) await post(s.url, { query: `{ entity(id: "gpu") { ${field} } }` });
    expect(s.laneStats().operations).toBe(2);
    // The first left: it goes through Apollo again (and is filed again).
    await post(s.url, { query: '{ entity(id: "gpu") { id } }' });
    expect(s.laneStats().answered).toBe(0);
    await post(s.url, { query: '{ entity(id: "gpu") { nameZh } }' });
    expect(s.laneStats().answered).toBe(1);
  });

  it('hands an answer with an error to Apollo to format, keeps the operation, and runs it once', async () => {
    const s = await server(0);
    await post(s.url, entity);
    const missing = { ...entity, variables: { id: 'no-such-entity' } };
    const first = await post(s.url, missing);
    expect(first).toContain('"code":"NOT_FOUND"');
    expect(s.laneStats()).toEqual({ operations: 1, answered: 0, handedOn: 1 });
    expect(await post(s.url, missing)).toBe(first);
    expect(s.laneStats()).toEqual({ operations: 1, answered: 0, handedOn: 2 });
    // Still in the lane for clean answers.
    await post(s.url, entity);
    expect(s.laneStats()).toEqual({ operations: 1, answered: 1, handedOn: 2 });
  });
});

describe("a request's deadline", () => {
  it('starts once: a request handed on after its clock started keeps the deadline it had', async () => {
    const context = createContext(embeddedStore(), 30);
    context.guard.start();
    await new Promise((resolve) => setTimeout(resolve, 60));
    // Apollo's checks start the clock again for a request the lane handed on.
    context.guard.start();
    expect(() => context.guard.check()).toThrow(QueryTimeout);
  });
});
