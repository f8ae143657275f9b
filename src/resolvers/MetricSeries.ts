/** A series of one indicator's metrics: about one subject, in one region, in one unit. */
import type { MetricSeriesResolvers } from '../__generated__/resolvers-types.js';
import type { MetricSeriesRecord } from '../graph/indicators.js';

/** A series with its region resolved to the Region entity's id once per request, not once per series. */
export type SeriesResult = MetricSeriesRecord & { regionId: string | null };

export const MetricSeries: MetricSeriesResolvers = {
  subject: async (s, _args, ctx) => (await ctx.loaders.entity.load(s.subject))!,
  region: (s, _args, ctx) => (s.regionId ? ctx.loaders.entity.load(s.regionId) : null),
  points: (s) => s.metrics,
};
