/** Shared test fixtures: the real seed, an in-process Apollo server, and a store wrapper that counts port calls. */
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import type { ApolloServer } from '@apollo/server';
import { describe } from 'vitest';
import { createApollo } from '../src/server.js';
import { createContext, type Context } from '../src/context.js';
import { EmbeddedStore } from '../src/graph/embedded/store.js';
import { Neo4jStore } from '../src/graph/neo4j/store.js';
import { loadConfig } from '../src/config.js';
import type { GraphStore } from '../src/graph/types.js';
import { loadCheckedSeed, type SeedGraph } from '../src/seed/load.js';

export const SEED_DIR = fileURLToPath(new URL('../seed', import.meta.url));
export const silentLogger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

let seed: SeedGraph | undefined;
export function realSeed(): SeedGraph {
  seed ??= loadCheckedSeed(SEED_DIR);
  return seed;
}

export function embeddedStore(): EmbeddedStore {
  return new EmbeddedStore(realSeed());
}

/** The Neo4j store on the seeded server of tests/global-setup.ts (NEO4J_URI); the caller closes it. */
export function neo4jStore(): Neo4jStore {
  return new Neo4jStore(loadConfig({ ...process.env, GRAPH_STORE: 'neo4j', NEO4J_TRANSACTION_TIMEOUT_MS: '60000' }).neo4j);
}

export interface StoreLeg {
  name: 'embedded' | 'neo4j';
  /** A new store of this kind; close it when done. */
  open(): GraphStore;
}

/** The stores a suite runs its tests on: the embedded store always, the Neo4j store when NEO4J_URI is set. */
export const storeLegs: StoreLeg[] = [
  { name: 'embedded', open: () => embeddedStore() },
  ...(process.env.NEO4J_URI ? [{ name: 'neo4j' as const, open: () => neo4jStore() }] : []),
];

/**
 * `describe(title)` once per store leg, "title (embedded store)" and "title (neo4j store)". The global setup sets
 * NEO4J_URI when it can start or reach a Neo4j; without one it prints once that the Neo4j leg did not run, and why.
 */
export function describeEachStore(title: string, body: (leg: StoreLeg) => void): void {
  for (const leg of storeLegs) describe(`${title} (${leg.name} store)`, () => body(leg));
}

/** An embedded store whose `operation` fails with `error` (a rejected promise, as every store answer is), its first `times` calls or all. */
export function failing(operation: keyof GraphStore, error: unknown, times = Infinity): GraphStore {
  let left = times;
  return new Proxy(embeddedStore(), {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop !== operation) return value;
      return (...args: unknown[]) => (left-- > 0 ? Promise.reject(error) : value.apply(target, args));
    },
  });
}

/** Wraps a store and counts calls per port operation. */
export function countingStore(inner: GraphStore): GraphStore & { calls: Record<string, number>; reset(): void } {
  const calls: Record<string, number> = {};
  const counted = new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls[String(prop)] = (calls[String(prop)] ?? 0) + 1;
        return value.apply(target, args);
      };
    },
  }) as GraphStore & { calls: Record<string, number>; reset(): void };
  return Object.assign(counted, { calls, reset: () => Object.keys(calls).forEach((k) => delete calls[k]) });
}

export interface Executed<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: unknown[] }[];
}

export class TestApi {
  readonly apollo: ApolloServer<Context>;
  constructor(readonly store: GraphStore, options: { production?: boolean } = {}) {
    this.apollo = createApollo({ introspection: true, production: options.production ?? false }, silentLogger);
  }

  context(): Context {
    return createContext(this.store);
  }

  async run<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<Executed<T>> {
    const response = await this.apollo.executeOperation({ query, variables }, { contextValue: this.context() });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult as Executed<T>;
  }

  /** Runs a query that must succeed and returns its data. */
  async data<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const result = await this.run<T>(query, variables);
    if (result.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  }
}

/** A loopback port that was free a moment ago: free to listen on, and refusing connections until someone does. */
export async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
