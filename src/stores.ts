/** Builds the store the configuration asks for. */
import type { Config } from './config.js';
import type { GraphStore } from './graph/types.js';
import { EmbeddedStore } from './graph/embedded/store.js';
import { loadCheckedSeed } from './seed/load.js';

export async function createStore(config: Pick<Config, 'store' | 'seedDir' | 'neo4j'>): Promise<GraphStore> {
  switch (config.store) {
    case 'embedded':
      return new EmbeddedStore(loadCheckedSeed(config.seedDir));
    case 'neo4j': {
      // Loaded only when asked for: the driver adds about 140 ms to every embedded start-up otherwise.
      const { Neo4jStore } = await import('./graph/neo4j/store.js');
      // The driver connects lazily: the API starts while Neo4j is down and /ready says when it answers.
      return new Neo4jStore(config.neo4j);
    }
  }
}
