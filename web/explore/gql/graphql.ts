/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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

/** How the whitepaper qualifies a number. */
export type MetricQualifier =
  /** about (约, 数十亿) */
  | 'APPROXIMATE'
  /** more than (超过, 以上) */
  | 'AT_LEAST'
  /** an order of magnitude (百万级) */
  | 'ORDER_OF_MAGNITUDE';

/** The closed set of relation types. Read a relation as `source TYPE target`. */
export type RelationType =
  /** source is a remedy for the challenge target */
  | 'ADDRESSES'
  /** the challenge or trend source affects or constrains target */
  | 'AFFECTS'
  /** source is applied in the industry, field or application target */
  | 'APPLIED_IN'
  /** source leads to the challenge or trend target */
  | 'CAUSES'
  /** the event or trend source is about target (who acted, what it concerns) */
  | 'CONCERNS'
  /** source was developed, built or released by target */
  | 'DEVELOPED_BY'
  /** source drives, promotes or fuels (demand for) target */
  | 'DRIVES'
  /** source supports, empowers or accelerates target */
  | 'ENABLES'
  /** the figure source depicts target */
  | 'ILLUSTRATES'
  /** source and target converge or are combined (read both ways) */
  | 'INTEGRATES_WITH'
  /** the organization source invests in target */
  | 'INVESTS_IN'
  /** source is a kind, instance or subfield of target */
  | 'IS_A'
  /** source is located in or belongs to the region target */
  | 'LOCATED_IN'
  /** the metric source is a figure about target */
  | 'MEASURES'
  /** source is discussed in the section target */
  | 'MENTIONED_IN'
  /** source is a part, component or member of target */
  | 'PART_OF'
  /** source proposed, introduced or launched target */
  | 'PROPOSES'
  /** the publication, policy or standard source was issued by target */
  | 'PUBLISHED_BY'
  /** source needs target */
  | 'REQUIRES'
  /** source runs on the infrastructure target */
  | 'RUNS_ON'
  /** the metric or figure source is stated on the authority of target */
  | 'SOURCED_FROM'
  /** source uses, is built on or relies on target */
  | 'USES';

type Card_Application_Fragment = { id: string, kind: EntityKind, name: string, nameZh: string };

type Card_Challenge_Fragment = { id: string, kind: EntityKind, name: string, nameZh: string };

type Card_Concept_Fragment = { id: string, kind: EntityKind, name: string, nameZh: string };

type Card_Dataset_Fragment = { id: string, kind: EntityKind, name: string, nameZh: string };

type Card_Event_Fragment = { id: string, kind: EntityKind, name: string, nameZh: string };

type Card_Figure_Fragment = { id: string, kind: EntityKind, name: string, nameZh: string };

type Card_Framework_Fragment = { id: string, kind: EntityKind, name: string, nameZh: string };

type Card_Hardware_Fragment = { id: string, kind: EntityKind, name: string, nameZh: string };

type Card_Industry_Fragment = { id: string, kind: EntityKind, name: string, nameZh: string };

type Card_Metric_Fragment = { id: string, kind: EntityKind, name: string, nameZh: string };

type Card_Model_Fragment = { id: string, kind: EntityKind, name: string, nameZh: string };

type Card_Organization_Fragment = { id: string, kind: EntityKind, name: string, nameZh: string };

type Card_Person_Fragment = { id: string, kind: EntityKind, name: string, nameZh: string };

type Card_Policy_Fragment = { id: string, kind: EntityKind, name: string, nameZh: string };

type Card_Product_Fragment = { id: string, kind: EntityKind, name: string, nameZh: string };

type Card_Publication_Fragment = { id: string, kind: EntityKind, name: string, nameZh: string };

type Card_Recommendation_Fragment = { id: string, kind: EntityKind, name: string, nameZh: string };

type Card_Region_Fragment = { id: string, kind: EntityKind, name: string, nameZh: string };

type Card_Section_Fragment = { id: string, kind: EntityKind, name: string, nameZh: string };

type Card_Solution_Fragment = { id: string, kind: EntityKind, name: string, nameZh: string };

type Card_Standard_Fragment = { id: string, kind: EntityKind, name: string, nameZh: string };

type Card_Technology_Fragment = { id: string, kind: EntityKind, name: string, nameZh: string };

