/**
 * The store contract: every GraphStore answers every port operation identically on the real seed.
 * The embedded leg always runs. The Neo4j leg runs against the seeded Neo4j that tests/global-setup.ts provides
 * (a real server started from Maven Central, or the one at NEO4J_URI, which it seeds with --prune: use a scratch one).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../src/graph/types.js';
import { defaultTraversalTypes } from '../src/graph/traversal.js';
import { loadConfig } from '../src/config.js';
import { Neo4jStore } from '../src/graph/neo4j/store.js';
import { seedNeo4j } from '../src/graph/neo4j/seed.js';
import { embeddedStore, realSeed } from './helpers.js';

interface StoreLeg {
  name: string;
  open(): Promise<GraphStore>;
}

const neo4jUri = process.env.NEO4J_URI;

async function openNeo4j(): Promise<Neo4jStore> {
  const config = loadConfig({ ...process.env, GRAPH_STORE: 'neo4j', NEO4J_TRANSACTION_TIMEOUT_MS: '60000' });
  return new Neo4jStore(config.neo4j);
}

/**
 * An oracle independent of the stores: every shortest path enumerated from the seed, then the least total degree of
 * inner nodes, then the smallest id sequence.
 */
function bestShortestPath(from: string, to: string): string[] {
  const allowed = new Set(defaultTraversalTypes());
  const neighbours = new Map<string, string[]>();
  const degree = new Map<string, number>();
  for (const r of realSeed().relations) {
    if (!allowed.has(r.type)) continue;
    neighbours.set(r.source, [...(neighbours.get(r.source) ?? []), r.target]);
    neighbours.set(r.target, [...(neighbours.get(r.target) ?? []), r.source]);
    degree.set(r.source, (degree.get(r.source) ?? 0) + 1);
    degree.set(r.target, (degree.get(r.target) ?? 0) + 1);
  }
  const distance = new Map([[to, 0]]);
  for (let frontier = [to]; frontier.length; ) {
    const next: string[] = [];
    for (const n of frontier) for (const m of neighbours.get(n) ?? []) if (!distance.has(m)) (distance.set(m, distance.get(n)! + 1), next.push(m));
    frontier = next;
  }
  const paths: string[][] = [];
  const walk = (path: string[]) => {
    const last = path[path.length - 1];
    if (last === to) return void paths.push(path);
    for (const m of new Set(neighbours.get(last) ?? [])) if (distance.get(m) === distance.get(last)! - 1) walk([...path, m]);
  };
  walk([from]);
  const weight = (p: string[]) => p.slice(1, -1).reduce((n, id) => n + degree.get(id)!, 0);
  paths.sort((a, b) => weight(a) - weight(b) || (a.join('\u0000') < b.join('\u0000') ? -1 : 1));
  return paths[0];
}

const stores: StoreLeg[] = [{ name: 'embedded', open: async () => embeddedStore() }];
// Without NEO4J_URI the global setup has said once that the Neo4j leg did not run, and why.
if (neo4jUri) stores.push({ name: 'neo4j', open: openNeo4j });

describe.runIf(!!neo4jUri)('seeding Neo4j', () => {
  // Not in a mutation run (vitest.mutate.config.ts): a mutant of the seeding path would write its data into the
  // server every later mutant's tests read. tests/neo4j-store.test.ts checks what seeding sends without a server.
  it.skipIf(process.env.KG_MUTATION_RUN === '1')('twice leaves the same counts, and they match the seed files', async () => {
    const store = await openNeo4j();
    try {
      const again = await seedNeo4j(store, realSeed(), { prune: true });
      expect(again).toEqual({ nodes: realSeed().entities.length, relationships: realSeed().relations.length, prunedNodes: 0, prunedRelationships: 0 });
    } finally {
      await store.close();
    }
  }, 120_000);
});

