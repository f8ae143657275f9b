/** graphql-codegen's client preset: typed documents for the operations in this folder, from the server's SDL. */
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema/*.graphql',
  documents: ['examples/client/*.ts', '!examples/client/codegen.ts'],
  generates: {
    'examples/client/gql/': {
      preset: 'client',
      // Fragment fields are read straight off the result; masking pays off with components that own fragments, not in a script.
      presetConfig: { fragmentMasking: false },
      // Imports end in .js, as Node's ES modules and NodeNext resolution need.
      config: { enumsAsTypes: true, useTypeImports: true, importExtension: '.js' },
    },
  },
};

export default config;
