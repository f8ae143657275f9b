/** The closed vocabulary of the graph: entity kinds, relation types and which kinds each type may join. */

export const ENTITY_KINDS = [
  'Section',
  'Figure',
  'Concept',
  'Technology',
  'Application',
  'Industry',
  'Challenge',
  'Solution',
  'Trend',
  'Recommendation',
  'Organization',
  'Person',
  'Hardware',
  'Framework',
  'Model',
  'Product',
  'Dataset',
  'Metric',
  'Event',
  'Policy',
  'Standard',
  'Publication',
  'Region',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const RELATION_TYPES = [
  'USES',
  'ENABLES',
  'APPLIED_IN',
  'AFFECTS',
  'ADDRESSES',
  'CAUSES',
  'DRIVES',
  'REQUIRES',
  'PROPOSES',
  'DEVELOPED_BY',
  'RUNS_ON',
  'MEASURES',
  'SOURCED_FROM',
  'PART_OF',
  'IS_A',
  'INTEGRATES_WITH',
  'LOCATED_IN',
  'INVESTS_IN',
  'PUBLISHED_BY',
  'ILLUSTRATES',
  'CONCERNS',
  'MENTIONED_IN',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

type KindSet = readonly EntityKind[];
/** What the document is about: everything but its own structure (sections, figures) and its facts (metrics, events). */
const DOMAIN: KindSet = ENTITY_KINDS.filter((k) => k !== 'Section' && k !== 'Figure' && k !== 'Metric' && k !== 'Event');
const STRUCTURAL: KindSet = [
  'Technology', 'Application', 'Hardware', 'Concept', 'Solution', 'Recommendation', 'Organization',
  'Region', 'Product', 'Challenge', 'Standard', 'Policy', 'Model', 'Framework', 'Industry', 'Trend',
];
const TAXONOMIC: KindSet = [
  'Technology', 'Application', 'Hardware', 'Concept', 'Model', 'Framework', 'Product', 'Organization',
  'Industry', 'Challenge', 'Solution', 'Trend', 'Standard', 'Policy', 'Publication',
];

export interface RelationRule {
  /** How to read `source TYPE target` in one sentence. */
  meaning: string;
  from: KindSet;
  to: KindSet;
  /** Derived by the loader, never written in seed files. */
  derived?: boolean;
  /** Read both ways: `a TYPE b` says the same as `b TYPE a`, so a pair is stated once. */
  symmetric?: boolean;
}

/** How to read `source TYPE target`, as the schema's enum and the README's table say it. */
export function relationMeaning(type: RelationType): string {
  const rule = RELATION_RULES[type];
  return rule.symmetric ? `${rule.meaning} (read both ways)` : rule.meaning;
}

/** Allowed (from kind, to kind) pairs per relation type: the cartesian product of `from` and `to`. */
export const RELATION_RULES: Record<RelationType, RelationRule> = {
  USES: {
    meaning: 'source uses, is built on or relies on target',
    from: ['Application', 'Technology', 'Solution', 'Product', 'Model', 'Organization', 'Industry', 'Hardware', 'Recommendation'],
    to: ['Technology', 'Hardware', 'Framework', 'Model', 'Product', 'Dataset', 'Concept'],
  },
  ENABLES: {
    meaning: 'source supports, empowers or accelerates target',
    from: ['Technology', 'Concept', 'Hardware', 'Product', 'Model', 'Framework', 'Solution', 'Application'],
    to: ['Application', 'Technology', 'Industry', 'Concept', 'Trend', 'Model'],
  },
  APPLIED_IN: {
    meaning: 'source is applied in the industry, field or application target',
    from: ['Technology', 'Application', 'Model', 'Product', 'Concept', 'Hardware'],
    to: ['Industry', 'Application'],
  },
  AFFECTS: {
    meaning: 'the challenge or trend source affects or constrains target',
    from: ['Challenge', 'Trend', 'Policy'],
    to: ['Industry', 'Application', 'Technology', 'Concept', 'Organization', 'Hardware', 'Model'],
  },
  ADDRESSES: {
    meaning: 'source is a remedy for the challenge target',
    from: ['Solution', 'Technology', 'Recommendation', 'Policy', 'Standard', 'Product', 'Application', 'Hardware'],
    to: ['Challenge'],
  },
  CAUSES: {
    meaning: 'source leads to the challenge or trend target',
    from: ['Challenge', 'Technology', 'Application', 'Trend', 'Concept', 'Model', 'Hardware'],
    to: ['Challenge', 'Trend'],
  },
  DRIVES: {
    meaning: 'source drives, promotes or fuels (demand for) target',
    from: ['Trend', 'Technology', 'Concept', 'Policy', 'Application', 'Model', 'Organization', 'Recommendation', 'Solution', 'Standard'],
    to: ['Trend', 'Concept', 'Technology', 'Industry', 'Application', 'Hardware'],
  },
  REQUIRES: {
    meaning: 'source needs target',
    from: ['Application', 'Technology', 'Model', 'Trend', 'Industry', 'Solution', 'Concept'],
    to: ['Concept', 'Technology', 'Hardware', 'Dataset'],
  },
  PROPOSES: {
    meaning: 'source proposed, introduced or launched target',
    from: ['Organization', 'Publication', 'Person'],
    to: ['Recommendation', 'Solution', 'Concept', 'Technology', 'Standard', 'Model', 'Application', 'Product', 'Hardware'],
  },
  DEVELOPED_BY: {
    meaning: 'source was developed, built or released by target',
    from: ['Technology', 'Model', 'Product', 'Hardware', 'Framework', 'Dataset', 'Application'],
    to: ['Organization', 'Person'],
  },
  RUNS_ON: {
    meaning: 'source runs on the infrastructure target',
    from: ['Model', 'Product', 'Application', 'Framework', 'Technology'],
    to: ['Hardware', 'Product'],
  },
  MEASURES: {
    meaning: 'the metric source is a figure about target',
    from: ['Metric'],
    to: DOMAIN,
    derived: true,
  },
  SOURCED_FROM: {
    // Metrics get theirs from `sourceIds`; figures state their data sources in captions and footnotes.
    meaning: 'the metric or figure source is stated on the authority of target',
    from: ['Metric', 'Figure'],
    to: ['Organization', 'Publication'],
  },
  PART_OF: {
    meaning: 'source is a part, component or member of target',
    from: [...STRUCTURAL, 'Section', 'Person'],
    to: [...STRUCTURAL, 'Section'],
  },
  IS_A: {
    meaning: 'source is a kind, instance or subfield of target',
    from: TAXONOMIC,
    to: TAXONOMIC,
  },
  INTEGRATES_WITH: {
    meaning: 'source and target converge or are combined',
    from: ['Technology', 'Application', 'Concept'],
    to: ['Technology', 'Application', 'Concept'],
    symmetric: true,
  },
  LOCATED_IN: {
    meaning: 'source is located in or belongs to the region target',
    from: ['Organization', 'Hardware', 'Policy', 'Region'],
    to: ['Region'],
  },
  INVESTS_IN: {
    meaning: 'the organization source invests in target',
    from: ['Organization'],
    to: ['Technology', 'Application', 'Model', 'Concept', 'Hardware'],
  },
  PUBLISHED_BY: {
    meaning: 'the publication, policy or standard source was issued by target',
    from: ['Publication', 'Policy', 'Standard'],
    to: ['Organization', 'Region'],
  },
  ILLUSTRATES: {
    meaning: 'the figure source depicts target',
    from: ['Figure'],
    to: [...DOMAIN, 'Metric'],
  },
  CONCERNS: {
    // Events get theirs from `concerns`, each carrying the event's own quote; a trend's are written, quoting the
    // sentence (often its heading) that names what it is about.
    meaning: 'the event or trend source is about target (who acted, what it concerns)',
    from: ['Event', 'Trend'],
    to: DOMAIN,
  },
  MENTIONED_IN: {
    meaning: 'source is discussed in the section target',
    from: ENTITY_KINDS.filter((k) => k !== 'Section'),
    to: ['Section'],
    derived: true,
  },
};

/** The closed set of metric units, each with how it is shown in English and in Chinese (COUNT shows what it counts). */
export const METRIC_UNITS = {
  EFLOPS: { en: 'EFLOPS', zh: 'EFLOPS' },
  PERCENT: { en: '%', zh: '%' },
  SCORE: { en: 'score', zh: '分' },
  RANK: { en: 'rank', zh: '位' },
  TIMES: { en: 'times', zh: '倍' },
  YEARS: { en: 'years', zh: '年' },
  ZB: { en: 'ZB', zh: 'ZB' },
  TBPS: { en: 'Tbps', zh: 'Tbps' },
  GBPS: { en: 'Gbps', zh: 'Gbps' },
  USD_100M: { en: 'USD 100 million', zh: '亿美元' },
  USD_10K: { en: 'USD 10,000', zh: '万美元' },
  COUNT: { en: 'count', zh: '个' },
} as const;
export type MetricUnit = keyof typeof METRIC_UNITS;
export const METRIC_UNIT_CODES = Object.keys(METRIC_UNITS) as MetricUnit[];

/** How the text qualifies a number. */
export const METRIC_QUALIFIERS = ['AT_LEAST', 'ORDER_OF_MAGNITUDE', 'APPROXIMATE'] as const;
export type MetricQualifier = (typeof METRIC_QUALIFIERS)[number];

/** Sections and figures are the document's own parts: where one shares a name with an entity, the name means the entity. */
export function isDocumentPart(kind: EntityKind): boolean {
  return kind === 'Section' || kind === 'Figure';
}

export function isAllowed(type: RelationType, from: EntityKind, to: EntityKind): boolean {
  const rule = RELATION_RULES[type];
  return rule.from.includes(from) && rule.to.includes(to);
}

/** The id of the Section entity for a section number: "3.3.2" -> "section-3-3-2", "preface" -> "section-preface". */
export function sectionId(number: string): string {
  return `section-${number.replaceAll('.', '-')}`;
}
