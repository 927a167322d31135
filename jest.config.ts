import type { Config } from 'jest';

// ESM + ts-jest: the project is "type": "module"; NODE_OPTIONS=--experimental-vm-modules is set by `npm run test:jest`.
const config: Config = {
    preset: 'ts-jest/presets/default-esm',
    testEnvironment: 'node',
    roots: ['<rootDir>/tests'],
    testMatch: ['**/*.test.ts'],
    setupFilesAfterEnv: ['<rootDir>/tests/setup.ts'],
    moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
    transform: {
        '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }]
    },
    reporters: ['default', '<rootDir>/tests/summary-reporter.cjs'],
    testTimeout: 60_000,
    maxWorkers: 2
};
export default config;
