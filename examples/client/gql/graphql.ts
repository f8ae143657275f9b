/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** The closed set of entity kinds. */
export type EntityKind =
  | 'Application'
  | 'Challenge'
  | 'Concept'
  | 'Dataset'
  | 'Event'
  | 'Figure'
  | 'Framework'
  | 'Hardware'
  | 'Industry'
  | 'Metric'
  | 'Model'
  | 'Organization'
  | 'Person'
  | 'Policy'
  | 'Product'
  | 'Publication'
  | 'Recommendation'
  | 'Region'
  | 'Section'
  | 'Solution'
  | 'Standard'
  | 'Technology'
  | 'Trend';

/** The closed set of metric units. */
export type MetricUnit =
  /** a number of things; the metric's unit says what */
  | 'COUNT'
  | 'EFLOPS'
  | 'GBPS'
  /** percent */
  | 'PERCENT'
  /** a place in a ranking (1 is the highest), for comparisons the whitepaper states without a number: 最高, 排名全球第二 */
  | 'RANK'
  /** an index score */
  | 'SCORE'
  | 'TBPS'
  /** a multiple */
  | 'TIMES'
  /** tens of thousands of US dollars (万美元) */
  | 'USD_10K'
  /** hundreds of millions of US dollars (亿美元) */
  | 'USD_100M'
  | 'YEARS'
  | 'ZB';

export type SearchByNameQueryVariables = Exact<{
  text: string;
}>;


export type SearchByNameQuery = { search: Array<{ score: number, entity:
      | { __typename: 'Application', id: string, kind: EntityKind, name: string, nameZh: string }
      | { __typename: 'Challenge', id: string, kind: EntityKind, name: string, nameZh: string }
      | { __typename: 'Concept', id: string, kind: EntityKind, name: string, nameZh: string }
      | { __typename: 'Dataset', id: string, kind: EntityKind, name: string, nameZh: string }
      | { __typename: 'Event', id: string, kind: EntityKind, name: string, nameZh: string }
      | { __typename: 'Figure', id: string, kind: EntityKind, name: string, nameZh: string }
      | { __typename: 'Framework', id: string, kind: EntityKind, name: string, nameZh: string }
      | { __typename: 'Hardware', id: string, kind: EntityKind, name: string, nameZh: string }
      | { __typename: 'Industry', id: string, kind: EntityKind, name: string, nameZh: string }
      | { __typename: 'Metric', id: string, kind: EntityKind, name: string, nameZh: string }
      | { __typename: 'Model', id: string, kind: EntityKind, name: string, nameZh: string }
      | { __typename: 'Organization', id: string, kind: EntityKind, name: string, nameZh: string }
      | { __typename: 'Person', id: string, kind: EntityKind, name: string, nameZh: string }
      | { __typename: 'Policy', id: string, kind: EntityKind, name: string, nameZh: string }
      | { __typename: 'Product', id: string, kind: EntityKind, name: string, nameZh: string }
      | { __typename: 'Publication', id: string, kind: EntityKind, name: string, nameZh: string }
      | { __typename: 'Recommendation', id: string, kind: EntityKind, name: string, nameZh: string }
      | { __typename: 'Region', id: string, kind: EntityKind, name: string, nameZh: string }
      | { __typename: 'Section', id: string, kind: EntityKind, name: string, nameZh: string }
      | { __typename: 'Solution', id: string, kind: EntityKind, name: string, nameZh: string }
      | { __typename: 'Standard', id: string, kind: EntityKind, name: string, nameZh: string }
      | { __typename: 'Technology', id: string, kind: EntityKind, name: string, nameZh: string }
      | { __typename: 'Trend', id: string, kind: EntityKind, name: string, nameZh: string }
     }> };

export type OrganizationCardFragment = { __typename: 'Organization', id: string, nameZh: string, products: Array<
    | { name: string }
    | { name: string }
    | { name: string }
    | { name: string }
    | { name: string }
    | { name: string }
    | { name: string }
    | { name: string }
    | { name: string }
    | { name: string }
    | { name: string }
    | { name: string }
    | { name: string }
    | { name: string }
    | { name: string }
    | { name: string }
    | { name: string }
    | { name: string }
    | { name: string }
    | { name: string }
    | { name: string }
    | { name: string }
    | { name: string }
  > };

export type ApplicationCardFragment = { __typename: 'Application', id: string, nameZh: string, technologies: Array<{ name: string }> };

export type MetricCardFragment = { __typename: 'Metric', id: string, value: number, unit: string, year: number | null, region: string | null };

export type NeighboursQueryVariables = Exact<{
  id: string | number;
}>;


