/**
 * A flat-manager client speaking the protocol of flat-manager's own `flat-manager-client push
 * --commit --publish`: create a build (`POST /api/v1/build` {repo}), ask which objects it lacks
 * (`GET …/missing_objects` with a JSON body {wanted}), upload those (`POST …/upload`, multipart,
 * one part per object named `<checksum>.<kind>`), register each ref (`POST …/build_ref`
 * {ref, commit}), then commit and publish, following each job (`GET` the job with
 * {"log-offset"}) until it ends. All calls carry the token as `Authorization: Bearer`.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { RegistryError } from '@deploy-actions/action-kit/errors';
import { jsonAnswer, type Shape } from '@deploy-actions/action-kit/answer';
import { AlreadyDoneSignal, type HttpClient, type HttpResponse } from '@deploy-actions/action-kit/http';
import type { Reporter } from '@deploy-actions/action-kit/log';
import { commitVersion, objectPath, parseCommit, uploadOrder, type LocalObject } from './ostree.js';

/** flat-manager-client's batch size: objects are sent in requests of about this many bytes. */
const UPLOAD_CHUNK_LIMIT = 4 * 1024 * 1024;
const MISSING_CHUNK = 2000;

export interface FlatManagerOptions {
  /** Base URL, e.g. https://hub.flathub.org */
  base: string;
  token: string;
  /** The flat-manager repository name (stable, beta...). */
  repo: string;
  http: HttpClient;
  reporter: Reporter;
  /** First delay between job polls; grows to 5 s. */
  pollMs?: number;
  jobTimeoutMs?: number;
}

export interface Build {
  id: number;
  repo_state: number;
  repo_state_reason?: string;
  published_state: number;
  published_state_reason?: string;
}

export interface Job {
  id: number;
  status: number;
  log: string;
  results?: string;
}

const BUILD_SHAPE = {
  id: 'integer',
  repo_state: 'integer',
  'repo_state_reason?': 'string',
  published_state: 'integer',
  'published_state_reason?': 'string',
} as const;
const JOB_SHAPE = { id: 'integer', status: 'integer', 'log?': 'string', 'results?': 'string' } as const;

const JOB_ENDED = 2;
const JOB_BROKEN = 3;

interface ApiErrorBody {
  'error-type'?: string;
  message?: string;
  'current-state'?: string;
}

function errorBody(res: { body: Buffer }): ApiErrorBody {
  try {
    const data = JSON.parse(res.body.toString('utf8')) as unknown;
    // flat-manager serializes its error JSON to a string, then sends that as JSON.
    const parsed = typeof data === 'string' ? (JSON.parse(data) as unknown) : data;
    return typeof parsed === 'object' && parsed !== null ? (parsed as ApiErrorBody) : {};
  } catch {
    return {};
  }
}

