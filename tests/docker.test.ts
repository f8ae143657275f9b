/** docker compose cannot run here, so its file and the Dockerfile are checked for the structure the product relies on. */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { load as parse } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { unusedPort } from './helpers.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const compose = parse(readFileSync(`${root}/docker-compose.yml`, 'utf8')) as any;
const dockerfile = readFileSync(`${root}/Dockerfile`, 'utf8');

describe('docker-compose.yml', () => {
  it('has exactly the neo4j, seed and api services', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'neo4j', 'seed']);
  });

  it('pins Neo4j 5.26 community with a data volume, credentials from .env and a healthcheck', () => {
    const neo4j = compose.services.neo4j;
    expect(neo4j.image).toBe('neo4j:5.26-community');
    expect(neo4j.volumes).toContain('neo4j-data:/data');
    expect(Object.keys(compose.volumes)).toContain('neo4j-data');
    expect(neo4j.environment.NEO4J_AUTH).toMatch(/^neo4j\/\$\{NEO4J_PASSWORD/);
    expect(neo4j.healthcheck.test.join(' ')).toContain('cypher-shell');
    expect(neo4j.ports).toEqual(expect.arrayContaining(['7474:7474', '7687:7687']));
  });

  it('runs the seeder once Neo4j is healthy, with pruning', () => {
    const seed = compose.services.seed;
    expect(seed.depends_on.neo4j.condition).toBe('service_healthy');
    expect(seed.command).toEqual(['node', 'dist/seed/seed-neo4j.js', '--prune']);
    expect(seed.environment.NEO4J_URI).toBe('neo4j://neo4j:7687');
    expect(seed.restart).toBe('no');
  });

  it('serves the API from Neo4j on port 4000 after a healthy Neo4j and a completed seed', () => {
    const api = compose.services.api;
    expect(api.build).toBe('.');
    expect(api.environment).toMatchObject({ GRAPH_STORE: 'neo4j', HOST: '0.0.0.0', PORT: '4000', NEO4J_URI: 'neo4j://neo4j:7687' });
    expect(api.ports).toEqual(['4000:4000']);
    expect(api.depends_on).toEqual({ neo4j: { condition: 'service_healthy' }, seed: { condition: 'service_completed_successfully' } });
    expect(api.healthcheck.test.join(' ')).toContain('/ready');
    expect(api.restart).toBe('unless-stopped');
  });

  it('takes the password from .env, for which .env.example is shipped', () => {
    const example = readFileSync(`${root}/.env.example`, 'utf8');
    expect(example).toMatch(/^NEO4J_PASSWORD=.{8,}$/m);
    for (const name of ['seed', 'api']) expect(compose.services[name].environment.NEO4J_PASSWORD).toBe('${NEO4J_PASSWORD}');
  });
});

describe('Dockerfile', () => {
  it('compiles TypeScript in a build stage and installs only runtime dependencies for the image', () => {
    expect(dockerfile).toMatch(/^FROM node:20\S* AS build$/m);
    expect(dockerfile).toMatch(/^RUN npx tsc -p tsconfig\.build\.json$/m);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(dockerfile).toMatch(/^COPY --from=build \/app\/dist \.\/dist$/m);
  });

  it('runs the compiled server as node, over code owned by root, on 0.0.0.0:4000 with a health check', () => {
    const runtime = dockerfile.slice(dockerfile.indexOf('AS runtime'));
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).not.toMatch(/--chown/);
    expect(runtime).toMatch(/^ENV NODE_ENV=production HOST=0\.0\.0\.0 PORT=4000$/m);
    expect(runtime).toMatch(/^EXPOSE 4000$/m);
    expect(runtime).toMatch(/^HEALTHCHECK .*\n?.*\/ready/m);
    expect(runtime).toMatch(/^CMD \["node", "dist\/main\.js"\]$/m);
    for (const dir of ['schema', 'seed']) expect(runtime).toContain(`COPY ${dir} ./${dir}`);
  });

  it('builds with the same command as the image, and the compiled server answers a query', async () => {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
    const port = await unusedPort();
    const server = spawn(process.execPath, ['dist/main.js'], { cwd: root, env: { ...process.env, PORT: String(port), NODE_ENV: 'production', LOG_LEVEL: 'silent' } });
    try {
      let answer: any;
      for (let i = 0; i < 100 && !answer; i++) {
        answer = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ entity(id: "liquid-cooling") { nameZh } }' }),
        }).then((r) => r.json(), () => undefined);
        if (!answer) await new Promise((r) => setTimeout(r, 100));
      }
      expect(answer.data).toEqual({ entity: { nameZh: '液冷技术' } });
    } finally {
      server.kill('SIGTERM');
    }
  }, 120_000);
});
