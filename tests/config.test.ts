import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { unusedPort } from './helpers.js';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('configuration', () => {
  it('defaults to the embedded store on 127.0.0.1:4000 with introspection outside production', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 4000, host: '127.0.0.1', store: 'embedded', introspection: true, production: false });
    expect(config.neo4j).toMatchObject({ uri: 'neo4j://localhost:7687', user: 'neo4j', database: 'neo4j', transactionTimeoutMs: 5000, connectionTimeoutMs: 3000, maxRetryTimeMs: 3000 });
  });

  it('turns introspection off in production unless asked for, and off anywhere when asked to', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).introspection).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', INTROSPECTION: 'true' }).introspection).toBe(true);
    expect(loadConfig({ INTROSPECTION: 'false' }).introspection).toBe(false);
  });

  it('keeps a response cache unless RESPONSE_CACHE is false', () => {
    expect(loadConfig({}).responseCache).toEqual({ enabled: true, maxBytes: 64_000_000 });
    expect(loadConfig({ RESPONSE_CACHE: 'false' }).responseCache.enabled).toBe(false);
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/^invalid configuration: PORT: /);
    expect(() => loadConfig({ GRAPH_STORE: 'mysql' })).toThrow(/GRAPH_STORE/);
    expect(() => loadConfig({ NEO4J_URI: 'http://localhost:7474' })).toThrow(/NEO4J_URI: must be a neo4j:\/\//);
  });

  it('names every wrong variable, one after another', () => {
    expect(() => loadConfig({ PORT: 'eighty', GRAPH_STORE: 'mysql' })).toThrow(
      'invalid configuration: PORT: Invalid input: expected number, received NaN; GRAPH_STORE: Invalid option: expected one of "embedded"|"neo4j"',
    );
  });

  it('requires a Neo4j password only when the Neo4j store is chosen', () => {
    expect(() => loadConfig({ GRAPH_STORE: 'neo4j' })).toThrow('invalid configuration: NEO4J_PASSWORD is required when GRAPH_STORE=neo4j');
    expect(loadConfig({ GRAPH_STORE: 'neo4j', NEO4J_PASSWORD: 'secret123' }).store).toBe('neo4j');
  });
});

function npmStart(env: Record<string, string>) {
  // Its own process group, so that stopping it stops npm and the server npm started.
  const child = spawn('npm', ['start', '--silent'], { cwd: root, env: { ...process.env, LOG_LEVEL: 'silent', ...env }, detached: true });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const stop = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  return { child, exited, stop, output: () => output };
}

describe('npm start', () => {
  it('prints the URL and answers GraphQL from the embedded store', async () => {
    const port = await unusedPort();
    const run = npmStart({ PORT: String(port) });
    try {
      for (let i = 0; i < 300 && !run.output().includes('ready at'); i++) await new Promise((r) => setTimeout(r, 100));
      expect(run.output()).toContain(`GraphQL API (embedded store) ready at http://127.0.0.1:${port}/graphql`);
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ entity(id: "aigc") { nameZh } }' }),
      });
      expect((await response.json()).data).toEqual({ entity: { nameZh: '人工智能生成内容技术' } });
    } finally {
      run.stop();
      await run.exited;
    }
  }, 60_000);

  it('refuses bad configuration with one clear line and exit code 1', async () => {
    const run = npmStart({ PORT: 'eighty' });
    expect(await run.exited).toBe(1);
    expect(run.output().trim()).toBe('failed to start: invalid configuration: PORT: Invalid input: expected number, received NaN');
  }, 60_000);
});
