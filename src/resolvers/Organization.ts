/** A company, institute, agency or alliance. */
import type { OrganizationResolvers } from '../__generated__/resolvers-types.js';
import { entityFields, linked } from './links.js';

export const Organization: OrganizationResolvers = {
  ...entityFields,
  products: linked(['DEVELOPED_BY', 'IN'], ['PROPOSES', 'OUT']),
  investments: linked(['INVESTS_IN', 'OUT']),
  publications: linked(['PUBLISHED_BY', 'IN']),
  uses: linked(['USES', 'OUT']),
  regions: linked(['LOCATED_IN', 'OUT']),
  members: linked(['PART_OF', 'IN']),
  partOf: linked(['PART_OF', 'OUT']),
};
