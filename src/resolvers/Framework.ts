/** A software framework. */
import type { FrameworkResolvers } from '../__generated__/resolvers-types.js';
import { entityFields, linked } from './links.js';

export const Framework: FrameworkResolvers = {
  ...entityFields,
  technologies: linked(['IS_A', 'OUT'], ['USES', 'OUT'], ['ENABLES', 'OUT']),
};
