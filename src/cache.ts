/**
 * The whole-response cache. An Apollo plugin looks an answer up once every check has passed (parsing, validation,
 * armor's limits, the cost and argument checks, variable coercion), keyed on the document's hash, the operation name,
 * the coerced variables and the graph's data version; the HTTP handler (src/server.ts) serves and stores the answer's
 * bytes, so a hit skips both execution and serialisation. Only complete, error-free answers are stored.
 *
 * Each stored answer is also filed under the exact request that was answered (the data version, the content type and
 * accept headers, the body's text). The handler looks that up before Apollo: only a request byte-for-byte equal to
 * one that passed every check and got an error-free answer can hit, and the checks depend on nothing else (the
 * document, its variables, the graph), so it skips Apollo's pipeline and is answered exactly as Apollo would.
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
  outcome: { clean?: boolean };
}

/** A stored answer: its body and the content type it was sent with. */
export interface StoredAnswer {
  body: string;
  contentType: string;
}

/** One request's dealings with the cache: given by the HTTP handler, filled in by the plugin. */
export interface CacheTicket {
  cache: ResponseCache;
  /** The data version the handler read for the exact-request lookup; the plugin keys on the same one. */
  version?: string;
  /** The request's key, once its operation has passed every check. */
  key?: string;
  /** The stored answer, on a hit: the handler sends these bytes. On a miss the handler stores a clean answer's. */
  hit?: StoredAnswer;
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

/** The key of an exact request: what the handler reads before Apollo, each part on a line of its own but the last. */
export function exactRequestKey(version: string, contentType: string | undefined, accept: string | undefined, body: string): string {
  return `exact\n${version}\n${contentType ?? ''}\n${accept ?? ''}\n${body}`;
}

/**
 * Answers by key, least recently used first out, bounded by the bytes of bodies and keys. An answer filed under both
 * of its keys is one string in memory but counted twice, so the bound is never exceeded.
 */
export class ResponseCache {
  private readonly answers: LRUCache<string, StoredAnswer>;
  private hits = 0;
  private misses = 0;

  constructor(readonly maxBytes: number) {
    // An entry larger than maxBytes is not stored at all (lru-cache's maxEntrySize defaults to maxSize).
    this.answers = new LRUCache<string, StoredAnswer>({ maxSize: maxBytes, sizeCalculation: (answer, key) => Buffer.byteLength(answer.body) + Buffer.byteLength(key) });
  }

  ticket(version?: string): CacheTicket {
    return { cache: this, version };
  }

  /** The answer stored under the operation's key; every lookup counts as a hit or a miss. */
  get(key: string): StoredAnswer | undefined {
    const answer = this.answers.get(key);
    if (answer === undefined) this.misses++;
    else this.hits++;
    return answer;
  }

  /** The answer stored under an exact request's key; a miss is not counted, since the operation's lookup follows. */
  getExact(key: string): StoredAnswer | undefined {
    const answer = this.answers.get(key);
    if (answer !== undefined) this.hits++;
    return answer;
  }

  set(key: string, answer: StoredAnswer): void {
    this.answers.set(key, answer);
  }

  stats(): CacheStats {
    const lookups = this.hits + this.misses;
    return {
      entries: this.answers.size,
      bytes: this.answers.calculatedSize,
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
  // Variables are JSON: no value here is undefined or a function, which JSON.stringify would not turn into text.
  return JSON.stringify(value);
}

/**
 * Looks up an operation that passed every check, keyed on what its answer depends on, and notes the key and the hit on
 * the ticket (the handler stores a clean answer under that key). The plugin below and the fast lane (src/fastlane.ts)
 * both look up here, so their keys and counts agree.
 */
export function lookUpOperation(ticket: CacheTicket, version: string, queryHash: string, operationName: string | null | undefined, variables: Record<string, unknown>): StoredAnswer | undefined {
  // Stryker disable next-line StringLiteral: equivalent, a stand-in for no name is still no operation's name, and the parts keep apart without a separator (two fixed-length hashes, a GraphQL name, JSON) (README: Mutation testing)
  ticket.key = [version, queryHash, operationName ?? '', canonicalJson(variables)].join('\n');
  ticket.hit = ticket.cache.get(ticket.key);
  return ticket.hit;
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
          // No ticket, or the fast lane looked the operation up already (src/fastlane.ts): one lookup a request.
          if (!ticket || ticket.key !== undefined) return null;
          let version = ticket.version;
          try {
            version ??= await contextValue.store.dataVersion();
          } catch {
            // The store cannot say what it holds (an outage): execution answers as it would without a cache.
            return null;
          }
          // Apollo sets queryHash before this hook (didResolveSource types it as required); this one's type does not say so.
          if (lookUpOperation(ticket, version, queryHash!, operationName, contextValue.variables ?? {}) === undefined) return null;
          // A placeholder: the handler sends the stored bytes instead, extensions.cost included.
          return { http: { headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data: {} } } };
        },
        async willSendResponse({ response, contextValue }) {
          // Whether the answer may be stored (src/server.ts) and its operation answered by the fast lane
          // (src/fastlane.ts). Seen before tidyErrorsPlugin drops REQUEST_ABORTED errors; a cut-short answer may have
          // lost fields without one.
          contextValue.outcome.clean =
            response.body.kind === 'single' &&
            !response.body.singleResult.errors?.length &&
            !contextValue.guard.cutShort;
        },
      };
    },
  };
}
