import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../codegen.js';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('generated resolver types', () => {
  it('match what graphql-codegen makes from the SDL today (run `npm run codegen` after editing schema/)', async () => {
    const outputs = await generate({ ...config, cwd: root, silent: true }, false);
    expect(outputs.length).toBe(1);
    const committed = readFileSync(`${root}/${outputs[0].filename}`, 'utf8');
    expect(committed, 'src/__generated__/resolvers-types.ts is stale: run npm run codegen').toBe(outputs[0].content);
  }, 60_000);
});
