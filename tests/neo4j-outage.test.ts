/**
 * A real Neo4j outage and recovery under a running API. This file starts a Neo4j of its own with scripts/neo4j.sh
 * (in a temporary NEO4J_LOCAL_DIR, on fixed ports so it comes back where it was), seeds it, and serves the API over it
 * in process. Then it stops Neo4j: queries fail fast with SERVICE_UNAVAILABLE and /ready turns 503 while /health stays
 * 200, with no internal detail in any body; then it starts Neo4j again on the same port and data directory: the same
 * API process becomes ready and answers again without a restart. Before the outage it checks seeding on this private
 * server: `npm run seed` twice, `--prune`, and the constraint and indexes. Needs java and mvn (not the suite's global server).
 */
import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { Neo4jStore } from '../src/graph/neo4j/store.js';
import { seedNeo4j } from '../src/graph/neo4j/seed.js';
import { loadCheckedSeed } from '../src/seed/load.js';
import { startServer, type RunningServer } from '../src/server.js';
import { SEED_DIR, silentLogger, unusedPort } from './helpers.js';

const run = promisify(execFile);
const script = fileURLToPath(new URL('../scripts/neo4j.sh', import.meta.url));
const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
const missing = ['java', 'mvn'].filter((c) => !has(c));
const canRun = missing.length === 0 && process.env.NEO4J_TESTS !== 'off';

