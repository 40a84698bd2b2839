/**
 * "A manifest file in a repository": a Homebrew formula in a tap, a Scoop manifest in a bucket.
 * One module for both: where the repository is (GitHub through the Contents API, or any git
 * host through git over https/ssh), what "published" means (the file at the branch's head
 * names this version), the skip / hotfix / force rules, and rollback from the file's history
 * in a new commit. The target types only render and parse their file.
 *
 * Contents API: each write is a PUT with the file's current blob `sha`, so a writer that raced
 * us gets 409 and we read again (bounded), as a refused git push does in git/repo.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError, RegistryError, describeValue } from '@deploy-actions/action-kit/errors';
import type { HttpClient, HttpResponse } from '@deploy-actions/action-kit/http';
import type { Reporter } from '@deploy-actions/action-kit/log';
import { addSecret } from '@deploy-actions/action-kit/secrets';
import { compareSemVer, parseSemVer } from '@deploy-actions/version';
import { apiBase, githubHeaders, githubMessage, parseRepository, webBase } from '../github-release/client.js';
import { isSshUrl, updateRepo, type GitCheckout } from '../git/repo.js';
import type { PublishContext, PublishResult, RollbackContext, RollbackResult } from '../publish-types.js';

/** What a target type tells this module about itself (homebrew, scoop). */
export interface ManifestKind {
  /** `homebrew`: the type, for ids and messages. */
  type: string;
  /** `tap`, `bucket`: the setting that names the repository. */
  repoInput: string;
  /** `tap`, `bucket`: how users call the repository. */
  repoNoun: string;
  /** The variable that should hold a token with write access (HOMEBREW_TAP_TOKEN). */
  tokenEnv: string;
  /** The default variable of the ssh private key (HOMEBREW_TAP_SSH_KEY). */
  sshKeyEnv: string;
}

export interface ManifestLocation {
  kind: ManifestKind;
  /** `github`: the Contents API of `repository` on `api`; `git`: clone and push `url`. */
  via: 'github' | 'git';
  /** owner/name on GitHub (also the tap's name for a git URL when `tap:` is set). */
  repository?: string;
  api?: string;
  /** The git URL (git mode). */
  url?: string;
  branch?: string;
  /** For messages: owner/name or the URL. */
  display: string;
  sshKeyEnv: string;
  knownHosts?: string;
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** `registry:` names a git repository (not a GitHub API base) when it is ssh or ends in .git. */
export function isGitUrl(value: string): boolean {
  if (isSshUrl(value)) return true;
  try {
    const url = new URL(value);
    return /^(https?|file):$/.test(url.protocol) && /\.git\/?$/.test(url.pathname);
  } catch {
    return false;
  }
}

/** Where the manifest repository is, from the target's settings; checked before anything is sent. */
export function readLocation(
  kind: ManifestKind,
  settings: Record<string, unknown>,
  env: NodeJS.ProcessEnv,
): ManifestLocation {
  const named = str(settings[kind.repoInput]);
  const registry = str(settings.registry);
  const branch = str(settings.branch);
  if (branch !== undefined && !/^(?!-)(?!.*\.\.)[A-Za-z0-9._/-]{1,200}$/.test(branch))
    throw InputError.bad(
      'branch',
      branch,
      'is not a branch name',
      'Use e.g. main, or leave it unset for the default branch.',
    );
  const sshKeyEnv = str(settings['ssh-key-env']) ?? kind.sshKeyEnv;
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,99}$/.test(sshKeyEnv))
    throw InputError.bad(
      'ssh-key-env',
      sshKeyEnv,
      'is not an environment variable name',
      'Use e.g. HOMEBREW_TAP_SSH_KEY.',
    );
  const knownHosts = str(settings['known-hosts']);
  let repository: string | undefined;
  if (named !== undefined) {
    const { owner, repo } = parseRepository(named, kind.repoInput);
    repository = `${owner}/${repo}`;
  }
  if (registry !== undefined && isGitUrl(registry)) {
    return { kind, via: 'git', url: registry, repository, branch, display: registry, sshKeyEnv, knownHosts };
  }
  if (!repository)
    throw InputError.missing(
      kind.repoInput,
      `Set ${kind.repoInput}: to the ${kind.repoNoun} repository (owner/name on GitHub), or registry: to its git URL (https://host/path.git or ssh).`,
    );
  if (registry !== undefined) {
    try {
      const url = new URL(registry);
      if (!/^https?:$/.test(url.protocol)) throw new Error('scheme');
    } catch {
      throw InputError.bad(
        'registry',
        registry,
        'is neither a GitHub API base nor a git URL',
        'Use https://HOST/api/v3 for GitHub Enterprise, or a git URL ending in .git (https or ssh).',
      );
    }
  }
  return {
    kind,
    via: 'github',
    repository,
    api: apiBase(registry, env),
    branch,
    display: repository,
    sshKeyEnv,
    knownHosts,
  };
}

