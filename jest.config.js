/** Jest 30 + ts-jest in ESM mode; run with NODE_OPTIONS=--experimental-vm-modules (npm test does). */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    // @actions/workflow-parser imports its JSON schemas without an import attribute, which Jest
    // deprecates: those two imports get the same JSON through test/workflow/schema/*.cjs.
    '^\\.\\./(workflow|action)-v1\\.0\\.min\\.json$': '<rootDir>/test/workflow/schema/$1.cjs',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true }] },
  testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/test/**/*.test.itg.ts'],
  testTimeout: 60000,
  maxWorkers: 2,
  globalSetup: '<rootDir>/test/harness/temp-root-setup.mjs',
  globalTeardown: '<rootDir>/test/harness/temp-root-teardown.mjs',
};
