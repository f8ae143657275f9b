/**
 * The entity kinds' own fields, written once. RELATION_FIELDS gives each kind's typed relationship fields as the
 * relation legs they follow; KIND_TYPES gives each kind's description and scalar fields. scripts/schema.ts writes
 * schema/entities.graphql from both (a field's description ends with its legs), and the resolvers are built from
 * RELATION_FIELDS (relationFields in links.ts), so the documentation and the behaviour cannot drift apart.
 */
import type { Entity, Resolvers } from '../__generated__/resolvers-types.js';
import type { Direction, EntityKind, EntityRecord, RelationType } from '../graph/types.js';

/** One way to reach related entities: a relation type, the direction from the parent, and optionally the other end's kinds. */
export type Leg = [RelationType, Direction] | [RelationType, Direction, EntityKind[]];

/** A typed relationship field: the entities reached along `legs`, each once. */
export interface RelationField {
  /** What the field holds, in words; the schema adds the legs it follows. */
  description: string;
  legs: Leg[];
  /** The kind of every entity it returns (legs without kinds must reach only that kind); Entity when absent. */
  of?: EntityKind;
  /** One entity instead of a list: the first reached, or null ('nullable'); 'required' when the seed always has one. */
  single?: 'nullable' | 'required';
  /** The list's order, when not by kind then id. */
  order?: (a: EntityRecord, b: EntityRecord) => number;
}

/** The fields of a kind's GraphQL type that are its own (not the Entity interface's). */
type OwnFields<K extends EntityKind> = Exclude<keyof NonNullable<Resolvers[K]>, keyof Entity | '__isTypeOf'>;

/** Checked against the generated resolver types: a field the SDL lacks, or a misspelt one, fails `npm run typecheck`. */
export type RelationFieldTable = { [K in EntityKind]: { [F in OwnFields<K>]?: RelationField } };

/** Numeric collation compares runs of digits as numbers, so section 3.10 follows 3.9. */
const SECTION_NUMBERS = new Intl.Collator('en', { numeric: true });

/** Section numbers in document order. */
function bySectionOrder(a: EntityRecord, b: EntityRecord): number {
  return SECTION_NUMBERS.compare(a.number!, b.number!);
}

