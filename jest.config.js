/** Jest in ESM mode: Nest 12 is ESM-only. ts-jest only transpiles; `npm run typecheck` checks types. */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  testTimeout: 20000,
  /** Prints one line when the PostgreSQL runs are skipped (no CLASS_VIEWS_PG_URL). */
  globalSetup: '<rootDir>/test/utils/global-setup.ts',
};
