import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi, realSeed, describeEachStore } from './helpers.js';

function codeOf(result: { errors?: { extensions?: Record<string, unknown> }[] }) {
  return result.errors?.[0]?.extensions?.code;
}

/** Every test runs on each store: the API must answer the same whichever store is behind it. */
describeEachStore('the API', ({ open }) => {
  let api: TestApi;
  beforeAll(() => {
    api = new TestApi(open());
  });
  afterAll(async () => {
    await api?.store.close();
  });

  describe('Query.entity', () => {
    it('returns an entity with both names, aliases, descriptions and sections', async () => {
      const { entity } = await api.data(`{ entity(id: "meta") { id kind name nameZh aliases description descriptionZh sections { number title } } }`);
      expect(entity).toMatchObject({ id: 'meta', kind: 'Organization', name: 'Meta', nameZh: '元' });
      expect(entity.aliases).toEqual(expect.arrayContaining(['Facebook', '脸书']));
      expect(entity.description).toMatch(/Facebook/);
      expect(entity.sections).toContainEqual({ number: '3.2.1', title: 'Foundational applications' });
    });

    it('answers null with NOT_FOUND naming the closest entities for an unknown id, and the rest of the query still answers', async () => {
      const result = await api.run('{ entity(id: "liquid-coolng") { id } gpu: entity(id: "GPU") { id } }');
      expect(result.data).toEqual({ entity: null, gpu: { id: 'gpu' } });
      expect(codeOf(result)).toBe('NOT_FOUND');
      expect(result.errors?.[0].path).toEqual(['entity']);
      expect(result.errors?.[0].message).toMatch(/^no entity has the id, name or alias "liquid-coolng" \(argument id\); closest: liquid-cooling \(液冷技术\)/);
    });
  });

  describe('Query.entities', () => {
    it('pages with cursors until the total is reached', async () => {
      const query = 'query($after: String) { entities(kind: Challenge, first: 7, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id kind } } } }';
      const seen: string[] = [];
      let after: string | null = null;
      let total = 0;
      for (let page = 0; page < 50; page++) {
        const { entities }: any = await api.data(query, { after });
        total = entities.totalCount;
        seen.push(...entities.edges.map((e: any) => e.node.id));
        expect(entities.edges.every((e: any) => e.node.kind === 'Challenge')).toBe(true);
        if (!entities.pageInfo.hasNextPage) break;
        after = entities.pageInfo.endCursor;
      }
      expect(total).toBe(realSeed().entities.filter((e) => e.kind === 'Challenge').length);
      expect(seen).toHaveLength(total);
      expect(seen).toEqual([...seen].sort());
      expect(seen).toContain('energy-consumption');
    });

    it('refuses a page larger than 100 and a cursor it did not issue', async () => {
      const big = await api.run('{ entities(first: 101) { totalCount } }');
      expect(codeOf(big)).toBe('BAD_USER_INPUT');
      expect(big.errors?.[0].message).toBe('first must be between 1 and 100; got 101 (at Query.entities)');
      const forged = await api.run('{ entities(after: "bm9wZQ") { totalCount } }');
      expect(codeOf(forged)).toBe('BAD_USER_INPUT');
      expect(forged.errors?.[0].message).toMatch(/^after is not a cursor this API issued/);
    });
  });

  describe('Query.search', () => {
    it('finds entities by Chinese and English names, best first, with scores', async () => {
      const { zh, en } = await api.data(`{
        zh: search(text: "边缘计算", first: 3) { score entity { id } }
        en: search(text: "edge computing", first: 3) { score entity { id } }
      }`);
      expect(zh[0].entity.id).toBe('edge-computing');
      expect(en[0].entity.id).toBe('edge-computing');
      expect(zh[0].score).toBeGreaterThan(zh[1].score);
    });

    it('restricts hits to the kinds asked for', async () => {
      const { search } = await api.data('{ search(text: "数据", kinds: [Challenge], first: 20) { entity { kind } } }');
      expect(search.length).toBeGreaterThan(0);
      expect(search.every((h: any) => h.entity.kind === 'Challenge')).toBe(true);
    });

    it('pages with after: a hit\'s cursor, refusing a cursor it did not issue for search', async () => {
      const { all } = await api.data('{ all: search(text: "cooling", first: 4) { cursor entity { id } } }');
      const { next } = await api.data(`{ next: search(text: "cooling", first: 2, after: "${all[1].cursor}") { entity { id } } }`);
      expect(next.map((h: any) => h.entity.id)).toEqual(all.slice(2).map((h: any) => h.entity.id));
      const { entities } = await api.data('{ entities(first: 1) { edges { cursor } } }');
      const foreign = await api.run(`{ search(text: "cooling", after: "${entities.edges[0].cursor}") { score } }`);
      expect(codeOf(foreign)).toBe('BAD_USER_INPUT');
      expect(foreign.errors?.[0].message).toMatch(/^after is not a search cursor this API issued/);
    });

    it('refuses empty text and over-long text, naming the limit', async () => {
      const empty = await api.run('{ search(text: "   ") { score } }');
      expect(codeOf(empty)).toBe('BAD_USER_INPUT');
      expect(empty.errors?.[0].message).toBe('text must not be empty (at Query.search)');
      const long = await api.run('query($t: String!) { search(text: $t) { score } }', { t: 'x'.repeat(201) });
      expect(long.errors?.[0].message).toBe('text must be at most 200 characters; got 201 (at Query.search)');
    });
  });

  describe('Query.neighborhood', () => {
    it('returns the neighbours of a challenge with the evidence on every edge', async () => {
      const { neighborhood } = await api.data(`{ neighborhood(id: "energy-consumption") { truncated nodes { id } edges { type source { id } target { id } section { number } evidence } } }`);
      expect(neighborhood.truncated).toBe(false);
      expect(neighborhood.nodes.map((n: any) => n.id)).toContain('liquid-cooling');
      const edge = neighborhood.edges.find((e: any) => e.type === 'ADDRESSES' && e.source.id === 'liquid-cooling');
      expect(edge.section.number).toBe('3.3.2');
      expect(edge.evidence).toContain('液冷技术');
    });

    it('says when the limit cut the answer', async () => {
      const { neighborhood } = await api.data('{ neighborhood(id: "artificial-intelligence", depth: 2, limit: 10) { truncated nodes { id } } }');
      expect(neighborhood.truncated).toBe(true);
      expect(neighborhood.nodes).toHaveLength(10);
    });

    it('refuses a depth above 3 and an unknown id', async () => {
      const deep = await api.run('{ neighborhood(id: "gpu", depth: 4) { truncated } }');
      expect(codeOf(deep)).toBe('BAD_USER_INPUT');
      expect(deep.errors?.[0].message).toBe('depth must be between 1 and 3; got 4 (at Query.neighborhood)');
      const missing = await api.run('{ neighborhood(id: "no-such-thing-at-all") { truncated } }');
      expect(codeOf(missing)).toBe('NOT_FOUND');
      expect(missing.errors?.[0].message).toMatch(/^no entity has the id, name or alias "no-such-thing-at-all" \(argument id\)/);
    });

    it('gives every node its distance, degree and whether it was expanded, aligned with nodes, hubs held back by maxDegree', async () => {
      const query = (maxDegree: string) => `{ neighborhood(id: "算网协同", depth: 3${maxDegree}) { nodes { id } members { entity { id } distance degree expanded } } }`;
      const { neighborhood: open } = await api.data(query(''));
      const { neighborhood: damped } = await api.data(query(', maxDegree: 10'));
      expect([open.nodes.length, damped.nodes.length]).toEqual([19, 5]);
      expect(damped.members.map((m: any) => m.entity.id)).toEqual(damped.nodes.map((n: any) => n.id));
      expect(damped.members[2]).toEqual({ entity: { id: 'computing-power-demand' }, distance: 2, degree: 15, expanded: false });
      expect(damped.members[4]).toEqual({ entity: { id: 'artificial-intelligence' }, distance: 3, degree: 94, expanded: false });
    });

    it('draws 500 nodes at depth 3 within the cost limit, at an honest price, and still refuses a heavier selection naming the limit', async () => {
      const drawable = 'truncated nodes { id name nameZh kind } edges { id type source { id } target { id } } members { entity { id } distance degree expanded }';
      const accepted = await api.run(`{ neighborhood(id: "人工智能", depth: 3, limit: 500) { ${drawable} } }`);
      expect(accepted.errors).toBeUndefined();
      // The largest neighbourhood the seed holds at depth 3 has 477 nodes and 849 relations (limit 500 is never reached):
      // neighborhood and truncated, then nodes (1 + 477 × 4), edges (1 + 849 × 6) and members (1 + 477 × 5).
      expect((accepted as { extensions?: Record<string, unknown> }).extensions?.cost).toEqual({ requested: 1 + 1 + (1 + 477 * 4) + (1 + 849 * 6) + (1 + 477 * 5), limit: 20_000 });
      const { nodes, edges } = (accepted.data as any).neighborhood;
      expect(nodes.length).toBeLessThanOrEqual(477);
      expect(edges.length).toBeLessThanOrEqual(849);
      const heavy = await api.run(`{ neighborhood(id: "人工智能", depth: 3, limit: 500) { ${drawable} more: edges { evidence section { id name nameZh } source { name nameZh description descriptionZh kind } target { name nameZh description descriptionZh kind } } } }`);
      expect(codeOf(heavy)).toBe('BAD_USER_INPUT');
      expect(heavy.errors?.[0].message).toMatch(/^query cost \d+ exceeds the limit of 20000/);
      expect(heavy.errors?.[0].extensions).toMatchObject({ limit: 'maxCost', max: 20_000 });
    });
  });

  describe('Query.subgraph', () => {
    it('returns exactly the relations among a set of entities named by id or name, each member at distance 0 with its degree', async () => {
      const refs = ['gpu', '算网协同', 'CPU', '人工智能', 'deep learning'];
      const ids = ['gpu', 'computing-network-synergy', 'cpu', 'artificial-intelligence', 'deep-learning'];
      const { subgraph } = await api.data(`{ subgraph(ids: ${JSON.stringify(refs)}) { truncated nodes { id } edges { id } members { entity { id } distance degree expanded } } }`);
      const among = realSeed().relations.filter((r) => r.type !== 'MENTIONED_IN' && ids.includes(r.source) && ids.includes(r.target));
      expect(subgraph.nodes.map((n: any) => n.id)).toEqual(ids);
      expect(subgraph.edges.map((e: any) => e.id).sort()).toEqual(among.map((r) => `${r.type}:${r.source}:${r.target}`).sort());
      expect(subgraph.edges.map((e: any) => e.id)).toEqual(['IS_A:deep-learning:artificial-intelligence', 'USES:artificial-intelligence:deep-learning']);
      expect(subgraph.members.map((m: any) => `${m.entity.id} ${m.distance}/${m.degree} ${m.expanded}`)).toEqual([
        'gpu 0/8 false', 'computing-network-synergy 0/1 false', 'cpu 0/3 false', 'artificial-intelligence 0/94 false', 'deep-learning 0/31 false',
      ]);
      expect(subgraph.truncated).toBe(false);
    });

    it('follows only the relation types asked for', async () => {
      const { subgraph } = await api.data('{ subgraph(ids: ["人工智能", "深度学习"], relationTypes: [USES]) { edges { id } members { degree } } }');
      expect(subgraph.edges).toEqual([{ id: 'USES:artificial-intelligence:deep-learning' }]);
      const uses = (id: string) => realSeed().relations.filter((r) => r.type === 'USES' && (r.source === id || r.target === id)).length;
      expect(subgraph.members.map((m: any) => m.degree)).toEqual([uses('artificial-intelligence'), uses('deep-learning')]);
    });

    it('refuses an unknown entity naming the closest, and more than 100 ids naming the limit', async () => {
      const missing = await api.run('{ subgraph(ids: ["gpu", "liquid coolng"]) { nodes { id } } }');
      expect(codeOf(missing)).toBe('NOT_FOUND');
      expect(missing.errors?.[0].message).toMatch(/^no entity has the id, name or alias "liquid coolng" \(argument ids\); closest: liquid-cooling \(液冷技术\)/);
      const many = await api.run(`{ subgraph(ids: ${JSON.stringify(Array.from({ length: 101 }, (_, i) => `e${i}`))}) { nodes { id } } }`);
      expect(codeOf(many)).toBe('BAD_USER_INPUT');
      expect(many.errors?.[0].message).toBe('ids must hold 1 to 100 items; got 101 (at Query.subgraph)');
    });

    it('takes exactly 100 ids', async () => {
      const { entities } = await api.data('{ entities(first: 100) { nodes { id } } }');
      const ids = entities.nodes.map((n: { id: string }) => n.id);
      const { subgraph } = await api.data(`{ subgraph(ids: ${JSON.stringify(ids)}) { nodes { id } } }`);
      expect(subgraph.nodes).toHaveLength(100);
    });

    it('refuses an empty list of ids and takes a single id', async () => {
      const none = await api.run('{ subgraph(ids: []) { nodes { id } } }');
      expect(none.errors?.[0].message).toBe('ids must hold 1 to 100 items; got 0 (at Query.subgraph)');
      const { subgraph } = await api.data('{ subgraph(ids: ["gpu"]) { nodes { id } } }');
      expect(subgraph.nodes).toEqual([{ id: 'gpu' }]);
    });
  });

  describe('Node ids for client caches', () => {
    it('gives every relation a stable id that node(id:) fetches again, as it does an entity', async () => {
      const { entity } = await api.data('{ entity(id: "liquid-cooling") { relations(types: [ADDRESSES], direction: OUT) { id type source { id } target { id } evidence } } }');
      const relation = entity.relations.find((r: any) => r.target.id === 'energy-consumption');
      expect(relation.id).toBe('ADDRESSES:liquid-cooling:energy-consumption');
      const { again, gpu, gone, unknown } = await api.data(`{
        again: node(id: "${relation.id}") { id ... on Relation { type evidence source { id } } }
        gpu: node(id: "gpu") { id ... on Entity { kind nameZh } }
        gone: node(id: "USES:liquid-cooling:energy-consumption") { id }
        unknown: node(id: "no-such-thing") { id }
      }`);
      expect(again).toEqual({ id: relation.id, type: 'ADDRESSES', evidence: relation.evidence, source: { id: 'liquid-cooling' } });
      expect(gpu).toEqual({ id: 'gpu', kind: 'Hardware', nameZh: '图形处理器' });
      expect(gone).toBeNull();
      expect(unknown).toBeNull();
    });
  });

  describe('names wherever an entity is named', () => {
    it('takes a Chinese or English name or alias, in any case or width, where an id is asked for', async () => {
      const { zh, en, wide, entity } = await api.data(`{
        zh: neighborhood(id: "液冷") { nodes { id } }
        en: shortestPath(from: "大模型", to: "Liquid Cooling") { nodes { id } }
        wide: entity(id: "ＧＰＵ") { id }
        entity(id: "large models") { id nameZh }
      }`);
      expect(zh.nodes[0].id).toBe('liquid-cooling');
      expect(en.nodes[0].id).toBe('large-models');
      expect(en.nodes.at(-1).id).toBe('liquid-cooling');
      expect(wide).toEqual({ id: 'gpu' });
      expect(entity).toEqual({ id: 'large-models', nameZh: '大模型' });
    });

    it('prefers the entity to a section of the same name, even when the section id sorts first', async () => {
      const { vision, trend } = await api.data(`{
        vision: entity(id: "计算机视觉") { id kind }
        trend: entity(id: "边缘智能应运而生,边缘计算与人工智能融合发展") { id kind }
      }`);
      expect(vision).toEqual({ id: 'computer-vision', kind: 'Technology' });
      expect(trend).toEqual({ id: 'trend-edge-intelligence-emerges', kind: 'Trend' });
    });

    it('answers an unknown name with NOT_FOUND naming the closest entities, in entity() beside a null', async () => {
      const typo = await api.run('{ shortestPath(from: "liquid coolng", to: "gpu") { length } }');
      expect(codeOf(typo)).toBe('NOT_FOUND');
      expect(typo.errors?.[0].message).toMatch(/^no entity has the id, name or alias "liquid coolng" \(argument from\); closest: liquid-cooling \(液冷技术\)/);
      const entity = await api.run('{ entity(id: "liquid-coolng") { id } }');
      expect(entity.data).toEqual({ entity: null });
      expect(entity.errors?.[0].message).toMatch(/closest: liquid-cooling \(液冷技术\)/);
      const id = await api.run('{ neighborhood(id: "liquid-coolng") { truncated } }');
      expect(id.errors?.[0].message).toMatch(/closest: liquid-cooling \(液冷技术\)/);
    });
  });

  describe('Query.shortestPath', () => {
    it('connects an application to a challenge through quoted relations', async () => {
      const { shortestPath } = await api.data(`{ shortestPath(from: "metaverse", to: "energy-consumption") { length nodes { id } edges { type evidence } } }`);
      expect(shortestPath.nodes[0].id).toBe('metaverse');
      expect(shortestPath.nodes.at(-1).id).toBe('energy-consumption');
      expect(shortestPath.length).toBe(shortestPath.edges.length);
      expect(shortestPath.length).toBeGreaterThanOrEqual(2);
      expect(shortestPath.edges.every((e: any) => e.evidence.length > 0)).toBe(true);
    });

    it('returns null when no path fits in maxDepth, and refuses maxDepth above 10', async () => {
      expect(await api.data('{ shortestPath(from: "metaverse", to: "energy-consumption", maxDepth: 1) { length } }')).toEqual({ shortestPath: null });
      const far = await api.run('{ shortestPath(from: "gpu", to: "cpu", maxDepth: 11) { length } }');
      expect(far.errors?.[0].message).toBe('maxDepth must be between 1 and 10; got 11 (at Query.shortestPath)');
    });
  });

  describe('Query.allShortestPaths and Query.connection', () => {
    it('prints how 大模型 and 液冷 are connected, chain by chain and step by step, in Chinese and English names', async () => {
      const { connection } = await api.data(`{
        connection(from: "大模型", to: "液冷", first: 2) {
          from { id } to { id } length
          chains { lineZh line steps { type forward source { id } target { id } section { number } evidence lineZh line } }
        }
      }`);
      expect(connection).toMatchObject({ from: { id: 'large-models' }, to: { id: 'liquid-cooling' }, length: 4 });
      expect(connection.chains.map((c: any) => c.lineZh)).toEqual([
        '大模型 ←ENABLES— 专门为大模型训练而生的AI 服务器 —ENABLES→ 模型训练 —CAUSES→ 能耗 ←ADDRESSES— 液冷技术',
        '大模型 —DRIVES→ 图形处理器 —ENABLES→ 模型训练 —CAUSES→ 能耗 ←ADDRESSES— 液冷技术',
      ]);
      expect(connection.chains[1].line).toBe('Large AI models —DRIVES→ GPU —ENABLES→ Model training —CAUSES→ Energy consumption ←ADDRESSES— Liquid cooling');
      expect(connection.chains[1].steps[3]).toEqual({
        type: 'ADDRESSES', forward: false, source: { id: 'liquid-cooling' }, target: { id: 'energy-consumption' }, section: { number: '3.3.2' },
        evidence: '液冷技术具有比热容大、散热效率高、降低能耗等优点', lineZh: '液冷技术 —ADDRESSES→ 能耗', line: 'Liquid cooling —ADDRESSES→ Energy consumption',
      });
    });

    it('lists paths best first, the first being shortestPath, and nothing when none is within maxDepth', async () => {
      const data = await api.data(`{
        best: shortestPath(from: "大模型", to: "液冷") { nodes { id } }
        all: allShortestPaths(from: "大模型", to: "液冷", first: 100) { length nodes { id } }
        none: allShortestPaths(from: "大模型", to: "液冷", maxDepth: 3) { length }
        far: connection(from: "大模型", to: "液冷", maxDepth: 3) { length chains { line } }
      }`);
      expect(data.all).toHaveLength(10);
      expect(data.all[0].nodes).toEqual(data.best.nodes);
      expect(data.all.every((p: any) => p.length === 4)).toBe(true);
      expect(data.none).toEqual([]);
      expect(data.far).toEqual({ length: null, chains: [] });
    });

    it('answers an unknown name with NOT_FOUND and prices first × path length', async () => {
      const typo = await api.run('{ connection(from: "liquid coolng", to: "gpu") { length } }');
      expect(codeOf(typo)).toBe('NOT_FOUND');
      const big = await api.run('{ allShortestPaths(from: "gpu", to: "cpu", maxDepth: 10, first: 100) { nodes { sections { id } } } }');
      expect(codeOf(big)).toBe('BAD_USER_INPUT');
      expect(big.errors?.[0].message).toMatch(/^query cost \d+ exceeds the limit of 20000/);
      const small = await api.run('{ connection(from: "gpu", to: "cpu", maxDepth: 4, first: 5) { chains { steps { line } } } }');
      // connection 1 + chains (1 + 5 × steps (1 + 4 × line 1)): five chains of at most four steps each.
      expect((small as { extensions?: Record<string, unknown> }).extensions?.cost).toEqual({ requested: 27, limit: 20000 });
    });
  });

  describe('Query.metrics', () => {
    it('answers what intelligent computing power amounted to, by region and year', async () => {
      const { global, china } = await api.data(`{
        global: metrics(subject: "intelligent computing power", region: "Global", year: 2022) { value unit year region source evidence subject { id } }
        china: metrics(subject: "智能算力", region: "中国", year: 2022) { value unit }
      }`);
      expect(global).toContainEqual(expect.objectContaining({ value: 142, unit: 'EFLOPS', year: 2022, region: 'Global', subject: { id: 'intelligent-computing-power' } }));
      expect(china).toContainEqual({ value: 41, unit: 'EFLOPS' });
    });

    it('answers growth rates and forecasts', async () => {
      const { metrics } = await api.data('{ metrics(subject: "intelligent-computing-power", region: "China") { value unit year forecast } }');
      expect(metrics).toContainEqual({ value: 41.4, unit: '%', year: 2022, forecast: false });
      expect(metrics).toContainEqual(expect.objectContaining({ value: 1271.4, unit: 'EFLOPS', year: 2026, forecast: true }));
    });

    it('answers industry penetration scores for both years', async () => {
      const { metrics } = await api.data('{ metrics(subject: "金融行业") { value year } }');
      expect(metrics).toEqual(expect.arrayContaining([{ value: 55, year: 2021 }, { value: 62, year: 2022 }]));
    });

    it('compares AI penetration by industry, 2021 against 2022, in one query by indicator, with the leader the text names without a score', async () => {
      const { metrics } = await api.data('{ metrics(indicator: "ai-penetration") { subject { nameZh } year value unit unitZh unitCode } }');
      const table = metrics.map((m: any) => `${m.subject.nameZh} ${m.year} ${m.unitCode === 'RANK' ? `第${m.value}` : m.value}${m.unitZh}`);
      expect(table).toEqual(['金融行业 2021 55分', '制造业 2021 40分', '电信行业 2021 45分', '金融行业 2022 62分', '互联网行业 2022 第1位', '制造业 2022 45分', '电信行业 2022 51分']);
      const scores = metrics.filter((m: any) => m.unitCode !== 'RANK');
      expect(scores.every((m: any) => m.unitCode === 'SCORE' && m.unit === 'score')).toBe(true);
    });

    it('shows a count by what it counts, qualified as the text qualifies it', async () => {
      const { entity } = await api.data('{ entity(id: "metric-baidu-icc-server-capacity") { ... on Metric { value unit unitZh unitCode qualifier indicator } } }');
      expect(entity).toEqual({ value: 280000, unit: 'servers', unitZh: '台服务器', unitCode: 'COUNT', qualifier: 'APPROXIMATE', indicator: 'server-capacity' });
    });
  });

  describe('events', () => {
    it('tells what happened to AlphaGo: the 2016 event, its quote and everything it concerns', async () => {
      const { entity } = await api.data(`{ entity(id: "alphago") { events { id year name evidence ... on Event { concerns { id } } } } }`);
      expect(entity.events).toEqual([
        {
          id: 'event-2016-alphago-defeats-professional-go-player',
          year: 2016,
          name: 'AlphaGo defeats a professional Go player',
          evidence: '2016年,谷歌开发的人工智能 AlphaGo 战胜专业围棋选手,这一成果迎来了深度学习的热潮',
          concerns: [{ id: 'deep-learning-boom' }, { id: 'alphago' }, { id: 'google' }],
        },
      ]);
    });

    it("lists an entity's events earliest first, and the whole timeline by kind", async () => {
      const { entity, entities } = await api.data(`{
        entity(id: "microsoft") { events { year id } }
        entities(kind: Event, first: 100) { totalCount edges { node { ... on Event { year } } } }
      }`);
      expect(entity.events.map((e: any) => e.year)).toEqual([2011, 2012, 2021]);
      const years = entities.edges.map((e: any) => e.node.year);
      expect(entities.totalCount).toBe(realSeed().entities.filter((e) => e.kind === 'Event').length);
      expect(years).toEqual([...years].sort());
      expect(years[0]).toBe(2011);
    });
  });

  describe('Query.stats', () => {
    it('counts entities per kind and relations per type', async () => {
      const { stats } = await api.data('{ stats { entities relations kinds { kind count } relationTypes { type count } } }');
      const seed = realSeed();
      expect(stats.entities).toBe(seed.entities.length);
      expect(stats.relations).toBe(seed.relations.length);
      expect(stats.kinds).toContainEqual({ kind: 'Section', count: 35 });
      expect(stats.kinds).toContainEqual({ kind: 'Figure', count: 10 });
      expect(stats.relationTypes.find((t: any) => t.type === 'MEASURES').count).toBe(seed.entities.filter((e) => e.kind === 'Metric').length);
    });
  });

  describe('typed relationship fields answer relationship questions', () => {
    it('the energy-consumption challenge lists liquid cooling among its solutions, with a quote', async () => {
      const { entity } = await api.data(`{ entity(id: "energy-consumption") {
        ... on Challenge { solutions { id name } }
        relations(types: [ADDRESSES], direction: IN) { source { id } evidence section { number } }
      } }`);
      expect(entity.solutions).toContainEqual({ id: 'liquid-cooling', name: 'Liquid cooling' });
      const quote = entity.relations.find((r: any) => r.source.id === 'liquid-cooling');
      expect(quote.section.number).toBe('3.3.2');
      expect(quote.evidence).toContain('液冷技术');
    });

    it('an application lists the technologies it uses and the industries it is applied in', async () => {
      const { entity } = await api.data('{ entity(id: "digital-twin") { ... on Application { technologies { id } industries { id } } } }');
      expect(entity.technologies.map((t: any) => t.id)).toEqual(expect.arrayContaining(['internet-of-things', 'cloud-computing', 'artificial-intelligence']));
      expect(entity.industries.map((t: any) => t.id)).toEqual(expect.arrayContaining(['manufacturing', 'healthcare']));
    });

    it('an organization lists what it launched', async () => {
      const { entity } = await api.data('{ entity(id: "h3c") { ... on Organization { products { id kind } } } }');
      expect(entity.products.length).toBeGreaterThanOrEqual(3);
      expect(entity.products.map((p: any) => p.kind)).toContain('Hardware');
    });

    it('a metric names its subject and the sources its own words name', async () => {
      const { forecast, stated } = await api.data(`{
        forecast: entity(id: "metric-china-intelligent-computing-power-2026-forecast") { ... on Metric { value subject { id } sources { id } } }
        stated: entity(id: "metric-china-intelligent-computing-power-2022") { ... on Metric { sources { id } figures { id sources { id } } } }
      }`);
      expect(forecast).toEqual({ value: 1271.4, subject: { id: 'intelligent-computing-power' }, sources: [{ id: 'idc' }] });
      // Its sentence names no source: the attribution is Figure 2's caption, one hop further.
      expect(stated.sources).toEqual([]);
      expect(stated.figures).toEqual([{ id: 'figure-2', sources: expect.arrayContaining([{ id: 'caict' }]) }]);
    });

    it('a section lists its subsections in order and what it discusses', async () => {
      const { entity } = await api.data('{ entity(id: "section-3-3") { ... on Section { number title titleZh subsections { number } entities { id } } } }');
      expect(entity.subsections.map((s: any) => s.number)).toEqual(['3.3.1', '3.3.2', '3.3.3', '3.3.4', '3.3.5']);
      expect(entity.titleZh).toBe('智能算力发展挑战及解决方案');
    });

    it('a figure gives its caption and what it shows', async () => {
      const { entity } = await api.data('{ entity(id: "figure-1") { ... on Figure { number caption sections { number } illustrates { id } sources { id } } } }');
      // The caption stands in 2.1; its footnote on data sources lands in 2.2 of the extracted text.
      expect(entity).toMatchObject({ number: 1, caption: '图 1 近两年全球算力规模情况', sections: [{ number: '2.1' }, { number: '2.2' }] });
      expect(entity.illustrates.length).toBeGreaterThan(0);
      expect(entity.sources.map((s: any) => s.id).sort()).toEqual(['caict', 'china-computing-power-whitepaper-2022', 'gartner', 'idc']);
    });
  });
});