/** One file of the repository at the branch's head, and its history. */
export interface RepoView {
  read(path: string): Promise<string | undefined>;
  /** Whether a folder exists (Scoop's `bucket/`). */
  hasDir(path: string): Promise<boolean>;
  /** The file's previous versions, newest first, the head's included. */
  history(path: string, max?: number): Promise<{ commit: string; text: string }[]>;
  branch: string;
}

export type Change<T> = { result: T } | { result: T; path: string; text: string; message: string };

export interface RepoAccess {
  http: HttpClient;
  reporter: Reporter;
  env: NodeJS.ProcessEnv;
  token?: string;
  tempDir: string;
}

/** The hint of a refusal: with only GITHUB_TOKEN there, that it cannot write another repository. */
export function tokenHint(location: ManifestLocation, access: RepoAccess): string {
  const { kind } = location;
  const own = access.env[kind.tokenEnv]?.trim();
  const github = access.env.GITHUB_TOKEN?.trim();
  if (!access.token)
    return `Set ${kind.tokenEnv} to a token that may push to the ${kind.repoNoun} (a PAT or app token with contents: write on ${location.display}).`;
  if (!own && github && access.token === github)
    return `Only GITHUB_TOKEN was available, and GITHUB_TOKEN cannot write to another repository than the workflow's own: set ${kind.tokenEnv} to a token with contents: write on ${location.display} (a fine-grained PAT or a GitHub App token).`;
  return `Check that ${kind.tokenEnv} may push to ${location.display} (contents: write) and has not expired.`;
}

// ---------------------------------------------------------------- GitHub Contents API

interface ContentFile {
  type: string;
  sha: string;
  content?: string;
  encoding?: string;
}

const enc = (path: string) => path.split('/').map(encodeURIComponent).join('/');

class ContentsApi {
  readonly repository: string;
  constructor(
    private readonly location: ManifestLocation,
    private readonly access: RepoAccess,
  ) {
    this.repository = location.repository!;
  }

  private headers(extra: Record<string, string> = {}) {
    return { ...githubHeaders(this.access.token), ...extra };
  }

  private refused(res: HttpResponse, what: string): Error {
    const message = githubMessage(res);
    if (res.status === 404)
      return new InputError(
        this.location.kind.repoInput,
        `${this.repository} was not found on ${this.location.api}, or the token cannot see it (404 while trying to ${what})`,
        `Create the ${this.location.kind.repoNoun} repository first, or fix its name. ${tokenHint(this.location, this.access)}`,
      );
    if (res.status === 401 || res.status === 403)
      return new RegistryError(
        'GitHub',
        `${this.repository}: the token may not ${what} (${res.status} ${message})`,
        tokenHint(this.location, this.access),
        res.status,
      );
    return new RegistryError(
      'GitHub',
      `${this.repository}: ${what} failed (HTTP ${res.status} ${message})`,
      undefined,
      res.status,
    );
  }

  async defaultBranch(): Promise<string> {
    const res = await this.access.http.request({
      url: `${this.location.api}/repos/${this.repository}`,
      headers: this.headers(),
    });
    if (!res.ok) throw this.refused(res, `read the ${this.location.kind.repoNoun}`);
    const branch = res.json<{ default_branch?: unknown }>().default_branch;
    return typeof branch === 'string' && branch ? branch : 'main';
  }

  /** The file (or folder listing) at `ref`; undefined when there is none. */
  async get(path: string, ref: string): Promise<ContentFile | ContentFile[] | undefined> {
    const res = await this.access.http.request({
      url: `${this.location.api}/repos/${this.repository}/contents/${enc(path)}?ref=${encodeURIComponent(ref)}`,
      headers: this.headers(),
    });
    if (res.status === 404) return undefined;
    if (!res.ok) throw this.refused(res, `read ${path}`);
    return res.json<ContentFile | ContentFile[]>();
  }

