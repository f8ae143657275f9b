/** Compiled execution (src/executor.ts): hot operations only, a bounded number of them, and the same answers. */
import { parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { compiledExecution } from '../src/executor.js';
import { createContext } from '../src/context.js';
import { executableSchema } from '../src/server.js';
import type { GraphStore } from '../src/graph/types.js';
import { embeddedStore, failing } from './helpers.js';

const schema = executableSchema();
const store = embeddedStore();

async function executorOf(compileAfterRuns: number | undefined, maxCompiled = 256, over: GraphStore = store) {
  const gateway = compiledExecution(schema, { compileAfterRuns, maxCompiled });
  const { executor } = await gateway.load({ apollo: {} as never });
  /** The result as the executor hands it to Apollo; `operation` defaults to the document's first. */
  const result = (document: DocumentNode, variables?: Record<string, unknown>, operation = document.definitions[0] as OperationDefinitionNode) =>
    executor!({ document, operation, context: createContext(over), request: { variables } } as never);
  const run = async (document: DocumentNode, variables?: Record<string, unknown>) => JSON.stringify(await result(document, variables));
  return { gateway, run, result };
}

describe('compiled execution', () => {
  const neighbourhood = parse('query N($id: ID!) { neighborhood(id: $id, depth: 2) { nodes { id kind name } edges { type source { id } target { nameZh } } } }');

  it('compiles an operation only after it has run the set number of times, and answers the same bytes compiled', async () => {
    const { gateway, run } = await executorOf(3);
    const answers: string[] = [];
    for (let i = 0; i < 3; i++) answers.push(await run(neighbourhood, { id: '液冷技术' }));
    expect(gateway.compiledCount()).toBe(0);
    answers.push(await run(neighbourhood, { id: '液冷技术' }));
    expect(gateway.compiledCount()).toBe(1);
    answers.push(await run(neighbourhood, { id: '液冷技术' }));
    expect(new Set(answers).size).toBe(1);
    expect(JSON.parse(answers[0]).data.neighborhood.nodes.length).toBeGreaterThan(10);
    // Other variables, the same compiled operation.
    expect(await run(neighbourhood, { id: 'gpu' })).not.toBe(answers[0]);
    expect(gateway.compiledCount()).toBe(1);
  });

  it('never compiles when compilation is off', async () => {
    const { gateway, run } = await executorOf(undefined);
    for (let i = 0; i < 5; i++) await run(neighbourhood, { id: 'gpu' });
    expect(gateway.compiledCount()).toBe(0);
  });

  it('keeps at most the set number of compiled operations', async () => {
    const { gateway, run } = await executorOf(1, 2);
    const documents = ['{ stats { entities } }', '{ stats { relations } }', '{ entity(id: "gpu") { id } }'].map((q) => parse(q));
    for (const document of documents) {
      await run(document);
      await run(document);
    }
    expect(gateway.compiledCount()).toBe(2);
  });

  it('rebuilds compiled errors as graphql-js errors, errors before data, with their path and locations', async () => {
    const { run } = await executorOf(1);
    const document = parse('{ ok: entity(id: "gpu") { id } nope: entity(id: "no-such-entity") { id } }');
    const interpreted = await run(document);
    const compiled = await run(document);
    expect(compiled).toBe(interpreted);
    expect(Object.keys(JSON.parse(compiled))).toEqual(['errors', 'data']);
    expect(JSON.parse(compiled).errors[0]).toMatchObject({ path: ['nope'], locations: [{ line: 1, column: 32 }], extensions: { code: 'NOT_FOUND' } });
  });

  it('keeps a compiled resolver failure as the original error, which the server logs in full', async () => {
    const bug = new Error('boom: a bug in the store');
    const { gateway, result } = await executorOf(0, 256, failing('getEntities', bug));
    const { errors } = await result(parse('{ entity(id: "gpu") { id } }'));
    expect(gateway.compiledCount()).toBe(1);
    // src/errors.ts logs unwrapResolverError(error): the bug with its stack, not a wrapper without one.
    expect(errors?.[0].originalError).toBe(bug);
  });

  it('counts an operation graphql-jit declines as not compiled, and still answers it on graphql-js', async () => {
    const { gateway, result } = await executorOf(0);
    const document = parse('query Mine { stats { entities } }');
    // An operation node the document does not hold by that name: graphql-jit refuses to compile it ("Unknown operation").
    const stranger = parse('query Other { stats { entities } }').definitions[0] as OperationDefinitionNode;
    const answers = [];
    for (let i = 0; i < 2; i++) answers.push(JSON.stringify((await result(document, undefined, stranger)).data));
    expect(answers).toEqual(Array(2).fill(`{"stats":{"entities":${(await store.stats()).entities}}}`));
    expect(gateway.compiledCount()).toBe(0);
  });
});
