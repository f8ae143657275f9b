/** Root fields: arguments (already checked against their ranges by src/cost.ts) are handed to the store port. */
import type { QueryAllShortestPathsArgs, QueryResolvers } from '../__generated__/resolvers-types.js';
import type { Context } from '../context.js';
import type { ChainsRecord } from './Chains.js';
import type { EntityRecord, GraphStore, Subgraph } from '../graph/types.js';
import { BadUserInput, NotFound, clip } from '../errors.js';
import { parseRelationId, relationId } from './links.js';

export interface EntityPage {
  items: EntityRecord[];
  offset: number;
  totalCount: number;
}
export interface EntityEdgeResult {
  node: EntityRecord;
  offset: number;
}
export type SubgraphResult = Subgraph & { truncated: boolean };

export function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const match = /^offset:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw new BadUserInput(`after is not a cursor this API issued: "${clip(cursor)}"`, 'after');
  return Number(match[1]) + 1;
}

type Lookup = { store: { resolve(refs: readonly string[]): Promise<(string | null)[]> }; loaders: { entity: { load(id: string): Promise<EntityRecord | null> } } };

/** An entity named by an argument: its id first (batched through the loader), else a name or alias in either language. */
async function findEntity(ref: string, ctx: Lookup): Promise<EntityRecord | null> {
  const byId = await ctx.loaders.entity.load(ref);
  if (byId) return byId;
  const [id] = await ctx.store.resolve([ref]);
  return id ? ctx.loaders.entity.load(id) : null;
}

/**
 * The entity an argument names (ids are names too), or NOT_FOUND naming the closest entities so the caller can ask
 * again. Resolving first keeps a failure to two rounds of store calls, which matters to the siblings it cancels.
 */
async function requireEntity(ref: string, argument: string, ctx: Lookup & { store: { search: GraphStore['search'] } }): Promise<EntityRecord> {
  const [id] = await ctx.store.resolve([ref]);
  const entity = id ? await ctx.loaders.entity.load(id) : null;
  if (entity) return entity;
  const hits = ref.trim() ? await ctx.store.search({ text: ref.trim(), limit: 3 }) : [];
  const closest = hits.map((h) => `${h.entity.id} (${h.entity.nameZh})`).join(', ');
  throw new NotFound(`no entity has the id, name or alias "${clip(ref)}" (argument ${argument})${closest ? `; closest: ${closest}` : ''}`);
}

/** The entities two arguments name and the shortest paths between them, best first (allShortestPaths and connection). */
async function shortestPaths({ from, to, maxDepth, relationTypes, first }: QueryAllShortestPathsArgs, ctx: Context): Promise<ChainsRecord> {
  const [source, target] = await Promise.all([requireEntity(from, 'from', ctx), requireEntity(to, 'to', ctx)]);
  const paths = await ctx.store.allShortestPaths({ from: source.id, to: target.id, maxDepth: maxDepth!, types: relationTypes ?? undefined, first: first! });
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

  search: (_root, { text, kinds, first }, ctx) => ctx.store.search({ text: text.trim(), kinds: kinds ?? undefined, limit: first! }),

  neighborhood: async (_root, { id, depth, relationTypes, limit }, ctx) => {
    const nodes = limit!;
    const centre = await requireEntity(id, 'id', ctx);
    // One node more than asked for tells whether the answer was cut.
    const found = await ctx.store.neighborhood({ id: centre.id, depth: depth!, types: relationTypes ?? undefined, limit: nodes + 1 });
    if (!found) throw new NotFound(`no entity has id "${clip(centre.id)}" (argument id)`);
    if (found.nodes.length <= nodes) return { ...found, truncated: false };
    const kept = new Set(found.nodes.slice(0, nodes).map((n) => n.id));
    return {
      nodes: found.nodes.slice(0, nodes),
      edges: found.edges.filter((e) => kept.has(e.source) && kept.has(e.target)),
      truncated: true,
    };
  },

  shortestPath: async (_root, { from, to, maxDepth, relationTypes }, ctx) => {
    const [source, target] = await Promise.all([requireEntity(from, 'from', ctx), requireEntity(to, 'to', ctx)]);
    return ctx.store.shortestPath({ from: source.id, to: target.id, maxDepth: maxDepth!, types: relationTypes ?? undefined });
  },

  allShortestPaths: async (_root, args, ctx) => (await shortestPaths(args, ctx)).paths,

  connection: (_root, args, ctx) => shortestPaths(args, ctx),

  metrics: (_root, { subject, region, year, indicator }, ctx) =>
    ctx.store.metrics({ subject: subject ?? undefined, region: region ?? undefined, year: year ?? undefined, indicator: indicator ?? undefined }),

  stats: (_root, _args, ctx) => ctx.store.stats(),
};
