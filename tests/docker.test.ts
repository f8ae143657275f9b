/**
 * Docker does not run here, so the image and the compose file are checked by what they make the code do: the
 * Dockerfile's build command compiles the server into a copy of the runtime stage's file layout, its CMD starts that
 * server with its ENV (bound to loopback: 0.0.0.0 is not ours to bind), its HEALTHCHECK and the compose file's run
 * against it, the compose services' environments are ones src/config.ts reads and accepts, and the seeder's command
 * runs from the compiled build.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load as parseYaml } from 'js-yaml';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENVIRONMENT, loadConfig } from '../src/config.js';
import { unusedPort } from './helpers.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const compose = parseYaml(readFileSync(`${root}/docker-compose.yml`, 'utf8')) as any;
const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));

/** The Dockerfile's instructions, continuation lines joined, by stage name. */
function dockerStages(): Record<string, string[]> {
  const lines = readFileSync(`${root}/Dockerfile`, 'utf8').replace(/\\\n\s*/g, '').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
  const stages: Record<string, string[]> = {};
  let current: string[] = [];
  for (const line of lines) {
    const from = /^FROM \S+ AS (\S+)$/.exec(line);
    if (from) stages[from[1]] = current = [];
    else current.push(line);
  }
  return stages;
}

const stages = dockerStages();
const runtime = stages.runtime;
const instruction = (name: string) => runtime.filter((l) => l.startsWith(`${name} `)).map((l) => l.slice(name.length + 1));
/** The runtime stage's ENV, as the container's process sees it. */
const imageEnv: Record<string, string> = Object.fromEntries(instruction('ENV').flatMap((l) => l.split(/\s+/).map((pair) => pair.split('=') as [string, string])));
const cmd: string[] = JSON.parse(instruction('CMD')[0]);
const healthcheck: string[] = JSON.parse(/CMD (\[.*\])$/.exec(instruction('HEALTHCHECK')[0])![1]);
const env = (service: string) => Object.fromEntries(Object.entries(compose.services[service].environment as Record<string, string>).map(([k, v]) => [k, String(v)]));
/** `${NAME}` and `${NAME:?message}` as compose fills them from .env, here from .env.example. */
const example = Object.fromEntries([...readFileSync(`${root}/.env.example`, 'utf8').matchAll(/^([A-Z0-9_]+)=(.*)$/gm)].map((m) => [m[1], m[2]]));
const interpolate = (values: Record<string, string>) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.replace(/\$\{(\w+)[^}]*\}/g, (_, name) => example[name] ?? '')]));

/** A health check's command with the port it probes moved to `port`, as it would run inside the container. */
function probe(command: string[], port: number): { status: number | null; stderr: string } {
  const args = command.map((a) => a.replace(`:${imageEnv.PORT}/`, `:${port}/`));
  const [program, ...rest] = args[0] === 'CMD' ? args.slice(1) : args;
  const result = spawnSync(program === 'node' ? process.execPath : program, rest, { encoding: 'utf8', timeout: 10_000 });
  return { status: result.status, stderr: result.stderr };
}

