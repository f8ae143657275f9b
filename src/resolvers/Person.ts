/** A named person. */
import type { PersonResolvers } from '../__generated__/resolvers-types.js';
import { entityFields, linked } from './links.js';

export const Person: PersonResolvers = {
  ...entityFields,
  works: linked(['DEVELOPED_BY', 'IN'], ['PROPOSES', 'OUT']),
  organizations: linked(['PART_OF', 'OUT', ['Organization']]),
};