export const RELATION_FIELDS = {
  Section: {
    parent: { description: 'The enclosing section.', legs: [['PART_OF', 'OUT']], of: 'Section', single: 'nullable' },
    subsections: { description: 'Its subsections, in document order.', legs: [['PART_OF', 'IN', ['Section']]], of: 'Section', order: bySectionOrder },
    entities: { description: 'Everything discussed in the section.', legs: [['MENTIONED_IN', 'IN']] },
  },
  Figure: {
    illustrates: { description: 'What the figure shows.', legs: [['ILLUSTRATES', 'OUT']] },
    sources: { description: 'The data sources its caption or footnote names.', legs: [['SOURCED_FROM', 'OUT']] },
  },
  Concept: {
    enablers: { description: 'What supports or empowers it.', legs: [['ENABLES', 'IN']] },
    enables: { description: 'What it supports or empowers.', legs: [['ENABLES', 'OUT']] },
    drivers: { description: 'What drives it.', legs: [['DRIVES', 'IN']] },
    requiredBy: { description: 'What needs it.', legs: [['REQUIRES', 'IN']] },
    applications: { description: 'Applications it is applied in or enables.', legs: [['APPLIED_IN', 'OUT', ['Application']], ['ENABLES', 'OUT', ['Application']]], of: 'Application' },
  },
  Technology: {
    applications: { description: 'Applications that use it, or that it enables or is applied in.', legs: [['USES', 'IN', ['Application']], ['ENABLES', 'OUT', ['Application']], ['APPLIED_IN', 'OUT', ['Application']]], of: 'Application' },
    industries: { description: 'Industries it is applied in or enables.', legs: [['APPLIED_IN', 'OUT', ['Industry']], ['ENABLES', 'OUT', ['Industry']], ['USES', 'IN', ['Industry']]], of: 'Industry' },
    technologies: { description: 'Technologies it uses, converges with, is a kind or part of, or enables.', legs: [['USES', 'OUT', ['Technology']], ['INTEGRATES_WITH', 'BOTH', ['Technology']], ['IS_A', 'BOTH', ['Technology']], ['PART_OF', 'BOTH', ['Technology']], ['ENABLES', 'BOTH', ['Technology']]], of: 'Technology' },
    hardware: { description: 'Hardware it uses, runs on or needs.', legs: [['USES', 'OUT', ['Hardware']], ['RUNS_ON', 'OUT', ['Hardware']], ['REQUIRES', 'OUT', ['Hardware']]], of: 'Hardware' },
    addresses: { description: 'Challenges it is a remedy for.', legs: [['ADDRESSES', 'OUT']], of: 'Challenge' },
    usedBy: { description: 'Everything that uses it.', legs: [['USES', 'IN']] },
  },
  Application: {
    technologies: { description: 'Technologies it uses, needs or converges with, or that enable it.', legs: [['USES', 'OUT', ['Technology']], ['REQUIRES', 'OUT', ['Technology']], ['ENABLES', 'IN', ['Technology']], ['INTEGRATES_WITH', 'BOTH', ['Technology']]], of: 'Technology' },
    hardware: { description: 'Hardware it uses, runs on or needs.', legs: [['USES', 'OUT', ['Hardware']], ['RUNS_ON', 'OUT', ['Hardware']], ['REQUIRES', 'OUT', ['Hardware']], ['ENABLES', 'IN', ['Hardware']]], of: 'Hardware' },
    models: { description: 'AI models it uses or is enabled by.', legs: [['USES', 'OUT', ['Model']], ['ENABLES', 'IN', ['Model']]], of: 'Model' },
    industries: { description: 'Industries it is applied in.', legs: [['APPLIED_IN', 'OUT', ['Industry']]], of: 'Industry' },
    applications: { description: 'Applications it is applied in, is part or a kind of, or that are applied in it.', legs: [['APPLIED_IN', 'BOTH', ['Application']], ['PART_OF', 'BOTH', ['Application']], ['IS_A', 'BOTH', ['Application']], ['INTEGRATES_WITH', 'BOTH', ['Application']]], of: 'Application' },
    challenges: { description: 'Challenges that affect it or that it causes.', legs: [['AFFECTS', 'IN', ['Challenge']], ['CAUSES', 'OUT', ['Challenge']]], of: 'Challenge' },
    organizations: { description: 'Organizations that develop, propose, use or invest in it.', legs: [['DEVELOPED_BY', 'OUT', ['Organization']], ['PROPOSES', 'IN', ['Organization']], ['INVESTS_IN', 'IN'], ['USES', 'IN', ['Organization']]], of: 'Organization' },
  },
  Industry: {
    applications: { description: 'Applications applied in it.', legs: [['APPLIED_IN', 'IN', ['Application']]], of: 'Application' },
    technologies: { description: 'Technologies applied in it, enabling it or used by it.', legs: [['APPLIED_IN', 'IN', ['Technology']], ['ENABLES', 'IN', ['Technology']], ['USES', 'OUT', ['Technology']]], of: 'Technology' },
    challenges: { description: 'Challenges that affect it.', legs: [['AFFECTS', 'IN', ['Challenge']]], of: 'Challenge' },
    organizations: { description: 'Organizations in it.', legs: [['PART_OF', 'IN', ['Organization']]], of: 'Organization' },
  },
  Challenge: {
    solutions: { description: 'Everything the whitepaper offers as a remedy: solutions, technologies, recommendations, policies.', legs: [['ADDRESSES', 'IN']] },
    causes: { description: 'What leads to it.', legs: [['CAUSES', 'IN']] },
    consequences: { description: 'What it leads to.', legs: [['CAUSES', 'OUT']] },
    affects: { description: 'What it affects or constrains.', legs: [['AFFECTS', 'OUT']] },
    parts: { description: 'Its sub-challenges.', legs: [['PART_OF', 'IN', ['Challenge']]], of: 'Challenge' },
    partOf: { description: 'The broader challenge it belongs to.', legs: [['PART_OF', 'OUT', ['Challenge']]], of: 'Challenge' },
  },
  Solution: {
    challenges: { description: 'The challenges it addresses.', legs: [['ADDRESSES', 'OUT']], of: 'Challenge' },
    uses: { description: 'Technologies, hardware and products it relies on.', legs: [['USES', 'OUT'], ['REQUIRES', 'OUT']] },
    parts: { description: 'Its components.', legs: [['PART_OF', 'IN']] },
    enables: { description: 'What it enables or drives.', legs: [['ENABLES', 'OUT'], ['DRIVES', 'OUT']] },
  },
  Trend: {
    drivers: { description: 'What drives or leads to it.', legs: [['DRIVES', 'IN'], ['CAUSES', 'IN']] },
    drives: { description: 'What it drives.', legs: [['DRIVES', 'OUT'], ['CAUSES', 'OUT']] },
    affects: { description: 'What it affects.', legs: [['AFFECTS', 'OUT']] },
    concerns: { description: 'What it is about, as its own words name it.', legs: [['CONCERNS', 'OUT']] },
  },
  Recommendation: {
    challenges: { description: 'The challenges it addresses.', legs: [['ADDRESSES', 'OUT']], of: 'Challenge' },
    promotes: { description: 'What it promotes or relies on.', legs: [['DRIVES', 'OUT'], ['USES', 'OUT']] },
    proposedBy: { description: 'Who proposes it.', legs: [['PROPOSES', 'IN']] },
    parts: { description: 'Its components.', legs: [['PART_OF', 'IN']] },
    partOf: { description: 'The broader recommendation it belongs to.', legs: [['PART_OF', 'OUT']] },
  },
  Organization: {
    products: { description: 'What it developed, launched or proposed: products, models, hardware, technologies.', legs: [['DEVELOPED_BY', 'IN'], ['PROPOSES', 'OUT']] },
    investments: { description: 'What it invests in.', legs: [['INVESTS_IN', 'OUT']] },
    publications: { description: 'Publications, policies and standards it issued.', legs: [['PUBLISHED_BY', 'IN']] },
    uses: { description: 'What it uses.', legs: [['USES', 'OUT']] },
    regions: { description: 'Where it is located.', legs: [['LOCATED_IN', 'OUT']], of: 'Region' },
    members: { description: 'Its parts and members.', legs: [['PART_OF', 'IN']] },
    partOf: { description: 'What it belongs to.', legs: [['PART_OF', 'OUT']] },
  },
  Person: {
    works: { description: 'What the person developed or proposed.', legs: [['DEVELOPED_BY', 'IN'], ['PROPOSES', 'OUT']] },
    organizations: { description: 'Organizations the person belongs to.', legs: [['PART_OF', 'OUT', ['Organization']]], of: 'Organization' },
  },
  Hardware: {
    developers: { description: 'Who built it.', legs: [['DEVELOPED_BY', 'OUT'], ['PROPOSES', 'IN']] },
    usedBy: { description: 'What uses it, runs on it or needs it.', legs: [['USES', 'IN'], ['RUNS_ON', 'IN'], ['REQUIRES', 'IN']] },
    enables: { description: 'What it enables.', legs: [['ENABLES', 'OUT']] },
    parts: { description: 'Its components.', legs: [['PART_OF', 'IN']] },
    partOf: { description: 'What it is part of.', legs: [['PART_OF', 'OUT']] },
    regions: { description: 'Where it is located.', legs: [['LOCATED_IN', 'OUT']], of: 'Region' },
  },
  Framework: {
    technologies: { description: 'Technologies it is a kind of, uses or enables.', legs: [['IS_A', 'OUT'], ['USES', 'OUT'], ['ENABLES', 'OUT']] },
  },
  Model: {
    developers: { description: 'Who developed or launched it.', legs: [['DEVELOPED_BY', 'OUT'], ['PROPOSES', 'IN']] },
    hardware: { description: 'Hardware it runs on, uses or needs.', legs: [['RUNS_ON', 'OUT', ['Hardware']], ['USES', 'OUT', ['Hardware']], ['REQUIRES', 'OUT', ['Hardware']]], of: 'Hardware' },
    applications: { description: 'Applications and fields it enables or is applied in.', legs: [['APPLIED_IN', 'OUT'], ['ENABLES', 'OUT']] },
    usedBy: { description: 'What uses it.', legs: [['USES', 'IN']] },
    technologies: { description: 'Technologies it is a kind of or uses.', legs: [['IS_A', 'OUT'], ['USES', 'OUT', ['Technology', 'Framework']]] },
  },
  Product: {
    developers: { description: 'Who developed or launched it.', legs: [['DEVELOPED_BY', 'OUT'], ['PROPOSES', 'IN']] },
    technologies: { description: 'What it uses.', legs: [['USES', 'OUT']] },
    usedBy: { description: 'What uses it or runs on it.', legs: [['USES', 'IN'], ['RUNS_ON', 'IN']] },
    applications: { description: 'Applications and fields it enables or is applied in.', legs: [['APPLIED_IN', 'OUT'], ['ENABLES', 'OUT']] },
  },
  Dataset: {},
  Metric: {
    subject: { description: 'What the number is about.', legs: [['MEASURES', 'OUT']], single: 'required' },
    sources: { description: 'The organizations and publications the number is attributed to.', legs: [['SOURCED_FROM', 'OUT']] },
    figures: { description: 'Figures that show it.', legs: [['ILLUSTRATES', 'IN']], of: 'Figure' },
  },
  Event: {
    concerns: { description: 'What it concerns: who acted and what it was about.', legs: [['CONCERNS', 'OUT']] },
  },
  Policy: {
    issuers: { description: 'Who issued it.', legs: [['PUBLISHED_BY', 'OUT']] },
    regions: { description: 'Where it applies.', legs: [['LOCATED_IN', 'OUT']], of: 'Region' },
    drives: { description: 'What it drives or requires.', legs: [['DRIVES', 'OUT'], ['AFFECTS', 'OUT']] },
  },
  Standard: {
    issuers: { description: 'Who issued or proposed it.', legs: [['PUBLISHED_BY', 'OUT'], ['PROPOSES', 'IN']] },
    addresses: { description: 'Challenges it addresses.', legs: [['ADDRESSES', 'OUT']], of: 'Challenge' },
  },
  Publication: {
    publishers: { description: 'Who published it.', legs: [['PUBLISHED_BY', 'OUT']] },
    proposals: { description: 'What it proposes.', legs: [['PROPOSES', 'OUT']] },
    cited: { description: 'Metrics and figures attributed to it.', legs: [['SOURCED_FROM', 'IN']] },
  },
  Region: {
    organizations: { description: 'Organizations and facilities located there.', legs: [['LOCATED_IN', 'IN', ['Organization', 'Hardware']]] },
    policies: { description: 'Policies issued or applying there.', legs: [['PUBLISHED_BY', 'IN'], ['LOCATED_IN', 'IN', ['Policy']]] },
  },
} satisfies RelationFieldTable;