describe('the image', () => {
  it('listens on every interface and on the port it exposes and probes, with settings src/config.ts accepts', () => {
    // Published ports reach the container's own interface, not its loopback: a loopback bind would be unreachable.
    expect(['0.0.0.0', '::']).toContain(imageEnv.HOST);
    const config = loadConfig(imageEnv);
    expect(config).toMatchObject({ host: imageEnv.HOST, port: Number(instruction('EXPOSE')[0]), production: true, store: 'embedded' });
    expect(healthcheck.join(' ')).toContain(`127.0.0.1:${config.port}/`);
  });

  describe("run as the runtime stage lays it out: the build stage's compiler output, package.json, schema/, seed/", () => {
    let dir: string;
    let port: number;
    const started: ReturnType<typeof spawn>[] = [];

    /** The image's CMD in the layout, with its ENV but on loopback and a free port; resolves once /ready is 200. */
    async function startCmd() {
      const free = await unusedPort();
      const [program, ...args] = cmd;
      expect(program).toBe('node');
      const child = spawn(process.execPath, args, { cwd: dir, env: { PATH: process.env.PATH, ...imageEnv, HOST: '127.0.0.1', PORT: String(free) } });
      started.push(child);
      let output = '';
      child.stdout!.on('data', (d) => (output += d));
      child.stderr!.on('data', (d) => (output += d));
      const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      for (let i = 0; i < 150; i++) {
        if ((await fetch(`http://127.0.0.1:${free}/ready`).then((r) => r.status, () => 0)) === 200) return { port: free, child, exit };
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`the image's CMD did not get ready:\n${output}`);
    }

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'kg-image-'));
      const compile = stages.build.find((l) => /^RUN npx tsc /.test(l))!.slice('RUN '.length).split(' ');
      execFileSync(compile[0], [...compile.slice(1), '--outDir', join(dir, 'dist')], { cwd: root, stdio: 'inherit' });
      for (const copy of instruction('COPY').filter((c) => !c.startsWith('--from'))) {
        const [source] = copy.split(' ');
        if (source === 'package.json') copyFileSync(join(root, source), join(dir, source));
        else symlinkSync(join(root, source), join(dir, source), 'dir');
      }
      // The deps stage's `npm ci --omit=dev`; which packages the compiled code imports is checked below.
      symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
      ({ port } = await startCmd());
    }, 120_000);

    afterAll(() => {
      for (const child of started) child.kill('SIGKILL');
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('answers a query through the CMD', async () => {
      const answer = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ entity(id: "liquid-cooling") { nameZh } }' }),
      }).then((r) => r.json());
      expect(answer.data).toEqual({ entity: { nameZh: '液冷技术' } });
    });

    it("passes the Dockerfile's HEALTHCHECK and the compose api service's healthcheck", () => {
      expect(probe(healthcheck, port)).toMatchObject({ status: 0 });
      expect(probe(compose.services.api.healthcheck.test, port)).toMatchObject({ status: 0 });
    });

    it('imports at run time only Node built-ins and the packages `npm ci --omit=dev` installs', () => {
      const files = (readdirSync(join(dir, 'dist'), { recursive: true }) as string[]).filter((f) => f.endsWith('.js'));
      const specifiers = (f: string) => ts.preProcessFile(readFileSync(join(dir, 'dist', f), 'utf8'), true, true).importedFiles.map((i) => i.fileName);
      const imported = new Set(files.flatMap(specifiers).filter((spec) => !spec.startsWith('.')));
      const packageOf = (spec: string) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
      const foreign = [...imported].filter((spec) => !spec.startsWith('node:') && !builtinModules.includes(spec) && !(packageOf(spec) in pkg.dependencies));
      expect(imported.size).toBeGreaterThan(5);
      expect(foreign).toEqual([]);
    });

    it("runs the compose seed service's command from the build, which fails in one line when Neo4j is unreachable", async () => {
      const [program, ...args] = compose.services.seed.command as string[];
      expect(program).toBe('node');
      const seedEnv = { ...interpolate(env('seed')), NEO4J_URI: `bolt://127.0.0.1:${await unusedPort()}`, NEO4J_CONNECTION_TIMEOUT_MS: '1000', NEO4J_MAX_RETRY_TIME_MS: '0' };
      const result = spawnSync(process.execPath, args, { cwd: dir, env: { PATH: process.env.PATH, ...seedEnv }, encoding: 'utf8', timeout: 60_000 });
      expect(result.status).toBe(1);
      expect(result.stderr.trim()).toMatch(/^seed failed: .*(unavailable|unreachable|connect)/i);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }, 70_000);

    it('drains and exits 0 on SIGTERM, as `docker stop` sends it to the CMD', async () => {
      const { child, exit } = await startCmd();
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
    }, 30_000);
  });
});

describe('docker-compose.yml', () => {
  it("gives the api and the seeder only variables src/config.ts reads, and values it accepts", () => {
    const known = Object.keys(ENVIRONMENT.shape);
    for (const service of ['api', 'seed']) expect(Object.keys(env(service)).filter((name) => !known.includes(name)), service).toEqual([]);
    const api = loadConfig(interpolate(env('api')));
    expect(api).toMatchObject({ store: 'neo4j', host: '0.0.0.0', introspection: true });
    expect(compose.services.api.ports).toContain(`${api.port}:${api.port}`);
    expect(loadConfig({ ...interpolate(env('seed')), GRAPH_STORE: 'neo4j' }).neo4j.uri).toBe(api.neo4j.uri);
  });

  it('points the api and the seeder at a service of this file, on a port that service listens on', () => {
    for (const service of ['api', 'seed']) {
      const { hostname, port } = new URL(env(service).NEO4J_URI);
      const target = compose.services[hostname];
      expect(target, `${service} -> ${hostname}`).toBeDefined();
      expect((target.ports as string[]).map((p) => p.split(':').at(-1)), service).toContain(port);
    }
  });

  it('waits only on conditions the services it depends on can meet', () => {
    for (const [name, service] of Object.entries<any>(compose.services)) {
      for (const [target, { condition }] of Object.entries<any>(service.depends_on ?? {})) {
        expect(compose.services[target], `${name} -> ${target}`).toBeDefined();
        if (condition === 'service_healthy') expect(compose.services[target].healthcheck, `${target} has no healthcheck`).toBeDefined();
        // A service that restarts never completes.
        if (condition === 'service_completed_successfully') expect([undefined, 'no'], `${target} restarts`).toContain(compose.services[target].restart);
      }
    }
  });

  it('declares every named volume it mounts, and .env.example sets every variable it reads', () => {
    for (const service of Object.values<any>(compose.services)) {
      for (const volume of service.volumes ?? []) expect(Object.keys(compose.volumes)).toContain(volume.split(':')[0]);
    }
    // `$${…}` is left for the container's shell, not read from .env.
    const used = [...readFileSync(`${root}/docker-compose.yml`, 'utf8').matchAll(/(?<!\$)\$\{(\w+)/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(0);
    for (const name of used) expect(example[name], name).toBeTruthy();
    // Neo4j refuses passwords shorter than 8 characters; the compose file demands one.
    expect(example.NEO4J_PASSWORD.length).toBeGreaterThanOrEqual(8);
  });

  it('builds its api and seed services from this Dockerfile', () => {
    for (const service of ['api', 'seed']) expect(existsSync(join(root, compose.services[service].build, 'Dockerfile')), service).toBe(true);
  });
});
