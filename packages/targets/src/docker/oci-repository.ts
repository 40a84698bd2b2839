/**
 * One repository of a registry over the OCI distribution API (manifests, blobs, tags), with
 * the registry's authentication answered on the way. Every call goes through the kit's
 * HttpClient, so timeouts and transient failures are retried with backoff.
 */
import { jsonAnswer } from '@deploy-actions/action-kit/answer';
import { RegistryError } from '@deploy-actions/action-kit/errors';
import {
  AlreadyDoneSignal,
  type HttpClient,
  type HttpRequest,
  type HttpResponse,
} from '@deploy-actions/action-kit/http';
import { pullScope, pushScope, type RegistryAuth } from './oci-auth.js';
import {
  checkManifest,
  MANIFEST_ACCEPT,
  manifestKind,
  sha256Digest,
  type Manifest,
} from './oci-manifests.js';

export interface RepositoryOptions {
  http: HttpClient;
  /** Where the registry answers: https://ghcr.io, http://127.0.0.1:5000. */
  endpoint: string;
  /** How reports and errors name the registry: ghcr.io, docker.io. */
  registryName: string;
  repository: string;
  auth: RegistryAuth;
  /** Ask for push rights from the first request on, so one token serves a whole publish. */
  push?: boolean;
  /** Tags asked for per page of the tag list (the registry may send fewer, with a Link to the rest). */
  tagsPageSize?: number;
}

export interface ManifestHead {
  digest: string;
  mediaType: string;
  size: number;
}

interface RegistryErrorBody {
  errors?: { code?: string; message?: string; detail?: unknown }[];
}

/** `<https://…/v2/acme/app/tags/list?n=100&last=x>; rel="next"` -> the next URL. */
export function nextLink(header: string | null, base: string): string | undefined {
  const match = header && /<([^>]+)>\s*;\s*rel="?next"?/.exec(header);
  return match ? new URL(match[1], base).toString() : undefined;
}

export class OciRepository {
  readonly endpoint: string;
  readonly repository: string;
  readonly registryName: string;
  private readonly http: HttpClient;
  private readonly auth: RegistryAuth;
  private readonly scopes: string[];
  private readonly tagsPageSize: number;
  /** Set while the first read finds out whether the registry wants a credential. */
  private probe: Promise<void> | undefined;
  private probed = false;

  constructor(options: RepositoryOptions) {
    this.tagsPageSize = options.tagsPageSize ?? 1000;
    this.http = options.http;
    this.endpoint = options.endpoint;
    this.repository = options.repository;
    this.registryName = options.registryName;
    this.auth = options.auth;
    this.scopes = [options.push ? pushScope(this.repository) : pullScope(this.repository)];
  }

  private url(path: string): string {
    return `${this.endpoint}/v2/${this.repository}/${path}`;
  }

  /** Send with the cached credential; answer one 401 challenge; refuse clearly after that. */
  async send(req: HttpRequest, extraScopes: string[] = []): Promise<HttpResponse> {
    const scopes = [...this.scopes, ...extraScopes];
    const withAuth = (authorization: string | undefined): HttpRequest => ({
      ...req,
      headers: { ...req.headers, ...(authorization ? { authorization } : {}) },
    });
    // Reads sent together before anything is known (a tag lookup and the tag list): the first
    // finds out what the registry wants and gets it; the others wait for that instead of each
    // collecting a 401. Only the first read of a repository probes, and it is one without a
    // beforeRetry, so no request waits on one that is waiting on it.
    const read = ['GET', 'HEAD'].includes((req.method ?? 'GET').toUpperCase());
    if (read && !this.auth.cached(scopes) && this.probe) await this.probe;
    const sent = this.auth.cached(scopes);
    let settle: (() => void) | undefined;
    if (read && !sent && !this.probed && !req.beforeRetry) {
      this.probed = true;
      const probe = new Promise<void>((resolve) => {
        settle = () => {
          if (this.probe === probe) this.probe = undefined;
          resolve();
        };
      });
      this.probe = probe;
    }
    try {
      let res = await this.http.request(withAuth(sent));
      if (res.status === 401) {
        // A request sent alongside may have got a credential meanwhile: use it rather than ask again.
        let authorization = this.auth.cached(scopes);
        if (!authorization || authorization === sent) {
          if (sent) this.auth.forget(scopes);
          authorization = await this.auth.answer(res.headers.get('www-authenticate'), scopes);
        }
        settle?.();
        res = await this.http.request(withAuth(authorization));
      }
      if (res.status === 401 || res.status === 403) throw this.refused(res, req);
      return res;
    } finally {
      settle?.();
    }
  }

