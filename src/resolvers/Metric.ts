/** A numeric fact the whitepaper states: its own fields (the shared and relationship fields are assembled in index.ts). */
import type { MetricResolvers } from '../__generated__/resolvers-types.js';

export const Metric = {
  forecast: (m) => m.forecast ?? false,
} satisfies MetricResolvers;
