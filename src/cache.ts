/**
 * The whole-response cache. An Apollo plugin looks an answer up once every check has passed (parsing, validation,
 * armor's limits, the cost and argument checks, variable coercion), keyed on the document's hash, the operation name,
 * the coerced variables and the graph's data version; the HTTP handler (src/server.ts) serves and stores the answer's
 * bytes, so a hit skips both execution and serialisation. Only complete, error-free answers are stored.
 */
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { LRUCache } from 'lru-cache';
import type { GraphStore } from './graph/types.js';

/**
 * What the plugin reads of a request's context: src/context.ts's Context, which holds a CacheTicket, is not imported,
 * so the two modules do not import each other.
 */
interface Context {
  store: Pick<GraphStore, 'dataVersion'>;
  guard: { readonly cutShort: boolean };
  variables?: Record<string, unknown>;
  responseCache?: CacheTicket;
}

/** One request's dealings with the cache: given by the HTTP handler, filled in by the plugin. */
export interface CacheTicket {
  cache: ResponseCache;
  /** The request's key, once its operation has passed every check. */
  key?: string;
  /** The stored body, on a hit: the handler sends these bytes. */
  hit?: string;
  /** On a miss: true when the answer is complete and error-free, so the handler may store its bytes. */
  storable?: boolean;
}

export interface CacheStats {
  entries: number;
  bytes: number;
  maxBytes: number;
  hits: number;
  misses: number;
  /** Hits over lookups; 0 before the first lookup. */
  hitRate: number;
}

/** Response bodies by key, least recently used first out, bounded by the bytes of bodies and keys. */
export class ResponseCache {
  private readonly bodies: LRUCache<string, string>;
  private hits = 0;
  private misses = 0;

  constructor(readonly maxBytes: number) {
    // An entry larger than maxBytes is not stored at all (lru-cache's maxEntrySize defaults to maxSize).
    this.bodies = new LRUCache<string, string>({ maxSize: maxBytes, sizeCalculation: (body, key) => Buffer.byteLength(body) + Buffer.byteLength(key) });
  }

  ticket(): CacheTicket {
    return { cache: this };
  }

  get(key: string): string | undefined {
    const body = this.bodies.get(key);
    if (body === undefined) this.misses++;
    else this.hits++;
    return body;
  }

  set(key: string, body: string): void {
    this.bodies.set(key, body);
  }

  stats(): CacheStats {
    const lookups = this.hits + this.misses;
    return {
      entries: this.bodies.size,
      bytes: this.bodies.calculatedSize,
      maxBytes: this.maxBytes,
      hits: this.hits,
      misses: this.misses,
      hitRate: lookups ? Math.round((this.hits / lookups) * 1000) / 1000 : 0,
    };
  }
}

/** JSON with every object's keys sorted: equal values, equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The plugin: inert for requests without a ticket (in-process executeOperation calls). It runs after the checks,
 * since Apollo calls responseForOperation only once didResolveOperation has passed, so a refusal is never cached nor skipped.
 */
export function responseCachePlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ contextValue, queryHash, operationName }) {
          const ticket = contextValue.responseCache;
          if (!ticket) return null;
          let version: string;
          try {
            version = await contextValue.store.dataVersion();
          } catch {
            // The store cannot say what it holds (an outage): execution answers as it would without a cache.
            return null;
          }
          ticket.key = [version, queryHash, operationName ?? '', canonicalJson(contextValue.variables ?? {})].join('\n');
          ticket.hit = ticket.cache.get(ticket.key);
          if (ticket.hit === undefined) return null;
          // A placeholder: the handler sends the stored bytes instead, extensions.cost included.
          return { http: { headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data: {} } } };
        },
        async willSendResponse({ response, contextValue }) {
          const ticket = contextValue.responseCache;
          if (!ticket?.key || ticket.hit !== undefined) return;
          // Seen before tidyErrorsPlugin drops REQUEST_ABORTED errors; a cut-short answer may have lost fields without one.
          ticket.storable =
            response.body.kind === 'single' &&
            !response.body.singleResult.errors?.length &&
            (response.http.status ?? 200) === 200 &&
            !contextValue.guard.cutShort;
        },
      };
    },
  };
}