type Card_Trend_Fragment = { id: string, kind: EntityKind, name: string, nameZh: string };

export type CardFragment =
  | Card_Application_Fragment
  | Card_Challenge_Fragment
  | Card_Concept_Fragment
  | Card_Dataset_Fragment
  | Card_Event_Fragment
  | Card_Figure_Fragment
  | Card_Framework_Fragment
  | Card_Hardware_Fragment
  | Card_Industry_Fragment
  | Card_Metric_Fragment
  | Card_Model_Fragment
  | Card_Organization_Fragment
  | Card_Person_Fragment
  | Card_Policy_Fragment
  | Card_Product_Fragment
  | Card_Publication_Fragment
  | Card_Recommendation_Fragment
  | Card_Region_Fragment
  | Card_Section_Fragment
  | Card_Solution_Fragment
  | Card_Standard_Fragment
  | Card_Technology_Fragment
  | Card_Trend_Fragment
;

export type EdgeFragment = { id: string, type: RelationType, evidence: string, source:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
  , target:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
  , section: { id: string, number: string, name: string, nameZh: string } };

export type DrawnFragment = { truncated: boolean, members: Array<{ distance: number, degree: number, expanded: boolean, entity:
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
     }>, edges: Array<{ id: string, type: RelationType, evidence: string, source:
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
    , target:
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
    , section: { id: string, number: string, name: string, nameZh: string } }> };

export type ExploreSearchQueryVariables = Exact<{
  text: string;
  first: number;
}>;


export type ExploreSearchQuery = { search: Array<{ score: number, entity:
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
     }> };

export type ExploreNeighbourhoodQueryVariables = Exact<{
  id: string | number;
  depth: number;
  limit: number;
  maxDegree?: number | null | undefined;
  relationTypes?: Array<RelationType> | RelationType | null | undefined;
}>;


export type ExploreNeighbourhoodQuery = { neighborhood: { truncated: boolean, members: Array<{ distance: number, degree: number, expanded: boolean, entity:
        | { id: string, kind: EntityKind, name: string, nameZh: string }
        | { id: string, kind: EntityKind, name: string, nameZh: string }
        | { id: string, kind: EntityKind, name: string, nameZh: string }
        | { id: string, kind: EntityKind, name: string, nameZh: string }
        | { id: string, kind: EntityKind, name: string, nameZh: string }
        | { id: string, kind: EntityKind, name: string, nameZh: string }
        | { id: string, kind: EntityKind, name: string, nameZh: string }
        | { id: string, kind: EntityKind, name: string, nameZh: string }
        | { id: string, kind: EntityKind, name: string, nameZh: string }
        | { id: string, kind: EntityKind, name: string, nameZh: string }
        | { id: string, kind: EntityKind, name: string, nameZh: string }
        | { id: string, kind: EntityKind, name: string, nameZh: string }
        | { id: string, kind: EntityKind, name: string, nameZh: string }
        | { id: string, kind: EntityKind, name: string, nameZh: string }
        | { id: string, kind: EntityKind, name: string, nameZh: string }
        | { id: string, kind: EntityKind, name: string, nameZh: string }
        | { id: string, kind: EntityKind, name: string, nameZh: string }
        | { id: string, kind: EntityKind, name: string, nameZh: string }
        | { id: string, kind: EntityKind, name: string, nameZh: string }
        | { id: string, kind: EntityKind, name: string, nameZh: string }
        | { id: string, kind: EntityKind, name: string, nameZh: string }
        | { id: string, kind: EntityKind, name: string, nameZh: string }
        | { id: string, kind: EntityKind, name: string, nameZh: string }
       }>, edges: Array<{ id: string, type: RelationType, evidence: string, source:
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
      , target:
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
      , section: { id: string, number: string, name: string, nameZh: string } }> } };

export type ExploreSubgraphQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
  relationTypes?: Array<RelationType> | RelationType | null | undefined;
}>;


