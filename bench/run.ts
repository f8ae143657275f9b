/**
 * `npm run bench`: throughput and server CPU per request of the representative queries, each beside a bare baseline
 * measured in the same run on the same machine, then start-up time (`--growth` runs bench/growth.ts instead).
 *
 * The API as the image runs it (`node dist/main.js`, compiled first, production settings), once with the response cache
 * off (every request a miss) and once with it on (after the first, every request a hit), and a bare node:http server
 * answering the same response bytes each run in a child process pinned to core 0; autocannon runs in a child pinned
 * to core 1, so the load generator never takes the server's core. CPU time comes from /proc/<pid>/stat before and
 * after each run. Flags: --seconds N (default 5), --warmup N (seconds of unmeasured load before each run, default 1),
 * --connections N (default 10), --store embedded|neo4j|both (default embedded), --cache off|on|both (default both),
 * --query TEXT (only the queries whose name contains it).
 * Writes bench/report.json and prints a table.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cpuMs, parseProcStat, row, type Run } from './cpu.js';
import { QUERIES } from './queries.js';
import { table } from './table.js';
import { growth } from './growth.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const SERVER_CORE = '0';
const LOAD_CORE = '1';
const READY_TIMEOUT_MS = 60_000;

type StoreName = 'embedded' | 'neo4j';
type CacheMode = 'off' | 'on';

/** Every child still running, killed on exit, also on Ctrl-C. */
const children = new Set<ChildProcess>();
let neo4jHome: string | undefined;
/** Where the captured answers are written for the baseline; removed on exit, also on Ctrl-C. */
const scratch = mkdtempSync(join(tmpdir(), 'kg-bench-'));

function killChildren() {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  children.clear();
  rmSync(scratch, { recursive: true, force: true });
}

function stopNeo4j() {
  if (!neo4jHome) return;
  const home = neo4jHome;
  neo4jHome = undefined;
  execFileSync('bash', [join(root, 'scripts/neo4j.sh'), 'stop'], { env: { ...process.env, NEO4J_LOCAL_DIR: home }, stdio: 'inherit', timeout: 60_000 });
  rmSync(home, { recursive: true, force: true });
}

process.on('exit', killChildren);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killChildren();
    stopNeo4j();
    process.exit(130);
  });
}

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

