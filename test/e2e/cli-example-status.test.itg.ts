/**
 * `deploy-actions status`, `plan` and `check` on examples/acme-app's own config, as the hourly
 * deployment-status workflow runs them: before anything is built (no python/dist), so the PyPI
 * name must come from the pyproject.toml beside the `dist` glob (python/pyproject.toml), not
 * from a root pyproject.toml the example does not have. The CLI bundle runs as a process
 * against the local registries; only the registry URLs of the config are changed.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../harness/run-action.js';
import { prepareExample, startDemoRegistries, type DemoRegistries } from '../harness/demo-env.js';
import { wheelFile } from '../helpers/seed.js';

let r: DemoRegistries;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  r = await startDemoRegistries();
  const project = await prepareExample(r, { version: '1.4.0' });
  dir = project.dir;
  env = project.env;
  // As on a fresh checkout: nothing built yet.
  rmSync(join(dir, 'python', 'dist'), { recursive: true, force: true });
  r.pypi.seed(wheelFile('acme-app', '1.4.0'), 'acme-app', '1.4.0');
}, 120_000);
afterAll(async () => {
  await r?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The CLI as a process; asynchronous, since the test servers answer from this process. */
function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'deploy-actions.js'), ...args], {
      cwd: dir,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env, DEPLOY_ACTIONS_HTTP_RETRIES: '0' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

interface StatusJson {
  results: { target: string; name: string; registry: string; published: boolean | 'unknown' }[];
}

describe("the CLI on examples/acme-app's own config, before the build", () => {
  test('the example has no root pyproject.toml and no built distributions', () => {
    expect(existsSync(join(dir, 'pyproject.toml'))).toBe(false);
    expect(existsSync(join(dir, 'python', 'dist'))).toBe(false);
    expect(existsSync(join(dir, 'python', 'pyproject.toml'))).toBe(true);
  });

  test('status names the PyPI project from python/pyproject.toml and finds 1.4.0 on the index', async () => {
    const run = await cli('status', '--version', '1.4.0', '--json');
    expect(run.stderr).not.toMatch(/Invalid input/);
    const status = JSON.parse(run.stdout) as StatusJson;
    const pypi = status.results.find((t) => t.target === 'pypi');
    expect(pypi).toMatchObject({ name: 'acme-app', registry: r.pypi.url, published: true });
    expect(status.results.map((t) => t.target).sort()).toEqual(
      ['crates', 'docker', 'flathub', 'github', 'npm', 'pypi'].sort(),
    );
  });

  test('plan skips the PyPI target that has the version and plans the others', async () => {
    const run = await cli('plan', '--version', '1.4.0', '--json');
    expect(run.stderr).not.toMatch(/Invalid input/);
    const plan = JSON.parse(run.stdout) as { matrix: { include: { target: string; skip: boolean }[] } };
    expect(plan.matrix.include.find((e) => e.target === 'pypi')).toMatchObject({ skip: true });
    expect(plan.matrix.include.find((e) => e.target === 'npm')).toMatchObject({ skip: false });
  });

  test('check reports the PyPI target as published', async () => {
    const run = await cli('check', '--version', '1.4.0', '--json');
    expect(run.stderr).not.toMatch(/Invalid input/);
    const check = JSON.parse(run.stdout) as StatusJson;
    expect(check.results.find((t) => t.target === 'pypi')).toMatchObject({
      name: 'acme-app',
      published: true,
    });
  });

  test('with no pyproject.toml and nothing built: one error naming the config file, the line and pypi.package', async () => {
    rmSync(join(dir, 'python', 'pyproject.toml'));
    const run = await cli('status', '--version', '1.4.0');
    expect(run.code).toBe(1);
    expect(run.stderr + run.stdout).toMatch(/deploy-actions\.yml:\d+ \(pypi\.package\)/);
    expect(run.stderr + run.stdout).toMatch(/Set `package`/);
    expect(run.stderr + run.stdout).not.toMatch(/Invalid input 'package'/);
    expect(run.stderr + run.stdout).not.toMatch(/^\s+at /m);
  });
});