describe.each(stores)('the $name store', ({ open }) => {
  let store: GraphStore;
  const seed = realSeed();

  beforeAll(async () => {
    store = await open();
  }, 120_000);
  afterAll(async () => {
    await store?.close();
  });

  describe('getEntities', () => {
    it('returns entities in the order asked, with null for unknown ids', async () => {
      const found = await store.getEntities(['meta', 'no-such-id', 'liquid-cooling']);
      expect(found.map((e) => e?.id ?? null)).toEqual(['meta', null, 'liquid-cooling']);
      expect(found[2]).toMatchObject({ kind: 'Technology', name: 'Liquid cooling', nameZh: '液冷技术', sections: ['3.3.2', '5.2'] });
      expect(found[0]?.aliases).toEqual(expect.arrayContaining(['Facebook', '脸书']));
    });

    it('returns metric facts on metric entities', async () => {
      const [metric] = await store.getEntities(['metric-china-intelligent-computing-power-2022']);
      expect(metric).toMatchObject({ kind: 'Metric', value: 41, unit: 'EFLOPS', year: 2022, region: 'China', forecast: false });
      expect(metric?.evidence).toBe('智 能算力规模为 41 EFLOPS');
    });
  });

  describe('listEntities', () => {
    it('pages through every entity in id order with a stable total', async () => {
      const first = await store.listEntities({ offset: 0, limit: 100 });
      const second = await store.listEntities({ offset: 100, limit: 100 });
      expect(first.totalCount).toBe(seed.entities.length);
      const ids = [...first.items, ...second.items].map((e) => e.id);
      expect(ids).toEqual([...seed.entities.map((e) => e.id)].sort().slice(0, 200));
    });

    it('filters by kind', async () => {
      const page = await store.listEntities({ kind: 'Challenge', offset: 0, limit: 100 });
      expect(page.totalCount).toBe(seed.entities.filter((e) => e.kind === 'Challenge').length);
      expect(page.items.every((e) => e.kind === 'Challenge')).toBe(true);
      expect(page.items.map((e) => e.id)).toContain('energy-consumption');
    });
  });

  describe('relationsOf', () => {
    it('returns every relation touching each id, grouped in key order', async () => {
      const [cooling, unknown, energy] = await store.relationsOf(['liquid-cooling', 'no-such-id', 'energy-consumption']);
      expect(unknown).toEqual([]);
      expect(cooling.every((r) => r.source === 'liquid-cooling' || r.target === 'liquid-cooling')).toBe(true);
      const addresses = cooling.find((r) => r.type === 'ADDRESSES' && r.target === 'energy-consumption');
      expect(addresses).toMatchObject({ section: '3.3.2' });
      expect(addresses?.evidence).toContain('液冷技术');
      expect(energy.some((r) => r.type === 'ADDRESSES' && r.source === 'liquid-cooling')).toBe(true);
      const expected = seed.relations.filter((r) => r.source === 'liquid-cooling' || r.target === 'liquid-cooling');
      expect(cooling).toHaveLength(expected.length);
    });
  });

  describe('search', () => {
    it('finds an entity by its Chinese name first', async () => {
      const hits = await store.search({ text: '液冷', limit: 5 });
      expect(hits[0].entity.id).toBe('liquid-cooling');
    });

    it('finds an entity by an English alias, case-insensitively', async () => {
      expect((await store.search({ text: 'facebook', limit: 3 }))[0].entity.id).toBe('meta');
      expect((await store.search({ text: 'Machine Learning', limit: 3 }))[0].entity.id).toBe('machine-learning');
    });

    it('ranks hits best first and restricts them to the kinds asked', async () => {
      const hits = await store.search({ text: '能耗', kinds: ['Challenge'], limit: 10 });
      expect(hits[0].entity.id).toBe('energy-consumption');
      expect(hits.every((h) => h.entity.kind === 'Challenge')).toBe(true);
      const scores = hits.map((h) => h.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    });

    it('treats query syntax characters as text', async () => {
      const hits = await store.search({ text: '+(GPU)* AND ?', limit: 5 });
      expect(hits.map((h) => h.entity.id)).toContain('gpu');
    });

    it('matches a single Chinese character as the beginning of a name, and mixed-language text', async () => {
      expect((await store.search({ text: '算', limit: 100 })).map((h) => h.entity.id)).toContain('computing-power');
      expect((await store.search({ text: 'AI 芯片', limit: 5 }))[0].entity.id).toBe('ai-chip');
    });

    it('answers no hits for a term absent from the whitepaper, though its characters are everywhere', async () => {
      expect(await store.search({ text: '东数西算', limit: 10 })).toEqual([]);
      expect(await store.search({ text: '算力网络', limit: 10 })).toEqual([]);
    });

    it('forgives a typo in an English word', async () => {
      expect((await store.search({ text: 'liqid cooling', limit: 3 }))[0].entity.id).toBe('liquid-cooling');
    });

    it('continues after a hit with the hits ranked after it', async () => {
      const all = await store.search({ text: 'cooling', limit: 10 });
      const next = await store.search({ text: 'cooling', limit: 10, after: { score: all[1].score, id: all[1].entity.id } });
      expect(next.map((h) => h.entity.id)).toEqual(all.slice(2).map((h) => h.entity.id));
    });
  });

  describe('neighborhood', () => {
    it('returns the entity, its neighbours and only relations among them', async () => {
      const sub = await store.neighborhood({ id: 'energy-consumption', depth: 1, limit: 500 });
      const ids = new Set(sub!.nodes.map((n) => n.id));
      expect(sub!.nodes[0].id).toBe('energy-consumption');
      expect(ids.has('liquid-cooling')).toBe(true);
      expect(sub!.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
      expect(sub!.edges.some((e) => e.type === 'MENTIONED_IN')).toBe(false);
    });

    it('orders nodes by distance then id and cuts at the limit', async () => {
      const full = await store.neighborhood({ id: 'liquid-cooling', depth: 2, limit: 500 });
      const cut = await store.neighborhood({ id: 'liquid-cooling', depth: 2, limit: 5 });
      expect(cut!.nodes.map((n) => n.id)).toEqual(full!.nodes.slice(0, 5).map((n) => n.id));
      const oneHop = new Set((await store.neighborhood({ id: 'liquid-cooling', depth: 1, limit: 500 }))!.nodes.map((n) => n.id));
      const firstRing = full!.nodes.slice(1, oneHop.size).map((n) => n.id);
      expect(firstRing.every((id) => oneHop.has(id))).toBe(true);
      expect(firstRing).toEqual([...firstRing].sort());
    });

    it('follows only the relation types asked for', async () => {
      const sub = await store.neighborhood({ id: 'liquid-cooling', depth: 1, types: ['MENTIONED_IN'], limit: 50 });
      expect(sub!.nodes.map((n) => n.id)).toEqual(['liquid-cooling', 'section-3-3-2', 'section-5-2']);
    });

    it('answers null for an unknown id', async () => {
      expect(await store.neighborhood({ id: 'no-such-id', depth: 1, limit: 10 })).toBeNull();
    });

    const standing = (sub: Awaited<ReturnType<GraphStore['neighborhood']>>) =>
      sub!.nodes.map((n, i) => `${n.id} ${sub!.members[i].distance}/${sub!.members[i].degree}${sub!.members[i].expanded ? ' expanded' : ''}`);

    it('holds back a hub with more relations than maxDegree: 算网协同 at depth 3 keeps 5 of its 19 nodes with maxDegree 10', async () => {
      const open = await store.neighborhood({ id: 'computing-network-synergy', depth: 3, limit: 500 });
      const damped = await store.neighborhood({ id: 'computing-network-synergy', depth: 3, limit: 500, maxDegree: 10 });
      expect([open!.nodes.length, open!.edges.length]).toEqual([19, 28]);
      expect(standing(damped)).toEqual([
        'computing-network-synergy 0/1 expanded',
        'solution-improve-computing-power-efficiency 1/3 expanded',
        'computing-power-demand 2/15',
        'computing-power-service 2/2 expanded',
        'artificial-intelligence 3/94',
      ]);
      expect(damped!.edges).toHaveLength(4);
    });

    it('keeps what is reachable around a hub: 视频分析 at depth 2 has 104 nodes, 17 with maxDegree 20', async () => {
      const open = await store.neighborhood({ id: 'video-analysis', depth: 2, limit: 500 });
      const damped = await store.neighborhood({ id: 'video-analysis', depth: 2, limit: 500, maxDegree: 20 });
      expect([open!.nodes.length, damped!.nodes.length]).toEqual([104, 17]);
      // 人工智能 is drawn but not walked through; automotive is still reached through computer vision.
      const ai = damped!.nodes.findIndex((n) => n.id === 'artificial-intelligence');
      expect(damped!.members[ai]).toEqual({ distance: 1, degree: 94, expanded: false });
      expect(damped!.nodes.map((n) => n.id)).toContain('automotive');
    });

    it('follows relations out of, into or both ways from each entity', async () => {
      const ids = async (direction: 'OUT' | 'IN' | 'BOTH') => (await store.neighborhood({ id: 'liquid-cooling', depth: 1, limit: 500, direction }))!.nodes.map((n) => n.id);
      expect(await ids('OUT')).toEqual(['liquid-cooling', 'energy-consumption', 'energy-saving-carbon-reduction-technology', 'solution-infrastructure-energy-saving']);
      expect(await ids('IN')).toEqual(['liquid-cooling', 'cold-plate-liquid-cooling', 'immersion-liquid-cooling', 'rec-green-intelligent-computing', 'spray-liquid-cooling']);
      expect(await ids('BOTH')).toHaveLength(8);
    });

    it('includes and walks through only entities of the kinds asked for, the centre always, with distances and degrees', async () => {
      const sub = await store.neighborhood({ id: 'liquid-cooling', depth: 2, limit: 500, kinds: ['Challenge'] });
      expect(standing(sub)).toEqual([
        'liquid-cooling 0/7 expanded',
        'energy-consumption 1/10 expanded',
        'chip-energy-consumption 2/3',
        'computing-power-demand 2/15',
        'system-level-energy-consumption 2/3',
      ]);
    });
  });

  describe('shortestPath', () => {
    it('finds a direct link', async () => {
      const path = await store.shortestPath({ from: 'liquid-cooling', to: 'energy-consumption', maxDepth: 4 });
      expect(path!.nodes.map((n) => n.id)).toEqual(['liquid-cooling', 'energy-consumption']);
      expect(path!.edges[0]).toMatchObject({ type: 'ADDRESSES', source: 'liquid-cooling', target: 'energy-consumption' });
    });

    it('returns a chain of existing relations joining the two ends, the same one every time', async () => {
      const path = await store.shortestPath({ from: 'metaverse', to: 'energy-consumption', maxDepth: 6 });
      const nodes = path!.nodes.map((n) => n.id);
      expect(nodes[0]).toBe('metaverse');
      expect(nodes.at(-1)).toBe('energy-consumption');
      path!.edges.forEach((e, i) => expect([e.source, e.target].sort()).toEqual([nodes[i], nodes[i + 1]].sort()));
      const again = await store.shortestPath({ from: 'metaverse', to: 'energy-consumption', maxDepth: 6 });
      expect(again!.nodes.map((n) => n.id)).toEqual(nodes);
      const shorter = await store.shortestPath({ from: 'metaverse', to: 'energy-consumption', maxDepth: path!.edges.length - 1 });
      expect(shorter).toBeNull();
      expect(path!.edges.every((e) => defaultTraversalTypes().includes(e.type))).toBe(true);
    });

    it.each([
      // Each of these pairs has a path through the "artificial intelligence" hub whose ids sort first.
      ['digital-twin', 'edge-intelligence'],
      ['digital-twin', 'recommender-system'],
      ['metaverse', 'tensorflow'],
      ['aigc', 'healthcare'],
    ])('among equally short paths from %s to %s, takes the one through the least-connected entities', async (from, to) => {
      const path = await store.shortestPath({ from, to, maxDepth: 6 });
      expect(path!.nodes.map((n) => n.id)).toEqual(bestShortestPath(from, to));
    });

    it('answers a path of no edges from an entity to itself and null for unknown ends', async () => {
      expect((await store.shortestPath({ from: 'gpu', to: 'gpu', maxDepth: 3 }))!.nodes.map((n) => n.id)).toEqual(['gpu']);
      expect(await store.shortestPath({ from: 'gpu', to: 'no-such-id', maxDepth: 3 })).toBeNull();
    });
  });

  describe('allShortestPaths', () => {
    it('lists the ten four-step chains from large models to liquid cooling, through the least-connected entities first', async () => {
      const paths = await store.allShortestPaths({ from: 'large-models', to: 'liquid-cooling', maxDepth: 6, first: 100 });
      expect(paths.map((p) => p.nodes.map((n) => n.id).slice(1, -1).join(' > '))).toEqual([
        'h3c-large-model-ai-server > model-training > energy-consumption',
        'gpu > model-training > energy-consumption',
        'computing-power > model-training > energy-consumption',
        'trend-intelligent-computing-demand-explosion > intelligent-computing-power > energy-consumption',
        'digital-transformation > intelligent-computing-power > energy-consumption',
        'all-industries > intelligent-computing-power > energy-consumption',
        'gpu > intelligent-computing-power > energy-consumption',
        'aigc > intelligent-computing-power > energy-consumption',
        'natural-language-processing > intelligent-computing-power > energy-consumption',
        'computing-power > intelligent-computing-power > energy-consumption',
      ]);
      expect(paths[1].edges.map((e) => `${e.source} ${e.type} ${e.target}`)).toEqual([
        'large-models DRIVES gpu',
        'gpu ENABLES model-training',
        'model-training CAUSES energy-consumption',
        'liquid-cooling ADDRESSES energy-consumption',
      ]);
      expect(paths[1].edges[2]).toMatchObject({ section: '4.2', evidence: '训练一个AI模型产生的能耗多达五辆汽车一生排放的碳总量' });
    });

    it.each([
      ['large-models', 'liquid-cooling'],
      ['digital-twin', 'edge-intelligence'],
      ['metaverse', 'tensorflow'],
      ['aigc', 'healthcare'],
      ['gpu', 'gpu'],
    ])('with first: 1 from %s to %s, answers exactly shortestPath', async (from, to) => {
      const [best] = await store.allShortestPaths({ from, to, maxDepth: 6, first: 1 });
      expect(best).toEqual(await store.shortestPath({ from, to, maxDepth: 6 }));
      expect(best.nodes.map((n) => n.id)).toEqual(from === to ? [from] : bestShortestPath(from, to));
    });

    it('cuts the list at first, keeping its order', async () => {
      const all = await store.allShortestPaths({ from: 'large-models', to: 'liquid-cooling', maxDepth: 6, first: 100 });
      const three = await store.allShortestPaths({ from: 'large-models', to: 'liquid-cooling', maxDepth: 6, first: 3 });
      expect(three).toEqual(all.slice(0, 3));
    });

    it('answers an empty list when no path is within maxDepth, when the types cut the ends apart, and for unknown ends', async () => {
      expect(await store.allShortestPaths({ from: 'large-models', to: 'liquid-cooling', maxDepth: 3, first: 10 })).toEqual([]);
      expect(await store.allShortestPaths({ from: 'large-models', to: 'liquid-cooling', maxDepth: 6, types: ['MEASURES'], first: 10 })).toEqual([]);
      expect(await store.allShortestPaths({ from: 'gpu', to: 'no-such-id', maxDepth: 6, first: 10 })).toEqual([]);
    });
  });

  describe('metrics', () => {
    it('filters by subject name in Chinese, region alias and year', async () => {
      const found = await store.metrics({ subject: '智能算力', region: '中国', year: 2022 });
      expect(found.map((m) => [m.value, m.unit])).toContainEqual([41, 'EFLOPS']);
      expect(found.every((m) => m.region === 'China' && m.year === 2022)).toBe(true);
    });

    it('filters by subject id alone, ordered by year', async () => {
      const found = await store.metrics({ subject: 'intelligent-computing-power' });
      const years = found.map((m) => m.year!);
      expect(years).toEqual([...years].sort((a, b) => a - b));
      expect(found.map((m) => m.value)).toEqual(expect.arrayContaining([142, 41, 1271.4]));
    });

    it('returns nothing for an unknown subject or region', async () => {
      expect(await store.metrics({ subject: 'no such thing' })).toEqual([]);
      expect(await store.metrics({ region: 'Atlantis' })).toEqual([]);
    });
  });

  describe('stats', () => {
    it('counts every kind and relation type of the seed', async () => {
      const stats = await store.stats();
      expect(stats.entities).toBe(seed.entities.length);
      expect(stats.relations).toBe(seed.relations.length);
      expect(stats.kinds.find((k) => k.kind === 'Section')?.count).toBe(35);
      expect(stats.kinds.reduce((n, k) => n + k.count, 0)).toBe(seed.entities.length);
      expect(stats.relationTypes.reduce((n, t) => n + t.count, 0)).toBe(seed.relations.length);
    });
  });
});
