/** An action the whitepaper recommends. */
import type { RecommendationResolvers } from '../__generated__/resolvers-types.js';
import { entityFields, linked } from './links.js';

export const Recommendation: RecommendationResolvers = {
  ...entityFields,
  challenges: linked(['ADDRESSES', 'OUT']),
  promotes: linked(['DRIVES', 'OUT'], ['USES', 'OUT']),
  proposedBy: linked(['PROPOSES', 'IN']),
  parts: linked(['PART_OF', 'IN']),
  partOf: linked(['PART_OF', 'OUT']),
};
