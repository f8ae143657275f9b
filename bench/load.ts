/**
 * `npm run load`: a soak/load check of the real server, run as a child process in production mode.
 *
 * Starts `node --import tsx src/main.ts` (NODE_ENV=production, HOST=127.0.0.1, a free port, LOG_LEVEL=warn), waits
 * for /ready, checks each query of the mix once, then drives the same mix twice with autocannon from this process and
 * reports per run: requests/s, latency p50/p99/max, errors, timeouts, non-2xx, GraphQL errors in 2xx bodies, the
 * server's RSS (median over the second half of the run) and its CPU time per request. Exits non-zero when a run had errors, timeouts, non-2xx
 * responses or GraphQL errors, when a query of the mix could not be made acceptable, or when the RSS of the second
 * run exceeds the RSS of the first by more than 10%. The server is always stopped (SIGTERM, SIGKILL after 5 s).
 *
 * Env: LOAD_SECONDS (default 30), LOAD_CONNECTIONS (default 50). Flag: --quick (5 s per run unless LOAD_SECONDS is set).
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { readFileSync, readlinkSync, realpathSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const QUICK = process.argv.includes('--quick');
const SECONDS = positiveInt('LOAD_SECONDS', QUICK ? 5 : 30);
const CONNECTIONS = positiveInt('LOAD_CONNECTIONS', 50);
const RUNS = 2;
const RSS_GROWTH_LIMIT = 0.1;
const READY_TIMEOUT_MS = 30_000;
const CHECK_TIMEOUT_MS = 10_000;
const STOP_GRACE_MS = 5_000;
const HOST = '127.0.0.1';
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The mix, in the order autocannon cycles through it on every connection. */
const QUERIES: { name: string; query: string }[] = [
  { name: 'entity by id', query: '{ entity(id: "liquid-cooling") { id name nameZh kind description } }' },
  { name: 'search', query: '{ search(text: "液冷", first: 10) { score entity { id name } } }' },
  { name: 'neighbourhood', query: '{ neighborhood(id: "deep-learning", depth: 2, limit: 100) { truncated nodes { id name kind } edges { type source { id } target { id } } } }' },
  { name: 'shortest path', query: '{ shortestPath(from: "large-models", to: "liquid-cooling") { length nodes { id name } edges { type evidence } } }' },
  { name: 'typed fields', query: '{ entity(id: "large-models") { ... on Technology { applications { id name } industries { id name } hardware { id name } } } }' },
  { name: 'metrics', query: '{ metrics(subject: "智能算力") { value unit year } }' },
];

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got ${JSON.stringify(raw)}`);
  return value;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A port that was free a moment ago on 127.0.0.1 (the kernel picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('no port assigned'))));
    });
  });
}

// ---------------------------------------------------------------------------------------------- the server process

interface Server {
  child: ChildProcess;
  pid: number;
  base: string;
  /** Lines the server wrote (stdout and stderr), the last ones only. */
  output: string[];
  /** Log lines at warn level or above (pino JSON `level` >= 40), and other stderr lines. */
  problems: { count: number; first: string[] };
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  hasExited(): boolean;
}

const OUTPUT_LINES = 200;

function startServerProcess(port: number): Server {
  // node itself (not npm or npx), so that the pid is the server's and /proc/<pid> describes the process serving HTTP.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', HOST, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error('could not spawn the server');
  const output: string[] = [];
  const problems = { count: 0, first: [] as string[] };
  let exited = false;
  const record = (stream: 'stdout' | 'stderr') => {
    let partial = '';
    return (chunk: Buffer) => {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.trim()) continue;
        output.push(`[${stream}] ${line}`);
        if (output.length > OUTPUT_LINES) output.shift();
        let level = stream === 'stderr' ? 50 : 0;
        try {
          const parsed = JSON.parse(line) as { level?: unknown };
          if (typeof parsed.level === 'number') level = parsed.level;
        } catch {
          // not a pino line
        }
        if (level >= 40) {
          problems.count++;
          if (problems.first.length < 5) problems.first.push(line.length > 600 ? `${line.slice(0, 600)}…` : line);
        }
      }
    };
  };
  child.stdout!.on('data', record('stdout'));
  child.stderr!.on('data', record('stderr'));
  const exitedPromise = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = true;
      resolve({ code, signal });
    }),
  );
  return { child, pid: child.pid, base: `http://${HOST}:${port}`, output, problems, exited: exitedPromise, hasExited: () => exited };
}

