/** The store the configuration asks for (src/stores.ts). */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createStore } from '../src/stores.js';
import { SEED_DIR, realSeed } from './helpers.js';

describe('createStore', () => {
  it('builds the embedded store from the seed folder, holding every entity and relation of the seed', async () => {
    const store = await createStore({ ...loadConfig({}), store: 'embedded', seedDir: SEED_DIR });
    expect(store.name).toBe('embedded');
    expect(await store.stats()).toMatchObject({ entities: realSeed().entities.length, relations: realSeed().relations.length });
    await store.close();
  });

  it('builds the Neo4j store without connecting: it starts while Neo4j is down', async () => {
    const config = loadConfig({ GRAPH_STORE: 'neo4j', NEO4J_URI: 'neo4j://127.0.0.1:9', NEO4J_PASSWORD: 'unused' });
    const store = await createStore(config);
    expect(store.name).toBe('neo4j');
    await store.close();
  });
});
