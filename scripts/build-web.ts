/**
 * Builds the web pages (web/ into dist/web/) when they are missing or older than what they are built from: web/,
 * examples/operations/ (the playground's tabs) and package-lock.json. `npm start` runs it first (prestart), the test
 * suite in its global setup; `--force` builds whatever the dates say.
 */
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = [join(root, 'web'), join(root, 'examples', 'operations'), join(root, 'package-lock.json')];
/** Written after a build that finished: a build cut short leaves no stamp and is redone. */
export const STAMP = join(root, 'dist', 'web', '.built');

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** Why the pages need building, or undefined when dist/web is newer than every source. */
export function whyStale(): string | undefined {
  if (!existsSync(STAMP)) return 'dist/web is not built';
  const built = statSync(STAMP).mtimeMs;
  const changed = SOURCES.filter((source) => existsSync(source) && newest(source) > built);
  return changed.length ? `changed since the last build: ${changed.map((s) => s.slice(root.length)).join(', ')}` : undefined;
}

/** Runs web/vite.config.ts and returns how long it took, in milliseconds. */
export async function buildWeb(): Promise<number> {
  const started = performance.now();
  // Loaded here, not at the top: an install without dev dependencies can still start the API, without pages.
  const { build } = await import('vite');
  await build({ configFile: join(root, 'web', 'vite.config.ts'), logLevel: 'warn' });
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
  return performance.now() - started;
}

/** Builds when stale; says what it did. */
export async function buildWebIfStale(log: (line: string) => void = console.log): Promise<void> {
  const why = whyStale();
  if (!why) return;
  log(`web: building the pages (${why})`);
  const ms = await buildWeb();
  log(`web: built dist/web in ${(ms / 1000).toFixed(1)} s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const force = process.argv.includes('--force');
  try {
    if (force) console.log(`web: built dist/web in ${((await buildWeb()) / 1000).toFixed(1)} s`);
    else await buildWebIfStale();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && !force) {
      console.warn('web: not building the pages: Vite is not installed (npm ci without --omit=dev installs it); the API runs without them');
    } else {
      throw error;
    }
  }
}
