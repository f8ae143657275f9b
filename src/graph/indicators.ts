/** Indicators (what comparable metrics measure, their shared `indicator` slug): readable names, and series of metrics. */
import { compareIds } from './traversal.js';
import { nameKey } from './text.js';
import type { EntityRecord } from './types.js';
import { METRIC_UNIT_CODES, type MetricUnit } from './vocabulary.js';

/**
 * A name for each indicator slug of the seed. The seed gives none, so each Chinese name is the whitepaper's own
 * wording as its metrics' Chinese names write it, and the English name translates it (tests/series.test.ts checks both).
 */
export const INDICATOR_NAMES: Record<string, { name: string; nameZh: string }> = {
  'ai-computing-market-size': { name: 'AI computing market size', nameZh: 'AI 计算市场规模' },
  'ai-investment': { name: 'AI investment', nameZh: '人工智能投资' },
  'ai-penetration': { name: 'AI penetration', nameZh: '人工智能渗透度' },
  'application-scale': { name: 'Application scale', nameZh: '应用规模' },
  'assessed-data-centre-count': { name: 'Data centres passing the low-carbon grade assessment', nameZh: '通过数据中心低碳等级评估的数据中心数量' },
  'carbon-footprint': { name: 'Energy used to train an AI model', nameZh: '训练一个AI模型产生的能耗' },
  'computing-power-cagr': { name: 'Computing power CAGR', nameZh: '算力规模复合增长率' },
  'computing-power-growth-rate': { name: 'Computing power growth rate', nameZh: '算力规模同比增速' },
  'computing-power-scale': { name: 'Computing power scale', nameZh: '算力规模' },
  'computing-power-share': { name: 'Share of computing power', nameZh: '算力规模占比' },
  'connection-scale': { name: 'Connection scale', nameZh: '连接数' },
  'data-volume': { name: 'Data volume', nameZh: '数据总量' },
  'data-volume-cagr': { name: 'Data volume CAGR', nameZh: '数据总量年均复合增长率' },
  'inference-efficiency-gain': { name: 'Inference efficiency gain', nameZh: '推理效率提升倍数' },
  'model-parameter-count': { name: 'Model parameter count', nameZh: '参数量' },
  'new-data-vs-past-total': { name: 'New data against the past total', nameZh: '新增的数据量与过去 30 年的总和之比' },
  'recognition-error-rate-reduction': { name: 'Recognition error rate reduction', nameZh: '识别错误率的降幅' },
  'resource-utilization-gain': { name: 'Resource utilization gain', nameZh: '计算资源利用率提升倍数' },
  'server-capacity': { name: 'Server capacity', nameZh: '可承载服务器数量' },
  'training-efficiency-gain': { name: 'Training efficiency gain', nameZh: '训练效率提升倍数' },
  'xr-investment': { name: 'XR investment', nameZh: 'XR 投入' },
};

/** An indicator slug the names table lacks still reads: its words, with the usual acronyms in capitals. */
function derivedName(slug: string): string {
  const words = slug.split('-').map((w) => (['ai', 'xr', 'cagr'].includes(w) ? w.toUpperCase() : w));
  const name = words.join(' ');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export function indicatorNames(slug: string): { name: string; nameZh: string } {
  return INDICATOR_NAMES[slug] ?? { name: derivedName(slug), nameZh: slug };
}

/** The slug that `ref` names among `slugs`: a slug, or an English or Chinese name (compared as names are, by nameKey). */
export function findIndicator(ref: string, slugs: readonly string[]): string | undefined {
  const key = nameKey(ref);
  return slugs.find((slug) => {
    const { name, nameZh } = indicatorNames(slug);
    return nameKey(slug) === key || nameKey(name) === key || nameKey(nameZh) === key;
  });
}

export interface IndicatorSummary {
  slug: string;
  name: string;
  nameZh: string;
  metricCount: number;
  /** In the order of the MetricUnit enum. */
  units: MetricUnit[];
  /** Ascending; undated metrics add none. */
  years: number[];
}

/** Every indicator among `metrics`, ordered by slug. */
export function summarizeIndicators(metrics: readonly EntityRecord[]): IndicatorSummary[] {
  const bySlug = new Map<string, EntityRecord[]>();
  for (const m of metrics) bySlug.set(m.indicator!, [...(bySlug.get(m.indicator!) ?? []), m]);
  return [...bySlug.keys()].sort(compareIds).map((slug) => {
    const measured = bySlug.get(slug)!;
    const units = new Set(measured.map((m) => m.unitCode!));
    const years = new Set(measured.flatMap((m) => (m.year === undefined ? [] : [m.year])));
    return {
      slug,
      ...indicatorNames(slug),
      metricCount: measured.length,
      units: METRIC_UNIT_CODES.filter((u) => units.has(u)),
      years: [...years].sort((a, b) => a - b),
    };
  });
}

/** Metrics of one indicator about one subject in one region and one unit: numbers that can share one axis. */
export interface MetricSeriesRecord {
  indicator: string;
  subject: string;
  /** The Region name the metrics give, or null where they give none. */
  region: string | null;
  unit: string;
  unitZh: string;
  unitCode: MetricUnit;
  /** In the order given (the port's: by year, undated last, then id). */
  metrics: EntityRecord[];
}

/**
 * The series `metrics` form, each metric's subject given by `subjectOf`. The unit's shown form is part of the key,
 * since COUNT metrics of different things (servers, applications) do not share an axis. Ordered by subject id,
 * region (none last), unit code and unit.
 */
export function groupSeries(metrics: readonly EntityRecord[], subjectOf: (metric: EntityRecord) => string): MetricSeriesRecord[] {
  const series = new Map<string, MetricSeriesRecord>();
  for (const m of metrics) {
    const subject = subjectOf(m);
    const key = JSON.stringify([m.indicator, subject, m.region ?? null, m.unitCode, m.unit]);
    let found = series.get(key);
    if (!found) {
      found = { indicator: m.indicator!, subject, region: m.region ?? null, unit: m.unit!, unitZh: m.unitZh!, unitCode: m.unitCode!, metrics: [] };
      series.set(key, found);
    }
    found.metrics.push(m);
  }
  const unitOrder = (u: MetricUnit) => METRIC_UNIT_CODES.indexOf(u);
  return [...series.values()].sort(
    (a, b) =>
      compareIds(a.subject, b.subject) ||
      (a.region === b.region ? 0 : a.region === null ? 1 : b.region === null ? -1 : compareIds(a.region, b.region)) ||
      unitOrder(a.unitCode) - unitOrder(b.unitCode) ||
      compareIds(a.unit, b.unit),
  );
}
