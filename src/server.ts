/** The GraphQL server: Apollo with query limits, served over node:http with health, body and media-type checks. */
import { readFileSync, readdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { makeExecutableSchema, type IExecutableSchemaDefinition } from '@graphql-tools/schema';
import contentType from 'content-type';
import cors from 'cors';
import type { Logger } from 'pino';
import { LIMITS, loadConfig, type Config } from './config.js';
import { createContext, type Context } from './context.js';
import { makeFormatError } from './errors.js';
import { requestChecksPlugin } from './cost.js';
import { ResponseCache, exactRequestKey, responseCachePlugin } from './cache.js';
import type { GraphStore } from './graph/types.js';
import { resolvers } from './resolvers/index.js';
import { serveWeb } from './web.js';
import { compiledExecution } from './executor.js';
import { FastLane, laneRequest, type LaneStats } from './fastlane.js';

const SCHEMA_DIR = fileURLToPath(new URL('../schema', import.meta.url));

export function loadTypeDefs(): string {
  // Stryker's marks apply to whole statements, so each marked mutant has a statement of its own.
  // Stryker disable next-line MethodExpression,StringLiteral: equivalent, schema/ holds only .graphql files, and readdirSync lists names sorted already (README: Mutation testing)
  const files = readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.graphql')).sort();
  const texts = files.map((f) => readFileSync(`${SCHEMA_DIR}/${f}`, 'utf8'));
  // Stryker disable next-line StringLiteral: equivalent, every schema file ends with a newline (README: Mutation testing)
  return texts.join('\n');
}

/** The schema Apollo would build from typeDefs and resolvers, built here since the executor (src/executor.ts) compiles against it. */
export function executableSchema() {
  return makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers: resolvers as IExecutableSchemaDefinition<Context>['resolvers'] });
}

/** Identical errors once (one per deadline, one per repeated unknown directive), none for work dropped after the answer was decided, and at most LIMITS.maxErrors. */
function tidyErrorsPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          const seen = new Set<string>();
          const errors = response.body.singleResult.errors.filter((e) => {
            if (e.extensions?.code === 'REQUEST_ABORTED' || seen.has(e.message)) return false;
            seen.add(e.message);
            return true;
          });
          const kept = errors.slice(0, LIMITS.maxErrors);
          if (errors.length > kept.length) {
            kept.push({ message: `${errors.length - kept.length} more errors not shown (at most ${LIMITS.maxErrors} are reported)`, extensions: { code: kept[0].extensions?.code } });
          }
          if (kept.length) response.body.singleResult.errors = kept;
        },
      };
    },
  };
}

