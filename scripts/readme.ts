/**
 * `npm run readme`: fills the README's generated sections (graph counts, example queries with their real output,
 * the relation vocabulary, the Browser guide) from the real seed. tests/readme.test.ts fails when the README no longer matches.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RELATION_RULES, RELATION_TYPES, relationMeaning } from '../src/graph/vocabulary.js';
import { TestApi, embeddedStore } from '../tests/helpers.js';
import { SEARCH_QUALITY } from '../tests/search-quality.js';

const root = fileURLToPath(new URL('..', import.meta.url));

function trim(value: unknown, max: number): unknown {
  if (Array.isArray(value)) {
    const kept = value.slice(0, max).map((v) => trim(v, max));
    return value.length > max ? [...kept, `… ${value.length - max} more`] : kept;
  }
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, trim(v, max)]));
  return value;
}

const examples: [string, string, number][] = [
  ['Which solutions address energy consumption, and where does the whitepaper say so?', `{
  entity(id: "energy-consumption") {
    name
    nameZh
    ... on Challenge {
      solutions { id name nameZh kind }
    }
    relations(types: [ADDRESSES], direction: IN) {
      source { name }
      section { number }
      evidence
    }
  }
}`, 4],
  ['What does the metaverse use, and what does AIGC need?', `{
  metaverse: entity(id: "metaverse") {
    nameZh
    ... on Application { technologies { name nameZh } }
  }
  aigc: search(text: "AIGC", first: 1) {
    entity {
      name
      related(type: REQUIRES) { name nameZh }
      ... on Application { models { name } }
    }
  }
}`, 6],
  ['How are liquid cooling and AIGC connected?', `{
  shortestPath(from: "liquid-cooling", to: "aigc") {
    length
    nodes { name kind }
    edges { type source { name } target { name } evidence }
  }
}`, 5],
  ["What grew how fast? China's intelligent computing power, with sources and quotes", `{
  metrics(subject: "智能算力", region: "中国") {
    name value unit year period forecast source evidence
  }
}`, 4],
  ['What did New H3C launch?', `{
  search(text: "新华三", first: 1) {
    entity {
      name
      ... on Organization {
        products { name nameZh kind }
      }
    }
  }
}`, 6],
  ['AI penetration by industry, 2021 against 2022, and the leader the whitepaper names without a score', `{
  metrics(indicator: "ai-penetration") {
    subject { nameZh }
    year value unit unitCode
  }
}`, 8],
  ['What happened when? The timeline, and what each event concerns', `{
  entities(kind: Event, first: 20) {
    edges {
      node {
        nameZh
        ... on Event { year concerns { name } }
      }
    }
  }
}`, 4],
  ['Search in either language', `{
  zh: search(text: "边缘", first: 3) { score entity { id kind nameZh } }
  en: search(text: "edge comp", first: 3) { score entity { id kind name } }
}`, 3],
];

/** JSON with flat objects and short scalar lists on one line, so excerpts stay readable. */
function pretty(value: unknown, indent = ''): string {
  const flat = (v: unknown) => v === null || typeof v !== 'object';
  if (Array.isArray(value)) {
    if (value.every(flat) && JSON.stringify(value).length < 80) return JSON.stringify(value);
    return `[\n${value.map((v) => indent + '  ' + pretty(v, indent + '  ')).join(',\n')}\n${indent}]`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.every(([, v]) => flat(v) || (v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every(flat))) && JSON.stringify(value).length < 110) {
      return `{ ${entries.map(([k, v]) => `"${k}": ${flat(v) ? JSON.stringify(v) : `{ ${Object.entries(v as object).map(([a, b]) => `"${a}": ${JSON.stringify(b)}`).join(', ')} }`}`).join(', ')} }`;
    }
    return `{\n${entries.map(([k, v]) => `${indent}  "${k}": ${pretty(v, indent + '  ')}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

export async function renderExamples(api: TestApi): Promise<string> {
  const parts: string[] = [];
  for (const [title, query, max] of examples) {
    const data = await api.data(query);
    parts.push(`**${title}**\n\n\`\`\`graphql\n${query}\n\`\`\`\n\n\`\`\`json\n${pretty(trim(data, max))}\n\`\`\``);
  }
  return parts.join('\n\n');
}

export async function renderStats(api: TestApi): Promise<string> {
  const { stats } = await api.data('{ stats { entities relations kinds { kind count } relationTypes { type count } } }');
  const count = (type: string) => stats.relationTypes.find((t: any) => t.type === type).count;
  const lines = [
    `${stats.entities} entities and ${stats.relations} relations: ${count('MENTIONED_IN')} section mentions (\`MENTIONED_IN\`, derived from ` +
      `where names occur), ${count('MEASURES')} metric subjects (\`MEASURES\`) and ${stats.relations - count('MENTIONED_IN') - count('MEASURES')} ` +
      'other links stated by the text, counted by `{ stats { … } }`:',
    '',
    '| kind | count | kind | count |',
    '| --- | --- | --- | --- |',
  ];
  const kinds = stats.kinds;
  for (let i = 0; i < kinds.length; i += 2) lines.push(`| ${kinds[i].kind} | ${kinds[i].count} | ${kinds[i + 1]?.kind ?? ''} | ${kinds[i + 1]?.count ?? ''} |`);
  return lines.join('\n');
}

/** The worked operations of examples/operations, each a question (its first comment line) and one named operation. */
export function operationFiles(): { file: string; question: string; document: string }[] {
  const dir = `${root}/examples/operations`;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const text = readFileSync(`${dir}/${file}`, 'utf8');
      const question = /^#\s*(.+)$/m.exec(text)?.[1] ?? file;
      return { file, question, document: text.replace(/^#.*\n/, '').trim() };
    });
}

export async function renderOperations(api: TestApi): Promise<string> {
  const parts: string[] = [];
  for (const { file, question, document } of operationFiles()) {
    const data = await api.data(document);
    parts.push(`<details><summary>${question} (<a href="examples/operations/${file}">${file}</a>)</summary>\n\n\`\`\`graphql\n${document}\n\`\`\`\n\n\`\`\`json\n${pretty(trim(data, 3))}\n\`\`\`\n\n</details>`);
  }
  return parts.join('\n\n');
}

/** The search-quality table of tests/search-quality.ts: each query's expected top hit beside the actual one and its score. */
export async function renderSearchQuality(api: TestApi): Promise<string> {
  const rows: string[] = [];
  let expected = 0;
  for (const { text, kinds, top, why } of SEARCH_QUALITY) {
    const { search } = await api.data('query($text: String!, $kinds: [EntityKind!]) { search(text: $text, kinds: $kinds, first: 1) { score entity { id } } }', { text, kinds });
    const actual: string | null = search[0]?.entity.id ?? null;
    if (actual === top) expected++;
    const mark = actual === top ? '' : ' ✗';
    rows.push(`| \`${text}\` | ${kinds?.join(', ') ?? ''} | ${top ?? '(no hit)'} | ${actual ?? '(no hit)'}${mark} | ${search[0]?.score ?? ''} | ${why} |`);
  }
  return [
    `${expected}/${SEARCH_QUALITY.length} as expected.`,
    '',
    '| query | kinds | expected top hit | actual top hit | score | what it tests |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** The relation types and how to read each, from the one vocabulary the seed checker and the schema use. */
export function renderVocabulary(): string {
  const rows = RELATION_TYPES.map((type) => {
    return `| \`${type}\` | ${relationMeaning(type)}${RELATION_RULES[type].derived ? ' (derived by the loader)' : ''} |`;
  });
  return ['| relation type | read `source TYPE target` as |', '| --- | --- |', ...rows].join('\n');
}

export function renderGuide(): string {
  const guide = readFileSync(`${root}/browser/queries.cypher`, 'utf8');
  const queries = guide.split(/;\s*\n/).map((q) => q.trim()).filter(Boolean);
  return queries
    .map((q) => {
      const lines = q.split('\n');
      const title = lines.filter((l) => l.startsWith('//')).map((l) => l.replace(/^\/\/\s*/, '')).join(' ');
      const body = lines.filter((l) => !l.startsWith('//')).join('\n').trim();
      return `${title}\n\n\`\`\`cypher\n${body}\n\`\`\``;
    })
    .join('\n\n');
}

/** The README with the text between `<!-- name -->` and `<!-- /name -->` replaced by `content`. */
export function fill(readme: string, name: string, content: string): string {
  const re = new RegExp(`<!-- ${name} -->[\\s\\S]*?<!-- /${name} -->`);
  return readme.replace(re, () => `<!-- ${name} -->\n${content}\n<!-- /${name} -->`);
}

/** The text between the markers, as the README holds it now. */
export function section(readme: string, name: string): string | undefined {
  return new RegExp(`<!-- ${name} -->\\n([\\s\\S]*?)\\n<!-- /${name} -->`).exec(readme)?.[1];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const api = new TestApi(embeddedStore());
  let readme = readFileSync(`${root}/README.md`, 'utf8');
  readme = fill(readme, 'examples', await renderExamples(api));
  readme = fill(readme, 'stats', await renderStats(api));
  readme = fill(readme, 'guide', renderGuide());
  readme = fill(readme, 'vocabulary', renderVocabulary());
  readme = fill(readme, 'operations', await renderOperations(api));
  readme = fill(readme, 'search-quality', await renderSearchQuality(api));
  writeFileSync(`${root}/README.md`, readme);
  console.log('README updated');
}
