/** Shared resolver pieces: the Entity interface's fields, typed relationship fields built from relation legs, relation ids. */
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

/** A page argument: keep the first `first` items, or all of them. */
export interface Page {
  first?: number | null;
}

export function linked(...legs: Leg[]) {
  return async (parent: EntityRecord, args: Page, ctx: Context) => (await follow(parent, legs, ctx)).slice(0, args.first ?? undefined);
}

export function linkedOne(...legs: Leg[]) {
  return async (parent: EntityRecord, _args: unknown, ctx: Context) => (await follow(parent, legs, ctx))[0] ?? null;
}

async function sectionsOf(parent: EntityRecord, args: Page, ctx: Context) {
  const sections = await ctx.loaders.entity.loadMany(parent.sections.slice(0, args.first ?? undefined).map(sectionId));
  return sections.filter((s): s is EntityRecord => !!s && !(s instanceof Error));
}

/** The fields every entity type has, spread into each type's resolvers. */
export const entityFields = {
  sections: (parent: EntityRecord, args: Page, ctx: Context) => sectionsOf(parent, args, ctx),
  relations: async (parent: EntityRecord, args: Page & { types?: RelationType[] | null; direction?: Direction | null }, ctx: Context) => {
    const direction = args.direction ?? 'BOTH';
    const relations = await ctx.loaders.relations.load(parent.id);
    const kept = relations.filter(
      (r) =>
        (!args.types?.length || args.types.includes(r.type)) &&
        ((direction !== 'IN' && r.source === parent.id) || (direction !== 'OUT' && r.target === parent.id)),
    );
    return kept.slice(0, args.first ?? undefined);
  },
  related: async (
    parent: EntityRecord,
    args: Page & { type: RelationType; direction?: Direction | null; kinds?: EntityKind[] | null },
    ctx: Context,
  ) => {
    const leg: Leg = args.kinds?.length ? [args.type, args.direction ?? 'OUT', args.kinds] : [args.type, args.direction ?? 'OUT'];
    return (await follow(parent, [leg], ctx)).slice(0, args.first ?? undefined);
  },
  metrics: linked(['MEASURES', 'IN', ['Metric']]),
  events: async (parent: EntityRecord, args: Page, ctx: Context) => {
    const events = await follow(parent, [['CONCERNS', 'IN', ['Event']]], ctx);
    return events.sort((a, b) => a.year! - b.year! || compareIds(a.id, b.id)).slice(0, args.first ?? undefined);
  },
};

/** A relation's id: its type and ends, which identify it (one relation per type, source and target). */
export function relationId(r: RelationRecord): string {
  return `${r.type}:${r.source}:${r.target}`;
}

/** The type and ends a relation id names, or undefined for an id that is not a relation's (an entity's slug). */
export function parseRelationId(id: string): Pick<RelationRecord, 'type' | 'source' | 'target'> | undefined {
  const match = /^([A-Z_]+):([a-z0-9-]+):([a-z0-9-]+)$/.exec(id);
  return match ? { type: match[1] as RelationRecord['type'], source: match[2], target: match[3] } : undefined;
}
