/** A dated event the whitepaper recounts: its own fields (the shared and relationship fields are assembled in index.ts). */
import type { EventResolvers } from '../__generated__/resolvers-types.js';

export const Event = {
  year: (e) => e.year!,
  evidence: (e) => e.evidence!,
} satisfies EventResolvers;
