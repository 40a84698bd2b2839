/**
 * A real OpenSSH server on 127.0.0.1 (a free port) with a git-shell account holding bare
 * repositories: a git host reached over ssh as a user's client would reach it, with its own host
 * key (pinned by the client) and one authorized key. As root (here and in CI) the test account is
 * a system user made for the run (removed by stop()); otherwise the current user logs in.
 *
 *   const host = await startGitSshd({ hooks: { 'pre-receive': AUR_PRE_RECEIVE } });
 *   host.addRepo('acme-bin');                // bare, empty
 *   url: host.url('acme-bin'), key: host.clientKey, knownHosts: host.knownHosts
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface GitSshd {
  port: number;
  user: string;
  /** The client's private key (OpenSSH format). */
  clientKey: string;
  /** The known_hosts line for this server: `[127.0.0.1]:PORT ssh-ed25519 AAAA...`. */
  knownHosts: string;
  /** A known_hosts line with another key: what a wrong (or spoofed) host looks like. */
  wrongKnownHosts: string;
  root: string;
  url(repo: string): string;
  addRepo(name: string): string;
  /** `git` in a bare repository (as root), e.g. ['log', '--format=%s', 'master']. */
  git(repo: string, args: string[]): string;
  stop(): Promise<void>;
}

/** AUR's rules for a push (as aurweb's git-update enforces them): master only, .SRCINFO present, pkgbase = repository. */
export const AUR_PRE_RECEIVE = `#!/bin/bash
repo=$(basename "$(pwd)" .git)
while read -r old new ref; do
  if [ "$ref" != refs/heads/master ]; then echo "error: pushing to a branch other than master is restricted" >&2; exit 1; fi
  if ! git cat-file -e "$new:.SRCINFO" 2>/dev/null; then echo "error: missing .SRCINFO" >&2; exit 1; fi
  if ! git cat-file -e "$new:PKGBUILD" 2>/dev/null; then echo "error: missing PKGBUILD" >&2; exit 1; fi
  base=$(git show "$new:.SRCINFO" | sed -n 's/^pkgbase = //p')
  if [ "$base" != "$repo" ]; then echo "error: invalid pkgbase: $base, expected $repo" >&2; exit 1; fi
done
`;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

const keygen = (file: string) =>
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'test', '-f', file]);

export async function startGitSshd(options: { hooks?: Record<string, string> } = {}): Promise<GitSshd> {
  const dir = mkdtempSync(join(tmpdir(), 'da-sshd-'));
  chmodSync(dir, 0o755);
  const root = join(dir, 'repos');
  mkdirSync(root, { mode: 0o755 });
  const isRoot = process.getuid?.() === 0;
  const user = isRoot
    ? `dagit${process.pid % 100000}`
    : execFileSync('id', ['-un'], { encoding: 'utf8' }).trim();
  // Password '*': no password login, but not a locked account (sshd refuses locked ones).
  if (isRoot)
    execFileSync('useradd', [
      '--system',
      '--no-create-home',
      '--home-dir',
      root,
      '--shell',
      '/bin/sh',
      '--password',
      '*',
      user,
    ]);
  keygen(join(dir, 'host'));
  keygen(join(dir, 'client'));
  keygen(join(dir, 'other'));
  writeFileSync(join(dir, 'authorized_keys'), readFileSync(join(dir, 'client.pub')));
  chmodSync(join(dir, 'authorized_keys'), 0o644);
  // The account may run git-shell's commands only, on repositories under root.
  writeFileSync(
    join(dir, 'serve.sh'),
    `#!/bin/sh\ncd '${root}' || exit 1\nexec git-shell -c "$(printf '%s' "$SSH_ORIGINAL_COMMAND" | sed "s#'/#'#")"\n`,
  );
  chmodSync(join(dir, 'serve.sh'), 0o755);
  const port = await freePort();
  writeFileSync(
    join(dir, 'sshd_config'),
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${join(dir, 'host')}`,
      `PidFile ${join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PubkeyAuthentication yes',
      'UsePAM no',
      'StrictModes no',
      `AllowUsers ${user}`,
      `ForceCommand ${join(dir, 'serve.sh')}`,
      'PermitRootLogin no',
      'LogLevel ERROR',
      '',
    ].join('\n'),
  );
  mkdirSync('/run/sshd', { recursive: true });
  const sshd: ChildProcess = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', join(dir, 'sshd_config')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  sshd.stderr!.on('data', (c: Buffer) => (log += c.toString()));
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      execFileSync('ssh-keyscan', ['-p', String(port), '-t', 'ed25519', '127.0.0.1'], {
        stdio: 'pipe',
        timeout: 3000,
      });
      break;
    } catch {
      if (sshd.exitCode !== null || Date.now() > deadline) throw new Error(`sshd did not start: ${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const hostLine = (pub: string) =>
    `[127.0.0.1]:${port} ${readFileSync(pub, 'utf8').trim().split(' ').slice(0, 2).join(' ')}`;
  return {
    port,
    user,
    root,
    clientKey: readFileSync(join(dir, 'client'), 'utf8'),
    knownHosts: hostLine(join(dir, 'host.pub')),
    wrongKnownHosts: hostLine(join(dir, 'other.pub')),
    url: (repo) => `ssh://${user}@127.0.0.1:${port}/${repo}.git`,
    addRepo(name) {
      const path = join(root, `${name}.git`);
      execFileSync('git', ['init', '-q', '--bare', '--initial-branch=master', path]);
      for (const [hook, body] of Object.entries(options.hooks ?? {})) {
        writeFileSync(join(path, 'hooks', hook), body);
        chmodSync(join(path, 'hooks', hook), 0o755);
      }
      if (isRoot) execFileSync('chown', ['-R', `${user}:`, path]);
      return path;
    },
    git: (repo, args) =>
      execFileSync('git', ['-c', `safe.directory=*`, '-C', join(root, `${repo}.git`), ...args], {
        encoding: 'utf8',
      }),
    async stop() {
      sshd.kill('SIGTERM');
      await new Promise((r) => (sshd.exitCode !== null ? r(null) : sshd.once('exit', r)));
      if (isRoot) execFileSync('userdel', [user], { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
