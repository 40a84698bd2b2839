/**
 * The data behind the GitHub test server: repositories with releases, assets, a tiny git model
 * (commits as whole file trees, branch refs) and pull requests. Shapes follow the REST API's
 * JSON; tests read and seed this state directly.
 */
import { createHash } from 'node:crypto';
import { compareSemVer, parseSemVer } from '@deploy-actions/version';

export interface Asset {
  id: number;
  releaseId: number;
  name: string;
  label: string | null;
  contentType: string;
  /** `uploaded`, or `open` for an upload that never finished (it still holds the name). */
  state: 'uploaded' | 'open';
  bytes: Buffer;
  createdAt: string;
  updatedAt: string;
  downloads: number;
}

export interface Release {
  id: number;
  tagName: string;
  targetCommitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  createdAt: string;
  publishedAt: string | null;
  updatedAt: string;
  /** Drafts get an `untagged-` html_url like on GitHub. */
  untaggedSlug: string;
  assets: Asset[];
}

export interface Commit {
  sha: string;
  parents: string[];
  message: string;
  files: Map<string, Buffer>;
}

export interface Pull {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  draft: boolean;
  /** owner of the head repository */
  headOwner: string;
  headRef: string;
  headSha: string;
  baseRef: string;
  baseSha: string;
  createdAt: string;
}

export interface Repo {
  id: number;
  owner: string;
  name: string;
  private: boolean;
  defaultBranch: string;
  releases: Release[];
  /** The release chosen with make_latest=true; undefined = computed the legacy way. */
  latestId?: number;
  commits: Map<string, Commit>;
  /** `heads/main` -> commit sha */
  refs: Map<string, string>;
  pulls: Pull[];
  forkOf?: string;
}

export interface Fault {
  status: number;
  /** How many matching requests fail; default 1. */
  count?: number;
  method?: string;
  /** A substring of, or a pattern for, the request path (with the /uploads prefix for uploads). */
  path?: string | RegExp;
  /** Seconds, sent as Retry-After. */
  retryAfter?: number;
  /**
   * `before` (default): fail without doing anything. `after`: do the work, then answer with the
   * fault (the response was lost). `partial`: an upload leaves an `open` asset holding the name.
   */
  when?: 'before' | 'after' | 'partial';
  body?: unknown;
}

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
}

let clock = Date.parse('2024-01-01T00:00:00Z');
/** Distinct, increasing timestamps so "newest first" is well defined. */
export function now(): string {
  clock += 1000;
  return new Date(clock).toISOString();
}

export function gitBlobSha(bytes: Buffer): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** GitHub renames asset files with characters outside this set (a space becomes a dot). */
export function githubAssetName(name: string): string {
  return name.replace(/[^A-Za-z0-9._+@-]/g, '.');
}

/** A release's tag as SemVer, without a leading `v`. */
function tagSemVer(tag: string) {
  return parseSemVer(tag.replace(/^v/, ''));
}

/** Whether a request matches a fault / delay / barrier / hook rule (method, and path substring or pattern). */
function matches(rule: { method?: string; path?: string | RegExp }, method: string, path: string): boolean {
  return (
    (!rule.method || rule.method.toUpperCase() === method) &&
    (!rule.path || (typeof rule.path === 'string' ? path.includes(rule.path) : rule.path.test(path)))
  );
}

export class GitHubState {
  readonly repos = new Map<string, Repo>();
  readonly requests: LoggedRequest[] = [];
  readonly faults: (Fault & { remaining: number })[] = [];
  readonly delays: { ms: number; method?: string; path?: string | RegExp; remaining: number }[] = [];
  readonly barriers: {
    count: number;
    method?: string;
    path?: string | RegExp;
    timeoutMs?: number;
    waiting: (() => void)[];
  }[] = [];
  readonly hooks: { method?: string; path?: string | RegExp; action: () => void }[] = [];
  readonly rateLimit = { limit: 5000, remaining: 5000, reset: Math.floor(Date.now() / 1000) + 3600 };
  /** When false (the default), any repository is created on first use. */
  strictRepos = false;
  private nextId = 1000;
  private commitCounter = 0;

  constructor(
    readonly login: string,
    private readonly defaultBranch: string,
  ) {}

  id(): number {
    return this.nextId++;
  }

  /** Make the next `count` matching requests fail. */
  failNext(fault: Fault): void {
    this.faults.push({ ...fault, remaining: fault.count ?? 1 });
  }

  takeFault(method: string, path: string): Fault | undefined {
    const index = this.faults.findIndex((f) => f.remaining > 0 && matches(f, method, path));
    if (index < 0) return undefined;
    const fault = this.faults[index];
    if (--fault.remaining === 0) this.faults.splice(index, 1);
    return fault;
  }

