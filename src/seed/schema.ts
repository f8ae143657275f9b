/** The shape of the seed files (documented in seed/README.md), as zod schemas. */
import { z } from 'zod';
import { ENTITY_KINDS, METRIC_QUALIFIERS, METRIC_UNIT_CODES, RELATION_TYPES, type MetricUnit } from '../graph/vocabulary.js';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are lowercase slugs: letters, digits and single hyphens');
const text = z.string().trim().min(1);
const sectionNumber = z.union([z.string(), z.number()]).transform(String);

const described = {
  id: slug,
  name: text,
  nameZh: text,
  aliases: z.array(z.union([text, z.number().transform(String)])).default([]),
  description: text,
  descriptionZh: text,
  sections: z.array(sectionNumber).default([]),
};

export const entitySchema = z.strictObject({
  ...described,
  kind: z.enum(ENTITY_KINDS).refine((k) => !['Metric', 'Event', 'Section', 'Figure'].includes(k), {
    message: 'metrics go in the `metrics` list, events in the `events` list; sections and figures in entities/sections.yaml',
  }),
});

/** A dated event: its year as the text gives it (in `evidence`), and the entities it concerns. */
export const eventSchema = z.strictObject({
  ...described,
  year: z.number().int().min(1900).max(2100),
  /** The verbatim quote that recounts the event and states its year. */
  evidence: text,
  concerns: z.array(slug).min(1, 'an event concerns at least one entity'),
});

const metricSchema = z.strictObject({
  ...described,
  value: z.number({ message: 'a metric needs a numeric value' }),
  unit: z.enum(METRIC_UNIT_CODES as [MetricUnit, ...MetricUnit[]], { message: `a metric needs a unit, one of ${METRIC_UNIT_CODES.join(', ')}` }),
  /** For a COUNT: what is counted, in English and as the text writes it. */
  countOf: text.optional(),
  countOfZh: text.optional(),
  qualifier: z.enum(METRIC_QUALIFIERS).optional(),
  indicator: slug,
  /** The year the value refers to, only where the text gives one (in `evidence` or `yearEvidence`). */
  year: z.number().int().min(1900).max(2100).optional(),
  /** A quote that gives the year when the number's own sentence does not. */
  yearEvidence: text.optional(),
  /** An undated value the text states as current: the whitepaper's date, "2023-08". */
  asOf: z.literal('2023-08').optional(),
  period: z.union([z.string(), z.number()]).transform(String).optional(),
  region: text.optional(),
  forecast: z.boolean().default(false),
  source: text,
  sourceIds: z.array(slug).default([]),
  sourceEvidence: text.optional(),
  subject: slug,
  evidence: text,
});

/** A count says what it counts; other units do not. */
export const metricSchemaChecked = metricSchema.refine((m) => (m.unit === 'COUNT') === (m.countOf !== undefined && m.countOfZh !== undefined), {
  message: 'a COUNT needs countOf and countOfZh (what is counted); other units take neither',
  path: ['countOf'],
});

export const relationSchema = z.strictObject({
  type: z.enum(RELATION_TYPES),
  from: slug,
  to: slug,
  evidence: text,
  section: sectionNumber.optional(),
  /** Words of the evidence that stand for an end it does not name (a pronoun, a list heading): 这些技术, 其. */
  via: z.array(text).optional(),
});

/** A support rule's finding that is justified: listed in seed/exceptions.yaml with the reason. */
export const exceptionsFileSchema = z.strictObject({
  exceptions: z.array(z.strictObject({ rule: text, entry: text, reason: text })).default([]),
});

export const chapterFileSchema = z.strictObject({
  entities: z.array(z.unknown()).default([]),
  metrics: z.array(z.unknown()).default([]),
  events: z.array(z.unknown()).default([]),
  relations: z.array(z.unknown()).default([]),
});

export const sectionsFileSchema = z.strictObject({
  bodyStartsAfter: text,
  /** Where the table of contents begins: from there to the body, names are not mentions. */
  contentsStartsAt: text.optional(),
  sections: z.array(
    z.strictObject({ id: slug, number: sectionNumber, title: text, titleZh: text, heading: text }),
  ),
  figures: z.array(
    z.strictObject({ id: slug, number: z.number().int(), name: text, nameZh: text, caption: text }),
  ),
});

export type MetricInput = z.infer<typeof metricSchema>;
export type EventInput = z.infer<typeof eventSchema>;
export type RelationInput = z.infer<typeof relationSchema>;
export type SectionsFile = z.infer<typeof sectionsFileSchema>;