export function createApollo(config: Pick<Config, 'introspection' | 'production'> & Partial<Pick<Config, 'execution'>>, logger: Logger, schema = executableSchema()): ApolloServer<Context> {
  const armor = new ApolloArmor({
    maxDepth: { n: LIMITS.maxQueryDepth, exposeLimits: true },
    // Armor lets __typename aliases through by default; 101 of them is a classic probe.
    // Stryker disable next-line ArrayDeclaration: equivalent, no field or alias can be named "Stryker was here" (README: Mutation testing)
    maxAliases: { n: LIMITS.maxAliases, exposeLimits: true, allowList: [] },
    // Stryker disable next-line ObjectLiteral: equivalent, armor's defaults are the same: 50 directives, limits exposed (README: Mutation testing)
    maxDirectives: { n: LIMITS.maxDirectives, exposeLimits: true },
    // src/cost.ts prices queries on the loaded graph instead.
    costLimit: { enabled: false },
    // Armor's token limit throws from a hook (a 500); Apollo's own parser limit below gives a clean 400.
    maxTokens: { enabled: false },
    // src/errors.ts drops every "Did you mean" in production; armor's would leave "[Suggestion hidden]?" in the message.
    blockFieldSuggestion: { enabled: false },
  });
  const protection = armor.protect();
  return new ApolloServer<Context>({
    gateway: compiledExecution(schema, config.execution ?? loadConfig({}).execution),
    introspection: config.introspection,
    // Stryker disable next-line BooleanLiteral: equivalent, formatError (src/errors.ts) drops the stack trace of every error it passes and rebuilds the rest (README: Mutation testing)
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    // The process owns its signals: src/main.ts drains requests before Apollo stops.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: LIMITS.maxTokens },
    validationRules: protection.validationRules,
    formatError: makeFormatError((error) => logger.error({ err: error }, 'unexpected error while resolving'), config.production),
    plugins: [
      // Armor's typings point at Apollo's CommonJS build; the plugins are the same objects.
      ...(protection.plugins as unknown as ApolloServerPlugin<Context>[]),
      requestChecksPlugin(),
      // Before tidyErrorsPlugin, which drops the errors of an aborted request that mark its answer incomplete.
      responseCachePlugin(),
      tidyErrorsPlugin(),
      // No field uses cache hints, and the plugin wraps every resolver: measured +23–29% throughput without it.
      ApolloServerPluginCacheControlDisabled(),
      // Our own pages (src/web.ts) replace Apollo's, which loads its Sandbox from a CDN and is blank offline.
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
}

/** A request refused before GraphQL sees it: its status, code and message. */
class Refused extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The body as text; listeners rather than an async iterator, which costs a promise per chunk and was 4% of a small request. */
function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const tooLarge = () => new Refused(413, 'PAYLOAD_TOO_LARGE', `request body exceeds ${limit} bytes`);
  if (Number(req.headers['content-length'] ?? 0) > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // The rest is never read: the 413 closes the connection (see the handler).
        req.pause();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('error', reject);
    req.once('end', () => {
      try {
        resolve(utf8.decode(Buffer.concat(chunks)));
      } catch {
        reject(new Refused(400, 'BAD_REQUEST', 'request body is not valid UTF-8'));
      }
    });
  });
}

/** The media types whose bodies are parsed: GraphQL over HTTP's two JSON forms. Forms and text are never read. */
const JSON_TYPES = new Set(['application/json', 'application/graphql-response+json']);

function parseBody(raw: string, header: string | undefined): unknown {
  let type: string | undefined;
  try {
    type = header ? contentType.parse(header).type : undefined;
  } catch {
    // A header that does not parse names no media type: type stays undefined and the body is refused below.
  }
  if (!type || !JSON_TYPES.has(type)) {
    throw new Refused(415, 'UNSUPPORTED_MEDIA_TYPE', `a POST body must be application/json (or application/graphql-response+json); got ${header ? `"${header.slice(0, 60)}"` : 'no content-type'}`);
  }
  try {
    return JSON.parse(raw);
  } catch {
    throw new Refused(400, 'BAD_REQUEST', 'request body is not valid JSON');
  }
}

/** Sent with every response: API answers are data for one client, never to be sniffed, framed or cached. */
const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, status: number, code: string, message: string) {
  sendJson(res, status, { errors: [{ message, extensions: { code } }] });
}

