/** A remedy the whitepaper proposes. */
import type { SolutionResolvers } from '../__generated__/resolvers-types.js';
import { entityFields, linked } from './links.js';

export const Solution: SolutionResolvers = {
  ...entityFields,
  challenges: linked(['ADDRESSES', 'OUT']),
  uses: linked(['USES', 'OUT'], ['REQUIRES', 'OUT']),
  parts: linked(['PART_OF', 'IN']),
  enables: linked(['ENABLES', 'OUT'], ['DRIVES', 'OUT']),
};
