/** Root fields: arguments (already checked against their ranges by src/cost.ts) are handed to the store port. */
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import type { EntityRecord, Subgraph } from '../graph/types.js';
import { BadUserInput, NotFound, clip } from '../errors.js';

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

async function requireEntity(id: string, argument: string, ctx: { loaders: { entity: { load(id: string): Promise<EntityRecord | null> } } }) {
  const entity = await ctx.loaders.entity.load(id);
  if (!entity) throw new NotFound(`no entity has id "${clip(id)}" (argument ${argument})`);
  return entity;
}

export const Query: QueryResolvers = {
  entity: (_root, { id }, ctx) => ctx.loaders.entity.load(id),

  entities: async (_root, { kind, first, after }, ctx) => {
    const offset = after ? decodeCursor(after) : 0;
    const page = await ctx.store.listEntities({ kind: kind ?? undefined, offset, limit: first! });
    return { items: page.items, offset, totalCount: page.totalCount };
  },

  search: (_root, { text, kinds, first }, ctx) => ctx.store.search({ text: text.trim(), kinds: kinds ?? undefined, limit: first! }),

  neighborhood: async (_root, { id, depth, relationTypes, limit }, ctx) => {
    const nodes = limit!;
    await requireEntity(id, 'id', ctx);
    // One node more than asked for tells whether the answer was cut.
    const found = await ctx.store.neighborhood({ id, depth: depth!, types: relationTypes ?? undefined, limit: nodes + 1 });
    if (!found) throw new NotFound(`no entity has id "${clip(id)}" (argument id)`);
    if (found.nodes.length <= nodes) return { ...found, truncated: false };
    const kept = new Set(found.nodes.slice(0, nodes).map((n) => n.id));
    return {
      nodes: found.nodes.slice(0, nodes),
      edges: found.edges.filter((e) => kept.has(e.source) && kept.has(e.target)),
      truncated: true,
    };
  },

  shortestPath: async (_root, { from, to, maxDepth, relationTypes }, ctx) => {
    await requireEntity(from, 'from', ctx);
    await requireEntity(to, 'to', ctx);
    return ctx.store.shortestPath({ from, to, maxDepth: maxDepth!, types: relationTypes ?? undefined });
  },

  metrics: (_root, { subject, region, year, indicator }, ctx) =>
    ctx.store.metrics({ subject: subject ?? undefined, region: region ?? undefined, year: year ?? undefined, indicator: indicator ?? undefined }),

  stats: (_root, _args, ctx) => ctx.store.stats(),
};