/** SIGTERM, then SIGKILL if it has not exited within STOP_GRACE_MS. Resolves once it has exited (bounded). */
async function stopServer(server: Server): Promise<string> {
  if (server.hasExited()) return 'had already exited';
  server.child.kill('SIGTERM');
  const graceful = await Promise.race([server.exited.then(() => true), sleep(STOP_GRACE_MS).then(() => false)]);
  if (graceful) return 'stopped by SIGTERM';
  server.child.kill('SIGKILL');
  await Promise.race([server.exited, sleep(STOP_GRACE_MS)]);
  return server.hasExited() ? `did not exit within ${STOP_GRACE_MS / 1000} s of SIGTERM; killed with SIGKILL` : 'still running after SIGKILL (!)';
}

async function waitReady(server: Server): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < READY_TIMEOUT_MS) {
    if (server.hasExited()) throw new Error(`the server exited before it was ready:\n${server.output.join('\n')}`);
    try {
      const response = await fetch(`${server.base}/ready`, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === 200) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await sleep(50);
  }
  throw new Error(`/ready did not answer 200 within ${READY_TIMEOUT_MS / 1000} s:\n${server.output.join('\n')}`);
}

/** Checks that the pid is the node process running src/main.ts (not a wrapper such as npm or a shell). */
function checkIsNodeServer(pid: number): string {
  const exe = realpathSync(readlinkSync(`/proc/${pid}/exe`));
  const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  if (exe !== realpathSync(process.execPath) || !cmdline.includes('src/main.ts')) {
    throw new Error(`pid ${pid} is not the node server: exe ${exe}, cmdline ${cmdline.join(' ')}`);
  }
  return `${exe} ${cmdline.slice(1).join(' ')}`;
}

// ----------------------------------------------------------------------------------------------------- /proc reads

function rssKiB(pid: number): number {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(match[1]);
}

const CLOCK_TICKS = (() => {
  try {
    const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8', timeout: 5_000 }).trim());
    return Number.isInteger(ticks) && ticks > 0 ? ticks : 100;
  } catch {
    return 100;
  }
})();

/** utime + stime of the process in milliseconds (all its threads, not its children). */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) is in parentheses and may contain spaces: count fields after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state); utime is field 14, stime field 15.
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / CLOCK_TICKS;
}

// ------------------------------------------------------------------------------------------------- query checking

interface GraphQLResponse {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function post(base: string, query: string): Promise<{ status: number; body: GraphQLResponse | string }> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
  });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) as GraphQLResponse };
  } catch {
    return { status: response.status, body: text };
  }
}

function problemsOf(result: { status: number; body: GraphQLResponse | string }): string | undefined {
  if (typeof result.body === 'string') return `HTTP ${result.status}, not JSON: ${result.body.slice(0, 300)}`;
  if (result.status !== 200 || result.body.errors?.length) {
    const errors = (result.body.errors ?? []).map((e) => `${e.extensions?.code ?? '?'}: ${e.message}`).join('; ');
    return `HTTP ${result.status}${errors ? `, errors: ${errors}` : ''}`;
  }
  return undefined;
}

