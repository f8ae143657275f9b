/** A country, province or other area. */
import type { RegionResolvers } from '../__generated__/resolvers-types.js';
import { entityFields, linked } from './links.js';

export const Region: RegionResolvers = {
  ...entityFields,
  organizations: linked(['LOCATED_IN', 'IN', ['Organization', 'Hardware']]),
  policies: linked(['PUBLISHED_BY', 'IN'], ['LOCATED_IN', 'IN', ['Policy']]),
};
