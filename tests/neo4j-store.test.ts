/**
 * The Neo4j store without a server: a recording session stands in for the driver's, so these tests see exactly
 * which statements each port operation sends with which parameters, and how answers are mapped back.
 */
import neo4j from 'neo4j-driver';
import { afterEach, describe, expect, it } from 'vitest';
import { Neo4jStore } from '../src/graph/neo4j/store.js';
import { STATEMENTS } from '../src/graph/neo4j/statements.js';
import { nodeRow, seedNeo4j } from '../src/graph/neo4j/seed.js';
import { EmbeddedStore } from '../src/graph/embedded/store.js';
import { graphVersion } from '../src/graph/version.js';
import { StoreUnavailable } from '../src/graph/types.js';
import { realSeed } from './helpers.js';

interface Sent {
  name: string;
  params: Record<string, unknown>;
}

const byCypher = new Map(Object.entries(STATEMENTS).map(([name, s]) => [s.cypher, name]));

function recordingStore(answer: (name: string, params: Record<string, unknown>) => Record<string, unknown>[] = () => []) {
  const store = new Neo4jStore({
    uri: 'neo4j://127.0.0.1:1', user: 'neo4j', password: 'x', database: 'neo4j',
    transactionTimeoutMs: 1000, connectionTimeoutMs: 1000, maxRetryTimeMs: 0, versionCheckMs: 1000,
  });
  const sent: Sent[] = [];
  const run = async (cypher: string, params: Record<string, unknown> = {}) => {
    const name = byCypher.get(cypher);
    if (!name) throw new Error(`a statement outside STATEMENTS was sent: ${cypher}`);
    sent.push({ name, params });
    return { records: answer(name, params).map((row) => ({ get: (key: string) => row[key] })) };
  };
  (store.driver as unknown as { session: unknown }).session = () => ({
    executeRead: (work: (tx: unknown) => unknown) => work({ run }),
    executeWrite: (work: (tx: unknown) => unknown) => work({ run }),
    run,
    close: async () => {},
  });
  return { store, sent };
}

let open: Neo4jStore[] = [];
afterEach(async () => {
  await Promise.all(open.map((s) => s.close()));
  open = [];
});

