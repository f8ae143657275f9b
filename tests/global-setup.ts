/**
 * Gives the suite a real, seeded Neo4j for its Neo4j leg: the server at NEO4J_URI when that is set, else a fresh
 * Neo4j 5.26 started from Maven Central by scripts/neo4j.sh (when java and mvn are here) and stopped afterwards.
 * Without either, the Neo4j leg is skipped and says so; with REQUIRE_NEO4J=1 (CI) that is a failure instead.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config.js';
import { Neo4jStore } from '../src/graph/neo4j/store.js';
import { seedNeo4j } from '../src/graph/neo4j/seed.js';
import { loadCheckedSeed } from '../src/seed/load.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const script = join(root, 'scripts', 'neo4j.sh');

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

async function seed() {
  const started = performance.now();
  const store = new Neo4jStore(loadConfig({ ...process.env, GRAPH_STORE: 'neo4j', NEO4J_TRANSACTION_TIMEOUT_MS: '60000' }).neo4j);
  try {
    const counts = await seedNeo4j(store, loadCheckedSeed(join(root, 'seed')), { prune: true });
    console.log(`neo4j: seeded ${process.env.NEO4J_URI} in ${((performance.now() - started) / 1000).toFixed(1)} s`, counts);
  } finally {
    await store.close();
  }
}

export default async function setup() {
  if (process.env.NEO4J_URI) {
    console.log(`neo4j: the Neo4j leg runs against NEO4J_URI=${process.env.NEO4J_URI}`);
    await seed();
    return;
  }
  const missing = ['java', 'mvn'].filter((c) => !has(c));
  if (process.env.NEO4J_TESTS === 'off' || missing.length) {
    const why = process.env.NEO4J_TESTS === 'off' ? 'NEO4J_TESTS=off' : `no ${missing.join(' or ')} on PATH and NEO4J_URI is not set`;
    if (process.env.REQUIRE_NEO4J === '1') throw new Error(`REQUIRE_NEO4J=1 but the Neo4j leg cannot run: ${why}`);
    console.warn(`neo4j: the Neo4j leg did NOT run (${why})`);
    return;
  }

  const home = mkdtempSync(join(tmpdir(), 'kg-neo4j-'));
  const env = { ...process.env, NEO4J_LOCAL_DIR: home, NEO4J_PASSWORD: randomBytes(12).toString('hex') };
  const started = performance.now();
  let output: string;
  try {
    output = execFileSync('bash', [script, 'start'], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 300_000 });
  } catch (error) {
    rmSync(home, { recursive: true, force: true });
    throw new Error(`could not start Neo4j for the tests: ${(error as Error).message}`);
  }
  const uri = /^NEO4J_URI=(\S+)$/m.exec(output)?.[1];
  if (!uri) throw new Error(`scripts/neo4j.sh start printed no NEO4J_URI: ${output}`);
  console.log(`neo4j: started Neo4j at ${uri} in ${((performance.now() - started) / 1000).toFixed(1)} s (home ${home})`);
  // Test workers are forked after this and inherit these.
  Object.assign(process.env, { NEO4J_URI: uri, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: env.NEO4J_PASSWORD, NEO4J_LOCAL_DIR: home });
  try {
    await seed();
  } catch (error) {
    execFileSync('bash', [script, 'stop'], { env, stdio: 'inherit' });
    throw error;
  }

  return () => {
    execFileSync('bash', [script, 'stop'], { env, stdio: 'inherit' });
    rmSync(home, { recursive: true, force: true });
  };
}
