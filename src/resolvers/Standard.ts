/** A standard, grade or specification. */
import type { StandardResolvers } from '../__generated__/resolvers-types.js';
import { entityFields, linked } from './links.js';

export const Standard: StandardResolvers = {
  ...entityFields,
  issuers: linked(['PUBLISHED_BY', 'OUT'], ['PROPOSES', 'IN']),
  addresses: linked(['ADDRESSES', 'OUT']),
};
