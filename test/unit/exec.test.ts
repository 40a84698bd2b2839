import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { exec } from '@deploy-actions/action-kit/exec';
import { parseList } from '@deploy-actions/action-kit/parse';

const node = process.execPath;

/** Whether a process is still running (a zombie waiting for its reaper has ended). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) [ZX]/.test(stat);
  } catch {
    return false;
  }
}

describe('exec: processes a program starts', () => {
  test('a background process that keeps stdout open does not hold the result past the program', async () => {
    const started = Date.now();
    const result = await exec('sh', ['-c', 'sleep 30 & echo hi']);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('hi\n');
    expect(result.timedOut).toBe(false);
  });

  test('a timeout ends the whole process group, grandchildren included', async () => {
    const started = Date.now();
    const result = await exec('sh', ['-c', 'sleep 30 & echo $!; wait'], { timeoutMs: 500 });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.timedOut).toBe(true);
    const grandchild = Number(result.stdout.trim());
    expect(grandchild).toBeGreaterThan(0);
    // Killed with the group, not left running.
    await new Promise((r) => setTimeout(r, 200));
    expect(alive(grandchild)).toBe(false);
  });
});

describe('exec: output decoding', () => {
  // Writes the 4 bytes of an emoji in two separate writes, with a pause so they arrive as two chunks.
  const splitEmoji = `
    const bytes = Buffer.from('before 😀 after\\n');
    const cut = bytes.indexOf(0xf0) + 2;
    process.stdout.write(bytes.subarray(0, cut));
    setTimeout(() => process.stdout.write(bytes.subarray(cut)), 100);
  `;

  test('a multi-byte character split across writes is decoded whole (stdout and onLine)', async () => {
    const lines: string[] = [];
    const result = await exec(node, ['-e', splitEmoji], { onLine: (line) => lines.push(line) });
    expect(result.stdout).toBe('before 😀 after\n');
    expect(result.stdout).not.toContain('\uFFFD');
    expect(lines).toEqual(['before 😀 after']);
  });

  test('split characters on stderr too', async () => {
    const result = await exec(node, ['-e', splitEmoji.replace(/stdout/g, 'stderr')]);
    expect(result.stderr).toBe('before 😀 after\n');
  });
});

describe('parseList: commas inside glob groups', () => {
  test.each([
    ['build/*.{zip,tar.gz}', ['build/*.{zip,tar.gz}']],
    ['build/*.{zip,tar.gz}, docs/*.pdf', ['build/*.{zip,tar.gz}', 'docs/*.pdf']],
    ['dist/[a,b]*.whl,dist/*.tar.gz', ['dist/[a,b]*.whl', 'dist/*.tar.gz']],
    ['a{b,{c,d}}e,f', ['a{b,{c,d}}e', 'f']],
    ['one\ntwo,three\r\n four ', ['one', 'two', 'three', 'four']],
    // An unclosed group is literal text: the comma separates again.
    ['{a,b', ['{a', 'b']],
    ['x[,y', ['x[', 'y']],
    ['linux/amd64,linux/arm64', ['linux/amd64', 'linux/arm64']],
  ])('%j', (raw, expected) => {
    expect(parseList(raw)).toEqual(expected);
  });
});
