import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENTITY_KINDS } from '../src/graph/vocabulary.js';
import { nodeStyle, parseGrass, relationshipStyle } from '../web/explore/grass.js';

const grassText = readFileSync(new URL('../browser/style.grass', import.meta.url), 'utf8');

describe('the explorer’s reading of browser/style.grass', () => {
  const grass = parseGrass(grassText);

  it('takes a kind’s fill, border and diameter from its own rule', () => {
    expect(nodeStyle(grass, 'Technology')).toEqual({ fill: '#4C8EDA', border: '#2870C2', diameter: 55 });
    expect(nodeStyle(grass, 'Region')).toEqual({ fill: '#A6CEE3', border: '#76ADCB', diameter: 50 });
  });

  it('falls back to the node defaults for a kind the sheet does not name', () => {
    expect(nodeStyle(grass, 'Unheard')).toEqual({ fill: '#A5ABB6', border: '#9AA1AC', diameter: 50 });
  });

  it('has a rule of its own for every entity kind of the schema, each with a distinct fill', () => {
    const kinds = [...ENTITY_KINDS];
    expect(kinds).toHaveLength(23);
    expect(kinds.filter((kind) => !grass.nodes[kind])).toEqual([]);
    expect(new Set(kinds.map((kind) => nodeStyle(grass, kind).fill)).size).toBe(23);
  });

  it('reads relation colours and widths, and the default for other types', () => {
    expect(relationshipStyle(grass, 'ADDRESSES')).toEqual({ color: '#23B3D7', width: 3 });
    expect(relationshipStyle(grass, 'USES')).toEqual({ color: '#A5ABB6', width: 1 });
  });

  it('keeps a quoted value whole, with its spaces, braces and semicolons', () => {
    const parsed = parseGrass('node { caption: "{name}"; }\nnode.Metric { caption: "{value}; {unit}"; color: #ECB5C9 }');
    expect(parsed.nodes).toEqual({ '*': { caption: '{name}' }, Metric: { caption: '{value}; {unit}', color: '#ECB5C9' } });
  });
});