/** Refusals an adjustment may cure: the query's cost or one of its arguments (not a schema mismatch or a crash). */
function isCostOrArgumentRefusal(result: { status: number; body: GraphQLResponse | string }): boolean {
  if (typeof result.body === 'string') return false;
  return (result.body.errors ?? []).some((e) => e.extensions?.code === 'BAD_USER_INPUT' || /cost|limit|exceed|at most|maximum/i.test(e.message));
}

/**
 * Checks a query once. When it is refused for cost or arguments and has a `limit:` or `first:` argument, finds the
 * largest value that is accepted (binary search, bounded) — the smallest change to the query that passes.
 */
async function checkQuery(base: string, name: string, query: string): Promise<{ query: string; note?: string } | { error: string }> {
  const first = await post(base, query);
  const problem = problemsOf(first);
  if (!problem) {
    const data = (first.body as GraphQLResponse).data ?? {};
    const nulls = Object.entries(data).filter(([, v]) => v === null || (Array.isArray(v) && v.length === 0)).map(([k]) => k);
    return { query, note: nulls.length ? `answered without errors but ${nulls.join(', ')} is null/empty` : undefined };
  }
  console.log(`  ✗ ${name}: ${problem}\n    query: ${query}`);
  const numeric = /\b(limit|first):\s*(\d+)/.exec(query);
  if (!isCostOrArgumentRefusal(first) || !numeric) return { error: `${name}: ${problem}` };

  const withValue = (n: number) => query.slice(0, numeric.index) + `${numeric[1]}: ${n}` + query.slice(numeric.index + numeric[0].length);
  // Invariant: `refused` is refused, `accepted` (once set) is accepted; at most ~log2(value) steps.
  let refused = Number(numeric[2]);
  let accepted: number | undefined;
  if (refused > 1 && !problemsOf(await post(base, withValue(1)))) {
    accepted = 1;
    for (let step = 0; step < 32 && refused - accepted > 1; step++) {
      const middle = Math.floor((accepted + refused) / 2);
      if (problemsOf(await post(base, withValue(middle)))) refused = middle;
      else accepted = middle;
    }
  }
  if (accepted === undefined) return { error: `${name}: ${problem} (no ${numeric[1]} value from 1 up is accepted either)` };
  const adjusted = withValue(accepted);
  return { query: adjusted, note: `ADJUSTED: ${numeric[1]} ${numeric[2]} refused, ${accepted} is the largest accepted → ${adjusted}` };
}

// ----------------------------------------------------------------------------------------------------------- load

interface RunReport {
  run: number;
  rps: number;
  total: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  graphqlErrors: number;
  graphqlErrorSamples: string[];
  rssKiB: number;
  cpuMs: number;
  cpuMsPerRequest: number;
  seconds: number;
}

async function loadRun(server: Server, run: number, queries: { name: string; query: string }[]): Promise<RunReport> {
  let graphqlErrors = 0;
  const graphqlErrorSamples: string[] = [];
  const onResponse = (name: string) => (status: number, body: string) => {
    // Apollo answers resolver errors with 200 and an `errors` list; count them as failures too.
    if (status >= 200 && status < 300 && body.includes('"errors":[')) {
      graphqlErrors++;
      if (graphqlErrorSamples.length < 3) graphqlErrorSamples.push(`${name}: ${body.slice(0, 300)}`);
    }
  };
  const cpuBefore = cpuMs(server.pid);
  // One reading after the run swings by tens of MiB with the collector's timing; the median of the readings over the
  // second half of the run is steady, and a leak still shows as growth from one run to the next.
  const samples: { at: number; kib: number }[] = [];
  const started = performance.now();
  const sampler = setInterval(() => samples.push({ at: performance.now() - started, kib: rssKiB(server.pid) }), 250);
  const result = await autocannon({
    url: server.base,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: queries.map(({ name, query }) => ({
      method: 'POST' as const,
      path: '/graphql',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
      onResponse: onResponse(name),
    })),
  });
  clearInterval(sampler);
  const cpuAfter = cpuMs(server.pid);
  const late = samples.filter((s) => s.at >= (SECONDS * 1000) / 2).map((s) => s.kib).sort((a, b) => a - b);
  const rss = late.length ? late[Math.floor(late.length / 2)] : rssKiB(server.pid);
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, (s as { count: number }).count]));
  const total = result.requests.total;
  return {
    run,
    rps: result.requests.average,
    total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes,
    graphqlErrors,
    graphqlErrorSamples,
    rssKiB: rss,
    cpuMs: cpuAfter - cpuBefore,
    cpuMsPerRequest: total > 0 ? (cpuAfter - cpuBefore) / total : NaN,
    seconds: result.duration,
  };
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ')).join('\n');
}

