/**
 * A git repository that a target writes files to: a Homebrew tap, a Scoop bucket, an AUR
 * package. Real git (the runner has it): a shallow clone of the branch into the private temp
 * folder, the files written, one commit, one push; a push refused because the branch moved is
 * answered by the caller's `update` running again on a fresh clone (bounded).
 *
 * Credentials never reach argv or the remote URL: https sends the token as an extra header
 * through GIT_CONFIG_* environment variables; ssh uses a key file (0600, in the temp folder)
 * and a known_hosts file with the pinned host key, StrictHostKeyChecking=yes, never `no`.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { InputError, RegistryError } from '@deploy-actions/action-kit/errors';
import { exec, type ExecResult } from '@deploy-actions/action-kit/exec';
import type { Reporter } from '@deploy-actions/action-kit/log';
import { resolveInside } from '@deploy-actions/action-kit/paths';
import { addSecret } from '@deploy-actions/action-kit/secrets';

export interface GitAuth {
  /** https: a token sent as HTTP basic auth (`x-access-token:<token>`, as GitHub expects). */
  token?: string;
  /** ssh: the private key (OpenSSH format) and the host's public key line(s) for known_hosts. */
  sshKey?: string;
  knownHosts?: string;
}

export interface GitRepoOptions {
  /** https://host/owner/repo.git, ssh://user@host[:port]/path.git or user@host:path.git */
  url: string;
  /** The branch; default the remote's HEAD. */
  branch?: string;
  auth: GitAuth;
  /** A private folder (0700) for the clone and the key files. */
  tempDir: string;
  reporter: Reporter;
  /** Who commits; default deploy-actions. */
  author?: { name: string; email: string };
  /** For error messages: the setting that holds the URL (tap, bucket, registry). */
  input: string;
}

export interface GitCheckout {
  dir: string;
  branch: string;
  /** HEAD's commit before our change. */
  head: string;
  /** A file of the checkout, or undefined when there is none. */
  read(path: string): string | undefined;
  /** The file's previous versions, newest first (commit, contents), for rollback. */
  history(path: string, max?: number): Promise<{ commit: string; text: string }[]>;
}

export const isSshUrl = (url: string) => /^ssh:\/\//.test(url) || /^[\w.-]+@[\w.-]+:/.test(url);

