/**
 * The largest length every list field can have on the loaded graph, measured by running the schema's own resolvers
 * over every entity: the query cost model (src/cost.ts) prices lists with these, so it never underestimates.
 */
import { getNamedType, isLeafType, isListType, isNonNullType, isObjectType, type GraphQLField, type GraphQLOutputType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import type { Direction, EntityRecord, GraphStore, RelationRecord, RelationType } from './graph/types.js';
import { RELATION_TYPES } from './graph/vocabulary.js';
import { groupSeries, summarizeIndicators } from './graph/indicators.js';
import { TRAVERSAL_LIMITS, defaultTraversalTypes } from './graph/traversal.js';

export interface GraphBounds {
  /**
   * The longest list `type.field` returned for any entity of that type (0 when the type has no entity); for `relations`
   * and `related`, per direction, since most entities have far fewer relations one way than both ways.
   */
  fieldMax(type: string, field: string, direction?: Direction): number;
  /** At most how many relations of `types` can join `nodes` entities: half the sum of the largest degrees. */
  edgesAmong(nodes: number, types: readonly RelationType[]): number;
  /**
   * The most nodes and relations a neighbourhood of at most `limit` nodes and `depth` hops under `types` can hold, over
   * every centre: direction, kinds, maxDegree and fewer types only leave out parts of the neighbourhoods measured here.
   */
  neighbourhood(limit: number, depth: number, types: readonly RelationType[]): { nodes: number; edges: number };
  /** How many Metric entities there are: the longest answer `metrics(...)` can give. */
  readonly metrics: number;
  /** How many indicators there are; the most series one indicator forms; the most points one series has. */
  readonly indicators: number;
  readonly series: number;
  readonly seriesPoints: number;
}

/** A list of objects (a leaf list such as `aliases` resolves as one value). */
function isObjectList(type: GraphQLOutputType): boolean {
  const inner = isNonNullType(type) ? type.ofType : type;
  return isListType(inner) && !isLeafType(getNamedType(inner));
}

/** Fields whose answers are distinct ends of a subset of the entity's relations: never longer than `relations`. */
const BOUNDED_BY_RELATIONS = new Set(['related']);
const DIRECTIONS: Direction[] = ['OUT', 'IN', 'BOTH'];

/** The arguments graphql-js would pass a field asked for without any: its defaults. */
function defaultArgs(field: GraphQLField<unknown, unknown>): Record<string, unknown> {
  // Stryker disable next-line MethodExpression,ArrowFunction,ConditionalExpression,EqualityOperator,ArrayDeclaration: equivalent, the only default of a list field measured here is direction, which measureBounds sets for each direction anyway (README: Mutation testing)
  return Object.fromEntries(field.args.filter((a) => a.defaultValue !== undefined).map((a) => [a.name, a.defaultValue]));
}

/**
 * `ctx` is what the resolvers run with (a request context from src/context.ts, which calls this); only its store is
 * read here, so this module does not import the context's and the two do not import each other.
 */
export async function measureBounds(schema: GraphQLSchema, ctx: { store: GraphStore }): Promise<GraphBounds> {
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
  // Two walks from every entity, not one per type set a client sends: fewer types only leave parts of these out.
  const ends = adjacencyIndexes(entities, adjacency);
  const reach = new Map<boolean, Reach>();
  const reachOf = (types: readonly RelationType[]) => {
    const all = types.includes('MENTIONED_IN');
    if (!reach.has(all)) reach.set(all, largestNeighbourhoods(ends, all ? RELATION_TYPES : defaultTraversalTypes()));
    return reach.get(all)!;
  };
  return {
    ...seriesBounds(entities, adjacency),
    fieldMax: (type, field, direction) => longest.get(key(type, field, direction)) ?? 0,
    edgesAmong: (nodes, types) => edgeBound(degrees, nodes, types),
    neighbourhood: (limit, depth, types) => {
      const { nodes, edges } = reachOf(types);
      return { nodes: Math.min(limit, nodes[depth - 1]), edges: Math.min(edges[depth - 1], edgeBound(degrees, limit, types)) };
    },
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

/** Per entity, its relations as (other end, type index, whether it is the source), for walks without lookups. */
interface Ends {
  other: Int32Array;
  type: Int32Array;
  outgoing: Uint8Array;
}

function adjacencyIndexes(entities: EntityRecord[], adjacency: RelationRecord[][]): Ends[] {
  const index = new Map(entities.map((e, i) => [e.id, i]));
  return adjacency.map((relations, i) => ({
    other: Int32Array.from(relations, (r) => index.get(r.source === entities[i].id ? r.target : r.source)!),
    type: Int32Array.from(relations, (r) => RELATION_TYPES.indexOf(r.type)),
    // Stryker disable next-line EqualityOperator: equivalent, read only to count a relation between two new nodes once, which either end does alike (README: Mutation testing)
    outgoing: Uint8Array.from(relations, (r) => (r.source === entities[i].id ? 1 : 0)),
  }));
}

/** The most nodes and relations any neighbourhood holds at each depth (index 0 is depth 1) under some types. */
interface Reach {
  nodes: number[];
  edges: number[];
}

/**
 * The largest neighbourhoods of the graph at each depth, walked from every entity both ways through every kind with no
 * damping: direction, kinds and maxDegree only leave parts of these out, so they bound every neighbourhood.
 */
function largestNeighbourhoods(ends: Ends[], followed: readonly RelationType[]): Reach {
  const types = new Uint8Array(RELATION_TYPES.length);
  for (const t of followed) types[RELATION_TYPES.indexOf(t)] = 1;
  const depths = TRAVERSAL_LIMITS.maxNeighborhoodDepth;
  const reach: Reach = { nodes: Array(depths).fill(0), edges: Array(depths).fill(0) };
  const visitedBy = new Int32Array(ends.length).fill(-1);
  const ring = new Int32Array(ends.length);
  for (let centre = 0; centre < ends.length; centre++) {
    visitedBy[centre] = centre;
    ring[centre] = 0;
    let frontier = [centre];
    let nodes = 1;
    let edges = 0;
    for (let d = 0; d < depths; d++) {
      const next: number[] = [];
      for (const node of frontier) {
        const { other, type } = ends[node];
        for (let k = 0; k < other.length; k++) {
          if (types[type[k]] && visitedBy[other[k]] !== centre) {
            visitedBy[other[k]] = centre;
            ring[other[k]] = d + 1;
            next.push(other[k]);
          }
        }
      }
      // A relation joins the ball when its later end does: counted once, from the new end (at its source when both are new).
      for (const node of next) {
        const { other, type, outgoing } = ends[node];
        for (let k = 0; k < other.length; k++) {
          if (!types[type[k]] || visitedBy[other[k]] !== centre) continue;
          if (ring[other[k]] <= d || outgoing[k] === 1) edges++;
        }
      }
      nodes += next.length;
      frontier = next;
      reach.nodes[d] = Math.max(reach.nodes[d], nodes);
      reach.edges[d] = Math.max(reach.edges[d], edges);
    }
  }
  return reach;
}

function edgeBound(degrees: Uint32Array[], nodes: number, types: readonly RelationType[]): number {
  const columns = types.map((t) => RELATION_TYPES.indexOf(t));
  const totals = degrees.map((counts) => columns.reduce((sum, c) => sum + counts[c], 0)).sort((a, b) => b - a);
  let sum = 0;
  for (let i = 0; i < Math.min(nodes, totals.length); i++) sum += totals[i];
  // Every relation among the chosen entities is counted once at each end.
  return Math.ceil(sum / 2);
}
