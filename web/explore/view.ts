/** What the explorer shows, and its deep link: the view written to and read back from the URL's query string. */

type Lang = 'zh' | 'en';

export interface View {
  /** Entities whose neighbourhoods are drawn, in the order they were expanded (the first is the centre). */
  expanded: string[];
  from?: string;
  to?: string;
  /** Entity kinds and relation types not drawn (kinds are CamelCase, types UPPER_CASE, so one list holds both). */
  hidden: string[];
  lang: Lang;
  /** Hops of each neighbourhood (1 to 3). */
  depth: number;
  /** Most nodes per neighbourhood (1 to 500). */
  limit: number;
  /** The entity or relation whose details are open. */
  selected?: string;
}

/** MENTIONED_IN ties nearly everything to a section: left out until asked for, as the API does. */
export const DEFAULT_VIEW: View = { expanded: [], hidden: ['MENTIONED_IN'], lang: 'zh', depth: 1, limit: 80 };

function list(value: string | null): string[] {
  return value ? value.split(',').map((s) => s.trim()).filter(Boolean) : [];
}

function bounded(value: string | null, min: number, max: number, fallback: number): number {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}

/** Reads a view from a query string; anything missing or malformed takes its default. */
export function parseView(search: string): View {
  const p = new URLSearchParams(search);
  return {
    expanded: [...new Set(list(p.get('e')))],
    from: p.get('from') || undefined,
    to: p.get('to') || undefined,
    hidden: p.has('hide') ? list(p.get('hide')) : DEFAULT_VIEW.hidden,
    lang: p.get('lang') === 'en' ? 'en' : 'zh',
    depth: bounded(p.get('depth'), 1, 3, DEFAULT_VIEW.depth),
    limit: bounded(p.get('limit'), 1, 500, DEFAULT_VIEW.limit),
    selected: p.get('sel') || undefined,
  };
}

/** The query string of a view (with its `?`), leaving out what equals the default; parseView reads it back. */
export function formatView(view: View): string {
  const p = new URLSearchParams();
  if (view.expanded.length) p.set('e', view.expanded.join(','));
  if (view.from) p.set('from', view.from);
  if (view.to) p.set('to', view.to);
  if (view.hidden.join(',') !== DEFAULT_VIEW.hidden.join(',')) p.set('hide', view.hidden.join(','));
  if (view.lang !== DEFAULT_VIEW.lang) p.set('lang', view.lang);
  if (view.depth !== DEFAULT_VIEW.depth) p.set('depth', String(view.depth));
  if (view.limit !== DEFAULT_VIEW.limit) p.set('limit', String(view.limit));
  if (view.selected) p.set('sel', view.selected);
  const text = p.toString().replaceAll('%2C', ',').replaceAll('%3A', ':');
  return text ? `?${text}` : '';
}
