import { once } from 'node:events';
import { pino } from 'pino';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlUrl, startServer, type RunningServer } from '../src/server.js';
import { LIMITS, loadConfig } from '../src/config.js';
import type { GraphStore } from '../src/graph/types.js';
import { countingStore, embeddedStore, failing, silentLogger } from './helpers.js';

let server: RunningServer;
let productionServer: RunningServer;

beforeAll(async () => {
  const store = embeddedStore();
  server = await startServer(store, { host: '127.0.0.1', port: 0, introspection: true, production: false }, silentLogger);
  productionServer = await startServer(store, { host: '127.0.0.1', port: 0, introspection: false, production: true }, silentLogger);
});

afterAll(async () => {
  await server?.stop();
  await productionServer?.stop();
});

async function post(body: unknown, options: { url?: string; headers?: Record<string, string>; raw?: string } = {}) {
  const response = await fetch(options.url ?? server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...options.headers },
    body: options.raw ?? JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text, json: text.startsWith('{') ? JSON.parse(text) : undefined };
}

describe('the HTTP server', () => {
  it('answers a POSTed query with the entity from the real seed', async () => {
    const { status, json } = await post({ query: '{ entity(id: "liquid-cooling") { name nameZh kind } }' });
    expect(status).toBe(200);
    expect(json.data.entity).toEqual({ name: 'Liquid cooling', nameZh: '液冷技术', kind: 'Technology' });
  });

  it('passes variables through', async () => {
    const { json } = await post({ query: 'query($q: String!) { search(text: $q, first: 1) { entity { id } } }', variables: { q: '元宇宙' } });
    expect(json.data.search[0].entity.id).toBe('metaverse');
  });

  it('answers /health with 200', async () => {
    const response = await fetch(server.url.replace('/graphql', '/health'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers an unknown path with 404 and says where GraphQL is', async () => {
    const response = await fetch(server.url.replace('/graphql', `/${'x'.repeat(100)}`));
    expect(response.status).toBe(404);
    // The path is quoted to its first 60 characters.
    expect(await response.json()).toEqual({ errors: [{ message: `no route /${'x'.repeat(59)}; GraphQL is at /graphql`, extensions: { code: 'NOT_FOUND' } }] });
  });

  it('rejects a body over 100 kB with 413 and names the limit', async () => {
    const { status, json } = await post(undefined, { raw: JSON.stringify({ query: `{ stats { entities } } #${'x'.repeat(120_000)}` }) });
    expect(status).toBe(413);
    expect(json.errors[0].message).toBe('request body exceeds 100000 bytes');
  });

  it('rejects a streamed body (no Content-Length) once it passes 100 kB with 413, and closes the connection', async () => {
    // Writes after the refusal are simply dropped by the closing socket.
    const answer = await streamed(server.url, `{"query":"{ stats { entities } }","x":"${'x'.repeat(128_000)}"}`);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text).errors[0].message).toBe('request body exceeds 100000 bytes');
    expect(answer.connection).toBe('close');
  });

  it('rejects a body that is not JSON with 400', async () => {
    const { status, json } = await post(undefined, { raw: '{"query": ' });
    expect(status).toBe(400);
    expect(json.errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('rejects batched requests with 400', async () => {
    const { status } = await post([{ query: '{ stats { entities } }' }, { query: '{ stats { relations } }' }]);
    expect(status).toBe(400);
  });

  it('keeps the connection open after refusing a body it will not read, but not after one too large', async () => {
    const refused = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{ __typename }' });
    expect([refused.status, refused.headers.get('connection')]).toEqual([415, 'keep-alive']);
    await refused.text();
    const large = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(LIMITS.maxBodyBytes + 1) });
    expect([large.status, large.headers.get('connection')]).toEqual([413, 'close']);
  });

  it('refuses a urlencoded POST (a possible CSRF) with 415 and names the media type it reads', async () => {
    const { status, json } = await post(undefined, { raw: 'query={stats{entities}}', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(status).toBe(415);
    expect(json.errors[0].message).toMatch(/must be application\/json/);
  });

  it('answers bad arguments before running anything: 400, BAD_USER_INPUT, the limit in the message and no stack trace', async () => {
    const { status, json } = await post({ query: '{ entities(first: 101) { totalCount } }' });
    expect(status).toBe(400);
    expect(json.data).toBeUndefined();
    expect(json.errors[0].message).toBe('first must be between 1 and 100; got 101 (at Query.entities)');
    expect(json.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'first' });
    expect(JSON.stringify(json)).not.toMatch(/stacktrace|at .*\.ts:/);
  });

  it('rejects a query deeper than 10 levels with 400 and names the limit', async () => {
    const deep = '{ entity(id: "metaverse") { sections { sections { sections { sections { sections { sections { sections { sections { sections { sections { id } } } } } } } } } } } }';
    const { status, json } = await post({ query: deep });
    expect(status).toBe(400);
    expect(json.errors[0].message).toBe('Query depth limit of 10 exceeded, found 12.');
  });

  it('rejects more than 15 aliases with 400 and names the limit', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: stats { entities }`).join(' ');
    const { status, json } = await post({ query: `{ ${aliases} }` });
    expect(status).toBe(400);
    expect(json.errors[0].message).toBe('Aliases limit of 15 exceeded, found 16.');
  });

  it('rejects a query of more than 1000 tokens with 400', async () => {
    const { status, json } = await post({ query: `{ ${'stats { entities } '.repeat(300)} }` });
    expect(status).toBe(400);
    expect(json.errors[0].message).toContain('1000 tokens');
  });

  it('rejects a query whose cost exceeds 20000 with 400 and names the limit', async () => {
    const wide = 'id name nameZh aliases description descriptionZh kind';
    const nested = `{ entities(first: 100) { nodes { ${wide} relations { evidence source { ${wide} relations { evidence target { ${wide} } } } } } } }`;
    const { status, json } = await post({ query: nested });
    expect(status).toBe(400);
    expect(json.errors[0].message).toMatch(/^query cost \d+ exceeds the limit of 20000/);
  });

  it('turns introspection off in production and hides field suggestions', async () => {
    const intro = await post({ query: '{ __schema { types { name } } }' }, { url: productionServer.url });
    expect(intro.status).toBe(400);
    const typo = await post({ query: '{ stats { entitys } }' }, { url: productionServer.url });
    expect(typo.status).toBe(400);
    expect(typo.text).not.toContain('Did you mean');
  });

  it('serves introspection outside production, for the playground and codegen', async () => {
    const { status, json } = await post({ query: '{ __type(name: "Challenge") { fields { name } } }' });
    expect(status).toBe(200);
    expect(json.data.__type.fields.map((f: { name: string }) => f.name)).toContain('solutions');
  });
});

describe('cross-origin requests', () => {
  it('answers a CORS preflight with 204 and allows any origin', async () => {
    const response = await fetch(server.url, {
      method: 'OPTIONS',
      headers: { origin: 'http://app.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('marks GraphQL answers as readable from other origins', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { origin: 'http://app.example', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ stats { entities } }' }),
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('stopping', () => {
  it('answers /ready with 503 "stopping" and Connection: close on a connection that was busy when it began to drain', async () => {
    const own = await startServer(embeddedStore(), { host: '127.0.0.1', port: 0, introspection: false, production: true }, silentLogger);
    const socket = connect(Number(new URL(own.url).port), '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => (received += chunk));
    await once(socket, 'connect');
    const body = '{"query":"{ stats { entities } }"}';
    // A request begun but not finished keeps the connection busy, so stop() leaves it open to finish.
    socket.write(`POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`);
    // Time for the server to read the headers: a connection without a request yet is idle, and closed at once.
    await new Promise((r) => setTimeout(r, 300));
    const stopped = own.stop();
    socket.write(`${body}GET /ready HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    await once(socket, 'close');
    await stopped;
    const statuses = [...received.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((m) => Number(m[1]));
    expect(statuses).toEqual([200, 503]);
    expect(received).toContain('{"status":"stopping","store":"embedded"}');
    // And it asks the client to take its next request elsewhere.
    expect(received.slice(received.indexOf('HTTP/1.1 503'))).toMatch(/^connection: close\r$/im);
  });

  it('closes a connection still busy when the drain timeout ends, and stops', async () => {
    const http = { ...loadConfig({}).http, drainTimeoutMs: 200 };
    const own = await startServer(embeddedStore(), { host: '127.0.0.1', port: 0, introspection: false, production: true, http }, silentLogger);
    const socket = connect(Number(new URL(own.url).port), '127.0.0.1');
    socket.on('error', () => {});
    const closed = once(socket, 'close');
    await once(socket, 'connect');
    // A body that never comes: only the drain timeout (or, 30 s on, the request timeout) ends this request.
    socket.write('POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":');
    await new Promise((r) => setTimeout(r, 300));
    expect(await within(10_000, own.stop())).toBe('settled');
    await closed;
  });
});

/** 'settled' once `promise` settles, or 'pending after N ms' if it has not by then: a bound far past the expected time, not a measurement. */
async function within(ms: number, promise: Promise<unknown>): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string>((resolve) => (timer = setTimeout(() => resolve(`pending after ${ms} ms`), ms)));
  try {
    return await Promise.race([promise.then(() => 'settled'), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** POSTs `body` in 16 kB chunks with no Content-Length (chunked transfer encoding): the answer's status, text and Connection header. */
async function streamed(url: string, body: string): Promise<{ status?: number; text: string; connection?: string }> {
  const { request } = await import('node:http');
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode, text, connection: res.headers.connection }));
    });
    req.on('error', reject);
    for (let i = 0; i < body.length; i += 16_000) req.write(body.slice(i, i + 16_000));
    req.end();
  });
}

