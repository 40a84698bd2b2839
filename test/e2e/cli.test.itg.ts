/**
 * The CLI (bin/deploy-actions.js, its committed bundle) outside GitHub: the same code as the
 * actions, tables for people, --json for machines, documented exit codes.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../harness/run-action.js';
import { startVerdaccio, type Verdaccio } from '../harness/verdaccio.js';
import { npmPublish } from '../helpers/seed.js';

let npm: Verdaccio;
beforeAll(async () => {
  npm = await startVerdaccio();
  npmPublish(npm.url, npm.token, '@acme/old', '0.9.0');
}, 60_000);
afterAll(async () => {
  await npm?.stop();
});

function project(version: string, pkg: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'da-cli-'));
  mkdirSync(join(dir, 'npm'));
  mkdirSync(join(dir, '.github'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'root', private: true, version }));
  writeFileSync(join(dir, 'npm', 'package.json'), JSON.stringify({ name: `@acme/${pkg}`, version }));
  writeFileSync(join(dir, 'npm', 'index.js'), '');
  writeFileSync(
    join(dir, '.github', 'deploy-actions.yml'),
    `targets:\n  - { name: npm, type: npm, tier: 1, path: npm, registry: '${npm.url}' }\n  - { name: old, type: npm, tier: 2, path: npm, registry: '${npm.url}' }\n`,
  );
  return dir;
}

function cli(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'deploy-actions.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NPM_TOKEN: npm.token },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('deploy-actions CLI', () => {
  test('--help lists every command of the contract', () => {
    const { code, stdout } = cli(ROOT, '--help');
    expect(code).toBe(0);
    for (const command of [
      'version',
      'check',
      'plan',
      'build',
      'release',
      'status',
      'health',
      'switch',
      'rollback',
    ])
      expect(stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });

  test('version: text and --json', () => {
    const dir = project('1.5.0-rc.2', 'v');
    expect(cli(dir, 'version').stdout).toBe('1.5.0-rc.2\n');
    expect(JSON.parse(cli(dir, 'version', '--json').stdout)).toMatchObject({
      version: '1.5.0-rc.2',
      pep440: '1.5.0rc2',
      source: 'package.json',
    });
  });

  test('plan, release, then check: published; a second release skips', () => {
    const dir = project('1.6.0', 'flow');
    const plan = JSON.parse(cli(dir, 'plan', '--json').stdout) as {
      'has-work': boolean;
      matrix: { include: { target: string; skip: boolean }[] };
    };
    expect(plan['has-work']).toBe(true);
    expect(plan.matrix.include.map((e) => e.target)).toEqual(['npm', 'old']);

    const released = cli(dir, 'release', '--platforms', 'npm', '--json');
    expect(released.code).toBe(0);
    const report = JSON.parse(released.stdout) as {
      status: string;
      results: Record<string, { status: string }>;
    };
    expect(report.status).toBe('success');
    expect(report.results.npm.status).toBe('published');
    expect(released.stderr).toContain('Releasing 1.6.0');

    const check = cli(dir, 'check', '--platforms', 'npm');
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/^npm\s+http:\/\/127\.0\.0\.1:\d+\/?\s+1\.6\.0\s+yes\s+1\.6\.0$/m);

    const again = JSON.parse(cli(dir, 'release', '--platforms', 'npm', '--json').stdout) as {
      results: Record<string, { status: string }>;
    };
    expect(again.results.npm.status).toBe('skipped');
  });

  test('status shows the latest on every target and flags drift', () => {
    const dir = project('1.7.0', 'status');
    expect(cli(dir, 'release', '--platforms', 'npm').code).toBe(0);
    const status = cli(dir, 'status', '--targets', `npm:@acme/status ${npm.url},npm:@acme/old ${npm.url}`);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/^npm:@acme\/status\s+\S+\s+1\.7\.0/m);
    expect(status.stdout).toMatch(/^npm:@acme\/old\s+\S+\s+0\.9\.0/m);
    expect(status.stdout).toContain('drift: the latest versions differ');
    const json = JSON.parse(
      cli(dir, 'status', '--json', '--targets', `npm:@acme/status ${npm.url}`).stdout,
    ) as { drift: boolean };
    expect(json.drift).toBe(false);
  });

  test('check --fail-on-missing exits 1 when a target lacks the version', () => {
    const dir = project('1.8.0', 'missing');
    const result = cli(dir, 'check', '--fail-on-missing', '--platforms', 'npm');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^npm\s+\S+\s+1\.8\.0\s+no/m);
  });

  test('a failed required target: exit 1, the error in the table, no stack', () => {
    const dir = project('1.9.0', 'denied');
    const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'deploy-actions.js'), 'release'], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NPM_TOKEN: 'wrong-token-value' },
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^npm\s+1\s+required\s+failed/m);
    expect(result.stdout).toMatch(/^old\s+2\s+best-effort\s+cancelled/m);
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout + result.stderr).not.toContain('wrong-token-value');
  });
});
