// Shared jest settings: SWC transpiles TypeScript with decorator metadata (NestJS,
// TypeORM) and the path aliases of tsconfig.json are mapped to the sources.
const { join } = require('node:path');

const root = __dirname;

/** @type {import('jest').Config} */
module.exports = {
  rootDir: root,
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$|^.+/node_modules/.+\\.m?js$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', decorators: true, tsx: true },
          transform: {
            legacyDecorator: true,
            decoratorMetadata: true,
            useDefineForClassFields: false,
            react: { runtime: 'automatic' },
          },
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleNameMapper: {
    '^@capacites/domain$': join(root, 'libs/domain/src/index.ts'),
    '^@capacites/persistence$': join(root, 'libs/persistence/src/index.ts'),
    '^@capacites/config$': join(root, 'libs/config/src/index.ts'),
    '^@capacites/workflows$': join(root, 'workflows/src/index.ts'),
  },
  // NestJS 12 ships ES modules only; jest on Node 20 cannot require() them, so SWC
  // turns them into CommonJS like our own sources. Same for the OpenID Connect client
  // (openid-client, oauth4webapi, jose) and the test provider (oidc-provider).
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|file-type|strtok3|token-types|@tokenizer|uint8array-extras|load-esm|openid-client|oauth4webapi|jose|oidc-provider)/)',
  ],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
};