  /**
   * Hold the next `count` matching requests for `ms` before handling them (to make racing
   * clients overlap deterministically).
   */
  delayNext(delay: { ms: number; count?: number; method?: string; path?: string | RegExp }): void {
    this.delays.push({ ...delay, remaining: delay.count ?? 1 });
  }

  takeDelay(method: string, path: string): number {
    const index = this.delays.findIndex((d) => d.remaining > 0 && matches(d, method, path));
    if (index < 0) return 0;
    const delay = this.delays[index];
    if (--delay.remaining === 0) this.delays.splice(index, 1);
    return delay.ms;
  }

  /**
   * Run `action` when the next matching request arrives, before it is handled: what another
   * client does while this request is on its way (e.g. a concurrent job deleting an asset).
   */
  beforeNext(rule: { method?: string; path?: string | RegExp }, action: () => void): void {
    this.hooks.push({ ...rule, action });
  }

  runHook(method: string, path: string): void {
    const index = this.hooks.findIndex((h) => matches(h, method, path));
    if (index >= 0) this.hooks.splice(index, 1)[0].action();
  }

  /**
   * Hold the next `count` matching requests until all of them have arrived, then let them through
   * together (racing clients collide for certain); after `timeoutMs` the held ones go on anyway.
   */
  holdNext(barrier: { count: number; method?: string; path?: string | RegExp; timeoutMs?: number }): void {
    this.barriers.push({ ...barrier, waiting: [] });
  }

  async passBarrier(method: string, path: string): Promise<void> {
    const barrier = this.barriers.find((b) => matches(b, method, path));
    if (!barrier) return;
    await new Promise<void>((resolve) => {
      barrier.waiting.push(resolve);
      const open = () => {
        this.barriers.splice(this.barriers.indexOf(barrier), 1);
        for (const go of barrier.waiting) go();
      };
      if (barrier.waiting.length >= barrier.count) open();
      else if (barrier.waiting.length === 1)
        setTimeout(() => this.barriers.includes(barrier) && open(), barrier.timeoutMs ?? 10_000);
    });
  }

