/** A section of the whitepaper: its own fields (the shared and relationship fields are assembled in index.ts). */
import type { SectionResolvers } from '../__generated__/resolvers-types.js';
import { RELATION_FIELDS } from './fields.js';
import { follow } from './links.js';

export const Section = {
  number: (s) => s.number!,
  title: (s) => s.name,
  titleZh: (s) => s.nameZh,
  entityCount: async (s, _args, ctx) => (await follow(s, RELATION_FIELDS.Section.entities.legs, ctx)).length,
} satisfies SectionResolvers;
