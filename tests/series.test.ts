import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATOR_NAMES } from '../src/graph/indicators.js';
import { nameKey } from '../src/graph/text.js';
import { TestApi, describeEachStore, realSeed } from './helpers.js';

/** A series as one line per point: "subject region unit: year value", forecasts marked. */
function table(series: any[]): string[] {
  return series.flatMap((s) =>
    s.points.map((p: any) => `${s.subject.id} ${s.region?.name ?? '-'} ${s.unitCode}: ${p.year ?? p.asOf} ${p.value}${p.forecast ? ' forecast' : ''}`),
  );
}

const SERIES = 'subject { id nameZh } region { name nameZh } unit unitZh unitCode points { year asOf value qualifier forecast metric { id evidence } }';

describeEachStore('metric series and indicators', ({ open }) => {
  let api: TestApi;
  beforeAll(() => {
    api = new TestApi(open());
  });
  afterAll(async () => {
    await api?.store.close();
  });

  it('answers AI penetration by industry, 2021 against 2022, in one query: a series per industry, values by year', async () => {
    const { metricSeries } = await api.data(`{ metricSeries(indicator: "ai-penetration") { indicator ${SERIES} } }`);
    expect(table(metricSeries)).toEqual([
      'finance China SCORE: 2021 55',
      'finance China SCORE: 2022 62',
      'internet-industry China RANK: 2022 1',
      'manufacturing China SCORE: 2021 40',
      'manufacturing China SCORE: 2022 45',
      'telecommunications China SCORE: 2021 45',
      'telecommunications China SCORE: 2022 51',
    ]);
    expect(metricSeries.map((s: any) => `${s.subject.nameZh} ${s.unitZh}`)).toEqual(['金融行业 分', '互联网行业 位', '制造业 分', '电信行业 分']);
    expect(metricSeries.every((s: any) => s.indicator === 'ai-penetration' && s.region.nameZh === '中国')).toBe(true);
    expect(metricSeries[0].points[1].metric.evidence).toMatch(/62/);
  });

  it('answers China against global intelligent computing power, 2022 and the 2026 forecast, in one query', async () => {
    const { metricSeries } = await api.data(`{ metricSeries(indicator: "computing-power-scale", subject: "智能算力") { ${SERIES} } }`);
    expect(table(metricSeries)).toEqual([
      'intelligent-computing-power China EFLOPS: 2022 41',
      'intelligent-computing-power China EFLOPS: 2026 1271.4 forecast',
      'intelligent-computing-power Global EFLOPS: 2022 142',
    ]);
    expect(metricSeries[0].points[1].metric.id).toBe('metric-china-intelligent-computing-power-2026-forecast');
  });

  it('takes an indicator by its slug, its English name or its Chinese name, in metricSeries and in metrics', async () => {
    const query = '{ a: metricSeries(indicator: "ai-penetration") { points { value } } b: metricSeries(indicator: "AI Penetration") { points { value } } c: metricSeries(indicator: "人工智能渗透度") { points { value } } d: metrics(indicator: "人工智能渗透度") { id } }';
    const { a, b, c, d } = await api.data(query);
    expect(a.flatMap((s: any) => s.points.map((p: any) => p.value))).toEqual([55, 62, 1, 40, 45, 45, 51]);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(d).toHaveLength(7);
  });

  it('answers NOT_FOUND for an indicator that names nothing, naming the argument', async () => {
    const result = await api.run('{ metricSeries(indicator: "人工智能渗透率") { unit } }');
    expect(result.data).toBeNull();
    expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(result.errors?.[0].message).toBe('no indicator has the slug or name "人工智能渗透率" (argument indicator); Query.indicators lists them');
  });

  it('narrows series by region and subject named in either language, and leaves none for names that match nothing', async () => {
    const { global, finance, atlantis, nobody } = await api.data(`{
      global: metricSeries(indicator: "computing-power-scale", region: "全球") { subject { id } region { id } points { value } }
      finance: metricSeries(indicator: "ai-penetration", subject: "Finance") { subject { id } points { year value } }
      atlantis: metricSeries(indicator: "ai-penetration", region: "Atlantis") { unit }
      nobody: metricSeries(indicator: "ai-penetration", subject: "no-such-industry") { unit }
    }`);
    expect(global.map((s: any) => `${s.subject.id} ${s.region.id} ${s.points.map((p: any) => p.value)}`)).toEqual([
      'computing-power global 650',
      'general-purpose-computing-power global 498',
      'intelligent-computing-power global 142',
      'supercomputing-power global 10',
    ]);
    expect(finance).toEqual([{ subject: { id: 'finance' }, points: [{ year: 2021, value: 55 }, { year: 2022, value: 62 }] }]);
    expect(atlantis).toEqual([]);
    expect(nobody).toEqual([]);
  });

  it('keeps a ranking and a value of one subject in separate series, and gives an undated value its asOf date', async () => {
    const { metricSeries } = await api.data(`{ metricSeries(indicator: "computing-power-scale", region: "China") { ${SERIES} } }`);
    expect(table(metricSeries).filter((line) => line.startsWith('computing-power '))).toEqual(['computing-power China EFLOPS: 2022 180', 'computing-power China RANK: 2022 2']);
    const { baidu } = await api.data(`{ baidu: metricSeries(indicator: "computing-power-scale", subject: "baidu-intelligent-computing-center") { ${SERIES} } }`);
    expect(baidu).toHaveLength(1);
    expect(baidu[0].region).toBeNull();
    expect(baidu[0].points).toEqual([{ year: null, asOf: '2023-08', value: 4, qualifier: null, forecast: false, metric: expect.objectContaining({ id: expect.any(String) }) }]);
  });

  it('lists every indicator with its names, how many metrics it has, their units and years', async () => {
    const { indicators } = await api.data('{ indicators { slug name nameZh metricCount units years } }');
    expect(indicators).toHaveLength(21);
    expect(indicators.reduce((sum: number, i: any) => sum + i.metricCount, 0)).toBe(42);
    expect(indicators.find((i: any) => i.slug === 'ai-penetration')).toEqual({
      slug: 'ai-penetration', name: 'AI penetration', nameZh: '人工智能渗透度', metricCount: 7, units: ['SCORE', 'RANK'], years: [2021, 2022],
    });
    expect(indicators.find((i: any) => i.slug === 'computing-power-scale')).toEqual({
      slug: 'computing-power-scale', name: 'Computing power scale', nameZh: '算力规模', metricCount: 11, units: ['EFLOPS', 'RANK'], years: [2022, 2026],
    });
  });

  it('prices series and indicators by the longest lists the graph has: 10 series of an indicator, 2 points a series, 21 indicators', async () => {
    const cost = async (query: string) => ((await api.run(query)) as { extensions?: { cost?: unknown } }).extensions?.cost;
    expect(await cost('{ metricSeries(indicator: "ai-penetration") { unit points { value } } }')).toEqual({ requested: 1 + 10 * (1 + 1 + 2 * 1), limit: 20000 });
    expect(await cost('{ indicators { slug units } }')).toEqual({ requested: 1 + 21 * 2, limit: 20000 });
  });
});

describe('indicator names', () => {
  it('name every indicator of the seed, each Chinese name in the words of one of its metrics’ Chinese names', () => {
    const metrics = realSeed().entities.filter((e) => e.kind === 'Metric');
    const slugs = [...new Set(metrics.map((m) => m.indicator!))].sort();
    expect(Object.keys(INDICATOR_NAMES).sort()).toEqual(slugs);
    for (const [slug, { nameZh }] of Object.entries(INDICATOR_NAMES)) {
      const names = metrics.filter((m) => m.indicator === slug).map((m) => nameKey(m.nameZh));
      expect(names.some((n) => n.includes(nameKey(nameZh))), `${slug}: ${nameZh}`).toBe(true);
    }
  });
});
