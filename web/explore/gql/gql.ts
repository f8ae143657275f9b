/* eslint-disable */
import * as types from './graphql';



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
    "\n  fragment Card on Entity {\n    id\n    kind\n    name\n    nameZh\n  }\n": typeof types.CardFragmentDoc,
    "\n  fragment Edge on Relation {\n    id\n    type\n    source { id }\n    target { id }\n    evidence\n    section { id number name nameZh }\n  }\n": typeof types.EdgeFragmentDoc,
    "\n  fragment Drawn on Subgraph {\n    truncated\n    members { distance degree expanded entity { ...Card } }\n    edges { ...Edge }\n  }\n": typeof types.DrawnFragmentDoc,
    "\n  query ExploreSearch($text: String!, $first: Int!) {\n    search(text: $text, first: $first) {\n      score\n      entity { ...Card }\n    }\n  }\n": typeof types.ExploreSearchDocument,
    "\n  query ExploreNeighbourhood($id: ID!, $depth: Int!, $limit: Int!, $maxDegree: Int, $relationTypes: [RelationType!]) {\n    neighborhood(id: $id, depth: $depth, limit: $limit, maxDegree: $maxDegree, relationTypes: $relationTypes) {\n      ...Drawn\n    }\n  }\n": typeof types.ExploreNeighbourhoodDocument,
    "\n  query ExploreSubgraph($ids: [ID!]!, $relationTypes: [RelationType!]) {\n    subgraph(ids: $ids, relationTypes: $relationTypes) {\n      ...Drawn\n    }\n  }\n": typeof types.ExploreSubgraphDocument,
    "\n  query ExploreConnection($from: ID!, $to: ID!, $relationTypes: [RelationType!], $first: Int!) {\n    connection(from: $from, to: $to, relationTypes: $relationTypes, first: $first) {\n      length\n      from { ...Card }\n      to { ...Card }\n      chains {\n        lineZh\n        line\n        steps {\n          type\n          source { ...Card }\n          target { ...Card }\n          evidence\n          section { id number name nameZh }\n        }\n      }\n    }\n  }\n": typeof types.ExploreConnectionDocument,
    "\n  query ExploreDetails($id: ID!) {\n    entity(id: $id) {\n      ...Card\n      aliases\n      description\n      descriptionZh\n      relationCount\n      metrics(first: 20) { id value unit unitZh year region qualifier indicator }\n    }\n  }\n": typeof types.ExploreDetailsDocument,
};
const documents: Documents = {
    "\n  fragment Card on Entity {\n    id\n    kind\n    name\n    nameZh\n  }\n": types.CardFragmentDoc,
    "\n  fragment Edge on Relation {\n    id\n    type\n    source { id }\n    target { id }\n    evidence\n    section { id number name nameZh }\n  }\n": types.EdgeFragmentDoc,
    "\n  fragment Drawn on Subgraph {\n    truncated\n    members { distance degree expanded entity { ...Card } }\n    edges { ...Edge }\n  }\n": types.DrawnFragmentDoc,
    "\n  query ExploreSearch($text: String!, $first: Int!) {\n    search(text: $text, first: $first) {\n      score\n      entity { ...Card }\n    }\n  }\n": types.ExploreSearchDocument,
    "\n  query ExploreNeighbourhood($id: ID!, $depth: Int!, $limit: Int!, $maxDegree: Int, $relationTypes: [RelationType!]) {\n    neighborhood(id: $id, depth: $depth, limit: $limit, maxDegree: $maxDegree, relationTypes: $relationTypes) {\n      ...Drawn\n    }\n  }\n": types.ExploreNeighbourhoodDocument,
    "\n  query ExploreSubgraph($ids: [ID!]!, $relationTypes: [RelationType!]) {\n    subgraph(ids: $ids, relationTypes: $relationTypes) {\n      ...Drawn\n    }\n  }\n": types.ExploreSubgraphDocument,
    "\n  query ExploreConnection($from: ID!, $to: ID!, $relationTypes: [RelationType!], $first: Int!) {\n    connection(from: $from, to: $to, relationTypes: $relationTypes, first: $first) {\n      length\n      from { ...Card }\n      to { ...Card }\n      chains {\n        lineZh\n        line\n        steps {\n          type\n          source { ...Card }\n          target { ...Card }\n          evidence\n          section { id number name nameZh }\n        }\n      }\n    }\n  }\n": types.ExploreConnectionDocument,
    "\n  query ExploreDetails($id: ID!) {\n    entity(id: $id) {\n      ...Card\n      aliases\n      description\n      descriptionZh\n      relationCount\n      metrics(first: 20) { id value unit unitZh year region qualifier indicator }\n    }\n  }\n": types.ExploreDetailsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Card on Entity {\n    id\n    kind\n    name\n    nameZh\n  }\n"): typeof import('./graphql').CardFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Edge on Relation {\n    id\n    type\n    source { id }\n    target { id }\n    evidence\n    section { id number name nameZh }\n  }\n"): typeof import('./graphql').EdgeFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Drawn on Subgraph {\n    truncated\n    members { distance degree expanded entity { ...Card } }\n    edges { ...Edge }\n  }\n"): typeof import('./graphql').DrawnFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExploreSearch($text: String!, $first: Int!) {\n    search(text: $text, first: $first) {\n      score\n      entity { ...Card }\n    }\n  }\n"): typeof import('./graphql').ExploreSearchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExploreNeighbourhood($id: ID!, $depth: Int!, $limit: Int!, $maxDegree: Int, $relationTypes: [RelationType!]) {\n    neighborhood(id: $id, depth: $depth, limit: $limit, maxDegree: $maxDegree, relationTypes: $relationTypes) {\n      ...Drawn\n    }\n  }\n"): typeof import('./graphql').ExploreNeighbourhoodDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExploreSubgraph($ids: [ID!]!, $relationTypes: [RelationType!]) {\n    subgraph(ids: $ids, relationTypes: $relationTypes) {\n      ...Drawn\n    }\n  }\n"): typeof import('./graphql').ExploreSubgraphDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExploreConnection($from: ID!, $to: ID!, $relationTypes: [RelationType!], $first: Int!) {\n    connection(from: $from, to: $to, relationTypes: $relationTypes, first: $first) {\n      length\n      from { ...Card }\n      to { ...Card }\n      chains {\n        lineZh\n        line\n        steps {\n          type\n          source { ...Card }\n          target { ...Card }\n          evidence\n          section { id number name nameZh }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ExploreConnectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExploreDetails($id: ID!) {\n    entity(id: $id) {\n      ...Card\n      aliases\n      description\n      descriptionZh\n      relationCount\n      metrics(first: 20) { id value unit unitZh year region qualifier indicator }\n    }\n  }\n"): typeof import('./graphql').ExploreDetailsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