/** A multipart/form-data body with one file part per object, as flat-manager's upload reads it. */
export function multipartObjects(objects: LocalObject[], boundary: string): Buffer {
  const parts: Buffer[] = [];
  for (const object of objects) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="content"; filename="${object.name}"\r\n` +
          'Content-Type: application/octet-stream\r\n\r\n',
      ),
      readFileSync(object.path),
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(parts);
}

/** Batches of about UPLOAD_CHUNK_LIMIT bytes; an object bigger than that travels alone. */
export function uploadBatches(objects: LocalObject[], limit = UPLOAD_CHUNK_LIMIT): LocalObject[][] {
  const batches: LocalObject[][] = [];
  let current: LocalObject[] = [];
  let size = 0;
  for (const object of objects) {
    if (current.length && size + object.size > limit) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(object);
    size += object.size;
  }
  if (current.length) batches.push(current);
  return batches;
}

export class FlatManager {
  readonly base: string;
  constructor(private readonly options: FlatManagerOptions) {
    this.base = options.base.replace(/\/+$/, '');
  }

  buildUrl(id: number): string {
    return `${this.base}/api/v1/build/${id}`;
  }

  private refused(res: { status: number; body: Buffer }, what: string): RegistryError {
    const body = errorBody(res);
    const detail = body.message ? `: ${body.message}` : '';
    if (res.status === 401 || res.status === 403)
      return new RegistryError(
        this.base,
        `refused the token to ${what} (HTTP ${res.status}${detail})`,
        `Check FLAT_MANAGER_TOKEN: a flat-manager token with the build, upload and publish scopes for repo '${this.options.repo}' and this app id.`,
        res.status,
      );
    if (res.status === 400)
      return new RegistryError(
        this.base,
        `could not ${what}${detail}`,
        /repo/i.test(body.message ?? '') ? `Check flat-manager-repo ('${this.options.repo}').` : undefined,
        400,
      );
    return new RegistryError(
      this.base,
      `could not ${what} (HTTP ${res.status}${detail})`,
      undefined,
      res.status,
    );
  }

  private async post(
    url: string,
    json: unknown,
    what: string,
    beforeRetry: () => Promise<boolean>,
  ): Promise<HttpResponse> {
    const res = await this.options.http.request({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${this.options.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(json),
      beforeRetry,
    });
    if (!res.ok) throw this.refused(res, what);
    return res;
  }

  /**
   * flat-manager reads a JSON body on two GET routes (`/build/{id}/missing_objects` and the job
   * routes, actix `Json<…>` extractors); like flat-manager-client, send it gzip-compressed.
   * Both are reads, safe to repeat, so the client's retries apply.
   */
  private async getJson<T>(
    url: string,
    json: unknown,
    what: string,
    shape: Shape,
    answer: string,
  ): Promise<T> {
    const { gzipSync } = await import('node:zlib');
    const res = await this.options.http.request({
      method: 'GET',
      url,
      headers: {
        authorization: `Bearer ${this.options.token}`,
        'content-type': 'application/json',
        'content-encoding': 'gzip',
      },
      body: gzipSync(JSON.stringify(json)),
    });
    if (!res.ok) throw this.refused(res, what);
    return jsonAnswer<T>(res, shape, { what: answer, registry: this.base });
  }

  async getBuild(id: number): Promise<Build> {
    const res = await this.options.http.request({
      url: this.buildUrl(id),
      headers: { authorization: `Bearer ${this.options.token}` },
    });
    if (!res.ok) throw this.refused(res, `read build ${id}`);
    return jsonAnswer<Build>(res, BUILD_SHAPE, { what: 'a flat-manager build', registry: this.base });
  }

  /** A new build. Retried freely: a build nobody uploads to is harmless and never published. */
  async createBuild(): Promise<Build> {
    const res = await this.post(
      `${this.base}/api/v1/build`,
      { repo: this.options.repo },
      `create a build in repo '${this.options.repo}'`,
      async () => true,
    );
    return jsonAnswer<Build>(res, BUILD_SHAPE, { what: 'a flat-manager build', registry: this.base });
  }

  async missingObjects(id: number, names: string[]): Promise<Set<string>> {
    const missing = new Set<string>();
    for (let i = 0; i < names.length; i += MISSING_CHUNK) {
      const data = await this.getJson<{ missing: string[] }>(
        `${this.buildUrl(id)}/missing_objects`,
        { wanted: names.slice(i, i + MISSING_CHUNK) },
        'list missing objects',
        { missing: ['string'] },
        'a flat-manager missing-objects list',
      );
      for (const name of data.missing ?? []) missing.add(name);
    }
    return missing;
  }

  /** Upload what the build lacks; returns how many objects and bytes were sent. */
  async uploadObjects(id: number, objects: LocalObject[]): Promise<{ count: number; bytes: number }> {
    const missing = await this.missingObjects(
      id,
      objects.map((o) => o.name),
    );
    const todo = uploadOrder(objects.filter((o) => missing.has(o.name)));
    let bytes = 0;
    for (const batch of uploadBatches(todo)) {
      const boundary = `deploy-actions-${randomBytes(12).toString('hex')}`;
      try {
        const res = await this.options.http.request({
          method: 'POST',
          url: `${this.buildUrl(id)}/upload`,
          headers: {
            authorization: `Bearer ${this.options.token}`,
            'content-type': `multipart/form-data; boundary=${boundary}`,
          },
          body: multipartObjects(batch, boundary),
          // Objects are content-addressed: ask what is still missing, resend only if anything is.
          beforeRetry: async () =>
            (
              await this.missingObjects(
                id,
                batch.map((o) => o.name),
              )
            ).size > 0,
        });
        if (!res.ok) throw this.refused(res, 'upload objects');
      } catch (error) {
        if (!(error instanceof AlreadyDoneSignal)) throw error;
      }
      bytes += batch.reduce((sum, o) => sum + o.size, 0);
    }
    return { count: todo.length, bytes };
  }

  async addRef(id: number, ref: string, commit: string): Promise<void> {
    await this.post(`${this.buildUrl(id)}/build_ref`, { ref, commit }, `add ref ${ref}`, async () => true);
  }

  /** Commit the build and wait for the commit job; flat-manager verifies every object here. */
  async commit(id: number): Promise<Job> {
    try {
      await this.post(
        `${this.buildUrl(id)}/commit`,
        { endoflife: null, endoflife_rebase: null },
        'commit the build',
        async () =>
          // The commit landed if the build left the uploading state.
          (await this.getBuild(id)).repo_state === 0,
      );
    } catch (error) {
      if (!(error instanceof AlreadyDoneSignal)) throw error;
    }
    return this.waitJob(`${this.buildUrl(id)}/commit`, 'commit');
  }

  async publish(id: number): Promise<Job | undefined> {
    try {
      await this.post(
        `${this.buildUrl(id)}/publish`,
        {},
        'publish the build',
        async () => (await this.getBuild(id)).published_state === 0,
      );
    } catch (error) {
      if (error instanceof AlreadyDoneSignal) return this.waitJob(`${this.buildUrl(id)}/publish`, 'publish');
      // flat-manager-client treats "already published" as done, and so do we.
      if (
        error instanceof RegistryError &&
        error.status === 400 &&
        (await this.getBuild(id)).published_state === 2
      )
        return undefined;
      throw error;
    }
    return this.waitJob(`${this.buildUrl(id)}/publish`, 'publish');
  }

  /** Follow a job until it ends, printing its log; a broken job is the registry's refusal. */
  async waitJob(url: string, what: string): Promise<Job> {
    const deadline = Date.now() + (this.options.jobTimeoutMs ?? 60 * 60_000);
    let delay = this.options.pollMs ?? 250;
    let printed = 0;
    for (;;) {
      const job = await this.getJson<Job>(
        url,
        { 'log-offset': printed },
        `follow the ${what} job`,
        JOB_SHAPE,
        'a flat-manager job',
      );
      if (job.log) {
        for (const line of job.log.split('\n').filter(Boolean)) this.options.reporter.info(`| ${line}`);
        printed += job.log.length;
      }
      if (job.status === JOB_ENDED) return job;
      if (job.status === JOB_BROKEN)
        throw new RegistryError(
          this.base,
          `the ${what} job ${job.id} failed${job.log ? `: ${job.log.trim().split('\n').slice(-3).join(' / ')}` : ''}`,
        );
      if (Date.now() > deadline)
        throw new Error(`${this.base}: the ${what} job ${job.id} did not finish in time`);
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(5000, delay * 2);
    }
  }

  /** Best effort: drop a build that will not be committed, so it does not linger. */
  async purge(id: number): Promise<void> {
    await this.options.http.request({
      method: 'POST',
      url: `${this.buildUrl(id)}/purge`,
      headers: { authorization: `Bearer ${this.options.token}`, 'content-type': 'application/json' },
      body: '{}',
      retries: 0,
    });
  }
}

/**
 * The version a published ref holds, read from the repository flat-manager serves at
 * `<base>/repo/<repo>/`: the ref file names the commit, whose body carries our `Version:` line.
 * Undefined when the ref does not exist (or was not published by us).
 */
export async function publishedRef(
  http: HttpClient,
  base: string,
  repo: string,
  ref: string,
): Promise<{ commit: string; version?: string } | undefined> {
  const root = `${base.replace(/\/+$/, '')}/repo/${encodeURIComponent(repo)}`;
  const refRes = await http.request({ url: `${root}/refs/heads/${ref}` });
  if (refRes.status === 404) return undefined;
  if (!refRes.ok)
    throw new RegistryError(
      base,
      `GET ${ref} in repo '${repo}' answered HTTP ${refRes.status}`,
      undefined,
      refRes.status,
    );
  const commit = refRes.text().trim();
  if (!/^[0-9a-f]{64}$/.test(commit)) throw new Error(`${base}: ref ${ref} does not name a commit`);
  const commitRes = await http.request({ url: `${root}/${objectPath(commit, 'commit')}` });
  if (!commitRes.ok)
    throw new RegistryError(
      base,
      `GET commit ${commit} answered HTTP ${commitRes.status}`,
      undefined,
      commitRes.status,
    );
  return { commit, version: commitVersion(parseCommit(commitRes.body)) };
}
