/**
 * Support rules: does each quote state what the graph says it states? Mechanical checks of the patterns a careful
 * reader found (a quote that does not name an end, a source the quote does not name, a year the text does not give,
 * one thing under two ids, the same fact twice). Justified exceptions live in seed/exceptions.yaml with a reason.
 */
import type { EntityRecord, RelationRecord } from '../graph/types.js';
import { RELATION_RULES, RELATION_TYPES } from '../graph/vocabulary.js';
import { compareIds } from '../graph/traversal.js';
import { collapseWhitespace, nameKey } from '../graph/text.js';

export const SUPPORT_RULES = {
  'names-both-ends': 'the evidence names both ends (by a name or alias), or `via` gives the words that stand for the one it does not',
  'source-named': 'the quote of a SOURCED_FROM relation names its source',
  'year-stated': 'a metric or event year is one the text gives (in its evidence or yearEvidence); an undated current value has asOf instead',
  twins: 'no two entities are one thing under two ids (same name, or ids that differ by a kind prefix)',
  'same-fact-twice': 'no two relations between the same two entities rest on the same quote',
  mirrored: 'a relation read both ways (INTEGRATES_WITH) is stated once per pair, not also as its mirror from the other end',
  'broad-alias': 'no alias that matches inside unrelated words: a generic word, or a Chinese alias of two characters or fewer that does not abbreviate the Chinese name, needs a reason',
} as const;

type SupportRule = keyof typeof SUPPORT_RULES;

export interface SupportFinding {
  rule: SupportRule;
  /** The entry it is about: `TYPE from -> to` for a relation, an id for an entity or metric. */
  entry: string;
  reason: string;
}

/** Prefixes that made twins: a Solution "solution-open-computing-platform" beside the Product "open-computing-platform". */
const KIND_PREFIXES = /^(solution|trend|challenge|recommendation|application|technology|policy|build)-/;

/**
 * Words too general to stand for one entity: as aliases they turned every server into an AI server and every
 * "ecosystem" into one entity. Short Chinese aliases are suspect for the same reason (芯片 is every chip).
 */
const GENERIC_WORDS = new Set(['生态', '场景', '应用', '场景应用', '技术', '数据', '平台', '系统', '服务器', '芯片', '算法', '模型', '产业', '行业', '发展', '经济社会发展', '网络', '安全', '服务', '计算', 'server', 'chip', 'platform', 'data', 'technology', 'system', 'application', 'ecosystem']);
const SHORT_CHINESE = /^[\u4e00-\u9fff]{1,2}$/;

/** Relation types read both ways, as the vocabulary marks them. */
const SYMMETRIC = new Set(RELATION_TYPES.filter((t) => RELATION_RULES[t].symmetric));

