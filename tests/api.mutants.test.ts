/**
 * Values the GraphQL API must answer, written to kill mutants Stryker found alive (README: "Mutation testing") and the
 * reviewer's planted bugs of issue 12: `related(kinds)` ignored, and an internal error's message reaching the client.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLError, GraphQLNonNull, GraphQLString, buildSchema, getIntrospectionQuery, type GraphQLResolveInfo } from 'graphql';
import { measureBounds } from '../src/bounds.js';
import { ENTITY_KINDS } from '../src/graph/vocabulary.js';
import { LIMITS } from '../src/config.js';
import { makeFormatError, clip, QueryTimeout, RequestAborted, StoreUnavailable } from '../src/errors.js';
import { TestApi, describeEachStore, embeddedStore, failing, realSeed } from './helpers.js';
import { parseRelationId } from '../src/resolvers/links.js';
import { EmbeddedStore } from '../src/graph/embedded/store.js';
import { createContext } from '../src/context.js';
import { createApollo, executableSchema } from '../src/server.js';
import { pino } from 'pino';
import { resolvers } from '../src/resolvers/index.js';
import type { EntityRecord } from '../src/graph/types.js';

describeEachStore('related and relatedCount filter the other ends by kind', ({ open }) => {
  let api: TestApi;
  beforeAll(() => {
    api = new TestApi(open());
  });
  afterAll(async () => {
    await api?.store.close();
  });

  it('related(kinds) keeps only the entities of those kinds, and relatedCount counts them', async () => {
    // speech-recognition USES two technologies and five concepts.
    const { entity } = await api.data(`{ entity(id: "speech-recognition") {
      all: related(type: USES) { id kind } allCount: relatedCount(type: USES)
      tech: related(type: USES, kinds: [Technology]) { id kind } techCount: relatedCount(type: USES, kinds: [Technology])
      concepts: relatedCount(type: USES, kinds: [Concept]) none: related(type: USES, kinds: [Region]) { id } } }`);
    expect(entity.allCount).toBe(7);
    expect(entity.all).toHaveLength(7);
    expect(entity.tech.map((e: { kind: string }) => e.kind)).toEqual(['Technology', 'Technology']);
    expect(entity.techCount).toBe(2);
    expect(entity.concepts).toBe(5);
    expect(entity.none).toEqual([]);
  });

  it('relations with an explicit null direction are followed both ways, as by default', async () => {
    const { entity } = await api.data(`{ entity(id: "liquid-cooling") { byDefault: relations { id } nullWay: relations(direction: null) { id } nullCount: relationCount(direction: null) out: relationCount(direction: OUT) } }`);
    expect(entity.nullWay).toEqual(entity.byDefault);
    expect(entity.nullCount).toBe(entity.byDefault.length);
    expect(entity.out).toBeLessThan(entity.nullCount);
  });

  it('sections(first) keeps the first sections an entity is discussed in', async () => {
    const { entity } = await api.data('{ entity(id: "liquid-cooling") { all: sections { id } one: sections(first: 1) { id } } }');
    expect(entity.all.length).toBeGreaterThan(1);
    expect(entity.one).toEqual(entity.all.slice(0, 1));
  });

  it('resolves a name shared by a section and an entity to the entity', async () => {
    expect(await api.store.resolve(['机器学习', 'Deep Learning', '算力需求', 'no such name'])).toEqual(['machine-learning', 'deep-learning', 'computing-power-demand', null]);
  });

  it('related orders by kind then id and keeps the first `first`', async () => {
    const { entity } = await api.data(`{ entity(id: "speech-recognition") { all: related(type: USES) { id kind } two: related(type: USES, first: 2) { id } } }`);
    const expected = [...entity.all].sort((a: { kind: string; id: string }, b: { kind: string; id: string }) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.id < b.id ? -1 : 1));
    expect(entity.all).toEqual(expected);
    expect(entity.all[0].kind).toBe('Concept');
    expect(entity.two.map((e: { id: string }) => e.id)).toEqual(entity.all.slice(0, 2).map((e: { id: string }) => e.id));
  });
});

/** The embedded store with one port operation replaced by a failure. */
describe('errors reach clients without internals', () => {
  it('answers an unexpected failure as "internal error" with only its code, path and locations', async () => {
    for (const production of [false, true]) {
      const api = new TestApi(failing('getEntities', new Error('secret: bolt://10.0.0.7:7687 refused, password=hunter2')), { production });
      const result = await api.run('{ entity(id: "liquid-cooling") { id } }');
      expect(result.errors).toEqual([{ message: 'internal error', locations: [{ line: 1, column: 3 }], path: ['entity'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
      expect(JSON.stringify(result)).not.toMatch(/secret|hunter2|bolt/);
    }
  });

  it('answers a store outage in a resolver with HTTP 503', async () => {
    const api = new TestApi(failing('getEntities', new StoreUnavailable('Neo4j cannot answer')));
    const response = await api.apollo.executeOperation({ query: '{ entity(id: "liquid-cooling") { id } }' }, { contextValue: api.context() });
    expect(response.http.status).toBe(503);
  });

  it('measures the graph again on the next request when the store failed the first measurement', async () => {
    // The store is down for the first measurement only; a failed measurement must not be remembered.
    const api = new TestApi(failing('listEntities', new StoreUnavailable('Neo4j cannot answer'), 1));
    const query = '{ entity(id: "liquid-cooling") { id } }';
    const first = await api.apollo.executeOperation({ query }, { contextValue: api.context() });
    expect(first.http.status).toBe(503);
    expect(first.body.kind === 'single' && first.body.singleResult.errors?.[0].extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
    expect(await api.run(query)).toMatchObject({ data: { entity: { id: 'liquid-cooling' } }, extensions: { cost: { requested: 2 } } });
  });

  it('answers a store outage as SERVICE_UNAVAILABLE with the fixed message', async () => {
    const api = new TestApi(failing('getEntities', new StoreUnavailable('Neo4j cannot answer: connection refused at 10.0.0.7')));
    const result = await api.run('{ entity(id: "liquid-cooling") { id } }');
    expect(result.errors).toEqual([
      { message: 'the graph store is unavailable; try again shortly', locations: [{ line: 1, column: 3 }], path: ['entity'], extensions: { code: 'SERVICE_UNAVAILABLE' } },
    ]);
  });

  it('logs the original error of an internal failure, and nothing for a client error', () => {
    const logged: unknown[] = [];
    const format = makeFormatError((e) => logged.push(e), false);
    const original = new Error('boom');
    format({ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, original);
    expect(logged).toEqual([original]);
    format({ message: 'no such entity', extensions: { code: 'NOT_FOUND' } }, new GraphQLError('no such entity'));
    expect(logged).toHaveLength(1);
  });

  it('keeps a client error its message and code but drops the stack trace and HTTP status', () => {
    const format = makeFormatError(() => {}, false);
    const formatted = format({ message: 'bad first', path: ['search'], extensions: { code: 'BAD_USER_INPUT', argument: 'first', stacktrace: ['at x'], http: { status: 400 } } }, undefined);
    expect(formatted).toEqual({ message: 'bad first', path: ['search'], extensions: { code: 'BAD_USER_INPUT', argument: 'first' } });
  });

  it('cuts a client error message to 500 characters', () => {
    const format = makeFormatError(() => {}, false);
    const long = 'x'.repeat(600);
    expect(format({ message: long, extensions: { code: 'NOT_FOUND' } }, undefined).message).toBe(`${'x'.repeat(500)}… (600 characters)`);
    expect(format({ message: 'x'.repeat(500), extensions: { code: 'NOT_FOUND' } }, undefined).message).toBe('x'.repeat(500));
  });

  it('drops "Did you mean" suggestions in production only', () => {
    const message = 'Cannot query field "entitys" on type "Query". Did you mean "entity" or "entities"?';
    const error = { message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
    expect(makeFormatError(() => {}, true)(error, undefined).message).toBe('Cannot query field "entitys" on type "Query".');
    expect(makeFormatError(() => {}, false)(error, undefined).message).toBe(message);
  });

  it('removes the "Syntax Error: " prefix from validation errors only', () => {
    const format = makeFormatError(() => {}, false);
    expect(format({ message: 'Syntax Error: Query depth limit of 12 exceeded', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, undefined).message).toBe('Query depth limit of 12 exceeded');
    expect(format({ message: 'Syntax Error: Unexpected "}"', extensions: { code: 'GRAPHQL_PARSE_FAILED' } }, undefined).message).toBe('Syntax Error: Unexpected "}"');
    expect(format({ message: 'Field "x": Syntax Error: kept', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, undefined).message).toBe('Field "x": Syntax Error: kept');
  });

  it('passes every client code through and treats an unknown code as internal', () => {
    const format = makeFormatError(() => {}, false);
    for (const code of ['BAD_USER_INPUT', 'BAD_REQUEST', 'NOT_FOUND', 'SERVICE_UNAVAILABLE', 'QUERY_TIMEOUT', 'REQUEST_ABORTED', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'OPERATION_RESOLUTION_FAILURE', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED']) {
      expect(format({ message: 'kept', extensions: { code } }, undefined), code).toEqual({ message: 'kept', extensions: { code } });
    }
    expect(format({ message: 'secret', extensions: { code: 'SOMETHING_ELSE' } }, new Error('secret')).message).toBe('internal error');
    expect(format({ message: 'secret', extensions: { code: 42 } }, new Error('secret')).message).toBe('internal error');
  });

  it('clips quoted input to its limit and says how long it was', () => {
    expect(clip('abc', 3)).toBe('abc');
    expect(clip('abcd', 3)).toBe('abc… (4 characters)');
    expect(clip('y'.repeat(60))).toBe('y'.repeat(60));
    expect(clip('y'.repeat(61))).toBe(`${'y'.repeat(60)}… (61 characters)`);
  });

  it('says how long the deadline was when a query runs past it', () => {
    const error = new QueryTimeout(2500);
    expect(error.message).toBe('the query ran past its deadline of 2500 ms and was stopped; ask for less (smaller pages, fewer nested lists)');
    expect(error.extensions).toEqual({ code: 'QUERY_TIMEOUT' });
  });

  it('answers a store outage that reaches the formatter unconverted as SERVICE_UNAVAILABLE, without logging it', () => {
    const logged: unknown[] = [];
    const format = makeFormatError((e) => logged.push(e), true);
    const formatted = format(
      { message: 'Neo4j cannot answer: ECONNREFUSED 10.0.0.7', locations: [{ line: 1, column: 3 }], path: ['stats'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      new StoreUnavailable('Neo4j cannot answer: ECONNREFUSED 10.0.0.7'),
    );
    expect(formatted).toEqual({ message: 'the graph store is unavailable; try again shortly', locations: [{ line: 1, column: 3 }], path: ['stats'], extensions: { code: 'SERVICE_UNAVAILABLE' } });
    expect(logged).toEqual([]);
  });

  it('answers Apollo\'s own refusals that carry a 4xx but no code as BAD_REQUEST, and anything else as internal', () => {
    const logged: unknown[] = [];
    const format = makeFormatError((e) => logged.push(e), true);
    const refusal = (status: number) => format({ message: 'provided sha does not match query', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, new GraphQLError('x', { extensions: { http: { status } } }));
    expect([400, 499].map((s) => refusal(s).extensions?.code)).toEqual(['BAD_REQUEST', 'BAD_REQUEST']);
    expect(refusal(400).message).toBe('provided sha does not match query');
    expect([399, 500].map((s) => refusal(s))).toEqual(Array(2).fill({ message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }));
    expect(logged).toHaveLength(2);
  });

  it('says that an abandoned request stopped before a field was resolved', () => {
    const error = new RequestAborted();
    expect(error.message).toBe('the request was abandoned before this field was resolved');
    expect(error.extensions).toEqual({ code: 'REQUEST_ABORTED' });
  });
});

describe('typed relationship fields with an order of their own', () => {
  it('lists subsections in document order, 1.2 before 1.10, where id order would not', async () => {
    const section = (id: string, number: string): EntityRecord => ({ id, kind: 'Section', number, name: `S ${number}`, nameZh: `节 ${number}`, aliases: [], sections: [], description: '', descriptionZh: '' });
    const partOf = (source: string) => ({ type: 'PART_OF' as const, source, target: 'section-1', section: '1', evidence: 'x' });
    const store = new EmbeddedStore({
      entities: [section('section-1', '1'), section('section-1-10', '1.10'), section('section-1-2', '1.2'), section('section-1-9', '1.9')],
      relations: [partOf('section-1-10'), partOf('section-1-2'), partOf('section-1-9')],
    });
    const { entity } = await new TestApi(store).data('{ entity(id: "section-1") { ... on Section { subsections { id } } } }');
    expect(entity.subsections.map((s: { id: string }) => s.id)).toEqual(['section-1-2', 'section-1-9', 'section-1-10']);
  });
});

describe('sections of an entity', () => {
  it('leaves out a section the graph does not hold', async () => {
    const store = new EmbeddedStore({
      entities: [
        { id: 'section-1', kind: 'Section', number: '1', name: 'One', nameZh: '一', aliases: [], sections: [], description: '', descriptionZh: '' },
        { id: 'thing', kind: 'Concept', name: 'Thing', nameZh: '物', aliases: [], sections: ['1', '9.9'], description: '', descriptionZh: '' },
      ],
      relations: [],
    });
    const { entity } = await new TestApi(store).data('{ entity(id: "thing") { sections { id } } }');
    expect(entity.sections).toEqual([{ id: 'section-1' }]);
  });
});

describe('metrics and events of an entity', () => {
  it('lists the metrics that measure an entity in id order, and metrics(first) keeps the first of them', async () => {
    const api = new TestApi(embeddedStore());
    const { entity } = await api.data('{ entity(id: "intelligent-computing-power") { metrics { id } two: metrics(first: 2) { id } } }');
    const measuring = realSeed().relations.filter((r) => r.type === 'MEASURES' && r.target === 'intelligent-computing-power').map((r) => r.source);
    const ids = entity.metrics.map((m: { id: string }) => m.id);
    expect(ids).toHaveLength(8);
    expect(ids).toEqual([...measuring].sort());
    expect(entity.two.map((m: { id: string }) => m.id)).toEqual(['metric-china-intelligent-computing-power-2022', 'metric-china-intelligent-computing-power-2026-forecast']);
  });

  it('lists the events that concern an entity earliest first, where id order would not, and events(first) keeps the earliest', async () => {
    const entity = (id: string, kind: EntityRecord['kind'], year?: number): EntityRecord => ({ id, kind, name: id, nameZh: `${id}中`, aliases: [], sections: [], description: '', descriptionZh: '', ...(year === undefined ? {} : { year }) });
    const concerns = (source: string) => ({ type: 'CONCERNS' as const, source, target: 'thing', section: '1', evidence: 'x' });
    const store = new EmbeddedStore({
      entities: [entity('thing', 'Concept'), entity('a-launch', 'Event', 2020), entity('b-founding', 'Event', 2010), entity('c-merger', 'Event', 2015), entity('d-split', 'Event', 2015)],
      relations: [concerns('a-launch'), concerns('b-founding'), concerns('d-split'), concerns('c-merger')],
    });
    const { entity: thing } = await new TestApi(store).data('{ entity(id: "thing") { events { id year } two: events(first: 2) { id } } }');
    expect(thing.events).toEqual([{ id: 'b-founding', year: 2010 }, { id: 'c-merger', year: 2015 }, { id: 'd-split', year: 2015 }, { id: 'a-launch', year: 2020 }]);
    expect(thing.two).toEqual([{ id: 'b-founding' }, { id: 'c-merger' }]);
  });
});

describe('indicators and metric series', () => {
  it('orders the series of an indicator by subject, then region, then unit code', async () => {
    const { metricSeries } = await new TestApi(embeddedStore()).data('{ metricSeries(indicator: "computing-power-scale") { subject { id } region { id } unitCode } }');
    const keys = metricSeries.map((s: { subject: { id: string }; region: { id: string } | null; unitCode: string }) => `${s.subject.id} ${s.region?.id ?? '-'} ${s.unitCode}`);
    expect(keys.slice(0, 4)).toEqual(['baidu-intelligent-computing-center - EFLOPS', 'computing-power china EFLOPS', 'computing-power china RANK', 'computing-power global EFLOPS']);
    expect(keys).toHaveLength(10);
  });

  it('takes an indicator slug written in capitals as the slug', async () => {
    const { upper, lower } = await new TestApi(embeddedStore()).data('{ upper: metrics(indicator: "Data-Volume") { id } lower: metrics(indicator: "data-volume") { id } }');
    expect(lower).toEqual([{ id: 'metric-global-data-volume-2024' }]);
    expect(upper).toEqual(lower);
  });
});

describe('relation ids', () => {
  it('reads a relation id only when the whole id is one: type, source and target', () => {
    expect(parseRelationId('USES:speech-recognition:deep-learning')).toEqual({ type: 'USES', source: 'speech-recognition', target: 'deep-learning' });
    expect(parseRelationId('xUSES:speech-recognition:deep-learning')).toBeUndefined();
    expect(parseRelationId('USES:speech-recognition:deep-learning:more')).toBeUndefined();
    expect(parseRelationId('speech-recognition')).toBeUndefined();
  });
});

describe('measuring the longest lists of a schema', () => {
  it('refuses a schema without a type for an entity kind, and one with a list of objects but no resolver, naming them', async () => {
    const store = embeddedStore();
    const { kind } = (await store.listEntities({ offset: 0, limit: 1 })).items[0];
    await expect(measureBounds(buildSchema('type Query { a: Int }'), { store })).rejects.toThrow(`entity kind ${kind} has no GraphQL type`);
    const sdl = `type Query { a: Int } type Item { a: Int } ${ENTITY_KINDS.map((k) => `type ${k} { items: [Item] }`).join(' ')}`;
    await expect(measureBounds(buildSchema(sdl), { store })).rejects.toThrow(`${kind}.items is a list without a resolver`);
  });
});

describe('resolver answers the mutation runs found unchecked: forecasts, cursors, neighbourhoods, pages, chains', () => {
  it('marks as forecasts exactly the metrics the whitepaper gives as forecasts, on a metric and on a series point', async () => {
    const api = new TestApi(embeddedStore());
    const isForecast = new Map(realSeed().entities.filter((e) => e.kind === 'Metric').map((m) => [m.id, m.forecast === true]));
    const { entity, metricSeries } = await api.data(`{ entity(id: "intelligent-computing-power") { metrics { id forecast } }
      metricSeries(indicator: "computing-power-scale") { points { forecast metric { id } } } }`);
    const metrics: { id: string; forecast: boolean }[] = entity.metrics;
    const points: { forecast: boolean; metric: { id: string } }[] = metricSeries.flatMap((s: { points: unknown[] }) => s.points);
    expect(metrics.map((m) => m.forecast)).toEqual(metrics.map((m) => isForecast.get(m.id)));
    expect(points.map((p) => p.forecast)).toEqual(points.map((p) => isForecast.get(p.metric.id)));
    // Both kinds occur, so neither answer could be a constant.
    expect(new Set(metrics.map((m) => m.forecast))).toEqual(new Set([true, false]));
    expect(new Set(points.map((p) => p.forecast))).toEqual(new Set([true, false]));
  });

  it('takes a metric record that does not say whether it is a forecast as no forecast', async () => {
    // The port's records leave `forecast` optional (it is a Metric's field only); the seed always sets it.
    const thing: EntityRecord = { id: 'thing', kind: 'Concept', name: 'Thing', nameZh: '东西', aliases: [], sections: [], description: '', descriptionZh: '' };
    const metric: EntityRecord = { ...thing, id: 'metric-thing', kind: 'Metric', name: 'Things', nameZh: '东西数', value: 3, unit: 'units', unitZh: '个', unitCode: 'COUNT', indicator: 'thing-count', year: 2022 };
    const store = new EmbeddedStore({ entities: [thing, metric], relations: [{ type: 'MEASURES', source: 'metric-thing', target: 'thing', section: '1', evidence: 'x' }] });
    const data = await new TestApi(store).data('{ entity(id: "metric-thing") { ... on Metric { forecast } } metricSeries(indicator: "thing-count") { points { forecast } } }');
    expect(data).toEqual({ entity: { forecast: false }, metricSeries: [{ points: [{ forecast: false }] }] });
  });

  it('refuses a cursor with anything before or after what the API issued', async () => {
    const api = new TestApi(embeddedStore());
    const cursor = (text: string) => Buffer.from(text).toString('base64url');
    const entities = async (after: string) => (await api.run(`{ entities(first: 1, after: "${cursor(after)}") { edges { node { id } } } }`)).errors?.[0].message ?? 'accepted';
    const search = async (after: string) => (await api.run(`{ search(text: "cooling", after: "${cursor(after)}") { score } }`)).errors?.[0].message ?? 'accepted';
    expect(await entities('offset:3')).toBe('accepted');
    expect(await entities('xoffset:3')).toMatch(/^after is not a cursor this API issued/);
    expect(await entities('offset:3x')).toMatch(/^after is not a cursor this API issued/);
    expect(await search('hit:0.5:liquid-cooling')).toBe('accepted');
    expect(await search('xhit:0.5:liquid-cooling')).toMatch(/^after is not a search cursor this API issued/);
  });

  it('names the argument that names no entity', async () => {
    const api = new TestApi(embeddedStore());
    const message = async (query: string) => (await api.run(query)).errors?.[0].message;
    expect(await message('{ connection(from: "液冷", to: "no such thing") { length } }')).toMatch(/^no entity has the id, name or alias "no such thing" \(argument to\)/);
    expect(await message('{ connection(from: "no such thing", to: "液冷") { length } }')).toMatch(/^no entity has the id, name or alias "no such thing" \(argument from\)/);
  });

  it('walks a neighbourhood in the direction asked for', async () => {
    const api = new TestApi(embeddedStore());
    const { out, both, relations } = await api.data(`{ out: neighborhood(id: "liquid-cooling", direction: OUT) { nodes { id } }
      both: neighborhood(id: "liquid-cooling") { nodes { id } }
      relations: entity(id: "liquid-cooling") { outgoing: relations(direction: OUT) { type target { id } } } }`);
    const ids = (nodes: { id: string }[]) => nodes.map((n) => n.id).sort();
    const targets = relations.outgoing.filter((r: { type: string }) => r.type !== 'MENTIONED_IN').map((r: { target: { id: string } }) => r.target.id);
    expect(ids(out.nodes)).toEqual([...new Set(['liquid-cooling', ...targets])].sort());
    expect(out.nodes.length).toBeLessThan(both.nodes.length);
  });

  it('calls a neighbourhood truncated only when it has more nodes than the limit', async () => {
    const api = new TestApi(embeddedStore());
    const { whole } = await api.data('{ whole: neighborhood(id: "liquid-cooling") { nodes { id } truncated } }');
    const size = whole.nodes.length;
    expect(whole.truncated).toBe(false);
    const { exact, less } = await api.data(`{ exact: neighborhood(id: "liquid-cooling", limit: ${size}) { nodes { id } truncated }
      less: neighborhood(id: "liquid-cooling", limit: ${size - 1}) { nodes { id } truncated } }`);
    expect(exact).toEqual(whole);
    expect(less.truncated).toBe(true);
    expect(less.nodes).toEqual(whole.nodes.slice(0, size - 1));
  });

  it('files a metric a figure illustrates under the subject it measures, not under the figure\'s relation', async () => {
    // figure-1 ILLUSTRATES metric-global-computing-power-2022; the series must still be about what the metric MEASURES.
    const api = new TestApi(embeddedStore());
    const measured = new Map(realSeed().relations.filter((r) => r.type === 'MEASURES').map((r) => [r.source, r.target]));
    const { metricSeries } = await api.data('{ metricSeries(indicator: "computing-power-scale") { subject { id } points { metric { id } } } }');
    const filed = metricSeries.flatMap((s: { subject: { id: string }; points: { metric: { id: string } }[] }) => s.points.map((p) => [p.metric.id, s.subject.id]));
    expect(filed).toContainEqual(['metric-global-computing-power-2022', measured.get('metric-global-computing-power-2022')]);
    for (const [metric, subject] of filed) expect(subject, metric).toBe(measured.get(metric));
  });

  it('says the last page of entities has no next page', async () => {
    const api = new TestApi(embeddedStore());
    const total = realSeed().entities.filter((e) => e.kind === 'Challenge').length;
    const { first, last } = await api.data(`{ first: entities(kind: Challenge, first: ${total - 1}) { pageInfo { hasNextPage } }
      last: entities(kind: Challenge, first: ${total}) { pageInfo { hasNextPage } } }`);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(last.pageInfo.hasNextPage).toBe(false);
  });

  it('abandons the rest of a request when a root field of a non-null type fails, and only then', async () => {
    // Such a failure nulls the whole answer, so the siblings' store work would be wasted.
    const neighborhood = resolvers.Query!.neighborhood as (root: unknown, args: unknown, ctx: unknown, info: unknown) => Promise<unknown>;
    const args = { id: 'no such thing', depth: 1, limit: 10 };
    const attempt = async (returnType: GraphQLResolveInfo['returnType']) => {
      const ctx = createContext(embeddedStore());
      await expect(neighborhood({}, args, ctx, { returnType })).rejects.toThrow(/no entity has the id, name or alias "no such thing"/);
      return ctx.guard.cutShort;
    };
    expect(await attempt(new GraphQLNonNull(GraphQLString))).toBe(true);
    expect(await attempt(GraphQLString)).toBe(false);
  });

  it('says which steps of a chain walk their relation forwards', async () => {
    const api = new TestApi(embeddedStore());
    const { connection } = await api.data('{ connection(from: "大模型", to: "液冷", first: 2) { chains { steps { type forward } } } }');
    // 大模型 —DRIVES→ 图形处理器 —ENABLES→ 模型训练 —CAUSES→ 能耗 ←ADDRESSES— 液冷技术
    expect(connection.chains[1].steps).toEqual([
      { type: 'DRIVES', forward: true },
      { type: 'ENABLES', forward: true },
      { type: 'CAUSES', forward: true },
      { type: 'ADDRESSES', forward: false },
    ]);
  });
});

describe('the errors of one answer', () => {
  it('reports identical errors once, and at most the limit, the last one counting those left out', async () => {
    const api = new TestApi(embeddedStore());
    // Twelve unknown ids, each a NOT_FOUND of its own, and the first asked again: the same message.
    const fields = Array.from({ length: 12 }, (_, i) => `a${i + 1}: entity(id: "nope-${i + 1}") { id }`);
    const result = await api.run(`{ ${fields.join(' ')} again: entity(id: "nope-1") { id } }`);
    const messages = result.errors!.map((e) => e.message);
    expect(LIMITS.maxErrors).toBe(10);
    expect(messages).toHaveLength(11);
    expect(messages.slice(0, 10).map((m) => /"(nope-\d+)"/.exec(m)?.[1])).toEqual(Array.from({ length: 10 }, (_, i) => `nope-${i + 1}`));
    expect(result.errors![10]).toEqual({ message: '2 more errors not shown (at most 10 are reported)', extensions: { code: 'NOT_FOUND' } });
    expect(result.data).toEqual({ ...Object.fromEntries(fields.map((_, i) => [`a${i + 1}`, null])), again: null });
  });
});

describe('the errors of abandoned work', () => {
  it('leaves out the errors of work abandoned once the answer was decided, beside the error that decided it', async () => {
    const api = new TestApi(failing('allShortestPaths', new RequestAborted()));
    const result = await api.run('{ a: shortestPath(from: "gpu", to: "液冷") { length } b: entity(id: "nope") { id } }');
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    expect(result.data).toEqual({ a: null, b: null });
  });

  it('keeps them when they are the only errors, so that an answer with nulls still says why', async () => {
    const api = new TestApi(failing('allShortestPaths', new RequestAborted()));
    const result = await api.run('{ shortestPath(from: "gpu", to: "液冷") { length } }');
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['REQUEST_ABORTED']);
  });
});

describe('the query limits of a server built in the test', () => {
  // Suites that build their server in beforeAll cannot kill a mutant of createApollo: Stryker counts that code as run
  // before any test. These build theirs inside the test.
  it('names each limit in its refusal: depth, aliases (__typename ones too), directives and tokens', async () => {
    const api = new TestApi(embeddedStore());
    const messages = async (query: string) => (await api.run(query)).errors?.map((e) => e.message);
    const nested = (n: number) => `{ entity(id: "gpu") { ${'sections { '.repeat(n)}id${' }'.repeat(n)} } }`;
    expect(await messages(nested(10))).toEqual(['Query depth limit of 10 exceeded, found 12.']);
    expect(await messages(`{ ${Array.from({ length: 16 }, (_, i) => `a${i}: __typename`).join(' ')} }`)).toEqual(['Aliases limit of 15 exceeded, found 16.']);
    expect((await messages(`{ __typename ${'@include(if: true) '.repeat(51)}}`))?.[0]).toBe('Directives limit of 50 exceeded, found 51.');
    expect((await messages(`{ ${'stats { entities } '.repeat(300)}}`))?.[0]).toMatch(/1000 tokens/);
  });

  it('suggests field names outside production only', async () => {
    const typo = '{ entitys(id: "gpu") { id } }';
    expect((await new TestApi(embeddedStore()).run(typo)).errors?.[0].message).toMatch(/Did you mean "entity"/);
    expect((await new TestApi(embeddedStore(), { production: true }).run(typo)).errors?.[0].message).toBe('Cannot query field "entitys" on type "Query".');
  });
});

describe('the Apollo server', () => {
  it('leaves the process\'s signals to src/main.ts, which drains requests before Apollo stops', async () => {
    const before = ['SIGINT', 'SIGTERM'].map((s) => process.listenerCount(s));
    const api = new TestApi(embeddedStore());
    await api.run('{ __typename }');
    expect(['SIGINT', 'SIGTERM'].map((s) => process.listenerCount(s))).toEqual(before);
    await api.apollo.stop();
  });

  it('logs an unexpected failure with the error itself', async () => {
    const logged: Record<string, any>[] = [];
    const logger = pino({ level: 'error' }, { write: (line: string) => void logged.push(JSON.parse(line)) });
    const apollo = createApollo({ introspection: true, production: true }, logger);
    const store = failing('getEntities', new Error('boom: a bug'));
    await apollo.executeOperation({ query: '{ entity(id: "gpu") { id } }' }, { contextValue: createContext(store) });
    expect(logged.map((l) => [l.msg, l.err?.message])).toEqual([['unexpected error while resolving', 'boom: a bug']]);
  });
});

describe('the introspection budget', () => {
  it('refuses the standard introspection query with a second copy of every type, naming its cost and the budget', async () => {
    const api = new TestApi(embeddedStore());
    expect((await api.run(getIntrospectionQuery())).errors).toBeUndefined();
    const twice = getIntrospectionQuery().replace('__schema {', 'b: __schema { types { ...FullType } } a: __schema {');
    // The numbers follow from the served schema: its largest type lists, field lists and argument lists.
    expect((await api.run(twice)).errors).toEqual([
      {
        message: 'introspection cost 1198727 exceeds the limit of 943319: the standard introspection query fits; nest __Type lists less deeply',
        extensions: { code: 'BAD_USER_INPUT', limit: 'maxIntrospectionCost', cost: 1198727, max: 943319 },
      },
    ]);
  });
  it('accepts an introspection query that costs exactly the budget, and refuses one that costs 2 more', async () => {
    const api = new TestApi(embeddedStore());
    const standard = getIntrospectionQuery();
    const fragments = standard.slice(standard.indexOf('fragment'));
    // A type reference d ofType levels deep, asked of every field and every argument of every type.
    const deep = (d: number) => `type { ${'ofType { '.repeat(d)}name${' }'.repeat(d)} }`;
    const everywhere = (d: number) => `__schema { types { fields { args { ${deep(d)} } ${deep(d)} } } }`;
    // Costs on the served schema: 599,266 + 1,466 + 185 + 3 + 75,093 + 2 × 133,653 = 943,319, the budget.
    const pieces = ['__schema { types { ...FullType } }', '__schema { types { enumValues { name } } }', '__schema { types { interfaces { name } } }', '__schema { queryType { name } }', everywhere(3), everywhere(7), everywhere(7)];
    const query = (extra: string[]) => `{ ${[...pieces, ...extra].map((p, i) => `p${i}: ${p}`).join(' ')} } ${fragments}`;
    const exact = await api.run(query([]));
    expect(exact.errors).toBeUndefined();
    expect(exact.data?.p3).toEqual({ queryType: { name: 'Query' } });
    expect((await api.run(query(['__type(name: "Query") { name }']))).errors).toEqual([
      {
        message: 'introspection cost 943321 exceeds the limit of 943319: the standard introspection query fits; nest __Type lists less deeply',
        extensions: { code: 'BAD_USER_INPUT', limit: 'maxIntrospectionCost', cost: 943321, max: 943319 },
      },
    ]);
  });
});

describe('the price of a query', () => {
  const cost = async (api: TestApi, query: string) => ((await api.run(query)) as { extensions?: { cost: { requested: number } } }).extensions!.cost.requested;

  it('prices a field its directives keep, and not one they drop', async () => {
    const api = new TestApi(embeddedStore());
    expect(await cost(api, '{ entities(first: 100) { nodes { id } } }')).toBe(102);
    expect(await cost(api, '{ entities(first: 100) @include(if: true) { nodes { id } } }')).toBe(102);
    expect(await cost(api, '{ entities(first: 100) @skip(if: false) { nodes { id } } }')).toBe(102);
    expect(await cost(api, '{ entities(first: 100) @skip(if: true) { nodes { id } } }')).toBe(0);
    expect(await cost(api, '{ entities(first: 100) @include(if: false) { nodes { id } } }')).toBe(0);
  });

  it('walks each fragment once however often it is spread: 150 spreads of the next, four deep, is one field', async () => {
    const api = new TestApi(embeddedStore());
    // Walked spread by spread this would be 150³ = 3.4 million visits, in the pricing and in telling types apart.
    const fragments = Array.from({ length: 4 }, (_, i) => `fragment F${i} on Entity { ${i < 3 ? Array(150).fill(`...F${i + 1}`).join(' ') : 'id'} }`);
    const result = await api.run(`{ entity(id: "gpu") { ...F0 } } ${fragments.join(' ')}`);
    expect(result).toMatchObject({ data: { entity: { id: 'gpu' } }, extensions: { cost: { requested: 2 } } });
  });

  it('prices metric lists at the longest the graph holds: every metric, every indicator, the most series and points', async () => {
    const api = new TestApi(embeddedStore());
    const { indicators } = await api.data('{ indicators { slug } }');
    let series = 0;
    let points = 0;
    for (const { slug } of indicators) {
      const { metricSeries } = await api.data(`{ metricSeries(indicator: "${slug}") { points { year } } }`);
      series = Math.max(series, metricSeries.length);
      for (const s of metricSeries) points = Math.max(points, s.points.length);
    }
    expect([indicators.length, series, points]).toEqual([21, 10, 2]);
    expect(await cost(api, '{ metrics { id } }')).toBe(1 + realSeed().entities.filter((e) => e.kind === 'Metric').length);
    expect(await cost(api, '{ indicators { slug } }')).toBe(1 + indicators.length);
    expect(await cost(api, '{ metricSeries(indicator: "any") { points { year } } }')).toBe(1 + series * (1 + points));
  });

  it('prices neighbourhoods and subgraphs at the largest the seed holds, depth by depth and type by type', async () => {
    const api = new TestApi(embeddedStore());
    const around = (args: string) => cost(api, `{ neighborhood(id: "gpu", ${args}) { nodes { id } edges { type } } }`);
    // Node and relation counts of the largest neighbourhoods (any centre), and the subgraph's degree sum: the seed's.
    expect(await Promise.all([1, 2, 3].map((depth) => around(`depth: ${depth}, limit: 500`)))).toEqual([349, 976, 1329]);
    expect(await around('depth: 2, limit: 500, relationTypes: [MENTIONED_IN]')).toBe(1402);
    expect(await cost(api, '{ subgraph(ids: ["gpu", "人工智能", "液冷技术"]) { nodes { id } edges { type } } }')).toBe(126);
  });

  it('measures every centre\'s neighbourhood, the second entity\'s too, whatever the first one reached', async () => {
    // a stands alone; b (the second entity by id) is a hub of three; c, d, e each touch only b.
    const concept = (id: string): EntityRecord => ({ id, kind: 'Concept', name: id, nameZh: `${id}中`, aliases: [], sections: [], description: '', descriptionZh: '' });
    const uses = (target: string) => ({ type: 'USES' as const, source: 'b', target, section: '1', evidence: 'x' });
    const store = new EmbeddedStore({ entities: ['a', 'b', 'c', 'd', 'e'].map(concept), relations: ['c', 'd', 'e'].map(uses) });
    const bounds = await measureBounds(executableSchema(), createContext(store));
    expect(bounds.neighbourhood(500, 1, ['USES'])).toEqual({ nodes: 4, edges: 3 });
  });

  it('accepts a query that costs exactly the limit, and refuses one that costs one more', async () => {
    const api = new TestApi(embeddedStore());
    // Each alias costs 2 + entities × (2 + relations): the list, its nodes, and per entity its id, relation list and types.
    const query = (a: [number, number], b: [number, number]) =>
      `{ a: entities(first: ${a[0]}) { nodes { id relations(first: ${a[1]}) { type } } } b: entities(first: ${b[0]}) { nodes { id relations(first: ${b[1]}) { type } } } }`;
    const exact = await api.run(query([98, 99], [99, 100]));
    expect(exact.errors).toBeUndefined();
    expect(exact).toMatchObject({ extensions: { cost: { requested: LIMITS.maxCost } } });
    expect((await api.run(query([97, 99], [100, 100]))).errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^query cost 20001 exceeds the limit of 20000: /),
      extensions: { code: 'BAD_USER_INPUT', limit: 'maxCost', cost: 20_001, max: 20_000 },
    });
  });

  it('prices fragments on different entity types as the dearer one, since an entity is of one type', async () => {
    const api = new TestApi(embeddedStore());
    const technology = '... on Technology { relations { type } }';
    const challenge = '... on Challenge { solutions { id } }';
    expect(await cost(api, `{ entity(id: "gpu") { ${technology} } }`)).toBe(119);
    expect(await cost(api, `{ entity(id: "gpu") { ${challenge} } }`)).toBe(11);
    expect(await cost(api, `{ entity(id: "gpu") { ${technology} ${challenge} } }`)).toBe(119);
    // A fragment on another object type is not priced for this one, even when both select the same field.
    expect(await cost(api, '{ entity(id: "gpu") { ... on Technology { a: relations { type } } ... on Challenge { b: relations { type } } } }')).toBe(119);
  });
});

describe('refusals that name several problems', () => {
  it('names at most three argument problems, and at most three bad variables and that it stopped there', async () => {
    const api = new TestApi(embeddedStore());
    const args = await api.run('{ a: entities(first: 0) { totalCount } b: entities(first: 101) { totalCount } c: search(text: "", first: 1) { score } d: neighborhood(id: "gpu", depth: 9) { truncated } }');
    expect(args.errors?.[0].message).toBe('first must be between 1 and 100; got 0 (at Query.entities); first must be between 1 and 100; got 101 (at Query.entities); text must not be empty (at Query.search)');
    const names = ['a', 'b', 'c', 'd', 'e'];
    const query = `query Q(${names.map((n) => `$${n}: Int!`).join(', ')}) { ${names.map((n) => `${n}: entities(first: $${n}) { totalCount }`).join(' ')} }`;
    const vars = await api.run(query, Object.fromEntries(names.map((n) => [n, 'x'])));
    // Each quoted to 60 characters, as every message quoting input is.
    const bad = (n: string) => `Variable "$${n}" got invalid value "x"; Int cannot represent no… (80 characters)`;
    expect(vars.errors?.[0].message).toBe([...['a', 'b', 'c'].map(bad), 'Too many errors processing variables, error limit reached. E… (77 characters)'].join('; '));
  });

  it('answers a failure while measuring the graph as an internal error, and only a store outage as 503', async () => {
    const result = await new TestApi(failing('listEntities', new Error('a bug while measuring'))).run('{ stats { entities } }');
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['INTERNAL_SERVER_ERROR']);
  });
});

describe('text arguments at their length limit', () => {
  it('takes search text of exactly the limit and refuses one character more', async () => {
    const api = new TestApi(embeddedStore());
    expect(LIMITS.maxSearchLength).toBe(200);
    expect((await api.run(`{ search(text: "${'a'.repeat(200)}") { score } }`)).errors).toBeUndefined();
    expect((await api.run(`{ search(text: "${'a'.repeat(201)}") { score } }`)).errors?.[0].message).toBe('text must be at most 200 characters; got 201 (at Query.search)');
  });
});

describe('arguments given as null', () => {
  it('takes an explicit null where a page size is optional as no limit, not as a size out of range', async () => {
    const api = new TestApi(embeddedStore());
    const { entity } = await api.data('{ entity(id: "gpu") { relations(first: null) { type } relationCount } }');
    expect(entity.relationCount).toBeGreaterThan(10);
    expect(entity.relations).toHaveLength(entity.relationCount);
  });
});
