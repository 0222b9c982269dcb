// Jest in ESM mode (NestJS 12 ships ES modules only), TypeScript through SWC with legacy decorators
// and decorator metadata. Workspace packages resolve to their sources, so tests need no build first.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));

export function jestConfig({
  testMatch = ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.test.ts'],
  testTimeout = 30_000,
} = {}) {
  return {
    testEnvironment: 'node',
    extensionsToTreatAsEsm: ['.ts'],
    testMatch,
    testTimeout,
    transform: {
      '^.+\\.ts$': [
        '@swc/jest',
        {
          jsc: {
            parser: { syntax: 'typescript', decorators: true },
            transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
            target: 'es2022',
            keepClassNames: true,
          },
          module: { type: 'es6' },
          sourceMaps: 'inline',
        },
      ],
    },
    moduleNameMapper: {
      '^@writ/contracts$': path.join(root, 'packages/contracts/src/index.ts'),
      '^@writ/contracts/web$': path.join(root, 'packages/contracts/src/web.ts'),
      '^@writ/platform$': path.join(root, 'packages/platform/src/index.ts'),
      '^@writ/(case-intake|asset-control|agency-sandbox|auction|fund-ledger|petitions|gateway)$': path.join(
        root,
        'apps/$1/src/app.ts',
      ),
      '^(\\.{1,2}/.*)\\.js$': '$1',
    },
  };
}