const mib = (kib: number) => `${(kib / 1024).toFixed(1)} MiB`;

// ----------------------------------------------------------------------------------------------------------- main

let current: Server | undefined;

async function main(): Promise<number> {
  const port = await freePort();
  console.log(`load: ${RUNS} runs × ${SECONDS} s, ${CONNECTIONS} connections, ${QUERIES.length}-query mix; server on ${HOST}:${port}`);
  const server = (current = startServerProcess(port));
  const readyMs = await waitReady(server);
  console.log(`server pid ${server.pid} (${checkIsNodeServer(server.pid)}) ready in ${readyMs.toFixed(0)} ms; RSS ${mib(rssKiB(server.pid))}`);

  console.log('\nchecking each query once:');
  const failures: string[] = [];
  const mix: { name: string; query: string }[] = [];
  const notes: string[] = [];
  for (const { name, query } of QUERIES) {
    const checked = await checkQuery(server.base, name, query);
    if ('error' in checked) {
      failures.push(`query refused and not adjustable: ${checked.error}`);
      console.log(`  ✗ ${name}: excluded from the mix`);
      continue;
    }
    mix.push({ name, query: checked.query });
    if (checked.note) notes.push(`${name}: ${checked.note}`);
    console.log(`  ${checked.query === query ? '✓' : '~'} ${name}${checked.note ? ` — ${checked.note}` : ''}`);
  }
  if (mix.length === 0) throw new Error('no query of the mix is accepted');
  const rssAfterCheck = rssKiB(server.pid);

  const reports: RunReport[] = [];
  for (let run = 1; run <= RUNS; run++) {
    if (server.hasExited()) throw new Error(`the server exited during the load:\n${server.output.join('\n')}`);
    console.log(`\nrun ${run}/${RUNS}: ${SECONDS} s …`);
    const report = await loadRun(server, run, mix);
    reports.push(report);
    console.log(
      `  ${report.rps.toFixed(0)} req/s (${report.total} in ${report.seconds} s), p50 ${report.p50} ms, p99 ${report.p99} ms, max ${report.max} ms, ` +
        `errors ${report.errors}, timeouts ${report.timeouts}, non-2xx ${report.non2xx}, GraphQL errors ${report.graphqlErrors}; ` +
        `RSS ${mib(report.rssKiB)}, CPU ${report.cpuMs.toFixed(0)} ms (${report.cpuMsPerRequest.toFixed(3)} ms/request)`,
    );
    if (report.non2xx) console.log(`  status codes: ${JSON.stringify(report.statusCodes)}`);
    for (const sample of report.graphqlErrorSamples) console.log(`  GraphQL error: ${sample}`);
  }
  if (server.hasExited()) throw new Error(`the server exited during the load:\n${server.output.join('\n')}`);

  console.log(`\nSummary (${SECONDS} s, ${CONNECTIONS} connections, mix of ${mix.length}; load generator and server share ${(await import('node:os')).availableParallelism()} CPUs)\n`);
  console.log(
    table([
      ['run', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'errors', 'timeouts', 'non-2xx', 'GraphQL errors', 'RSS (median)', 'CPU ms/req'],
      ...reports.map((r) => [
        String(r.run),
        r.rps.toFixed(0),
        String(r.p50),
        String(r.p99),
        String(r.max),
        String(r.errors),
        String(r.timeouts),
        String(r.non2xx),
        String(r.graphqlErrors),
        mib(r.rssKiB),
        r.cpuMsPerRequest.toFixed(3),
      ]),
    ]),
  );
  console.log(`\nRSS after start-up checks: ${mib(rssAfterCheck)}`);
  if (server.problems.count) {
    console.log(`server logged ${server.problems.count} warning/error line(s); first ones:`);
    for (const line of server.problems.first) console.log(`  ${line}`);
  }

  for (const r of reports) {
    if (r.errors) failures.push(`run ${r.run}: ${r.errors} errors`);
    if (r.timeouts) failures.push(`run ${r.run}: ${r.timeouts} timeouts`);
    if (r.non2xx) failures.push(`run ${r.run}: ${r.non2xx} non-2xx responses ${JSON.stringify(r.statusCodes)}`);
    if (r.graphqlErrors) failures.push(`run ${r.run}: ${r.graphqlErrors} responses with GraphQL errors`);
  }
  const growth = reports.length >= 2 ? reports[1].rssKiB / reports[0].rssKiB - 1 : 0;
  if (growth > RSS_GROWTH_LIMIT) failures.push(`RSS grew ${(growth * 100).toFixed(1)}% from run 1 to run 2 (limit ${RSS_GROWTH_LIMIT * 100}%)`);

  const stopped = await stopServer(server);
  current = undefined;
  console.log(`server ${stopped}`);

  const summary = `${reports.map((r) => `run ${r.run} ${r.rps.toFixed(0)} req/s p99 ${r.p99} ms`).join(', ')}, RSS ${mib(reports[0].rssKiB)} → ${mib(reports[1].rssKiB)} (${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)}%)`;
  if (notes.some((n) => n.includes('ADJUSTED'))) console.log(`note: some queries were adjusted:\n  ${notes.filter((n) => n.includes('ADJUSTED')).join('\n  ')}`);
  if (failures.length) {
    console.log(`\nVERDICT: FAIL — ${failures.join('; ')} (${summary})`);
    return 1;
  }
  console.log(`\nVERDICT: PASS — no errors, timeouts or non-2xx; ${summary}`);
  return 0;
}

