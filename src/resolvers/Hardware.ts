/** Chips, servers, switches, data centres and computing centres. */
import type { HardwareResolvers } from '../__generated__/resolvers-types.js';
import { entityFields, linked } from './links.js';

export const Hardware: HardwareResolvers = {
  ...entityFields,
  developers: linked(['DEVELOPED_BY', 'OUT'], ['PROPOSES', 'IN']),
  usedBy: linked(['USES', 'IN'], ['RUNS_ON', 'IN'], ['REQUIRES', 'IN']),
  enables: linked(['ENABLES', 'OUT']),
  parts: linked(['PART_OF', 'IN']),
  partOf: linked(['PART_OF', 'OUT']),
  regions: linked(['LOCATED_IN', 'OUT']),
};