export type ExploreSubgraphQuery = { subgraph: { truncated: boolean, members: Array<{ distance: number, degree: number, expanded: boolean, entity:
        | { id: string, kind: EntityKind, name: string, nameZh: string }
        | { id: string, kind: EntityKind, name: string, nameZh: string }
        | { id: string, kind: EntityKind, name: string, nameZh: string }
        | { id: string, kind: EntityKind, name: string, nameZh: string }
        | { id: string, kind: EntityKind, name: string, nameZh: string }
        | { id: string, kind: EntityKind, name: string, nameZh: string }
        | { id: string, kind: EntityKind, name: string, nameZh: string }
        | { id: string, kind: EntityKind, name: string, nameZh: string }
        | { id: string, kind: EntityKind, name: string, nameZh: string }
        | { id: string, kind: EntityKind, name: string, nameZh: string }
        | { id: string, kind: EntityKind, name: string, nameZh: string }
        | { id: string, kind: EntityKind, name: string, nameZh: string }
        | { id: string, kind: EntityKind, name: string, nameZh: string }
        | { id: string, kind: EntityKind, name: string, nameZh: string }
        | { id: string, kind: EntityKind, name: string, nameZh: string }
        | { id: string, kind: EntityKind, name: string, nameZh: string }
        | { id: string, kind: EntityKind, name: string, nameZh: string }
        | { id: string, kind: EntityKind, name: string, nameZh: string }
        | { id: string, kind: EntityKind, name: string, nameZh: string }
        | { id: string, kind: EntityKind, name: string, nameZh: string }
        | { id: string, kind: EntityKind, name: string, nameZh: string }
        | { id: string, kind: EntityKind, name: string, nameZh: string }
        | { id: string, kind: EntityKind, name: string, nameZh: string }
       }>, edges: Array<{ id: string, type: RelationType, evidence: string, source:
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
      , target:
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
      , section: { id: string, number: string, name: string, nameZh: string } }> } };

export type ExploreConnectionQueryVariables = Exact<{
  from: string | number;
  to: string | number;
  relationTypes?: Array<RelationType> | RelationType | null | undefined;
  first: number;
}>;


export type ExploreConnectionQuery = { connection: { length: number | null, from:
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
    , to:
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
      | { id: string, kind: EntityKind, name: string, nameZh: string }
    , chains: Array<{ lineZh: string, line: string, steps: Array<{ type: RelationType, evidence: string, source:
          | { id: string, kind: EntityKind, name: string, nameZh: string }
          | { id: string, kind: EntityKind, name: string, nameZh: string }
          | { id: string, kind: EntityKind, name: string, nameZh: string }
          | { id: string, kind: EntityKind, name: string, nameZh: string }
          | { id: string, kind: EntityKind, name: string, nameZh: string }
          | { id: string, kind: EntityKind, name: string, nameZh: string }
          | { id: string, kind: EntityKind, name: string, nameZh: string }
          | { id: string, kind: EntityKind, name: string, nameZh: string }
          | { id: string, kind: EntityKind, name: string, nameZh: string }
          | { id: string, kind: EntityKind, name: string, nameZh: string }
          | { id: string, kind: EntityKind, name: string, nameZh: string }
          | { id: string, kind: EntityKind, name: string, nameZh: string }
          | { id: string, kind: EntityKind, name: string, nameZh: string }
          | { id: string, kind: EntityKind, name: string, nameZh: string }
          | { id: string, kind: EntityKind, name: string, nameZh: string }
          | { id: string, kind: EntityKind, name: string, nameZh: string }
          | { id: string, kind: EntityKind, name: string, nameZh: string }
          | { id: string, kind: EntityKind, name: string, nameZh: string }
          | { id: string, kind: EntityKind, name: string, nameZh: string }
          | { id: string, kind: EntityKind, name: string, nameZh: string }
          | { id: string, kind: EntityKind, name: string, nameZh: string }
          | { id: string, kind: EntityKind, name: string, nameZh: string }
          | { id: string, kind: EntityKind, name: string, nameZh: string }
        , target:
          | { id: string, kind: EntityKind, name: string, nameZh: string }
          | { id: string, kind: EntityKind, name: string, nameZh: string }
          | { id: string, kind: EntityKind, name: string, nameZh: string }
          | { id: string, kind: EntityKind, name: string, nameZh: string }
          | { id: string, kind: EntityKind, name: string, nameZh: string }
          | { id: string, kind: EntityKind, name: string, nameZh: string }
          | { id: string, kind: EntityKind, name: string, nameZh: string }
          | { id: string, kind: EntityKind, name: string, nameZh: string }
          | { id: string, kind: EntityKind, name: string, nameZh: string }
          | { id: string, kind: EntityKind, name: string, nameZh: string }
          | { id: string, kind: EntityKind, name: string, nameZh: string }
          | { id: string, kind: EntityKind, name: string, nameZh: string }
          | { id: string, kind: EntityKind, name: string, nameZh: string }
          | { id: string, kind: EntityKind, name: string, nameZh: string }
          | { id: string, kind: EntityKind, name: string, nameZh: string }
          | { id: string, kind: EntityKind, name: string, nameZh: string }
          | { id: string, kind: EntityKind, name: string, nameZh: string }
          | { id: string, kind: EntityKind, name: string, nameZh: string }
          | { id: string, kind: EntityKind, name: string, nameZh: string }
          | { id: string, kind: EntityKind, name: string, nameZh: string }
          | { id: string, kind: EntityKind, name: string, nameZh: string }
          | { id: string, kind: EntityKind, name: string, nameZh: string }
          | { id: string, kind: EntityKind, name: string, nameZh: string }
        , section: { id: string, number: string, name: string, nameZh: string } }> }> } };

