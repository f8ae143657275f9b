/** A development the whitepaper expects. */
import type { TrendResolvers } from '../__generated__/resolvers-types.js';
import { entityFields, linked } from './links.js';

export const Trend: TrendResolvers = {
  ...entityFields,
  drivers: linked(['DRIVES', 'IN'], ['CAUSES', 'IN']),
  drives: linked(['DRIVES', 'OUT'], ['CAUSES', 'OUT']),
  affects: linked(['AFFECTS', 'OUT']),
  concerns: linked(['CONCERNS', 'OUT']),
};
