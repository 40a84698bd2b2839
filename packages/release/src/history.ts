/**
 * The release history: one JSON line per release, rollout and rollback, kept with the
 * repository. Two stores:
 * - a data branch (default `deploy-actions-status`) written through the GitHub contents API:
 *   read `history.jsonl` and its blob sha, PUT it back with the new line and that sha; when
 *   another writer got there first GitHub answers 409 (sha mismatch) or 422 (sha missing for a
 *   file that now exists) and we read again and append again (bounded), so two concurrent
 *   writers both land. A missing branch is created as an orphan (tree, commit, ref): the data
 *   branch carries no source code.
 * - a file (the CLI outside GitHub): one `O_APPEND` write per record, atomic for a line.
 */
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { InputError, RegistryError, errorMessage } from '@deploy-actions/action-kit/errors';
import type { HttpClient, HttpResponse } from '@deploy-actions/action-kit/http';
import type { Reporter } from '@deploy-actions/action-kit/log';
import type { ReleaseConfig } from './config-types.js';
import type { ReleaseReport } from './orchestrate.js';

export const HISTORY_BRANCH = 'deploy-actions-status';
export const HISTORY_PATH = 'history.jsonl';
/** Attempts of a read-append-write cycle against concurrent writers. */
const MAX_APPEND_ATTEMPTS = 10;

export interface HistoryTarget {
  target: string;
  type?: string;
  tier?: number;
  status: string;
  durationMs?: number;
  /** The latest version the registry had after the run. */
  latest?: string;
  error?: string;
}

export interface RolloutStep {
  percent: number;
  healthy?: boolean;
  errorRate?: number;
  p95Ms?: number;
}

export interface HistoryRecord {
  kind: 'release' | 'rollout' | 'rollback';
  version: string;
  /** ISO 8601. */
  time: string;
  /** What started it: `push refs/tags/v1.2.3`, `workflow_dispatch`, `cli`… */
  trigger: string;
  status: 'success' | 'partial' | 'failure';
  durationMs?: number;
  targets: HistoryTarget[];
  drift: boolean;
  rollout?: {
    active: string;
    previous: string;
    healthy: boolean;
    rolledBack: boolean;
    reason: string;
    steps?: RolloutStep[];
  };
  rollback?: { target: string; to?: string; reason: string };
  /** The run's page, when on GitHub. */
  run?: string;
}

export interface HistoryStore {
  /** Where it lives, for messages. */
  readonly where: string;
  read(): Promise<HistoryRecord[]>;
  append(record: HistoryRecord): Promise<void>;
}

/** The trigger and run link a record carries, from the runner's environment. */
export function runContext(env: NodeJS.ProcessEnv): { trigger: string; run?: string } {
  if (env.GITHUB_ACTIONS !== 'true' || !env.GITHUB_EVENT_NAME) return { trigger: 'cli' };
  const ref = env.GITHUB_REF ? ` ${env.GITHUB_REF}` : '';
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const run =
    env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
      ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined;
  return { trigger: `${env.GITHUB_EVENT_NAME}${ref}`, run };
}

/** The record of a release (and of its rollout, when the config has one). */
export function releaseRecord(
  report: ReleaseReport,
  env: NodeJS.ProcessEnv,
  now = new Date(),
): HistoryRecord {
  const latest = new Map(report.checks.map((c) => [c.target, c.latest]));
  return {
    kind: 'release',
    version: report.version,
    time: now.toISOString(),
    ...runContext(env),
    status: report.status,
    durationMs: report.durationMs,
    targets: report.targets.map((t) => ({
      target: t.target,
      type: t.type,
      tier: t.tier,
      status: t.status,
      durationMs: t.durationMs,
      ...(latest.get(t.target) && { latest: latest.get(t.target) }),
      ...(t.error && { error: t.error }),
    })),
    drift: report.drift,
    ...(report.deploy && { rollout: { ...report.deploy } }),
  };
}

/** A line of the history file: a record, or undefined for a line that is not one (skipped). */
export function parseRecord(line: string): HistoryRecord | undefined {
  if (!line.trim()) return undefined;
  try {
    const value = JSON.parse(line) as HistoryRecord;
    if (
      !value ||
      typeof value !== 'object' ||
      typeof value.version !== 'string' ||
      typeof value.time !== 'string' ||
      !Array.isArray(value.targets)
    )
      return undefined;
    value.targets = value.targets.filter(
      (t) => t && typeof t === 'object' && typeof t.target === 'string' && typeof t.status === 'string',
    );
    return value;
  } catch {
    return undefined;
  }
}

