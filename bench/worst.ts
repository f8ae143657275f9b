/**
 * `npm run bench:worst`: the slowest query the limits accept, and what it does to everyone else.
 * Prices thousands of generated queries (tests/query-generator.ts) and a few hand-made heavy ones against the production
 * server in its own process, re-times the slowest accepted ones, then measures `{ __typename }` latency while 8 clients
 * run the slowest one back to back. Every loop is bounded in time.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { unusedPort } from '../tests/helpers.js';
import { generateQuery } from '../tests/query-generator.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const GENERATED = Number(process.env.WORST_QUERIES ?? 3000);
const PRESSURE_SECONDS = Number(process.env.WORST_SECONDS ?? 10);

const HANDMADE: Record<string, string> = {
  'widest neighbourhood, every type': `{ neighborhood(id: "artificial-intelligence", depth: 3, limit: 500, relationTypes: [${'USES ENABLES APPLIED_IN AFFECTS ADDRESSES CAUSES DRIVES REQUIRES PROPOSES DEVELOPED_BY RUNS_ON MEASURES SOURCED_FROM PART_OF IS_A INTEGRATES_WITH LOCATED_IN INVESTS_IN PUBLISHED_BY ILLUSTRATES MENTIONED_IN'.split(' ').join(', ')}]) { truncated nodes { id name nameZh description descriptionZh } edges { type evidence } } }`,
  'the largest section, every relation with both ends': '{ entity(id: "section-3-2-1") { relations { type evidence source { id name nameZh description } target { id name nameZh description } section { id name } } } }',
  'longest path search': '{ shortestPath(from: "seawater-cooling", to: "tensorflow", maxDepth: 10) { length nodes { id name description } edges { type evidence } } }',
  'a page of entities with a page of relations each': '{ entities(first: 100) { nodes { id name relations(first: 30) { type evidence target { id name } } } } }',
};

interface Timed {
  status: number;
  ms: number;
  bytes: number;
  cost?: number;
  code?: string;
}

async function post(url: string, query: string): Promise<Timed> {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const text = await response.text();
  const ms = performance.now() - started;
  const body = JSON.parse(text);
  return { status: response.status, ms, bytes: Buffer.byteLength(text), cost: body.extensions?.cost?.requested, code: body.errors?.[0]?.extensions?.code };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main() {
  const port = await unusedPort();
  const url = `http://127.0.0.1:${port}/graphql`;
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: 'inherit',
  });
  const stopAt = setTimeout(() => server.kill('SIGKILL'), 15 * 60_000);
  try {
    for (let i = 0; i < 300; i++) {
      if ((await fetch(`http://127.0.0.1:${port}/ready`).then((r) => r.status, () => 0)) === 200) break;
      await new Promise((r) => setTimeout(r, 100));
    }

    const candidates: { name: string; query: string; first: Timed }[] = [];
    let refused = 0;
    for (const [name, query] of Object.entries(HANDMADE)) {
      const first = await post(url, query);
      if (first.status !== 200 || first.code) console.log(`hand-made "${name}" was refused: ${first.status} ${first.code}`);
      else candidates.push({ name, query, first });
    }
    for (let seed = 1; seed <= GENERATED; seed++) {
      const query = generateQuery(seed);
      const first = await post(url, query);
      if (first.status === 200 && !first.code) candidates.push({ name: `generated #${seed}`, query, first });
      else refused++;
    }
    console.log(`${candidates.length} accepted queries timed (${refused} generated ones refused by the limits)`);

    // Re-time the ten slowest five times each: the median is the figure.
    const slowest = candidates.sort((a, b) => b.first.ms - a.first.ms).slice(0, 10);
    const retimed = [];
    for (const c of slowest) {
      const runs: Timed[] = [];
      for (let i = 0; i < 5; i++) runs.push(await post(url, c.query));
      retimed.push({ ...c, median: percentile(runs.map((r) => r.ms), 50), bytes: runs[0].bytes, cost: runs[0].cost });
    }
    retimed.sort((a, b) => b.median - a.median);
    console.log('\nslowest accepted queries (median of 5):');
    for (const r of retimed.slice(0, 5)) console.log(`  ${r.median.toFixed(1)} ms, ${(r.bytes / 1024).toFixed(1)} KiB, cost ${r.cost}: ${r.name}`);
    const worst = retimed[0];
    console.log(`\nthe slowest: ${worst.name}\n  ${worst.query.slice(0, 400)}${worst.query.length > 400 ? '…' : ''}`);

    // Eight clients run the slowest query back to back while one asks { __typename } every 20 ms.
    const until = performance.now() + PRESSURE_SECONDS * 1000;
    let heavy = 0;
    const clients = Array.from({ length: 8 }, async () => {
      while (performance.now() < until) {
        await post(url, worst.query);
        heavy++;
      }
    });
    const typename: number[] = [];
    while (performance.now() < until) {
      typename.push((await post(url, '{ __typename }')).ms);
      await new Promise((r) => setTimeout(r, 20));
    }
    await Promise.all(clients);
    console.log(
      `\n{ __typename } while 8 clients run it (${PRESSURE_SECONDS} s, ${heavy} heavy answers): ` +
        `p50 ${percentile(typename, 50).toFixed(1)} ms, p99 ${percentile(typename, 99).toFixed(1)} ms, max ${Math.max(...typename).toFixed(1)} ms (${typename.length} samples)`,
    );
  } finally {
    clearTimeout(stopAt);
    server.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
