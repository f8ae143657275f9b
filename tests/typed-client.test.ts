import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import clientConfig from '../examples/client/codegen.js';
import { GraphQLErrors } from '../examples/client/client.js';
import { neighbours, series, whoIs } from '../examples/client/questions.js';
import { startServer, type RunningServer } from '../src/server.js';
import { embeddedStore, silentLogger } from './helpers.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const clientDir = `${root}examples/client`;

/** Type errors of the examples/client project, with `extra` added as one more file of it when given. */
function typeErrors(extra?: { name: string; text: string }): string[] {
  const configPath = `${clientDir}/tsconfig.json`;
  const parsed = ts.parseJsonConfigFileContent(ts.readConfigFile(configPath, ts.sys.readFile).config, ts.sys, dirname(configPath));
  const host = ts.createCompilerHost(parsed.options);
  const rootNames = [...parsed.fileNames];
  if (extra) {
    const path = `${clientDir}/${extra.name}`;
    rootNames.push(path);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (file, language, ...rest) => (file === path ? ts.createSourceFile(file, extra.text, language) : getSourceFile(file, language, ...rest));
  }
  const program = ts.createProgram(rootNames, parsed.options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file ? d.file.fileName.replace(clientDir + '/', '') : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

describe('the typed client of examples/client', () => {
  it('has generated files that match what the client preset makes from the SDL and its operations today (run `npm run codegen:client`)', async () => {
    const outputs = await generate({ ...clientConfig, cwd: root, silent: true }, false);
    expect(outputs.map((o: { filename: string }) => o.filename.replace(root, '')).sort()).toEqual(['examples/client/gql/gql.ts', 'examples/client/gql/graphql.ts', 'examples/client/gql/index.ts']);
    for (const output of outputs) expect(readFileSync(`${root}/${output.filename.replace(root, '')}`, 'utf8'), `${output.filename} is stale`).toBe(output.content);
  }, 60_000);

  it('compiles without a type error', () => {
    expect(typeErrors()).toEqual([]);
  }, 60_000);

  it('fails to compile a field its type does not have: kind does not narrow an entity, __typename does', () => {
    const text = `import type { NeighboursQuery } from './gql/graphql.js';
type Node = NeighboursQuery['neighborhood']['nodes'][number];
export const byKind = (node: Node) => (node.kind === 'Organization' ? node.products : []);
export const wrongKind = (node: Node) => (node.__typename === 'Metric' ? node.products : []);
export const byTypename = (node: Node) => (node.__typename === 'Organization' ? node.products : []);
`;
    expect(typeErrors({ name: 'wrong.ts', text })).toEqual([
      expect.stringMatching(/^wrong\.ts: Property 'products' does not exist on type '.*'/),
      expect.stringMatching(/^wrong\.ts: Property 'products' does not exist on type '\{ __typename: "Metric"/),
    ]);
  }, 60_000);

  describe('asking a server in this process', () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startServer(embeddedStore(), { host: '127.0.0.1', port: 0, introspection: false, production: false }, silentLogger);
    });
    afterAll(() => server?.stop());

    it('finds an entity by its Chinese name', async () => {
      expect(await whoIs(server.url, '新华三')).toEqual(['Organization 新华三集团 (h3c)']);
    });

    it("describes each of finance's neighbours by what its kind has", async () => {
      const lines = await neighbours(server.url, '金融行业');
      expect(lines).toHaveLength(16);
      expect(lines).toEqual(expect.arrayContaining([
        'organization 中国银行: no products',
        'application 云上网点: uses Artificial intelligence',
        'metric 55 score, China 2021',
        'metric 62 score, China 2022',
      ]));
    });

    it('plots AI penetration per industry and intelligent computing power per region, with the 2026 forecast', async () => {
      expect(await series(server.url, '人工智能渗透度')).toEqual([
        '金融行业 中国 score: 2021: 55, 2022: 62',
        '互联网行业 中国 rank: 2022: 1',
        '制造业 中国 score: 2021: 40, 2022: 45',
        '电信行业 中国 score: 2021: 45, 2022: 51',
      ]);
      expect(await series(server.url, 'computing-power-scale', '智能算力')).toEqual(['智能算力 中国 EFLOPS: 2022: 41, 2026: 1271.4 (forecast)', '智能算力 全球 EFLOPS: 2022: 142']);
    });

    it('raises the server’s errors with their codes', async () => {
      const failure = await series(server.url, 'no-such-indicator').catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(GraphQLErrors);
      expect((failure as GraphQLErrors).errors[0].extensions?.code).toBe('NOT_FOUND');
    });
  });
});
