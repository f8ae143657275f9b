/** A named product, platform or service. */
import type { ProductResolvers } from '../__generated__/resolvers-types.js';
import { entityFields, linked } from './links.js';

export const Product: ProductResolvers = {
  ...entityFields,
  developers: linked(['DEVELOPED_BY', 'OUT'], ['PROPOSES', 'IN']),
  technologies: linked(['USES', 'OUT']),
  usedBy: linked(['USES', 'IN'], ['RUNS_ON', 'IN']),
  applications: linked(['APPLIED_IN', 'OUT'], ['ENABLES', 'OUT']),
};
