/** All resolvers, one typed slice per GraphQL type. */
import { isNonNullType, type GraphQLResolveInfo } from 'graphql';
import type { QueryResolvers, Resolvers } from '../__generated__/resolvers-types.js';
import type { Context } from '../context.js';
import { Query } from './Query.js';
import { Entity, EntityConnection, EntityEdge, Node, Path, Relation } from './connections.js';
import { Chain, ChainStep, Chains } from './Chains.js';
import { Event } from './Event.js';
import { Figure } from './Figure.js';
import { Metric } from './Metric.js';
import { MetricPoint } from './MetricPoint.js';
import { MetricSeries } from './MetricSeries.js';
import { SearchHit } from './SearchHit.js';
import { Section } from './Section.js';
import { entityFields, relationFields } from './links.js';
import type { EntityKind } from '../graph/types.js';
import { ENTITY_KINDS } from '../graph/vocabulary.js';

type RootResolver = (root: unknown, args: unknown, ctx: Context, info: GraphQLResolveInfo) => unknown;

/** A root field of a non-null type that fails nulls the whole result: the request's remaining store work is dropped. */
function abandonOnFailure(query: QueryResolvers): QueryResolvers {
  const wrapped: Record<string, RootResolver> = {};
  for (const [name, resolve] of Object.entries(query) as [string, RootResolver][]) {
    wrapped[name] = async (root, args, ctx, info) => {
      try {
        return await resolve(root, args, ctx, info);
      } catch (error) {
        if (isNonNullType(info.returnType)) ctx.guard.abort();
        throw error;
      }
    };
  }
  return wrapped as QueryResolvers;
}

/** A kind's resolvers: the Entity interface's fields, its relationship fields from the table, then its own (fields.ts). */
function kind<K extends EntityKind>(name: K, own: object = {}): NonNullable<Resolvers[K]> {
  const assembled: object = { ...entityFields, ...relationFields(name), ...own };
  return assembled as NonNullable<Resolvers[K]>;
}

/** Kinds with fields of their own besides the Entity interface's and the relationship table's. */
const OWN_FIELDS: Partial<Record<EntityKind, object>> = { Section, Figure, Metric, Event };

/** Every kind of the vocabulary, each assembled by kind(): a new kind needs no line here. */
const kinds = Object.fromEntries(ENTITY_KINDS.map((name) => [name, kind(name, OWN_FIELDS[name])])) as Pick<Resolvers, EntityKind>;

export const resolvers: Resolvers = {
  Query: abandonOnFailure(Query),
  Entity, EntityConnection, EntityEdge, Node, Path, Relation, Chains, Chain, ChainStep,
  ...kinds,
  MetricSeries, MetricPoint, SearchHit,
};
