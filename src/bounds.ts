/**
 * The largest length every list field can have on the loaded graph, measured by running the schema's own resolvers
 * over every entity: the query cost model (src/cost.ts) prices lists with these, so it never underestimates.
 */
import { getNamedType, isLeafType, isListType, isNonNullType, isObjectType, type GraphQLField, type GraphQLOutputType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import type { Context } from './context.js';
import type { Direction, EntityRecord, RelationRecord, RelationType } from './graph/types.js';
import { RELATION_TYPES } from './graph/vocabulary.js';
import { groupSeries, summarizeIndicators } from './graph/indicators.js';

export interface GraphBounds {
  /**
   * The longest list `type.field` returned for any entity of that type (0 when the type has no entity); for `relations`
   * and `related`, per direction, since most entities have far fewer relations one way than both ways.
   */
  fieldMax(type: string, field: string, direction?: Direction): number;
  /** At most how many relations of `types` can join `nodes` entities: half the sum of the largest degrees. */
  edgesAmong(nodes: number, types: readonly RelationType[]): number;
  /** How many Metric entities there are: the longest answer `metrics(...)` can give. */
  readonly metrics: number;
  /** How many indicators there are; the most series one indicator forms; the most points one series has. */
  readonly indicators: number;
  readonly series: number;
  readonly seriesPoints: number;
}

/** A list of objects (a leaf list such as `aliases` resolves as one value). */
export function isObjectList(type: GraphQLOutputType): boolean {
  const inner = isNonNullType(type) ? type.ofType : type;
  return isListType(inner) && !isLeafType(getNamedType(inner));
}

/** Fields whose answers are distinct ends of a subset of the entity's relations: never longer than `relations`. */
const BOUNDED_BY_RELATIONS = new Set(['related']);
const DIRECTIONS: Direction[] = ['OUT', 'IN', 'BOTH'];

function defaultArgs(field: GraphQLField<unknown, unknown>): Record<string, unknown> {
  return Object.fromEntries(field.args.filter((a) => a.defaultValue !== undefined).map((a) => [a.name, a.defaultValue]));
}

export async function measureBounds(schema: GraphQLSchema, ctx: Context): Promise<GraphBounds> {
  const { store } = ctx;
  const { totalCount } = await store.listEntities({ offset: 0, limit: 0 });
  const { items: entities } = await store.listEntities({ offset: 0, limit: totalCount });
  const adjacency = await store.relationsOf(entities.map((e) => e.id));

  const longest = new Map<string, number>();
  const record = (key: string, length: number) => longest.set(key, Math.max(longest.get(key) ?? 0, length));
  await Promise.all(
    entities.map(async (entity) => {
      const type = schema.getType(entity.kind);
      if (!isObjectType(type)) throw new Error(`entity kind ${entity.kind} has no GraphQL type`);
      for (const field of Object.values(type.getFields())) {
        if (!isObjectList(field.type) || BOUNDED_BY_RELATIONS.has(field.name)) continue;
        if (!field.resolve) throw new Error(`${type.name}.${field.name} is a list without a resolver`);
        const info = { fieldName: field.name, returnType: field.type, parentType: type } as GraphQLResolveInfo;
        const variants = field.args.some((a) => a.name === 'direction') ? DIRECTIONS : [undefined];
        for (const direction of variants) {
          const args = direction ? { ...defaultArgs(field), direction } : defaultArgs(field);
          const value = (await field.resolve(entity, args, ctx, info)) as unknown[];
          record(key(type.name, field.name, direction), value.length);
        }
      }
      for (const direction of DIRECTIONS) record(key(type.name, 'related', direction), longest.get(key(type.name, 'relations', direction)) ?? 0);
    }),
  );

  const degrees = degreesByType(entities, adjacency);
  return {
    ...seriesBounds(entities, adjacency),
    fieldMax: (type, field, direction) => longest.get(key(type, field, direction)) ?? 0,
    edgesAmong: (nodes, types) => edgeBound(degrees, nodes, types),
    metrics: entities.filter((e: EntityRecord) => e.kind === 'Metric').length,
  };
}

/** Filters only remove metrics from an indicator's series, so the unfiltered series bound every answer. */
function seriesBounds(entities: EntityRecord[], adjacency: RelationRecord[][]) {
  const metrics = entities.filter((e) => e.kind === 'Metric');
  const subjects = new Map<string, string>();
  entities.forEach((e, i) => {
    for (const r of adjacency[i]) if (r.type === 'MEASURES' && r.source === e.id) subjects.set(e.id, r.target);
  });
  const indicators = summarizeIndicators(metrics);
  const series = indicators.map((i) => groupSeries(metrics.filter((m) => m.indicator === i.slug), (m) => subjects.get(m.id)!));
  return {
    indicators: indicators.length,
    series: Math.max(0, ...series.map((s) => s.length)),
    seriesPoints: Math.max(0, ...series.flat().map((s) => s.metrics.length)),
  };
}

function key(type: string, field: string, direction?: Direction): string {
  return direction ? `${type}.${field}.${direction}` : `${type}.${field}`;
}

/** Per entity, how many of its relations have each type (indexed like RELATION_TYPES). */
function degreesByType(entities: EntityRecord[], adjacency: RelationRecord[][]): Uint32Array[] {
  const index = new Map(RELATION_TYPES.map((t, i) => [t, i]));
  return entities.map((_, i) => {
    const counts = new Uint32Array(RELATION_TYPES.length);
    for (const r of adjacency[i]) counts[index.get(r.type)!]++;
    return counts;
  });
}

function edgeBound(degrees: Uint32Array[], nodes: number, types: readonly RelationType[]): number {
  const columns = types.map((t) => RELATION_TYPES.indexOf(t));
  const totals = degrees.map((counts) => columns.reduce((sum, c) => sum + counts[c], 0)).sort((a, b) => b - a);
  let sum = 0;
  for (let i = 0; i < Math.min(nodes, totals.length); i++) sum += totals[i];
  // Every relation among the chosen entities is counted once at each end.
  return Math.ceil(sum / 2);
}
