/** A numeric fact the whitepaper states. */
import type { MetricResolvers } from '../__generated__/resolvers-types.js';
import { entityFields, follow, linked } from './links.js';

export const Metric: MetricResolvers = {
  ...entityFields,
  forecast: (m) => m.forecast ?? false,
  subject: async (m, _args, ctx) => (await follow(m, [['MEASURES', 'OUT']], ctx))[0]!,
  sources: linked(['SOURCED_FROM', 'OUT']),
  figures: linked(['ILLUSTRATES', 'IN']),
};