  async file(path: string, ref: string): Promise<{ sha: string; text: string } | undefined> {
    const found = await this.get(path, ref);
    if (!found || Array.isArray(found) || found.type !== 'file') return undefined;
    return { sha: found.sha, text: Buffer.from(found.content ?? '', 'base64').toString('utf8') };
  }

  async commits(path: string, branch: string, max: number): Promise<string[]> {
    const res = await this.access.http.request({
      url: `${this.location.api}/repos/${this.repository}/commits?path=${encodeURIComponent(path)}&sha=${encodeURIComponent(branch)}&per_page=${max}`,
      headers: this.headers(),
    });
    if (!res.ok) throw this.refused(res, `read the history of ${path}`);
    return res.json<{ sha: string }[]>().map((c) => c.sha);
  }

  /** PUT the file; false when its sha moved under us (409, or 422 for a file that appeared). */
  async put(
    path: string,
    text: string,
    message: string,
    branch: string,
    sha?: string,
  ): Promise<string | false> {
    const res = await this.access.http.request({
      method: 'PUT',
      url: `${this.location.api}/repos/${this.repository}/contents/${enc(path)}`,
      headers: this.headers({ 'content-type': 'application/json' }),
      body: JSON.stringify({
        message,
        content: Buffer.from(text).toString('base64'),
        branch,
        ...(sha ? { sha } : {}),
      }),
      retries: 0,
    });
    if (res.status === 409 || (res.status === 422 && /sha/i.test(githubMessage(res)))) return false;
    if (!res.ok) throw this.refused(res, `write ${path}`);
    return res.json<{ commit?: { sha?: string } }>().commit?.sha ?? '';
  }
}

async function updateViaContents<T>(
  location: ManifestLocation,
  access: RepoAccess,
  decide: (view: RepoView) => Promise<Change<T>>,
  attempts = 4,
): Promise<T> {
  const api = new ContentsApi(location, access);
  const branch = location.branch ?? (await api.defaultBranch());
  for (let attempt = 1; ; attempt++) {
    const shas = new Map<string, string>();
    const view: RepoView = {
      branch,
      async read(path) {
        const file = await api.file(path, branch);
        if (file) shas.set(path, file.sha);
        return file?.text;
      },
      async hasDir(path) {
        return Array.isArray(await api.get(path, branch));
      },
      async history(path, max = 10) {
        const out: { commit: string; text: string }[] = [];
        for (const commit of await api.commits(path, branch, max)) {
          const file = await api.file(path, commit);
          if (file) out.push({ commit, text: file.text });
        }
        return out;
      },
    };
    const change = await decide(view);
    if (!('path' in change)) return change.result;
    if (!shas.has(change.path)) await view.read(change.path);
    const done = await api.put(change.path, change.text, change.message, branch, shas.get(change.path));
    if (done !== false) return change.result;
    if (attempt >= attempts)
      throw new RegistryError(
        'GitHub',
        `${location.display}: ${change.path} kept changing while we wrote it`,
        'Rerun the release.',
      );
    access.reporter.info(`${location.display}: ${change.path} changed while we wrote it; reading it again`);
  }
}

// ---------------------------------------------------------------- git

function gitView(checkout: GitCheckout): RepoView {
  return {
    branch: checkout.branch,
    read: async (path) => checkout.read(path),
    hasDir: async (path) => {
      const { existsSync, statSync } = await import('node:fs');
      const full = join(checkout.dir, path);
      return existsSync(full) && statSync(full).isDirectory();
    },
    history: (path, max) => checkout.history(path, max),
  };
}

async function updateViaGit<T>(
  location: ManifestLocation,
  access: RepoAccess,
  decide: (view: RepoView) => Promise<Change<T>>,
): Promise<T> {
  const sshKey = isSshUrl(location.url!) ? access.env[location.sshKeyEnv] : undefined;
  if (sshKey) addSecret(sshKey);
  return updateRepo(
    {
      url: location.url!,
      branch: location.branch,
      auth: { token: access.token, sshKey, knownHosts: location.knownHosts },
      tempDir: access.tempDir,
      reporter: access.reporter,
      input: 'registry',
    },
    tokenHint(location, access),
    async (checkout) => {
      const change = await decide(gitView(checkout));
      if (!('path' in change)) return { result: change.result };
      return { files: { [change.path]: change.text }, message: change.message, result: change.result };
    },
  );
}

