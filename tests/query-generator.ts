/** Queries generated from the schema over the real seed, for the cost property test and the worst-case bench. */
import {
  buildSchema,
  getNamedType,
  isAbstractType,
  isEnumType,
  isLeafType,
  isListType,
  isNonNullType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { LIMITS } from '../src/config.js';
import { loadTypeDefs } from '../src/server.js';
import { realSeed } from './helpers.js';
import { seededRandom } from './random.js';

const schema: GraphQLSchema = buildSchema(loadTypeDefs());
const seed = realSeed();
const ids = seed.entities.map((e) => e.id);
// The most connected entities make the longest lists: ask for them often.
const degree = new Map<string, number>();
for (const r of seed.relations) for (const id of [r.source, r.target]) degree.set(id, (degree.get(id) ?? 0) + 1);
const hubs = [...degree.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([id]) => id);
const names = seed.entities.flatMap((e) => [e.name, e.nameZh]);
const indicators = [...new Set(seed.entities.flatMap((e) => (e.indicator ? [e.indicator] : [])))];

/** A small deterministic generator driven by one seed, so a failing query can be reproduced from its seed. */
class Draw {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = seededRandom(seed);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  some<T>(items: readonly T[], most: number): T[] {
    const chosen = new Set<T>();
    const n = this.int(1, Math.min(most, items.length));
    while (chosen.size < n) chosen.add(this.pick(items));
    return [...chosen];
  }
}

function literal(draw: Draw, arg: GraphQLArgument): string | undefined {
  const type = arg.type as GraphQLInputType;
  const named = getNamedType(type);
  const required = isNonNullType(type) && arg.defaultValue === undefined;
  if (!required && draw.chance(0.4)) return undefined;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isEnumType(named)) {
    const values = named.getValues().map((v) => v.name);
    return isListType(inner) ? `[${draw.some(values, 4).join(', ')}]` : draw.pick(values);
  }
  switch (arg.name) {
    case 'first':
      return String(draw.chance(0.5) ? draw.int(1, 5) : draw.int(1, LIMITS.maxPageSize));
    case 'depth':
      return String(draw.int(1, LIMITS.maxNeighborhoodDepth));
    case 'limit':
      return String(draw.int(1, LIMITS.maxNeighborhoodNodes));
    case 'maxDepth':
      return String(draw.int(1, LIMITS.maxPathDepth));
    case 'year':
      return String(draw.int(2018, 2030));
    case 'id':
    case 'from':
    case 'to':
      return JSON.stringify(draw.chance(0.6) ? draw.pick(hubs) : draw.pick(ids));
    case 'text':
    case 'subject':
      return JSON.stringify(draw.pick(names).slice(0, draw.int(1, 6)));
    case 'region':
      return JSON.stringify(draw.pick(['China', '中国', 'Global']));
    case 'indicator':
      return JSON.stringify(draw.pick(indicators));
    default:
      return undefined;
  }
}

function fieldText(draw: Draw, field: GraphQLField<unknown, unknown>, depth: number): string {
  const args = field.args.map((a) => [a.name, literal(draw, a)] as const).filter(([, v]) => v !== undefined);
  const head = args.length ? `${field.name}(${args.map(([k, v]) => `${k}: ${v}`).join(', ')})` : field.name;
  const named = getNamedType(field.type);
  if (isLeafType(named)) return head;
  return `${head} { ${selection(draw, named as GraphQLObjectType, depth + 1)} }`;
}

/**
 * A selection on `type`: a few fields, and on an interface sometimes fragments on some of its kinds, which select only
 * their own fields (the same field twice with other arguments would not validate).
 */
function selection(draw: Draw, type: GraphQLObjectType, depth: number, besides = new Set<string>()): string {
  const fields = Object.values(type.getFields()).filter((f) => !besides.has(f.name));
  const leaves = fields.filter((f) => isLeafType(getNamedType(f.type)));
  const nested = fields.filter((f) => !isLeafType(getNamedType(f.type)));
  const chosen = new Set(leaves.length ? draw.some(leaves, 3) : []);
  if (depth < 5 && nested.length) for (const f of draw.some(nested, 2)) chosen.add(f);
  if (!chosen.size) chosen.add(draw.pick(fields));
  const parts = [...chosen].map((f) => fieldText(draw, f, depth));
  if (isAbstractType(type) && depth < 5 && draw.chance(0.7)) {
    const shared = new Set(Object.keys(type.getFields()));
    for (const kind of draw.some(schema.getPossibleTypes(type), 3)) {
      if (Object.keys(kind.getFields()).length > shared.size) parts.push(`... on ${kind.name} { ${selection(draw, kind, depth + 1, shared)} }`);
    }
  }
  return [...new Set(parts)].join(' ');
}

/** A query of one or two root fields, drawn from `seedValue`: the same seed gives the same query. */
export function generateQuery(seedValue: number): string {
  const draw = new Draw(seedValue);
  const query = schema.getQueryType()!;
  const roots = draw.some(Object.values(query.getFields()), 2);
  return `{ ${roots.map((f, i) => `r${i}: ${fieldText(draw, f, 1)}`).join(' ')} }`;
}
