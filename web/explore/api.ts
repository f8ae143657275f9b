/** The explorer's questions to the public GraphQL API at /graphql (same origin), typed by codegen. */
import { graphql } from './gql';
import type { TypedDocumentString } from './gql/graphql';

class GraphQLErrors extends Error {
  constructor(readonly errors: { message: string; extensions?: { code?: string } }[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}

export async function request<Result, Variables>(document: TypedDocumentString<Result, Variables>, variables: Variables): Promise<Result> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  const body = (await response.json()) as { data?: Result; errors?: GraphQLErrors['errors'] };
  if (body.errors?.length) throw new GraphQLErrors(body.errors);
  return body.data!;
}

graphql(`
  fragment Card on Entity {
    id
    kind
    name
    nameZh
  }
`);

graphql(`
  fragment Edge on Relation {
    id
    type
    source { id }
    target { id }
    evidence
    section { id number name nameZh }
  }
`);

graphql(`
  fragment Drawn on Subgraph {
    truncated
    members { distance degree expanded entity { ...Card } }
    edges { ...Edge }
  }
`);

export const SearchDocument = graphql(`
  query ExploreSearch($text: String!, $first: Int!) {
    search(text: $text, first: $first) {
      score
      entity { ...Card }
    }
  }
`);

export const NeighbourhoodDocument = graphql(`
  query ExploreNeighbourhood($id: ID!, $depth: Int!, $limit: Int!, $maxDegree: Int, $relationTypes: [RelationType!]) {
    neighborhood(id: $id, depth: $depth, limit: $limit, maxDegree: $maxDegree, relationTypes: $relationTypes) {
      ...Drawn
    }
  }
`);

export const SubgraphDocument = graphql(`
  query ExploreSubgraph($ids: [ID!]!, $relationTypes: [RelationType!]) {
    subgraph(ids: $ids, relationTypes: $relationTypes) {
      ...Drawn
    }
  }
`);

export const ConnectionDocument = graphql(`
  query ExploreConnection($from: ID!, $to: ID!, $relationTypes: [RelationType!], $first: Int!) {
    connection(from: $from, to: $to, relationTypes: $relationTypes, first: $first) {
      length
      from { ...Card }
      to { ...Card }
      chains {
        lineZh
        line
        steps {
          type
          source { ...Card }
          target { ...Card }
          evidence
          section { id number name nameZh }
        }
      }
    }
  }
`);

export const DetailsDocument = graphql(`
  query ExploreDetails($id: ID!) {
    entity(id: $id) {
      ...Card
      aliases
      description
      descriptionZh
      relationCount
      metrics(first: 20) { id value unit unitZh year region qualifier indicator }
    }
  }
`);
