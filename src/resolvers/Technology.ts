/** A technical field or technique. */
import type { TechnologyResolvers } from '../__generated__/resolvers-types.js';
import { entityFields, linked } from './links.js';

export const Technology: TechnologyResolvers = {
  ...entityFields,
  applications: linked(['USES', 'IN', ['Application']], ['ENABLES', 'OUT', ['Application']], ['APPLIED_IN', 'OUT', ['Application']]),
  industries: linked(['APPLIED_IN', 'OUT', ['Industry']], ['ENABLES', 'OUT', ['Industry']], ['USES', 'IN', ['Industry']]),
  technologies: linked(['USES', 'OUT', ['Technology']], ['INTEGRATES_WITH', 'BOTH', ['Technology']], ['IS_A', 'BOTH', ['Technology']], ['PART_OF', 'BOTH', ['Technology']], ['ENABLES', 'BOTH', ['Technology']]),
  hardware: linked(['USES', 'OUT', ['Hardware']], ['RUNS_ON', 'OUT', ['Hardware']], ['REQUIRES', 'OUT', ['Hardware']]),
  addresses: linked(['ADDRESSES', 'OUT']),
  usedBy: linked(['USES', 'IN']),
};
