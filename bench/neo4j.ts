/**
 * `npm run bench:neo4j`: the Neo4j store measured against the embedded one in the same run.
 * 1. PROFILE of every read statement with its example parameters: the plan's operators, db hits and time.
 * 2. Throughput of the representative queries through the API on each store, and their ratio.
 * Uses the Neo4j at NEO4J_URI (seeding it with --prune), or starts one with scripts/neo4j.sh and stops it after.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import neo4j, { type ProfiledPlan } from 'neo4j-driver';
import { pino } from 'pino';
import { loadConfig } from '../src/config.js';
import { EmbeddedStore } from '../src/graph/embedded/store.js';
import { seedNeo4j } from '../src/graph/neo4j/seed.js';
import { STATEMENTS, type StatementName } from '../src/graph/neo4j/statements.js';
import { Neo4jStore } from '../src/graph/neo4j/store.js';
import type { GraphStore } from '../src/graph/types.js';
import { loadCheckedSeed } from '../src/seed/load.js';
import { startServer } from '../src/server.js';
import { QUERIES } from './queries.js';
import { table } from './table.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

/** Statements that read, with parameters that find something in the real seed. */
const PROFILED: Partial<Record<StatementName, Record<string, unknown>>> = {
  getEntities: { ids: ['liquid-cooling', 'gpu', 'large-models'] },
  listEntities: { kind: 'Technology', offset: 0, limit: 20 },
  relationsOf: { ids: ['liquid-cooling', 'artificial-intelligence'] },
  neighborhood: { id: 'liquid-cooling', types: ['USES', 'ENABLES', 'APPLIED_IN', 'ADDRESSES', 'PART_OF', 'IS_A'], depth: 2, limit: 201 },
  shortestPathDag: { from: 'metaverse', to: 'energy-consumption', types: ['USES', 'ENABLES', 'APPLIED_IN', 'ADDRESSES', 'CAUSES', 'AFFECTS', 'PART_OF', 'IS_A'], maxDepth: 6 },
  stats: {},
};

/** The driver sends JS numbers as floats; Cypher wants integers for LIMIT and counts, as the store sends them. */
function asCypher(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'number' && Number.isInteger(v) ? neo4j.int(v) : v]));
}

function walk(plan: ProfiledPlan, visit: (p: ProfiledPlan) => void) {
  visit(plan);
  for (const child of plan.children) walk(child, visit);
}

async function profile(uri: string, password: string) {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', password));
  const rows: string[][] = [['statement', 'db hits', 'median ms', 'operators']];
  try {
    for (const [name, params] of Object.entries(PROFILED) as [StatementName, Record<string, unknown>][]) {
      const cypher = STATEMENTS[name].cypher;
      const profiled = await driver.executeQuery(`PROFILE ${cypher}`, asCypher(params), { routing: 'READ' });
      let hits = 0;
      const operators = new Set<string>();
      walk(profiled.summary.profile as ProfiledPlan, (p) => {
        hits += p.dbHits;
        operators.add(p.operatorType.replace(/@.*$/, ''));
      });
      const times: number[] = [];
      for (let i = 0; i < 7; i++) {
        const started = performance.now();
        await driver.executeQuery(cypher, asCypher(params), { routing: 'READ' });
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      rows.push([name, String(hits), times[3].toFixed(1), [...operators].filter((o) => o !== 'ProduceResults').join(', ')]);
    }
  } finally {
    await driver.close();
  }
  return rows;
}

async function throughput(store: GraphStore): Promise<Record<string, number>> {
  const api = await startServer(store, { host: '127.0.0.1', port: 0, introspection: false, production: true }, pino({ level: 'silent' }));
  const result: Record<string, number> = {};
  try {
    for (const [name, query] of Object.entries(QUERIES)) {
      const body = JSON.stringify({ query });
      const check = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then((r) => r.json());
      if (check.errors) throw new Error(`${name} failed on ${store.name}: ${JSON.stringify(check.errors)}`);
      const run = await autocannon({ url: api.url, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: 10, duration: SECONDS });
      if (run.non2xx || run.errors) throw new Error(`${name} on ${store.name}: ${run.non2xx} non-2xx, ${run.errors} errors`);
      result[name] = run.requests.average;
    }
  } finally {
    await api.stop();
  }
  return result;
}


async function main() {
  let home: string | undefined;
  let uri = process.env.NEO4J_URI;
  let password = process.env.NEO4J_PASSWORD ?? '';
  if (!uri) {
    home = mkdtempSync(join(tmpdir(), 'kg-bench-neo4j-'));
    password = randomBytes(12).toString('hex');
    const out = execFileSync('bash', [join(root, 'scripts/neo4j.sh'), 'start'], { env: { ...process.env, NEO4J_LOCAL_DIR: home, NEO4J_PASSWORD: password }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    uri = /^NEO4J_URI=(\S+)$/m.exec(out)![1];
  }
  const seed = loadCheckedSeed(join(root, 'seed'));
  const neo4jStore = new Neo4jStore(loadConfig({ ...process.env, GRAPH_STORE: 'neo4j', NEO4J_URI: uri, NEO4J_PASSWORD: password, NEO4J_TRANSACTION_TIMEOUT_MS: '60000' }).neo4j);
  try {
    await seedNeo4j(neo4jStore, seed, { prune: true });
    console.log(`PROFILE of each read statement on the seeded server (${uri}):\n`);
    console.log(table(await profile(uri, password)));

    const embedded = await throughput(new EmbeddedStore(seed));
    const onNeo4j = await throughput(neo4jStore);
    const rows = [['query', 'embedded req/s', 'neo4j req/s', 'neo4j / embedded']];
    for (const name of Object.keys(QUERIES)) rows.push([name, embedded[name].toFixed(0), onNeo4j[name].toFixed(0), (onNeo4j[name] / embedded[name]).toFixed(3)]);
    console.log(`\nThroughput through the API, 10 connections, ${SECONDS} s each:\n`);
    console.log(table(rows));
  } finally {
    await neo4jStore.close();
    if (home) {
      execFileSync('bash', [join(root, 'scripts/neo4j.sh'), 'stop'], { env: { ...process.env, NEO4J_LOCAL_DIR: home }, stdio: 'inherit' });
      rmSync(home, { recursive: true, force: true });
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