/** Last resort: stop the server if this process is ending some other way. */
function killChildSync() {
  if (current && !current.hasExited()) {
    try {
      current.child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
}
process.once('exit', killChildSync);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\nload: ${signal}; stopping the server`);
    const server = current;
    const done = server ? stopServer(server) : Promise.resolve('');
    void done.finally(() => process.exit(130));
  });
}

// A watchdog, so that the whole check ends by itself even if something hangs.
const WATCHDOG_MS = READY_TIMEOUT_MS + RUNS * (SECONDS * 1000 + 30_000) + QUERIES.length * 20 * CHECK_TIMEOUT_MS + 3 * STOP_GRACE_MS;
const watchdog = setTimeout(() => {
  console.error(`\nVERDICT: FAIL — load check did not finish within ${Math.round(WATCHDOG_MS / 1000)} s`);
  const server = current;
  void (server ? stopServer(server) : Promise.resolve('')).finally(() => process.exit(2));
}, WATCHDOG_MS);

main()
  .then((code) => {
    clearTimeout(watchdog);
    process.exitCode = code;
  })
  .catch(async (error: unknown) => {
    clearTimeout(watchdog);
    console.error(`\nload check failed: ${error instanceof Error ? error.message : String(error)}`);
    if (current) {
      const stopped = await stopServer(current);
      console.error(`server ${stopped}`);
      if (current.problems.count) console.error(`server warnings/errors:\n  ${current.problems.first.join('\n  ')}`);
      current = undefined;
    }
    console.log('VERDICT: FAIL — load check could not complete');
    process.exitCode = 1;
  });
