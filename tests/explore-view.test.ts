import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, formatView, parseView, type View } from '../web/explore/view.js';

describe('the explorer’s deep link', () => {
  it('writes nothing for the default view and reads the default back from nothing', () => {
    expect(formatView(DEFAULT_VIEW)).toBe('');
    expect(parseView('')).toEqual(DEFAULT_VIEW);
  });

  it('writes a view as a readable query string and reads the same view back', () => {
    const view: View = { expanded: ['liquid-cooling', 'energy-consumption'], from: 'large-ai-models', to: 'liquid-cooling', hidden: ['Metric', 'MENTIONED_IN', 'USES'], lang: 'en', depth: 2, limit: 200, selected: 'ADDRESSES:liquid-cooling:energy-consumption' };
    const search = formatView(view);
    expect(search).toBe('?e=liquid-cooling,energy-consumption&from=large-ai-models&to=liquid-cooling&hide=Metric,MENTIONED_IN,USES&lang=en&depth=2&limit=200&sel=ADDRESSES:liquid-cooling:energy-consumption');
    expect(parseView(search)).toEqual(view);
  });

  it('keeps an empty hide list apart from the default one, so showing MENTIONED_IN survives a reload', () => {
    expect(formatView({ ...DEFAULT_VIEW, hidden: [] })).toBe('?hide=');
    expect(parseView('?hide=').hidden).toEqual([]);
  });

  it('takes the default for a depth, limit or language out of range, and drops repeated entities', () => {
    expect(parseView('?depth=9&limit=0&lang=fr&e=a,,a,b')).toEqual({ ...DEFAULT_VIEW, expanded: ['a', 'b'] });
  });

  it('carries Chinese ids and names through the URL unharmed', () => {
    expect(parseView(formatView({ ...DEFAULT_VIEW, from: '大模型', to: '液冷' }))).toMatchObject({ from: '大模型', to: '液冷' });
  });
});
