/**
 * Values the store port must answer, on both stores, written to kill mutants Stryker found alive (README: "Mutation
 * testing") and the reviewer's planted bugs of issue 12: the search tie-break, the neighbourhood limit, the relation
 * order, and search text with Lucene's special characters reaching the Neo4j store.
 */
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { groupSeries, indicatorNames, summarizeIndicators } from '../src/graph/indicators.js';
import type { MetricUnit } from '../src/graph/vocabulary.js';
import { nodeRow } from '../src/graph/neo4j/seed.js';
import { deletions, editDistance, fuzzyKeys, maxEdits, parseQuery, rankHits, scoreEntity, searchWords, TIERS } from '../src/graph/ranking.js';
import { collapseWhitespace } from '../src/graph/text.js';
import { NameSearch, entryOf } from '../src/graph/embedded/search.js';
import { StoreUnavailable, type EntityRecord, type GraphStore, type RelationRecord } from '../src/graph/types.js';
import { compareRelations, expandedInWalk } from '../src/graph/traversal.js';
import { dagFromRelations } from '../src/graph/paths.js';
import { EmbeddedStore } from '../src/graph/embedded/store.js';
import { Neo4jStore } from '../src/graph/neo4j/store.js';
import { describeEachStore, realSeed } from './helpers.js';

/** A made-up entity: a Concept named by its id, with no aliases, sections or descriptions, unless `fields` says otherwise. */
function record(id: string, fields: Partial<EntityRecord> = {}): EntityRecord {
  return { id, kind: 'Concept', name: id, nameZh: id, aliases: [], sections: [], description: '', descriptionZh: '', ...fields };
}

const ids = (hits: { entity: { id: string } }[]) => hits.map((h) => h.entity.id);
const relationKeys = (relations: RelationRecord[]) => relations.map((r) => `${r.type}:${r.source}:${r.target}`);
/** A relation record for a made-up graph. */
const relation = (type: RelationRecord['type'], source: string, target: string): RelationRecord => ({ type, source, target, section: '1', evidence: 'x' });

