import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { buildClientSchema, buildSchema, getIntrospectionQuery, lexicographicSortSchema, printType, type GraphQLEnumType, type GraphQLSchema } from 'graphql';
import { ENTITY_KINDS, RELATION_TYPES, relationMeaning, type RelationType } from '../src/graph/vocabulary.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config from '../codegen.js';
import { loadTypeDefs, startServer, type RunningServer } from '../src/server.js';
import { embeddedStore, silentLogger } from './helpers.js';
import ts from 'typescript';
import { ENTITY_SCHEMA_FILE, renderEntitySchema } from '../scripts/schema.js';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('generated resolver types', () => {
  it('match what graphql-codegen makes from the SDL today (run `npm run codegen` after editing schema/)', async () => {
    const outputs = await generate({ ...config, cwd: root, silent: true }, false);
    expect(outputs.length).toBe(1);
    const committed = readFileSync(`${root}/${outputs[0].filename}`, 'utf8');
    expect(committed, 'src/__generated__/resolvers-types.ts is stale: run npm run codegen').toBe(outputs[0].content);
  }, 60_000);
});

describe('the generated entity schema', () => {
  it('is what scripts/schema.ts makes from the vocabulary and the field table today (run `npm run schema` after editing either)', () => {
    expect(readFileSync(ENTITY_SCHEMA_FILE, 'utf8'), 'schema/entities.graphql is stale: run npm run schema').toBe(renderEntitySchema());
  });
});

/** The messages tsc gives for one source file placed in tests/, type-checked with the project's compiler options. */
function typeErrors(source: string): string[] {
  const file = `${root}tests/__fixture__.ts`;
  const config = ts.readConfigFile(`${root}tsconfig.json`, ts.sys.readFile).config;
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root);
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, language, ...rest) => (name === file ? ts.createSourceFile(name, source, language) : getSourceFile.call(host, name, language, ...rest));
  host.fileExists = (name) => name === file || fileExists.call(host, name);
  host.readFile = (name) => (name === file ? source : readFile.call(host, name));
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));
}

/** A field table row and a resolver slice, checked as src/resolvers checks them; `field` and `resolver` are the keys. */
const fixture = (field: string, resolver: string) => `
import type { RelationFieldTable } from '../src/resolvers/fields.js';
import type { SectionResolvers } from '../src/__generated__/resolvers-types.js';
export const table = { Person: { ${field}: { description: 'What the person developed.', legs: [['DEVELOPED_BY', 'IN']] } } } satisfies Partial<RelationFieldTable>;
export const section = { ${resolver}: (s) => s.number! } satisfies SectionResolvers;
`;

describe('type-checking against the generated resolver types', () => {
  it('accepts a table row and a resolver for fields the schema has', () => {
    expect(typeErrors(fixture('works', 'number'))).toEqual([]);
  }, 60_000);

  it('rejects a table row for a field the schema lacks and a misspelt resolver field, naming each', () => {
    const errors = typeErrors(fixture('wroks', 'numbr'));
    expect(errors.some((e) => /'wroks' does not exist in type/.test(e)), errors.join('\n')).toBe(true);
    expect(errors.some((e) => /'numbr' does not exist in type/.test(e)), errors.join('\n')).toBe(true);
  }, 60_000);
});

/** Every type of a schema as SDL, sorted: what a client learns (the schema's own description needs an option to ask for). */
function typesOf(schema: GraphQLSchema): string {
  const sorted = lexicographicSortSchema(schema);
  return Object.values(sorted.getTypeMap()).filter((t) => !t.name.startsWith('__')).map(printType).join('\n\n');
}
const local = typesOf(buildSchema(loadTypeDefs()));

describe('introspection over HTTP, outside production', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer(embeddedStore(), { host: '127.0.0.1', port: 0, introspection: true, production: false }, silentLogger);
  });
  afterAll(() => server?.stop());

  const post = (query: string) =>
    fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) }).then(async (r) => ({ status: r.status, body: await r.json() }));

  it.each([
    ['graphql-js getIntrospectionQuery()', getIntrospectionQuery()],
    ['the form GraphiQL sends (input value deprecation, repeatable directives, schema description)', getIntrospectionQuery({ inputValueDeprecation: true, directiveIsRepeatable: true, schemaDescription: true, specifiedByUrl: true })],
    ['every option graphql-js has', getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true })],
  ])('answers %s in full', async (_name, query) => {
    const { status, body } = await post(query);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(typesOf(buildClientSchema(body.data))).toBe(local);
  });

  it('refuses introspection nested past what any tool sends, naming its own limit', async () => {
    const { status, body } = await post('{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }');
    expect(status).toBe(400);
    expect(body.errors[0].message).toMatch(/introspection/i);
  });

  it('lets graphql-codegen load the schema from the running server by its URL', async () => {
    const outputs = await generate({ schema: server.url, generates: { 'schema.graphql': { plugins: ['schema-ast'] } }, cwd: root, silent: true }, false);
    expect(typesOf(buildSchema(outputs[0].content))).toBe(local);
  }, 60_000);
});

/** The schema's enums are the vocabulary's, word for word: one list of kinds and types, one meaning per type. */
describe('the schema and the vocabulary', () => {
  const schema = buildSchema(loadTypeDefs());
  const values = (name: string) => (schema.getType(name) as GraphQLEnumType).getValues();

  it('list the same entity kinds and relation types, in the same order', () => {
    expect(values('EntityKind').map((v) => v.name)).toEqual([...ENTITY_KINDS]);
    expect(values('RelationType').map((v) => v.name)).toEqual([...RELATION_TYPES]);
  });

  it('read each relation type with the meaning the vocabulary gives it', () => {
    for (const v of values('RelationType')) expect(v.description, v.name).toBe(relationMeaning(v.name as RelationType));
  });
});
