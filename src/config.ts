/** The one place that reads the environment: validated once at start-up, failing fast with a clear message. */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Neo4jSettings } from './graph/neo4j/store.js';
import { TRAVERSAL_LIMITS } from './graph/traversal.js';

/** Every variable the configuration reads, with its default: what the README's Configuration table lists. */
export const ENVIRONMENT = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  GRAPH_STORE: z.enum(['embedded', 'neo4j']).default('embedded'),
  NEO4J_URI: z.string().regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\//, 'must be a neo4j://, neo4j+s://, bolt:// or bolt+s:// URI').default('neo4j://localhost:7687'),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  NEO4J_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  NEO4J_CONNECTION_TIMEOUT_MS: z.coerce.number().int().positive().default(3000),
  NEO4J_MAX_RETRY_TIME_MS: z.coerce.number().int().min(0).default(3000),
  /** How often the Neo4j store re-reads the data version the seeder stamped (the response cache's staleness bound). */
  NEO4J_VERSION_CHECK_MS: z.coerce.number().int().min(0).default(1000),
  SEED_DIR: z.string().min(1).default(fileURLToPath(new URL('../seed', import.meta.url))),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
  /** Introspection and the landing page; off by default in production, as trusted public APIs do. */
  INTROSPECTION: z.enum(['true', 'false']).optional(),
  /** A query still resolving after this long is stopped with QUERY_TIMEOUT. */
  QUERY_TIMEOUT_MS: z.coerce.number().int().positive().default(2000),
  /** On SIGTERM/SIGINT, in-flight requests get this long to finish before their connections are closed. */
  DRAIN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  /** Slow clients: the whole request head, the whole request, and an idle keep-alive connection. */
  HEADERS_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
  /** Open connections at once; more are refused. */
  MAX_CONNECTIONS: z.coerce.number().int().positive().default(1024),
  /** Bytes of a response body; a larger answer is replaced by a RESPONSE_TOO_LARGE error. */
  MAX_RESPONSE_BYTES: z.coerce.number().int().positive().default(4_000_000),
  /** The whole-response cache (src/cache.ts): on by default, since its key holds the graph's data version. */
  RESPONSE_CACHE: z.enum(['true', 'false']).default('true'),
  /** Bytes of cached response bodies (and their keys); the least recently used are dropped beyond it. */
  RESPONSE_CACHE_MAX_BYTES: z.coerce.number().int().positive().default(64_000_000),
  /**
   * Runs of an operation on graphql-js before graphql-jit compiles it (src/executor.ts); `off` never compiles. Only hot
   * operations are worth a compilation, which costs 1-50 ms; amortised over this many runs, a client sending each new
   * document a few times cannot make compiling its main cost.
   */
  COMPILE_AFTER_RUNS: z.union([z.literal('off'), z.coerce.number().int().min(1).max(1_000_000)]).default(10),
  /** Compiled operations kept; the least recently run are dropped beyond it (and compiled again once hot again). */
  MAX_COMPILED_OPERATIONS: z.coerce.number().int().positive().default(256),
});

export interface Config {
  port: number;
  host: string;
  store: 'embedded' | 'neo4j';
  neo4j: Neo4jSettings;
  seedDir: string;
  logLevel: z.infer<typeof ENVIRONMENT>['LOG_LEVEL'];
  production: boolean;
  introspection: boolean;
  queryTimeoutMs: number;
  http: HttpConfig;
  responseCache: { enabled: boolean; maxBytes: number };
  execution: ExecutionConfig;
}

/** Compiled execution (src/executor.ts): after how many runs an operation is compiled (never when undefined), how many are kept. */
export interface ExecutionConfig {
  compileAfterRuns?: number;
  maxCompiled: number;
}

interface HttpConfig {
  drainTimeoutMs: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxConnections: number;
  maxResponseBytes: number;
}

/** Limits every request is held to; each error message names the one that was broken. */
export const LIMITS = {
  /** Page size of every list argument (`first`). */
  maxPageSize: 100,
  ...TRAVERSAL_LIMITS,
  /** Nodes a neighbourhood may return. */
  maxNeighborhoodNodes: 500,
  /** Longest search text, in characters. */
  maxSearchLength: 200,
  /** Selection depth of a query. */
  maxQueryDepth: 10,
  maxAliases: 15,
  maxDirectives: 50,
  maxTokens: 1000,
  /** Query cost: the most field values a query can resolve on the loaded graph (see src/cost.ts). */
  maxCost: 20_000,
  /**
   * The same for `__schema` and `__type`, priced the same way on the schema, as a multiple of what the fullest standard
   * introspection query costs on the schema served: the standard queries always fit, however the schema grows.
   */
  introspectionHeadroom: 1.5,
  /** Characters of an id, name or cursor argument. */
  maxIdLength: 200,
  /** Bytes of a request body. */
  maxBodyBytes: 100_000,
  /** Errors reported in one response; the rest are counted in a last one. */
  maxErrors: 10,
} as const;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ENVIRONMENT.safeParse(env);
  if (!parsed.success) {
    // Stryker disable next-line StringLiteral: equivalent, every variable is a top-level key, so each path has one part (README: Mutation testing)
    const variable = (issue: { path: PropertyKey[] }) => issue.path.join('.');
    const problems = parsed.error.issues.map((i) => `${variable(i)}: ${i.message}`).join('; ');
    throw new ConfigError(`invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  if (e.GRAPH_STORE === 'neo4j' && !e.NEO4J_PASSWORD) {
    throw new ConfigError('invalid configuration: NEO4J_PASSWORD is required when GRAPH_STORE=neo4j');
  }
  const production = e.NODE_ENV === 'production';
  return {
    port: e.PORT,
    host: e.HOST,
    store: e.GRAPH_STORE,
    neo4j: {
      uri: e.NEO4J_URI,
      user: e.NEO4J_USER,
      // Stryker disable next-line StringLiteral: equivalent, the password is read only by the Neo4j store, which requires it (README: Mutation testing)
      password: e.NEO4J_PASSWORD ?? '',
      database: e.NEO4J_DATABASE,
      transactionTimeoutMs: e.NEO4J_TRANSACTION_TIMEOUT_MS,
      connectionTimeoutMs: e.NEO4J_CONNECTION_TIMEOUT_MS,
      maxRetryTimeMs: e.NEO4J_MAX_RETRY_TIME_MS,
      versionCheckMs: e.NEO4J_VERSION_CHECK_MS,
    },
    seedDir: e.SEED_DIR,
    logLevel: e.LOG_LEVEL,
    production,
    introspection: e.INTROSPECTION ? e.INTROSPECTION === 'true' : !production,
    queryTimeoutMs: e.QUERY_TIMEOUT_MS,
    http: {
      drainTimeoutMs: e.DRAIN_TIMEOUT_MS,
      headersTimeoutMs: e.HEADERS_TIMEOUT_MS,
      requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: e.KEEP_ALIVE_TIMEOUT_MS,
      maxConnections: e.MAX_CONNECTIONS,
      maxResponseBytes: e.MAX_RESPONSE_BYTES,
    },
    responseCache: { enabled: e.RESPONSE_CACHE === 'true', maxBytes: e.RESPONSE_CACHE_MAX_BYTES },
    execution: { compileAfterRuns: e.COMPILE_AFTER_RUNS === 'off' ? undefined : e.COMPILE_AFTER_RUNS, maxCompiled: e.MAX_COMPILED_OPERATIONS },
  };
}
