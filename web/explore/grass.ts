/** Reads a Neo4j Browser style sheet (.grass): the explorer takes its colours per kind from browser/style.grass. */

/** One rule's declarations, e.g. { color: '#4C8EDA', 'border-color': '#2870C2', diameter: '55px' }. */
type GrassDeclarations = Record<string, string>;

export interface Grass {
  /** `node` under '*', `node.Kind` under 'Kind'. */
  nodes: Record<string, GrassDeclarations>;
  /** `relationship` under '*', `relationship.TYPE` under 'TYPE'. */
  relationships: Record<string, GrassDeclarations>;
}

export interface NodeStyle {
  fill: string;
  border: string;
  diameter: number;
}

/** Parses rules of the form `selector { key: value; … }`; a value may be quoted and hold `;` or `{`. */
export function parseGrass(text: string): Grass {
  const grass: Grass = { nodes: {}, relationships: {} };
  const rule = /([A-Za-z_][\w.-]*)\s*\{((?:"[^"]*"|[^}"])*)\}/g;
  for (const [, selector, body] of text.matchAll(rule)) {
    const [element, name = '*'] = selector.split('.', 2);
    const target = element === 'node' ? grass.nodes : element === 'relationship' ? grass.relationships : undefined;
    if (!target) continue;
    const declarations: GrassDeclarations = { ...target[name] };
    for (const [, key, value] of body.matchAll(/([\w-]+)\s*:\s*("[^"]*"|[^;]*)\s*(?:;|$)/g)) {
      declarations[key] = value.trim().replace(/^"(.*)"$/, '$1');
    }
    target[name] = declarations;
  }
  return grass;
}

/** The style of a kind: its own rule over the `node` defaults, as Neo4j Browser applies them. */
export function nodeStyle(grass: Grass, kind: string): NodeStyle {
  const d = { ...grass.nodes['*'], ...grass.nodes[kind] };
  return { fill: d.color ?? '#A5ABB6', border: d['border-color'] ?? '#9AA1AC', diameter: Number.parseFloat(d.diameter ?? '50') };
}

/** A relation type's line colour and width, over the `relationship` defaults. */
export function relationshipStyle(grass: Grass, type: string): { color: string; width: number } {
  const d = { ...grass.relationships['*'], ...grass.relationships[type] };
  return { color: d.color ?? '#A5ABB6', width: Number.parseFloat(d['shaft-width'] ?? '1') };
}