export type ExploreDetailsQueryVariables = Exact<{
  id: string | number;
}>;


export type ExploreDetailsQuery = { entity:
    | { aliases: Array<string>, description: string, descriptionZh: string, relationCount: number, id: string, kind: EntityKind, name: string, nameZh: string, metrics: Array<{ id: string, value: number, unit: string, unitZh: string, year: number | null, region: string | null, qualifier: MetricQualifier | null, indicator: string }> }
    | { aliases: Array<string>, description: string, descriptionZh: string, relationCount: number, id: string, kind: EntityKind, name: string, nameZh: string, metrics: Array<{ id: string, value: number, unit: string, unitZh: string, year: number | null, region: string | null, qualifier: MetricQualifier | null, indicator: string }> }
    | { aliases: Array<string>, description: string, descriptionZh: string, relationCount: number, id: string, kind: EntityKind, name: string, nameZh: string, metrics: Array<{ id: string, value: number, unit: string, unitZh: string, year: number | null, region: string | null, qualifier: MetricQualifier | null, indicator: string }> }
    | { aliases: Array<string>, description: string, descriptionZh: string, relationCount: number, id: string, kind: EntityKind, name: string, nameZh: string, metrics: Array<{ id: string, value: number, unit: string, unitZh: string, year: number | null, region: string | null, qualifier: MetricQualifier | null, indicator: string }> }
    | { aliases: Array<string>, description: string, descriptionZh: string, relationCount: number, id: string, kind: EntityKind, name: string, nameZh: string, metrics: Array<{ id: string, value: number, unit: string, unitZh: string, year: number | null, region: string | null, qualifier: MetricQualifier | null, indicator: string }> }
    | { aliases: Array<string>, description: string, descriptionZh: string, relationCount: number, id: string, kind: EntityKind, name: string, nameZh: string, metrics: Array<{ id: string, value: number, unit: string, unitZh: string, year: number | null, region: string | null, qualifier: MetricQualifier | null, indicator: string }> }
    | { aliases: Array<string>, description: string, descriptionZh: string, relationCount: number, id: string, kind: EntityKind, name: string, nameZh: string, metrics: Array<{ id: string, value: number, unit: string, unitZh: string, year: number | null, region: string | null, qualifier: MetricQualifier | null, indicator: string }> }
    | { aliases: Array<string>, description: string, descriptionZh: string, relationCount: number, id: string, kind: EntityKind, name: string, nameZh: string, metrics: Array<{ id: string, value: number, unit: string, unitZh: string, year: number | null, region: string | null, qualifier: MetricQualifier | null, indicator: string }> }
    | { aliases: Array<string>, description: string, descriptionZh: string, relationCount: number, id: string, kind: EntityKind, name: string, nameZh: string, metrics: Array<{ id: string, value: number, unit: string, unitZh: string, year: number | null, region: string | null, qualifier: MetricQualifier | null, indicator: string }> }
    | { aliases: Array<string>, description: string, descriptionZh: string, relationCount: number, id: string, kind: EntityKind, name: string, nameZh: string, metrics: Array<{ id: string, value: number, unit: string, unitZh: string, year: number | null, region: string | null, qualifier: MetricQualifier | null, indicator: string }> }
    | { aliases: Array<string>, description: string, descriptionZh: string, relationCount: number, id: string, kind: EntityKind, name: string, nameZh: string, metrics: Array<{ id: string, value: number, unit: string, unitZh: string, year: number | null, region: string | null, qualifier: MetricQualifier | null, indicator: string }> }
    | { aliases: Array<string>, description: string, descriptionZh: string, relationCount: number, id: string, kind: EntityKind, name: string, nameZh: string, metrics: Array<{ id: string, value: number, unit: string, unitZh: string, year: number | null, region: string | null, qualifier: MetricQualifier | null, indicator: string }> }
    | { aliases: Array<string>, description: string, descriptionZh: string, relationCount: number, id: string, kind: EntityKind, name: string, nameZh: string, metrics: Array<{ id: string, value: number, unit: string, unitZh: string, year: number | null, region: string | null, qualifier: MetricQualifier | null, indicator: string }> }
    | { aliases: Array<string>, description: string, descriptionZh: string, relationCount: number, id: string, kind: EntityKind, name: string, nameZh: string, metrics: Array<{ id: string, value: number, unit: string, unitZh: string, year: number | null, region: string | null, qualifier: MetricQualifier | null, indicator: string }> }
    | { aliases: Array<string>, description: string, descriptionZh: string, relationCount: number, id: string, kind: EntityKind, name: string, nameZh: string, metrics: Array<{ id: string, value: number, unit: string, unitZh: string, year: number | null, region: string | null, qualifier: MetricQualifier | null, indicator: string }> }
    | { aliases: Array<string>, description: string, descriptionZh: string, relationCount: number, id: string, kind: EntityKind, name: string, nameZh: string, metrics: Array<{ id: string, value: number, unit: string, unitZh: string, year: number | null, region: string | null, qualifier: MetricQualifier | null, indicator: string }> }
    | { aliases: Array<string>, description: string, descriptionZh: string, relationCount: number, id: string, kind: EntityKind, name: string, nameZh: string, metrics: Array<{ id: string, value: number, unit: string, unitZh: string, year: number | null, region: string | null, qualifier: MetricQualifier | null, indicator: string }> }
    | { aliases: Array<string>, description: string, descriptionZh: string, relationCount: number, id: string, kind: EntityKind, name: string, nameZh: string, metrics: Array<{ id: string, value: number, unit: string, unitZh: string, year: number | null, region: string | null, qualifier: MetricQualifier | null, indicator: string }> }
    | { aliases: Array<string>, description: string, descriptionZh: string, relationCount: number, id: string, kind: EntityKind, name: string, nameZh: string, metrics: Array<{ id: string, value: number, unit: string, unitZh: string, year: number | null, region: string | null, qualifier: MetricQualifier | null, indicator: string }> }
    | { aliases: Array<string>, description: string, descriptionZh: string, relationCount: number, id: string, kind: EntityKind, name: string, nameZh: string, metrics: Array<{ id: string, value: number, unit: string, unitZh: string, year: number | null, region: string | null, qualifier: MetricQualifier | null, indicator: string }> }
    | { aliases: Array<string>, description: string, descriptionZh: string, relationCount: number, id: string, kind: EntityKind, name: string, nameZh: string, metrics: Array<{ id: string, value: number, unit: string, unitZh: string, year: number | null, region: string | null, qualifier: MetricQualifier | null, indicator: string }> }
    | { aliases: Array<string>, description: string, descriptionZh: string, relationCount: number, id: string, kind: EntityKind, name: string, nameZh: string, metrics: Array<{ id: string, value: number, unit: string, unitZh: string, year: number | null, region: string | null, qualifier: MetricQualifier | null, indicator: string }> }
    | { aliases: Array<string>, description: string, descriptionZh: string, relationCount: number, id: string, kind: EntityKind, name: string, nameZh: string, metrics: Array<{ id: string, value: number, unit: string, unitZh: string, year: number | null, region: string | null, qualifier: MetricQualifier | null, indicator: string }> }
   | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const CardFragmentDoc = new TypedDocumentString(`
    fragment Card on Entity {
  id
  kind
  name
  nameZh
}
    `, {"fragmentName":"Card"}) as unknown as TypedDocumentString<CardFragment, unknown>;
export const EdgeFragmentDoc = new TypedDocumentString(`
    fragment Edge on Relation {
  id
  type
  source {
    id
  }
  target {
    id
  }
  evidence
  section {
    id
    number
    name
    nameZh
  }
}
    `, {"fragmentName":"Edge"}) as unknown as TypedDocumentString<EdgeFragment, unknown>;
export const DrawnFragmentDoc = new TypedDocumentString(`
    fragment Drawn on Subgraph {
  truncated
  members {
    distance
    degree
    expanded
    entity {
      ...Card
    }
  }
  edges {
    ...Edge
  }
}
    fragment Card on Entity {
  id
  kind
  name
  nameZh
}
fragment Edge on Relation {
  id
  type
  source {
    id
  }
  target {
    id
  }
  evidence
  section {
    id
    number
    name
    nameZh
  }
}`, {"fragmentName":"Drawn"}) as unknown as TypedDocumentString<DrawnFragment, unknown>;
export const ExploreSearchDocument = new TypedDocumentString(`
    query ExploreSearch($text: String!, $first: Int!) {
  search(text: $text, first: $first) {
    score
    entity {
      ...Card
    }
  }
}
    fragment Card on Entity {
  id
  kind
  name
  nameZh
}`) as unknown as TypedDocumentString<ExploreSearchQuery, ExploreSearchQueryVariables>;
export const ExploreNeighbourhoodDocument = new TypedDocumentString(`
    query ExploreNeighbourhood($id: ID!, $depth: Int!, $limit: Int!, $maxDegree: Int, $relationTypes: [RelationType!]) {
  neighborhood(
    id: $id
    depth: $depth
    limit: $limit
    maxDegree: $maxDegree
    relationTypes: $relationTypes
  ) {
    ...Drawn
  }
}
    fragment Card on Entity {
  id
  kind
  name
  nameZh
}
fragment Edge on Relation {
  id
  type
  source {
    id
  }
  target {
    id
  }
  evidence
  section {
    id
    number
    name
    nameZh
  }
}
fragment Drawn on Subgraph {
  truncated
  members {
    distance
    degree
    expanded
    entity {
      ...Card
    }
  }
  edges {
    ...Edge
  }
}`) as unknown as TypedDocumentString<ExploreNeighbourhoodQuery, ExploreNeighbourhoodQueryVariables>;
export const ExploreSubgraphDocument = new TypedDocumentString(`
    query ExploreSubgraph($ids: [ID!]!, $relationTypes: [RelationType!]) {
  subgraph(ids: $ids, relationTypes: $relationTypes) {
    ...Drawn
  }
}
    fragment Card on Entity {
  id
  kind
  name
  nameZh
}
fragment Edge on Relation {
  id
  type
  source {
    id
  }
  target {
    id
  }
  evidence
  section {
    id
    number
    name
    nameZh
  }
}
fragment Drawn on Subgraph {
  truncated
  members {
    distance
    degree
    expanded
    entity {
      ...Card
    }
  }
  edges {
    ...Edge
  }
}`) as unknown as TypedDocumentString<ExploreSubgraphQuery, ExploreSubgraphQueryVariables>;
export const ExploreConnectionDocument = new TypedDocumentString(`
    query ExploreConnection($from: ID!, $to: ID!, $relationTypes: [RelationType!], $first: Int!) {
  connection(from: $from, to: $to, relationTypes: $relationTypes, first: $first) {
    length
    from {
      ...Card
    }
    to {
      ...Card
    }
    chains {
      lineZh
      line
      steps {
        type
        source {
          ...Card
        }
        target {
          ...Card
        }
        evidence
        section {
          id
          number
          name
          nameZh
        }
      }
    }
  }
}
    fragment Card on Entity {
  id
  kind
  name
  nameZh
}`) as unknown as TypedDocumentString<ExploreConnectionQuery, ExploreConnectionQueryVariables>;
export const ExploreDetailsDocument = new TypedDocumentString(`
    query ExploreDetails($id: ID!) {
  entity(id: $id) {
    ...Card
    aliases
    description
    descriptionZh
    relationCount
    metrics(first: 20) {
      id
      value
      unit
      unitZh
      year
      region
      qualifier
      indicator
    }
  }
}
    fragment Card on Entity {
  id
  kind
  name
  nameZh
}`) as unknown as TypedDocumentString<ExploreDetailsQuery, ExploreDetailsQueryVariables>;