/** Root fields: arguments (already checked against their ranges by src/cost.ts) are handed to the store port. */
import type { QueryAllShortestPathsArgs, QueryResolvers } from '../__generated__/resolvers-types.js';
import { remember, type Context } from '../context.js';
import type { ChainsRecord } from '../models.js';
import type { EntityRecord, GraphStore, RelationRecord, SearchAfter, SearchHit } from '../graph/types.js';
import { INDICATOR_NAMES, findIndicator, groupSeries, summarizeIndicators } from '../graph/indicators.js';
import { compareRelations, defaultTraversalTypes } from '../graph/traversal.js';
import { BadUserInput, NotFound, clip } from '../errors.js';
import { parseRelationId, relationId } from './links.js';

export function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const match = /^offset:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw new BadUserInput(`after is not a cursor this API issued: "${clip(cursor)}"`, 'after');
  return Number(match[1]) + 1;
}

/** A search hit's place in its ranking (score, then id), so that the next page starts right after it. */
export function encodeSearchCursor(hit: SearchHit): string {
  return Buffer.from(`hit:${hit.score}:${hit.entity.id}`).toString('base64url');
}

function decodeSearchCursor(cursor: string): SearchAfter {
  const match = /^hit:(0|1|0\.\d{1,4}):(.{1,200})$/s.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw new BadUserInput(`after is not a search cursor this API issued: "${clip(cursor)}"`, 'after');
  return { score: Number(match[1]), id: match[2] };
}

type Lookup = { store: { resolve(refs: readonly string[]): Promise<(string | null)[]> }; loaders: { entity: { load(id: string): Promise<EntityRecord | null> } } };

type Finder = Lookup & { store: { search: GraphStore['search'] } };

/**
 * An entity named by an argument: its id first (batched through the loader), else a name or alias in either language;
 * else NOT_FOUND naming the closest. `entity` is nullable, so the rest of the query still answers beside the error.
 */
async function findEntity(ref: string, ctx: Finder): Promise<EntityRecord> {
  const byId = await ctx.loaders.entity.load(ref);
  if (byId) return byId;
  return requireEntity(ref, 'id', ctx);
}

/**
 * The entity an argument names (ids are names too), or NOT_FOUND naming the closest entities so the caller can ask
 * again. Resolving first keeps a failure to two rounds of store calls, which matters to the siblings it cancels.
 */
async function requireEntity(ref: string, argument: string, ctx: Finder): Promise<EntityRecord> {
  const [id] = await ctx.store.resolve([ref]);
  const entity = id ? await ctx.loaders.entity.load(id) : null;
  if (entity) return entity;
  const hits = ref.trim() ? await ctx.store.search({ text: ref.trim(), limit: 3 }) : [];
  const closest = hits.map((h) => `${h.entity.id} (${h.entity.nameZh})`).join(', ');
  throw new NotFound(`no entity has the id, name or alias "${clip(ref)}" (argument ${argument})${closest ? `; closest: ${closest}` : ''}`);
}

/** The slug an indicator argument stands for: a slug or name in the names table, else the text as a slug. */
function indicatorSlug(ref: string | null | undefined): string | undefined {
  if (ref === null || ref === undefined) return undefined;
  // Stryker disable next-line MethodExpression: equivalent, the fallback is taken only when no indicator matches, so the slug matches no metric either way (README: Mutation testing)
  return findIndicator(ref, Object.keys(INDICATOR_NAMES)) ?? ref.trim();
}

/** The entities two arguments name and the shortest paths between them, best first (shortestPath is the first of them). */
async function shortestPaths({ from, to, maxDepth, relationTypes, first }: QueryAllShortestPathsArgs, ctx: Context): Promise<ChainsRecord> {
  const [source, target] = await Promise.all([requireEntity(from, 'from', ctx), requireEntity(to, 'to', ctx)]);
  const paths = await ctx.store.allShortestPaths({ from: source.id, to: target.id, maxDepth: maxDepth!, types: relationTypes ?? undefined, first: first! });
  for (const path of paths) remember(ctx, path.nodes);
  return { from: source, to: target, paths };
}

