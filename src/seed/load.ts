/** Reads the seed files, checks them against the vocabulary and the source text, and builds the graph records. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { load as parseYaml } from 'js-yaml';
import type { z } from 'zod';
import type { EntityRecord, RelationRecord, SeedGraph } from '../graph/types.js';
import { collapseWhitespace, nameKey } from '../graph/text.js';
import { METRIC_UNITS, RELATION_RULES, isAllowed, isDocumentPart, sectionId, type RelationType } from '../graph/vocabulary.js';
import { SourceText } from './source.js';
import { SUPPORT_RULES, checkSupport, type SupportFinding } from './support.js';
import {
  chapterFileSchema,
  entitySchema,
  eventSchema,
  exceptionsFileSchema,
  metricSchemaChecked,
  relationSchema,
  sectionsFileSchema,
  type EventInput,
  type MetricInput,
  type RelationInput,
  type SectionsFile,
} from './schema.js';

export interface SeedProblem {
  file: string;
  entry: string;
  reason: string;
}

export type { SeedGraph };

export interface SeedResult {
  graph: SeedGraph;
  problems: SeedProblem[];
  /** What the support rules found (src/seed/support.ts), less the exceptions seed/exceptions.yaml justifies. */
  findings: SupportFinding[];
}

export interface SeedFile {
  /** Path relative to the seed folder, e.g. `chapters/01-front.yaml`. */
  path: string;
  content: string;
}

const SOURCE_FILE = 'source.txt';
export const SECTIONS_FILE = 'entities/sections.yaml';
export const EXCEPTIONS_FILE = 'exceptions.yaml';

/** Reads every seed file below `dir`: source.txt, entities/*.yaml and chapters/*.yaml. */
function readSeedDir(dir: string): { source: string; files: SeedFile[] } {
  const files: SeedFile[] = [];
  for (const sub of ['entities', 'chapters']) {
    // Stryker disable next-line MethodExpression: equivalent, readdirSync already returns names in byte order (README: Mutation testing)
    for (const name of readdirSync(join(dir, sub)).filter((n) => /\.ya?ml$/.test(n)).sort()) {
      files.push({ path: `${sub}/${name}`, content: readFileSync(join(dir, sub, name), 'utf8') });
    }
  }
  if (existsSync(join(dir, EXCEPTIONS_FILE))) files.push({ path: EXCEPTIONS_FILE, content: readFileSync(join(dir, EXCEPTIONS_FILE), 'utf8') });
  return { source: readFileSync(join(dir, SOURCE_FILE), 'utf8'), files };
}

export function loadSeedDir(dir: string): SeedResult {
  const { source, files } = readSeedDir(dir);
  return buildSeed(source, files);
}

/** Throws with every problem listed when the seed is not clean: what a server start-up wants. */
export function loadCheckedSeed(dir: string): SeedGraph {
  const { graph, problems } = loadSeedDir(dir);
  if (problems.length > 0) {
    throw new Error(`seed in ${dir} has ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`);
  }
  return graph;
}

export function formatProblem(p: SeedProblem): string {
  return `${p.file}: ${p.entry}: ${p.reason}`;
}

interface Located {
  section: string;
  position: number;
}

/** Mention detection skips these: their names are titles and captions, not things the text talks about. */
// Metrics and events are their quotes: they stand in their quote's section, not wherever their words recur.
const NOT_MENTIONED = new Set(['Section', 'Figure', 'Metric', 'Event']);

