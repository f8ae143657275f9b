/**
 * The schema's entity kinds and relation types as lists for the page's checkboxes: the vocabulary's own lists, from which
 * scripts/schema.ts writes the SDL's enums, so a kind added to the graph reaches the page without a copy.
 */
export { ENTITY_KINDS as KINDS, RELATION_TYPES } from '../../src/graph/vocabulary';
