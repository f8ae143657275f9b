/** The GraphQL server: Apollo with query limits, served over node:http with health and body-size checks. */
import { readFileSync, readdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import cors from 'cors';
import type { Logger } from 'pino';
import { LIMITS, type Config } from './config.js';
import { createContext, type Context } from './context.js';
import { makeFormatError } from './errors.js';
import { costLimitPlugin } from './cost.js';
import type { GraphStore } from './graph/types.js';
import { resolvers } from './resolvers/index.js';

const SCHEMA_DIR = fileURLToPath(new URL('../schema', import.meta.url));

export function loadTypeDefs(): string {
  return readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(`${SCHEMA_DIR}/${f}`, 'utf8'))
    .join('\n');
}

export function createApollo(config: Pick<Config, 'introspection' | 'production'>, logger: Logger): ApolloServer<Context> {
  const armor = new ApolloArmor({
    maxDepth: { n: LIMITS.maxQueryDepth, exposeLimits: true },
    maxAliases: { n: LIMITS.maxAliases, exposeLimits: true },
    maxDirectives: { n: LIMITS.maxDirectives, exposeLimits: true },
    // Armor's cost limit ignores page sizes; src/cost.ts weighs lists by them.
    costLimit: { enabled: false },
    // Armor's token limit throws from a hook (a 500); Apollo's own parser limit below gives a clean 400.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: config.production },
  });
  const protection = armor.protect();
  return new ApolloServer<Context>({
    typeDefs: loadTypeDefs(),
    resolvers,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: LIMITS.maxTokens },
    validationRules: protection.validationRules,
    formatError: makeFormatError((error) => logger.error({ err: error }, 'unexpected error while resolving')),
    plugins: [
      // Armor's typings point at Apollo's CommonJS build; the plugins are the same objects.
      ...(protection.plugins as unknown as ApolloServerPlugin<Context>[]),
      // No field uses cache hints, and the plugin wraps every resolver: measured +23–29% throughput without it.
      costLimitPlugin<Context>(),
      ApolloServerPluginCacheControlDisabled(),
      config.introspection ? ApolloServerPluginLandingPageLocalDefault({ embed: true }) : ApolloServerPluginLandingPageDisabled(),
    ],
  });
}

class PayloadTooLarge extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new PayloadTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new PayloadTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function parseBody(raw: string, contentType: string | undefined): unknown {
  if (!raw) return undefined;
  // Apollo's CSRF prevention and method checks decide what to do with non-JSON bodies.
  if (contentType?.includes('application/json')) return JSON.parse(raw);
  return raw;
}

export interface RunningServer {
  server: Server;
  url: string;
  stop(): Promise<void>;
}

/** Starts Apollo and an HTTP server on host:port; `/graphql` (and `/`) serve GraphQL, `/health` and `/ready` report status. */
export async function startServer(
  store: GraphStore,
  config: Pick<Config, 'host' | 'port' | 'introspection' | 'production'>,
  logger: Logger,
): Promise<RunningServer> {
  const apollo = createApollo(config, logger);
  await apollo.start();

  // Browser frontends on other origins may call the API; Apollo's CSRF prevention still guards simple requests.
  const allowCrossOrigin = cors({ origin: '*', methods: ['GET', 'POST', 'OPTIONS'], maxAge: 600 });

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      // The middleware answers a preflight itself (204) and only calls back for other requests.
      if (req.method === 'OPTIONS') return allowCrossOrigin(req, res, () => res.end());
      await new Promise<void>((resolve, reject) => allowCrossOrigin(req, res, (error?: unknown) => (error ? reject(error) : resolve())));
      // Liveness: the process serves HTTP. Readiness: the store can answer (Neo4j reachable).
      if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok' });
      if (url.pathname === '/ready') {
        const ready = await store.ready();
        return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable', store: store.name });
      }
      if (url.pathname !== '/graphql' && url.pathname !== '/') return sendJson(res, 404, { error: `no route ${url.pathname}; GraphQL is at /graphql` });
      let raw: string;
      try {
        raw = await readBody(req, LIMITS.maxBodyBytes);
      } catch (error) {
        if (error instanceof PayloadTooLarge) return sendJson(res, 413, { errors: [{ message: `request body exceeds ${LIMITS.maxBodyBytes} bytes`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
        throw error;
      }
      let body: unknown;
      try {
        body = parseBody(raw, req.headers['content-type']);
      } catch {
        return sendJson(res, 400, { errors: [{ message: 'request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
      }
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method?.toUpperCase() ?? 'GET', headers, search: url.search, body },
        context: async () => createContext(store),
      });
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') {
        res.end(response.body.string);
      } else {
        for await (const chunk of response.body.asyncIterator) res.write(chunk);
        res.end();
      }
    } catch (error) {
      logger.error({ err: error }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.end();
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    server,
    url: `http://${host}:${port}/graphql`,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
    },
  };
}

