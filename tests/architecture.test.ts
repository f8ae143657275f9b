/**
 * The architecture rules of .dependency-cruiser.cjs hold on the real tree, and each one catches the import it forbids:
 * a small tree of planted violations is cruised with the same configuration and command as `npm run check`.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const config = join(root, '.dependency-cruiser.cjs');
const rules: { name: string }[] = createRequire(import.meta.url)(config).forbidden;
const depcruise = join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

/** depcruise as `npm run check` runs it (the directories of package.json's `depcruise` script), in `cwd`. */
function cruise(cwd: string): Violation[] {
  let out: string;
  try {
    out = execFileSync(process.execPath, [depcruise, 'src', 'web', '--config', config, '--output-type', 'json'], { cwd, encoding: 'utf8', maxBuffer: 64e6 });
  } catch (error) {
    // depcruise exits non-zero when it finds errors; its JSON report is still on stdout.
    out = (error as { stdout: string }).stdout;
  }
  return JSON.parse(out).summary.violations;
}

/** One planted violation per rule: the files to write, and the import the rule must report (from -> to). */
const PLANTED: Record<string, { files: Record<string, string>; from: string; to: string }> = {
  'no-cycles': {
    files: { 'src/a.ts': "import type { B } from './b.js';\nexport type A = B[];\n", 'src/b.ts': "import type { A } from './a.js';\nexport type B = { a: A };\n" },
    from: 'src/a.ts',
    to: 'src/b.ts',
  },
  'graph-imports-only-graph': {
    files: { 'src/graph/neo4j/store.ts': "import { LIMITS } from '../../config.js';\nexport const x = LIMITS;\n", 'src/config.ts': 'export const LIMITS = 1;\n' },
    from: 'src/graph/neo4j/store.ts',
    to: 'src/config.ts',
  },
  'generated-imports-no-resolver': {
    files: { 'src/__generated__/types.ts': "import type { Page } from '../resolvers/Query.js';\nexport type P = Page;\n", 'src/resolvers/Query.ts': 'export type Page = number;\n' },
    from: 'src/__generated__/types.ts',
    to: 'src/resolvers/Query.ts',
  },
  'models-import-only-graph': {
    files: { 'src/models.ts': "import type { Context } from './context.js';\nexport type C = Context;\n", 'src/context.ts': 'export type Context = number;\n' },
    from: 'src/models.ts',
    to: 'src/context.ts',
  },
  'driver-only-in-neo4j-store': {
    files: { 'src/resolvers/direct.ts': "import neo4j from 'neo4j-driver';\nexport const driver = neo4j.driver;\n" },
    from: 'src/resolvers/direct.ts',
    to: 'neo4j-driver',
  },
  'resolvers-use-the-port': {
    files: { 'src/resolvers/store.ts': "import { E } from '../graph/embedded/store.js';\nexport const e = E;\n", 'src/graph/embedded/store.ts': 'export const E = 1;\n' },
    from: 'src/resolvers/store.ts',
    to: 'src/graph/embedded/store.ts',
  },
  'seeder-without-apollo': {
    files: {
      'src/seed/seed-neo4j.ts': "import { Oops } from '../errors.js';\nexport const o = Oops;\n",
      'src/errors.ts': "import { GraphQLError } from 'graphql';\nexport class Oops extends GraphQLError {}\n",
    },
    from: 'src/seed/seed-neo4j.ts',
    to: 'src/errors.ts',
  },
  'src-not-from-tooling': {
    files: { 'src/uses-tests.ts': "import { h } from '../tests/helpers.js';\nexport const x = h;\n", 'tests/helpers.ts': 'export const h = 1;\n' },
    from: 'src/uses-tests.ts',
    to: 'tests/helpers.ts',
  },
  'web-only-vocabulary': {
    files: { 'web/explore/main.ts': "import { LIMITS } from '../../src/config';\nexport const x = LIMITS;\n" },
    from: 'web/explore/main.ts',
    to: 'src/config.ts',
  },
  'runtime-without-dev-dependencies': {
    files: { 'src/dev.ts': "import { describe } from 'vitest';\nexport const d = describe;\n" },
    from: 'src/dev.ts',
    to: 'vitest',
  },
  resolvable: {
    files: { 'src/missing.ts': "import { nothing } from './nowhere.js';\nexport const n = nothing;\n" },
    from: 'src/missing.ts',
    to: './nowhere.js',
  },
};

describe('the architecture rules', () => {
  it('hold on the real tree: no violation in src/ or web/', () => {
    expect(cruise(root).map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`)).toEqual([]);
  });

  describe('on a tree with one planted violation per rule', () => {
    let dir: string;
    let found: Violation[];
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'kg-architecture-'));
      for (const { files } of Object.values(PLANTED)) {
        for (const [path, text] of Object.entries(files)) {
          mkdirSync(dirname(join(dir, path)), { recursive: true });
          writeFileSync(join(dir, path), text);
        }
      }
      // The same tsconfig and package.json (dependencies against devDependencies), and the same installed packages.
      for (const file of ['tsconfig.json', 'package.json']) copyFileSync(join(root, file), join(dir, file));
      symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
      found = cruise(dir);
    }, 60_000);
    afterAll(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('plants a violation for every rule of the configuration', () => {
      expect(Object.keys(PLANTED).sort()).toEqual(rules.map((r) => r.name).sort());
    });

    it.each(Object.entries(PLANTED))('%s reports its planted import', (name, { from, to }) => {
      const reported = found.filter((v) => v.rule.name === name).map((v) => `${v.from} -> ${v.to}`);
      expect(reported).toContainEqual(expect.stringMatching(new RegExp(`^${from} -> (.*/)?${to.replace(/[.*/]/g, '\\$&')}`)));
    });

    it('reports nothing else: the planted files break only the rules they were written for', () => {
      const unexpected = found.filter((v) => {
        const planted = PLANTED[v.rule.name];
        return !planted || !Object.keys(planted.files).includes(v.from);
      });
      expect(unexpected.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`)).toEqual([]);
    });
  });
});
