/**
 * ES-module-only packages that a CommonJS dependency `require()`s: jest on Node older than 24.9
 * cannot load them that way, so test/utils/require-esm.transform.js turns them into CommonJS when
 * they are required (`@fastify/middie` 9.3, in `@nestjs/platform-fastify` 12.6, requires
 * `path-to-regexp` 9).
 */
const requiredEsmPackages = ['path-to-regexp'];
const requiredEsm = `/node_modules/(${requiredEsmPackages.join('|')})/.+\\.js$`;

/** Jest in ESM mode: Nest 12 is ESM-only. ts-jest only transpiles; `npm run typecheck` checks types. */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
    [requiredEsm]: '<rootDir>/test/utils/require-esm.transform.js',
  },
  transformIgnorePatterns: [`^(?!.*${requiredEsm}).*/node_modules/`],
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  testTimeout: 20000,
  /** Prints one line when the PostgreSQL runs are skipped (no CLASS_VIEWS_PG_URL). */
  globalSetup: '<rootDir>/test/utils/global-setup.ts',
};
