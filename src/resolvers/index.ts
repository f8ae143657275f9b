/** All resolvers, one typed slice per GraphQL type. */
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { Query } from './Query.js';
import { Entity, EntityConnection, EntityEdge, Path, Relation } from './connections.js';
import { Application } from './Application.js';
import { Challenge } from './Challenge.js';
import { Concept } from './Concept.js';
import { Dataset } from './Dataset.js';
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

export const resolvers: Resolvers = {
  Query, Entity, EntityConnection, EntityEdge, Path, Relation,
  Application, Challenge, Concept, Dataset, Figure, Framework, Hardware, Industry, Metric, Model, Organization,
  Person, Policy, Product, Publication, Recommendation, Region, Section, Solution, Standard, Technology, Trend,
};
