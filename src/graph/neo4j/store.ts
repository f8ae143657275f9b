/** The production store: the same port answered by Neo4j through the official driver, one named statement per operation. */
import neo4j, { type Driver, type QueryResult, type RecordShape } from 'neo4j-driver';
import type {
  EntityKind,
  EntityRecord,
  GraphStore,
  MetricFilter,
  Neighborhood,
  NeighborhoodArgs,
  RelationRecord,
  RelationType,
  SearchAfter,
  SearchHit,
  Stats,
  Subgraph,
} from '../types.js';
import { ENTITY_KINDS, RELATION_TYPES, isDocumentPart } from '../vocabulary.js';
import { nameKey } from '../text.js';
import { compareIds, compareRelations, defaultTraversalTypes, expandedInWalk } from '../traversal.js';
import { bestShortestPaths, dagFromRelations, toPaths } from '../paths.js';
import { SEARCH_ONLY, STATEMENTS, type StatementName } from './statements.js';
import { toPlain } from './values.js';
import { searchParams } from './search.js';
import { rankHits } from '../ranking.js';
import { StoreUnavailable } from '../types.js';

/** What the store needs to reach Neo4j; src/config.ts reads it from the environment. */
export interface Neo4jSettings {
  uri: string;
  user: string;
  password: string;
  database: string;
  transactionTimeoutMs: number;
  connectionTimeoutMs: number;
  maxRetryTimeMs: number;
  /** How long a data version read from the database is trusted before it is read again. */
  versionCheckMs: number;
}

export class Neo4jStore implements GraphStore {
  readonly name = 'neo4j';
  readonly driver: Driver;
  private version: { value: Promise<string>; readAt: number } | undefined;
  private unversionedReads = 0;

