/**
 * A standing abuse suite: hostile and malformed requests against the real HTTP server in production mode
 * (introspection off), each checked for its exact status, error code and a clear message, and every answer checked
 * for leaks (stack traces, file paths, database URIs, field suggestions, oversized bodies) and for the security
 * headers. It includes one case per graphql-cop check, and ends by checking that the graph is unchanged.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/server.js';
import { embeddedStore, realSeed, silentLogger } from './helpers.js';

let server: RunningServer;
let base: string;
let before: { entities: number; relations: number };

interface Reply {
  status: number;
  header(name: string): string | null;
  text: string;
  json: any;
}

/** How a case reaches the server: through fetch, or through node:http when fetch would tidy the request. */
interface Probe {
  via?: 'fetch' | 'http';
  method?: string;
  path?: string;
  search?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** node:http only: send this Content-Length, write the body without ending, and read the answer. */
  declaredLength?: number;
}

interface Expectation {
  status: number | number[];
  /** errors[0].extensions.code (one of them, when a list); null: the answer has no errors; omitted: not a GraphQL answer. */
  code?: string | null | (string | null)[];
  /** On errors[0].message, or on the body when the answer is not a GraphQL error. */
  message?: RegExp;
  /** Largest acceptable body, in bytes. */
  maxBytes?: number;
  check?: (reply: Reply) => void;
}

interface Case {
  name: string;
  request: Probe;
  expect: Expectation;
}

const json = (body: unknown, headers: Record<string, string> = {}): Probe => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
const rawJson = (body: string): Probe => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body });
const typed = (contentType: string, body: string): Probe => ({ method: 'POST', headers: { 'content-type': contentType }, body });
const get = (query: string, headers: Record<string, string> = {}): Probe => ({
  method: 'GET',
  search: `?query=${encodeURIComponent(query)}`,
  headers,
});
const q = (query: string, variables?: Record<string, unknown>) => json(variables ? { query, variables } : { query });

async function send(req: Probe): Promise<Reply> {
  const url = `${base}${req.path ?? '/graphql'}${req.search ?? ''}`;
  if (req.via === 'http') return sendHttp(url, req);
  const response = await fetch(url, { method: req.method ?? 'GET', headers: req.headers, body: typeof req.body === 'string' ? req.body : req.body && new Uint8Array(req.body) });
  const text = await response.text();
  return { status: response.status, header: (n) => response.headers.get(n), text, json: parse(text) };
}

function sendHttp(url: string, req: Probe): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...req.headers };
    const body = req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body);
    headers['content-length'] = req.declaredLength ?? body?.length ?? 0;
    const outgoing = httpRequest(url, { method: req.method ?? 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const header = (n: string) => {
          const v = res.headers[n.toLowerCase()];
          return v === undefined ? null : Array.isArray(v) ? v.join(', ') : String(v);
        };
        resolve({ status: res.statusCode ?? 0, header, text, json: parse(text) });
        outgoing.destroy();
      });
    });
    // The server may answer and close before the declared body arrives; that is the point of the case.
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') reject(error);
    });
    if (req.declaredLength !== undefined) {
      outgoing.flushHeaders();
      if (body) outgoing.write(body);
    } else {
      outgoing.end(body);
    }
  });
}

