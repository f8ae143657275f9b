import { afterEach, expect, it } from 'vitest';
import type { GraphStore } from '../src/graph/types.js';
import { TestApi, countingStore, describeEachStore } from './helpers.js';

/** The port calls are counted the same way on every store: through countingStore, around the store itself. */
describeEachStore('batching through DataLoader', ({ open }) => {
  const opened: GraphStore[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });

  /** An API whose first query (which measures the graph's list lengths for the cost model) is behind it. */
  async function warmApi() {
    const inner = open();
    opened.push(inner);
    const store = countingStore(inner);
    const api = new TestApi(store);
    await api.data('{ __typename }');
    store.reset();
    return Object.assign(api, { store });
  }

  it('resolves a three-level nested query with one relations call and one entity call per level', async () => {
    const api = await warmApi();
    const store = api.store;
    const data = await api.data(`{
      entities(kind: Challenge, first: 20) {
        nodes {
          id
          ... on Challenge {
            solutions(first: 5) {
              id
              relations(direction: OUT, first: 10) { target { id sections(first: 3) { number } } }
            }
          }
        }
      }
    }`);
    const challenges = data.entities.nodes;
    const solutions = challenges.flatMap((c: any) => c.solutions);
    expect(challenges.length).toBe(20);
    expect(solutions.length).toBeGreaterThan(10);
    // Level 1: the page. Level 2: every challenge's relations in one call, their solutions in one call.
    // Level 3: every solution's relations in one call, their targets in one call, the targets' sections in one call.
    expect(store.calls.listEntities).toBe(1);
    expect(store.calls.relationsOf).toBe(2);
    expect(store.calls.getEntities).toBe(3);
  });

  it('fetches an entity asked for twice in one request only once', async () => {
    const api = await warmApi();
    const store = api.store;
    await api.data('{ a: entity(id: "gpu") { id } b: entity(id: "gpu") { name } c: entity(id: "cpu") { id } }');
    expect(store.calls.getEntities).toBe(1);
  });
});