export const Query: QueryResolvers = {
  entity: (_root, { id }, ctx) => findEntity(id, ctx),

  node: async (_root, { id }, ctx) => {
    const wanted = parseRelationId(id);
    if (!wanted) return ctx.loaders.entity.load(id);
    const relations = await ctx.loaders.relations.load(wanted.source);
    return relations.find((r) => relationId(r) === id) ?? null;
  },

  entities: async (_root, { kind, first, after }, ctx) => {
    const offset = after ? decodeCursor(after) : 0;
    const page = await ctx.store.listEntities({ kind: kind ?? undefined, offset, limit: first! });
    return { items: page.items, offset, totalCount: page.totalCount };
  },

  search: (_root, { text, kinds, first, after }, ctx) =>
    // Stryker disable next-line MethodExpression: equivalent, search reads the text as words, so spaces around it change no hit (README: Mutation testing)
    ctx.store.search({ text: text.trim(), kinds: kinds ?? undefined, limit: first!, after: after ? decodeSearchCursor(after) : undefined }),

  neighborhood: async (_root, { id, depth, relationTypes, limit, direction, kinds, maxDegree }, ctx) => {
    const nodes = limit!;
    const centre = await requireEntity(id, 'id', ctx);
    // One node more than asked for tells whether the answer was cut.
    const found = await ctx.store.neighborhood({
      id: centre.id,
      depth: depth!,
      types: relationTypes ?? undefined,
      limit: nodes + 1,
      direction: direction ?? undefined,
      kinds: kinds ?? undefined,
      maxDegree: maxDegree ?? undefined,
    });
    // Stryker disable next-line StringLiteral: equivalent, unreachable: requireEntity found the centre just before, and the graph is read-only (README: Mutation testing)
    if (!found) throw new NotFound(`no entity has id "${clip(centre.id)}" (argument id)`);
    remember(ctx, found.nodes);
    const members = found.nodes.slice(0, nodes).map((entity, i) => ({ entity, ...found.members[i] }));
    if (found.nodes.length <= nodes) return { nodes: found.nodes, edges: found.edges, truncated: false, members };
    const kept = new Set(members.map((m) => m.entity.id));
    return {
      nodes: found.nodes.slice(0, nodes),
      edges: found.edges.filter((e) => kept.has(e.source) && kept.has(e.target)),
      truncated: true,
      members,
    };
  },

  subgraph: async (_root, { ids, relationTypes }, ctx) => {
    const resolved = await ctx.store.resolve(ids);
    const unknown = ids.find((_, i) => resolved[i] === null);
    if (unknown !== undefined) await requireEntity(unknown, 'ids', ctx);
    const members = [...new Set(resolved as string[])];
    const [entities, relations] = await Promise.all([Promise.all(members.map((m) => ctx.loaders.entity.load(m))), Promise.all(members.map((m) => ctx.loaders.relations.load(m)))]);
    const allowed = new Set(relationTypes ?? defaultTraversalTypes());
    const inSet = new Set(members);
    const followed = relations.map((list) => list.filter((r) => allowed.has(r.type)));
    // Each relation among the set is in the lists of both its ends: taken once, from its source's.
    const edges: RelationRecord[] = followed.flatMap((list, i) => list.filter((r) => r.source === members[i] && inSet.has(r.target))).sort(compareRelations);
    return {
      nodes: entities.map((e) => e!),
      edges,
      truncated: false,
      members: entities.map((entity, i) => ({ entity: entity!, distance: 0, degree: followed[i].length, expanded: false })),
    };
  },

  shortestPath: async (_root, args, ctx) => (await shortestPaths({ ...args, first: 1 }, ctx)).paths[0] ?? null,

  allShortestPaths: async (_root, args, ctx) => (await shortestPaths(args, ctx)).paths,

  connection: (_root, args, ctx) => shortestPaths(args, ctx),

  metrics: (_root, { subject, region, year, indicator }, ctx) =>
    ctx.store.metrics({ subject: subject ?? undefined, region: region ?? undefined, year: year ?? undefined, indicator: indicatorSlug(indicator) }),

  metricSeries: async (_root, { indicator, region, subject }, ctx) => {
    const slug = indicatorSlug(indicator)!;
    const metrics = await ctx.store.metrics({ indicator: slug, region: region ?? undefined, subject: subject ?? undefined });
    if (!metrics.length && !(await ctx.store.metrics({ indicator: slug })).length) {
      throw new NotFound(`no indicator has the slug or name "${clip(indicator)}" (argument indicator); Query.indicators lists them`);
    }
    const relations = await ctx.loaders.relations.loadMany(metrics.map((m) => m.id));
    const subjects = new Map<string, string>();
    metrics.forEach((m, i) => {
      const measures = (relations[i] as RelationRecord[]).find((r) => r.type === 'MEASURES' && r.source === m.id);
      subjects.set(m.id, measures!.target);
    });
    const series = groupSeries(metrics, (m) => subjects.get(m.id)!);
    const regionNames = [...new Set(series.flatMap((s) => (s.region === null ? [] : [s.region])))];
    const regionIds = new Map(regionNames.map((name, i) => [name, i]));
    // Stryker disable next-line ArrayDeclaration: equivalent, an extra region name resolves to nothing no series asks for (README: Mutation testing)
    const resolved = regionNames.length ? await ctx.store.resolve(regionNames) : [];
    return series.map((s) => ({ ...s, regionId: s.region === null ? null : resolved[regionIds.get(s.region)!] }));
  },

  indicators: async (_root, _args, ctx) => summarizeIndicators(await ctx.store.metrics({})),

  stats: (_root, _args, ctx) => ctx.store.stats(),
};
