import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import exploreConfig from '../web/explore/codegen.js';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('the typed client of the explorer', () => {
  it('has generated files that match what the client preset makes from the SDL and its operations today (run `npm run codegen:explore`)', async () => {
    const outputs = await generate({ ...exploreConfig, cwd: root, silent: true }, false);
    expect(outputs.map((o: { filename: string }) => o.filename.replace(root, '')).sort()).toEqual(['web/explore/gql/gql.ts', 'web/explore/gql/graphql.ts', 'web/explore/gql/index.ts']);
    for (const output of outputs) expect(readFileSync(`${root}/${output.filename.replace(root, '')}`, 'utf8'), `${output.filename} is stale`).toBe(output.content);
  }, 60_000);
});