/** Builds the graph from the source text and the seed files, collecting every problem instead of stopping at the first. */
export function buildSeed(sourceRaw: string, files: SeedFile[]): SeedResult {
  const problems: SeedProblem[] = [];
  const report = (file: string, entry: string, reason: string) => problems.push({ file, entry, reason });

  const sectionsFile = files.find((f) => f.path === SECTIONS_FILE);
  if (!sectionsFile) {
    report(SECTIONS_FILE, '-', 'missing');
    return { graph: { entities: [], relations: [] }, problems, findings: [] };
  }
  const sectionsParsed = parseFile(sectionsFile, sectionsFileSchema, report);
  if (!sectionsParsed) return { graph: { entities: [], relations: [] }, problems, findings: [] };
  const source = new SourceText(sourceRaw, sectionsParsed.sections, sectionsParsed.bodyStartsAfter, sectionsParsed.contentsStartsAt);
  for (const p of source.problems) report(SECTIONS_FILE, 'heading', p);

  const entities = new Map<string, EntityRecord>();
  const definedIn = new Map<string, string>();
  const relations: RelationRecord[] = [];
  const relationKeys = new Set<string>();

  const define = (file: string, record: EntityRecord) => {
    if (entities.has(record.id)) {
      report(file, record.id, `duplicate id: already defined in ${definedIn.get(record.id)}`);
      return false;
    }
    entities.set(record.id, record);
    definedIn.set(record.id, file);
    return true;
  };

  const locate = (file: string, entry: string, evidence: string, hint?: string): Located | undefined => {
    const found = source.occurrences(evidence);
    if (found.length === 0) {
      report(file, entry, `evidence not found verbatim in source.txt (compared after collapsing whitespace): "${evidence}"`);
      return undefined;
    }
    if (hint !== undefined) {
      if (!source.hasSection(hint)) {
        report(file, entry, `unknown section "${hint}"`);
        return undefined;
      }
      const inside = found.filter((at) => source.isWithin(at, hint));
      if (inside.length === 0) {
        report(file, entry, `evidence occurs in section ${source.sectionAt(found[0])}, not in section ${hint}`);
        return undefined;
      }
      return { section: source.sectionAt(inside[0]), position: inside[0] };
    }
    const sections = [...new Set(found.map((at) => source.sectionAt(at)))];
    if (sections.length > 1) {
      report(file, entry, `evidence occurs in sections ${sections.join(', ')}: say which with \`section\``);
      return undefined;
    }
    return { section: sections[0], position: found[0] };
  };

  const addRelation = (file: string, r: RelationRecord) => {
    const key = `${r.type}|${r.source}|${r.target}`;
    if (relationKeys.has(key)) {
      report(file, `${r.type} ${r.source} -> ${r.target}`, 'duplicate relation: one per (type, from, to)');
      return;
    }
    relationKeys.add(key);
    relations.push(r);
  };

  // Sections and figures: entities derived from the document's structure.
  addStructure(sectionsParsed, source, define, addRelation, (entry, reason) => report(SECTIONS_FILE, entry, reason));

  // Entities and metrics first, so relations in any file can reference any id.
  const metricInputs: { file: string; metric: MetricInput }[] = [];
  const eventInputs: { file: string; event: EventInput }[] = [];
  const relationInputs: { file: string; relation: RelationInput }[] = [];
  const declaredSections = new Map<string, { file: string; sections: string[] }>();
  for (const file of files) {
    if (file.path === SECTIONS_FILE || file.path === EXCEPTIONS_FILE) continue;
    const doc = parseFile(file, chapterFileSchema, report);
    if (!doc) continue;
    doc.entities.forEach((raw, i) => {
      const e = validate(file.path, entryName(raw, i, 'entities'), entitySchema, raw, report);
      if (!e) return;
      const { sections, ...rest } = e;
      // Stryker disable next-line ArrayDeclaration: equivalent, nothing reads sections before deriveMentions sets them (README: Mutation testing)
      if (define(file.path, { ...rest, sections: [] })) declaredSections.set(e.id, { file: file.path, sections });
    });
    doc.metrics.forEach((raw, i) => {
      const m = validate(file.path, entryName(raw, i, 'metrics'), metricSchemaChecked, raw, report);
      if (!m) return;
      const record: EntityRecord = {
        id: m.id, kind: 'Metric', name: m.name, nameZh: m.nameZh, aliases: m.aliases,
        // Stryker disable next-line ArrayDeclaration: equivalent, nothing reads sections before deriveMentions sets them (README: Mutation testing)
        description: m.description, descriptionZh: m.descriptionZh, sections: [],
        value: m.value, unitCode: m.unit, unit: m.countOf ?? METRIC_UNITS[m.unit].en, unitZh: m.countOfZh ?? METRIC_UNITS[m.unit].zh,
        qualifier: m.qualifier, indicator: m.indicator, year: m.year, asOf: m.asOf, period: m.period, forecast: m.forecast,
        source: m.source, evidence: collapseWhitespace(m.evidence),
      };
      if (define(file.path, record)) {
        metricInputs.push({ file: file.path, metric: m });
        declaredSections.set(m.id, { file: file.path, sections: m.sections });
      }
    });
    doc.events.forEach((raw, i) => {
      const ev = validate(file.path, entryName(raw, i, 'events'), eventSchema, raw, report);
      if (!ev) return;
      const record: EntityRecord = {
        id: ev.id, kind: 'Event', name: ev.name, nameZh: ev.nameZh, aliases: ev.aliases,
        // Stryker disable next-line ArrayDeclaration: equivalent, nothing reads sections before deriveMentions sets them (README: Mutation testing)
        description: ev.description, descriptionZh: ev.descriptionZh, sections: [], year: ev.year, evidence: collapseWhitespace(ev.evidence),
      };
      if (define(file.path, record)) {
        eventInputs.push({ file: file.path, event: ev });
        declaredSections.set(ev.id, { file: file.path, sections: ev.sections });
      }
    });
    doc.relations.forEach((raw, i) => {
      const r = validate(file.path, entryName(raw, i, 'relations'), relationSchema, raw, report);
      if (r) relationInputs.push({ file: file.path, relation: r });
    });
  }

  // Names and aliases must each stand for one entity, or search and lookups become ambiguous.
  const byKey = new Map<string, string>();
  for (const e of entities.values()) {
    if (isDocumentPart(e.kind)) continue;
    for (const form of new Set([e.id, e.name, e.nameZh, ...e.aliases].map(nameKey))) {
      const other = byKey.get(form);
      if (other && other !== e.id) report(definedIn.get(e.id)!, e.id, `name or alias "${form}" clashes with ${other}`);
      else byKey.set(form, e.id);
    }
  }

  const checkEnds = (file: string, entry: string, type: RelationType, from: string, to: string): boolean => {
    const a = entities.get(from);
    const b = entities.get(to);
    if (!a) report(file, entry, `unknown entity "${from}"`);
    if (!b) report(file, entry, `unknown entity "${to}"`);
    if (!a || !b) return false;
    if (!isAllowed(type, a.kind, b.kind)) {
      report(file, entry, `${type} is not allowed from ${a.kind} to ${b.kind}`);
      return false;
    }
    return true;
  };

  for (const { file, metric } of metricInputs) {
    const record = entities.get(metric.id)!;
    if (metric.region !== undefined) {
      // Stryker disable next-line StringLiteral: equivalent, no entity has either id (ids are slugs) (README: Mutation testing)
      const region = entities.get(byKey.get(nameKey(metric.region)) ?? '');
      if (region?.kind !== 'Region') report(file, metric.id, `region "${metric.region}" is not the name of a Region entity`);
      else record.region = region.name;
    }
    const where = locate(file, metric.id, metric.evidence);
    if (!where) continue;
    if (checkEnds(file, metric.id, 'MEASURES', metric.id, metric.subject)) {
      addRelation(file, { type: 'MEASURES', source: metric.id, target: metric.subject, section: where.section, evidence: record.evidence! });
    }
    const sourceWhere = metric.sourceEvidence ? locate(file, `${metric.id} sourceEvidence`, metric.sourceEvidence) : where;
    for (const sourceId of metric.sourceIds) {
      if (!sourceWhere || !checkEnds(file, metric.id, 'SOURCED_FROM', metric.id, sourceId)) continue;
      const evidence = collapseWhitespace(metric.sourceEvidence ?? metric.evidence);
      addRelation(file, { type: 'SOURCED_FROM', source: metric.id, target: sourceId, section: sourceWhere.section, evidence });
    }
  }

  for (const { file, event } of eventInputs) {
    const where = locate(file, event.id, event.evidence);
    if (!where) continue;
    for (const concerned of event.concerns) {
      if (!checkEnds(file, event.id, 'CONCERNS', event.id, concerned)) continue;
      addRelation(file, { type: 'CONCERNS', source: event.id, target: concerned, section: where.section, evidence: entities.get(event.id)!.evidence! });
    }
  }

  for (const { file, relation: r } of relationInputs) {
    const entry = `${r.type} ${r.from} -> ${r.to}`;
    if (RELATION_RULES[r.type].derived) {
      report(file, entry, `${r.type} is derived by the loader and may not be written in seed files`);
      continue;
    }
    if (r.from === r.to) {
      report(file, entry, 'a relation must join two different entities');
      continue;
    }
    if (!checkEnds(file, entry, r.type, r.from, r.to)) continue;
    const where = locate(file, entry, r.evidence, r.section);
    if (where) addRelation(file, { type: r.type, source: r.from, target: r.to, section: where.section, evidence: collapseWhitespace(r.evidence) });
  }

  deriveMentions(source, entities, relations, declaredSections, report);

  // Stryker disable next-line MethodExpression: equivalent, its one reader takes via.get(entry) ?? [], so a relation without via reads as absent (README: Mutation testing)
  const via = new Map(relationInputs.filter(({ relation: r }) => r.via).map(({ relation: r }) => [`${r.type} ${r.from} -> ${r.to}`, r.via!]));
  const metricFacts = [
    ...metricInputs.map(({ metric: m }) => ({ id: m.id, year: m.year, asOf: m.asOf, period: m.period, evidence: m.evidence, yearEvidence: m.yearEvidence })),
    ...eventInputs.map(({ event: e }) => ({ id: e.id, year: e.year, evidence: e.evidence })),
  ];
  for (const { file, metric } of metricInputs) if (metric.yearEvidence) locate(file, `${metric.id} yearEvidence`, metric.yearEvidence);
  const findings = applyExceptions(checkSupport(entities, relations, metricFacts, via), files, report);
  return { graph: { entities: [...entities.values()], relations }, problems, findings };
}

