/**
 * Execution compiled by graphql-jit, plugged into Apollo through its gateway hook (the one way Apollo lets an executor
 * be replaced; every check before execution and every formatting after it stays Apollo's). Compiled, a 2-hop
 * neighbourhood executes 2.4 times faster. Compiling costs 1-50 ms, so only hot operations are compiled, as Mercurius
 * does: an operation runs on graphql-js until it has run `compileAfterRuns` times. Compiled or not, clients get the same
 * bytes: tests/probes.test.ts sends every probe both ways.
 */
import { GraphQLError, execute, type ExecutionResult, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { compileQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';
import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import type { ExecutionConfig } from './config.js';
import type { Context } from './context.js';

/** Apollo's gateway, plus how many operations are compiled now (for tests and figures). */
type Gateway = ApolloServerOptionsWithGateway<Context>['gateway'] & { compiledCount(): number };

/**
 * A compiled result as graphql-js would give it: errors first, then data (the order clients see), and each error a
 * graphql-js GraphQLError, since graphql-jit's have read-only fields that Apollo's plugins rewrite (armor hides
 * suggestions in messages) and would fail on.
 */
function asGraphqlJs(result: ExecutionResult<unknown>): ExecutionResult {
  const data = result.data as ExecutionResult['data'];
  if (!result.errors?.length) return { data };
  const errors = result.errors.map((e) => {
    const error = new GraphQLError(e.message, { path: e.path, originalError: e.originalError ?? undefined, extensions: e.extensions });
    // graphql-jit keeps the locations but not the nodes they came from, so they are copied rather than computed.
    // Stryker disable next-line BooleanLiteral: equivalent, Apollo formats an error by its toJSON(), which reads locations whether or not they are enumerable, and nothing writes them (README: Mutation testing)
    if (e.locations) Object.defineProperty(error, 'locations', { value: e.locations, enumerable: true, writable: true });
    return error;
  });
  return { errors, data };
}

export function compiledExecution(schema: GraphQLSchema, { compileAfterRuns, maxCompiled }: ExecutionConfig): Gateway {
  // Keyed by the parsed operation, which Apollo's document store hands back for the same text.
  const runs = new WeakMap<OperationDefinitionNode, number>();
  // 'interpreted' marks an operation graphql-jit declined; it stays on graphql-js.
  const compiled = new LRUCache<OperationDefinitionNode, CompiledQuery<unknown, unknown> | 'interpreted'>({ max: maxCompiled });

  /** The operation's compiled form once it is hot, else undefined (and the run is counted). */
  const compiledFor = (document: Parameters<typeof compileQuery>[1], operation: OperationDefinitionNode): CompiledQuery<unknown, unknown> | undefined => {
    if (compileAfterRuns === undefined) return undefined;
    const held = compiled.get(operation);
    if (held !== undefined) return held === 'interpreted' ? undefined : held;
    const count = (runs.get(operation) ?? 0) + 1;
    if (count <= compileAfterRuns) {
      runs.set(operation, count);
      return undefined;
    }
    // Counted again from zero, so that an operation dropped from the LRU must be hot again to be compiled again.
    runs.delete(operation);
    const made = compileQuery(schema, document, operation.name?.value);
    const program = 'query' in made ? made : undefined;
    compiled.set(operation, program ?? 'interpreted');
    return program;
  };

  return {
    onSchemaLoadOrUpdate(callback) {
      // Stryker disable next-line StringLiteral: equivalent, only plugins' schemaDidLoadOrUpdate hooks read the SDL, and none is installed (README: Mutation testing)
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    async load() {
      return {
        async executor({ document, operation, context, request, queryHash }) {
          // The fast lane ran this request already (src/fastlane.ts): Apollo formats its result.
          const ran = context.outcome.result;
          if (ran) return asGraphqlJs(ran);
          const program = operation ? compiledFor(document, operation) : undefined;
          if (program) {
            context.outcome.compiled = { document, operation: operation!, program, queryHash };
            return asGraphqlJs(await program.query(undefined, context, request.variables ?? {}));
          }
          // The name the client sent: Apollo's is null when none matched, which would run a lone operation anyway.
          // Without a unique operation to run, graphql-js gives the error Apollo would.
          return execute({ schema, document, contextValue: context, variableValues: request.variables, operationName: request.operationName ?? null });
        },
      };
    },
    async stop() {},
    compiledCount: () => [...compiled.values()].filter((c) => c !== 'interpreted').length,
  };
}
