/** docker compose cannot run here, so its file and the Dockerfile are checked for the structure the product relies on. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { load as parse } from 'js-yaml';
import { describe, expect, it } from 'vitest';

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
    expect(seed.command).toEqual(['npm', 'run', 'seed', '--', '--prune']);
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
  });

  it('takes the password from .env, for which .env.example is shipped', () => {
    const example = readFileSync(`${root}/.env.example`, 'utf8');
    expect(example).toMatch(/^NEO4J_PASSWORD=.{8,}$/m);
    for (const name of ['seed', 'api']) expect(compose.services[name].environment.NEO4J_PASSWORD).toBe('${NEO4J_PASSWORD}');
  });
});

describe('Dockerfile', () => {
  it('builds in stages and runs as a non-root user', () => {
    const stages = dockerfile.match(/^FROM /gm) ?? [];
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/^FROM node:20\S* AS runtime$/m);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(dockerfile).toMatch(/^EXPOSE 4000$/m);
  });

  it('copies everything the server reads at run time', () => {
    for (const dir of ['schema', 'seed', 'src']) expect(dockerfile).toContain(`COPY --chown=node:node ${dir} ./${dir}`);
  });
});