/** Read the repository, decide, and write at most one file as one commit (retried on a race). */
export function updateManifest<T>(
  location: ManifestLocation,
  access: RepoAccess,
  decide: (view: RepoView) => Promise<Change<T>>,
): Promise<T> {
  return location.via === 'github'
    ? updateViaContents(location, access, decide)
    : updateViaGit(location, access, decide);
}

/** Read only: the view of the head, for the registry client (check-published, status). */
export async function readManifest<T>(
  location: ManifestLocation,
  access: Omit<RepoAccess, 'tempDir'> & { tempDir?: string },
  read: (view: RepoView) => Promise<T>,
): Promise<T> {
  const own = access.tempDir ? undefined : mkdtempSync(join(tmpdir(), 'da-manifest-'));
  try {
    let out: T | undefined;
    await updateManifest(location, { ...access, tempDir: access.tempDir ?? own! }, async (view) => {
      out = await read(view);
      return { result: undefined };
    });
    return out as T;
  } finally {
    if (own) rmSync(own, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- publish and rollback rules

/** What a target type knows about its file. */
export interface ManifestFormat {
  /** Where the file is (may look at the repository's layout). */
  path(view: RepoView): Promise<string>;
  /** The version a file's text names, if any. */
  versionOf(text: string): string | undefined;
  /** A page for the file, for reports. */
  webUrl(location: ManifestLocation, branch: string, path: string): string | undefined;
}

/** The web page of a file: GitHub's blob view, else nothing (any git host has its own). */
export function githubFileUrl(location: ManifestLocation, branch: string, path: string): string | undefined {
  if (location.via !== 'github' || !location.api) return undefined;
  return `${webBase(location.api)}/${location.repository}/blob/${encodeURIComponent(branch)}/${enc(path)}`;
}

/**
 * Publish: the file at the head names this version => skipped (force: rewritten when its text
 * differs); it names a higher version => skipped (a hotfix on an older line never replaces
 * it, force or not: rollback is how a tap goes back); a prerelease is never written (every user
 * of the tap would get it). Otherwise one commit writes `render()`'s text.
 */
export async function publishManifest(
  location: ManifestLocation,
  format: ManifestFormat,
  ctx: PublishContext,
  name: string,
  render: () => string,
): Promise<PublishResult> {
  const version = ctx.version.version;
  const semver = parseSemVer(version);
  const noun = location.kind.repoNoun;
  if (semver?.prerelease.length)
    return {
      status: 'skipped',
      notes: [
        `${version} is a prerelease: not written to the ${noun} (every user of ${location.display} would get it)`,
      ],
    };
  const text = render();
  const message = `${name} ${version}`;
  const access: RepoAccess = {
    http: ctx.http,
    reporter: ctx.reporter,
    env: ctx.env,
    token: ctx.token,
    tempDir: ctx.tempDir,
  };
  if (ctx.dryRun) {
    let path = '';
    let current: string | undefined;
    let reason: string | undefined;
    try {
      await readManifest(location, access, async (view) => {
        path = await format.path(view);
        current = await view.read(path);
      });
    } catch (caught) {
      reason = caught instanceof Error ? caught.message : String(caught);
    }
    path ||= await format.path({
      branch: '',
      read: async () => undefined,
      hasDir: async () => true,
      history: async () => [],
    });
    const there = current ? format.versionOf(current) : undefined;
    const how =
      location.via === 'github'
        ? `PUT ${location.api}/repos/${location.repository}/contents/${path} (one commit: "${message}")`
        : `git push to ${location.url} (one commit: "${message}")`;
    ctx.reporter.info(`dry run: would write ${path} in ${location.display}:\n${text}`);
    ctx.reporter.info(`dry run: would send ${how}`);
    return {
      status: 'dry-run',
      notes: [
        `would write ${path} (${there ? `now ${there}` : reason ? `could not read it: ${reason}` : 'new file'}) with ${how}`,
      ],
    };
  }
  if (!ctx.token && !(location.via === 'git' && isSshUrl(location.url!) && ctx.env[location.sshKeyEnv]))
    throw new InputError(
      'token',
      `no credential to write the ${noun} ${location.display}`,
      tokenHint(location, access),
    );
  return updateManifest(location, access, async (view): Promise<Change<PublishResult>> => {
    const path = await format.path(view);
    const current = await view.read(path);
    const there = current !== undefined ? format.versionOf(current) : undefined;
    const url = format.webUrl(location, view.branch, path);
    if (there === version) {
      if (!ctx.force)
        return {
          result: {
            status: 'skipped',
            url,
            notes: [`${path} in ${location.display} is at ${version} already`],
          },
        };
      if (current === text)
        return {
          result: {
            status: 'skipped',
            url,
            notes: [`force: ${path} is at ${version} with the same contents already`],
          },
        };
      return {
        path,
        text,
        message: `${message} (rewritten)`,
        result: { status: 'published', url, notes: [`force: ${path} at ${version} rewritten`] },
      };
    }
    const thereSemver = there ? parseSemVer(there) : undefined;
    if (thereSemver && semver && compareSemVer(thereSemver, semver) > 0)
      return {
        result: {
          status: 'skipped',
          url,
          notes: [
            `${path} in ${location.display} is at ${there}, newer than ${version}: a hotfix on an older line does not replace it`,
          ],
        },
      };
    return {
      path,
      text,
      message,
      result: {
        status: 'published',
        url,
        notes: [`${path}: ${there ?? 'new'} -> ${version} in ${location.display}`],
      },
    };
  });
}

/**
 * Rollback: the file goes back to an earlier version of itself (toVersion's, else the newest
 * one of a lower version than the bad one), in a new commit; history is never rewritten.
 */
export async function rollbackManifest(
  location: ManifestLocation,
  format: ManifestFormat,
  ctx: RollbackContext,
  name: string,
): Promise<RollbackResult> {
  const access: RepoAccess = {
    http: ctx.http,
    reporter: ctx.reporter,
    env: ctx.env,
    token: ctx.token,
    tempDir: ctx.tempDir,
  };
  if (
    !ctx.token &&
    !ctx.dryRun &&
    !(location.via === 'git' && isSshUrl(location.url!) && ctx.env[location.sshKeyEnv])
  )
    throw new InputError(
      'token',
      `no credential to write the ${location.kind.repoNoun} ${location.display}`,
      tokenHint(location, access),
    );
  const decide = async (view: RepoView): Promise<Change<RollbackResult>> => {
    const path = await format.path(view);
    const entries = (await view.history(path, 20)).map((e) => ({ ...e, version: format.versionOf(e.text) }));
    const head = entries[0];
    if (!head?.version)
      throw new RegistryError(
        location.display,
        `${path} has no version to roll back`,
        `Check the ${location.kind.repoInput} setting.`,
      );
    const bad = ctx.badVersion ?? head.version;
    if (head.version !== bad)
      throw new RegistryError(
        location.display,
        `${path} is at ${head.version}, not ${describeValue(bad)}: nothing to roll back`,
        'Name the version the file is at now, or leave the bad version unset.',
      );
    const badSemver = parseSemVer(bad);
    const to = ctx.toVersion
      ? entries.find((e) => e.version === ctx.toVersion)
      : entries.find((e) => {
          const v = e.version ? parseSemVer(e.version) : undefined;
          return v && badSemver && !v.prerelease.length && compareSemVer(v, badSemver) < 0;
        });
    if (!to?.version)
      throw new RegistryError(
        location.display,
        ctx.toVersion
          ? `the history of ${path} has no ${describeValue(ctx.toVersion)}`
          : `the history of ${path} has no version below ${bad}`,
        "Name a version the file had with 'to-version'.",
      );
    if (to.version === bad)
      throw InputError.bad('to-version', ctx.toVersion, `is the version being rolled back`);
    const actions = [
      `${location.kind.type}: ${path} ${bad} -> ${to.version} (the file of ${to.commit.slice(0, 12)})`,
    ];
    if (ctx.dryRun)
      return {
        result: { rolledBackTo: to.version, actions: actions.map((a) => `${a} (dry run: not sent)`) },
      };
    const why = ctx.reason ? `: ${ctx.reason}` : '';
    return {
      path,
      text: to.text,
      message: `${name}: roll back ${bad} -> ${to.version}${why}`.slice(0, 300),
      result: { rolledBackTo: to.version, actions },
    };
  };
  return ctx.dryRun
    ? readManifest(location, access, async (view) => {
        const change = await decide(view);
        return change.result;
      })
    : updateManifest(location, access, decide);
}
