/**
 * The client's operations. Every fragment on an entity kind selects `__typename`: a selection on the `Entity`
 * interface becomes a union of one member per kind, and only `__typename` (not `kind`) tells TypeScript which one.
 */
import { graphql } from './gql/index.js';

export const SearchByName = graphql(`
  query SearchByName($text: String!) {
    search(text: $text, first: 3) {
      score
      entity { __typename id kind name nameZh }
    }
  }
`);

/** Spread into Neighbours; codegen reads it from this file, nothing imports it. @public */
export const OrganizationCard = graphql(`
  fragment OrganizationCard on Organization { __typename id nameZh products { name } }
`);

/** Spread into Neighbours; codegen reads it from this file, nothing imports it. @public */
export const ApplicationCard = graphql(`
  fragment ApplicationCard on Application { __typename id nameZh technologies { name } }
`);

/** Spread into Neighbours; codegen reads it from this file, nothing imports it. @public */
export const MetricCard = graphql(`
  fragment MetricCard on Metric { __typename id value unit year region }
`);

export const Neighbours = graphql(`
  query Neighbours($id: ID!) {
    neighborhood(id: $id, depth: 1, limit: 100) {
      truncated
      nodes {
        __typename
        id
        kind
        name
        ...OrganizationCard
        ...ApplicationCard
        ...MetricCard
      }
    }
  }
`);

export const Series = graphql(`
  query Series($indicator: String!, $subject: String) {
    metricSeries(indicator: $indicator, subject: $subject) {
      subject { __typename id nameZh }
      region { name nameZh }
      unit
      unitCode
      points { year value forecast metric { evidence } }
    }
  }
`);
