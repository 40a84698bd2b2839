/**
 * Each action loads only what it uses: the entry bundle that Node starts never contains the
 * GitHub client (Octokit) nor the code of a registry it does not publish to; targets' code lives
 * in chunks loaded only when their target runs. (@actions/core brings @actions/http-client and
 * undici into every entry, as it does in every peer action built on core 3: accepted.)
 */
import { describe, expect, test } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../harness/run-action.js';

const actions = readdirSync(join(ROOT, 'actions')).filter((a) =>
  existsSync(join(ROOT, 'actions', a, 'dist', 'index.js')),
);
const entry = (action: string) => readFileSync(join(ROOT, 'actions', action, 'dist', 'index.js'), 'utf8');

describe('bundles', () => {
  test.each(actions)('%s: the entry bundle does not load Octokit', (action) => {
    // The library (its classes, its user agent), not a property that holds a lazily loaded client.
    expect(entry(action)).not.toMatch(/Octokit|@octokit/);
  });

  test('detect-version carries no config parser and no registry code', () => {
    const code = entry('detect-version');
    expect(code).not.toContain('registry.npmjs.org');
    expect(code).not.toContain('Known keys here');
  });
});
