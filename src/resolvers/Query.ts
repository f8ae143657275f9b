/** Root fields: arguments are checked against the limits, then handed to the store port. */
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import type { EntityRecord, Subgraph } from '../graph/types.js';
import { LIMITS } from '../config.js';
import { BadUserInput, NotFound } from '../errors.js';

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

function pageSize(first: number | null | undefined, fallback: number): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > LIMITS.maxPageSize) {
    throw new BadUserInput(`first must be between 1 and ${LIMITS.maxPageSize}; got ${n}`, 'first');
  }
  return n;
}

function inRange(name: string, value: number, min: number, max: number): number {
  if (value < min || value > max) throw new BadUserInput(`${name} must be between ${min} and ${max}; got ${value}`, name);
  return value;
}

export function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const match = /^offset:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw new BadUserInput(`after is not a cursor this API issued: "${cursor.slice(0, 40)}"`, 'after');
  return Number(match[1]) + 1;
}

async function requireEntity(id: string, argument: string, ctx: { loaders: { entity: { load(id: string): Promise<EntityRecord | null> } } }) {
  const entity = await ctx.loaders.entity.load(id);
  if (!entity) throw new NotFound(`no entity has id "${id}" (argument ${argument})`);
  return entity;
}

export const Query: QueryResolvers = {
  entity: (_root, { id }, ctx) => ctx.loaders.entity.load(id),

  entities: async (_root, { kind, first, after }, ctx) => {
    const limit = pageSize(first, 20);
    const offset = after ? decodeCursor(after) : 0;
    const page = await ctx.store.listEntities({ kind: kind ?? undefined, offset, limit });
    return { items: page.items, offset, totalCount: page.totalCount };
  },

  search: (_root, { text, kinds, first }, ctx) => {
    const trimmed = text.trim();
    if (!trimmed) throw new BadUserInput('text must not be empty', 'text');
    if (trimmed.length > LIMITS.maxSearchLength) {
      throw new BadUserInput(`text must be at most ${LIMITS.maxSearchLength} characters; got ${trimmed.length}`, 'text');
    }
    return ctx.store.search({ text: trimmed, kinds: kinds ?? undefined, limit: pageSize(first, 10) });
  },

  neighborhood: async (_root, { id, depth, relationTypes, limit }, ctx) => {
    const hops = inRange('depth', depth ?? 1, 1, LIMITS.maxNeighborhoodDepth);
    const nodes = inRange('limit', limit ?? 200, 1, LIMITS.maxNeighborhoodNodes);
    await requireEntity(id, 'id', ctx);
    // One node more than asked for tells whether the answer was cut.
    const found = await ctx.store.neighborhood({ id, depth: hops, types: relationTypes ?? undefined, limit: nodes + 1 });
    if (!found) throw new NotFound(`no entity has id "${id}" (argument id)`);
    if (found.nodes.length <= nodes) return { ...found, truncated: false };
    const kept = new Set(found.nodes.slice(0, nodes).map((n) => n.id));
    return {
      nodes: found.nodes.slice(0, nodes),
      edges: found.edges.filter((e) => kept.has(e.source) && kept.has(e.target)),
      truncated: true,
    };
  },

  shortestPath: async (_root, { from, to, maxDepth, relationTypes }, ctx) => {
    const depth = inRange('maxDepth', maxDepth ?? 6, 1, LIMITS.maxPathDepth);
    await requireEntity(from, 'from', ctx);
    await requireEntity(to, 'to', ctx);
    return ctx.store.shortestPath({ from, to, maxDepth: depth, types: relationTypes ?? undefined });
  },

  metrics: (_root, { subject, region, year }, ctx) =>
    ctx.store.metrics({ subject: subject ?? undefined, region: region ?? undefined, year: year ?? undefined }),

  stats: (_root, _args, ctx) => ctx.store.stats(),
};
