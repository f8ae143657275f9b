/** The API over a Neo4j that does not answer: a closed port on this machine, through the real driver. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Neo4jStore } from '../src/graph/neo4j/store.js';
import { STATEMENTS } from '../src/graph/neo4j/statements.js';
import { FakeBolt } from './fake-bolt.js';
import { startServer, type RunningServer } from '../src/server.js';
import { unusedPort, silentLogger } from './helpers.js';

const RETRY_MS = 1500;
let api: RunningServer;
let store: Neo4jStore;
let port: number;
let neo4j: FakeBolt | undefined;

beforeAll(async () => {
  port = await unusedPort();
  store = new Neo4jStore({
    uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: 'irrelevant', database: 'neo4j',
    transactionTimeoutMs: 2000, connectionTimeoutMs: 1000, maxRetryTimeMs: RETRY_MS,
  });
  api = await startServer(store, { host: '127.0.0.1', port: 0, introspection: true, production: true }, silentLogger);
});

afterAll(async () => {
  await api?.stop();
  await store?.close();
  await neo4j?.close();
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

describe('when Neo4j comes back', () => {
  it('the same API process becomes ready and answers queries, without a restart', async () => {
    const gpu = { id: 'gpu', kind: 'Hardware', name: 'GPU', nameZh: '图形处理器', aliases: ['Graphics Processing Unit'], description: 'A GPU.', descriptionZh: '图形处理器。', sections: ['1.1'] };
    neo4j = new FakeBolt((query) => {
      if (query === STATEMENTS.ping.cypher) return { fields: ['ok'], rows: [[1]] };
      if (query === STATEMENTS.getEntities.cypher) return { fields: ['entity'], rows: [[gpu]] };
      if (query === STATEMENTS.listEntities.cypher) return { fields: ['totalCount', 'items'], rows: [[1, [gpu]]] };
      return { fields: [], rows: [] };
    });
    await neo4j.listen(port);

    let ready = 503;
    for (let i = 0; i < 50 && ready !== 200; i++) {
      ready = (await fetch(api.url.replace('/graphql', '/ready'))).status;
      if (ready !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    expect(ready).toBe(200);

    const response = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ entity(id: "gpu") { name nameZh aliases } }' }),
    });
    expect((await response.json()).data).toEqual({ entity: { name: 'GPU', nameZh: '图形处理器', aliases: ['Graphics Processing Unit'] } });
    expect(neo4j.queries).toContain(STATEMENTS.getEntities.cypher);
  });
});