/** Drops the findings seed/exceptions.yaml justifies; an exception that matches nothing is a problem (it went stale). */
function applyExceptions(findings: SupportFinding[], files: SeedFile[], report: (file: string, entry: string, reason: string) => void): SupportFinding[] {
  const file = files.find((f) => f.path === EXCEPTIONS_FILE);
  const parsed = file ? parseFile(file, exceptionsFileSchema, report) : undefined;
  const excepted = new Set<string>();
  for (const x of parsed?.exceptions ?? []) {
    if (!(x.rule in SUPPORT_RULES)) report(EXCEPTIONS_FILE, x.entry, `unknown rule "${x.rule}"`);
    else if (!findings.some((f) => f.rule === x.rule && f.entry === x.entry)) report(EXCEPTIONS_FILE, x.entry, `no ${x.rule} finding to excuse: remove the exception`);
    else excepted.add(`${x.rule}|${x.entry}`);
  }
  return findings.filter((f) => !excepted.has(`${f.rule}|${f.entry}`));
}

function entryName(raw: unknown, index: number, list: string): string {
  const obj = raw as Record<string, unknown> | null;
  if (obj && typeof obj.id === 'string') return obj.id;
  if (obj && typeof obj.type === 'string') return `${obj.type} ${String(obj.from)} -> ${String(obj.to)}`;
  return `${list}[${index}]`;
}

