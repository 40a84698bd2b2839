/** Benchmarks reuse the test harness (real servers, bundled actions) but are not tests: `npm run bench`. */
import base from '../jest.config.js';

export default {
  ...base,
  rootDir: '..',
  testMatch: ['<rootDir>/bench/**/*.bench.ts'],
  testTimeout: 600000,
  maxWorkers: 1,
};