  /** Requests that change something (everything but GET/HEAD), for "sent nothing" checks. */
  writes(): LoggedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD');
  }

  addRepo(fullName: string, options: { private?: boolean; defaultBranch?: string } = {}): Repo {
    const [owner, name] = fullName.split('/');
    const existing = this.repos.get(fullName.toLowerCase());
    if (existing) return existing;
    const repo: Repo = {
      id: this.id(),
      owner,
      name,
      private: options.private ?? false,
      defaultBranch: options.defaultBranch ?? this.defaultBranch,
      releases: [],
      commits: new Map(),
      refs: new Map(),
      pulls: [],
    };
    const root = this.commit(repo, [], 'Initial commit', new Map());
    repo.refs.set(`heads/${repo.defaultBranch}`, root.sha);
    this.repos.set(fullName.toLowerCase(), repo);
    return repo;
  }

  /** The repository, created on first use unless `strictRepos`. */
  findRepo(owner: string, name: string): Repo | undefined {
    const key = `${owner}/${name}`.toLowerCase();
    return this.repos.get(key) ?? (this.strictRepos ? undefined : this.addRepo(`${owner}/${name}`));
  }

  repo(fullName: string): Repo {
    const [owner, name] = fullName.split('/');
    const repo = this.findRepo(owner, name);
    if (!repo) throw new Error(`no repository ${fullName}`);
    return repo;
  }

  // ---- releases

  releases(fullName: string): Release[] {
    return this.repo(fullName).releases;
  }

  release(fullName: string, tag: string): Release | undefined {
    return (
      this.releases(fullName).find((r) => r.tagName === tag && !r.draft) ??
      this.releases(fullName).find((r) => r.tagName === tag)
    );
  }

  assetBytes(fullName: string, tag: string, name: string): Buffer | undefined {
    return this.release(fullName, tag)?.assets.find((a) => a.name === name)?.bytes;
  }

  /** Seed a release the way a previous run would have left it. */
  seedRelease(
    fullName: string,
    fields: {
      tag: string;
      draft?: boolean;
      prerelease?: boolean;
      makeLatest?: boolean;
      assets?: Record<string, string | Buffer>;
    },
  ): Release {
    const repo = this.repo(fullName);
    const release = this.createRelease(repo, {
      tagName: fields.tag,
      name: fields.tag,
      body: null,
      draft: fields.draft ?? false,
      prerelease: fields.prerelease ?? false,
      targetCommitish: repo.defaultBranch,
    });
    for (const [name, content] of Object.entries(fields.assets ?? {}))
      this.addAsset(release, name, Buffer.from(content), 'application/octet-stream');
    if (fields.makeLatest !== false) this.applyMakeLatest(repo, release, 'true');
    return release;
  }

  createRelease(
    repo: Repo,
    fields: Pick<Release, 'tagName' | 'name' | 'body' | 'draft' | 'prerelease' | 'targetCommitish'>,
  ): Release {
    const created = now();
    const release: Release = {
      id: this.id(),
      ...fields,
      createdAt: created,
      updatedAt: created,
      publishedAt: fields.draft ? null : created,
      untaggedSlug: `untagged-${createHash('sha1').update(String(this.nextId)).digest('hex').slice(0, 20)}`,
      assets: [],
    };
    repo.releases.push(release);
    return release;
  }

  addAsset(
    release: Release,
    name: string,
    bytes: Buffer,
    contentType: string,
    label: string | null = null,
  ): Asset {
    const created = now();
    const asset: Asset = {
      id: this.id(),
      releaseId: release.id,
      name: githubAssetName(name),
      label,
      contentType,
      state: 'uploaded',
      bytes,
      createdAt: created,
      updatedAt: created,
      downloads: 0,
    };
    release.assets.push(asset);
    return asset;
  }

  /** Eligible for latest: published and not a prerelease. */
  private eligible(release: Release): boolean {
    return !release.draft && !release.prerelease;
  }

  /** `make_latest` of a create or update: `true` designates, `legacy` returns to the computed rule. */
  applyMakeLatest(repo: Repo, release: Release, makeLatest: 'true' | 'false' | 'legacy'): void {
    if (makeLatest === 'true' && this.eligible(release)) repo.latestId = release.id;
    else if (makeLatest === 'legacy') repo.latestId = undefined;
    else if (makeLatest === 'false' && repo.latestId === release.id) repo.latestId = undefined;
  }

  /**
   * The latest release: the designated one while it is still eligible, else the legacy rule
   * (highest semantic version, then the newest).
   */
  latest(repo: Repo): Release | undefined {
    const designated = repo.releases.find((r) => r.id === repo.latestId);
    if (designated && this.eligible(designated)) return designated;
    const candidates = repo.releases.filter((r) => this.eligible(r));
    candidates.sort((a, b) => {
      const [va, vb] = [tagSemVer(a.tagName), tagSemVer(b.tagName)];
      if (va && vb && compareSemVer(va, vb) !== 0) return compareSemVer(vb, va);
      if (va && !vb) return -1;
      if (vb && !va) return 1;
      return b.createdAt.localeCompare(a.createdAt);
    });
    return candidates[0];
  }

  /** The latest release's tag, for assertions. */
  latestTag(fullName: string): string | undefined {
    return this.latest(this.repo(fullName))?.tagName;
  }

  // ---- git

  commit(repo: Repo, parents: string[], message: string, files: Map<string, Buffer>): Commit {
    const sha = createHash('sha1')
      .update(`${repo.owner}/${repo.name}:${++this.commitCounter}:${message}`)
      .digest('hex');
    const commit: Commit = { sha, parents, message, files };
    repo.commits.set(sha, commit);
    return commit;
  }

  /** A branch name or a commit sha, to its commit. */
  resolve(repo: Repo, ref: string): Commit | undefined {
    const sha = repo.refs.get(`heads/${ref}`) ?? repo.refs.get(ref.replace(/^refs\//, '')) ?? ref;
    return repo.commits.get(sha);
  }

  /** Commit a file on a branch (seeding, or the contents API). */
  setFile(
    fullName: string,
    branch: string,
    path: string,
    content: string | Buffer,
    message = `Update ${path}`,
  ): Commit {
    const repo = this.repo(fullName);
    const head = this.resolve(repo, branch);
    if (!head) throw new Error(`no branch ${branch} in ${fullName}`);
    const files = new Map(head.files);
    files.set(path, Buffer.from(content));
    const commit = this.commit(repo, [head.sha], message, files);
    repo.refs.set(`heads/${branch}`, commit.sha);
    return commit;
  }

  file(fullName: string, branch: string, path: string): Buffer | undefined {
    return this.resolve(this.repo(fullName), branch)?.files.get(path);
  }

  fork(source: Repo, owner: string): Repo {
    const fork = this.addRepo(`${owner}/${source.name}`, { defaultBranch: source.defaultBranch });
    fork.forkOf = `${source.owner}/${source.name}`;
    for (const [sha, commit] of source.commits) fork.commits.set(sha, commit);
    for (const [ref, sha] of source.refs) fork.refs.set(ref, sha);
    return fork;
  }
}