describe('the Neo4j store', () => {
  it('sends one named statement per port operation, with exactly the parameters declared to the linter', async () => {
    const { store, sent } = recordingStore((name) => {
      if (name === 'listEntities') return [{ totalCount: neo4j.int(0), items: [] }];
      if (name === 'stats') return [{ kinds: [], relationTypes: [] }];
      return [];
    });
    open.push(store);
    await store.getEntities(['gpu']);
    await store.listEntities({ offset: 0, limit: 10 });
    await store.relationsOf(['gpu']);
    await store.search({ text: '算', limit: 5 });
    await store.neighborhood({ id: 'gpu', depth: 2, limit: 10 });
    await store.shortestPath({ from: 'gpu', to: 'cpu', maxDepth: 4 });
    await store.metrics({ subject: '智能算力', region: 'China', year: 2022 });
    await store.stats();
    await store.ready();
    expect(sent.map((s) => s.name)).toEqual([
      'getEntities', 'listEntities', 'relationsOf', 'searchCandidates', 'neighborhood', 'shortestPathDag', 'metrics', 'stats', 'ping',
    ]);
    for (const { name, params } of sent) {
      expect(Object.keys(params).sort(), name).toEqual(Object.keys(STATEMENTS[name as keyof typeof STATEMENTS].params).sort());
    }
  });

  it('sends LIMIT and SKIP values as Neo4j integers and search keys normalised', async () => {
    const { store, sent } = recordingStore((name) => (name === 'listEntities' ? [{ totalCount: neo4j.int(3), items: [] }] : []));
    open.push(store);
    await store.listEntities({ kind: 'Challenge', offset: 20, limit: 10 });
    await store.metrics({ subject: 'Intelligent Computing Power' });
    expect(neo4j.isInt(sent[0].params.offset)).toBe(true);
    expect(sent[0].params).toMatchObject({ kind: 'Challenge' });
    expect(sent[1].params).toEqual({ subjectKey: 'intelligentcomputingpower', regionKey: null, year: null, indicator: null });
  });

  it('maps Neo4j integers to numbers and keeps search-only properties out of records', async () => {
    const row = nodeRow(realSeed().entities.find((e) => e.id === 'metric-china-intelligent-computing-power-2022')!);
    expect(neo4j.isInt(row.year)).toBe(true);
    const { store } = recordingStore(() => [{ entity: row }]);
    open.push(store);
    const [metric] = await store.getEntities(['metric-china-intelligent-computing-power-2022']);
    expect(metric).toMatchObject({ value: 41, year: 2022, unit: 'EFLOPS' });
    expect(metric).not.toHaveProperty('keys');
    expect(metric).not.toHaveProperty('aliasText');
  });

  it('refuses an integer too large for a JS number instead of rounding it', async () => {
    const { store } = recordingStore(() => [{ totalCount: neo4j.int('9007199254740993'), items: [] }]);
    open.push(store);
    await expect(store.listEntities({ offset: 0, limit: 1 })).rejects.toThrow(/outside the safe range/);
  });

  it('ranks the candidates the statement returns as the embedded store does, without search-only properties', async () => {
    const seed = realSeed();
    const rows = seed.entities.map(nodeRow);
    const { store } = recordingStore((name, params) => {
      if (name !== 'searchCandidates') return [];
      const words = params.words as { text: string }[];
      return rows.filter((r) => words.every((w) => (r.keys as string[]).some((k) => k.includes(w.text)))).map((entity) => ({ entity }));
    });
    open.push(store);
    const hits = await store.search({ text: '边缘计算', limit: 5 });
    const embedded = await new EmbeddedStore(seed).search({ text: '边缘计算', limit: 5 });
    expect(hits.map((h) => [h.entity.id, h.score])).toEqual(embedded.map((h) => [h.entity.id, h.score]));
    expect(hits[0]).toMatchObject({ entity: { id: 'edge-computing' }, score: 1 });
    expect(hits[0].entity).not.toHaveProperty('fuzzyKeys');
  });

  it('seeds constraints and indexes first, then one MERGE batch per kind and type, then prunes, then stamps the data version', async () => {
    const { store, sent } = recordingStore((name) => (name === 'counts' ? [{ nodes: neo4j.int(1), relationships: neo4j.int(2) }] : [{ removed: neo4j.int(0) }]));
    open.push(store);
    const report = await seedNeo4j(store, realSeed(), { prune: true });
    const names = sent.map((s) => s.name);
    expect(names.slice(0, 4)).toEqual(['createIdConstraint', 'createKindIndex', 'createNameIndex', 'awaitIndexes']);
    expect(names).toContain('upsertNodesTechnology');
    expect(names).toContain('upsertRelationsADDRESSES');
    expect(names.slice(-4)).toEqual(['pruneEntities', 'pruneRelations', 'stampDataVersion', 'counts']);
    expect(sent.find((s) => s.name === 'stampDataVersion')?.params).toEqual({ version: graphVersion(realSeed()) });
    const written = sent.filter((s) => s.name.startsWith('upsertNodes')).reduce((n, s) => n + (s.params.rows as unknown[]).length, 0);
    expect(written).toBe(realSeed().entities.length);
    expect(report).toEqual({ nodes: 1, relationships: 2, prunedNodes: 0, prunedRelationships: 0 });
  });
});

describe('searching Neo4j for punctuation alone', () => {
  it('sends nothing: text without a letter, digit or Han character matches nothing, as in the embedded store', async () => {
    const { store, sent } = recordingStore();
    open.push(store);
    expect(await store.search({ text: '()', limit: 5 })).toEqual([]);
    expect(sent).toEqual([]);
  });
});

