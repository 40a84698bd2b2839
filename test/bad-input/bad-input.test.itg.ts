import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT, runAction, userErrorShape } from '../harness/run-action.js';
import { forgedCommands } from '../harness/runner-commands.js';
import { CASES, type BadInputCase } from './corpus.js';

/** Any request here means a bad input reached the network. */
let tripwire: Server;
let tripwireUrl = '';
const hits: string[] = [];

beforeAll(async () => {
  tripwire = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(500).end();
  });
  await new Promise<void>((r) => tripwire.listen(0, '127.0.0.1', r));
  tripwireUrl = `http://127.0.0.1:${(tripwire.address() as { port: number }).port}`;
});
afterAll(() => {
  tripwire.closeAllConnections();
  tripwire.close();
});

const fill = (text: string) => text.replaceAll('{{TRIPWIRE}}', tripwireUrl);
const fillAll = (record: Record<string, string> = {}) =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [k, fill(v)]));

function workspace(c: BadInputCase): string {
  const top = mkdtempSync(join(tmpdir(), 'da-bad-'));
  for (const [path, text] of Object.entries(c.files ?? {})) {
    mkdirSync(dirname(join(top, path)), { recursive: true });
    writeFileSync(join(top, path), fill(text));
  }
  const dir = c.workspaceDir ? join(top, c.workspaceDir) : top;
  mkdirSync(dir, { recursive: true });
  if (c.symlink) symlinkSync(c.symlink[1], join(dir, c.symlink[0]));
  for (const [path, kind] of Object.entries(c.special ?? {})) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    if (kind === 'dir') mkdirSync(join(dir, path));
    else execFileSync('mkfifo', [join(dir, path)]);
  }
  return dir;
}

/** Lines that start a workflow command must be ours: an injected one would be a second command. */
const OWN_COMMANDS = /^::(error title=|add-mask::|debug::|group::|endgroup::)/;

describe('bad input: one clear error, exit 1, no stack, no network, nothing published', () => {
  test('the corpus has at least 60 cases and covers every action and the CLI', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    const covered = new Set(CASES.map((c) => c.action));
    for (const action of [
      'detect-version',
      'check-published',
      'build-matrix',
      'release',
      'publish',
      'publish-npm',
      'publish-pypi',
      'publish-crates',
      'publish-docker',
      'publish-github-release',
      'publish-flatpak',
      'health-gate',
      'blue-green-switch',
      'rollback',
      'cli',
    ])
      expect(covered).toContain(action);
  });

  test.each(CASES.filter((c) => c.action !== 'cli').map((c) => [c.name, c] as const))('%s', async (_, c) => {
    hits.length = 0;
    const run = await runAction(c.action, {
      workspace: workspace(c),
      inputs: fillAll(c.inputs),
      env: { GITHUB_API_URL: tripwireUrl, ...fillAll(c.env) },
      post: false,
      timeoutMs: 30_000, // a FIFO read that blocks is a hang: fail, not wait for jest
    });
    expect(userErrorShape(run)).toEqual({ code: 1, errors: 1, stack: false });
    const error = run.annotations.find((a) => a.level === 'error')!;
    expect(error.message).toMatch(c.names);
    expect(error.message).not.toMatch(/ failed: /); // a user error, not the action's own failure
    for (const line of run.stdout.split('\n')) if (line.startsWith('::')) expect(line).toMatch(OWN_COMMANDS);
    // Read as the runner reads it: `::` at a line's start, `##[` anywhere.
    expect(forgedCommands(run.stdout)).toEqual([]);
    expect(run.stderr).toBe('');
    expect(hits).toEqual([]);
  });

  test.each(CASES.filter((c) => c.action === 'cli').map((c) => [c.name, c] as const))('%s', (_, c) => {
    hits.length = 0;
    const result = spawnSync(
      process.execPath,
      [join(ROOT, 'bin', 'deploy-actions.js'), ...c.args!.map(fill)],
      {
        cwd: workspace(c),
        encoding: 'utf8',
        env: { PATH: process.env.PATH, HOME: process.env.HOME },
        timeout: 30_000,
      },
    );
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: /);
    expect(lines[0]).toMatch(c.names);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    // The CLI may run in a GitHub `run:` step, whose output the runner reads for commands too.
    expect(forgedCommands(result.stdout)).toEqual([]);
    expect(forgedCommands(result.stderr)).toEqual([]);
    expect(hits).toEqual([]);
  });
});
