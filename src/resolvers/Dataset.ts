/** A named dataset. */
import type { DatasetResolvers } from '../__generated__/resolvers-types.js';
import { entityFields, linked } from './links.js';

export const Dataset: DatasetResolvers = {
  ...entityFields,
  usedBy: linked(['USES', 'IN'], ['REQUIRES', 'IN']),
};
