/**
 * `npm run bench`: throughput of representative queries and start-up time, each reported as a ratio against a
 * baseline measured in the same run on the same machine (absolute numbers vary between machines; ratios less so).
 *
 * Throughput baseline: a bare node:http server answering with the same response bytes, precomputed.
 * Start-up baseline: a bare node process that starts an HTTP server and answers once.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { pino } from 'pino';
import { EmbeddedStore } from '../src/graph/embedded/store.js';
import { loadCheckedSeed } from '../src/seed/load.js';
import { startServer } from '../src/server.js';
import { QUERIES } from './queries.js';
import { table } from './table.js';
import { growth } from './growth.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 10;


async function measure(url: string, body: string): Promise<number> {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections: CONNECTIONS,
    duration: SECONDS,
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`bench request failed: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}

async function rawServer(bytes: Buffer): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': bytes.length });
      res.end(bytes);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Milliseconds from spawning `command` until `url` answers `body` with 200. */
async function timeToFirstAnswer(command: string, args: string[], env: Record<string, string>, url: string, body: string): Promise<number> {
  const started = performance.now();
  // A process group of its own, so that stopping it also stops what npx started.
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: 'ignore', detached: true });
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
    process.kill(-child.pid!, 'SIGTERM');
  }
}

async function main() {
  const store = new EmbeddedStore(loadCheckedSeed(new URL('../seed', import.meta.url).pathname));
  const api = await startServer(store, { host: '127.0.0.1', port: 0, introspection: false, production: true }, pino({ level: 'silent' }));
  const rows: string[][] = [];
  try {
    for (const [name, query] of Object.entries(QUERIES)) {
      const body = JSON.stringify({ query });
      const response = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const bytes = Buffer.from(await response.arrayBuffer());
      const raw = await rawServer(bytes);
      const baseline = await measure(raw.url, body);
      await raw.close();
      const ours = await measure(api.url, body);
      rows.push([name, `${bytes.length} B`, baseline.toFixed(0), ours.toFixed(0), (ours / baseline).toFixed(3)]);
    }
  } finally {
    await api.stop();
  }

  const probe = JSON.stringify({ query: '{ stats { entities } }' });
  const bare = `require('http').createServer((q,s)=>{q.resume();q.on('end',()=>s.end('{}'))}).listen(4791,'127.0.0.1')`;
  const baselineStart = await timeToFirstAnswer(process.execPath, ['-e', bare], {}, 'http://127.0.0.1:4791/', probe);
  const ourStart = await timeToFirstAnswer('npm', ['start', '--silent'], { PORT: '4792', LOG_LEVEL: 'silent' }, 'http://127.0.0.1:4792/graphql', probe);

  console.log(`\nThroughput: ${CONNECTIONS} connections, ${SECONDS} s each, requests per second (autocannon)\n`);
  console.log(table([['query', 'response', 'raw node:http', 'this API', 'ratio'], ...rows]));
  console.log(`\nStart-up to first answer: bare node ${baselineStart.toFixed(0)} ms, npm start's command ${ourStart.toFixed(0)} ms, ratio ${(ourStart / baselineStart).toFixed(1)}\n`);
}


(process.argv.includes('--growth') ? growth() : main()).catch((error) => {
  console.error(error);
  process.exit(1);
});