  private refused(res: HttpResponse, req: HttpRequest): RegistryError {
    const write = (req.method ?? 'GET') !== 'GET' && req.method !== 'HEAD';
    if (!this.auth.hasCredentials)
      return new RegistryError(
        this.registryName,
        `requires credentials for ${write ? 'pushing to' : 'reading'} ${this.repository} and none were given (HTTP ${res.status})`,
        'Set username (or DOCKER_USERNAME) and the password or token (token input or DOCKER_PASSWORD).',
        res.status,
      );
    return new RegistryError(
      this.registryName,
      `${res.status === 401 ? 'did not accept the credentials' : 'denied access'} for ${write ? 'pushing to' : 'reading'} ${this.repository} (HTTP ${res.status}${this.errorDetail(res)})`,
      write
        ? 'Check username / DOCKER_USERNAME and the password or token (DOCKER_PASSWORD): it needs write access to this repository.'
        : 'Check the image name and the credentials (username / DOCKER_USERNAME, DOCKER_PASSWORD).',
      res.status,
    );
  }

  private errorDetail(res: HttpResponse): string {
    try {
      const first = res.json<RegistryErrorBody>().errors?.[0];
      return first ? `: ${[first.code, first.message].filter(Boolean).join(' ')}` : '';
    } catch {
      return '';
    }
  }

  /** A RegistryError for an answer we did not expect, with the registry's own error code. */
  unexpected(res: HttpResponse, what: string): RegistryError {
    return new RegistryError(
      this.registryName,
      `${what} in ${this.repository} failed (HTTP ${res.status}${this.errorDetail(res)})`,
      undefined,
      res.status,
    );
  }

  /** The digest a tag (or digest) resolves to, or undefined when there is none. */
  async headManifest(reference: string): Promise<ManifestHead | undefined> {
    const res = await this.send({
      method: 'HEAD',
      url: this.url(`manifests/${reference}`),
      headers: { accept: MANIFEST_ACCEPT },
    });
    if (res.status === 404) return undefined;
    if (!res.ok) throw this.unexpected(res, `HEAD manifest ${reference}`);
    const digest = res.headers.get('docker-content-digest');
    // A registry that omits the digest on HEAD: read the manifest itself.
    if (!digest) {
      const manifest = await this.getManifest(reference);
      return (
        manifest && { digest: manifest.digest, mediaType: manifest.mediaType, size: manifest.bytes.length }
      );
    }
    return {
      digest,
      mediaType: res.headers.get('content-type')?.split(';')[0] ?? '',
      size: Number(res.headers.get('content-length') ?? 0),
    };
  }

  async getManifest(reference: string): Promise<Manifest | undefined> {
    const res = await this.send({
      url: this.url(`manifests/${reference}`),
      headers: { accept: MANIFEST_ACCEPT },
    });
    if (res.status === 404) return undefined;
    if (!res.ok) throw this.unexpected(res, `GET manifest ${reference}`);
    checkManifest(res.body, res.headers.get('content-type'), {
      url: res.url,
      what: 'an image manifest',
      registry: this.registryName,
    });
    const digest = await sha256Digest(res.body);
    if (reference.includes(':') && reference.startsWith('sha256:') && reference !== digest)
      throw new RegistryError(
        this.registryName,
        `served manifest ${reference} with content of digest ${digest}`,
      );
    return { bytes: res.body, mediaType: manifestKind(res.headers.get('content-type'), res.body), digest };
  }

  /** PUT the exact bytes under `reference` (a tag, or the digest for a child manifest). */
  async putManifest(reference: string, manifest: Manifest): Promise<void> {
    const res = await this.send({
      method: 'PUT',
      url: this.url(`manifests/${reference}`),
      headers: { 'content-type': manifest.mediaType },
      body: manifest.bytes,
    });
    if (res.status !== 201 && !res.ok) throw this.unexpected(res, `PUT manifest ${reference}`);
  }

