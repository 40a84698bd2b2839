/**
 * The CLI's progress on long work, as a process (its bundle): in a terminal (a pseudo-terminal
 * from util-linux `script`), a live block per target (waiting, publishing, done, with elapsed
 * time) and the rollout gate's live figures; plain lines when stderr is not a terminal;
 * nothing extra with --json.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../harness/run-action.js';
import { startGitHubServer, type GitHubServer } from '../servers/github.js';

const TOKEN = 'ghs_cli_progress_token_0001';
let gh: GitHubServer;
let health: Server;
let healthUrl: string;

beforeAll(async () => {
  gh = await startGitHubServer({ token: TOKEN });
  health = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'));
  await new Promise<void>((resolve) => health.listen(0, '127.0.0.1', resolve));
  healthUrl = `http://127.0.0.1:${(health.address() as AddressInfo).port}/health`;
});
afterAll(async () => {
  await gh?.stop();
  await new Promise((resolve) => health?.close(resolve));
});

let count = 0;
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'da-progress-'));
  for (const colour of ['blue', 'green']) mkdirSync(join(dir, colour));
  symlinkSync(join(dir, 'blue'), join(dir, 'current'));
  mkdirSync(join(dir, '.github'));
  const repo = `acme/progress-${++count}`;
  writeFileSync(
    join(dir, '.github', 'deploy-actions.yml'),
    `targets:
  - { name: gh, type: github-release, tier: 1, repository: ${repo}, registry: '${gh.url}' }
  - { name: gh-two, type: github-release, tier: 2, repository: ${repo}-two, registry: '${gh.url}' }
deploy:
  router: { type: symlink, link: current, blue: blue, green: green }
  step-interval: 1s
  health: { url: '${healthUrl}', interval: 200ms, success-threshold: 2 }
`,
  );
  return dir;
}

const ENV = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  GITHUB_TOKEN: TOKEN,
  TERM: 'xterm',
};
const BIN = join(ROOT, 'bin', 'deploy-actions.js');

/** Run a process without blocking this one: the test servers live here. */
function runProcess(
  command: string,
  args: string[],
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const ESC = /\x1b\[/;

describe('deploy-actions release: progress', () => {
  test('in a terminal: a live block per target with elapsed time, and the gate live figures', async () => {
    const dir = project();
    const command = [process.execPath, BIN, 'release', '--version', '1.0.0', '--cwd', dir]
      .map(quote)
      .join(' ');
    const r = await runProcess('script', ['-qfec', command, '/dev/null']);
    expect(r.status).toBe(0);
    const out = r.stdout;
    expect(out).toMatch(ESC); // redrawn in place
    expect(out).toMatch(/ {2}gh {6}waiting \d+\.\ds/);
    expect(out).toMatch(/ {2}gh {6}publishing \d+\.\ds/);
    expect(out).toMatch(/ {2}gh {6}published {2}http:\/\/\S+, \d+\.\ds/);
    expect(out).toMatch(/ {2}gh-two {2}published/);
    expect(out).toMatch(
      /switch \(green 100%\): round \d+, \d+ checks, error rate 0\.0%, p95 \d+ ms, \d+ good in a row \(2 needed\), \d+\.\ds/,
    );
    expect(out).toContain('release 1.0.0: success');
  }, 90_000);

  test('not a terminal: one plain line per change, no escape sequences', async () => {
    const dir = project();
    const r = await runProcess(process.execPath, [BIN, 'release', '--version', '1.0.0', '--cwd', dir]);
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(ESC);
    const lines = r.stderr.split('\n');
    expect(lines).toContain('gh: waiting');
    expect(lines).toContain('gh: publishing');
    expect(lines.filter((l) => /^gh: published in \d+\.\ds \(http/.test(l))).toHaveLength(1);
    expect(lines.filter((l) => /^switch \(green 100%\): round 1, /.test(l))).toHaveLength(1);
  }, 60_000);

  test('--json: the JSON answer and no progress lines', async () => {
    const dir = project();
    const r = await runProcess(process.execPath, [
      BIN,
      'release',
      '--version',
      '1.0.0',
      '--cwd',
      dir,
      '--json',
    ]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ version: '1.0.0', status: 'success' });
    expect(r.stderr).not.toMatch(/^gh: (waiting|publishing)/m);
    expect(r.stderr).not.toMatch(/round \d+, \d+ checks/);
    expect(r.stderr).not.toMatch(ESC);
  }, 60_000);
});
