/** A government policy, plan or programme. */
import type { PolicyResolvers } from '../__generated__/resolvers-types.js';
import { entityFields, linked } from './links.js';

export const Policy: PolicyResolvers = {
  ...entityFields,
  issuers: linked(['PUBLISHED_BY', 'OUT']),
  regions: linked(['LOCATED_IN', 'OUT']),
  drives: linked(['DRIVES', 'OUT'], ['AFFECTS', 'OUT']),
};
