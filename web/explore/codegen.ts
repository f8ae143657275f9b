/** graphql-codegen's client preset for the explorer: typed documents for its operations, from the server's SDL. */
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema/*.graphql',
  documents: ['web/explore/**/*.ts', '!web/explore/codegen.ts', '!web/explore/gql/**'],
  generates: {
    'web/explore/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      // Documents as strings: the page sends them as they are, so the browser bundle needs no graphql runtime.
      config: { enumsAsTypes: true, useTypeImports: true, documentMode: 'string' },
    },
  },
};

export default config;
