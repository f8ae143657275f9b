/** Shared resolver pieces: the Entity interface's fields and typed relationship fields built from relation legs. */
import type { Context } from '../context.js';
import type { Direction, EntityKind, EntityRecord, RelationRecord, RelationType } from '../graph/types.js';
import { sectionId } from '../graph/vocabulary.js';
import { compareIds } from '../graph/traversal.js';

/** One way to reach related entities: a relation type, the direction from the parent, and optionally the other end's kinds. */
export type Leg = [RelationType, Direction] | [RelationType, Direction, EntityKind[]];

function touches(r: RelationRecord, id: string, type: RelationType, direction: Direction): string | undefined {
  if (r.type !== type) return undefined;
  if ((direction === 'OUT' || direction === 'BOTH') && r.source === id) return r.target;
  if ((direction === 'IN' || direction === 'BOTH') && r.target === id) return r.source;
  return undefined;
}

/** The entities reached from `parent` along any of `legs`, each once, ordered by kind then id. */
export async function follow(parent: EntityRecord, legs: Leg[], ctx: Context): Promise<EntityRecord[]> {
  const relations = await ctx.loaders.relations.load(parent.id);
  const candidates: { id: string; kinds?: EntityKind[] }[] = [];
  for (const r of relations) {
    for (const [type, direction, kinds] of legs) {
      const other = touches(r, parent.id, type, direction);
      if (other !== undefined) candidates.push({ id: other, kinds });
    }
  }
  const loaded = await ctx.loaders.entity.loadMany([...new Set(candidates.map((c) => c.id))]);
  const byId = new Map<string, EntityRecord>();
  for (const e of loaded) if (e && !(e instanceof Error)) byId.set(e.id, e);
  const result = new Map<string, EntityRecord>();
  for (const { id, kinds } of candidates) {
    const e = byId.get(id);
    if (e && (!kinds || kinds.includes(e.kind))) result.set(id, e);
  }
  return [...result.values()].sort((a, b) => compareIds(a.kind, b.kind) || compareIds(a.id, b.id));
}

export function linked(...legs: Leg[]) {
  return (parent: EntityRecord, _args: unknown, ctx: Context) => follow(parent, legs, ctx);
}

export function linkedOne(...legs: Leg[]) {
  return async (parent: EntityRecord, _args: unknown, ctx: Context) => (await follow(parent, legs, ctx))[0] ?? null;
}

async function sectionsOf(parent: EntityRecord, ctx: Context) {
  const sections = await ctx.loaders.entity.loadMany(parent.sections.map(sectionId));
  return sections.filter((s): s is EntityRecord => !!s && !(s instanceof Error));
}

/** The fields every entity type has, spread into each type's resolvers. */
export const entityFields = {
  sections: (parent: EntityRecord, _args: unknown, ctx: Context) => sectionsOf(parent, ctx),
  relations: async (parent: EntityRecord, args: { types?: RelationType[] | null; direction?: Direction | null }, ctx: Context) => {
    const direction = args.direction ?? 'BOTH';
    const relations = await ctx.loaders.relations.load(parent.id);
    return relations.filter(
      (r) =>
        (!args.types?.length || args.types.includes(r.type)) &&
        ((direction !== 'IN' && r.source === parent.id) || (direction !== 'OUT' && r.target === parent.id)),
    );
  },
  related: async (
    parent: EntityRecord,
    args: { type: RelationType; direction?: Direction | null; kinds?: EntityKind[] | null },
    ctx: Context,
  ) => follow(parent, [args.kinds?.length ? [args.type, args.direction ?? 'OUT', args.kinds] : [args.type, args.direction ?? 'OUT']], ctx),
  metrics: linked(['MEASURES', 'IN', ['Metric']]),
};