  constructor(private readonly settings: Neo4jSettings) {
    this.driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password), {
      connectionTimeout: settings.connectionTimeoutMs,
      maxTransactionRetryTime: settings.maxRetryTimeMs,
      connectionAcquisitionTimeout: settings.connectionTimeoutMs + settings.maxRetryTimeMs,
      userAgent: 'intelligent-computing-kg',
    });
  }

  /** Runs a named read statement in a read transaction (routed to a follower in a cluster). */
  read(name: StatementName, params: Record<string, unknown> = {}): Promise<QueryResult<RecordShape>> {
    return this.transact('READ', name, params);
  }

  /** Runs a named write statement in a write transaction; every write statement is idempotent, so retries are safe. */
  write(name: StatementName, params: Record<string, unknown> = {}): Promise<QueryResult<RecordShape>> {
    return this.transact('WRITE', name, params);
  }

  private async transact(mode: 'READ' | 'WRITE', name: StatementName, params: Record<string, unknown>): Promise<QueryResult<RecordShape>> {
    const session = this.driver.session({ database: this.settings.database, defaultAccessMode: neo4j.session[mode] });
    const work = (tx: { run: (cypher: string, params: Record<string, unknown>) => Promise<QueryResult<RecordShape>> }) => tx.run(STATEMENTS[name].cypher, params);
    const config = { timeout: this.settings.transactionTimeoutMs };
    try {
      return await (mode === 'READ' ? session.executeRead(work, config) : session.executeWrite(work, config));
    } catch (error) {
      throw unavailableOr(error);
    } finally {
      await session.close();
    }
  }

  /** Schema statements (constraints, indexes) cannot share a transaction with data; run them on their own. */
  async runSchema(name: StatementName, params: Record<string, unknown> = {}): Promise<void> {
    await this.runOnce(name, params);
  }

  /** One auto-commit statement, without the driver's retries. */
  private async runOnce(name: StatementName, params: Record<string, unknown>, mode?: 'READ'): Promise<QueryResult<RecordShape>> {
    const session = this.driver.session({ database: this.settings.database, defaultAccessMode: mode && neo4j.session[mode] });
    try {
      return await session.run(STATEMENTS[name].cypher, params, { timeout: this.settings.transactionTimeoutMs });
    } catch (error) {
      throw unavailableOr(error);
    } finally {
      await session.close();
    }
  }

  async getEntities(ids: readonly string[]) {
    const result = await this.read('getEntities', { ids: [...ids] });
    const byId = new Map(result.records.map((r) => [r.get('entity').id as string, toEntity(r.get('entity'))]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async listEntities({ kind, offset, limit }: { kind?: EntityKind; offset: number; limit: number }) {
    const result = await this.read('listEntities', { kind: kind ?? null, offset: neo4j.int(offset), limit: neo4j.int(limit) });
    const record = result.records[0];
    return { totalCount: toPlain(record.get('totalCount')) as number, items: (record.get('items') as unknown[]).map(toEntity) };
  }

  async relationsOf(ids: readonly string[]) {
    const result = await this.read('relationsOf', { ids: [...ids] });
    const byId = new Map(result.records.map((r) => [r.get('id') as string, (toPlain(r.get('relations')) as RelationRecord[]).sort(compareRelations)]));
    return ids.map((id) => byId.get(id) ?? []);
  }

  async search({ text, kinds, limit, after }: { text: string; kinds?: EntityKind[]; limit: number; after?: SearchAfter }): Promise<SearchHit[]> {
    const params = searchParams(text);
    // Text of whitespace alone has no name key: it matches nothing, in either store.
    if (!params) return [];
    const result = await this.read('searchCandidates', { ...params, kinds: kinds ?? [] });
    return rankHits(text, result.records.map((r) => toEntity(r.get('entity'))), { kinds, after, limit });
  }

  async neighborhood({ id, depth, types, limit, direction = 'BOTH', kinds, maxDegree }: NeighborhoodArgs): Promise<Neighborhood | null> {
    const statement = ({ BOTH: 'neighborhood', OUT: 'neighborhoodOut', IN: 'neighborhoodIn' } as const)[direction];
    const result = await this.read(statement, {
      id,
      depth: neo4j.int(depth),
      types: types ?? defaultTraversalTypes(),
      limit: neo4j.int(limit - 1),
      kinds: kinds ?? null,
      maxDegree: maxDegree === undefined ? null : neo4j.int(maxDegree),
    });
    if (result.records.length === 0) return null;
    const record = result.records[0];
    const members = (toPlain(record.get('members')) as { distance: number; degree: number }[]).map((m) => ({
      ...m,
      expanded: expandedInWalk(m.distance, m.degree, depth, maxDegree),
    }));
    return { ...toSubgraph(record.get('nodes'), record.get('edges')), members };
  }

  async shortestPath(args: { from: string; to: string; maxDepth: number; types?: RelationType[] }): Promise<Subgraph | null> {
    return (await this.allShortestPaths({ ...args, first: 1 }))[0] ?? null;
  }

  async allShortestPaths({ from, to, maxDepth, types, first }: { from: string; to: string; maxDepth: number; types?: RelationType[]; first: number }): Promise<Subgraph[]> {
    const result = await this.read('shortestPathDag', { from, to, maxDepth: neo4j.int(maxDepth), types: types ?? defaultTraversalTypes() });
    const record = result.records[0];
    if (!record) return [];
    const steps = (record.get('steps') as { node: unknown; toEnd: unknown; degree: unknown }[][])
      .flat()
      .map((s) => ({ entity: toEntity(s.node), toEnd: toPlain(s.toEnd) as number, degree: toPlain(s.degree) as number }));
    const entities = new Map(steps.map((s) => [s.entity.id, s.entity]));
    const dag = dagFromRelations(
      new Map(steps.map((s) => [s.entity.id, s.toEnd])),
      new Map(steps.map((s) => [s.entity.id, s.degree])),
      toPlain(record.get('edges')) as RelationRecord[],
    );
    return toPaths(bestShortestPaths(from, to, dag, first), dag, (id) => entities.get(id)!);
  }

  async resolve(refs: readonly string[]) {
    const keys = [...new Set(refs.map(nameKey))];
    if (keys.length === 0) return [];
    const result = await this.read('resolveRefs', { keys });
    // Per key, the entity over a section or figure of the same name, then the smallest id (as the embedded store).
    const best = new Map<string, { id: string; part: boolean }>();
    for (const r of result.records) {
      const candidate = { id: r.get('id') as string, part: isDocumentPart(r.get('kind') as EntityKind) };
      for (const key of r.get('matched') as string[]) {
        const held = best.get(key);
        if (!held || (held.part && !candidate.part) || (held.part === candidate.part && compareIds(candidate.id, held.id) < 0)) best.set(key, candidate);
      }
    }
    return refs.map((ref) => best.get(nameKey(ref))?.id ?? null);
  }

  async metrics({ subject, region, year, indicator }: MetricFilter) {
    const result = await this.read('metrics', {
      indicator: indicator ?? null,
      subjectKey: subject === undefined ? null : nameKey(subject),
      regionKey: region === undefined ? null : nameKey(region),
      year: year === undefined ? null : neo4j.int(year),
    });
    return result.records.map((r) => toEntity(r.get('entity')));
  }

  async stats(): Promise<Stats> {
    const result = await this.read('stats');
    const record = result.records[0];
    const kinds = new Map((toPlain(record?.get('kinds') ?? []) as { kind: EntityKind; count: number }[]).map((k) => [k.kind, k.count]));
    const types = new Map((toPlain(record?.get('relationTypes') ?? []) as { type: RelationType; count: number }[]).map((t) => [t.type, t.count]));
    return {
      entities: [...kinds.values()].reduce((a, b) => a + b, 0),
      relations: [...types.values()].reduce((a, b) => a + b, 0),
      kinds: ENTITY_KINDS.map((kind) => ({ kind, count: kinds.get(kind) ?? 0 })),
      relationTypes: RELATION_TYPES.map((type) => ({ type, count: types.get(type) ?? 0 })),
    };
  }

  /**
   * The version the seeder stamped, read at most once per versionCheckMs (requests in that window share one read).
   * A database no seeder stamped gets a new version on every read, so nothing cached outlives the interval.
   */
  async dataVersion(): Promise<string> {
    const now = performance.now();
    if (!this.version || now - this.version.readAt >= this.settings.versionCheckMs) {
      // Without retries: in an outage the request then fails in execution's time, not twice the retry budget.
      const value = this.runOnce('dataVersion', {}, 'READ').then((result) => {
        const stamped = result.records[0]?.get('version');
        return typeof stamped === 'string' ? stamped : `unversioned-${++this.unversionedReads}`;
      });
      const entry = { value, readAt: now };
      this.version = entry;
      // A failed read is not kept: the next request asks the database again.
      value.catch(() => {
        if (this.version === entry) this.version = undefined;
      });
    }
    return this.version.value;
  }

  /** True when the server answers a trivial read: what /ready reports. */
  async ready(): Promise<boolean> {
    try {
      await this.read('ping');
      return true;
    } catch {
      return false;
    }
  }

  async close() {
    await this.driver.close();
  }
}

/** Driver error codes that mean "Neo4j cannot answer now", as opposed to a bug in a statement. */
const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.ClientError.Security.Unauthorized',
  'Neo.ClientError.Security.AuthenticationRateLimit',
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
]);

