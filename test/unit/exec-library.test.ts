/**
 * action-kit/exec beside the ecosystem's libraries: for an ordinary program it behaves as
 * `@actions/exec` does (same argv, cwd, env, stdin, exit code, output); finding a program is
 * `@actions/io`'s `which`; what the program prints is redacted, even split across writes.
 */
import { afterEach, describe, expect, test } from '@jest/globals';
import { getExecOutput } from '@actions/exec';
import { chmodSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { exec, which } from '@deploy-actions/action-kit/exec';
import { addSecret } from '@deploy-actions/action-kit/secrets';

const node = process.execPath;
const temps: string[] = [];
const temp = () => {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'exec-lib-')));
  temps.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('exec: the same result as @actions/exec for an ordinary program', () => {
  // Prints what it was given: argv, cwd, one variable, stdin; then something on stderr; exits 3.
  const echo = `
    let input = '';
    process.stdin.on('data', (d) => (input += d));
    process.stdin.on('end', () => {
      console.log(JSON.stringify({ argv: process.argv.slice(1), cwd: process.cwd(), v: process.env.EXEC_LIB_V, input }));
      console.error('on stderr');
      process.exitCode = 3;
    });
  `;
  // Nothing here may be read by a shell: spaces, quotes, variables, globs, an empty argument.
  const args = [
    'a b',
    '',
    '"quoted"',
    "it's",
    '$HOME',
    '*',
    '`id`',
    'back\\slash',
    '--flag=x y',
    'ünï 😀',
    '; rm -rf /',
  ];

  test('argv, cwd, env, stdin, exit code, stdout and stderr', async () => {
    const cwd = temp();
    const env = { EXEC_LIB_V: 'from env' };
    const ours = await exec(node, ['-e', echo, '--', ...args], { cwd, env, input: 'on stdin\n' });
    const theirs = await getExecOutput(node, ['-e', echo, '--', ...args], {
      cwd,
      env: { ...(process.env as Record<string, string>), ...env },
      input: Buffer.from('on stdin\n'),
      silent: true,
      ignoreReturnCode: true,
    });
    expect(ours.code).toBe(3);
    expect(ours.code).toBe(theirs.exitCode);
    expect(ours.stdout).toBe(theirs.stdout);
    expect(ours.stderr).toBe(theirs.stderr);
    expect(JSON.parse(ours.stdout)).toEqual({ argv: args, cwd, v: 'from env', input: 'on stdin\n' });
    expect(ours.timedOut).toBe(false);
  });

  test('a program that cannot be found rejects with ENOENT (callers turn that into what to install)', async () => {
    await expect(exec('deploy-actions-no-such-program', [])).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('which (@actions/io)', () => {
  const savedPath = process.env.PATH;
  afterEach(() => {
    process.env.PATH = savedPath;
  });

  test('finds an executable file, not a directory or a file without the execute bit of the same name', async () => {
    const [dirs, plain, real] = [temp(), temp(), temp()];
    mkdirSync(join(dirs, 'exec-lib-tool'));
    writeFileSync(join(plain, 'exec-lib-tool'), '#!/bin/sh\n');
    chmodSync(join(plain, 'exec-lib-tool'), 0o644);
    writeFileSync(join(real, 'exec-lib-tool'), '#!/bin/sh\necho found\n');
    chmodSync(join(real, 'exec-lib-tool'), 0o755);
    process.env.PATH = [dirs, plain, real].join(delimiter);
    expect(await which('exec-lib-tool')).toBe(join(real, 'exec-lib-tool'));
    expect((await exec('exec-lib-tool', [])).stdout).toBe('found\n');
    process.env.PATH = [dirs, plain].join(delimiter);
    expect(await which('exec-lib-tool')).toBeUndefined();
  });

  test('a name that is nowhere on PATH', async () => {
    expect(await which('deploy-actions-no-such-program')).toBeUndefined();
  });
});

describe('exec: what a program prints is redacted', () => {
  test('a secret split across two writes is redacted in stdout, stderr and every line', async () => {
    const secret = 'exec-lib-s3cret-' + 'x'.repeat(24);
    addSecret(secret);
    const split = (stream: string) => `
      const text = 'token=' + process.env.EXEC_LIB_SECRET + ' done\\n';
      process.${stream}.write(text.slice(0, 12));
      setTimeout(() => process.${stream}.write(text.slice(12)), 100);
    `;
    const env = { EXEC_LIB_SECRET: secret };
    const lines: string[] = [];
    const out = await exec(node, ['-e', split('stdout')], { env, onLine: (line) => lines.push(line) });
    const err = await exec(node, ['-e', split('stderr')], { env, onLine: (line) => lines.push(line) });
    expect(out.stdout).toBe('token=*** done\n');
    expect(err.stderr).toBe('token=*** done\n');
    expect(lines).toEqual(['token=*** done', 'token=*** done']);
    // The secret went through env, not argv.
    expect(JSON.stringify(out.args)).not.toContain(secret);
  });
});