/** The driver's budgets in the API under test: short, so an outage is reported within seconds. */
const CONNECTION_TIMEOUT_MS = 2000;
const MAX_RETRY_TIME_MS = 2000;
/** Anything a client must never see: transport, addresses, driver internals, stacks. */
const INTERNALS = /bolt|127\.0\.0\.1|localhost|ECONNREFUSED|ServiceUnavailable|Neo\.|neo4j:\/\/|stack|at \w+ \(/i;

const QUERY = '{ entity(id: "liquid-cooling") { id nameZh } entities(kind: Challenge, first: 2) { totalCount } }';

describe.runIf(canRun)('a real Neo4j outage and recovery under a running API', () => {
  let home: string;
  let env: NodeJS.ProcessEnv;
  let store: Neo4jStore | undefined;
  let api: RunningServer | undefined;
  let boltPort: number;
  const timings: Record<string, number> = {};

  const neo4jSh = async (command: 'start' | 'stop') => {
    const started = performance.now();
    const { stdout } = await run('bash', [script, command], { env, timeout: 150_000 });
    timings[`neo4j.sh ${command}${timings[`neo4j.sh ${command}`] ? ' (again)' : ''}`] = Math.round(performance.now() - started);
    return stdout;
  };

  const get = async (path: string) => {
    const response = await fetch(api!.url.replace('/graphql', path));
    return { status: response.status, text: await response.text() };
  };

  /**
   * Each test brings Neo4j to the state it needs, so none relies on an earlier one having stopped or started it (in
   * file order this stops Neo4j once and starts it once, as before).
   */
  let running = false;
  const neo4jRunning = async () => {
    if (running) return;
    await neo4jSh('start');
    running = true;
    for (let i = 0; i < 150 && (await get('/ready')).status !== 200; i++) await new Promise((r) => setTimeout(r, 100));
  };
  const neo4jStopped = async () => {
    if (!running) return;
    await neo4jSh('stop');
    running = false;
  };

  const query = async () => {
    const started = performance.now();
    const response = await fetch(api!.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) });
    const text = await response.text();
    return { status: response.status, text, body: JSON.parse(text), ms: Math.round(performance.now() - started) };
  };

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'kg-neo4j-outage-'));
    boltPort = await unusedPort();
    let httpPort = await unusedPort();
    while (httpPort === boltPort) httpPort = await unusedPort();
    env = {
      ...process.env,
      NEO4J_LOCAL_DIR: home,
      NEO4J_PASSWORD: randomBytes(12).toString('hex'),
      NEO4J_BOLT_PORT: String(boltPort),
      NEO4J_HTTP_PORT: String(httpPort),
      NEO4J_HEAP: '512m',
    };
    const out = await neo4jSh('start');
    expect(out).toContain(`NEO4J_URI=neo4j://127.0.0.1:${boltPort}`);
    running = true;

    const config = loadConfig({
      GRAPH_STORE: 'neo4j',
      NEO4J_URI: `neo4j://127.0.0.1:${boltPort}`,
      NEO4J_PASSWORD: env.NEO4J_PASSWORD,
      NEO4J_CONNECTION_TIMEOUT_MS: String(CONNECTION_TIMEOUT_MS),
      NEO4J_MAX_RETRY_TIME_MS: String(MAX_RETRY_TIME_MS),
    });
    const seeder = new Neo4jStore({ ...config.neo4j, transactionTimeoutMs: 60_000 });
    try {
      await seedNeo4j(seeder, loadCheckedSeed(SEED_DIR), { prune: false });
    } finally {
      await seeder.close();
    }
    store = new Neo4jStore(config.neo4j);
    // The production defaults otherwise (QUERY_TIMEOUT_MS 2000).
    api = await startServer(store, { host: '127.0.0.1', port: 0, introspection: false, production: true }, silentLogger);
    // The API's first query also measures the graph for the cost model (once per store), which on a just-started Neo4j
    // took up to 3 s here: the query's deadline (2 s) starts only once the operation is checked, so it still answers.
    const first = await query();
    timings['first query after API start (measures the graph)'] = first.ms;
    expect(first.body.errors).toBeUndefined();
  }, 150_000);

  afterAll(async () => {
    await api?.stop();
    await store?.close();
    if (env) await run('bash', [script, 'stop'], { env, timeout: 90_000 }).catch((e) => console.error(`neo4j.sh stop failed: ${e}`));
    if (home) rmSync(home, { recursive: true, force: true });
    console.log(`outage timings (ms): ${JSON.stringify(timings, null, 1)}`);
  }, 120_000);

  it('answers while Neo4j runs', async () => {
    await neo4jRunning();
    expect((await get('/ready')).status).toBe(200);
    const { status, body } = await query();
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ entity: { id: 'liquid-cooling', nameZh: '液冷技术' }, entities: { totalCount: expect.any(Number) } });
  }, 150_000);

  describe('seeding, on this server', () => {
    const seedCli = async (...args: string[]) => {
      const { stdout } = await run('npx', ['tsx', 'src/seed/seed-neo4j.ts', ...args], {
        cwd: fileURLToPath(new URL('..', import.meta.url)),
        env: { ...env, NEO4J_URI: `neo4j://127.0.0.1:${boltPort}`, NEO4J_USER: 'neo4j', NEO4J_TRANSACTION_TIMEOUT_MS: '60000' },
        timeout: 120_000,
      });
      return stdout;
    };
    const cypher = async (statement: string) => {
      const driver = neo4j.driver(`neo4j://127.0.0.1:${boltPort}`, neo4j.auth.basic('neo4j', env.NEO4J_PASSWORD!));
      try {
        return (await driver.executeQuery(statement)).records.map((r) => r.toObject());
      } finally {
        await driver.close();
      }
    };
    const seed = loadCheckedSeed(SEED_DIR);
    const counts = `${seed.entities.length} nodes, ${seed.relations.length} relationships`;

    beforeEach(neo4jRunning, 150_000);

    it('npm run seed twice gives the same counts and no duplicate nodes or relationships', async () => {
      expect(await seedCli()).toContain(`: ${counts}`);
      expect(await seedCli()).toContain(`: ${counts}`);
      const [nodes] = await cypher('MATCH (n:Entity) RETURN count(n) AS all, count(DISTINCT n.id) AS ids');
      expect(nodes).toEqual({ all: neo4j.int(seed.entities.length), ids: neo4j.int(seed.entities.length) });
      const [rels] = await cypher('MATCH (a)-[r]->(b) WITH type(r) AS t, a.id AS s, b.id AS o, count(*) AS n RETURN count(*) AS keys, sum(n) AS all');
      expect(rels).toEqual({ keys: neo4j.int(seed.relations.length), all: neo4j.int(seed.relations.length) });
    }, 150_000);

    it('--prune removes the nodes and relationships the seed files no longer hold', async () => {
      await cypher(`MATCH (a:Entity {id: 'liquid-cooling'}) CREATE (x:Entity:Technology {id: 'zz-not-in-the-seed', kind: 'Technology'})-[:USES {section: '1', evidence: 'x'}]->(a)`);
      await cypher(`MATCH (a:Entity {id: 'liquid-cooling'}), (b:Entity {id: 'metaverse'}) CREATE (a)-[:INVESTS_IN {section: '1', evidence: 'x'}]->(b)`);
      // The extra node goes with its own relationship (DETACH DELETE); the stray relationship between seed nodes is counted.
      expect(await seedCli('--prune')).toContain(`: ${counts}; pruned 1 nodes, 1 relationships`);
      expect(await cypher(`MATCH (x:Entity {id: 'zz-not-in-the-seed'}) RETURN x`)).toEqual([]);
      expect(await cypher(`MATCH (:Entity {id: 'liquid-cooling'})-[r:INVESTS_IN]->(:Entity {id: 'metaverse'}) RETURN r`)).toEqual([]);
    }, 150_000);

    it('leaves the unique id constraint, the kind index and the cjk full-text index online', async () => {
      const constraints = await cypher('SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN *');
      expect(constraints).toContainEqual({ name: 'entity_id', type: 'UNIQUENESS', labelsOrTypes: ['Entity'], properties: ['id'] });
      const indexes = await cypher('SHOW INDEXES YIELD name, type, state, labelsOrTypes, properties, options RETURN *');
      const byName = Object.fromEntries(indexes.map((i) => [i.name, i]));
      expect(byName.entity_id).toMatchObject({ type: 'RANGE', state: 'ONLINE', properties: ['id'] });
      expect(byName.entity_kind).toMatchObject({ type: 'RANGE', state: 'ONLINE', labelsOrTypes: ['Entity'], properties: ['kind'] });
      expect(byName.entity_names).toMatchObject({ type: 'FULLTEXT', state: 'ONLINE', labelsOrTypes: ['Entity'] });
      expect(byName.entity_names.options.indexConfig['fulltext.analyzer']).toBe('cjk');
    });
  });

  it('with Neo4j stopped: queries fail within seconds with SERVICE_UNAVAILABLE, /ready 503, /health 200, no internals', async () => {
    await neo4jStopped();
    const { status, body, text, ms } = await query();
    timings['query → SERVICE_UNAVAILABLE'] = ms;
    console.log(`with Neo4j stopped, the query answered after ${ms} ms: HTTP ${status} ${text}`);
    // The cost model's measurement of the graph is cached from the first query, so the query is priced and the failure
    // comes from execution; an outage is still a 503. `entities` is non-null, so its failure nulls the whole of data;
    // the two root fields fail with the same message, kept once (tidyErrorsPlugin).
    expect(status).toBe(503);
    expect(body).toEqual({
      data: null,
      errors: [{ message: 'the graph store is unavailable; try again shortly', locations: [expect.any(Object)], path: [expect.stringMatching(/^entit(y|ies)$/)], extensions: { code: 'SERVICE_UNAVAILABLE' } }],
      extensions: { cost: { requested: expect.any(Number), limit: expect.any(Number) } },
    });
    expect(text).not.toMatch(INTERNALS);
    // Bounded by the retry budget plus one connection attempt, not by the driver's defaults (30 s, 60 s).
    expect(ms).toBeLessThan(MAX_RETRY_TIME_MS + CONNECTION_TIMEOUT_MS + 3000);

    const ready = await get('/ready');
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.text)).toEqual({ status: 'unavailable', store: 'neo4j' });
    const health = await get('/health');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.text)).toEqual({ status: 'ok' });
    for (const text of [ready.text, health.text]) expect(text).not.toMatch(INTERNALS);

    // Still so on a second try (no cached success, no hang once the pool has seen the failure).
    const again = await query();
    timings['second query → SERVICE_UNAVAILABLE'] = again.ms;
    expect(again.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(again.ms).toBeLessThan(MAX_RETRY_TIME_MS + CONNECTION_TIMEOUT_MS + 3000);
  }, 60_000);

  it('with Neo4j started again on the same port and data: the same API process becomes ready and answers', async () => {
    await neo4jStopped();
    const restarting = performance.now();
    // Poll /ready while Neo4j starts: it stays 503 until Neo4j answers, then turns 200 with no API restart.
    const seen: number[] = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        seen.push((await get('/ready')).status);
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    const out = await neo4jSh('start');
    running = true;
    expect(out).toContain(`NEO4J_URI=neo4j://127.0.0.1:${boltPort}`);
    const neo4jBack = performance.now();
    let ready = 0;
    while (performance.now() - neo4jBack < 15_000) {
      ready = (await get('/ready')).status;
      if (ready === 200) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    timings['Neo4j answering → API /ready 200'] = Math.round(performance.now() - neo4jBack);
    timings['neo4j.sh start issued → API /ready 200'] = Math.round(performance.now() - restarting);
    polling = false;
    await poller;
    expect(ready).toBe(200);
    expect(seen[0]).toBe(503);

    for (const which of ['first', 'second']) {
      const { status, body, ms } = await query();
      timings[`${which} query after recovery`] = ms;
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect(body.data).toEqual({ entity: { id: 'liquid-cooling', nameZh: '液冷技术' }, entities: { totalCount: expect.any(Number) } });
    }
  }, 240_000);
});

if (!canRun) console.warn(`neo4j-outage: the outage tests did NOT run (${process.env.NEO4J_TESTS === 'off' ? 'NEO4J_TESTS=off' : `no ${missing.join(' or ')} on PATH`})`);
