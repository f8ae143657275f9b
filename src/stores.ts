/** Builds the store the configuration asks for. */
import type { Config } from './config.js';
import type { GraphStore } from './graph/types.js';
import { EmbeddedStore } from './graph/embedded/store.js';
import { loadCheckedSeed } from './seed/load.js';

export async function createStore(config: Pick<Config, 'store' | 'seedDir'>): Promise<GraphStore> {
  switch (config.store) {
    case 'embedded':
      return new EmbeddedStore(loadCheckedSeed(config.seedDir));
  }
}
