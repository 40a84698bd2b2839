/**
 * A hostile registry, through the bundles: a loopback proxy in front of the real registry
 * (Verdaccio) or the PyPI protocol server answers with bodies made to be printed: legacy
 * workflow commands (`##[set-output name=status;]published`, `##[add-mask]…`), a newline and
 * `::error::`, Markdown and HTML for the job summary, and the credentials we sent echoed back
 * JSON-escaped, URL-encoded and base64-encoded (the Basic `Authorization` header).
 *
 * The output is read the way the runner reads it (test/harness/runner-commands.ts): no command
 * but our own; and no credential, in any of those encodings, in stdout, stderr, the outputs,
 * the summary, the state and env files or anything left under RUNNER_TEMP.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeDistributions } from '../fixtures/pypi/dists.js';
import { watchArgv } from '../harness/argv-watch.js';
import { ROOT, runAction, type ActionRun } from '../harness/run-action.js';
import { forgedCommands } from '../harness/runner-commands.js';
import { startVerdaccio, type Verdaccio } from '../harness/verdaccio.js';
import { startPypiServer, type PypiServer } from '../servers/pypi.js';
import { startCratesServer, type CratesServer } from '../servers/crates.js';
import { copyCrateFixture } from '../servers/crates-cargo.js';
import { startFaultProxy, type FaultProxy } from './proxy.js';
import { spawn } from 'node:child_process';

const FAST = { DEPLOY_ACTIONS_HTTP_BACKOFF_MS: '20', DEPLOY_ACTIONS_HTTP_TIMEOUT_MS: '3000' };

/** A token with characters that JSON and URL encoding change. */
const PYPI_TOKEN = 'pypi-AgEIcHlw/aS5"vcmc\\CJGE4+ZmYtdGVz=dC10b2tlbg';
/** cargo sends it raw in `Authorization`. */
const CARGO_TOKEN = 'cio_hostile/"echo\\token_5b1f0c';
/** A registry password, in a URL (`user:password@`). */
const USER = 'deployer';
const PASSWORD = 'Pa55/w"rd+with:odd%chars';
const PASSWORD_IN_URL = encodeURIComponent(PASSWORD);

/** Every form of `secret` a registry could echo back, and the Basic header values it is sent in. */
function forms(secret: string, users: string[]): string[] {
  const out = new Set([
    secret,
    JSON.stringify(secret).slice(1, -1),
    JSON.stringify(secret).slice(1, -1).replace(/\//g, '\\/'),
    encodeURIComponent(secret),
    Buffer.from(secret).toString('base64').replace(/=+$/, ''),
  ]);
  for (const user of users) out.add(Buffer.from(`${user}:${secret}`).toString('base64').replace(/=+$/, ''));
  return [...out];
}

/** What a hostile registry writes: our credentials echoed, commands, markdown, HTML. */
function hostileBody(req: IncomingMessage, secret: string): string {
  const auth = String(req.headers.authorization ?? '');
  const decoded = Buffer.from(auth.replace(/^Basic /, ''), 'base64').toString('utf8');
  return [
    `Invalid credentials. You sent: ${auth}`,
    `as JSON: ${JSON.stringify({ decoded, token: secret })}`,
    `as a query: ?token=${encodeURIComponent(secret)}`,
    '##[set-output name=status;]published ##[add-mask]FORGED ##[error]FORGED-legacy',
    '::error::FORGED-line',
    '# Heading from the registry',
    '![pixel](http://127.0.0.1:9/pixel.png) <img src=x onerror=alert(1)> [click](http://127.0.0.1:9/)',
  ].join('\n');
}

/** Everything left under RUNNER_TEMP (the action's private folder must be gone). */
function leftFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...leftFiles(path));
    else out.push(path);
  }
  return out;
}

