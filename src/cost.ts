/** Query cost: every field costs 1, and what a list field selects is multiplied by how many items it may return. */
import { GraphQLError, isListType, isNonNullType, type GraphQLOutputType } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import type { ApolloServerPlugin } from '@apollo/server';
import { LIMITS } from './config.js';

/** Types whose lists hold what their parent field already paid for (a page, a subgraph, a path). */
const CONTAINERS = new Set(['EntityConnection', 'Subgraph', 'Path', 'Stats']);

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/** Lists are weighted by their page size (`first`, `limit`), else by a typical fan-out for relation lists. */
export const pageSizeEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const size = typeof args.first === 'number' ? args.first : typeof args.limit === 'number' ? args.limit : undefined;
  if (size !== undefined) return 1 + size * childComplexity;
  if (isList(field.type) && !CONTAINERS.has(type.name)) return 1 + LIMITS.relationListWeight * childComplexity;
  return undefined;
};

/** An Apollo plugin: once the operation and its variables are known, refuse it when its cost exceeds the limit. */
export function costLimitPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const cost = getComplexity({
            schema,
            query: document,
            variables: request.variables ?? {},
            operationName: request.operationName ?? undefined,
            estimators: [pageSizeEstimator, simpleEstimator({ defaultComplexity: 1 })],
          });
          if (cost > LIMITS.maxCost) {
            throw new GraphQLError(
              `query cost ${cost} exceeds the limit of ${LIMITS.maxCost}; lists count once per item they may return ` +
                `(first or limit, else ${LIMITS.relationListWeight} for relation lists): ask for smaller pages or fewer nested lists`,
              { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}