function validate<S extends z.ZodType>(
  file: string,
  entry: string,
  schema: S,
  raw: unknown,
  report: (file: string, entry: string, reason: string) => void,
): z.infer<S> | undefined {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = issue.path.length ? `${issue.path.join('.')}: ` : '';
    report(file, entry, `schema: ${path}${issue.message}`);
  }
  return undefined;
}

function parseFile<S extends z.ZodType>(
  file: SeedFile,
  schema: S,
  report: (file: string, entry: string, reason: string) => void,
): z.infer<S> | undefined {
  let doc: unknown;
  try {
    doc = parseYaml(file.content) ?? {};
  } catch (error) {
    report(file.path, '-', `not valid YAML: ${(error as Error).message.split('\n')[0]}`);
    return undefined;
  }
  return validate(file.path, '-', schema, doc, report);
}

function addStructure(
  file: SectionsFile,
  source: SourceText,
  define: (file: string, record: EntityRecord) => boolean,
  addRelation: (file: string, r: RelationRecord) => void,
  report: (entry: string, reason: string) => void,
) {
  const idByNumber = new Map(file.sections.map((s) => [s.number, s.id]));
  for (const s of file.sections) {
    // Relations carry section numbers; resolvers turn them into Section ids with sectionId().
    if (s.id !== sectionId(s.number)) report(s.id, `a section's id must be ${sectionId(s.number)}`);
    const label = /^\d/.test(s.number) ? `Section ${s.number}` : s.title;
    define(SECTIONS_FILE, {
      id: s.id, kind: 'Section', number: s.number, name: s.title, nameZh: s.titleZh,
      aliases: /^\d/.test(s.number) ? [s.number] : [],
      description: `${label} of the whitepaper: ${s.title}.`,
      descriptionZh: /^\d/.test(s.number) ? `白皮书第 ${s.number} 节:${s.titleZh}。` : `白皮书的${s.titleZh}部分。`,
      sections: [s.number], evidence: collapseWhitespace(s.heading),
    });
  }
  for (const s of file.sections) {
    const parent = source.parentOf(s.number);
    if (parent === undefined) continue;
    addRelation(SECTIONS_FILE, { type: 'PART_OF', source: s.id, target: idByNumber.get(parent)!, section: s.number, evidence: collapseWhitespace(s.heading) });
  }
  const bodyStart = source.text.indexOf(collapseWhitespace(file.bodyStartsAfter)) + file.bodyStartsAfter.length;
  for (const f of file.figures) {
    const at = source.text.indexOf(collapseWhitespace(f.caption), bodyStart);
    // Stryker disable next-line EqualityOperator: equivalent, the caption search starts after the body start, past position 0 (README: Mutation testing)
    if (at < 0) {
      report(f.id, `caption "${f.caption}" not found in the body of source.txt`);
      continue;
    }
    const section = source.sectionAt(at);
    define(SECTIONS_FILE, {
      id: f.id, kind: 'Figure', number: String(f.number), name: f.name, nameZh: f.nameZh,
      aliases: [`图 ${f.number}`, `Figure ${f.number}`],
      description: `Figure ${f.number} of the whitepaper, in section ${section}.`,
      descriptionZh: `白皮书图 ${f.number},位于第 ${section} 节。`,
      sections: [section], evidence: collapseWhitespace(f.caption),
    });
  }
}

