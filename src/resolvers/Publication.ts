/** A report, whitepaper or paper. */
import type { PublicationResolvers } from '../__generated__/resolvers-types.js';
import { entityFields, linked } from './links.js';

export const Publication: PublicationResolvers = {
  ...entityFields,
  publishers: linked(['PUBLISHED_BY', 'OUT']),
  proposals: linked(['PROPOSES', 'OUT']),
  cited: linked(['SOURCED_FROM', 'IN']),
};
