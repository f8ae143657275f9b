/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query SearchByName($text: String!) {\n    search(text: $text, first: 3) {\n      score\n      entity { __typename id kind name nameZh }\n    }\n  }\n": typeof types.SearchByNameDocument,
    "\n  fragment OrganizationCard on Organization { __typename id nameZh products { name } }\n": typeof types.OrganizationCardFragmentDoc,
    "\n  fragment ApplicationCard on Application { __typename id nameZh technologies { name } }\n": typeof types.ApplicationCardFragmentDoc,
    "\n  fragment MetricCard on Metric { __typename id value unit year region }\n": typeof types.MetricCardFragmentDoc,
    "\n  query Neighbours($id: ID!) {\n    neighborhood(id: $id, depth: 1, limit: 100) {\n      truncated\n      nodes {\n        __typename\n        id\n        kind\n        name\n        ...OrganizationCard\n        ...ApplicationCard\n        ...MetricCard\n      }\n    }\n  }\n": typeof types.NeighboursDocument,
    "\n  query Series($indicator: String!, $subject: String) {\n    metricSeries(indicator: $indicator, subject: $subject) {\n      subject { __typename id nameZh }\n      region { name nameZh }\n      unit\n      unitCode\n      points { year value forecast metric { evidence } }\n    }\n  }\n": typeof types.SeriesDocument,
};
const documents: Documents = {
    "\n  query SearchByName($text: String!) {\n    search(text: $text, first: 3) {\n      score\n      entity { __typename id kind name nameZh }\n    }\n  }\n": types.SearchByNameDocument,
    "\n  fragment OrganizationCard on Organization { __typename id nameZh products { name } }\n": types.OrganizationCardFragmentDoc,
    "\n  fragment ApplicationCard on Application { __typename id nameZh technologies { name } }\n": types.ApplicationCardFragmentDoc,
    "\n  fragment MetricCard on Metric { __typename id value unit year region }\n": types.MetricCardFragmentDoc,
    "\n  query Neighbours($id: ID!) {\n    neighborhood(id: $id, depth: 1, limit: 100) {\n      truncated\n      nodes {\n        __typename\n        id\n        kind\n        name\n        ...OrganizationCard\n        ...ApplicationCard\n        ...MetricCard\n      }\n    }\n  }\n": types.NeighboursDocument,
    "\n  query Series($indicator: String!, $subject: String) {\n    metricSeries(indicator: $indicator, subject: $subject) {\n      subject { __typename id nameZh }\n      region { name nameZh }\n      unit\n      unitCode\n      points { year value forecast metric { evidence } }\n    }\n  }\n": types.SeriesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchByName($text: String!) {\n    search(text: $text, first: 3) {\n      score\n      entity { __typename id kind name nameZh }\n    }\n  }\n"): (typeof documents)["\n  query SearchByName($text: String!) {\n    search(text: $text, first: 3) {\n      score\n      entity { __typename id kind name nameZh }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrganizationCard on Organization { __typename id nameZh products { name } }\n"): (typeof documents)["\n  fragment OrganizationCard on Organization { __typename id nameZh products { name } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApplicationCard on Application { __typename id nameZh technologies { name } }\n"): (typeof documents)["\n  fragment ApplicationCard on Application { __typename id nameZh technologies { name } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MetricCard on Metric { __typename id value unit year region }\n"): (typeof documents)["\n  fragment MetricCard on Metric { __typename id value unit year region }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Neighbours($id: ID!) {\n    neighborhood(id: $id, depth: 1, limit: 100) {\n      truncated\n      nodes {\n        __typename\n        id\n        kind\n        name\n        ...OrganizationCard\n        ...ApplicationCard\n        ...MetricCard\n      }\n    }\n  }\n"): (typeof documents)["\n  query Neighbours($id: ID!) {\n    neighborhood(id: $id, depth: 1, limit: 100) {\n      truncated\n      nodes {\n        __typename\n        id\n        kind\n        name\n        ...OrganizationCard\n        ...ApplicationCard\n        ...MetricCard\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Series($indicator: String!, $subject: String) {\n    metricSeries(indicator: $indicator, subject: $subject) {\n      subject { __typename id nameZh }\n      region { name nameZh }\n      unit\n      unitCode\n      points { year value forecast metric { evidence } }\n    }\n  }\n"): (typeof documents)["\n  query Series($indicator: String!, $subject: String) {\n    metricSeries(indicator: $indicator, subject: $subject) {\n      subject { __typename id nameZh }\n      region { name nameZh }\n      unit\n      unitCode\n      points { year value forecast metric { evidence } }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;