/** Every place a person or a later step reads, as the runner shows it (masks consumed). */
function everythingShown(run: ActionRun): Record<string, string> {
  const log = (text: string) =>
    text
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
  const places: Record<string, string> = {
    stdout: log(run.stdout),
    stderr: run.stderr,
    'post stdout': log(run.post?.stdout ?? ''),
    outputs: JSON.stringify(run.outputs),
    summary: run.summary,
    state: JSON.stringify(run.state),
    env: JSON.stringify(run.env),
  };
  for (const file of leftFiles(run.runnerTemp)) places[file] = readFileSync(file, 'utf8');
  return places;
}

function expectNoSecret(run: ActionRun, secrets: string[]): void {
  for (const [place, text] of Object.entries(everythingShown(run)))
    for (const secret of secrets)
      expect({ place, leaked: text.includes(secret) && secret }).toEqual({ place, leaked: false });
}

function expectNoForgedCommand(run: ActionRun): void {
  expect(forgedCommands(run.stdout)).toEqual([]);
  expect(forgedCommands(run.stderr)).toEqual([]);
  expect(forgedCommands(run.post?.stdout ?? '')).toEqual([]);
}

function expectSummaryIsText(summary: string): void {
  expect(summary).not.toMatch(/<img|!\[pixel\]|^#+ Heading/m);
  expect(summary).not.toMatch(/(?<!\\)\[click\]\(/);
}

/** The CLI as a user runs it (asynchronously: the proxy answers from this process). */
function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, args, {
    cwd: mkdtempSync(join(tmpdir(), 'hostile-cli-')),
    env: { PATH: process.env.PATH, ...FAST },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

let verdaccio: Verdaccio;
let pypi: PypiServer;
let crates: CratesServer;
let npmProxy: FaultProxy;
let pypiProxy: FaultProxy;
let cratesProxy: FaultProxy;

beforeAll(async () => {
  [verdaccio, pypi, crates] = await Promise.all([
    startVerdaccio({ user: USER, password: PASSWORD }),
    startPypiServer({ token: PYPI_TOKEN }),
    startCratesServer({ token: CARGO_TOKEN }),
  ]);
  [npmProxy, pypiProxy, cratesProxy] = await Promise.all([
    startFaultProxy(verdaccio.url),
    startFaultProxy(pypi.url),
    startFaultProxy(crates.url),
  ]);
}, 60_000);

afterAll(async () => {
  await Promise.all([npmProxy?.stop(), pypiProxy?.stop(), cratesProxy?.stop()]);
  await Promise.all([verdaccio?.stop(), pypi?.stop(), crates?.stop()]);
});

const withCredentials = (url: string) => url.replace('http://', `http://${USER}:${PASSWORD_IN_URL}@`);
const PASSWORD_FORMS = [...forms(PASSWORD, [USER]), PASSWORD_IN_URL, `${USER}:${PASSWORD_IN_URL}`];

describe('a hostile registry cannot forge commands or make us print a credential', () => {
  test('publish-pypi: an upload refusal that echoes the token (JSON, URL-encoded, Basic header) and carries commands and HTML', async () => {
    pypiProxy.clear();
    pypiProxy.add({
      method: 'POST',
      path: /legacy/,
      fault: { kind: 'answer', status: 403, body: (req) => hostileBody(req, PYPI_TOKEN) },
    });
    const dir = mkdtempSync(join(tmpdir(), 'hostile-pypi-'));
    makeDistributions(join(dir, 'dist'), 'Acme.Tool', '1.0.0', 'wheel');
    const run = await runAction('publish-pypi', {
      workspace: dir,
      inputs: { version: '1.0.0', registry: pypiProxy.url },
      env: { PYPI_TOKEN, ...FAST },
      post: true,
    });
    expect(pypiProxy.log.some((r) => r.fault === 'answer')).toBe(true);
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe('failed');
    expectNoForgedCommand(run);
    expectNoSecret(run, forms(PYPI_TOKEN, ['__token__']));
    expectSummaryIsText(run.summary);
  });

  test('publish-crates: cargo prints the registry refusal (commands, the echoed token); our echo of its output is defused', async () => {
    cratesProxy.clear();
    // The index sends cargo's API calls through the proxy too.
    cratesProxy.add({
      method: 'GET',
      path: /^\/index\/config\.json$/,
      fault: {
        kind: 'answer',
        status: 200,
        body: () => JSON.stringify({ dl: `${cratesProxy.url}/api/v1/crates`, api: cratesProxy.url }),
      },
      times: 10,
    });
    cratesProxy.add({
      method: 'PUT',
      path: /^\/api\/v1\/crates\/new/,
      fault: {
        kind: 'answer',
        status: 400,
        body: (req) => JSON.stringify({ errors: [{ detail: hostileBody(req, CARGO_TOKEN) }] }),
      },
    });
    const dir = copyCrateFixture('single', mkdtempSync(join(tmpdir(), 'hostile-crates-')), '1.0.0');
    const run = await runAction('publish-crates', {
      workspace: dir,
      inputs: {
        version: '1.0.0',
        registry: `sparse+${cratesProxy.url}/index/`,
        'registry-name': 'local',
        verify: 'false',
      },
      env: { CARGO_REGISTRY_TOKEN: CARGO_TOKEN, ...FAST, DEPLOY_ACTIONS_HTTP_RETRIES: '1' },
      post: true,
    });
    expect(cratesProxy.log.some((r) => r.method === 'PUT' && r.fault === 'answer')).toBe(true);
    expect(run.code).toBe(1);
    expect(run.outputs.status).not.toBe('published');
    expectNoForgedCommand(run);
    expectNoSecret(run, forms(CARGO_TOKEN, []));
    expectSummaryIsText(run.summary);
  });

  test('check-published: a registry URL with user:password@ and answers with commands in the versions', async () => {
    npmProxy.clear();
    const packument = {
      name: 'hostile-pkg',
      'dist-tags': { latest: '9.9.9 ##[set-output name=all-published;]true' },
      versions: { '1.0.0': { name: 'hostile-pkg', version: '1.0.0' } },
    };
    npmProxy.add({
      method: 'GET',
      path: /hostile-pkg/,
      fault: { kind: 'answer', status: 200, body: () => JSON.stringify(packument) },
      times: 10,
    });
    npmProxy.add({
      method: 'GET',
      path: /refusing-pkg/,
      fault: { kind: 'answer', status: 400, body: (req) => hostileBody(req, PASSWORD) },
      times: 10,
    });
    const registry = withCredentials(npmProxy.url);
    const run = await runAction('check-published', {
      inputs: {
        version: '1.0.0',
        targets: `npm:hostile-pkg ${registry}\nnpm:refusing-pkg ${registry}`,
      },
      env: FAST,
    });
    // The registry got the credentials (as Basic auth), and nothing shows them.
    expect(npmProxy.log.filter((r) => r.fault === 'answer').length).toBeGreaterThanOrEqual(2);
    expectNoForgedCommand(run);
    expect(run.outputs['all-published']).toBe('false');
    expectNoSecret(run, PASSWORD_FORMS);
    expect(run.outputs.results).toContain('***@127.0.0.1');
    expectSummaryIsText(run.summary);
  });

  test('publish-npm: a registry URL with user:password@ (and a token) publishes, with the password in no argv, log or file', async () => {
    npmProxy.clear();
    const dir = mkdtempSync(join(tmpdir(), 'hostile-npm-'));
    mkdirSync(join(dir, 'npm'));
    writeFileSync(
      join(dir, 'npm', 'package.json'),
      JSON.stringify({ name: 'url-credentials-pkg', version: '1.0.0', description: 'x', license: 'MIT' }),
    );
    writeFileSync(join(dir, 'npm', 'index.js'), 'module.exports = 1;\n');
    const watch = watchArgv([PASSWORD, PASSWORD_IN_URL]);
    const run = await runAction('publish-npm', {
      workspace: dir,
      inputs: { version: '1.0.0', path: 'npm', registry: withCredentials(verdaccio.url) },
      env: { NPM_TOKEN: verdaccio.token, ...FAST },
      post: true,
    });
    expect(watch.stop()).toEqual([]);
    expect({ code: run.code, status: run.outputs.status }).toEqual({ code: 0, status: 'published' });
    expectNoForgedCommand(run);
    expectNoSecret(run, PASSWORD_FORMS);
    const packument = (await (await fetch(`${verdaccio.url}/url-credentials-pkg`)).json()) as {
      versions: Record<string, unknown>;
    };
    expect(Object.keys(packument.versions)).toEqual(['1.0.0']);
  });

  test('rollback: a reason carrying a legacy command and Markdown/HTML is logged and summarised as text', async () => {
    npmProxy.clear();
    const name = 'hostile-rollback';
    const config = `targets:\n  - { name: npm-main, type: npm, tier: 1, path: ./pkg, registry: ${verdaccio.url} }\n`;
    const env = { NPM_TOKEN: verdaccio.token, ...FAST };
    const workspace = (version: string) => {
      const dir = mkdtempSync(join(tmpdir(), 'hostile-rollback-'));
      mkdirSync(join(dir, '.github'));
      mkdirSync(join(dir, 'pkg'));
      writeFileSync(join(dir, '.github', 'deploy-actions.yml'), config);
      writeFileSync(join(dir, 'pkg', 'package.json'), JSON.stringify({ name, version, license: 'MIT' }));
      writeFileSync(join(dir, 'pkg', 'index.js'), 'module.exports = 1;\n');
      return dir;
    };
    for (const version of ['1.0.0', '1.1.0']) {
      const published = await runAction('publish', {
        workspace: workspace(version),
        inputs: { target: 'npm-main', version },
        env,
      });
      expect([version, published.outputs.status]).toEqual([version, 'published']);
    }
    const reason =
      'broken ##[set-output name=rolled-back-to;]9.9.9 ##[add-mask]FORGED # Heading ![p](http://127.0.0.1:9/p.png) <img src=x onerror=alert(1)>';
    const run = await runAction('rollback', {
      workspace: workspace('1.1.0'),
      inputs: { target: 'npm', reason },
      env,
    });
    expect(run.code).toBe(0);
    expect(run.outputs['rolled-back-to']).toBe('1.0.0');
    expectNoForgedCommand(run);
    // The reason is shown, readable: defused in the log, escaped in the summary.
    expect(run.stdout).toContain('broken ##\\[set-output name=rolled-back-to;]9.9.9');
    expectSummaryIsText(run.summary.replace('![p]', '![pixel]'));
    expect(run.summary).toContain('Reason: broken');
  });

  test('CLI check --json and the table: the same registry answers, defused and redacted', async () => {
    npmProxy.clear();
    npmProxy.add({
      method: 'GET',
      path: /hostile-pkg/,
      fault: {
        kind: 'answer',
        status: 200,
        body: () =>
          JSON.stringify({
            name: 'hostile-pkg',
            'dist-tags': { latest: '9.9.9\n::error::FORGED ##[add-mask]FORGED' },
          }),
      },
      times: 10,
    });
    const registry = withCredentials(npmProxy.url);
    for (const json of [true, false]) {
      const result = await cli([
        join(ROOT, 'bin', 'deploy-actions.js'),
        'check',
        '--version',
        '1.0.0',
        '--targets',
        `npm:hostile-pkg ${registry}`,
        ...(json ? ['--json'] : []),
      ]);
      expect(forgedCommands(result.stdout)).toEqual([]);
      expect(forgedCommands(result.stderr)).toEqual([]);
      for (const secret of PASSWORD_FORMS) expect(result.stdout + result.stderr).not.toContain(secret);
      if (json) expect(JSON.parse(result.stdout)).toBeTruthy();
    }
  });
});
