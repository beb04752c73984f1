/** ESM + ts-jest, as probot 14 is ESM-only. */
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: '<rootDir>/test/support/tree-sitter-environment.cjs',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '^tree-sitter$': '<rootDir>/test/support/tree-sitter-shim.cjs',
    '^tree-sitter-python$': '<rootDir>/test/support/tree-sitter-python-shim.cjs',
  },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', diagnostics: { ignoreCodes: [151002] } }] },
  globalSetup: '<rootDir>/test/support/build-dist.mjs',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testTimeout: 30000,
};
