/** An abstract notion the whitepaper reasons with. */
import type { ConceptResolvers } from '../__generated__/resolvers-types.js';
import { entityFields, linked } from './links.js';

export const Concept: ConceptResolvers = {
  ...entityFields,
  enablers: linked(['ENABLES', 'IN']),
  enables: linked(['ENABLES', 'OUT']),
  drivers: linked(['DRIVES', 'IN']),
  requiredBy: linked(['REQUIRES', 'IN']),
  applications: linked(['APPLIED_IN', 'OUT', ['Application']], ['ENABLES', 'OUT', ['Application']]),
};
