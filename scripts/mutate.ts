/**
 * `npm run mutate`: Stryker over src/ (stryker.config.mjs) with the Neo4j leg of the tests against a real server.
 *
 * Neo4j: the server at NEO4J_URI when that is set (NEO4J_USER, NEO4J_PASSWORD too), else a fresh Neo4j 5.26 started
 * by scripts/neo4j.sh in a temporary folder (needs java and mvn, as `npm test` does) and stopped at the end, also on
 * Ctrl-C. Without either, the Neo4j tests are skipped and the Neo4j store's mutants survive: it says so.
 *
 * Arguments go to `stryker run`. A run limited with --mutate (`npm run mutate -- --mutate 'src/graph/**'`) starts
 * from the committed incremental file and merges its results back into it, so the whole-run file keeps every file.
 * Prints the mutation score per folder at the end (`npm run mutate -- --scores` prints them without running).
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { default: strykerConfig } = (await import(new URL('../stryker.config.mjs', import.meta.url).href)) as { default: { mutate: string[] } };
const neo4jSh = join(root, 'scripts/neo4j.sh');
const INCREMENTAL = join(root, 'reports/stryker-incremental.json');
const PARTIAL = join(root, 'reports/stryker-incremental.partial.json');

/** Folders whose scores the README reports, most specific first (a mutant counts in the first that holds it). */
export const FOLDERS = ['src/graph/embedded/', 'src/graph/neo4j/', 'src/graph/', 'src/seed/', 'src/resolvers/', 'src/'];

interface Report {
  files: Record<string, { mutants: { status: string; killedBy?: string[] }[] }>;
  testFiles?: Record<string, { tests: { id: string }[] }>;
  [key: string]: unknown;
}

interface Score {
  folder: string;
  detected: number;
  undetected: number;
  score: number;
  /** Detected by the suites older than tests/*.mutants.test.ts (which run last: vitest.mutate.config.ts). */
  detectedBefore: number;
  scoreBefore: number;
}

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/** Whether the config's mutate list leaves a file out (a run limited with --mutate may have mutated it). */
function excluded(file: string): boolean {
  return strykerConfig.mutate.some((g) => g.startsWith('!') && (g.endsWith('/**') ? file.startsWith(g.slice(1, -2)) : file === g.slice(1)));
}

/** Killed and timed-out mutants over those plus survivors and uncovered ones (Stryker's mutation score), per folder. */
export function scores(report: Report): Score[] {
  const newTests = new Set<string>();
  for (const [file, { tests }] of Object.entries(report.testFiles ?? {})) if (file.endsWith('.mutants.test.ts')) for (const t of tests) newTests.add(t.id);
  const count = (match: (file: string) => boolean) => {
    let detected = 0;
    let undetected = 0;
    let detectedBefore = 0;
    for (const [file, { mutants }] of Object.entries(report.files)) {
      const path = file.replace(/\\/g, '/');
      if (excluded(path) || !match(path)) continue;
      for (const m of mutants) {
        if (DETECTED.has(m.status)) {
          detected++;
          if (!(m.killedBy ?? []).some((id) => newTests.has(id))) detectedBefore++;
        } else if (UNDETECTED.has(m.status)) undetected++;
      }
    }
    const all = detected + undetected;
    return { detected, undetected, score: (100 * detected) / all, detectedBefore, scoreBefore: (100 * detectedBefore) / all };
  };
  const inFolder = (file: string, folder: string) => file.startsWith(folder);
  const rows: Score[] = [{ folder: 'all measured files', ...count(() => true) }];
  rows.push({ folder: 'src/graph/ (with embedded/ and neo4j/)', ...count((f) => inFolder(f, 'src/graph/')) });
  for (const folder of FOLDERS) {
    rows.push({ folder: folder === 'src/' ? 'src/*.ts (the rest)' : folder, ...count((f) => FOLDERS.find((x) => inFolder(f, x)) === folder) });
  }
  return rows;
}

