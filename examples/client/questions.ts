/** Real questions asked through the typed client; each answer is narrowed by `__typename` where entities differ. */
import { request } from './client.js';
import { Neighbours, SearchByName, Series } from './operations.js';

/** Who or what goes by this name? One line per hit: kind, Chinese name and id. */
export async function whoIs(url: string, text: string): Promise<string[]> {
  const { search } = await request(url, SearchByName, { text });
  return search.map(({ entity }) => `${entity.kind} ${entity.nameZh} (${entity.id})`);
}

/** What lies next to an entity, each neighbour described by what its kind has. */
export async function neighbours(url: string, id: string): Promise<string[]> {
  const { neighborhood } = await request(url, Neighbours, { id });
  return neighborhood.nodes.map((node) => {
    switch (node.__typename) {
      case 'Organization':
        return `organization ${node.nameZh}: ${node.products.map((p) => p.name).join(', ') || 'no products'}`;
      case 'Application':
        return `application ${node.nameZh}: uses ${node.technologies.map((t) => t.name).join(', ') || 'nothing named'}`;
      case 'Metric':
        return `metric ${node.value} ${node.unit}, ${node.region ?? 'no region'} ${node.year ?? 'undated'}`;
      default:
        return `${node.kind} ${node.name}`;
    }
  });
}

/** An indicator across subjects and regions: one line per series, its points by year. */
export async function series(url: string, indicator: string, subject?: string): Promise<string[]> {
  const { metricSeries } = await request(url, Series, { indicator, subject });
  return metricSeries.map((s) => {
    const points = s.points.map((p) => `${p.year ?? 'undated'}: ${p.value}${p.forecast ? ' (forecast)' : ''}`);
    return `${s.subject.nameZh} ${s.region?.nameZh ?? ''} ${s.unit}: ${points.join(', ')}`.replace(/ {2}/, ' ');
  });
}
