/** Paging, relation, path and search types: thin mappings from store records. */
import type {
  EntityConnectionResolvers,
  EntityEdgeResolvers,
  PathResolvers,
  RelationResolvers,
  EntityResolvers,
  NodeResolvers,
} from '../__generated__/resolvers-types.js';
import { sectionId } from '../graph/vocabulary.js';
import { encodeCursor } from './Query.js';
import { relationId } from './links.js';
import { relationEnd } from '../context.js';

export const EntityConnection: EntityConnectionResolvers = {
  edges: (page) => page.items.map((node, i) => ({ node, offset: page.offset + i })),
  nodes: (page) => page.items,
  pageInfo: (page) => ({
    hasNextPage: page.offset + page.items.length < page.totalCount,
    endCursor: page.items.length ? encodeCursor(page.offset + page.items.length - 1) : null,
  }),
  totalCount: (page) => page.totalCount,
};

export const EntityEdge: EntityEdgeResolvers = {
  cursor: (edge) => encodeCursor(edge.offset),
  node: (edge) => edge.node,
};

export const Node: NodeResolvers = {
  __resolveType: (node) => ('kind' in node ? node.kind : 'Relation'),
};

export const Relation: RelationResolvers = {
  id: (r) => relationId(r),
  source: (r, _args, ctx) => relationEnd(ctx, r.source),
  target: (r, _args, ctx) => relationEnd(ctx, r.target),
  section: (r, _args, ctx) => relationEnd(ctx, sectionId(r.section)),
};

export const Path: PathResolvers = {
  length: (path) => path.edges.length,
};

export const Entity: EntityResolvers = {
  __resolveType: (entity) => entity.kind,
};
