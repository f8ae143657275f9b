// @ts-check
/**
 * Mutation testing (`npm run mutate`, which starts a Neo4j for the run: scripts/mutate.ts). README: "Mutation testing".
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  // Everything in src/ but generated code and the three entry points, which only wire the modules together and are
  // run by tests in child processes that Stryker's active mutant cannot reach: main.ts (config, store, server,
  // listen: tests/shutdown.test.ts), seed/check.ts (`npm run seed:check`: tests/seed-checker.test.ts) and
  // seed/seed-neo4j.ts (`npm run seed`). What they call (load.ts, seed.ts, server.ts …) is mutated.
  mutate: ['src/**/*.ts', '!src/__generated__/**', '!src/main.ts', '!src/seed/check.ts', '!src/seed/seed-neo4j.ts'],
  testRunner: 'vitest',
  vitest: {
    configFile: 'vitest.mutate.config.ts',
    // Every suite imports src/ directly, but several reach it only through the server (TestApi): "related" would
    // miss nothing today, yet per-test coverage already picks each mutant's tests, so it is not needed.
    related: false,
  },
  // Per-test coverage: each mutant runs only the tests that executed it.
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants) run before any test, so per-test coverage cannot narrow them and
  // each would run the whole suite: too slow here. They are counted as "ignored", not as survivors.
  ignoreStatic: true,
  // Stryker would prepend `// @ts-nocheck` to every .ts file in its sandbox; vitest does not type-check, and the
  // test that src/__generated__ is what graphql-codegen makes compares that file's text.
  disableTypeChecks: false,
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.mutate.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  // Incremental: the results of the last run are reused for mutants whose code and covering tests did not change.
  // The file is committed, so a fresh clone reruns only what changed since (see the README).
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  plugins: ['@stryker-mutator/*', './scripts/stryker-survivors.mjs'],
  reporters: ['html', 'clear-text', 'json', 'progress', 'survivor-log'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // One test runner: the machine has two cores shared with others.
  concurrency: 1,
  // Generous: a shared machine's load varies, and a mutant that loops is still caught by the timeout.
  timeoutMS: 30_000,
  timeoutFactor: 3,
  dryRunTimeoutMinutes: 20,
  // Not copied into the sandbox: build output (the sandbox builds dist/web itself when web.test needs it) and scratch.
  ignorePatterns: ['dist', 'neo4j/target', 'scratch', 'docs/screenshots', 'bench/*.json', 'reports'],
  cleanTempDir: 'always',
  tempDirName: '.stryker-tmp',
  thresholds: { high: 90, low: 80, break: null },
};