/** A short alias that abbreviates the Chinese name, its characters in order (液冷 of 液冷技术, 电商 of 电子商务), stands for it. */
function abbreviates(short: string, name: string): boolean {
  let at = 0;
  for (const ch of short) {
    at = name.indexOf(ch, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/** The forms by which a quote can name an entity; names shorter than two characters never count. */
function formsOf(e: EntityRecord): string[] {
  return [...new Set([e.name, e.nameZh, ...e.aliases].map(nameKey))].filter((f) => f.length >= 2);
}

function names(evidence: string, e: EntityRecord): boolean {
  const text = nameKey(evidence);
  return formsOf(e).some((f) => text.includes(f));
}

export interface MetricFacts {
  id: string;
  year?: number;
  asOf?: string;
  period?: string;
  evidence: string;
  yearEvidence?: string;
}

export function checkSupport(entities: Map<string, EntityRecord>, relations: RelationRecord[], metrics: MetricFacts[], via: Map<string, string[]>): SupportFinding[] {
  const findings: SupportFinding[] = [];
  const find = (rule: SupportRule, entry: string, reason: string) => findings.push({ rule, entry, reason });

  for (const r of relations) {
    const source = entities.get(r.source)!;
    const target = entities.get(r.target)!;
    // Mentions are found by the names themselves; the document's own structure quotes its headings.
    if (r.type === 'MENTIONED_IN' || source.kind === 'Section') continue;
    const entry = `${r.type} ${r.source} -> ${r.target}`;
    if (r.type === 'SOURCED_FROM') {
      if (!names(r.evidence, target)) find('source-named', entry, `the quote does not name ${target.id} ("${target.nameZh}"): "${r.evidence}"`);
      continue;
    }
    // A metric or an event is its quote: only the other end must be named in it.
    const unnamed = [source, target].filter((e) => e.kind !== 'Metric' && e.kind !== 'Event' && !names(r.evidence, e));
    if (unnamed.length === 0) continue;
    const words = via.get(entry) ?? [];
    const present = words.filter((w) => collapseWhitespace(r.evidence).includes(collapseWhitespace(w)));
    // Without via the ends must be named; with it, the quote must hold each word and have one per unnamed end.
    const viaFault = words.length === 0 ? '' : present.length < words.length ? ' and via lists words it does not hold' : words.length < unnamed.length ? ' and via has fewer words than unnamed ends' : undefined;
    if (viaFault !== undefined) find('names-both-ends', entry, `the quote does not name ${unnamed.map((e) => `${e.id} ("${e.nameZh}")`).join(' or ')}${viaFault}: "${r.evidence}"`);
  }

  for (const m of metrics) {
    if (m.year !== undefined) {
      // Stryker disable next-line StringLiteral: equivalent, the stand-in holds no digit, so it states no year, as the empty string does not (README: Mutation testing)
      const stated = [m.evidence, m.yearEvidence ?? ''].some((q) => collapseWhitespace(q).includes(String(m.year)));
      if (!stated) find('year-stated', m.id, `year ${m.year} is not in the evidence${m.yearEvidence ? ' or yearEvidence' : ''}: give yearEvidence that states it, or drop it (asOf for a current value)`);
    } else if (m.asOf === undefined && m.period === undefined) {
      find('year-stated', m.id, 'an undated metric needs asOf (a value given as current) or a period');
    }
  }

  const byName = new Map<string, EntityRecord>();
  const byBareId = new Map<string, EntityRecord>();
  for (const e of entities.values()) {
    if (e.kind === 'Section' || e.kind === 'Figure' || e.kind === 'Metric' || e.kind === 'Event') continue;
    for (const key of [`en:${nameKey(e.name)}`, `zh:${nameKey(e.nameZh)}`]) {
      const other = byName.get(key);
      if (other) find('twins', e.id, `same name as ${other.id}: "${key.slice(3)}"`);
      else byName.set(key, e);
    }
    const bare = e.id.replace(KIND_PREFIXES, '');
    const other = byBareId.get(bare);
    // Stryker disable next-line ConditionalExpression: equivalent, ids are unique and each entity is read once, so an entity is never its own twin (README: Mutation testing)
    if (other && other.id !== e.id) find('twins', e.id, `the same id as ${other.id} but for a kind prefix`);
    else byBareId.set(bare, e);
  }

  for (const e of entities.values()) {
    for (const alias of e.aliases) {
      const form = nameKey(alias);
      if (GENERIC_WORDS.has(form)) find('broad-alias', `${e.id} ${alias}`, `"${alias}" is a generic word: it would stand for ${e.id} wherever the text uses it`);
      else if (SHORT_CHINESE.test(form) && !abbreviates(form, nameKey(e.nameZh))) find('broad-alias', `${e.id} ${alias}`, `"${alias}" has two characters or fewer and does not abbreviate "${e.nameZh}": it matches inside longer, unrelated words`);
    }
  }

  const byPairAndQuote = new Map<string, RelationRecord>();
  for (const r of relations) {
    if (r.type === 'MENTIONED_IN' || r.type === 'MEASURES' || r.type === 'SOURCED_FROM') continue;
    const key = `${[r.source, r.target].sort().join('|')}|${r.evidence}`;
    const other = byPairAndQuote.get(key);
    if (other) find('same-fact-twice', `${r.type} ${r.source} -> ${r.target}`, `rests on the same quote as ${other.type} ${other.source} -> ${other.target}`);
    else byPairAndQuote.set(key, r);
  }

  // A mirror on the same quote is same-fact-twice; a symmetric type is one fact whichever end states it.
  // Stryker disable next-line MethodExpression: equivalent, stated is only asked about symmetric types, and each key holds its type (README: Mutation testing)
  const stated = new Set(relations.filter((r) => SYMMETRIC.has(r.type)).map((r) => `${r.type}|${r.source}|${r.target}`));
  for (const r of relations) {
    // Stryker disable next-line EqualityOperator: equivalent, equal ids would be a relation to itself, which the loader refuses (README: Mutation testing)
    if (SYMMETRIC.has(r.type) && compareIds(r.source, r.target) > 0 && stated.has(`${r.type}|${r.target}|${r.source}`)) {
      find('mirrored', `${r.type} ${r.source} -> ${r.target}`, `mirrors ${r.type} ${r.target} -> ${r.source}: one fact, drawn twice; keep the one whose quote states it best`);
    }
  }
  return findings;
}
