/** A series of one indicator's metrics: about one subject, in one region, in one unit. */
import type { MetricSeriesResolvers } from '../__generated__/resolvers-types.js';

export const MetricSeries: MetricSeriesResolvers = {
  subject: async (s, _args, ctx) => (await ctx.loaders.entity.load(s.subject))!,
  region: (s, _args, ctx) => (s.regionId ? ctx.loaders.entity.load(s.regionId) : null),
  points: (s) => s.metrics,
};
