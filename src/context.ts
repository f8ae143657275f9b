/** The per-request context: the store behind the port and the request's DataLoaders. */
import DataLoader from 'dataloader';
import type { EntityRecord, GraphStore, RelationRecord } from './graph/types.js';

export interface Loaders {
  /** Entities by id, batched: one store call per tick however many parents ask. */
  entity: DataLoader<string, EntityRecord | null>;
  /** Every relation touching an id, batched the same way. */
  relations: DataLoader<string, RelationRecord[]>;
}

export interface Context {
  store: GraphStore;
  loaders: Loaders;
}

export function createContext(store: GraphStore): Context {
  return {
    store,
    loaders: {
      entity: new DataLoader((ids) => store.getEntities(ids)),
      relations: new DataLoader((ids) => store.relationsOf(ids)),
    },
  };
}