export const parseHistory = (text: string): HistoryRecord[] =>
  text
    .split('\n')
    .map(parseRecord)
    .filter((r): r is HistoryRecord => r !== undefined);

export class FileHistory implements HistoryStore {
  constructor(readonly where: string) {}

  async read(): Promise<HistoryRecord[]> {
    try {
      return parseHistory(readFileSync(this.where, 'utf8'));
    } catch (caught) {
      if ((caught as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw caught;
    }
  }

  async append(record: HistoryRecord): Promise<void> {
    mkdirSync(dirname(this.where), { recursive: true });
    // One write of one line with O_APPEND: concurrent writers interleave whole lines.
    appendFileSync(this.where, JSON.stringify(record) + '\n', { flag: 'a' });
  }
}

export interface GitHubHistoryOptions {
  api: string;
  repository: string;
  branch: string;
  token?: string;
  http: HttpClient;
  path?: string;
}

class Conflict extends Error {}

export class GitHubHistory implements HistoryStore {
  readonly where: string;
  private readonly path: string;

  constructor(private readonly o: GitHubHistoryOptions) {
    this.path = o.path ?? HISTORY_PATH;
    this.where = `${o.repository}@${o.branch}:${this.path}`;
  }

  private async call(method: string, path: string, body?: unknown): Promise<HttpResponse> {
    return this.o.http.request({
      method,
      url: `${this.o.api}/repos/${this.o.repository}${path}`,
      headers: {
        accept: 'application/vnd.github+json',
        'x-github-api-version': '2022-11-28',
        ...(this.o.token && { authorization: `Bearer ${this.o.token}` }),
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      // The history is a side record: a GitHub that does not answer costs a release seconds, not minutes.
      retries: 1,
      timeoutMs: 15_000,
    });
  }

  private refused(res: HttpResponse, what: string): RegistryError {
    let message = '';
    try {
      message = res.json<{ message?: string }>().message ?? '';
    } catch {
      message = '';
    }
    return new RegistryError(
      'GitHub',
      `refused to ${what} ${this.where} (HTTP ${res.status}${message ? `: ${message.split('\n')[0]}` : ''})`,
      res.status === 403 || res.status === 401
        ? 'Grant the job `permissions: contents: write` (GITHUB_TOKEN) or use a token that may push to the repository.'
        : undefined,
      res.status,
    );
  }

  /** The file's text and blob sha; undefined when the branch (or the file) does not exist. */
  private async fetch(): Promise<{ text: string; sha?: string } | undefined> {
    const res = await this.call('GET', `/contents/${this.path}?ref=${encodeURIComponent(this.o.branch)}`);
    if (res.status === 404) {
      // Tell "no branch" from "no file yet": the branch's ref.
      const ref = await this.call('GET', `/git/ref/heads/${encodeURIComponent(this.o.branch)}`);
      return ref.status === 404 ? undefined : { text: '' };
    }
    if (!res.ok) throw this.refused(res, 'read');
    const file = res.json<{ content?: string; sha?: string; encoding?: string }>();
    return { text: Buffer.from(file.content ?? '', 'base64').toString('utf8'), sha: file.sha };
  }

  async read(): Promise<HistoryRecord[]> {
    return parseHistory((await this.fetch())?.text ?? '');
  }

  async append(record: HistoryRecord): Promise<void> {
    const line = JSON.stringify(record) + '\n';
    for (let attempt = 1; ; attempt++) {
      try {
        const current = await this.fetch();
        if (!current) await this.createBranch(line);
        else await this.put(current.text + line, current.sha, record);
        return;
      } catch (caught) {
        if (!(caught instanceof Conflict) || attempt >= MAX_APPEND_ATTEMPTS) throw caught;
        // Another writer landed first: wait a little (jittered) and append to what it wrote.
        await new Promise((r) => setTimeout(r, Math.round(Math.random() * 50 * attempt)));
      }
    }
  }

  private async put(text: string, sha: string | undefined, record: HistoryRecord): Promise<void> {
    const res = await this.call('PUT', `/contents/${this.path}`, {
      message: `history: ${record.kind} ${record.version} ${record.status}`,
      content: Buffer.from(text).toString('base64'),
      branch: this.o.branch,
      ...(sha && { sha }),
    });
    if (res.status === 409 || (res.status === 422 && !sha)) throw new Conflict();
    if (!res.ok) throw this.refused(res, 'write');
  }

  /** The data branch as an orphan commit holding the first line; 422 = another writer made it. */
  private async createBranch(line: string): Promise<void> {
    const tree = await this.call('POST', '/git/trees', {
      tree: [{ path: this.path, mode: '100644', type: 'blob', content: line }],
    });
    if (!tree.ok) throw this.refused(tree, 'create the tree of');
    const commit = await this.call('POST', '/git/commits', {
      message: 'history: start the deploy-actions data branch',
      tree: tree.json<{ sha: string }>().sha,
      parents: [],
    });
    if (!commit.ok) throw this.refused(commit, 'create the first commit of');
    const ref = await this.call('POST', '/git/refs', {
      ref: `refs/heads/${this.o.branch}`,
      sha: commit.json<{ sha: string }>().sha,
    });
    if (ref.status === 422) throw new Conflict();
    if (!ref.ok) throw this.refused(ref, 'create the branch of');
  }
}

export interface HistorySourceOptions {
  config?: ReleaseConfig;
  /** `--history FILE` or an input: wins over the config. */
  file?: string;
  env: NodeJS.ProcessEnv;
  http: HttpClient;
  /** Resolves a relative file against the project folder. */
  resolvePath: (path: string) => string;
}

/**
 * Where the history lives: a file when asked for one; else the config's `history:` (a file or
 * a branch); else, in GitHub Actions with a token, the data branch. Undefined when it is off
 * (`history: { enabled: false }`) or there is nowhere to keep it (the CLI with no setting).
 */
export function historyStore(o: HistorySourceOptions): HistoryStore | undefined {
  if (o.file) return new FileHistory(o.resolvePath(o.file));
  const setting = o.config?.history;
  if (setting?.enabled === false) return undefined;
  if (setting?.file) return new FileHistory(o.resolvePath(setting.file));
  const onGitHub = o.env.GITHUB_ACTIONS === 'true' || setting?.branch !== undefined;
  if (!onGitHub) return undefined;
  const repository = o.env.GITHUB_REPOSITORY;
  if (!repository) {
    if (setting?.branch)
      throw new InputError(
        'history.branch',
        'needs GITHUB_REPOSITORY (owner/name) to know which repository holds the branch',
        'Set GITHUB_REPOSITORY, or use history: { file: PATH } outside GitHub.',
      );
    return undefined;
  }
  const token = o.env.GITHUB_TOKEN;
  if (!token && o.env.GITHUB_ACTIONS === 'true' && !setting?.branch) return undefined;
  return new GitHubHistory({
    api: (o.env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    repository,
    branch: setting?.branch ?? HISTORY_BRANCH,
    token,
    http: o.http,
  });
}

/** Append a record; a failure is a warning, never a failed release. */
export async function recordHistory(
  where: HistoryStore | undefined | (() => HistoryStore | undefined),
  record: HistoryRecord,
  reporter: Reporter,
): Promise<boolean> {
  let store: HistoryStore | undefined;
  try {
    store = typeof where === 'function' ? where() : where;
  } catch (caught) {
    reporter.warning(
      `History: the ${record.kind} of ${record.version} is not recorded: ${errorMessage(caught)}`,
    );
    return false;
  }
  if (!store) return false;
  try {
    await store.append(record);
    reporter.info(`History: recorded the ${record.kind} of ${record.version} in ${store.where}`);
    return true;
  } catch (caught) {
    reporter.warning(
      `History: could not record the ${record.kind} of ${record.version} in ${store.where}: ${errorMessage(caught)}`,
    );
    return false;
  }
}

/** The record of a rollback (`rollback` action or command): back to which version, and why. */
export function rollbackRecord(
  outcome: { target: string; kind?: string; rolledBackTo: string; actions: string[] },
  reason: string | undefined,
  env: NodeJS.ProcessEnv,
  now = new Date(),
): HistoryRecord {
  return {
    kind: 'rollback',
    version: outcome.rolledBackTo,
    time: now.toISOString(),
    ...runContext(env),
    status: 'success',
    targets: [{ target: outcome.target, ...(outcome.kind && { type: outcome.kind }), status: 'rolled-back' }],
    drift: false,
    rollback: { target: outcome.target, to: outcome.rolledBackTo, reason: reason || 'not given' },
  };
}
