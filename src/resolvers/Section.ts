/** A section of the whitepaper. */
import type { SectionResolvers } from '../__generated__/resolvers-types.js';
import { entityFields, follow, linked, linkedOne } from './links.js';
import type { EntityRecord } from '../graph/types.js';

/** Section numbers compared part by part, so 3.10 would follow 3.9. */
function bySectionOrder(a: EntityRecord, b: EntityRecord): number {
  const x = a.number!.split('.').map(Number);
  const y = b.number!.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? -1) !== (y[i] ?? -1)) return (x[i] ?? -1) - (y[i] ?? -1);
  return 0;
}

export const Section: SectionResolvers = {
  ...entityFields,
  number: (s) => s.number!,
  title: (s) => s.name,
  titleZh: (s) => s.nameZh,
  parent: linkedOne(['PART_OF', 'OUT']),
  subsections: async (s, args, ctx) => (await follow(s, [['PART_OF', 'IN', ['Section']]], ctx)).sort(bySectionOrder).slice(0, args.first ?? undefined),
  entities: linked(['MENTIONED_IN', 'IN']),
};