/** A scalar field of a kind's type, as SDL: its type and what it means. */
export interface ScalarField {
  type: string;
  description?: string;
}

/** Each kind's GraphQL description and its own scalar fields (their resolvers are in src/resolvers/<Kind>.ts or default). */
export const KIND_TYPES: Record<EntityKind, { description: string; scalars?: { [field: string]: ScalarField } }> = {
  Section: {
    description: 'A section of the whitepaper.',
    scalars: {
      number: { type: 'String!', description: 'The section number: 1 to 5.2, or front / preface.' },
      title: { type: 'String!', description: 'The English title (same as name).' },
      titleZh: { type: 'String!', description: 'The Chinese title (same as nameZh).' },
      entityCount: { type: 'Int!', description: 'How many entities `entities` returns without `first`: everything discussed in the section.' },
    },
  },
  Figure: {
    description: 'A figure of the whitepaper.',
    scalars: {
      number: { type: 'Int!', description: 'The figure number.' },
      caption: { type: 'String!', description: 'The caption as it stands in the whitepaper.' },
    },
  },
  Concept: { description: 'An abstract notion the whitepaper reasons with.' },
  Technology: { description: 'A technical field or technique.' },
  Application: { description: 'A use of AI and computing power.' },
  Industry: { description: 'A sector or field of activity.' },
  Challenge: { description: 'A problem the whitepaper names.' },
  Solution: { description: 'A remedy the whitepaper proposes.' },
  Trend: { description: 'A development the whitepaper expects.' },
  Recommendation: { description: 'An action the whitepaper recommends.' },
  Organization: { description: 'A company, institute, agency or alliance.' },
  Person: { description: 'A named person.' },
  Hardware: { description: 'Chips, servers, switches, data centres and computing centres.' },
  Framework: { description: 'A software framework.' },
  Model: { description: 'An AI model or model family.' },
  Product: { description: 'A named product, platform or service.' },
  Dataset: { description: 'A named dataset.' },
  Metric: {
    description: 'A numeric fact the whitepaper states.',
    scalars: {
      value: { type: 'Float!' },
      unit: { type: 'String!', description: 'The unit as shown in English (for a count, what is counted: servers, applications …).' },
      unitZh: { type: 'String!', description: 'The unit as shown in Chinese.' },
      unitCode: { type: 'MetricUnit!' },
      qualifier: { type: 'MetricQualifier', description: 'More than, about, or an order of magnitude, where the whitepaper says so.' },
      indicator: { type: 'String!', description: 'What the number measures, shared by comparable metrics and the rankings among them: metrics(indicator:) gathers them.' },
      year: { type: 'Int', description: 'The year the value refers to (the target year for forecasts), where the whitepaper gives one.' },
      asOf: { type: 'String', description: 'For a value the whitepaper states as current without a year: its own date, 2023-08.' },
      period: { type: 'String', description: 'The span a growth rate or CAGR covers, e.g. 2021-2026.' },
      region: { type: 'String', description: 'The region the number covers (a Region name such as China or Global), when it applies.' },
      forecast: { type: 'Boolean!' },
      source: { type: 'String!', description: 'The source as the whitepaper states it.' },
      evidence: { type: 'String!', description: 'The words of the whitepaper that state the number.' },
    },
  },
  Event: {
    description: 'A dated event the whitepaper recounts: a breakthrough, a launch, a founding.',
    scalars: {
      year: { type: 'Int!', description: 'The year the event happened, as the whitepaper gives it.' },
      evidence: { type: 'String!', description: 'The words of the whitepaper that recount it, year included.' },
    },
  },
  Policy: { description: 'A government policy, plan or programme.' },
  Standard: { description: 'A standard, grade or specification.' },
  Publication: { description: 'A report, whitepaper or paper.' },
  Region: { description: 'A country, province or other area.' },
};
