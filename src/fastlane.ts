/**
 * The fast lane: a hot operation answered without Apollo's per-request pipeline. Apollo answers an operation the
 * first times it is sent; once it ran compiled (src/executor.ts) and gave a complete, error-free 200, the exact
 * request it answered (the query text, the operation name, the content type and accept headers) is filed here with
 * its parsed document, its compiled program and the headers Apollo sent. A later request with the same text skips
 * Apollo's parsing, hashing, content negotiation, document store and plugin hooks (about half the CPU of a small
 * request), but none of the checks that depend on more than the text:
 *
 * - parsing, validation, armor's limits and the CSRF check depend only on the text and headers, which are equal;
 * - the variables go through the same checks as Apollo's (src/cost.ts's admit: coercion, arguments, cost, the
 *   deadline started), remembered as they are for Apollo's requests;
 * - the response is written as Apollo writes a clean one: `{data, extensions: {cost}}` and a newline.
 *
 * Anything else goes to Apollo with the same context: a refusal of the variables and a store that cannot say its
 * bounds (Apollo checks again and refuses as it always does), and an answer with an error, whose result Apollo then
 * formats as it always would (armor's rewrites, tidying, formatError) without running the operation again.
 * tests/probes.test.ts sends every probe through the lane and checks it gets the same bytes.
 */
import type { GraphQLSchema } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { Context, CompiledRun } from './context.js';
import { lookUpOperation } from './cache.js';
import { admit, costExtension } from './cost.js';

/** A body the lane can answer: these keys only (no extensions: persisted queries are Apollo's). */
interface LaneRequest {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

interface Entry extends CompiledRun {
  /** The headers Apollo sent with the clean answer (its negotiated content type). */
  headers: [string, string][];
}

/** What the lane answered: the headers to send and the body (undefined on a response cache hit: the ticket holds it). */
interface LaneAnswer {
  headers: [string, string][];
  body?: string;
}

const LANE_KEYS = new Set(['query', 'operationName', 'variables']);

/** The body as a lane request, or undefined when only Apollo may read it (other keys, other types, a batch). */
export function laneRequest(body: unknown): LaneRequest | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const b = body as Record<string, unknown>;
  for (const key in b) if (!LANE_KEYS.has(key)) return undefined;
  if (typeof b.query !== 'string') return undefined;
  if (b.operationName != null && typeof b.operationName !== 'string') return undefined;
  if (b.variables != null && (typeof b.variables !== 'object' || Array.isArray(b.variables))) return undefined;
  return b as unknown as LaneRequest;
}

/** How the lane has done: operations filed, requests it answered, requests it handed to Apollo after a lookup hit. */
export interface LaneStats {
  operations: number;
  answered: number;
  handedOn: number;
}

export class FastLane {
  private readonly entries: LRUCache<string, Entry>;
  private answered = 0;
  private handedOn = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    max: number,
  ) {
    this.entries = new LRUCache<string, Entry>({ max });
  }

  /** The key of a request: everything Apollo's answer before execution depends on besides the variables. */
  static key(request: LaneRequest, contentType: string | undefined, accept: string | undefined): string {
    return `${JSON.stringify(request.operationName ?? null)}\n${contentType ?? ''}\n${accept ?? ''}\n${request.query}`;
  }

  /** Files a request that Apollo answered clean, with the program it ran. */
  learn(key: string, run: CompiledRun, headers: Iterable<[string, string]>): void {
    this.entries.set(key, { ...run, headers: [...headers] });
  }

  stats(): LaneStats {
    return { operations: this.entries.size, answered: this.answered, handedOn: this.handedOn };
  }

  /**
   * The answer, or undefined when Apollo must answer (the context is then as Apollo's run needs it: its deadline,
   * once started, is kept). With a response cache ticket, the operation is looked up as the cache's plugin does.
   */
  async answer(key: string, request: LaneRequest, context: Context): Promise<LaneAnswer | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    try {
      await admit(context, this.schema, entry.document, entry.operation, request.variables ?? {});
    } catch {
      // Refused, or the graph cannot be measured: Apollo gives the answer it always gives.
      this.handedOn++;
      return undefined;
    }
    const ticket = context.responseCache;
    // The operation's own name, as Apollo's plugin keys it (a request may leave the name out for a lone operation).
    if (ticket?.version !== undefined && lookUpOperation(ticket, ticket.version, entry.queryHash, entry.operation.name?.value, context.variables!) !== undefined) {
      this.answered++;
      return { headers: entry.headers };
    }
    const result = await entry.program.query(undefined, context, request.variables ?? {});
    if (result.errors?.length || context.guard.cutShort) {
      context.outcome.result = result;
      this.handedOn++;
      return undefined;
    }
    context.outcome.clean = true;
    this.answered++;
    // Apollo's writing of a clean result: errors (none), data, extensions, then a newline (prettyJSONStringify).
    return { headers: entry.headers, body: `${JSON.stringify({ data: result.data, extensions: costExtension(context.cost!) })}\n` };
  }
}
