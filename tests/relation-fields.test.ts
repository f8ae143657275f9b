import { buildSchema, isInterfaceType, isListType, isNonNullType, isObjectType, type GraphQLField, type GraphQLOutputType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../src/server.js';
import type { EntityRecord, RelationRecord } from '../src/graph/types.js';
import { TestApi, realSeed, describeEachStore } from './helpers.js';

/**
 * Every typed relationship field documents the relations it follows ("Follows ADDRESSES in, USES out (Technology).").
 * This suite reads those sentences from the SDL and checks, for every entity of every kind, that the field returns
 * exactly the entities those relations reach in the seed: the SDL's promise is the oracle, not the resolver code.
 */
const schema = buildSchema(loadTypeDefs());
const seed = realSeed();
const byId = new Map(seed.entities.map((e) => [e.id, e]));

interface Leg {
  type: string;
  direction: 'out' | 'in' | 'both';
  kinds?: string[];
}

function legsOf(field: GraphQLField<unknown, unknown>): Leg[] | undefined {
  const match = /Follows (.+)\.$/.exec(field.description ?? '');
  if (!match) return undefined;
  return match[1].split(', ').map((part) => {
    const m = /^([A-Z_]+) (out|in|both)(?: \(([A-Za-z/]+)\))?$/.exec(part);
    if (!m) throw new Error(`cannot read leg "${part}" of ${field.name}`);
    return { type: m[1], direction: m[2] as Leg['direction'], kinds: m[3]?.split('/') };
  });
}

function namedType(type: GraphQLOutputType): string {
  let t: any = type;
  while (isNonNullType(t) || isListType(t)) t = t.ofType;
  return t.name;
}

function expected(entity: EntityRecord, legs: Leg[]): string[] {
  const found = new Set<string>();
  for (const r of seed.relations as RelationRecord[]) {
    for (const leg of legs) {
      if (r.type !== leg.type) continue;
      const others: string[] = [];
      if (leg.direction !== 'in' && r.source === entity.id) others.push(r.target);
      if (leg.direction !== 'out' && r.target === entity.id) others.push(r.source);
      for (const other of others) if (!leg.kinds || leg.kinds.includes(byId.get(other)!.kind)) found.add(other);
    }
  }
  return [...found].sort();
}

const fields = Object.values(schema.getTypeMap())
  .filter((t) => isObjectType(t) && t.getInterfaces().some((i) => i.name === 'Entity'))
  .flatMap((t) => Object.values((t as any).getFields() as Record<string, GraphQLField<unknown, unknown>>).map((f) => ({ kind: t.name, field: f, legs: legsOf(f) })))
  .filter((f): f is { kind: string; field: GraphQLField<unknown, unknown>; legs: Leg[] } => f.legs !== undefined);

describe('typed relationship fields', () => {
  it('are documented with the relations they follow, for every entity kind', () => {
    expect(isInterfaceType(schema.getType('Entity'))).toBe(true);
    expect(fields.length).toBeGreaterThan(80);
  });
});

describeEachStore('typed relationship fields', ({ open }) => {
  let api: TestApi;
  beforeAll(() => {
    api = new TestApi(open());
  });
  afterAll(async () => {
    await api?.store.close();
  });

  it.each(fields.map((f) => [`${f.kind}.${f.field.name}`, f] as const))('%s returns exactly the entities its relations reach', async (_name, { kind, field, legs }) => {
    const entities = seed.entities.filter((e) => e.kind === kind);
    const single = !isListType(isNonNullType(field.type) ? field.type.ofType : field.type);
    const target = namedType(field.type);
    // Aliases are limited to 15 a request, so ask in chunks.
    const data: Record<string, any> = {};
    for (let start = 0; start < entities.length; start += 15) {
      const chunk = entities.slice(start, start + 15);
      const query = chunk.map((e, j) => `e${start + j}: entity(id: "${e.id}") { ... on ${kind} { ${field.name} { id kind } } }`).join(' ');
      Object.assign(data, await api.data(`{ ${query} }`));
    }
    let nonEmpty = 0;
    entities.forEach((entity, i) => {
      const value = data[`e${i}`][field.name];
      const got = (single ? (value ? [value] : []) : value).map((v: { id: string }) => v.id).sort();
      const want = expected(entity, legs);
      if (single) expect(got).toEqual(want.slice(0, 1));
      else expect(got, `${entity.id}.${field.name}`).toEqual(want);
      if (target !== 'Entity') for (const v of single ? (value ? [value] : []) : value) expect(v.kind).toBe(target);
      if (got.length) nonEmpty++;
    });
    // A field the seed never fills is a field no question can be answered with.
    expect(nonEmpty, `${kind}.${field.name} is empty for every ${kind}`).toBeGreaterThan(0);
  });
});