/** The environment git runs with: no prompts, no user config, credentials as configured. */
function gitEnv(options: GitRepoOptions, keyDir: string): Record<string, string> {
  const env: Record<string, string> = {
    GIT_TERMINAL_PROMPT: '0',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: options.author?.name ?? 'deploy-actions',
    GIT_AUTHOR_EMAIL: options.author?.email ?? 'deploy-actions@users.noreply.github.com',
    GIT_COMMITTER_NAME: options.author?.name ?? 'deploy-actions',
    GIT_COMMITTER_EMAIL: options.author?.email ?? 'deploy-actions@users.noreply.github.com',
  };
  const { auth } = options;
  if (isSshUrl(options.url)) {
    if (!auth.sshKey)
      throw InputError.missing(options.input, `${options.url} is an ssh URL: set the private key for it.`);
    if (!auth.knownHosts?.trim())
      throw InputError.missing(
        'known-hosts',
        `Pin the host key of ${options.url} (the line \`ssh-keyscan HOST\` prints, checked out of band); host keys are never accepted unseen.`,
      );
    const key = join(keyDir, 'id');
    const known = join(keyDir, 'known_hosts');
    writeFileSync(key, auth.sshKey.replace(/\r\n/g, '\n').replace(/\n?$/, '\n'), { mode: 0o600 });
    writeFileSync(known, auth.knownHosts.replace(/\n?$/, '\n'), { mode: 0o600 });
    const q = (p: string) => `'${p.replace(/'/g, `'\\''`)}'`;
    env.GIT_SSH_COMMAND = [
      'ssh',
      `-i ${q(key)}`,
      '-o IdentitiesOnly=yes',
      `-o UserKnownHostsFile=${q(known)}`,
      '-o GlobalKnownHostsFile=/dev/null',
      '-o StrictHostKeyChecking=yes',
      '-o BatchMode=yes',
      '-o ConnectTimeout=20',
    ].join(' ');
  } else if (auth.token) {
    addSecret(auth.token);
    const basic = Buffer.from(`x-access-token:${auth.token}`).toString('base64');
    addSecret(basic);
    env.GIT_CONFIG_COUNT = '1';
    env.GIT_CONFIG_KEY_0 = 'http.extraHeader';
    env.GIT_CONFIG_VALUE_0 = `Authorization: Basic ${basic}`;
  }
  return env;
}

/** The useful lines of git's complaint, without progress noise. */
const complaint = (r: ExecResult) =>
  (r.stderr || r.stdout)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^(Cloning into|remote: (Counting|Compressing|Enumerating|Total))/.test(l))
    .slice(-4)
    .join(' / ');

/** Why a clone or push failed, worded for the user (auth, host key, missing repository). */
function explainGit(options: GitRepoOptions, what: string, r: ExecResult, tokenHint: string): Error {
  const text = complaint(r);
  if (
    /Host key verification failed|REMOTE HOST IDENTIFICATION HAS CHANGED|No .* host key is known/i.test(text)
  )
    return new InputError(
      'known-hosts',
      `the host key of ${options.url} is not the pinned one (${text})`,
      'Check the host key out of band and set known-hosts to the line `ssh-keyscan HOST` prints.',
    );
  if (/Permission denied \(publickey|Authentication failed|could not read Username|403|401/i.test(text))
    return new RegistryError(options.url, `${what} was refused: ${text}`, tokenHint);
  if (/not found|does not exist|does not appear to be a git repository|404/i.test(text))
    return new InputError(
      options.input,
      `${options.url} was not found (${text})`,
      `Create the repository first. ${tokenHint}`,
    );
  return new RegistryError(options.url, `${what} failed: ${text}`);
}

export class GitRepo {
  private readonly dir: string;
  private readonly env: Record<string, string>;
  private branch?: string;

  constructor(
    private readonly options: GitRepoOptions,
    private readonly tokenHint: string,
  ) {
    mkdirSync(options.tempDir, { recursive: true, mode: 0o700 });
    this.dir = mkdtempSync(join(options.tempDir, 'git-'));
    const keyDir = join(this.dir, 'keys');
    mkdirSync(keyDir, { mode: 0o700 });
    this.env = gitEnv(options, keyDir);
  }

  private git(args: string[], cwd?: string) {
    return exec('git', args, { cwd: cwd ?? join(this.dir, 'work'), env: this.env, timeoutMs: 120_000 });
  }

  /** A fresh clone of the branch's head (depth 20: enough history for a rollback). */
  async checkout(): Promise<GitCheckout> {
    const work = join(this.dir, 'work');
    rmSync(work, { recursive: true, force: true });
    const args = ['clone', '--quiet', '--depth', '20', '--no-tags'];
    if (this.options.branch) args.push('--branch', this.options.branch);
    const r = await this.git([...args, '--', this.options.url, work], this.dir);
    if (r.code !== 0) {
      // An empty repository has no branch to clone: start it.
      if (/Remote branch .* not found|You appear to have cloned an empty repository/i.test(complaint(r))) {
        await this.git(['init', '--quiet', work], this.dir);
        await this.git(['remote', 'add', 'origin', this.options.url]);
      } else throw explainGit(this.options, 'clone', r, this.tokenHint);
    }
    const branchRes = await this.git(['symbolic-ref', '--short', 'HEAD']);
    this.branch = this.options.branch ?? (branchRes.stdout.trim() || 'main');
    const headRes = await this.git(['rev-parse', '--verify', '--quiet', 'HEAD']);
    const read = (path: string) => {
      const full = resolveInside(work, path, this.options.input, false);
      return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
    };
    const history = async (path: string, max = 10) => {
      const log = await this.git(['log', `--max-count=${max}`, '--format=%H', '--', path]);
      const out: { commit: string; text: string }[] = [];
      for (const commit of log.stdout.split('\n').filter(Boolean)) {
        const show = await this.git(['show', `${commit}:${path}`]);
        if (show.code === 0) out.push({ commit, text: show.stdout });
      }
      return out;
    };
    return { dir: work, branch: this.branch, head: headRes.stdout.trim(), read, history };
  }

  /**
   * Write `files` (path -> contents) as one commit and push it. Resolves `false` when the push
   * was refused because the branch moved (another run pushed first): check out again and retry.
   */
  async commitAndPush(files: Record<string, string>, message: string): Promise<boolean> {
    const work = join(this.dir, 'work');
    for (const [path, text] of Object.entries(files)) {
      const full = resolveInside(work, path, this.options.input, false);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, text);
    }
    const add = await this.git(['add', '--', ...Object.keys(files)]);
    if (add.code !== 0) throw explainGit(this.options, 'git add', add, this.tokenHint);
    const commit = await this.git(['commit', '--quiet', '--no-gpg-sign', '-m', message]);
    if (commit.code !== 0) throw explainGit(this.options, 'commit', commit, this.tokenHint);
    const push = await this.git(['push', '--quiet', 'origin', `HEAD:refs/heads/${this.branch}`]);
    if (push.code === 0) return true;
    if (/\[rejected\]|non-fast-forward|fetch first|cannot lock ref|failed to update ref/i.test(push.stderr))
      return false;
    throw explainGit(this.options, 'push', push, this.tokenHint);
  }

  /** The clone and key files go; the temp folder is removed at the end of the run anyway. */
  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * Change files in the repository and push one commit, retrying on a fresh clone when another
 * writer pushed first. `update` sees the checkout and returns the files to write and the commit
 * message, or undefined when there is nothing to do (published already).
 */
export async function updateRepo<T>(
  options: GitRepoOptions,
  tokenHint: string,
  update: (
    checkout: GitCheckout,
  ) => Promise<{ files: Record<string, string>; message: string; result: T } | { result: T }>,
  attempts = 4,
): Promise<T> {
  const repo = new GitRepo(options, tokenHint);
  try {
    for (let attempt = 1; ; attempt++) {
      const checkout = await repo.checkout();
      const change = await update(checkout);
      if (!('files' in change)) return change.result;
      if (await repo.commitAndPush(change.files, change.message)) return change.result;
      if (attempt >= attempts)
        throw new RegistryError(
          options.url,
          `the push was refused ${attempts} times: the branch keeps moving`,
          'Rerun the release.',
        );
      options.reporter.info(`${options.url}: the branch moved while we wrote; trying again on its new head`);
    }
  } finally {
    repo.dispose();
  }
}