function printScores() {
  if (!existsSync(INCREMENTAL)) return console.log(`no ${INCREMENTAL} yet`);
  const rows = scores(JSON.parse(readFileSync(INCREMENTAL, 'utf8')) as Report);
  console.log('\nmutation score = (killed + timeout) / (killed + timeout + survived + no coverage); "before": without tests/*.mutants.test.ts');
  for (const r of rows) {
    console.log(`  ${r.folder.padEnd(40)} ${r.score.toFixed(1).padStart(5)}%  (${r.detected} of ${r.detected + r.undetected})   before ${r.scoreBefore.toFixed(1).padStart(5)}%`);
  }
}

function has(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

let neo4jHome: string | undefined;
function stopNeo4j() {
  if (!neo4jHome) return;
  const home = neo4jHome;
  neo4jHome = undefined;
  execFileSync('bash', [neo4jSh, 'stop'], { env: { ...process.env, NEO4J_LOCAL_DIR: home }, stdio: 'inherit', timeout: 60_000 });
  rmSync(home, { recursive: true, force: true });
}

function neo4jEnv(): Record<string, string> {
  if (process.env.NEO4J_URI) {
    console.log(`mutate: the Neo4j leg runs against NEO4J_URI=${process.env.NEO4J_URI}`);
    return {};
  }
  const missing = ['java', 'mvn'].filter((c) => !has(c));
  if (missing.length) {
    console.warn(`mutate: the Neo4j leg will NOT run (no ${missing.join(' or ')} on PATH and NEO4J_URI is not set): the Neo4j store's mutants will survive`);
    return {};
  }
  neo4jHome = mkdtempSync(join(tmpdir(), 'kg-mutate-neo4j-'));
  const password = randomBytes(12).toString('hex');
  const out = execFileSync('bash', [neo4jSh, 'start'], {
    env: { ...process.env, NEO4J_LOCAL_DIR: neo4jHome, NEO4J_PASSWORD: password },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 300_000,
  });
  const uri = /^NEO4J_URI=(\S+)$/m.exec(out)?.[1];
  if (!uri) throw new Error(`scripts/neo4j.sh start printed no NEO4J_URI: ${out}`);
  console.log(`mutate: started Neo4j at ${uri} for this run`);
  return { NEO4J_URI: uri, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: password };
}

/** Folds a partial run's files into the whole-run incremental file (the partial run's files replace their old results). */
function mergePartial() {
  if (!existsSync(PARTIAL)) return;
  const partial = JSON.parse(readFileSync(PARTIAL, 'utf8')) as Report;
  const whole = existsSync(INCREMENTAL) ? (JSON.parse(readFileSync(INCREMENTAL, 'utf8')) as Report) : { files: {} };
  writeFileSync(INCREMENTAL, `${JSON.stringify({ ...partial, files: { ...whole.files, ...partial.files } }, null, 2)}\n`);
  rmSync(PARTIAL);
}

async function main() {
  if (process.argv.includes('--scores')) return printScores();
  // Stryker keeps only the last --mutate: several are joined into its comma-separated list.
  const globs: string[] = [];
  const args: string[] = [];
  for (let i = 2; i < process.argv.length; i++) {
    const a = process.argv[i];
    if (a === '--mutate' || a === '-m') globs.push(process.argv[++i]);
    else if (a.startsWith('--mutate=')) globs.push(a.slice('--mutate='.length));
    else args.push(a);
  }
  const partial = globs.length > 0;
  // A --mutate list replaces the config's: its exclusions (generated code, entry points) are added back.
  const exclusions = strykerConfig.mutate.filter((g) => g.startsWith('!'));
  if (partial) args.push('--mutate', [...globs, ...exclusions].join(','));
  if (partial && existsSync(INCREMENTAL)) copyFileSync(INCREMENTAL, PARTIAL);
  const env = { ...process.env, ...neo4jEnv() };
  const strykerArgs = ['run', ...args, ...(partial ? ['--incrementalFile', PARTIAL] : [])];
  const code = await new Promise<number>((resolve) => {
    const child = spawn(join(root, 'node_modules/.bin/stryker'), strykerArgs, { cwd: root, env, stdio: 'inherit' });
    child.on('exit', (c, signal) => resolve(c ?? (signal ? 130 : 1)));
  });
  if (partial) mergePartial();
  stopNeo4j();
  printScores();
  process.exitCode = code;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopNeo4j();
    process.exit(130);
  });
}

await main().catch((error) => {
  stopNeo4j();
  throw error;
});
