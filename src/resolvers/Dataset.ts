/** A named dataset. */
import type { DatasetResolvers } from '../__generated__/resolvers-types.js';
import { entityFields } from './links.js';

export const Dataset: DatasetResolvers = {
  ...entityFields,
};
