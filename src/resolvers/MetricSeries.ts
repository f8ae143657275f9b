/** A series of one indicator's metrics, and its points (each point is the Metric record itself). */
import type { IndicatorResolvers, MetricPointResolvers, MetricSeriesResolvers } from '../__generated__/resolvers-types.js';
import type { MetricSeriesRecord } from '../graph/indicators.js';

/** A series with its region resolved to the Region entity's id once per request, not once per series. */
export type SeriesResult = MetricSeriesRecord & { regionId: string | null };

export const MetricSeries: MetricSeriesResolvers = {
  subject: async (s, _args, ctx) => (await ctx.loaders.entity.load(s.subject))!,
  region: (s, _args, ctx) => (s.regionId ? ctx.loaders.entity.load(s.regionId) : null),
  points: (s) => s.metrics,
};

export const MetricPoint: MetricPointResolvers = {
  forecast: (m) => m.forecast ?? false,
  metric: (m) => m,
};

export const Indicator: IndicatorResolvers = {};
