/**
 * `npm run audit`: a reproducible precision audit of the seed.
 *   npm run audit -- draw --seed 7 --relations 150 --entities 80   writes seed/audits/seed-7.yaml to be reviewed
 *   npm run audit -- apply seed/audits/seed-7.yaml v1.yaml v2.yaml   sets verdicts from reviewers' files ({part, i, verdict, note})
 *   npm run audit -- score seed/audits/seed-7.yaml                 counts the verdicts
 * A draw takes stated relations (not the derived MENTIONED_IN) and entities (not sections, figures or metrics) at
 * random with a seeded generator, so anyone can draw the same sample again. A reviewer sets each `verdict`:
 * SUPPORTED (the quote states exactly this), WEAK (it implies it, or states something near), WRONG (it does not).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dump, load } from 'js-yaml';
import { loadCheckedSeed } from '../src/seed/load.js';
import { seededRandom } from '../tests/random.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const VERDICTS = ['SUPPORTED', 'WEAK', 'WRONG'] as const;

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

function sample<T>(items: T[], size: number, next: () => number): T[] {
  const pool = [...items];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, size);
}

function draw() {
  const seed = arg('seed', 1);
  const graph = loadCheckedSeed(`${root}seed`);
  const byId = new Map(graph.entities.map((e) => [e.id, e]));
  const next = seededRandom(seed);
  const stated = graph.relations.filter((r) => r.type !== 'MENTIONED_IN');
  const relations = sample(stated, arg('relations', 150), next).map((r) => {
    const [a, b] = [byId.get(r.source)!, byId.get(r.target)!];
    return { type: r.type, from: `${a.id} (${a.nameZh})`, to: `${b.id} (${b.nameZh})`, section: r.section, evidence: r.evidence, verdict: 'TODO', note: '' };
  });
  const described = graph.entities.filter((e) => !['Section', 'Figure', 'Metric'].includes(e.kind));
  const entities = sample(described, arg('entities', 80), next).map((e) => ({ id: e.id, kind: e.kind, name: e.name, nameZh: e.nameZh, aliases: e.aliases, verdict: 'TODO', note: '' }));
  mkdirSync(`${root}seed/audits`, { recursive: true });
  const file = `${root}seed/audits/seed-${seed}.yaml`;
  writeFileSync(file, `# Precision audit, drawn with: npm run audit -- draw --seed ${seed}\n# verdict: ${VERDICTS.join(' | ')}\n${dump({ seed, relations, entities }, { lineWidth: 200 })}`);
  console.log(`wrote ${file}: ${relations.length} relations of ${stated.length}, ${entities.length} entities of ${described.length}`);
}

function score(file: string) {
  const audit = load(readFileSync(file, 'utf8')) as { relations: { verdict: string }[]; entities: { verdict: string }[] };
  for (const list of ['relations', 'entities'] as const) {
    const counts = Object.fromEntries([...VERDICTS, 'TODO'].map((v) => [v, 0])) as Record<string, number>;
    for (const item of audit[list]) counts[item.verdict in counts ? item.verdict : 'TODO']++;
    const total = audit[list].length;
    console.log(`${list}: ${VERDICTS.map((v) => `${v} ${counts[v]}`).join(', ')}${counts.TODO ? `, not reviewed ${counts.TODO}` : ''}; supported ${((100 * counts.SUPPORTED) / total).toFixed(1)}%`);
  }
}

/** Reviewers split a sample and each writes `- { i, verdict, note }` lines for one part (relations or entities). */
function apply(file: string, verdictFiles: string[]) {
  const text = readFileSync(file, 'utf8');
  const header = text.split('\n').filter((line) => line.startsWith('#')).join('\n');
  const audit = load(text) as { seed: number; relations: Record<string, unknown>[]; entities: Record<string, unknown>[] };
  for (const verdictFile of verdictFiles) {
    const part = verdictFile.includes('-ent') ? 'entities' : 'relations';
    for (const v of load(readFileSync(verdictFile, 'utf8')) as { i: number; verdict: string; note?: string }[]) {
      if (!VERDICTS.includes(v.verdict as (typeof VERDICTS)[number])) throw new Error(`${verdictFile}: item ${v.i} has verdict "${v.verdict}"`);
      Object.assign(audit[part][v.i], { verdict: v.verdict, note: v.note ?? '' });
    }
  }
  writeFileSync(file, `${header}\n${dump(audit, { lineWidth: 200 })}`);
}

if (process.argv[2] === 'draw') draw();
else if (process.argv[2] === 'apply' && process.argv[3]) apply(process.argv[3], process.argv.slice(4));
else if (process.argv[2] === 'score' && process.argv[3]) score(process.argv[3]);
else {
  console.error('usage: npm run audit -- draw --seed N [--relations 150] [--entities 80] | apply <file> <verdict files…> | score <file>');
  process.exit(2);
}
