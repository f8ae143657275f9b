/**
 * `npm run bench -- --growth`: how the embedded store grows from 1k to 100k entities. Each size is a lift of the real
 * seed (copies of it, some relations rewired across copies) built in a fresh child process, so its RSS is its own.
 * Reports load (store build to first answer), peak RSS and p50/p90 of a 2-hop neighbourhood, a shortest path and a
 * search, each timed after unmeasured passes over the same samples (a server runs warm; a first pass also times V8
 * compiling the code, which at 1k, where a walk takes microseconds, is most of it); prints a table and writes
 * bench/growth.json.
 * In process only: no server, nothing bound.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EmbeddedStore } from '../src/graph/embedded/store.js';
import type { EntityRecord, RelationRecord, SeedGraph } from '../src/graph/types.js';
import { loadCheckedSeed } from '../src/seed/load.js';
import { TRAVERSAL_LIMITS } from '../src/graph/traversal.js';
import { table } from './table.js';

const SIZES = [1_000, 10_000, 100_000];
/** Share of a copy's relations whose target moves to the same entity in another copy: joins the copies into one graph. */
const REWIRED = 0.1;
const SAMPLES = 200;
/** Unmeasured passes over the samples first: V8 compiles hot code in tiers, and at 1k a walk takes microseconds. */
const WARM_PASSES = 3;
const SEARCHES = ['liquid cooling', '边缘计算', 'edge comp', 'metavrese', 'energy consumption', 'gpu'];
const CHILD_TIMEOUT_MS = 180_000;

/** A small deterministic generator (mulberry32): the same graphs and samples on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The seed lifted to `size` entities: copy 0 is the seed itself, copy c renames every id and name with a suffix and
 * repeats its relations, a tenth of them pointing into another copy, so hubs and degrees resemble the seed's.
 */
export function liftSeed(seed: SeedGraph, size: number): SeedGraph {
  const next = random(11);
  const copies = Math.ceil(size / seed.entities.length);
  const entities: EntityRecord[] = [];
  const suffix = (id: string, c: number) => (c === 0 ? id : `${id}--${c}`);
  for (let c = 0; c < copies && entities.length < size; c++) {
    for (const e of seed.entities) {
      if (entities.length >= size) break;
      entities.push(
        c === 0
          ? e
          : { ...e, id: suffix(e.id, c), name: `${e.name} ${c}`, nameZh: `${e.nameZh}${c}`, aliases: e.aliases.map((a) => `${a} ${c}`) },
      );
    }
  }
  const present = new Set(entities.map((e) => e.id));
  const relations: RelationRecord[] = [];
  const seen = new Set<string>();
  for (let c = 0; c < copies; c++) {
    for (const r of seed.relations) {
      const other = next() < REWIRED && copies > 1 ? Math.floor(next() * copies) : c;
      const lifted = { ...r, source: suffix(r.source, c), target: suffix(r.target, other) };
      const key = `${lifted.type} ${lifted.source} ${lifted.target}`;
      if (!present.has(lifted.source) || !present.has(lifted.target) || seen.has(key)) continue;
      seen.add(key);
      relations.push(lifted);
    }
  }
  return { entities, relations };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

async function timed(n: number, run: (i: number) => Promise<unknown>): Promise<{ p50: number; p90: number }> {
  for (let pass = 0; pass < WARM_PASSES; pass++) for (let i = 0; i < n; i++) await run(i);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await run(i);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p90: percentile(times, 0.9) };
}

export interface GrowthRow {
  entities: number;
  relations: number;
  loadMs: number;
  rssMb: number;
  neighborhood: { p50: number; p90: number };
  shortestPath: { p50: number; p90: number };
  search: { p50: number; p90: number };
}

/** One size, in this process: build, first answer, then the samples. */
async function measureSize(size: number): Promise<GrowthRow> {
  const graph = liftSeed(loadCheckedSeed(fileURLToPath(new URL('../seed', import.meta.url))), size);
  const started = performance.now();
  const store = new EmbeddedStore(graph);
  await store.search({ text: SEARCHES[0], limit: 10 });
  const loadMs = performance.now() - started;
  const next = random(7);
  const ids = Array.from({ length: SAMPLES }, () => graph.entities[Math.floor(next() * graph.entities.length)].id);
  const neighborhood = await timed(SAMPLES, (i) => store.neighborhood({ id: ids[i], depth: 2, limit: 201 }));
  const shortestPath = await timed(SAMPLES, (i) =>
    store.shortestPath({ from: ids[i], to: ids[(i + 1) % SAMPLES], maxDepth: TRAVERSAL_LIMITS.maxPathDepth }),
  );
  const search = await timed(SAMPLES, (i) => store.search({ text: SEARCHES[i % SEARCHES.length], limit: 10 }));
  const rssMb = process.resourceUsage().maxRSS / 1024;
  return { entities: graph.entities.length, relations: graph.relations.length, loadMs, rssMb, neighborhood, shortestPath, search };
}

function runChild(size: number): GrowthRow {
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', String(size)], {
    encoding: 'utf8',
    timeout: CHILD_TIMEOUT_MS,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (child.status !== 0) throw new Error(`growth bench at ${size} entities failed (${child.signal ?? `exit ${child.status}`})`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as GrowthRow;
}

export function growthTable(rows: GrowthRow[]): string {
  const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0));
  return table([
    ['entities', 'relations', 'load ms', 'RSS MB', '2-hop p50/p90 ms', 'path p50/p90 ms', 'search p50/p90 ms'],
    ...rows.map((r) => [
      String(r.entities),
      String(r.relations),
      r.loadMs.toFixed(0),
      r.rssMb.toFixed(0),
      `${ms(r.neighborhood.p50)} / ${ms(r.neighborhood.p90)}`,
      `${ms(r.shortestPath.p50)} / ${ms(r.shortestPath.p90)}`,
      `${ms(r.search.p50)} / ${ms(r.search.p90)}`,
    ]),
  ]);
}

export async function growth(): Promise<void> {
  const rows = SIZES.map(runChild);
  const out = fileURLToPath(new URL('./growth.json', import.meta.url));
  writeFileSync(out, `${JSON.stringify({ measured: new Date().toISOString(), node: process.version, rows }, null, 2)}\n`);
  console.log(`\nEmbedded store growth (lifted seed, ${SAMPLES} samples per query, fresh process per size)\n`);
  console.log(growthTable(rows));
  console.log(`\nwritten to ${out}\n`);
}

const childAt = process.argv.indexOf('--child');
if (childAt >= 0) {
  measureSize(Number(process.argv[childAt + 1])).then(
    (row) => console.log(JSON.stringify(row)),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