/** Where GraphQL is served on host:port (an IPv6 address goes in brackets). */
export function graphqlUrl(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}/graphql`;
}

export interface RunningServer {
  server: Server;
  url: string;
  /** How the fast lane (src/fastlane.ts) has done: for tests and figures. */
  laneStats(): LaneStats;
  /** Stops taking requests (/ready turns 503), lets in-flight ones finish within the drain deadline, then stops Apollo. */
  stop(): Promise<void>;
}

type ServerConfig = Pick<Config, 'host' | 'port' | 'introspection' | 'production'> & Partial<Pick<Config, 'queryTimeoutMs' | 'http' | 'responseCache' | 'execution'>>;

/** Starts Apollo and an HTTP server on host:port; `/graphql` (and `/`) serve GraphQL, `/health`, `/ready` and `/cache` report status, and where introspection is on, the pages of src/web.ts. */
export async function startServer(store: GraphStore, config: ServerConfig, logger: Logger): Promise<RunningServer> {
  // What the caller leaves out takes the configuration's defaults.
  const { http, queryTimeoutMs, responseCache, execution } = { ...loadConfig({}), ...config };
  const cache = responseCache.enabled ? new ResponseCache(responseCache.maxBytes) : undefined;
  const schema = executableSchema();
  const apollo = createApollo(config, logger, schema);
  // Operations that run compiled: without compiling, none is ever filed, so COMPILE_AFTER_RUNS=off turns it off too.
  const lane = new FastLane(schema, execution.maxCompiled);
  await apollo.start();
  // Measure the graph for the cost model now rather than on the first request; a store that is down is measured later.
  void apollo.executeOperation({ query: '{ __typename }' }, { contextValue: createContext(store) }).catch(() => {});
  let draining = false;

  // Browser frontends on other origins may call the API; Apollo's CSRF prevention still guards simple requests.
  const allowCrossOrigin = cors({ origin: '*', methods: ['GET', 'POST', 'OPTIONS'], maxAge: 600 });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    // A server's requests always have a url (only a client's responses have none).
    const url = new URL(req.url!, 'http://localhost');
    // The middleware answers a preflight itself (204) and only calls back for other requests.
    // Stryker disable next-line ConditionalExpression,StringLiteral,ArrowFunction: equivalent, without it the middleware below answers a preflight alike (which never calls back); only this handler's promise would stay pending, which no answer shows (README: Mutation testing)
    if (req.method === 'OPTIONS') return allowCrossOrigin(req, res, () => res.end());
    await new Promise<void>((resolve, reject) => allowCrossOrigin(req, res, (error?: unknown) => (error ? reject(error) : resolve())));
    // Liveness: the process serves HTTP. Readiness: the store can answer (Neo4j reachable) and we are not stopping.
    if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok' });
    // The response cache's hit rate and size, apart from /health so that a liveness probe stays a one-word answer.
    if (url.pathname === '/cache') return sendJson(res, 200, cache ? { enabled: true, ...cache.stats() } : { enabled: false });
    if (url.pathname === '/ready') {
      const ready = !draining && (await store.ready());
      return sendJson(res, ready ? 200 : 503, { status: draining ? 'stopping' : ready ? 'ready' : 'unavailable', store: store.name });
    }
    // The pages go with introspection: where a client may not read the schema, it gets no IDE either.
    if (config.introspection && (await serveWeb(req, res, url.pathname))) return;
    if (url.pathname !== '/graphql' && url.pathname !== '/') return sendError(res, 404, 'NOT_FOUND', `no route ${url.pathname.slice(0, 60)}; GraphQL is at /graphql`);
    const raw = await readBody(req, LIMITS.maxBodyBytes);
    // An exact repeat of a request that got an error-free answer gets the same bytes without Apollo (src/cache.ts).
    let version: string | undefined;
    let exactKey: string | undefined;
    if (cache && req.method === 'POST') {
      version = await store.dataVersion().catch(() => undefined);
      if (version !== undefined) {
        exactKey = exactRequestKey(version, req.headers['content-type'], req.headers.accept, raw);
        const hit = cache.getExact(exactKey);
        if (hit) {
          res.statusCode = 200;
          res.setHeader('content-type', hit.contentType);
          return res.end(hit.body);
        }
      }
    }
    const body = req.method === 'POST' ? parseBody(raw, req.headers['content-type']) : undefined;
    const context = createContext(store, queryTimeoutMs);
    if (cache) context.responseCache = cache.ticket(version);
    // A client that leaves takes its answer with it: stop the work.
    res.once('close', () => {
      if (!res.writableFinished) context.guard.abort();
    });
    // A hot operation is answered without Apollo's pipeline (src/fastlane.ts); anything it cannot answer goes on.
    const fast = laneRequest(body);
    const laneKey = fast && FastLane.key(fast, req.headers['content-type'], req.headers.accept);
    const laneAnswer = laneKey ? await lane.answer(laneKey, fast!, context) : undefined;
    if (laneAnswer) return deliver(res, 200, laneAnswer.headers, laneAnswer.body, context, exactKey);
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      // Stryker disable next-line StringLiteral: equivalent, Node gives a request header as an array only for set-cookie, which Apollo does not read (README: Mutation testing)
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      // A server's requests always have a method, in capitals (Node's parser knows no other spelling).
      httpGraphQLRequest: { method: req.method!, headers, search: url.search, body },
      context: async () => context,
    });
    // Stryker disable next-line StringLiteral: equivalent, unreachable: Apollo streams only with graphql 17's incremental delivery, which this server does not enable (README: Mutation testing)
    if (response.body.kind !== 'complete') throw new Error('incremental delivery is not enabled');
    const status = response.status ?? 200;
    // Apollo answers 406 to a client that accepts no JSON after the cache plugin judged the result clean: such an
    // answer is neither learned by the fast lane nor stored (every later client would get the refusal).
    if (status !== 200) context.outcome.clean = false;
    const { compiled, clean } = context.outcome;
    // Compiled: it ran (a response cache hit runs nothing).
    if (laneKey && compiled && clean) {
      lane.learn(laneKey, compiled, response.headers);
    }
    deliver(res, status, response.headers, response.body.string, context, exactKey);
  };

  /** Sends an answer (the stored one on a response cache hit), within the size limit, and stores a clean one. */
  const deliver = (res: ServerResponse, status: number, headers: Iterable<[string, string]>, body: string | undefined, context: Context, exactKey: string | undefined) => {
    let type: string | undefined;
    for (const [key, value] of headers) {
      res.setHeader(key, value);
      // Stryker disable next-line ConditionalExpression: equivalent, Apollo sets content-type last among its headers, so the last header read is it (README: Mutation testing)
      if (key === 'content-type') type = value;
    }
    const ticket = context.responseCache;
    // A hit's bytes go out only under a 200: Apollo's 406 comes after the cache has looked the operation up.
    const stored = status === 200 ? ticket?.hit : undefined;
    if (stored !== undefined) {
      // Filed with the content type chosen for this request's accept header, which may differ from the first's.
      if (exactKey) cache!.set(exactKey, { body: stored.body, contentType: type ?? stored.contentType });
      res.statusCode = status;
      return res.end(stored.body);
    }
    const size = Buffer.byteLength(body!);
    if (size > http.maxResponseBytes) {
      return sendError(res, 200, 'RESPONSE_TOO_LARGE', `the response would be ${size} bytes, over the limit of ${http.maxResponseBytes}; select fewer fields or smaller pages`);
    }
    if (ticket?.key && context.outcome.clean) {
      // Apollo names the content type of every complete answer it gives.
      const answer = { body: body!, contentType: type! };
      cache!.set(ticket.key, answer);
      if (exactKey) cache!.set(exactKey, answer);
    }
    res.statusCode = status;
    res.end(body);
  };

  // Timeouts are checked every second, so a slow client is cut at most 1 s past its timeout (Node's default interval,
  // 30 s, would let it linger far past them).
  const server = createServer({ connectionsCheckingInterval: 1000 }, (req, res) => {
    for (const [key, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(key, value);
    if (draining) res.setHeader('connection', 'close');
    handle(req, res).catch((error: unknown) => {
      if (error instanceof Refused) {
        // A body cut off unread leaves the connection mid-request: it is closed after the answer.
        if (error.status === 413) res.shouldKeepAlive = false;
        // Stryker disable next-line ConditionalExpression: equivalent, every Refused is thrown before the handler writes anything (README: Mutation testing)
        if (!res.headersSent) sendError(res, error.status, error.code, error.message);
        return;
      }
      logger.error({ err: error }, 'request failed');
      if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'internal error');
      else res.end();
    });
  });
  // Slow or greedy clients: bounded time to send a request, bounded idle keep-alive, bounded connections.
  server.headersTimeout = http.headersTimeoutMs;
  server.requestTimeout = http.requestTimeoutMs;
  server.keepAliveTimeout = http.keepAliveTimeoutMs;
  server.maxConnections = http.maxConnections;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    server,
    url: graphqlUrl(config.host, port),
    laneStats: () => lane.stats(),
    stop: async () => {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Idle keep-alive connections would hold close() open; busy ones finish their request first.
      server.closeIdleConnections();
      const deadline = setTimeout(() => server.closeAllConnections(), http.drainTimeoutMs);
      await closed;
      clearTimeout(deadline);
      await apollo.stop();
    },
  };
}
