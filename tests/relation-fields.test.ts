import { buildSchema, isObjectType, type GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../src/server.js';
import { ENTITY_KINDS, RELATION_TYPES } from '../src/graph/vocabulary.js';
import type { EntityRecord, RelationRecord } from '../src/graph/types.js';
import { compareIds } from '../src/graph/traversal.js';
import { RELATION_FIELDS, type RelationField } from '../src/resolvers/fields.js';
import type { Leg } from '../src/resolvers/fields.js';
import { fieldType } from '../scripts/schema.js';
import { TestApi, realSeed, describeEachStore } from './helpers.js';

/**
 * Every typed relationship field is one row of the table in src/resolvers/fields.ts: its legs. This suite iterates
 * the table and checks, for every entity of every kind, that the field returns exactly (and in order) the entities
 * those legs reach in the seed relations, computed here directly; and that the schema's description names exactly
 * those legs, read by a strict parser that fails on any wording it does not know.
 */
const schema = buildSchema(loadTypeDefs());
const seed = realSeed();
const byId = new Map(seed.entities.map((e) => [e.id, e]));

const fields = ENTITY_KINDS.flatMap((kind) =>
  Object.entries(RELATION_FIELDS[kind] as Record<string, RelationField>).map(([name, field]) => ({ kind, name, field })),
);

const WAYS: Record<string, Leg[1]> = { out: 'OUT', in: 'IN', 'both ways': 'BOTH' };

/** The legs a description names, or an error for any wording outside the one form the generator writes. */
function legsNamed(description: string): Leg[] {
  const sentence = / Follows (.+)\.$/.exec(description)?.[1];
  if (!sentence) throw new Error(`no "Follows …." sentence in "${description}"`);
  const each = / \(each to ([A-Za-z ]+) only\)$/.exec(sentence);
  const shared = each?.[1].split(' or ');
  const parts = (each ? sentence.slice(0, each.index) : sentence).split(', ');
  return parts.map((part) => {
    const m = /^([A-Z_]+) (out|in|both ways)(?: \(to ([A-Za-z ]+) only\))?$/.exec(part);
    if (!m || !(RELATION_TYPES as readonly string[]).includes(m[1])) throw new Error(`cannot read leg "${part}" in "${description}"`);
    const kinds = m[3]?.split(' or ') ?? shared;
    return (kinds ? [m[1], WAYS[m[2]], kinds] : [m[1], WAYS[m[2]]]) as Leg;
  });
}

/** The entities the legs reach from `entity` in the seed, in the field's order (kind then id unless it has its own). */
function expected(entity: EntityRecord, field: RelationField): string[] {
  const found = new Map<string, EntityRecord>();
  for (const r of seed.relations as RelationRecord[]) {
    for (const [type, direction, kinds] of field.legs) {
      if (r.type !== type) continue;
      const others: string[] = [];
      if (direction !== 'IN' && r.source === entity.id) others.push(r.target);
      if (direction !== 'OUT' && r.target === entity.id) others.push(r.source);
      for (const other of others) if (!kinds || kinds.includes(byId.get(other)!.kind)) found.set(other, byId.get(other)! as EntityRecord);
    }
  }
  const order = field.order ?? ((a: EntityRecord, b: EntityRecord) => compareIds(a.kind, b.kind) || compareIds(a.id, b.id));
  return [...found.values()].sort(order).map((e) => e.id);
}

describe('the relationship field table', () => {
  it('has a field in the schema for every row, of the type the row gives, and the schema has no typed field the table lacks', () => {
    expect(fields.length).toBe(85);
    for (const kind of ENTITY_KINDS) {
      const type = schema.getType(kind) as GraphQLObjectType;
      expect(isObjectType(type)).toBe(true);
      const table = RELATION_FIELDS[kind] as Record<string, RelationField>;
      for (const [name, field] of Object.entries(table)) expect(String(type.getFields()[name]?.type), `${kind}.${name}`).toBe(fieldType(field));
      const undocumented = Object.values(type.getFields()).filter((f) => f.description?.includes('Follows') && !(f.name in table));
      expect(undocumented.map((f) => f.name), kind).toEqual([]);
    }
  });

  it.each(fields.map((f) => [`${f.kind}.${f.name}`, f] as const))('%s is described in the schema with exactly its legs', (_name, { kind, name, field }) => {
    const description = (schema.getType(kind) as GraphQLObjectType).getFields()[name].description!;
    expect(description.startsWith(`${field.description} Follows `)).toBe(true);
    expect(legsNamed(description)).toEqual(field.legs);
  });

  it('reads a leg filter shared by every leg as that filter on each', () => {
    expect(legsNamed('Hardware. Follows USES out, RUNS_ON in (each to Hardware only).')).toEqual([
      ['USES', 'OUT', ['Hardware']],
      ['RUNS_ON', 'IN', ['Hardware']],
    ]);
    expect(() => legsNamed('Hardware. Follows USES outward.')).toThrow(/cannot read leg "USES outward"/);
  });
});

describeEachStore('typed relationship fields and list totals', ({ open }) => {
  let api: TestApi;
  beforeAll(() => {
    api = new TestApi(open());
  });
  afterAll(async () => {
    await api?.store.close();
  });

  it.each(fields.map((f) => [`${f.kind}.${f.name}`, f] as const))('%s returns exactly the entities its legs reach, in order', async (_name, { kind, name, field }) => {
    const entities = seed.entities.filter((e) => e.kind === kind);
    // Aliases are limited to 15 a request, so ask in chunks.
    const data: Record<string, any> = {};
    for (let start = 0; start < entities.length; start += 15) {
      const chunk = entities.slice(start, start + 15);
      const query = chunk.map((e, j) => `e${start + j}: entity(id: "${e.id}") { ... on ${kind} { ${name} { id kind } } }`).join(' ');
      Object.assign(data, await api.data(`{ ${query} }`));
    }
    let nonEmpty = 0;
    entities.forEach((entity, i) => {
      const value = data[`e${i}`][name];
      const items: { id: string; kind: string }[] = field.single ? (value ? [value] : []) : value;
      const want = expected(entity as EntityRecord, field);
      expect(items.map((v) => v.id), `${entity.id}.${name}`).toEqual(field.single ? want.slice(0, 1) : want);
      if (field.of) for (const v of items) expect(v.kind).toBe(field.of);
      if (items.length) nonEmpty++;
    });
    // A field the seed never fills is a field no question can be answered with.
    expect(nonEmpty, `${kind}.${name} is empty for every ${kind}`).toBeGreaterThan(0);
  });

  // List totals.
  const degree = (id: string) => seed.relations.filter((r) => r.source === id || r.target === id).length;
  // The best-connected entities (the long lists totals are for) and every tenth one.
  const sample = [...seed.entities].sort((a, b) => degree(b.id) - degree(a.id) || compareIds(a.id, b.id)).filter((_, i) => i < 15 || i % 10 === 0);

  it('relationCount is the length of relations with the same types and direction, and what the seed holds', async () => {
    for (const { id } of sample) {
      const { entity } = await api.data(`{ entity(id: "${id}") {
        relationCount all: relations { id }
        outCount: relationCount(direction: OUT) out: relations(direction: OUT) { id }
        typedCount: relationCount(types: [USES, ENABLES], direction: IN) typed: relations(types: [USES, ENABLES], direction: IN) { id } } }`);
      expect(entity.relationCount, id).toBe(degree(id));
      expect(entity.relationCount, id).toBe(entity.all.length);
      expect(entity.outCount, id).toBe(seed.relations.filter((r) => r.source === id).length);
      expect(entity.outCount, id).toBe(entity.out.length);
      expect(entity.typedCount, id).toBe(seed.relations.filter((r) => r.target === id && (r.type === 'USES' || r.type === 'ENABLES')).length);
      expect(entity.typedCount, id).toBe(entity.typed.length);
    }
  });

  it('relatedCount is the length of related with the same type, direction and kinds, and what the seed holds', async () => {
    for (const { id } of sample) {
      const { entity } = await api.data(`{ entity(id: "${id}") {
        mentionedCount: relatedCount(type: MENTIONED_IN) mentioned: related(type: MENTIONED_IN) { id }
        partsCount: relatedCount(type: PART_OF, direction: BOTH, kinds: [Technology, Section]) parts: related(type: PART_OF, direction: BOTH, kinds: [Technology, Section]) { id } } }`);
      expect(entity.mentionedCount, id).toBe(expected(byId.get(id) as EntityRecord, { description: '', legs: [['MENTIONED_IN', 'OUT']] }).length);
      expect(entity.mentionedCount, id).toBe(entity.mentioned.length);
      expect(entity.partsCount, id).toBe(expected(byId.get(id) as EntityRecord, { description: '', legs: [['PART_OF', 'BOTH', ['Technology', 'Section']]] }).length);
      expect(entity.partsCount, id).toBe(entity.parts.length);
    }
  });

  it("Section.entityCount is the length of the section's entities, over 100 for the longest", async () => {
    const sections = seed.entities.filter((e) => e.kind === 'Section');
    let longest = 0;
    for (let start = 0; start < sections.length; start += 7) {
      const query = sections.slice(start, start + 7).map((s, j) => `s${start + j}: entity(id: "${s.id}") { ... on Section { entityCount entities { id } } }`).join(' ');
      const data = await api.data(`{ ${query} }`);
      sections.slice(start, start + 7).forEach((s, j) => {
        const { entityCount, entities } = data[`s${start + j}`];
        expect(entityCount, s.id).toBe(entities.length);
        expect(entityCount, s.id).toBe(seed.relations.filter((r) => r.type === 'MENTIONED_IN' && r.target === s.id).length);
        longest = Math.max(longest, entityCount);
      });
    }
    expect(longest).toBeGreaterThan(100);
  });

  it('prices a count as one value, while the list it counts is priced at its longest', async () => {
    const cost = async (selection: string) => {
      const result = (await api.run(`{ entity(id: "intelligent-computing-power") { ${selection} } }`)) as { extensions?: { cost: { requested: number } } };
      return result.extensions!.cost.requested;
    };
    expect((await cost('id relationCount(types: [USES]) relatedCount(type: USES)')) - (await cost('id'))).toBe(2);
    expect(await cost('relations { id }')).toBeGreaterThan(100);
  });
});