/**
 * Finds where each entity is named in the text (longest surface form first, so 智算中心 is not read as 智算),
 * sets every entity's sections and adds a MENTIONED_IN relation per section, quoting the sentence that names it.
 */
function deriveMentions(
  source: SourceText,
  entities: Map<string, EntityRecord>,
  relations: RelationRecord[],
  declared: Map<string, { file: string; sections: string[] }>,
  report: (file: string, entry: string, reason: string) => void,
) {
  const forms = new Map<string, string>();
  for (const e of entities.values()) {
    if (NOT_MENTIONED.has(e.kind)) continue;
    for (const form of [e.nameZh, e.name, ...e.aliases].map(collapseWhitespace)) {
      if (form.length >= 2 && !forms.has(form)) forms.set(form, e.id);
    }
  }
  // Candidate lengths per first character, longest first: most positions in the text start no form at all.
  const lengthsByFirst = new Map<string, number[]>();
  for (const form of forms.keys()) {
    const lengths = lengthsByFirst.get(form[0]) ?? [];
    // Stryker disable next-line ConditionalExpression: equivalent, a length tried twice matches as it did the first time (README: Mutation testing)
    if (!lengths.includes(form.length)) lengths.push(form.length);
    lengthsByFirst.set(form[0], lengths);
  }
  for (const lengths of lengthsByFirst.values()) lengths.sort((a, b) => b - a);
  const evidence = new Map<string, Map<string, string>>();
  const note = (id: string, section: string, quote: string) => {
    if (!evidence.has(id)) evidence.set(id, new Map());
    const bySection = evidence.get(id)!;
    if (!bySection.has(section)) bySection.set(section, quote);
  };

  const text = source.text;
  // Stryker disable next-line EqualityOperator: equivalent, text[length] starts no form (README: Mutation testing)
  for (let i = 0; i < text.length; ) {
    let matched = 0;
    for (const len of lengthsByFirst.get(text[i]) ?? []) {
      // Stryker disable next-line ConditionalExpression,ArithmeticOperator: equivalent, a cut-off candidate equal to a shorter form names the entity that length finds (README: Mutation testing)
      if (i + len > text.length) continue;
      const candidate = text.slice(i, i + len);
      const id = forms.get(candidate);
      if (id === undefined) continue;
      // Latin forms must stand as whole words: "AI" is not a mention inside "AIGC".
      if (/[A-Za-z0-9]/.test(candidate[0]) && i > 0 && /[A-Za-z0-9]/.test(text[i - 1])) continue;
      if (/[A-Za-z0-9]/.test(candidate[len - 1]) && /[A-Za-z0-9]/.test(text[i + len] ?? '')) continue;
      matched = len;
      // The table of contents repeats every heading: a name there is not the section discussing it.
      if (source.inContents(i)) break;
      note(id, source.sectionAt(i), source.sentenceAround(i, i + len));
      break;
    }
    i += matched || 1;
  }

  // Relations place both ends in the relation's section, quoting the relation's evidence.
  for (const r of relations) {
    if (r.type === 'PART_OF' && entities.get(r.source)?.kind === 'Section') continue;
    note(r.source, r.section, r.evidence);
    note(r.target, r.section, r.evidence);
  }

  for (const [id, { file, sections }] of declared) {
    for (const s of sections) {
      if (!source.hasSection(s)) report(file, id, `unknown section "${s}"`);
      else if (!evidence.get(id)?.has(s)) report(file, id, `declares section ${s}, but none of its names or relations occur there`);
    }
  }

  const sectionIds = new Map([...entities.values()].filter((s) => s.kind === 'Section').map((s) => [s.number!, s.id]));
  for (const e of entities.values()) {
    if (e.kind === 'Section') continue;
    const found = evidence.get(e.id) ?? new Map<string, string>();
    if (e.kind === 'Figure') found.set(e.sections[0], e.evidence!);
    e.sections = [...found.keys()].sort((a, b) => source.orderOf(a) - source.orderOf(b));
    for (const section of e.sections) {
      relations.push({ type: 'MENTIONED_IN', source: e.id, target: sectionIds.get(section)!, section, evidence: found.get(section)! });
    }
  }
}
