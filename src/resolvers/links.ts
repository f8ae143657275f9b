/** Shared resolver pieces: the Entity interface's fields, typed relationship fields built from the table in fields.ts, relation ids. */
import type { Context } from '../context.js';
import type { Direction, EntityKind, EntityRecord, RelationRecord, RelationType } from '../graph/types.js';
import { sectionId } from '../graph/vocabulary.js';
import { compareIds } from '../graph/traversal.js';
import type { DatasetResolvers } from '../__generated__/resolvers-types.js';
import { RELATION_FIELDS, type Leg, type RelationField } from './fields.js';

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

/** A kind's typed relationship fields, built from the table in fields.ts. */
export function relationFields(kind: EntityKind): Record<string, (parent: EntityRecord, args: Page, ctx: Context) => Promise<unknown>> {
  const fields: Record<string, RelationField> = RELATION_FIELDS[kind];
  const built: Record<string, (parent: EntityRecord, args: Page, ctx: Context) => Promise<unknown>> = {};
  for (const [name, { legs, single, order }] of Object.entries(fields)) {
    built[name] = async (parent, args, ctx) => {
      const found = await follow(parent, legs, ctx);
      if (order) found.sort(order);
      return single ? (found[0] ?? null) : found.slice(0, args.first ?? undefined);
    };
  }
  return built;
}

async function sectionsOf(parent: EntityRecord, args: Page, ctx: Context) {
  const sections = await ctx.loaders.entity.loadMany(parent.sections.slice(0, args.first ?? undefined).map(sectionId));
  return sections.filter((s): s is EntityRecord => !!s && !(s instanceof Error));
}

interface RelationsArgs {
  types?: RelationType[] | null;
  direction?: Direction | null;
}

/** Its relations of `types` (all when absent) in `direction`: what `relations` pages and `relationCount` counts. */
async function relationsOf(parent: EntityRecord, args: RelationsArgs, ctx: Context): Promise<RelationRecord[]> {
  // Stryker disable next-line StringLiteral: equivalent, an empty direction filters as BOTH does (README: Mutation testing)
  const direction = args.direction ?? 'BOTH';
  const relations = await ctx.loaders.relations.load(parent.id);
  return relations.filter(
    (r) =>
      (!args.types?.length || args.types.includes(r.type)) &&
      ((direction !== 'IN' && r.source === parent.id) || (direction !== 'OUT' && r.target === parent.id)),
  );
}

interface RelatedArgs {
  type: RelationType;
  direction?: Direction | null;
  kinds?: EntityKind[] | null;
}

/** The other ends of its relations of one type: what `related` pages and `relatedCount` counts. */
function relatedOf(parent: EntityRecord, args: RelatedArgs, ctx: Context): Promise<EntityRecord[]> {
  const leg: Leg = args.kinds?.length ? [args.type, args.direction ?? 'OUT', args.kinds] : [args.type, args.direction ?? 'OUT'];
  return follow(parent, [leg], ctx);
}

/** The fields every entity type has, spread into each type's resolvers. */
export const entityFields = {
  sections: (parent, args, ctx) => sectionsOf(parent, args, ctx),
  relations: async (parent, args, ctx) => (await relationsOf(parent, args, ctx)).slice(0, args.first ?? undefined),
  relationCount: async (parent, args, ctx) => (await relationsOf(parent, args, ctx)).length,
  related: async (parent, args, ctx) => (await relatedOf(parent, args, ctx)).slice(0, args.first ?? undefined),
  relatedCount: async (parent, args, ctx) => (await relatedOf(parent, args, ctx)).length,
  metrics: async (parent, args, ctx) => (await follow(parent, [['MEASURES', 'IN', ['Metric']]], ctx)).slice(0, args.first ?? undefined),
  events: async (parent, args, ctx) => {
    const events = await follow(parent, [['CONCERNS', 'IN', ['Event']]], ctx);
    return events.sort((a, b) => a.year! - b.year! || compareIds(a.id, b.id)).slice(0, args.first ?? undefined);
  },
} satisfies DatasetResolvers; // Dataset has only the Entity interface's fields: its resolver type is theirs.

/** A relation's id: its type and ends, which identify it (one relation per type, source and target). */
export function relationId(r: RelationRecord): string {
  return `${r.type}:${r.source}:${r.target}`;
}

/** The type and ends a relation id names, or undefined for an id that is not a relation's (an entity's slug). */
export function parseRelationId(id: string): Pick<RelationRecord, 'type' | 'source' | 'target'> | undefined {
  const match = /^([A-Z_]+):([a-z0-9-]+):([a-z0-9-]+)$/.exec(id);
  return match ? { type: match[1] as RelationRecord['type'], source: match[2], target: match[3] } : undefined;
}
