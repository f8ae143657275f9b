/** One number of a series: the Metric record itself, read as a point. */
import type { MetricPointResolvers } from '../__generated__/resolvers-types.js';

export const MetricPoint: MetricPointResolvers = {
  forecast: (m) => m.forecast ?? false,
  metric: (m) => m,
};
