/** The schema's entity kinds and relation types as lists for the page's checkboxes; the compiler checks they are complete. */
import type { EntityKind, RelationType } from './gql/graphql';

export const KINDS = [
  'Section', 'Figure', 'Concept', 'Technology', 'Application', 'Industry', 'Challenge', 'Solution', 'Trend', 'Recommendation', 'Organization',
  'Person', 'Hardware', 'Framework', 'Model', 'Product', 'Dataset', 'Metric', 'Event', 'Policy', 'Standard', 'Publication', 'Region',
] as const satisfies readonly EntityKind[];

export const RELATION_TYPES = [
  'USES', 'ENABLES', 'APPLIED_IN', 'AFFECTS', 'ADDRESSES', 'CAUSES', 'DRIVES', 'REQUIRES', 'PROPOSES', 'DEVELOPED_BY', 'RUNS_ON', 'MEASURES',
  'SOURCED_FROM', 'PART_OF', 'IS_A', 'INTEGRATES_WITH', 'LOCATED_IN', 'INVESTS_IN', 'PUBLISHED_BY', 'ILLUSTRATES', 'CONCERNS', 'MENTIONED_IN',
] as const satisfies readonly RelationType[];

// A kind or type added to the schema and missing here fails to compile.
type Missing<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : Exclude<All, Listed>;
export const kindsComplete: Missing<EntityKind, (typeof KINDS)[number]> = true;
export const typesComplete: Missing<RelationType, (typeof RELATION_TYPES)[number]> = true;