describe('a server built for one test', () => {
  const options = { host: '127.0.0.1', port: 0, introspection: false, production: true };

  it('sends an answer of exactly MAX_RESPONSE_BYTES', async () => {
    const query = JSON.stringify({ query: '{ entity(id: "gpu") { relations { type } } }' });
    const ask = (url: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: query }).then((r) => r.text());
    const free = await startServer(embeddedStore(), options, silentLogger);
    const answer = await ask(free.url).finally(() => free.stop());
    const exact = await startServer(embeddedStore(), { ...options, http: { ...loadConfig({}).http, maxResponseBytes: Buffer.byteLength(answer) } }, silentLogger);
    try {
      expect(await ask(exact.url)).toBe(answer);
    } finally {
      await exact.stop();
    }
  });

  it('replaces an answer over MAX_RESPONSE_BYTES with RESPONSE_TOO_LARGE naming the limit', async () => {
    const own = await startServer(embeddedStore(), { ...options, http: { ...loadConfig({}).http, maxResponseBytes: 2000 } }, silentLogger);
    try {
      const response = await fetch(own.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ entity(id: "artificial-intelligence") { relations { evidence } } }' }),
      });
      const body = await response.json();
      expect(response.status).toBe(200);
      expect(body.errors[0].extensions.code).toBe('RESPONSE_TOO_LARGE');
      expect(body.errors[0].message).toMatch(/^the response would be \d+ bytes, over the limit of 2000; select fewer fields or smaller pages$/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    } finally {
      await own.stop();
    }
  });

  it('answers a request that fails outside GraphQL with 500 "internal error" and logs what failed', async () => {
    const logged: string[] = [];
    const logger = pino({ level: 'error' }, { write: (line: string) => void logged.push(line) });
    const own = await startServer(failing('ready', new Error('secret: the store broke')), options, logger);
    try {
      const response = await fetch(own.url.replace('/graphql', '/ready'));
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ errors: [{ message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      expect(logged.map((line) => JSON.parse(line)).map((l) => [l.msg, l.err?.message])).toEqual([['request failed', 'secret: the store broke']]);
    } finally {
      await own.stop();
    }
  });

  it('reads a body of exactly the size limit, refuses one byte more, and refuses a batch', async () => {
    const own = await startServer(embeddedStore(), options, silentLogger);
    try {
      const sized = (bytes: number) => {
        const empty = JSON.stringify({ query: '{ __typename }' });
        return `${empty.slice(0, -2)}${' '.repeat(bytes - empty.length)}${empty.slice(-2)}`;
      };
      const send = (body: string) => fetch(own.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(sized(LIMITS.maxBodyBytes)).toHaveLength(100_000);
      expect((await send(sized(LIMITS.maxBodyBytes))).status).toBe(200);
      expect((await send(sized(LIMITS.maxBodyBytes + 1))).status).toBe(413);
      // Streamed in chunks without a Content-Length: counted as it arrives.
      expect((await streamed(own.url, sized(LIMITS.maxBodyBytes))).status).toBe(200);
      expect((await streamed(own.url, sized(LIMITS.maxBodyBytes + 1))).status).toBe(413);
      const batch = await send(JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]));
      expect(batch.status).toBe(400);
    } finally {
      await own.stop();
    }
  });

  it('logs a request whose client hung up in the middle of its body, and answers nothing', async () => {
    const logged: Record<string, any>[] = [];
    const logger = pino({ level: 'error' }, { write: (line: string) => void logged.push(JSON.parse(line)) });
    const own = await startServer(embeddedStore(), options, logger);
    try {
      const socket = connect(Number(new URL(own.url).port), '127.0.0.1');
      await once(socket, 'connect');
      socket.write('POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":');
      await new Promise((r) => setTimeout(r, 200));
      socket.destroy();
      for (let i = 0; i < 50 && !logged.length; i++) await new Promise((r) => setTimeout(r, 20));
      expect(logged.map((l) => [l.msg, l.err?.code])).toEqual([['request failed', 'ECONNRESET']]);
    } finally {
      await own.stop();
    }
  });

  it('measures the graph for the cost model when it starts, before any request, and is ready', async () => {
    const store = countingStore(embeddedStore());
    const own = await startServer(store, options, silentLogger);
    try {
      for (let i = 0; i < 100 && !store.calls.relationsOf; i++) await new Promise((r) => setTimeout(r, 20));
      expect(store.calls.listEntities).toBeGreaterThan(0);
      expect(store.calls.relationsOf).toBeGreaterThan(0);
      // Ready, and open to other origins for GET, POST and preflights, a preflight held for 10 minutes.
      const ready = await fetch(own.url.replace('/graphql', '/ready'));
      expect([ready.status, ready.headers.get('connection'), await ready.json()]).toEqual([200, 'keep-alive', { status: 'ready', store: 'embedded' }]);
      const preflight = await fetch(own.url, { method: 'OPTIONS', headers: { origin: 'http://app.example', 'access-control-request-method': 'POST' } });
      expect([preflight.status, preflight.headers.get('access-control-allow-methods'), preflight.headers.get('access-control-max-age')]).toEqual([204, 'GET,POST,OPTIONS', '600']);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
      // GraphQL is served at / too.
      const root = await fetch(own.url.replace('/graphql', '/'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      expect(await root.json()).toMatchObject({ data: { __typename: 'Query' } });
    } finally {
      await own.stop();
    }
  });

  it('stops the store work of a request whose client hung up', async () => {
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const counted = countingStore(embeddedStore());
    // A neighbourhood that takes 300 ms: the client leaves while it is being walked.
    const slow = new Proxy(counted, {
      get: (target, prop, receiver) => (prop === 'neighborhood' ? async (args: never) => (await sleep(300), target.neighborhood(args)) : Reflect.get(target, prop, receiver)),
    }) as GraphStore;
    const own = await startServer(slow, options, silentLogger);
    try {
      // The graph is measured at start (relationsOf); only the request's own work is counted after.
      for (let i = 0; i < 100 && !counted.calls.relationsOf; i++) await sleep(20);
      await sleep(100);
      counted.reset();
      const controller = new AbortController();
      const query = '{ neighborhood(id: "gpu", depth: 1) { nodes { id relations { type } } } }';
      const sent = fetch(own.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }), signal: controller.signal }).catch(() => 'hung up');
      await sleep(100);
      controller.abort();
      expect(await sent).toBe('hung up');
      await sleep(500);
      // The walk it was waiting on finished; the relations of its nodes were never asked for.
      expect(counted.calls.neighborhood).toBe(1);
      expect(counted.calls.relationsOf).toBeUndefined();
    } finally {
      await own.stop();
    }
  });

  it('refuses to start on a port another server holds, saying so', async () => {
    const first = await startServer(embeddedStore(), options, silentLogger);
    try {
      const port = Number(new URL(first.url).port);
      await expect(startServer(embeddedStore(), { ...options, port }, silentLogger)).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await first.stop();
    }
  });

  it('answers /ready with 503 "unavailable" while its store cannot answer', async () => {
    const down = new Proxy(embeddedStore(), { get: (target, prop, receiver) => (prop === 'ready' ? async () => false : Reflect.get(target, prop, receiver)) }) as GraphStore;
    const own = await startServer(down, options, silentLogger);
    try {
      const ready = await fetch(own.url.replace('/graphql', '/ready'));
      expect([ready.status, await ready.json()]).toEqual([503, { status: 'unavailable', store: 'embedded' }]);
    } finally {
      await own.stop();
    }
  });

  it('cuts a client that never finishes its request head, with 408, long before Node\'s own check would', async () => {
    // Node checks header timeouts on an interval, 30 s unless told otherwise; a slow client must not hold a socket that
    // long. The timeout is 300 ms, checked as often: 10 s is a wide margin either way.
    const own = await startServer(embeddedStore(), { ...options, http: { ...loadConfig({}).http, headersTimeoutMs: 300 } }, silentLogger);
    try {
      const socket = connect(Number(new URL(own.url).port), '127.0.0.1');
      let received = '';
      socket.on('data', (chunk) => (received += chunk));
      await once(socket, 'connect');
      socket.write('POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
      expect(await within(10_000, once(socket, 'close'))).toBe('settled');
      expect(received).toMatch(/^HTTP\/1\.1 408 /);
    } finally {
      await own.stop();
    }
  });

  it('puts an IPv6 host in brackets in its URL', () => {
    expect(graphqlUrl('::1', 4000)).toBe('http://[::1]:4000/graphql');
    expect(graphqlUrl('127.0.0.1', 4000)).toBe('http://127.0.0.1:4000/graphql');
  });
});