  async hasBlob(digest: string): Promise<boolean> {
    const res = await this.send({ method: 'HEAD', url: this.url(`blobs/${digest}`) });
    if (res.status === 404) return false;
    if (!res.ok) throw this.unexpected(res, `HEAD blob ${digest}`);
    return true;
  }

  /** A blob's bytes; `size` (the descriptor's) bounds what is read, so a lying registry cannot flood memory. */
  async getBlob(digest: string, size?: number): Promise<Buffer> {
    const res = await this.send({
      url: this.url(`blobs/${digest}`),
      ...(size !== undefined && Number.isSafeInteger(size) && size >= 0 && { maxBodyBytes: size }),
    });
    if (!res.ok) throw this.unexpected(res, `GET blob ${digest}`);
    const actual = await sha256Digest(res.body);
    if (digest.startsWith('sha256:') && actual !== digest)
      throw new RegistryError(this.registryName, `served blob ${digest} with content of digest ${actual}`);
    return res.body;
  }

  /**
   * Open an upload session (POST), optionally as a cross-repository mount. Retrying the POST
   * is safe; before a retry we ask whether the blob arrived meanwhile (then we are done).
   */
  private async startUpload(
    digest: string,
    query: string,
    extraScopes: string[] = [],
  ): Promise<HttpResponse | 'present'> {
    try {
      return await this.send(
        {
          method: 'POST',
          url: this.url(`blobs/uploads/${query}`),
          headers: { 'content-length': '0' },
          beforeRetry: async () => !(await this.hasBlob(digest)),
        },
        extraScopes,
      );
    } catch (error) {
      if (error instanceof AlreadyDoneSignal) return 'present';
      throw error;
    }
  }

  /** Upload a blob: POST to open the session, PUT ?digest= with the bytes to finish it. */
  async uploadBlob(digest: string, data: Uint8Array): Promise<void> {
    const started = await this.startUpload(digest, '');
    if (started === 'present') return;
    if (started.status !== 202) throw this.unexpected(started, `starting the upload of ${digest}`);
    await this.finishUpload(started, digest, data);
  }

  private async finishUpload(started: HttpResponse, digest: string, data: Uint8Array): Promise<void> {
    const location = started.headers.get('location');
    if (!location)
      throw new RegistryError(this.registryName, `opened an upload of ${digest} without a Location header`);
    const url = new URL(location, this.endpoint);
    url.searchParams.set('digest', digest);
    const res = await this.send({
      method: 'PUT',
      url: url.toString(),
      headers: { 'content-type': 'application/octet-stream' },
      body: data,
    });
    // A retried PUT whose first attempt landed finds its session gone: the blob is there.
    if (res.status === 404 && (await this.hasBlob(digest))) return;
    if (res.status !== 201 && !res.ok) throw this.unexpected(res, `uploading ${digest}`);
  }

  /**
   * Mount a blob from another repository of the same registry (no bytes sent). Returns false
   * when the registry would not mount it (it answers 202 with an ordinary upload instead).
   */
  async mountBlob(digest: string, fromRepository: string): Promise<boolean> {
    const query = `?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(fromRepository)}`;
    const res = await this.startUpload(digest, query, [pullScope(fromRepository)]);
    if (res === 'present' || res.status === 201) return true;
    if (res.status === 202) {
      // Close the session the registry opened instead; a leftover one is harmless if this fails.
      const location = res.headers.get('location');
      if (location)
        await this.send({
          method: 'DELETE',
          url: new URL(location, this.endpoint).toString(),
          retries: 0,
        }).catch(() => undefined);
      return false;
    }
    throw this.unexpected(res, `mounting ${digest} from ${fromRepository}`);
  }

  /** Every tag, following the registry's Link pagination; [] when the repository does not exist. */
  async listTags(): Promise<string[]> {
    const tags: string[] = [];
    let url: string | undefined = this.url(`tags/list?n=${this.tagsPageSize}`);
    for (let page = 0; url && page < 1000; page++) {
      const res = await this.send({ url, headers: { accept: 'application/json' } });
      if (res.status === 404) return tags;
      if (!res.ok) throw this.unexpected(res, 'listing tags');
      const answer = jsonAnswer<{ tags?: string[] | null }>(
        res,
        { 'tags?': ['string'] },
        { what: 'a tag list', registry: this.registryName },
      );
      tags.push(...(answer.tags ?? []));
      url = nextLink(res.headers.get('link'), this.endpoint);
    }
    return tags;
  }
}