describeEachStore('the store port answers exact values', ({ name, open }) => {
  let store: GraphStore;
  beforeAll(() => {
    store = open();
  });
  afterAll(async () => {
    await store?.close();
  });

  it('is named for its kind', () => {
    expect(store.name).toBe(name);
  });

  it('lists entities in id order, by kind and in pages', async () => {
    const seed = realSeed();
    const all = await store.listEntities({ offset: 0, limit: 1000 });
    expect(all.totalCount).toBe(seed.entities.length);
    const sorted = seed.entities.map((e) => e.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(all.items.map((e) => e.id)).toEqual(sorted);
    expect(sorted).not.toEqual(seed.entities.map((e) => e.id));
    const page = await store.listEntities({ kind: 'Challenge', offset: 2, limit: 3 });
    const challenges = sorted.filter((id) => seed.entities.find((e) => e.id === id)!.kind === 'Challenge');
    expect(page.totalCount).toBe(challenges.length);
    expect(page.items.map((e) => e.id)).toEqual(challenges.slice(2, 5));
  });

  it('counts entities per kind and relations per type as the seed holds them', async () => {
    const seed = realSeed();
    const stats = await store.stats();
    expect(stats.entities).toBe(seed.entities.length);
    expect(stats.relations).toBe(seed.relations.length);
    for (const { type, count } of stats.relationTypes) expect(count, type).toBe(seed.relations.filter((r) => r.type === type).length);
    for (const { kind, count } of stats.kinds) expect(count, kind).toBe(seed.entities.filter((e) => e.kind === kind).length);
  });

  it('breaks ties in search scores by ascending id', async () => {
    const hits = await store.search({ text: '算力', limit: 7 });
    expect(hits.map((h) => `${h.entity.id} ${h.score}`)).toEqual([
      'computing-power 1',
      'computing-card 0.9267',
      'computing-power-demand 0.895',
      'computing-power-ecosystem 0.895',
      'computing-power-service 0.895',
      'computing-unit 0.895',
      'section-3-3-1 0.895',
    ]);
    expect(ids(await store.search({ text: '模型', limit: 3 }))).toEqual(['model-optimization', 'model-pruning', 'model-training']);
  });

  it('continues a tied run of hits after the given score and id, not before', async () => {
    const after = { score: 0.895, id: 'computing-power-ecosystem' };
    expect(ids(await store.search({ text: '算力', limit: 3, after }))).toEqual(['computing-power-service', 'computing-unit', 'section-3-3-1']);
  });

  it('returns exactly `limit` nodes of a neighbourhood larger than the limit, the centre included', async () => {
    for (const limit of [1, 2, 10, 37]) {
      const hood = await store.neighborhood({ id: 'intelligent-computing-power', depth: 2, limit });
      expect(hood!.nodes, `limit ${limit}`).toHaveLength(limit);
      expect(hood!.nodes.map((n) => n.id)).toContain('intelligent-computing-power');
    }
  });

  it('returns the whole neighbourhood when it is smaller than the limit', async () => {
    const hood = await store.neighborhood({ id: 'liquid-cooling', depth: 1, limit: 500 });
    const seed = realSeed();
    const allowed = new Set(['liquid-cooling']);
    for (const r of seed.relations) {
      if (r.type === 'MENTIONED_IN') continue;
      if (r.source === 'liquid-cooling') allowed.add(r.target);
      if (r.target === 'liquid-cooling') allowed.add(r.source);
    }
    expect(new Set(hood!.nodes.map((n) => n.id))).toEqual(allowed);
  });

  it("orders an entity's relations by type, then source, then target", async () => {
    const [relations] = await store.relationsOf(['liquid-cooling']);
    const keys = relationKeys(relations);
    expect(keys).toEqual(relationKeys([...relations].sort(compareRelations)));
    // The seed lists them in another order: the store sorts, it does not keep the file's order.
    const fileOrder = realSeed().relations.filter((r) => r.source === 'liquid-cooling' || r.target === 'liquid-cooling');
    expect(keys).not.toEqual(relationKeys(fileOrder));
    expect(new Set(keys)).toEqual(new Set(relationKeys(fileOrder)));
    expect(keys.slice(0, 2)).toEqual(['ADDRESSES:liquid-cooling:energy-consumption', 'IS_A:cold-plate-liquid-cooling:liquid-cooling']);
  });

  it("orders a neighbourhood's edges by type, then source, then target", async () => {
    const hood = await store.neighborhood({ id: 'intelligent-computing-power', depth: 1, limit: 60 });
    const keys = relationKeys(hood!.edges);
    expect(keys.length).toBeGreaterThan(50);
    expect(keys).toEqual(relationKeys([...hood!.edges].sort(compareRelations)));
  });

  it('forgives typos in English words with the fuzzy tier, both words misspelt or one', async () => {
    const top = async (text: string) => (await store.search({ text, limit: 3 })).map((h) => `${h.entity.id} ${h.score}`);
    expect(await top('liqid cooling')).toEqual(['liquid-cooling 0.5637', 'spray-liquid-cooling 0.5393', 'immersion-liquid-cooling 0.5278']);
    expect(await top('nueral network')).toEqual(['neural-network 0.571', 'deep-neural-network 0.5486', 'convolutional-neural-network 0.5235']);
    expect(await top('artifical intelligence')).toEqual(['artificial-intelligence 0.5667', 'artificial-general-intelligence 0.5448', 'baai 0.5285']);
  });

  it("treats Lucene's special characters in search text as plain text", async () => {
    for (const text of ['GPU)', '(GPU', 'GPU~', 'GPU*', '"GPU"', '+GPU', 'GPU && ', 'GPU\\', 'GPU/']) {
      const hits = await store.search({ text, limit: 3 });
      expect(hits[0]?.entity.id, text).toBe('gpu');
    }
    for (const text of ['*', '?', '~', '\\', '"', '()', '[]', '&&', '||', ':']) {
      expect(await store.search({ text, limit: 3 }), text).toEqual([]);
    }
    expect(ids(await store.search({ text: 'cpu+gpu', limit: 1 }))).toEqual(['general-purpose-cpu-gpu-architecture']);
  });
});

describe('an embedded store built inside the test', () => {
  // Built here, not in a hook: Stryker counts a test as covering the store's constructor only when the test runs it.
  const entity = (id: string, kind: EntityRecord['kind'] = 'Concept') => record(id, { kind });

  it('lists entities in id order whatever the order given, files a relation to itself once, and counts relations per type', async () => {
    const store = new EmbeddedStore({
      entities: [entity('c'), entity('a', 'Technology'), entity('b')],
      relations: [relation('USES', 'b', 'c'), relation('ENABLES', 'a', 'a'), relation('USES', 'a', 'b')],
    });
    expect((await store.listEntities({ offset: 0, limit: 10 })).items.map((e) => e.id)).toEqual(['a', 'b', 'c']);
    expect((await store.relationsOf(['a'])).map((list) => relationKeys(list))).toEqual([['ENABLES:a:a', 'USES:a:b']]);
    const { relationTypes } = await store.stats();
    expect(relationTypes.filter((t) => t.count > 0)).toEqual([{ type: 'USES', count: 2 }, { type: 'ENABLES', count: 1 }]);
  });

  it('lists metrics by year, the undated ones last, and in id order within a year and among the undated', async () => {
    const metric = (id: string, year?: number) => record(id, { kind: 'Metric', ...(year === undefined ? {} : { year }) });
    const store = new EmbeddedStore({ entities: [metric('m-e'), metric('m-c', 2021), metric('m-d'), metric('m-a'), metric('m-b', 2021), metric('m-f', 2020)], relations: [] });
    expect((await store.metrics({})).map((m) => m.id)).toEqual(['m-f', 'm-b', 'm-c', 'm-a', 'm-d', 'm-e']);
  });

  it("answers a subject's metrics with those that measure it, not those sourced from it, nor a metric's own", async () => {
    const store = new EmbeddedStore({
      entities: [entity('m-1', 'Metric'), entity('m-2', 'Metric'), entity('m-3', 'Metric'), entity('s'), entity('t')],
      relations: [relation('MEASURES', 'm-1', 's'), relation('SOURCED_FROM', 'm-2', 's'), relation('MEASURES', 'm-3', 't')],
    });
    expect((await store.metrics({ subject: 's' })).map((m) => m.id)).toEqual(['m-1']);
    expect(await store.metrics({ subject: 'm-1' })).toEqual([]);
  });

  it('never steps along a relation of a type not followed, even one joining two shortest paths a step apart', async () => {
    // f-a-c-t and f-b-d-t use USES; a MENTIONED_IN joins a (two steps from t) to d (one step from t).
    const uses = (source: string, target: string) => relation('USES', source, target);
    const store = new EmbeddedStore({
      entities: ['a', 'b', 'c', 'd', 'f', 't'].map((id) => entity(id)),
      relations: [uses('f', 'a'), uses('a', 'c'), uses('c', 't'), uses('f', 'b'), uses('b', 'd'), uses('d', 't'), relation('MENTIONED_IN', 'a', 'd')],
    });
    const paths = await store.allShortestPaths({ from: 'f', to: 't', maxDepth: 5, first: 10, types: ['USES'] });
    expect(paths.map((p) => p.nodes.map((n) => n.id).join('>'))).toEqual(['f>a>c>t', 'f>b>d>t']);
  });
});

describe("the Neo4j store's shortest-path steps", () => {
  it('steps between two nodes by the first of their relations in relation order, whatever order they were fetched in', () => {
    // a is one step from the end b; two relations join them, the later one in relation order fetched last.
    const distance = new Map([['a', 1], ['b', 0]]);
    const degree = new Map([['a', 2], ['b', 2]]);
    const first = relation('ENABLES', 'a', 'b');
    const later = relation('USES', 'b', 'a');
    expect(compareRelations(first, later)).toBeLessThan(0);
    for (const fetched of [[first, later], [later, first]]) {
      const dag = dagFromRelations(distance, degree, fetched);
      expect(dag.next('a')).toEqual(['b', 'b']);
      expect(dag.edge('a', 'b')).toBe(first);
    }
  });
});

describe('indicator names', () => {
  it('reads an indicator the names table lacks from its slug, with AI, XR and CAGR in capitals', () => {
    expect(indicatorNames('ai-xr-cagr-of-servers')).toEqual({ name: 'AI XR CAGR of servers', nameZh: 'ai-xr-cagr-of-servers' });
    expect(indicatorNames('server-count')).toEqual({ name: 'Server count', nameZh: 'server-count' });
  });

  it('takes the names table first', () => {
    expect(indicatorNames('data-volume')).toEqual({ name: 'Data volume', nameZh: '数据总量' });
  });
});

describe('the node the seeder writes', () => {
  it('holds the aliases as one text, space-separated, for the full-text index', () => {
    const e = realSeed().entities.find((x) => x.id === 'liquid-cooling')!;
    const row = nodeRow(e);
    expect(row.aliasText).toBe('液冷 liquid cooling technology');
    expect(row.keys).toEqual(['liquid-cooling', 'liquidcooling', '液冷技术', '液冷', 'liquidcoolingtechnology']);
  });
});

describe('the edit distance', () => {
  it('measures words longer than its first buffer (32 letters) as it does short ones', () => {
    const long = 'a'.repeat(45);
    expect(editDistance(long, `${'a'.repeat(44)}b`, 2)).toBe(1);
    expect(editDistance(`${long}xy`, `${long}yx`, 2)).toBe(1);
    expect(editDistance('abc', 'abd', 2)).toBe(1);
    expect(editDistance(long, 'b'.repeat(45), 2)).toBe(3);
  });
});

describe('name resolution in the embedded store', () => {
  const entity = (id: string, kind: EntityRecord['kind'], name: string) => record(id, { kind, name, nameZh: `${name}中` });

  it('gives a name shared with a section or figure to the entity, even when the section sorts first', async () => {
    const store = new EmbeddedStore({
      entities: [entity('a-section', 'Section', 'Twin'), entity('b-figure', 'Figure', 'Pair'), entity('z-entity', 'Technology', 'Twin'), entity('y-entity', 'Concept', 'Pair'), entity('c-figure', 'Figure', 'Parts'), entity('d-section', 'Section', 'Parts')],
      relations: [],
    });
    expect(await store.resolve(['twin', 'PAIR', 'parts', 'none'])).toEqual(['z-entity', 'y-entity', 'c-figure', null]);
  });
});

describe("the embedded store's name index", () => {
  const concept = (id: string, name: string) => record(id, { name, nameZh: name });
  const found = (index: NameSearch, text: string) => index.search(text, undefined, 1000).map((h) => `${h.entity.id} ${h.score}`);

  it('files an entity once under a pair of characters its name repeats, and the entities after it under that pair too', () => {
    // "abab" holds the pair "ab" twice; "ab" comes after it and must still be found by its only pair.
    const index = new NameSearch([concept('cd', 'Cd'), concept('abab', 'Abab'), concept('ab', 'Ab')].map(entryOf));
    expect(found(index, 'ab')).toEqual(['ab 1', 'abab 0.895']);
  });

  it('forgives a typo in an English word of any entity, as a scan of every entity of the seed does', () => {
    const seed = realSeed();
    const index = new NameSearch(seed.entities.map(entryOf));
    for (const text of ['liqid', 'liqid cooling', 'nueral network', 'artifical intelligence', 'procesor']) {
      const scanned = rankHits(text, seed.entities, { limit: 1000 }).map((h) => `${h.entity.id} ${h.score}`);
      // Typos only: no name holds these words as they are written.
      expect(scanned.length, text).toBeGreaterThan(0);
      expect(rankHits(text, seed.entities, { limit: 1000 }).every((h) => h.score < TIERS.contains), text).toBe(true);
      expect(found(index, text), text).toEqual(scanned);
    }
  });
});

describe('indicator summaries and series', () => {
  it("lists each indicator's years ascending, whatever order its metrics come in", () => {
    const metrics = realSeed().entities.filter((e) => e.kind === 'Metric');
    const expected = summarizeIndicators(metrics).map((i) => ({ slug: i.slug, years: [...i.years].sort((a, b) => a - b) }));
    expect(expected.filter((i) => i.years.length > 1).length).toBeGreaterThan(2);
    for (const order of [metrics, [...metrics].reverse()]) {
      expect(summarizeIndicators(order).map((i) => ({ slug: i.slug, years: i.years }))).toEqual(expected);
    }
  });

  it('orders the series of one subject by region, those without a region last, then by unit code', () => {
    const metric = (id: string, region: string | undefined, unitCode: MetricUnit) =>
      record(id, { kind: 'Metric', indicator: 'x', unitCode, unit: unitCode, unitZh: unitCode, ...(region === undefined ? {} : { region }) });
    const metrics = [metric('m1', undefined, 'PERCENT'), metric('m2', 'Global', 'EFLOPS'), metric('m3', undefined, 'EFLOPS'), metric('m4', 'China', 'PERCENT'), metric('m5', 'China', 'EFLOPS')];
    const series = groupSeries(metrics, () => 'subject');
    expect(series.map((s) => `${s.region ?? '-'} ${s.unitCode}`)).toEqual(['China EFLOPS', 'China PERCENT', 'Global EFLOPS', '- EFLOPS', '- PERCENT']);
  });
});

describe('the Neo4j store and its driver', () => {
  const settings = (uri = 'neo4j://127.0.0.1:1') => ({
    uri, user: 'neo4j', password: 'x', database: 'neo4j', transactionTimeoutMs: 1000, connectionTimeoutMs: 500, maxRetryTimeMs: 0, versionCheckMs: 1000,
  });

  /** A store whose driver's sessions answer every statement with the rows `answer()` gives, counting opens and closes. */
  function answeringStore(answer: () => Promise<Record<string, unknown>[]>) {
    const store = new Neo4jStore(settings());
    const sessions = { opened: 0, closed: 0 };
    (store.driver as unknown as { session: unknown }).session = () => {
      sessions.opened++;
      const run = async () => ({ records: (await answer()).map((row) => ({ get: (key: string) => row[key] })) });
      const inTransaction = (work: (tx: unknown) => unknown) => work({ run });
      return { run, executeRead: inTransaction, executeWrite: inTransaction, close: async () => void sessions.closed++ };
    };
    return { store, sessions };
  }

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('reports itself ready when a trivial read succeeds, and not when it fails', async () => {
    let fail = false;
    const { store } = answeringStore(async () => {
      if (fail) throw Object.assign(new Error('down'), { code: 'ServiceUnavailable' });
      return [];
    });
    expect(await store.ready()).toBe(true);
    fail = true;
    expect(await store.ready()).toBe(false);
  });

  it('closes every session it opens, after a statement and after a failure', async () => {
    let fail = false;
    const { store, sessions } = answeringStore(async () => {
      if (fail) throw new Error('boom');
      return [{ version: 'v1' }];
    });
    await store.runSchema('createIdConstraint');
    expect(await store.dataVersion()).toBe('v1');
    await store.read('ping');
    fail = true;
    await expect(store.runSchema('createIdConstraint')).rejects.toThrow('boom');
    expect(sessions).toEqual({ opened: 4, closed: 4 });
  });

  it('reads the data version again once versionCheckMs has passed, and not a moment before', async () => {
    let reads = 0;
    const { store } = answeringStore(async () => [{ version: `v${++reads}` }]);
    const now = vi.spyOn(performance, 'now');
    now.mockReturnValue(5000);
    expect(await store.dataVersion()).toBe('v1');
    now.mockReturnValue(5999);
    expect(await store.dataVersion()).toBe('v1');
    now.mockReturnValue(6000);
    expect(await store.dataVersion()).toBe('v2');
  });

  it('keeps a newer data version when an older read fails after it', async () => {
    let reads = 0;
    let failFirst: (error: Error) => void = () => {};
    const { store, sessions } = answeringStore(() => {
      reads++;
      if (reads === 1) return new Promise((_, reject) => (failFirst = reject));
      return Promise.resolve([{ version: `v${reads}` }]);
    });
    const now = vi.spyOn(performance, 'now');
    now.mockReturnValue(5000);
    const first = store.dataVersion();
    now.mockReturnValue(6000);
    expect(await store.dataVersion()).toBe('v2');
    failFirst(new Error('late failure'));
    await expect(first).rejects.toThrow('late failure');
    // Still within versionCheckMs of the second read: its version stands, and nothing is read again.
    expect(await store.dataVersion()).toBe('v2');
    expect(sessions.opened).toBe(2);
  });

  /** A server that accepts Bolt's handshake (version 4.4) and then never answers: what the driver sends is kept. */
  async function silentBoltServer() {
    const received: Buffer[] = [];
    const sockets = new Set<Socket>();
    const server = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      let greeted = false;
      socket.on('data', (data) => {
        received.push(data);
        if (!greeted) socket.write(Buffer.from([0, 0, 4, 4]));
        greeted = true;
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return {
      uri: `bolt://127.0.0.1:${port}`,
      sockets,
      sent: () => Buffer.concat(received).toString('latin1'),
      close: () => new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
    };
  }

  it('names itself intelligent-computing-kg to the server, and gives up on one that never answers after connectionTimeoutMs', async () => {
    const server = await silentBoltServer();
    const store = new Neo4jStore(settings(server.uri));
    try {
      const started = performance.now();
      const ready = store.ready();
      await vi.waitFor(() => expect(server.sent()).toContain('user_agent'), { timeout: 5000 });
      expect(server.sent()).toContain('intelligent-computing-kg');
      expect(await ready).toBe(false);
      // The driver's own default is 30 s; 500 ms are asked for.
      expect(performance.now() - started).toBeLessThan(15_000);
    } finally {
      await store.close();
      await server.close();
    }
  });

  it('closes its connections to the server when it is closed', async () => {
    const server = await silentBoltServer();
    const store = new Neo4jStore(settings(server.uri));
    try {
      expect(await store.ready()).toBe(false);
      expect(server.sockets.size).toBe(1);
      await store.close();
      await vi.waitFor(() => expect(server.sockets.size).toBe(0), { timeout: 5000 });
    } finally {
      await store.close();
      await server.close();
    }
  });
});

// tests/search-model.test.ts asserts these too, but the mutation runs leave that file out (vitest.mutate.config.ts).
describe('the words of a search and the typos they forgive', () => {
  it('reads Latin words and Han runs, in lower case and half width, and no word in punctuation', () => {
    expect(searchWords('ＧＰＵ 与 C++、cpu+gpu 液冷')).toEqual(['gpu', '与', 'c++', 'cpu', 'gpu', '液冷']);
    expect(searchWords('() —!?')).toEqual([]);
  });

  it('forgives no typo up to 3 letters, one from 4, two from 8, and none in a word with digits wherever they stand', () => {
    expect(['gpu', 'cool', 'cooling', 'learning', 'h100abcd', 'abcd2023', '4090abcd'].map(maxEdits)).toEqual([0, 1, 1, 2, 0, 0, 0]);
  });

  it('looks for the words of a query unless every one is a lone Han character', () => {
    expect(parseQuery('的 算').words).toEqual([]);
    expect(parseQuery('算 gpu').words.map((w) => w.text)).toEqual(['算', 'gpu']);
  });

  const named = (id: string, name: string, aliases: string[] = []) => record(id, { name, nameZh: '无关', aliases });
  const tiersOf = (text: string, entities: EntityRecord[]) => rankHits(text, entities, { limit: 10 }).map((h) => [h.entity.id, Object.values(TIERS).find((tier) => h.score >= tier)]);

  it('takes a query as an unfinished word only where it stops inside a word of the name', () => {
    expect(tiersOf('liquid coo', [named('liquid-cooling', 'Liquid cooling')])).toEqual([['liquid-cooling', TIERS.prefix]]);
    // "c+" stops between the two plus signs of C++, which are no word.
    expect(tiersOf('c+', [named('cpp', 'C++')])).toEqual([]);
  });

  it('holds a query word in a name as a whole word or as the beginning of one, from 3 letters', () => {
    const cooling = [named('liquid-cooling', 'Liquid cooling')];
    expect(tiersOf('cooling liq', cooling)).toEqual([['liquid-cooling', TIERS.contains]]);
    expect(tiersOf('cooling li', cooling)).toEqual([]);
  });

  it('forgives typos only against words of letters alone', () => {
    const gpu4 = [named('graphics-four', 'GPU4', ['4GPU'])];
    expect(tiersOf('gpus', gpu4)).toEqual([]);
    expect(tiersOf('agpu', gpu4)).toEqual([]);
    expect(tiersOf('gpus', [named('graphics', 'GPU')])).toEqual([['graphics', TIERS.fuzzy]]);
  });

  it('counts the fewest typos a query word needs, whichever word of the name comes first', () => {
    // inteligence is one edit from intelligence and two from intelligense.
    const query = parseQuery('inteligence');
    const first = scoreEntity(query, named('a', 'intelligence intelligense'));
    expect(first).toBeGreaterThan(TIERS.fuzzy);
    expect(scoreEntity(query, named('b', 'intelligense intelligence'))).toBe(first);
  });

  it('scores nothing for a query of punctuation alone', () => {
    expect(scoreEntity(parseQuery('()'), named('x', 'X'))).toBe(0);
    expect(tiersOf('—', [named('dash', '—')])).toEqual([]);
  });

  it('caps an edit distance at the limit plus one, also when the lengths alone exceed it', () => {
    expect(editDistance('', 'abcd', 1)).toBe(2);
    expect(editDistance('ab', 'abcdef', 1)).toBe(2);
    expect(editDistance('abcd', 'abce', 1)).toBe(1);
    // The rows are reused across calls: a distance must not read what an earlier call left there.
    expect(editDistance('interconnect', 'interconnection', 3)).toBe(3);
    expect(editDistance('x', 'abcd', 5)).toBe(4);
    expect(editDistance('', 'abc', 5)).toBe(3);
    // Only two letters swapped count as one edit: a letter that merely recurs a place later does not.
    expect(editDistance('ax', 'ya', 2)).toBe(2);
    expect(editDistance('xa', 'ay', 2)).toBe(2);
    expect(editDistance('ax', 'xa', 2)).toBe(1);
  });
});

// The Neo4j store keeps each entity's fuzzy keys in the database, written by the suite's global setup before any
// mutant is active, so only these direct tests can catch a mutant of fuzzyKeys or deletions.
describe('the fuzzy keys an entity is stored with', () => {
  it('makes every string up to n letters shorter, the word itself included', () => {
    expect(deletions('abc', 1).sort()).toEqual(['ab', 'abc', 'ac', 'bc']);
    expect(deletions('abc', 2).sort()).toEqual(['a', 'ab', 'abc', 'ac', 'b', 'bc', 'c']);
  });

  it('keys the Latin words of 3 letters and more, with two deletions from 6 letters, sorted', () => {
    const entity = record('gpu-planet', { name: 'GPU planet', nameZh: '集群', aliases: ['cloud', 'AI', 'H100', 'A100x'] });
    const keys = fuzzyKeys(entity);
    expect(keys).toEqual([...new Set([...deletions('gpu', 1), ...deletions('planet', 2), ...deletions('cloud', 1)])].sort());
    expect(keys).toHaveLength(4 + 22 + 6);
    for (const absent of ['ai', 'a', 'h100', 'a100x', '集群', 'g', 'clo']) expect(keys).not.toContain(absent);
  });
});

describe('small shared rules', () => {
  it('collapses whitespace runs to one space and trims the ends', () => {
    expect(collapseWhitespace('  智能\n\t 算力  ')).toBe('智能 算力');
  });

  it('expands the centre of a walk whatever its degree, and another node only up to maxDegree', () => {
    expect(expandedInWalk(0, 10, 2, 5)).toBe(true);
    expect(expandedInWalk(1, 5, 2, 5)).toBe(true);
    expect(expandedInWalk(1, 6, 2, 5)).toBe(false);
    expect(expandedInWalk(2, 1, 2, 5)).toBe(false);
  });

  it('names a store outage StoreUnavailable', () => {
    expect(new StoreUnavailable('down').name).toBe('StoreUnavailable');
  });
});