describe('seeding in batches', () => {
  it('writes every relation once, in batches of at most 500 rows, none empty', async () => {
    const { store, sent } = recordingStore((name) => (name === 'counts' ? [{ nodes: neo4j.int(1), relationships: neo4j.int(2) }] : [{ removed: neo4j.int(3) }]));
    open.push(store);
    const report = await seedNeo4j(store, realSeed(), { prune: true });
    const batches = sent.filter((s) => s.name.startsWith('upsert')).map((s) => (s.params.rows as unknown[]).length);
    expect(Math.max(...batches)).toBe(500);
    expect(Math.min(...batches)).toBeGreaterThan(0);
    const relations = sent.filter((s) => s.name.startsWith('upsertRelations')).reduce((n, s) => n + (s.params.rows as unknown[]).length, 0);
    expect(relations).toBe(realSeed().relations.length);
    // MENTIONED_IN has 955 relations: two batches, 500 and 455.
    expect(sent.filter((s) => s.name === 'upsertRelationsMENTIONED_IN').map((s) => (s.params.rows as unknown[]).length)).toEqual([500, 455]);
    expect(report).toEqual({ nodes: 1, relationships: 2, prunedNodes: 3, prunedRelationships: 3 });
    expect(sent.find((s) => s.name === 'pruneEntities')!.params).toEqual({ ids: realSeed().entities.map((e) => e.id) });
    const keys = sent.find((s) => s.name === 'pruneRelations')!.params.keys as string[];
    expect(keys).toHaveLength(realSeed().relations.length);
    expect(keys).toContain('ADDRESSES|liquid-cooling|energy-consumption');
    const first = realSeed().relations.find((r) => r.type === 'ADDRESSES')!;
    expect((sent.find((s) => s.name === 'upsertRelationsADDRESSES')!.params.rows as unknown[])[0]).toEqual({ source: first.source, target: first.target, section: first.section, evidence: first.evidence });
  });

  it("stores a metric's year as a Neo4j integer and leaves absent fields out", () => {
    const metric = realSeed().entities.find((e) => e.kind === 'Metric' && typeof e.year === 'number')!;
    const row = nodeRow(metric);
    expect(neo4j.isInt(row.year)).toBe(true);
    expect((row.year as { toNumber(): number }).toNumber()).toBe(metric.year);
    const plain = nodeRow(realSeed().entities.find((e) => e.id === 'liquid-cooling')!);
    expect('year' in plain).toBe(false);
    expect(Object.values(plain).includes(undefined)).toBe(false);
    const sparse = nodeRow({ ...realSeed().entities.find((e) => e.id === 'liquid-cooling')!, region: undefined, year: undefined });
    expect(Object.keys(sparse).filter((k) => k === 'region' || k === 'year')).toEqual([]);
  });
});

describe('resolving names on Neo4j', () => {
  it('prefers, per name, an entity over a section or figure, then the smallest id, whatever order the rows come in', async () => {
    const rows = [
      { id: 'b-entity', kind: 'Technology', matched: ['twin'] },
      { id: 'section-9', kind: 'Section', matched: ['part'] },
      { id: 'z-entity', kind: 'Concept', matched: ['part'] },
      { id: 'a-entity', kind: 'Technology', matched: ['twin'] },
      { id: 'figure-9', kind: 'Figure', matched: ['part'] },
      { id: 'figure-2', kind: 'Figure', matched: ['parts'] },
      { id: 'figure-1', kind: 'Figure', matched: ['parts'] },
    ];
    for (const order of [rows, [...rows].reverse()]) {
      const { store, sent } = recordingStore((name) => (name === 'resolveRefs' ? order : []));
      open.push(store);
      expect(await store.resolve(['Twin', 'PART', 'parts', 'nothing'])).toEqual(['a-entity', 'z-entity', 'figure-1', null]);
      expect(sent).toEqual([{ name: 'resolveRefs', params: { keys: ['twin', 'part', 'parts', 'nothing'] } }]);
    }
  });

  it('asks nothing for no names', async () => {
    const { store, sent } = recordingStore();
    open.push(store);
    expect(await store.resolve([])).toEqual([]);
    expect(sent).toEqual([]);
  });

  it('waits up to 120 s for the indexes when seeding', async () => {
    const { store, sent } = recordingStore((name) => (name === 'counts' ? [{ nodes: neo4j.int(1), relationships: neo4j.int(2) }] : []));
    open.push(store);
    await seedNeo4j(store, realSeed(), { prune: false });
    const wait = sent.find((s) => s.name === 'awaitIndexes')!;
    expect(neo4j.isInt(wait.params.seconds) && (wait.params.seconds as { toNumber(): number }).toNumber()).toBe(120);
    expect(sent.some((s) => s.name.startsWith('prune'))).toBe(false);
  });
});

