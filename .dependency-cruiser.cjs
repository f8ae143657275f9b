/**
 * The architecture rules: which module may import which. `npm run check` (depcruise) and tests/architecture.test.ts
 * fail on any violation. Each rule's comment is what depcruise prints when it is broken.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'No import cycles in src/, type-only imports included: two modules in a cycle cannot be read or changed apart.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'graph-imports-only-graph',
      severity: 'error',
      comment:
        'src/graph (the domain, the port and both stores) imports nothing above it: not seed loading, resolvers, server, ' +
        'configuration, errors or context. Pass what it needs in as arguments or move the type into src/graph.',
      from: { path: '^src/graph/' },
      to: { path: '^src/', pathNot: '^src/graph/' },
    },
    {
      name: 'generated-imports-no-resolver',
      severity: 'error',
      comment: "Generated code imports no resolver: codegen's mapper types live in src/models.ts, which imports only src/graph.",
      from: { path: '^src/__generated__/' },
      to: { path: '^src/resolvers/' },
    },
    {
      name: 'models-import-only-graph',
      severity: 'error',
      comment: 'The mapper types (src/models.ts) import only src/graph, so the generated types never reach a resolver through them.',
      from: { path: '^src/models\\.ts$' },
      to: { path: '^src/', pathNot: '^src/graph/' },
    },
    {
      name: 'driver-only-in-neo4j-store',
      severity: 'error',
      comment: 'Cypher and the Neo4j driver live only under src/graph/neo4j; everything else goes through the GraphStore port.',
      from: { path: '^src/', pathNot: '^src/graph/neo4j/' },
      to: { path: '(^|/)node_modules/neo4j-driver' },
    },
    {
      name: 'resolvers-use-the-port',
      severity: 'error',
      comment: 'Resolvers never know which store answers: they call the GraphStore port (src/graph/types.ts), not a store.',
      from: { path: '^src/resolvers/' },
      to: { path: '^src/graph/(embedded|neo4j)/' },
    },
    {
      name: 'seeder-without-apollo',
      severity: 'error',
      comment: 'Seed loading and the seeder (npm run seed, the compose seed service) never load the GraphQL server.',
      from: { path: '^src/seed/' },
      to: { path: ['(^|/)node_modules/@apollo/', '^src/(server|errors|context|cost|cache)\\.ts$', '^src/resolvers/'], reachable: true },
    },
    {
      name: 'src-not-from-tooling',
      severity: 'error',
      comment: 'The product (src/) imports nothing from the tests, scripts, benchmarks, pages or examples.',
      from: { path: '^src/' },
      to: { path: '^(tests|scripts|bench|web|examples|browser)/' },
    },
    {
      name: 'web-only-vocabulary',
      severity: 'error',
      comment: "The pages take from src/ only the vocabulary's lists (src/graph/vocabulary.ts, which imports nothing).",
      from: { path: '^web/' },
      to: { path: '^src/', pathNot: '^src/graph/vocabulary\\.ts$' },
    },
    {
      name: 'runtime-without-dev-dependencies',
      severity: 'error',
      comment: 'The image installs only `dependencies` (npm ci --omit=dev): src/ may use a devDependency only for its types.',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'resolvable',
      severity: 'error',
      comment: 'Every import resolves to a file or an installed package.',
      from: { path: '^(src|web)/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: '(^|/)node_modules/' },
    exclude: { path: '^dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