function processCpuMs(pid: number): number {
  return cpuMs(parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8')), TICKS_PER_SECOND);
}

/** Spawns `node args…` pinned to `core`; resolves with the child and the URL it prints as `ready at <url>`. */
function startPinned(core: string, args: string[], env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  // taskset execs node, so the child's pid is node's: /proc/<pid>/stat is the server's own.
  const child = spawn('taskset', ['-c', core, process.execPath, ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args.join(' ')} was not ready within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /ready at (\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} exited with ${code} before it was ready`));
    });
  });
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return void children.delete(child);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
  children.delete(child);
}

/** One autocannon run from a child pinned to the load core; bounded by its duration plus a margin. */
async function load(url: string, body: string, connections: number, seconds: number, strict = true) {
  const options = JSON.stringify({ url, body, connections, seconds });
  const child = spawn('taskset', ['-c', LOAD_CORE, process.execPath, '--import', 'tsx', 'bench/loadgen.ts', options], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(child);
  const timer = setTimeout(() => child.kill('SIGKILL'), (seconds + 30) * 1000);
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
  children.delete(child);
  if (code !== 0) throw new Error(`load generator exited with ${code}`);
  const result = JSON.parse(out) as { requests: number; seconds: number; non2xx: number; mismatches: number; errors: number; timeouts: number };
  if (strict && (result.non2xx || result.mismatches || result.errors || result.timeouts)) throw new Error(`bench requests failed on ${url}: ${JSON.stringify(result)}`);
  return result;
}

/**
 * The server's CPU ms once it is idle: requests autocannon abandoned at the end of a run are still resolved, and
 * their CPU must not count against the next run or this one's requests. Bounded: 10 s at most.
 */
async function idleCpuMs(pid: number): Promise<number> {
  let last = processCpuMs(pid);
  for (let waited = 0; waited < 10_000; waited += 200) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const now = processCpuMs(pid);
    if (now === last) return now;
    last = now;
  }
  return last;
}

/**
 * A warm-up run, then a measured run with the server's CPU time read around it; with `databasePid`, also the
 * database's CPU ms over the same span (its JVM is never idle, so it is read when the server is).
 */
async function measure(pid: number, url: string, body: string, connections: number, seconds: number, warmup: number, databasePid?: number) {
  // The warm-up may meet a cold Neo4j's first slow answers; only the measured run must be all good answers.
  await load(url, body, connections, warmup, false);
  const cpuMsBefore = await idleCpuMs(pid);
  const databaseBefore = databasePid ? processCpuMs(databasePid) : 0;
  const { requests, seconds: elapsed } = await load(url, body, connections, seconds);
  const run: Run = { requests, seconds: elapsed, cpuMsBefore, cpuMsAfter: await idleCpuMs(pid) };
  return { run, databaseCpuMs: databasePid ? processCpuMs(databasePid) - databaseBefore : undefined };
}

/** The API's answer to `body`; a few tries, since a cold Neo4j's first answers may pass the query deadline. */
async function capture(url: string, body: string, what: string): Promise<Buffer> {
  let text = '';
  for (let attempt = 0; attempt < 5; attempt++) {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(30_000) });
    const bytes = Buffer.from(await response.arrayBuffer());
    text = bytes.toString();
    if (response.status === 200 && !JSON.parse(text).errors) return bytes;
  }
  throw new Error(`${what} failed: ${text.slice(0, 300)}`);
}

async function startNeo4j(): Promise<Record<string, string>> {
  if (process.env.NEO4J_URI) return {};
  neo4jHome = mkdtempSync(join(tmpdir(), 'kg-bench-neo4j-'));
  const password = randomBytes(12).toString('hex');
  const env = { NEO4J_LOCAL_DIR: neo4jHome, NEO4J_PASSWORD: password };
  const out = execFileSync('bash', [join(root, 'scripts/neo4j.sh'), 'start'], { env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 180_000 });
  const uri = /^NEO4J_URI=(\S+)$/m.exec(out)![1];
  execFileSync('npm', ['run', '--silent', 'seed', '--', '--prune'], { cwd: root, env: { ...process.env, NEO4J_URI: uri, NEO4J_PASSWORD: password }, stdio: 'inherit', timeout: 180_000 });
  return { NEO4J_URI: uri, NEO4J_PASSWORD: password };
}

/** The production server as the image runs it: the compiled JavaScript, so no TypeScript loader is in the request path. */
const API_MAIN = 'dist/main.js';

async function benchStore(store: StoreName, caches: CacheMode[], queries: [string, string][], connections: number, seconds: number, warmup: number) {
  const storeEnv = store === 'neo4j' ? { GRAPH_STORE: 'neo4j', ...(await startNeo4j()) } : { GRAPH_STORE: 'embedded' };
  const neo4jPid = neo4jHome ? Number(readFileSync(join(neo4jHome, 'neo4j.pid'), 'utf8')) : undefined;
  const rows = [];
  try {
    for (const cache of caches) {
      const env = { ...storeEnv, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', RESPONSE_CACHE: String(cache === 'on') };
      const api = await startPinned(SERVER_CORE, [API_MAIN], env);
      try {
        for (const [name, query] of queries) {
          const body = JSON.stringify({ query });
          const bytes = await capture(api.url, body, `${name} on ${store}`);
          const file = join(scratch, 'response.json');
          writeFileSync(file, bytes);
          const baseline = await startPinned(SERVER_CORE, ['--import', 'tsx', 'bench/baseline.ts', file], {});
          const { run: baselineRun } = await measure(baseline.child.pid!, baseline.url, body, connections, seconds, warmup);
          await stop(baseline.child);
          const { run: apiRun, databaseCpuMs } = await measure(api.child.pid!, api.url, body, connections, seconds, warmup, neo4jPid);
          const measured = row(name, bytes.length, baselineRun, apiRun);
          // Neo4j's own CPU (its JVM is not pinned) is reported apart from the API's.
          const neo4jCpuMsPerRequest = databaseCpuMs === undefined ? undefined : databaseCpuMs / apiRun.requests;
          rows.push({ ...measured, cache, neo4jCpuMsPerRequest });
          console.error(`${store}, cache ${cache}: ${name}: ${measured.apiRps.toFixed(0)} req/s (baseline ${measured.baselineRps.toFixed(0)})`);
        }
      } finally {
        await stop(api.child);
      }
    }
  } finally {
    if (store === 'neo4j') stopNeo4j();
  }
  return rows;
}

/** Milliseconds from spawning `command` until `url` answers `body` with 200. */
async function timeToFirstAnswer(command: string, args: string[], env: Record<string, string>, url: string, body: string): Promise<number> {
  const started = performance.now();
  // A process group of its own, so that stopping it also stops anything it started.
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: 'ignore', detached: true });
  try {
    for (;;) {
      if (performance.now() - started > 30_000) throw new Error(`${command} did not answer within 30 s`);
      try {
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        if (response.status === 200) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    // Waited for, so that the next measurement's server does not find this one still answering on the port.
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
  }
}

async function main() {
  const { values } = parseArgs({ options: { seconds: { type: 'string', default: '5' }, warmup: { type: 'string', default: '1' }, connections: { type: 'string', default: '10' }, store: { type: 'string', default: 'embedded' }, cache: { type: 'string', default: 'both' }, query: { type: 'string', default: '' } } });
  const seconds = Number(values.seconds);
  const warmup = Number(values.warmup);
  const connections = Number(values.connections);
  if (!(seconds > 0 && seconds <= 600) || !(warmup > 0 && warmup <= 600) || !(Number.isInteger(connections) && connections > 0)) throw new Error('--seconds and --warmup must be in (0, 600] and --connections a positive integer');
  const stores: StoreName[] = values.store === 'both' ? ['embedded', 'neo4j'] : values.store === 'embedded' || values.store === 'neo4j' ? [values.store] : [];
  if (stores.length === 0) throw new Error(`--store must be embedded, neo4j or both, not ${values.store}`);
  const caches: CacheMode[] = values.cache === 'both' ? ['off', 'on'] : values.cache === 'off' || values.cache === 'on' ? [values.cache] : [];
  if (caches.length === 0) throw new Error(`--cache must be off, on or both, not ${values.cache}`);
  const queries = Object.entries(QUERIES).filter(([name]) => name.includes(values.query!));
  if (queries.length === 0) throw new Error(`no query's name contains "${values.query}"`);
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit', timeout: 120_000 });

  const loadAverageBefore = loadavg();
  const results: Partial<Record<StoreName, Awaited<ReturnType<typeof benchStore>>>> = {};
  for (const store of stores) results[store] = await benchStore(store, caches, queries, connections, seconds, warmup);

  const probe = JSON.stringify({ query: '{ stats { entities } }' });
  const bare = `require('http').createServer((q,s)=>{q.resume();q.on('end',()=>s.end('{}'))}).listen(4791,'127.0.0.1')`;
  const baselineStartMs = await timeToFirstAnswer(process.execPath, ['-e', bare], {}, 'http://127.0.0.1:4791/', probe);
  const startEnv = { NODE_ENV: 'production', PORT: '4792', HOST: '127.0.0.1', LOG_LEVEL: 'silent' };
  const apiStartMs = await timeToFirstAnswer(process.execPath, [API_MAIN], startEnv, 'http://127.0.0.1:4792/graphql', probe);
  // The command `npm start` execs, without npm and its prestart (which builds the explorer when it is missing).
  const npmStartMs = await timeToFirstAnswer(process.execPath, ['--import', 'tsx', 'src/main.ts'], startEnv, 'http://127.0.0.1:4792/graphql', probe);

  const report = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version, loadAverageBefore, loadAverageAfter: loadavg() },
    settings: { seconds, connections, warmupSeconds: warmup, serverCore: SERVER_CORE, loadGeneratorCore: LOAD_CORE, server: `node ${API_MAIN}` },
    stores: results,
    startup: { baselineMs: baselineStartMs, apiMs: apiStartMs, npmStartMs },
  };
  writeFileSync(join(root, 'bench/report.json'), `${JSON.stringify(report, null, 2)}\n`);

  console.log(`\n${connections} connections, ${seconds} s per run (after ${warmup} s of warm-up); server on core ${SERVER_CORE}, autocannon on core ${LOAD_CORE}\n`);
  const header = ['query', 'store', 'cache', 'response', 'baseline req/s', 'API req/s', 'ratio', 'API CPU ms/req', 'baseline CPU ms/req'];
  const lines = [header];
  for (const store of stores) {
    for (const r of results[store]!) {
      lines.push([r.query, store, r.cache, `${r.bytes} B`, r.baselineRps.toFixed(0), r.apiRps.toFixed(0), r.ratio.toFixed(3), r.apiCpuMsPerRequest.toFixed(3), r.baselineCpuMsPerRequest.toFixed(3)]);
    }
  }
  console.log(table(lines));
  for (const r of results.neo4j ?? []) if (r.neo4jCpuMsPerRequest !== undefined) console.log(`Neo4j's own CPU, ${r.query}, cache ${r.cache}: ${r.neo4jCpuMsPerRequest.toFixed(3)} ms/req`);
  console.log(`\nStart-up to first answer: bare node ${baselineStartMs.toFixed(0)} ms, node ${API_MAIN} ${apiStartMs.toFixed(0)} ms (ratio ${(apiStartMs / baselineStartMs).toFixed(1)}), npm start's node --import tsx src/main.ts ${npmStartMs.toFixed(0)} ms`);
  console.log('Report: bench/report.json\n');
}

(process.argv.includes('--growth') ? growth() : main()).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    killChildren();
    stopNeo4j();
    process.exit(1);
  },
);
