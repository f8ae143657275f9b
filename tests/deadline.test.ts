/** No store work outlives the answer: past the deadline, after a failure that nulls the result, or once the client left. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/server.js';
import type { GraphStore } from '../src/graph/types.js';
import { embeddedStore, silentLogger } from './helpers.js';

/** The real store, each call slowed down, every call's start time recorded in `calls`. */
function slowStore(delayMs: number, calls: { method: string; at: number }[]): GraphStore {
  const inner = embeddedStore();
  const store = new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function' || prop === 'ready' || prop === 'close') return value;
      return async (...args: unknown[]) => {
        calls.push({ method: String(prop), at: performance.now() });
        await new Promise((r) => setTimeout(r, delayMs));
        return value.apply(target, args);
      };
    },
  }) as GraphStore;
  return store;
}

const DEADLINE_MS = 150;
const DELAY_MS = 60;
const calls: { method: string; at: number }[] = [];
/** One server with a short deadline, one with a deadline far beyond these tests, so that only the guard under test stops work. */
let server: RunningServer;
let patient: RunningServer;

beforeAll(async () => {
  const store = slowStore(DELAY_MS, calls);
  // Without the response cache: these tests repeat queries to watch them execute, which a cached answer would skip.
  const config = { host: '127.0.0.1', port: 0, introspection: false, production: true, responseCache: { enabled: false, maxBytes: 1 } };
  server = await startServer(store, { ...config, queryTimeoutMs: DEADLINE_MS }, silentLogger);
  patient = await startServer(store, { ...config, queryTimeoutMs: 60_000 }, silentLogger);
  // The first query measures the graph for the cost model; let it pass before counting.
  await post('{ __typename }');
});

afterAll(async () => {
  await server?.stop();
  await patient?.stop();
});

function post(query: string, options: { signal?: AbortSignal; to?: RunningServer } = {}) {
  const { url } = options.to ?? server;
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }), signal: options.signal }).then((r) => r.json());
}

const settle = () => new Promise((r) => setTimeout(r, 12 * DELAY_MS));

/** Nine rounds of store calls at 60 ms each (each hop outward reaches entities not loaded before): 540 ms of work. */
const DEEP = `{ entity(id: "liquid-cooling") { id ${'relations(direction: OUT, first: 3) { target { id '.repeat(4)}${'} } '.repeat(4)} } }`;

describe('the execution deadline', () => {
  it('lets the deep query make nine rounds of store calls when nothing stops it', async () => {
    calls.length = 0;
    const body = await post(DEEP, { to: patient });
    expect(body.errors).toBeUndefined();
    expect(calls.length).toBe(9);
  });

  it('stops a query at its deadline with one QUERY_TIMEOUT error and no store calls after it', async () => {
    calls.length = 0;
    const started = performance.now();
    const body = await post(DEEP);
    const elapsed = performance.now() - started;
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions.code).toBe('QUERY_TIMEOUT');
    expect(body.errors[0].message).toBe(`the query ran past its deadline of ${DEADLINE_MS} ms and was stopped; ask for less (smaller pages, fewer nested lists)`);
    // Work already started when the deadline passed may finish; none starts after it.
    expect(calls.every((c) => c.at - started < DEADLINE_MS + 50)).toBe(true);
    expect(elapsed).toBeLessThan(DEADLINE_MS + 4 * DELAY_MS + 500);
  });

  it('answers a query that fits in the deadline in full', async () => {
    const body = await post('{ entity(id: "liquid-cooling") { id relations(first: 2) { type } } }');
    expect(body.errors).toBeUndefined();
    expect(body.data.entity.relations).toHaveLength(2);
  });
});

describe('work after the answer is decided', () => {
  it('stops sibling fields once a non-null root field has failed and nulled the result', async () => {
    calls.length = 0;
    const body = await post(`{ missing: neighborhood(id: "no-such-entity") { truncated } deep: ${DEEP.slice(1, -1)} }`, { to: patient });
    expect(body.data).toBeNull();
    expect(body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['NOT_FOUND']);
    // graphql-js answers at once while the sibling would go on resolving: wait to see whether it does.
    await settle();
    // The failure is known after the first round of calls; the deep sibling would have made ten rounds.
    expect(calls.length).toBeLessThanOrEqual(4);
  });

  it('stops the work when the client goes away', async () => {
    calls.length = 0;
    const controller = new AbortController();
    const answer = post(DEEP, { signal: controller.signal, to: patient }).catch((error: Error) => error.name);
    await new Promise((r) => setTimeout(r, DELAY_MS + 20));
    controller.abort();
    expect(await answer).toBe('AbortError');
    const before = calls.length;
    await settle();
    // At most the round in flight when the client left completes; no new round starts.
    expect(calls.length - before).toBeLessThanOrEqual(2);
    expect(calls.length).toBeLessThan(6);
  });
});
