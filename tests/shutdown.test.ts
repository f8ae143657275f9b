/** A graceful stop of the real process: requests in flight finish, new ones are turned away, exit status 0. */
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { unusedPort } from './helpers.js';

const root = fileURLToPath(new URL('..', import.meta.url));

function start(command: string[], port: number) {
  const child = spawn(command[0], command.slice(1), {
    cwd: root,
    env: { ...process.env, PORT: String(port), NODE_ENV: 'production', LOG_LEVEL: 'info' },
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, exited, output: () => output };
}

async function waitUntilReady(port: number) {
  for (let i = 0; i < 300; i++) {
    const status = await fetch(`http://127.0.0.1:${port}/ready`).then((r) => r.status, () => 0);
    if (status === 200) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the server did not become ready');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A query that takes the server some milliseconds, so that twenty of them are still in flight when the signal lands. */
const HEAVY = '{ neighborhood(id: "deep-learning", depth: 3, limit: 500) { truncated nodes { id name nameZh kind } edges { type evidence } } }';

/**
 * A request the server has certainly begun: its head is sent with `Expect: 100-continue` and the server's
 * "100 Continue" is awaited; the body follows only when `send()` is called, so it cannot finish before that.
 */
async function begin(port: number) {
  const body = JSON.stringify({ query: HEAVY });
  const socket = connect(port, '127.0.0.1');
  let received = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (received += chunk));
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  socket.on('error', () => {});
  socket.write(`POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n`);
  for (let i = 0; i < 300 && !received.includes('100 Continue'); i++) await new Promise((r) => setTimeout(r, 20));
  if (!received.includes('100 Continue')) throw new Error('the server did not begin the request');
  return {
    async finish() {
      socket.write(body);
      await closed;
      const answer = received.slice(received.indexOf('\r\n\r\n') + 4);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);
      return { status, body: answer.slice(answer.indexOf('{')) };
    },
  };
}

describe('stopping the server', () => {
  it('on SIGTERM finishes all 20 requests in flight, refuses new connections, and exits with status 0', async () => {
    const port = await unusedPort();
    const server = start([process.execPath, '--import', 'tsx', 'src/main.ts'], port);
    try {
      await waitUntilReady(port);
      const inFlight = await Promise.all(Array.from({ length: 20 }, () => begin(port)));
      server.child.kill('SIGTERM');
      // The server is draining now; the twenty requests it had begun still get their answers.
      await new Promise((r) => setTimeout(r, 300));
      const results = await Promise.all(inFlight.map((r) => r.finish()));
      expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
      for (const { body } of results) expect(JSON.parse(body).data.neighborhood.nodes.length).toBeGreaterThan(100);
      const after = await fetch(`http://127.0.0.1:${port}/ready`).then((r) => r.status, () => 'refused');
      expect([503, 'refused']).toContain(after);
      expect(await server.exited).toEqual({ code: 0, signal: null });
      expect(server.output()).toContain('stopping: draining requests in flight');
    } finally {
      server.child.kill('SIGKILL');
    }
  }, 90_000);

  it('under npm start, a SIGTERM to npm alone stops the server too (no orphan)', async () => {
    const port = await unusedPort();
    const npm = start(['npm', 'start', '--silent'], port);
    let serverPid = 0;
    try {
      await waitUntilReady(port);
      serverPid = Number(/"pid":(\d+)/.exec(npm.output())?.[1]);
      expect(serverPid).toBeGreaterThan(0);
      npm.child.kill('SIGTERM');
      await npm.exited;
      for (let i = 0; i < 50 && alive(serverPid); i++) await new Promise((r) => setTimeout(r, 100));
      expect(alive(serverPid)).toBe(false);
    } finally {
      if (serverPid && alive(serverPid)) process.kill(serverPid, 'SIGKILL');
      (npm.child as ChildProcess).kill('SIGKILL');
    }
  }, 90_000);
});