export type NeighboursQuery = { neighborhood: { truncated: boolean, nodes: Array<
      | { __typename: 'Application', id: string, kind: EntityKind, name: string, nameZh: string, technologies: Array<{ name: string }> }
      | { __typename: 'Challenge', id: string, kind: EntityKind, name: string }
      | { __typename: 'Concept', id: string, kind: EntityKind, name: string }
      | { __typename: 'Dataset', id: string, kind: EntityKind, name: string }
      | { __typename: 'Event', id: string, kind: EntityKind, name: string }
      | { __typename: 'Figure', id: string, kind: EntityKind, name: string }
      | { __typename: 'Framework', id: string, kind: EntityKind, name: string }
      | { __typename: 'Hardware', id: string, kind: EntityKind, name: string }
      | { __typename: 'Industry', id: string, kind: EntityKind, name: string }
      | { __typename: 'Metric', id: string, kind: EntityKind, name: string, value: number, unit: string, year: number | null, region: string | null }
      | { __typename: 'Model', id: string, kind: EntityKind, name: string }
      | { __typename: 'Organization', id: string, kind: EntityKind, name: string, nameZh: string, products: Array<
          | { name: string }
          | { name: string }
          | { name: string }
          | { name: string }
          | { name: string }
          | { name: string }
          | { name: string }
          | { name: string }
          | { name: string }
          | { name: string }
          | { name: string }
          | { name: string }
          | { name: string }
          | { name: string }
          | { name: string }
          | { name: string }
          | { name: string }
          | { name: string }
          | { name: string }
          | { name: string }
          | { name: string }
          | { name: string }
          | { name: string }
        > }
      | { __typename: 'Person', id: string, kind: EntityKind, name: string }
      | { __typename: 'Policy', id: string, kind: EntityKind, name: string }
      | { __typename: 'Product', id: string, kind: EntityKind, name: string }
      | { __typename: 'Publication', id: string, kind: EntityKind, name: string }
      | { __typename: 'Recommendation', id: string, kind: EntityKind, name: string }
      | { __typename: 'Region', id: string, kind: EntityKind, name: string }
      | { __typename: 'Section', id: string, kind: EntityKind, name: string }
      | { __typename: 'Solution', id: string, kind: EntityKind, name: string }
      | { __typename: 'Standard', id: string, kind: EntityKind, name: string }
      | { __typename: 'Technology', id: string, kind: EntityKind, name: string }
      | { __typename: 'Trend', id: string, kind: EntityKind, name: string }
    > } };

export type SeriesQueryVariables = Exact<{
  indicator: string;
  subject?: string | null | undefined;
}>;


export type SeriesQuery = { metricSeries: Array<{ unit: string, unitCode: MetricUnit, subject:
      | { __typename: 'Application', id: string, nameZh: string }
      | { __typename: 'Challenge', id: string, nameZh: string }
      | { __typename: 'Concept', id: string, nameZh: string }
      | { __typename: 'Dataset', id: string, nameZh: string }
      | { __typename: 'Event', id: string, nameZh: string }
      | { __typename: 'Figure', id: string, nameZh: string }
      | { __typename: 'Framework', id: string, nameZh: string }
      | { __typename: 'Hardware', id: string, nameZh: string }
      | { __typename: 'Industry', id: string, nameZh: string }
      | { __typename: 'Metric', id: string, nameZh: string }
      | { __typename: 'Model', id: string, nameZh: string }
      | { __typename: 'Organization', id: string, nameZh: string }
      | { __typename: 'Person', id: string, nameZh: string }
      | { __typename: 'Policy', id: string, nameZh: string }
      | { __typename: 'Product', id: string, nameZh: string }
      | { __typename: 'Publication', id: string, nameZh: string }
      | { __typename: 'Recommendation', id: string, nameZh: string }
      | { __typename: 'Region', id: string, nameZh: string }
      | { __typename: 'Section', id: string, nameZh: string }
      | { __typename: 'Solution', id: string, nameZh: string }
      | { __typename: 'Standard', id: string, nameZh: string }
      | { __typename: 'Technology', id: string, nameZh: string }
      | { __typename: 'Trend', id: string, nameZh: string }
    , region: { name: string, nameZh: string } | null, points: Array<{ year: number | null, value: number, forecast: boolean, metric: { evidence: string } }> }> };

export const OrganizationCardFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrganizationCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Organization"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"products"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<OrganizationCardFragment, unknown>;
export const ApplicationCardFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ApplicationCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Application"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"technologies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ApplicationCardFragment, unknown>;
export const MetricCardFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MetricCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Metric"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"region"}}]}}]} as unknown as DocumentNode<MetricCardFragment, unknown>;
export const SearchByNameDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchByName"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"text"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"search"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"text"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"3"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"entity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}}]}}]}}]}}]} as unknown as DocumentNode<SearchByNameQuery, SearchByNameQueryVariables>;
export const NeighboursDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Neighbours"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"neighborhood"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"depth"},"value":{"kind":"IntValue","value":"1"}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"truncated"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrganizationCard"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ApplicationCard"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MetricCard"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrganizationCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Organization"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"products"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ApplicationCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Application"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"technologies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MetricCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Metric"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"region"}}]}}]} as unknown as DocumentNode<NeighboursQuery, NeighboursQueryVariables>;
export const SeriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Series"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"indicator"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subject"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metricSeries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"indicator"},"value":{"kind":"Variable","name":{"kind":"Name","value":"indicator"}}},{"kind":"Argument","name":{"kind":"Name","value":"subject"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subject"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}}]}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"unitCode"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"forecast"}},{"kind":"Field","name":{"kind":"Name","value":"metric"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"evidence"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SeriesQuery, SeriesQueryVariables>;