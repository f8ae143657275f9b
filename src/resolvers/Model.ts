/** An AI model or model family. */
import type { ModelResolvers } from '../__generated__/resolvers-types.js';
import { entityFields, linked } from './links.js';

export const Model: ModelResolvers = {
  ...entityFields,
  developers: linked(['DEVELOPED_BY', 'OUT'], ['PROPOSES', 'IN']),
  hardware: linked(['RUNS_ON', 'OUT', ['Hardware']], ['USES', 'OUT', ['Hardware']], ['REQUIRES', 'OUT', ['Hardware']]),
  applications: linked(['APPLIED_IN', 'OUT'], ['ENABLES', 'OUT']),
  usedBy: linked(['USES', 'IN']),
  technologies: linked(['IS_A', 'OUT'], ['USES', 'OUT', ['Technology', 'Framework']]),
};
