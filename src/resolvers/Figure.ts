/** A figure of the whitepaper: its own fields (the shared and relationship fields are assembled in index.ts). */
import type { FigureResolvers } from '../__generated__/resolvers-types.js';

export const Figure = {
  number: (f) => Number(f.number),
  caption: (f) => f.evidence!,
} satisfies FigureResolvers;