function unavailableOr(error: unknown): unknown {
  const code = (error as { code?: string } | null)?.code;
  if (code && (UNAVAILABLE_CODES.has(code) || code.startsWith('Neo.TransientError'))) {
    return new StoreUnavailable(`Neo4j cannot answer: ${(error as Error).message.split('\n')[0]}`, { cause: error });
  }
  return error;
}

const SEARCH_ONLY_KEYS = new Set<string>(SEARCH_ONLY);

/** Node properties back to an EntityRecord; the search-only properties stay in the database. */
function toEntity(value: unknown): EntityRecord {
  const props = Object.fromEntries(Object.entries(toPlain(value) as Record<string, unknown>).filter(([key]) => !SEARCH_ONLY_KEYS.has(key))) as unknown as EntityRecord;
  return { ...props, aliases: props.aliases ?? [], sections: props.sections ?? [] };
}

/**
 * A neighbourhood's nodes and relations as records, relations in relation order (Cypher collects them unordered). A
 * node without relations gives its OPTIONAL MATCH's all-null relation map (a map, never null), which is dropped.
 */
function toSubgraph(nodes: unknown, edges: unknown): Subgraph {
  const relations = (toPlain(edges) as RelationRecord[]).filter((e) => e.type !== null);
  return { nodes: (nodes as unknown[]).map(toEntity), edges: relations.sort(compareRelations) };
}
