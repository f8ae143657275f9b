/**
 * The API over a Neo4j that does not answer: a closed port on this machine, through the real driver. Needs no Java;
 * recovery from a real outage is tests/neo4j-outage.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Neo4jStore } from '../src/graph/neo4j/store.js';
import { startServer, type RunningServer } from '../src/server.js';
import { unusedPort, silentLogger } from './helpers.js';

const RETRY_MS = 1500;
let api: RunningServer;
let store: Neo4jStore;
let port: number;

beforeAll(async () => {
  port = await unusedPort();
  store = new Neo4jStore({
    uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: 'irrelevant', database: 'neo4j',
    transactionTimeoutMs: 2000, connectionTimeoutMs: 1000, maxRetryTimeMs: RETRY_MS, versionCheckMs: 1000,
  });
  api = await startServer(store, { host: '127.0.0.1', port: 0, introspection: true, production: true }, silentLogger);
});

afterAll(async () => {
  await api?.stop();
  await store?.close();
});

describe('with Neo4j unreachable', () => {
  it('the API still starts and /health answers 200', async () => {
    const response = await fetch(api.url.replace('/graphql', '/health'));
    expect(response.status).toBe(200);
  });

  it('/ready answers 503', async () => {
    const response = await fetch(api.url.replace('/graphql', '/ready'));
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable', store: 'neo4j' });
  });

  it('a GraphQL request fails within the configured retry time with 503, SERVICE_UNAVAILABLE and no internal details', async () => {
    const started = performance.now();
    const response = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ entity(id: "gpu") { id } }' }),
    });
    const elapsed = performance.now() - started;
    const body = await response.json();
    // The query is priced on the graph before it runs, so an outage is found before execution: a plain 503.
    expect(response.status).toBe(503);
    expect(body.errors).toEqual([
      { message: 'the graph store is unavailable; try again shortly', extensions: { code: 'SERVICE_UNAVAILABLE' } },
    ]);
    expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|bolt|stack/i);
    // Bounded by the retry budget plus one connection attempt, not the driver's 30 s default.
    expect(elapsed).toBeLessThan(RETRY_MS + 8000);
  });
});