describe('the Neo4j store on odd answers and failures', () => {
  it('reads a node without aliases or sections as empty lists, and keeps the search-only properties in the database', async () => {
    const node = { id: 'x', kind: 'Concept', name: 'X', nameZh: '艾克斯', description: 'd', descriptionZh: 'd', keys: ['x'], aliasText: '', fuzzyKeys: ['x'] };
    const { store } = recordingStore((name) => (name === 'getEntities' ? [{ entity: node }] : []));
    open.push(store);
    expect(await store.getEntities(['x', 'y'])).toEqual([{ id: 'x', kind: 'Concept', name: 'X', nameZh: '艾克斯', description: 'd', descriptionZh: 'd', aliases: [], sections: [] }, null]);
  });

  it('turns a transient Neo4j error into StoreUnavailable with its first line, and passes any other error through', async () => {
    const failing = (code: string) => {
      const { store } = recordingStore(() => {
        throw Object.assign(new Error('first line\nsecond line'), { code });
      });
      open.push(store);
      return store;
    };
    const transient = await failing('Neo.TransientError.Transaction.DeadlockDetected').getEntities(['x']).catch((e: unknown) => e);
    expect(transient).toBeInstanceOf(StoreUnavailable);
    expect((transient as Error).message).toBe('Neo4j cannot answer: first line');
    const listed = await failing('SessionExpired').getEntities(['x']).catch((e: unknown) => e);
    expect(listed).toBeInstanceOf(StoreUnavailable);
    const other = await failing('Neo.ClientError.Statement.SyntaxError').getEntities(['x']).catch((e: unknown) => e);
    expect(other).not.toBeInstanceOf(StoreUnavailable);
    expect((other as { code: string }).code).toBe('Neo.ClientError.Statement.SyntaxError');
  });

  it("keeps the driver's error as the cause of StoreUnavailable, so the log still has what Neo4j said", async () => {
    const thrown = Object.assign(new Error('first line\nsecond line'), { code: 'ServiceUnavailable' });
    const { store } = recordingStore(() => {
      throw thrown;
    });
    open.push(store);
    const error = await store.getEntities(['x']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailable);
    expect((error as Error).cause).toBe(thrown);
  });

  it('gives a neighbourhood without relations no edges: the all-null relation of its OPTIONAL MATCH is dropped', async () => {
    const node = { id: 'x', kind: 'Concept', name: 'X', nameZh: '艾克斯', description: 'd', descriptionZh: 'd', aliases: [], sections: [] };
    const noRelation = { type: null, source: null, target: null, section: null, evidence: null };
    const { store } = recordingStore((name) =>
      name === 'neighborhood' ? [{ nodes: [node], members: [{ distance: neo4j.int(0), degree: neo4j.int(0) }], edges: [noRelation] }] : [],
    );
    open.push(store);
    expect(await store.neighborhood({ id: 'x', depth: 1, limit: 10 })).toEqual({
      nodes: [node],
      edges: [],
      members: [{ distance: 0, degree: 0, expanded: true }],
    });
  });

  it('names an unstamped database a new unversioned version per read, and reads again after a failed read', async () => {
    let fail = true;
    const { store, sent } = recordingStore((name) => {
      if (name === 'dataVersion' && fail) throw Object.assign(new Error('down'), { code: 'ServiceUnavailable' });
      return [];
    });
    open.push(store);
    await expect(store.dataVersion()).rejects.toBeInstanceOf(StoreUnavailable);
    fail = false;
    expect(await store.dataVersion()).toBe('unversioned-1');
    // Within versionCheckMs the version is not read again.
    expect(await store.dataVersion()).toBe('unversioned-1');
    expect(sent.filter((s) => s.name === 'dataVersion')).toHaveLength(2);
  });
});

describe('Neo4j transactions', () => {
  it('runs reads in read transactions and writes in write transactions, each with the configured timeout and database', async () => {
    const store = new Neo4jStore({
      uri: 'neo4j://127.0.0.1:1', user: 'neo4j', password: 'x', database: 'graphdb',
      transactionTimeoutMs: 4321, connectionTimeoutMs: 1000, maxRetryTimeMs: 0, versionCheckMs: 1000,
    });
    open.push(store);
    const seen: string[] = [];
    (store.driver as unknown as { session: unknown }).session = (config: { database: string; defaultAccessMode: string }) => {
      const tx = (kind: string) => (work: (tx: unknown) => unknown, txConfig: { timeout: number }) => {
        seen.push(`${config.database} ${config.defaultAccessMode} ${kind} ${txConfig.timeout}`);
        return work({ run: async () => ({ records: [] }) });
      };
      const run = async (_cypher: string, _params: unknown, runConfig: { timeout: number }) => {
        seen.push(`${config.database} ${config.defaultAccessMode} run ${runConfig.timeout}`);
        return { records: [] };
      };
      return { executeRead: tx('executeRead'), executeWrite: tx('executeWrite'), run, close: async () => {} };
    };
    await store.read('ping');
    await store.write('stampDataVersion', { version: 'v' });
    await store.runSchema('createIdConstraint');
    expect(await store.dataVersion()).toBe('unversioned-1');
    expect(seen).toEqual(['graphdb READ executeRead 4321', 'graphdb WRITE executeWrite 4321', 'graphdb undefined run 4321', 'graphdb READ run 4321']);
  });
});
