/** A figure of the whitepaper. */
import type { FigureResolvers } from '../__generated__/resolvers-types.js';
import { entityFields, linked } from './links.js';

export const Figure: FigureResolvers = {
  ...entityFields,
  number: (f) => Number(f.number),
  caption: (f) => f.evidence!,
  illustrates: linked(['ILLUSTRATES', 'OUT']),
  sources: linked(['SOURCED_FROM', 'OUT']),
};
