/**
 * The npm publisher's rollback against a real Verdaccio: versions are published with the real
 * npm CLI, rolled back through the module, and checked with `npm view`.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '@deploy-actions/action-kit/errors';
import { HttpClient } from '@deploy-actions/action-kit/http';
import { MemoryReporter } from '@deploy-actions/action-kit/log';
import { rollback } from '@deploy-actions/targets/npm/publish';
import type { RollbackContext } from '@deploy-actions/targets';
import { startVerdaccio, type Verdaccio } from '../harness/verdaccio.js';

let registry: Verdaccio;
const npmHome = mkdtempSync(join(tmpdir(), 'da-npm-rollback-'));

/** The real npm CLI in a clean configuration of its own; the token only in its environment. */
function npm(args: string[], cwd = npmHome): string {
  const userconfig = join(npmHome, 'npmrc');
  writeFileSync(userconfig, `//${new URL(registry.url).host}/:_authToken=\${NPM_TOKEN}\n`, { mode: 0o600 });
  return execFileSync('npm', [...args, `--registry=${registry.url}/`], {
    cwd,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      HOME: npmHome,
      NPM_TOKEN: registry.token,
      npm_config_userconfig: userconfig,
      npm_config_cache: join(npmHome, 'cache'),
      npm_config_update_notifier: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

function packageDir(name: string, version: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'da-npm-rb-pkg-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version, license: 'MIT' }));
  return dir;
}

function publishVersions(name: string, versions: string[]): void {
  for (const version of versions)
    npm(['publish', '--tag', version.includes('-') ? 'next' : 'latest'], packageDir(name, version));
}

const view = (spec: string, field: string) => JSON.parse(npm(['view', spec, field, '--json']));

function context(name: string, extra: Partial<RollbackContext> = {}): RollbackContext {
  return {
    target: 'npm',
    dryRun: false,
    workspace: packageDir(name, '9.9.9'),
    tempDir: mkdtempSync(join(tmpdir(), 'da-npm-rb-tmp-')),
    env: { PATH: process.env.PATH, HOME: npmHome },
    reporter: new MemoryReporter(),
    http: new HttpClient({ retries: 1 }),
    token: registry.token,
    defer: () => undefined,
    ...extra,
  };
}

beforeAll(async () => {
  registry = await startVerdaccio();
});
afterAll(async () => {
  await registry?.stop();
});

describe('npm rollback', () => {
  test('moves latest back to the highest stable below it and deprecates the bad version', async () => {
    publishVersions('rollme', ['1.0.0', '1.1.0-rc.1', '1.1.0']);
    expect(view('rollme', 'dist-tags')).toEqual({ latest: '1.1.0', next: '1.1.0-rc.1' });
    const result = await rollback(
      { path: '.', registry: registry.url },
      context('rollme', { reason: '--broke the parser' }),
    );
    expect(result).toEqual({
      rolledBackTo: '1.0.0',
      actions: [
        'npm: dist-tag latest of rollme 1.1.0 -> 1.0.0',
        'npm: deprecate rollme@1.1.0: --broke the parser',
      ],
    });
    expect(view('rollme', 'dist-tags')).toEqual({ latest: '1.0.0', next: '1.1.0-rc.1' });
    expect(view('rollme@1.1.0', 'deprecated')).toBe('--broke the parser');
  });

  test('a dry run of another dist-tag to a named version changes nothing', async () => {
    publishVersions('drytag', ['2.0.0', '2.1.0-beta.1', '2.1.0-beta.2']);
    const result = await rollback(
      { path: '.', registry: registry.url, 'dist-tag': 'next' },
      context('drytag', { dryRun: true, toVersion: '2.1.0-beta.1', reason: 'flaky' }),
    );
    expect(result.actions).toEqual([
      'npm (dry run): dist-tag next of drytag 2.1.0-beta.2 -> 2.1.0-beta.1',
      'npm (dry run): deprecate drytag@2.1.0-beta.2: flaky',
    ]);
    expect(view('drytag', 'dist-tags')).toEqual({ latest: '2.0.0', next: '2.1.0-beta.2' });
  });

  test('a to-version the registry does not have is a clear input error, and nothing moves', async () => {
    const run = rollback({ path: '.', registry: registry.url }, context('drytag', { toVersion: '1.9.9' }));
    await expect(run).rejects.toBeInstanceOf(InputError);
    await expect(
      rollback({ path: '.', registry: registry.url }, context('drytag', { toVersion: '1.9.9' })),
    ).rejects.toThrow(
      `Invalid input 'to-version': "1.9.9" is not a published version of drytag on ${registry.url}`,
    );
    expect(view('drytag', 'dist-tags')).toEqual({ latest: '2.0.0', next: '2.1.0-beta.2' });
  });
});
