/** A problem the whitepaper names. */
import type { ChallengeResolvers } from '../__generated__/resolvers-types.js';
import { entityFields, linked } from './links.js';

export const Challenge: ChallengeResolvers = {
  ...entityFields,
  solutions: linked(['ADDRESSES', 'IN']),
  causes: linked(['CAUSES', 'IN']),
  consequences: linked(['CAUSES', 'OUT']),
  affects: linked(['AFFECTS', 'OUT']),
  parts: linked(['PART_OF', 'IN', ['Challenge']]),
  partOf: linked(['PART_OF', 'OUT', ['Challenge']]),
};
