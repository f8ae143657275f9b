/** A graceful stop of the real process: requests in flight finish, new ones are turned away, exit status 0. */
import { spawn, type ChildProcess } from 'node:child_process';
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

function post(port: number) {
  return fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: HEAVY }),
  }).then(async (r) => ({ status: r.status, body: await r.json() }));
}

describe('stopping the server', () => {
  it('on SIGTERM finishes all 20 requests in flight, refuses new connections, and exits with status 0', async () => {
    const port = await unusedPort();
    const server = start([process.execPath, '--import', 'tsx', 'src/main.ts'], port);
    try {
      await waitUntilReady(port);
      const inFlight = Array.from({ length: 20 }, () => post(port));
      // Let the requests reach the server, then signal while most of them are still being answered.
      await new Promise((r) => setTimeout(r, 150));
      server.child.kill('SIGTERM');
      const results = await Promise.all(inFlight);
      expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
      for (const { body } of results) expect(body.data.neighborhood.nodes.length).toBeGreaterThan(100);
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
