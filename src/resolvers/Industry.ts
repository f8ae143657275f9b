/** A sector or field of activity. */
import type { IndustryResolvers } from '../__generated__/resolvers-types.js';
import { entityFields, linked } from './links.js';

export const Industry: IndustryResolvers = {
  ...entityFields,
  applications: linked(['APPLIED_IN', 'IN', ['Application']]),
  technologies: linked(['APPLIED_IN', 'IN', ['Technology']], ['ENABLES', 'IN', ['Technology']], ['USES', 'OUT', ['Technology']]),
  challenges: linked(['AFFECTS', 'IN', ['Challenge']]),
  organizations: linked(['PART_OF', 'IN', ['Organization']]),
};
