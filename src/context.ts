/** The per-request context: the store behind the port, the request's DataLoaders, and its deadline. */
import DataLoader from 'dataloader';
import type { DocumentNode, ExecutionResult, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import type { CompiledQuery } from 'graphql-jit';
import { measureBounds, type GraphBounds } from './bounds.js';
import { QueryTimeout, RequestAborted, ServiceUnavailable, StoreUnavailable } from './errors.js';
import type { CacheTicket } from './cache.js';
import type { EntityRecord, GraphStore, RelationRecord } from './graph/types.js';

interface Loaders {
  /** Entities by id, batched: one store call per tick however many parents ask. */
  entity: DataLoader<string, EntityRecord | null>;
  /** Every relation touching an id, batched the same way. */
  relations: DataLoader<string, RelationRecord[]>;
}

/**
 * Decides when a request's work must stop: its deadline has passed, or its response is already decided (the client
 * left, or a failure nulled the whole result). Checked before every store call, so no store work outlives the answer.
 */
class RequestGuard {
  private stopped: 'timeout' | 'aborted' | undefined;
  private deadline = Infinity;

  constructor(readonly timeoutMs: number) {}

  /**
   * The clock starts once the operation is checked: a first request that waits for the graph to be measured keeps its
   * full time. Only once: a request the fast lane hands to Apollo (src/fastlane.ts) keeps the deadline it had.
   */
  start() {
    if (this.deadline === Infinity) this.deadline = performance.now() + this.timeoutMs;
  }

  abort() {
    this.stopped ??= 'aborted';
  }

  /** True once the work was cut short, by the deadline or by the client leaving. */
  get cutShort(): boolean {
    return this.stopped !== undefined;
  }

  check() {
    // The clock is read, not a timer awaited: a timer cannot fire while resolvers run on microtasks.
    if (!this.stopped && performance.now() > this.deadline) this.stopped = 'timeout';
    if (this.stopped === 'timeout') throw new QueryTimeout(this.timeoutMs);
    if (this.stopped === 'aborted') throw new RequestAborted();
  }
}

/** An operation run by its compiled program (src/executor.ts): what the fast lane needs to run it again. */
export interface CompiledRun {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  program: CompiledQuery<unknown, unknown>;
  /** Apollo's hash of the query text (the response cache's operation key holds it). */
  queryHash: string;
}

interface Outcome {
  /** Set by the executor when a compiled program ran the operation. */
  compiled?: CompiledRun;
  /** Set once the answer is known to be complete and error-free (src/cache.ts), and unset by the handler for a status other than 200. */
  clean?: boolean;
  /**
   * A result with errors the fast lane computed for this request and handed to Apollo: the executor gives Apollo this
   * instead of running the operation again (twice the work, on a deadline already partly spent).
   */
  result?: ExecutionResult<unknown>;
}

export interface Context {
  /** The store, behind the request's guard. */
  store: GraphStore;
  loaders: Loaders;
  guard: RequestGuard;
  /** The graph's list lengths that price queries, measured once per store. */
  bounds(schema: GraphQLSchema): Promise<GraphBounds>;
  /** The operation's cost, once checked. */
  cost?: number;
  /** The operation's variables as coerced by the checks. */
  variables?: Record<string, unknown>;
  /** Set by the HTTP handler where responses may be cached (src/cache.ts); the plugin fills in the rest. */
  responseCache?: CacheTicket;
  /** How the operation ran, for the HTTP handler (an object: Apollo runs each operation on a shallow copy of the context). */
  outcome: Outcome;
  /** The entities this request's store answers have held, by id: a relation's ends among them resolve without a promise. */
  known: Map<string, EntityRecord>;
}

/** Notes entities a store answer held (null for an id it lacks), so that relations between them resolve their ends synchronously. */
// Stryker disable next-line BlockStatement: equivalent, what is remembered only saves a load: relationEnd loads an end the request has not seen (README: Mutation testing)
export function remember(ctx: Pick<Context, 'known'>, entities: readonly (EntityRecord | null)[]): void {
  for (const entity of entities) if (entity) ctx.known.set(entity.id, entity);
}

/**
 * An end of a relation the store returned (so it exists): the record itself when the request has seen it, else a
 * batched load. graphql-js completes a plain value in place but a promise a tick later, with its own allocations: on a
 * 2-hop neighbourhood this is over a thousand promises fewer.
 */
export function relationEnd(ctx: Pick<Context, 'known' | 'loaders'>, id: string): EntityRecord | Promise<EntityRecord> {
  return ctx.known.get(id) ?? (ctx.loaders.entity.load(id) as Promise<EntityRecord>);
}

const measured = new WeakMap<GraphStore, Promise<GraphBounds>>();

/** Every store method first asks the guard. */
function guarded(store: GraphStore, guard: RequestGuard): GraphStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function' || prop === 'ready' || prop === 'close') return value;
      // Async, so a refusal is a rejected promise as every store answer is (DataLoader refuses synchronous throws).
      return async (...args: unknown[]) => {
        guard.check();
        try {
          return await value.apply(target, args);
        } catch (error) {
          // An outage is the server's state, not the query's fault: the whole answer is a 503, as before execution.
          if (error instanceof StoreUnavailable) throw new ServiceUnavailable(undefined, 503);
          throw error;
        }
      };
    },
  });
}

export function createContext(store: GraphStore, timeoutMs = Infinity): Context {
  const guard = new RequestGuard(timeoutMs);
  const front = guarded(store, guard);
  const known = new Map<string, EntityRecord>();
  return {
    store: front,
    guard,
    known,
    outcome: {},
    loaders: {
      entity: new DataLoader(async (ids) => {
        const found = await front.getEntities(ids);
        remember({ known }, found);
        return found;
      }),
      relations: new DataLoader((ids) => front.relationsOf(ids)),
    },
    bounds(schema) {
      let bounds = measured.get(store);
      if (!bounds) {
        // Measured with a context of its own, without a deadline; a failed measurement is tried again next time.
        bounds = measureBounds(schema, createContext(store));
        bounds.catch(() => measured.delete(store));
        measured.set(store, bounds);
      }
      return bounds;
    },
  };
}