function parse(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Applied to every answer: nothing about the server's insides, no suggestions, and small. */
function expectNoLeak(reply: Reply, maxBytes: number) {
  const { text } = reply;
  expect.soft(text, 'stack trace').not.toMatch(/(\n|\\n)\s+at /);
  expect.soft(text, 'stack trace').not.toMatch(/stacktrace/i);
  expect.soft(text, 'file path').not.toMatch(/\/work\/|node_modules|\.ts:\d/);
  expect.soft(text, 'database URI').not.toMatch(/neo4j:\/\/|bolt:\/\//);
  expect.soft(text, 'field suggestion').not.toContain('Did you mean');
  expect.soft(Buffer.byteLength(text), 'body size').toBeLessThanOrEqual(maxBytes);
  const body = reply.json;
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    expect.soft(body.extensions?.tracing, 'trace mode').toBeUndefined();
    expect.soft(body.extensions?.exception, 'exception details').toBeUndefined();
    for (const error of body.errors ?? []) {
      expect.soft(error.extensions?.exception, 'exception details').toBeUndefined();
      expect.soft(error.extensions?.stacktrace, 'stack trace').toBeUndefined();
    }
  }
}

const refusedBeforeExecution = (code: string, message: RegExp, extra: Partial<Expectation> = {}): Expectation => ({
  status: 400,
  code,
  message,
  ...extra,
});
const badInput = (message: RegExp, extra: Partial<Expectation> = {}) => refusedBeforeExecution('BAD_USER_INPUT', message, extra);
const badRequest = (message: RegExp, extra: Partial<Expectation> = {}) => refusedBeforeExecution('BAD_REQUEST', message, extra);
const invalid = (message: RegExp, extra: Partial<Expectation> = {}) => refusedBeforeExecution('GRAPHQL_VALIDATION_FAILED', message, extra);
const unsupported: Expectation = { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: /application\/json/ };
/** graphql-cop's POSTs: a JSON body naming the operation "cop". */
const cop = (query: string) => json({ query, operationName: 'cop' });
/** No IDE page: graphql-cop's words for one, and Apollo's Sandbox and embedded landing pages. */
const noIde = (reply: Reply) => {
  expect(reply.header('content-type') ?? '').not.toContain('text/html');
  expect(reply.text).not.toMatch(/graphiql|GraphQL Playground|graphql-playground|Sandbox|embeddable/i);
};
const searchWorks = (reply: Reply) => expect(Array.isArray(reply.json?.data?.search)).toBe(true);

const SEARCH = 'query($q: String!) { search(text: $q) { score entity { id } } }';
const ENTITIES_FIRST = 'query($n: Int) { entities(first: $n) { totalCount } }';
/** Written out by hand: JSON.stringify recurses, and 5000 levels overflow a test worker's stack. */
const deepArray = (depth: number): string => `${'['.repeat(depth)}"Technology"${']'.repeat(depth)}`;
const typenameAliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ')} }`;

const cases: Case[] = [
  // Parsing and validation: refused before execution.
  { name: 'a query that does not parse is refused with 400 GRAPHQL_PARSE_FAILED', request: q('{ stats { entities }'), expect: refusedBeforeExecution('GRAPHQL_PARSE_FAILED', /Syntax Error/) },
  {
    name: 'a query of more than 1000 tokens is refused with 400 GRAPHQL_PARSE_FAILED naming the token limit',
    request: q(`{ ${'stats { entities } '.repeat(300)} }`),
    expect: refusedBeforeExecution('GRAPHQL_PARSE_FAILED', /1000 tokens|token limit/i),
  },
  {
    name: 'a query deeper than 10 levels is refused with 400 naming the depth limit',
    request: q('{ entity(id: "metaverse") { sections { sections { sections { sections { sections { sections { sections { sections { sections { sections { id } } } } } } } } } } } }'),
    expect: invalid(/depth limit of 10/i),
  },
  {
    name: 'a query with 16 aliases is refused with 400 naming the alias limit',
    request: q(`{ ${Array.from({ length: 16 }, (_, i) => `a${i}: stats { entities }`).join(' ')} }`),
    expect: invalid(/aliases limit of 15/i),
  },
  { name: 'a query with 16 __typename aliases is refused with 400 naming the alias limit', request: q(typenameAliases(16)), expect: invalid(/aliases limit of 15/i) },
  {
    name: 'a query with 51 directives is refused with 400 naming the directive limit',
    request: q(`{ stats { ${'entities @include(if: true) '.repeat(51)} } }`),
    expect: invalid(/directives limit of 50/i),
  },
  { name: 'a query with an unknown directive is refused with 400', request: q('{ stats @nope { entities } }'), expect: invalid(/unknown directive "@nope"/i) },
  {
    name: 'a query with circular fragments is refused with 400',
    request: q('query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }'),
    expect: invalid(/within itself/),
  },
  { name: 'a query for an unknown field is refused with 400 and no suggestion', request: q('{ stats { nope } }'), expect: invalid(/cannot query field "nope"/i) },
  { name: 'a misspelt root field is refused with 400 and no "Did you mean"', request: q('{ entiti(id: "x") { id } }'), expect: invalid(/cannot query field "entiti"/i) },
  { name: 'an introspection query is refused with 400 in production', request: q('{ __schema { types { name } } }'), expect: invalid(/introspection/i) },
  {
    name: 'a query whose cost exceeds the limit is refused with 400 BAD_USER_INPUT',
    request: q(
      '{ entities(first: 100) { nodes { id name relations { evidence source { id name relations { evidence target { id name description } } } } } } }',
    ),
    expect: badInput(/query cost \d+ exceeds the limit/),
  },

  // Arguments out of range: refused before execution, naming the argument and its bounds.
  { name: 'a negative first on entities is refused with 400 naming first and its bounds', request: q('{ entities(first: -5) { totalCount } }'), expect: badInput(/first must be between 1 and 100; got -5/) },
  { name: 'a first of 101 on entities is refused with 400 naming first and its bounds', request: q('{ entities(first: 101) { totalCount } }'), expect: badInput(/first must be between 1 and 100; got 101/) },
  { name: 'a first of 0 on search is refused with 400 naming first and its bounds', request: q('{ search(text: "AI", first: 0) { score } }'), expect: badInput(/first must be between 1 and 100; got 0/) },
  { name: 'a first of 1000 given as a variable is refused with 400 naming first', request: q(ENTITIES_FIRST, { n: 1000 }), expect: badInput(/first must be between 1 and 100; got 1000/) },
  {
    name: 'a negative first on a nested relations list is refused with 400 naming first',
    request: q('{ entities(first: 5) { nodes { relations(first: -1) { type } } } }'),
    expect: badInput(/first must be between 1 and 100; got -1/),
  },
  {
    name: 'a first of 101 on a related list is refused with 400 naming first',
    request: q('{ entity(id: "metaverse") { related(type: USES, first: 101) { id } } }'),
    expect: badInput(/first must be between 1 and 100; got 101/),
  },
  { name: 'a neighbourhood depth of 4 is refused with 400 naming depth and its bounds', request: q('{ neighborhood(id: "metaverse", depth: 4) { truncated } }'), expect: badInput(/depth must be between 1 and 3; got 4/) },
  { name: 'a neighbourhood depth of 0 is refused with 400 naming depth and its bounds', request: q('{ neighborhood(id: "metaverse", depth: 0) { truncated } }'), expect: badInput(/depth must be between 1 and 3; got 0/) },
  { name: 'a neighbourhood limit of 501 is refused with 400 naming limit and its bounds', request: q('{ neighborhood(id: "metaverse", limit: 501) { truncated } }'), expect: badInput(/limit must be between 1 and 500; got 501/) },
  { name: 'a neighbourhood limit of 0 is refused with 400 naming limit and its bounds', request: q('{ neighborhood(id: "metaverse", limit: 0) { truncated } }'), expect: badInput(/limit must be between 1 and 500; got 0/) },
  { name: 'a shortest-path maxDepth of 11 is refused with 400 naming maxDepth and its bounds', request: q('{ shortestPath(from: "metaverse", to: "liquid-cooling", maxDepth: 11) { length } }'), expect: badInput(/maxDepth must be between 1 and 10; got 11/) },
  { name: 'a shortest-path maxDepth of 0 is refused with 400 naming maxDepth and its bounds', request: q('{ shortestPath(from: "metaverse", to: "liquid-cooling", maxDepth: 0) { length } }'), expect: badInput(/maxDepth must be between 1 and 10; got 0/) },
  { name: 'an empty search text is refused with 400 naming text', request: q('{ search(text: "") { score } }'), expect: badInput(/\btext\b.*empty/) },
  { name: 'a search text of 201 characters is refused with 400 naming text and the 200-character bound', request: q(`{ search(text: "${'a'.repeat(201)}") { score } }`), expect: badInput(/\btext\b.*\b200\b/) },
  {
    name: 'an id of 99000 characters is refused with 400 and not echoed back',
    request: q(`{ entity(id: "${'x'.repeat(99_000)}") { id } }`),
    expect: badInput(/\bid\b.*\b200\b/, { maxBytes: 2048 }),
  },

  // Variables: every problem is BAD_USER_INPUT and names the variable.
  { name: 'a missing required variable is refused with 400 naming the variable', request: q('query($id: ID!) { entity(id: $id) { id } }', {}), expect: badInput(/\$id\b/) },
  { name: 'null for a non-null variable is refused with 400 naming the variable', request: q('query($id: ID!) { entity(id: $id) { id } }', { id: null }), expect: badInput(/\$id\b/) },
  { name: 'a string for an Int variable is refused with 400 naming the variable', request: q(ENTITIES_FIRST, { n: 'ten' }), expect: badInput(/\$n\b/) },
  { name: 'a float for an Int variable is refused with 400 naming the variable', request: q(ENTITIES_FIRST, { n: 1.5 }), expect: badInput(/\$n\b/) },
  { name: 'an integer of 2^53 for an Int variable is refused with 400 naming the variable', request: q(ENTITIES_FIRST, { n: 2 ** 53 }), expect: badInput(/\$n\b/) },
  {
    name: 'a number that parses to Infinity (1e400) is refused with 400 naming the variable',
    request: rawJson(`{"query":${JSON.stringify(ENTITIES_FIRST)},"variables":{"n":1e400}}`),
    expect: badInput(/\$n\b/),
  },
  {
    name: 'a misspelt enum value in a variable is refused with 400 naming the variable and without a suggestion',
    request: q('query($t: RelationType!) { entity(id: "metaverse") { related(type: $t) { id } } }', { t: 'USESS' }),
    expect: badInput(/\$t\b/),
  },
  { name: 'an object for a String variable is refused with 400 naming the variable', request: q(SEARCH, { q: { text: 'AI' } }), expect: badInput(/\$q\b/) },
  {
    name: 'an array nested 5000 deep as a variable value is refused with 400 naming the variable',
    request: rawJson(
      `{"query":${JSON.stringify('query($kinds: [EntityKind!]) { search(text: "AI", kinds: $kinds) { score } }')},"variables":{"kinds":${deepArray(5000)}}}`,
    ),
    expect: badInput(/\$kinds\b/),
  },

  // Operations that are not queries.
  { name: 'a mutation over POST is refused with 400 saying the API serves queries only', request: q('mutation { x }'), expect: badRequest(/queries only/i) },
  { name: 'a subscription over POST is refused with 400 saying the API serves queries only', request: q('subscription { x }'), expect: badRequest(/queries only/i) },
  {
    name: 'a mutation over GET with a preflight header is refused with 405 or 400',
    request: get('mutation { x }', { 'apollo-require-preflight': 'true' }),
    expect: { status: [400, 405], code: ['BAD_REQUEST', 'GRAPHQL_VALIDATION_FAILED'], message: /quer|mutation|POST/i },
  },

  // Bodies.
  { name: 'a body that is not valid JSON is refused with 400', request: rawJson('{"query": '), expect: badRequest(/not valid JSON/) },
  {
    name: 'a body with invalid UTF-8 bytes is refused with 400 naming UTF-8',
    request: {
      via: 'http',
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Buffer.concat([Buffer.from('{"query":"{ search(text: \\"'), Buffer.from([0xff, 0xfe]), Buffer.from('\\") { score } }"}')]),
    },
    expect: badRequest(/UTF-8/),
  },
  {
    name: 'a batch of operations is refused with 400 since batching is off',
    request: json([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    expect: badRequest(/batch/i),
  },
  { name: 'a JSON body that is a string is refused with 400', request: json('{ __typename }'), expect: badRequest(/body|object/i) },
  { name: 'a JSON body that is a number is refused with 400', request: json(42), expect: badRequest(/body|object/i) },
  { name: 'a JSON body that is null is refused with 400', request: json(null), expect: badRequest(/body|object/i) },
  { name: 'a body without a query is refused with 400', request: json({ variables: {} }), expect: badRequest(/query/i) },
  { name: 'a body whose query is not a string is refused with 400', request: json({ query: 42 }), expect: badRequest(/quer(y|ies).*string/i) },
  {
    name: 'a body over 100000 bytes (a 1 MB variable) is refused with 413 naming the limit',
    request: q(SEARCH, { q: 'x'.repeat(1_000_000) }),
    expect: { status: 413, code: 'PAYLOAD_TOO_LARGE', message: /100000/ },
  },
  {
    name: 'a declared Content-Length over the limit is refused with 413 before the body arrives',
    request: { via: 'http', method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"', declaredLength: 200_000 },
    expect: { status: 413, code: 'PAYLOAD_TOO_LARGE', message: /100000/ },
  },

  // Content types.
  { name: 'a POST with a text/plain body is refused with 415', request: typed('text/plain', '{"query":"{ __typename }"}'), expect: unsupported },
  { name: 'a POST with a form-urlencoded body is refused with 415', request: typed('application/x-www-form-urlencoded', 'query=%7B__typename%7D'), expect: unsupported },
  {
    name: 'a POST with a multipart/form-data body is refused with 415',
    request: typed('multipart/form-data; boundary=b', '--b\r\nContent-Disposition: form-data; name="query"\r\n\r\n{ __typename }\r\n--b--\r\n'),
    expect: unsupported,
  },
  { name: 'a POST with an application/jsonp body is refused with 415', request: typed('application/jsonp', '{"query":"{ __typename }"}'), expect: unsupported },
  { name: 'a POST with an application/json-patch+json body is refused with 415', request: typed('application/json-patch+json', '{"query":"{ __typename }"}'), expect: unsupported },
  { name: 'a POST with an application/xml body is refused with 415', request: typed('application/xml', '<query>{ __typename }</query>'), expect: unsupported },
  { name: 'a POST whose content type does not parse is refused with 415', request: typed('application/json; charset', '{"query":"{ __typename }"}'), expect: unsupported },
  {
    name: 'a POST with a long unsupported content type is refused with 415, quoting its first 60 characters',
    request: typed(`text/${'x'.repeat(100)}`, '{"query":"{ __typename }"}'),
    expect: { ...unsupported, message: new RegExp(`got "text/${'x'.repeat(55)}"$`) },
  },
  {
    name: 'a POST without a content type is refused with 415, saying it had none',
    request: { via: 'http', method: 'POST', body: '{"query":"{ __typename }"}' },
    expect: { ...unsupported, message: /^a POST body must be application\/json \(or application\/graphql-response\+json\); got no content-type$/ },
  },
  {
    name: 'a POST with application/json and a charset is answered with 200',
    request: typed('application/json; charset=utf-8', '{"query":"{ __typename }"}'),
    expect: { status: 200, code: null, check: (r) => expect(r.json.data).toEqual({ __typename: 'Query' }) },
  },
  {
    name: 'a POST with application/graphql-response+json is answered with 200',
    request: typed('application/graphql-response+json', '{"query":"{ __typename }"}'),
    expect: { status: 200, code: null, check: (r) => expect(r.json.data).toEqual({ __typename: 'Query' }) },
  },

  // Strings that are accepted.
  { name: 'a search text with a lone surrogate is answered with 200', request: q(SEARCH, { q: '\ud800' }), expect: { status: 200, code: null, check: searchWorks } },
  { name: 'a search text with a NUL byte is answered with 200', request: q(SEARCH, { q: 'a\u0000b' }), expect: { status: 200, code: null, check: searchWorks } },
  {
    name: 'a search text made of Lucene special characters is answered with 200',
    request: q(SEARCH, { q: '+ - && || ! ( ) { } [ ] ^ " ~ * ? : \\ /' }),
    expect: { status: 200, code: null, check: searchWorks },
  },

  // Unknown ids.
  {
    name: 'an unknown id is answered with 200, a null entity and NOT_FOUND',
    request: q('{ entity(id: "nope") { id } }'),
    expect: { status: 200, code: 'NOT_FOUND', message: /"nope"/, check: (r) => expect(r.json.data.entity).toBeNull() },
  },
  { name: 'a neighbourhood of an unknown id is answered with 200 and NOT_FOUND', request: q('{ neighborhood(id: "nope") { truncated } }'), expect: { status: 200, code: 'NOT_FOUND', message: /"nope"/ } },

  // GET.
  { name: 'a GET without a CSRF-safe header is refused with 400', request: get('{ __typename }'), expect: badRequest(/CSRF|Cross-Site Probe Forgery/) },

  // Paths.
  { name: 'an unknown path is answered with 404', request: { method: 'GET', path: '/nope' }, expect: { status: 404, message: /\/graphql/ } },
  {
    name: 'the health check is answered with 200 ok',
    request: { method: 'GET', path: '/health' },
    expect: { status: 200, check: (r) => expect(r.json).toEqual({ status: 'ok' }) },
  },
  { name: 'the readiness check is answered with 200', request: { method: 'GET', path: '/ready' }, expect: { status: 200 } },

  // Directive overloading as the policy states it: far over the directive limit.
  {
    name: 'sixty unknown directives on one field are refused with 400 naming the directive limit',
    request: q(`{ __typename ${'@aa'.repeat(60)} }`),
    expect: invalid(/directives limit of 50/i),
  },
  {
    name: 'a GET of / as a browser gets no GraphiQL, Sandbox or embedded landing page',
    request: { method: 'GET', path: '/', headers: { accept: 'text/html' } },
    expect: { status: [400, 404, 405, 406], check: noIde },
  },

  // graphql-cop's checks (github.com/dolevf/graphql-cop, lib/tests/*.py): its own payloads, sent as it sends them
  // (POST JSON with operationName "cop", or GET/form requests without any CSRF-safe header), and each case also
  // asserts the negation of the condition graphql-cop flags.
  {
    name: 'graphql-cop "Alias Overloading": 101 aliases are refused with 400',
    request: cop(`query cop { ${Array.from({ length: 101 }, (_, i) => `alias${i}:__typename \n`).join('')} }`),
    expect: invalid(/aliases limit of 15/i, { check: (r) => expect(r.json?.data?.alias100).toBeUndefined() }),
  },
  {
    name: 'graphql-cop "Array-based Query Batching": ten batched queries are refused with 400',
    request: json(Array.from({ length: 10 }, () => ({ query: 'query cop { __typename }' }))),
    expect: badRequest(/batch/i, { check: (r) => expect(Array.isArray(r.json)).toBe(false) }),
  },
  {
    name: 'graphql-cop "Directive Overloading": ten duplicated directives are refused with 400 and not exactly ten errors',
    request: cop('query cop { __typename @aa@aa@aa@aa@aa@aa@aa@aa@aa@aa }'),
    // graphql-cop flags the server when the answer has exactly 10 errors.
    expect: invalid(/directive/i, { check: (r) => expect(r.json?.errors?.length).not.toBe(10) }),
  },
  {
    name: 'graphql-cop "Introspection-based Circular Query": refused with 400 in production',
    request: cop('query cop { __schema { types { fields { type { fields { type { fields { type { fields { type { name } } } } } } } } } } }'),
    expect: invalid(/introspection|depth/i, { check: (r) => expect(r.json?.data?.__schema).toBeUndefined() }),
  },
  {
    // Disabled in graphql-cop itself (issue #43); the policy: refused by a limit, or answered, but never a failure.
    name: 'graphql-cop "Field Duplication": 500 repeated fields neither fail nor answer at length',
    request: q(`{ stats { ${'entities '.repeat(500)}} }`),
    expect: { status: [200, 400], code: [null, 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT'] },
  },
  {
    name: 'graphql-cop "Field Suggestions": a misspelt introspection field gets no suggestion',
    request: cop('query cop { __schema { directive } }'),
    expect: invalid(/introspection|cannot query field/i),
  },
  {
    name: 'graphql-cop "GET based Mutation": a mutation over GET is never answered with 200',
    request: get('mutation cop {__typename}'),
    expect: { status: [400, 405], code: ['BAD_REQUEST', 'GRAPHQL_VALIDATION_FAILED'], check: (r) => expect(r.json?.data?.__typename).toBeUndefined() },
  },
  {
    name: 'graphql-cop "GET Method Query Support": a plain GET query gets no data',
    request: get('query cop {__typename}'),
    expect: badRequest(/CSRF|Cross-Site Request Forgery/, { check: (r) => expect(r.json?.data?.__typename).toBeUndefined() }),
  },
  {
    name: 'graphql-cop "POST based url-encoded query": a form-urlencoded POST is refused with 415',
    request: typed('application/x-www-form-urlencoded', 'query=query+cop+%7B+__typename+%7D'),
    expect: { ...unsupported, check: (r) => expect(r.json?.data?.__typename).toBeUndefined() },
  },
  {
    name: 'graphql-cop "GraphQL IDE": a GET of /graphql as a browser gets no GraphiQL or Sandbox page',
    request: { method: 'GET', path: '/graphql', headers: { accept: 'text/html' } },
    expect: { status: [400, 404, 405, 406], check: noIde },
  },
  {
    name: 'graphql-cop "Introspection": the introspection query is refused with 400',
    request: cop('query cop { __schema { types { name fields { name } } } }'),
    expect: invalid(/introspection/i, { check: (r) => expect(r.json?.data?.__schema).toBeUndefined() }),
  },
  {
    name: 'graphql-cop "Trace Mode": a query is answered without tracing extensions',
    request: cop('query cop { __typename }'),
    expect: { status: 200, code: null, check: (r) => expect(r.text).not.toMatch(/tracing/i) },
  },
  {
    name: 'graphql-cop "Unhandled Errors": a garbled operation is refused with 400 and no exception details',
    request: cop('qwerty cop { abc }'),
    expect: refusedBeforeExecution('GRAPHQL_PARSE_FAILED', /Syntax Error/, { check: (r) => expect(r.text).not.toMatch(/exception/i) }),
  },
  // Deep nesting that was a real attack: refused on cost before it runs. Last in the table: run, they exhaust the
  // process's memory, and with it this in-process server and every case after them.
  {
    name: 'three nested relation hops from a section are refused with 400 on cost before running',
    request: q('{ entity(id: "section-3-2-1") { relations(direction: IN) { target { relations(direction: IN) { target { relations(direction: IN) { target { id } } } } } } } }'),
    expect: badInput(/query cost \d+ exceeds the limit/),
  },
  {
    name: 'alternating section entities and sections are refused with 400 on cost before running',
    request: q('{ entity(id: "section-3-2-1") { ... on Section { entities { sections { entities { sections { entities { id } } } } } } } }'),
    expect: badInput(/query cost \d+ exceeds the limit/),
  },
];

async function stats(): Promise<{ entities: number; relations: number }> {
  const reply = await send(q('{ stats { entities relations } }'));
  expect(reply.status).toBe(200);
  return reply.json.data.stats;
}

beforeAll(async () => {
  server = await startServer(embeddedStore(), { host: '127.0.0.1', port: 0, introspection: false, production: true }, silentLogger);
  base = server.url.replace(/\/graphql$/, '');
  before = await stats();
});

afterAll(async () => {
  await server?.stop();
});

describe('the abuse suite, against the production HTTP server', () => {
  it('has a case for every kind of abuse the policy names', () => {
    expect(cases.length).toBeGreaterThanOrEqual(45);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  for (const { name, request, expect: want } of cases) {
    it(name, async () => {
      const reply = await send(request);
      const error = reply.json?.errors?.[0];
      // Soft assertions, so that one run reports everything a case gets wrong.
      const got = `got ${reply.status} ${error?.extensions?.code ?? '-'}: ${(error?.message ?? reply.text).slice(0, 200)}`;
      const statuses = Array.isArray(want.status) ? want.status : [want.status];
      expect.soft(statuses, `status; ${got}`).toContain(reply.status);
      expect.soft(reply.status, `never a 500; ${got}`).not.toBe(500);

      expect.soft(reply.header('x-content-type-options'), 'x-content-type-options').toBe('nosniff');
      expect.soft(reply.header('cache-control') ?? '', 'cache-control').toMatch(/no-store/);
      expectNoLeak(reply, want.maxBytes ?? 4096);

      if (want.code !== undefined) {
        expect.soft(reply.json, `a GraphQL answer; ${got}`).toBeTypeOf('object');
        const codes = Array.isArray(want.code) ? want.code : [want.code];
        expect.soft(codes, `errors[0].extensions.code; ${got}`).toContain(error === undefined ? null : (error.extensions?.code ?? 'no code'));
        if (want.message) expect.soft(error?.message ?? '(no error)', 'errors[0].message').toMatch(want.message);
      } else if (want.message) {
        expect.soft(reply.text, 'body').toMatch(want.message);
      }

      // Refused before execution: nothing ran, so there is no data.
      if (reply.status >= 400 && reply.json && !Array.isArray(reply.json)) expect.soft(reply.json.data ?? null, 'data').toBeNull();
      want.check?.(reply);
    }, 5_000);
  }

  it('leaves the graph unchanged and the server healthy', async () => {
    // The counts the seed files give, taken before the first hostile request.
    expect(before).toEqual({ entities: realSeed().entities.length, relations: realSeed().relations.length });
    expect(await stats()).toEqual(before);
    const health = await send({ method: 'GET', path: '/health' });
    expect(health.status).toBe(200);
  });
});
