/**
 * Slow and greedy clients: bounded time to send a request body, bounded connections. The headers timeout and the
 * response size limit are in tests/http.test.ts, on servers built inside the test, where mutation runs see them.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { startServer, type RunningServer } from '../src/server.js';
import { embeddedStore, silentLogger } from './helpers.js';

let server: RunningServer;
let port: number;

beforeAll(async () => {
  const config = loadConfig({ HEADERS_TIMEOUT_MS: '1000', REQUEST_TIMEOUT_MS: '2000', MAX_CONNECTIONS: '3' });
  server = await startServer(embeddedStore(), { ...config, host: '127.0.0.1', port: 0, production: true, introspection: false }, silentLogger);
  port = Number(new URL(server.url).port);
});

afterAll(() => server?.stop());

/** A raw connection, with what the server sent on it and when it closed. */
function open(): Promise<{ socket: Socket; received: () => string; closed: Promise<number> }> {
  return new Promise((resolve) => {
    const started = performance.now();
    let data = '';
    const socket = connect(port, '127.0.0.1', () => resolve({ socket, received: () => data, closed }));
    socket.on('data', (chunk) => (data += chunk));
    socket.on('error', () => {});
    const closed = new Promise<number>((done) => socket.on('close', () => done(performance.now() - started)));
  });
}

describe('slow and greedy clients', () => {
  it('cuts a client that sends its body too slowly, within the request timeout', async () => {
    const { socket, received, closed } = await open();
    socket.write('POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":');
    const after = await closed;
    expect(received()).toMatch(/^HTTP\/1\.1 408/);
    expect(after).toBeLessThan(6000);
  });

  it('refuses connections beyond MAX_CONNECTIONS and serves again once they close', async () => {
    const held = await Promise.all([open(), open(), open()]);
    const extra = await open();
    // Node accepts and at once destroys a connection over the cap.
    await extra.closed;
    expect(extra.received()).toBe('');
    for (const c of held) c.socket.destroy();
    await Promise.all(held.map((c) => c.closed));
    const response = await fetch(server.url.replace('/graphql', '/health'));
    expect(response.status).toBe(200);
  });
});
