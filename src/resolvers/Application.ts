/** A use of AI and computing power. */
import type { ApplicationResolvers } from '../__generated__/resolvers-types.js';
import { entityFields, linked } from './links.js';

export const Application: ApplicationResolvers = {
  ...entityFields,
  technologies: linked(['USES', 'OUT', ['Technology']], ['REQUIRES', 'OUT', ['Technology']], ['ENABLES', 'IN', ['Technology']], ['INTEGRATES_WITH', 'BOTH', ['Technology']]),
  hardware: linked(['USES', 'OUT', ['Hardware']], ['RUNS_ON', 'OUT', ['Hardware']], ['REQUIRES', 'OUT', ['Hardware']], ['ENABLES', 'IN', ['Hardware']]),
  models: linked(['USES', 'OUT', ['Model']], ['ENABLES', 'IN', ['Model']]),
  industries: linked(['APPLIED_IN', 'OUT', ['Industry']]),
  applications: linked(['APPLIED_IN', 'BOTH', ['Application']], ['PART_OF', 'BOTH', ['Application']], ['IS_A', 'BOTH', ['Application']], ['INTEGRATES_WITH', 'BOTH', ['Application']]),
  challenges: linked(['AFFECTS', 'IN', ['Challenge']], ['CAUSES', 'OUT', ['Challenge']]),
  organizations: linked(['DEVELOPED_BY', 'OUT', ['Organization']], ['PROPOSES', 'IN', ['Organization']], ['INVESTS_IN', 'IN'], ['USES', 'IN', ['Organization']]),
};
