/** `npm run seed:check`: validates the seed and prints each problem as `file: entry: reason`, or the graph's counts. */
import { fileURLToPath } from 'node:url';
import { formatProblem, loadSeedDir } from './load.js';
import { SUPPORT_RULES } from './support.js';

const dir = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? fileURLToPath(new URL('../../seed', import.meta.url));
const { graph, problems, findings } = loadSeedDir(dir);
if (problems.length > 0) {
  for (const p of problems) console.error(formatProblem(p));
  console.error(`seed check failed: ${problems.length} problem(s)`);
  process.exit(1);
}
const kinds = new Map<string, number>();
for (const e of graph.entities) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
const types = new Map<string, number>();
for (const r of graph.relations) types.set(r.type, (types.get(r.type) ?? 0) + 1);
console.log(`seed ok: ${graph.entities.length} entities, ${graph.relations.length} relations`);
console.log(`  kinds: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}`);
console.log(`  relations: ${[...types].map(([t, n]) => `${t} ${n}`).join(', ')}`);
// Support findings: what a reader would call a stretch. Listed with --findings; counted always.
const byRule = new Map<string, number>(Object.keys(SUPPORT_RULES).map((r) => [r, 0]));
for (const f of findings) byRule.set(f.rule, byRule.get(f.rule)! + 1);
console.log(`  support findings: ${[...byRule].map(([r, n]) => `${r} ${n}`).join(', ')}`);
if (process.argv.includes('--findings')) for (const f of findings) console.log(`${f.rule}: ${f.entry}: ${f.reason}`);
