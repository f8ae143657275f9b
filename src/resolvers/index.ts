/** All resolvers, one typed slice per GraphQL type. */
import { isNonNullType, type GraphQLResolveInfo } from 'graphql';
import type { QueryResolvers, Resolvers } from '../__generated__/resolvers-types.js';
import type { Context } from '../context.js';
import { Query } from './Query.js';
import { Entity, EntityConnection, EntityEdge, Node, Path, Relation } from './connections.js';
import { Chain, ChainStep, Chains } from './Chains.js';
import { Application } from './Application.js';
import { Challenge } from './Challenge.js';
import { Concept } from './Concept.js';
import { Dataset } from './Dataset.js';
import { Event } from './Event.js';
import { Figure } from './Figure.js';
import { Framework } from './Framework.js';
import { Hardware } from './Hardware.js';
import { Industry } from './Industry.js';
import { Metric } from './Metric.js';
import { Model } from './Model.js';
import { Organization } from './Organization.js';
import { Person } from './Person.js';
import { Policy } from './Policy.js';
import { Product } from './Product.js';
import { Publication } from './Publication.js';
import { Recommendation } from './Recommendation.js';
import { Region } from './Region.js';
import { Section } from './Section.js';
import { Solution } from './Solution.js';
import { Standard } from './Standard.js';
import { Technology } from './Technology.js';
import { Trend } from './Trend.js';

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

export const resolvers: Resolvers = {
  Query: abandonOnFailure(Query),
  Entity, EntityConnection, EntityEdge, Node, Path, Relation, Chains, Chain, ChainStep,
  Application, Challenge, Concept, Dataset, Event, Figure, Framework, Hardware, Industry, Metric, Model, Organization,
  Person, Policy, Product, Publication, Recommendation, Region, Section, Solution, Standard, Technology, Trend,
};
