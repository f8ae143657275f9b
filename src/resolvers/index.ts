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

export const resolvers: Resolvers = {
  Query: abandonOnFailure(Query),
  Entity, EntityConnection, EntityEdge, Node, Path, Relation, Chains, Chain, ChainStep,
  Section: kind('Section', Section),
  Figure: kind('Figure', Figure),
  Concept: kind('Concept'),
  Technology: kind('Technology'),
  Application: kind('Application'),
  Industry: kind('Industry'),
  Challenge: kind('Challenge'),
  Solution: kind('Solution'),
  Trend: kind('Trend'),
  Recommendation: kind('Recommendation'),
  Organization: kind('Organization'),
  Person: kind('Person'),
  Hardware: kind('Hardware'),
  Framework: kind('Framework'),
  Model: kind('Model'),
  Product: kind('Product'),
  Dataset: kind('Dataset'),
  Metric: kind('Metric', Metric),
  Event: kind('Event', Event),
  Policy: kind('Policy'),
  Standard: kind('Standard'),
  Publication: kind('Publication'),
  Region: kind('Region'),
  MetricSeries, MetricPoint, SearchHit,
};
