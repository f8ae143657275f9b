/** A dated event the whitepaper recounts. */
import type { EventResolvers } from '../__generated__/resolvers-types.js';
import { entityFields, linked } from './links.js';

export const Event: EventResolvers = {
  ...entityFields,
  year: (e) => e.year!,
  evidence: (e) => e.evidence!,
  concerns: linked(['CONCERNS', 'OUT']),
};
