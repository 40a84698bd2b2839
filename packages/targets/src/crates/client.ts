/**
 * crates.io and other cargo registries: what is published, read from the sparse index
 * (https://index.crates.io/ by default), the same files cargo reads. One file per crate,
 * one JSON line per version; a yanked version is still published (it cannot be reused).
 * https://doc.rust-lang.org/cargo/reference/registry-index.html
 */
import { InputError, isUserError, RegistryError } from '@deploy-actions/action-kit/errors';
import { jsonAnswer, notAnAnswer, shapeProblem } from '@deploy-actions/action-kit/answer';
import type { HttpClient, HttpResponse } from '@deploy-actions/action-kit/http';
import { highestStable } from '@deploy-actions/version';
import {
  crateNameFromManifest,
  indexFromCargoConfig,
  manifestFile,
  packageSetting,
  workspaceMembers,
} from './manifest.js';
import type { ClientOptions, RegistryClient, TargetIdentity } from '../client-types.js';

export const CRATES_IO_INDEX = 'https://index.crates.io/';
export const CRATES_IO_API = 'https://crates.io';

/** One version's line in the index (the fields we use; cargo's format has more). */
export interface IndexEntry {
  name: string;
  vers: string;
  yanked: boolean;
  cksum?: string;
  deps?: unknown[];
}

/** The registry's config.json: where downloads and the Web API live. */
export interface IndexConfig {
  dl: string;
  api?: string;
  'auth-required'?: boolean;
}

/** Where a crate's file lives under the index root: `1/a`, `2/ab`, `3/a/abc`, `ab/cd/abcd…`. */
export function indexPath(name: string): string {
  const n = name.toLowerCase();
  if (n.length === 0) throw new Error('a crate name cannot be empty');
  if (n.length <= 2) return `${n.length}/${n}`;
  if (n.length === 3) return `3/${n[0]}/${n}`;
  return `${n.slice(0, 2)}/${n.slice(2, 4)}/${n}`;
}

/**
 * The index root as a plain http(s) URL ending in `/`, from what a user may write:
 * `sparse+https://host/index/` (cargo's spelling), `https://host/index/`, or nothing (crates.io).
 * Git indexes are not supported: every registry worth publishing to serves a sparse one.
 */
export function normalizeIndexUrl(registry: string | undefined, input = 'registry'): string {
  if (!registry) return CRATES_IO_INDEX;
  const raw = registry.trim().replace(/^sparse\+/, '');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw InputError.bad(
      input,
      registry,
      'is not a URL',
      'Use the sparse index URL, e.g. sparse+https://my-registry.example/index/.',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw InputError.bad(
      input,
      registry,
      'is not a sparse (http) index',
      'Use the sparse index URL, e.g. sparse+https://my-registry.example/index/; git indexes are not supported.',
    );
  // The web address of crates.io means its index.
  if (url.hostname === 'crates.io' || url.hostname === 'www.crates.io') return CRATES_IO_INDEX;
  return url.toString().replace(/\/*$/, '/');
}

/** The spelling cargo wants in `registries.NAME.index`. */
export const cargoIndexUrl = (indexUrl: string) => `sparse+${indexUrl}`;

export const isCratesIoIndex = (indexUrl: string) => new URL(indexUrl).hostname === 'index.crates.io';

/** Versions compare without build metadata: crates.io refuses 1.0.0+b when 1.0.0+a exists. */
export const withoutBuildMetadata = (version: string) => version.split('+')[0];

/** Parse an index file; lines that are not entries (future formats) are ignored. */
export function parseIndexFile(text: string): IndexEntry[] {
  const entries: IndexEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const entry = JSON.parse(line) as Partial<IndexEntry>;
      if (typeof entry.name === 'string' && typeof entry.vers === 'string')
        entries.push({ ...entry, name: entry.name, vers: entry.vers, yanked: entry.yanked === true });
    } catch {
      // not an entry
    }
  }
  return entries;
}

/**
 * An index file as answered: HTML (a login page, a proxy's error) or text with no JSON line at
 * all is not an index file, and reading it as "no versions" would publish blind.
 */
function indexAnswer(res: HttpResponse, indexUrl: string): IndexEntry[] {
  const source = {
    url: res.url,
    what: 'a sparse index file',
    registry: indexUrl,
    hint: 'Check `registry`: it must be the sparse index URL (sparse+https://.../index/).',
  };
  const type = (res.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (/html/.test(type)) throw notAnAnswer(source, `HTTP ${res.status} ${type}`);
  const text = res.text();
  const lines = text.split('\n').filter((line) => line.trim());
  const objects = lines.map(jsonObject);
  if (lines.length && objects.every((o) => o === undefined))
    throw notAnAnswer(source, 'text that is not JSON lines');
  // Lines without `vers` may be a future format (skipped); a line that has one must be an entry.
  for (const entry of objects) {
    if (!entry || !('vers' in entry)) continue;
    const problem = shapeProblem(entry, ENTRY_SHAPE);
    if (problem) throw notAnAnswer(source, `JSON where ${problem}`);
  }
  return parseIndexFile(text);
}

const ENTRY_SHAPE = { name: 'string', vers: 'string', 'cksum?': 'string', 'yanked?': 'boolean' } as const;

function jsonObject(line: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The highest stable version that is not yanked: what `cargo add` would pick. */
export function latestUnyanked(entries: IndexEntry[]): string | undefined {
  return highestStable(entries.filter((e) => !e.yanked).map((e) => e.vers));
}

export interface CratesIndexOptions {
  http: HttpClient;
  /** The index root (normalized) */
  indexUrl: string;
  /** Sent only when the registry's config.json says `auth-required`, as cargo does. */
  token?: string;
}

/** A sparse index: config.json and the per-crate files. */
export class CratesIndex {
  private configPromise?: Promise<IndexConfig>;

  constructor(private readonly options: CratesIndexOptions) {}

  get url(): string {
    return this.options.indexUrl;
  }

  fileUrl(name: string): string {
    return `${this.options.indexUrl}${indexPath(name)}`;
  }

  config(): Promise<IndexConfig> {
    if (isCratesIoIndex(this.options.indexUrl))
      return Promise.resolve({ dl: 'https://static.crates.io/crates', api: CRATES_IO_API });
    this.configPromise ??= this.fetchConfig();
    return this.configPromise;
  }

  /** The Web API's base URL, where publishing and yanking happen. */
  async apiUrl(): Promise<string> {
    const api = (await this.config()).api;
    if (!api)
      throw new RegistryError(
        this.options.indexUrl,
        'the registry has no Web API (config.json has no `api`)',
        'Publish to a registry that accepts uploads.',
      );
    return api.replace(/\/+$/, '');
  }

  private async fetchConfig(): Promise<IndexConfig> {
    const url = `${this.options.indexUrl}config.json`;
    const res = await this.options.http.request({ url, headers: { accept: 'application/json' } });
    if (!res.ok)
      throw new RegistryError(
        this.options.indexUrl,
        `has no sparse index here: GET config.json answered HTTP ${res.status}`,
        'Check `registry`: it must be the sparse index URL (sparse+https://.../index/).',
        res.status,
      );
    return jsonAnswer<IndexConfig>(
      res,
      { dl: 'string', 'api?': 'string', 'auth-required?': 'boolean' },
      {
        what: 'a sparse index config.json',
        registry: this.options.indexUrl,
        hint: 'Check `registry`: it must be the sparse index URL (sparse+https://.../index/).',
      },
    );
  }

  /**
   * Every version of a crate the index lists, yanked ones included; [] when it has none.
   * `fresh` asks caches (crates.io's CDN) for the current file, for polling after a publish.
   */
  async entries(name: string, fresh = false): Promise<IndexEntry[]> {
    const headers: Record<string, string> = { accept: 'text/plain, application/json;q=0.5' };
    if (fresh) headers['cache-control'] = 'no-cache';
    const url = this.fileUrl(name);
    let res = await this.options.http.request({ url, headers });
    // A private registry answers 401 until it gets the token, and says so in config.json
    // (`auth-required`); only then is the token sent, as cargo does, never to a public index.
    if (
      (res.status === 401 || res.status === 403) &&
      this.options.token &&
      (await this.config())['auth-required']
    )
      res = await this.options.http.request({
        url,
        headers: { ...headers, authorization: this.options.token },
      });
    // cargo treats 404, 410 and 451 as "no such crate".
    if (res.status === 404 || res.status === 410 || res.status === 451) return [];
    if (res.status === 401 || res.status === 403)
      throw new RegistryError(
        this.options.indexUrl,
        `refused to show the index (HTTP ${res.status})`,
        'The registry requires authentication: set the token (`token` input or CARGO_REGISTRY_TOKEN).',
        res.status,
      );
    if (!res.ok) throw new Error(`GET ${url} answered HTTP ${res.status}`);
    const wanted = name.toLowerCase();
    return indexAnswer(res, this.options.indexUrl).filter((e) => e.name.toLowerCase() === wanted);
  }
}

export type CratesClient = RegistryClient & {
  index: CratesIndex;
  /** The crate's index entries; `fresh` asks again past every cache (this client's included). */
  entries(fresh?: boolean): Promise<IndexEntry[]>;
};

/** A client over an index shared by several crates (one config.json fetch for a workspace). */
export function clientFor(name: string, index: CratesIndex): CratesClient {
  // exists/versions/latest of one check share one request; `fresh` (polling) always asks.
  let cached: Promise<IndexEntry[]> | undefined;
  const entries = (fresh = false) => {
    if (fresh || !cached) {
      const request = index.entries(name, fresh);
      cached = request;
      // A transient failure is asked again next time; an answer that is not an index (a
      // RegistryError) would only be the same again.
      request.catch((error: unknown) => {
        if (!isUserError(error)) cached = cached === request ? undefined : cached;
      });
    }
    return cached;
  };
  const indexUrl = index.url;
  return {
    id: `crates:${name}`,
    registry: isCratesIoIndex(indexUrl) ? CRATES_IO_API : indexUrl,
    index,
    entries,
    async exists(version) {
      const wanted = withoutBuildMetadata(version);
      return (await entries()).some((e) => withoutBuildMetadata(e.vers) === wanted);
    },
    async versions() {
      return (await entries()).map((e) => e.vers);
    },
    async latest() {
      return latestUnyanked(await entries());
    },
    url(version) {
      // Other registries have no common web UI; their index file is a page that exists.
      return isCratesIoIndex(indexUrl)
        ? `${CRATES_IO_API}/crates/${name}/${withoutBuildMetadata(version)}`
        : index.fileUrl(name);
    },
  };
}

export function createClient(name: string, options: ClientOptions): CratesClient {
  const index = new CratesIndex({
    http: options.http,
    indexUrl: normalizeIndexUrl(options.registry),
    token: options.token,
  });
  return clientFor(name, index);
}

/**
 * The crate a target publishes: `package` if set, else the manifest's [package].name, else (a
 * workspace) the first publishable member. The registry: `registry`, else the index cargo's
 * config gives `registry-name`.
 */
export function identify(settings: Record<string, unknown>, cwd: string): TargetIdentity {
  const name = crateNameFromManifest(settings, cwd);
  const registryName = typeof settings['registry-name'] === 'string' ? settings['registry-name'] : undefined;
  const explicit = typeof settings.registry === 'string' && settings.registry ? settings.registry : undefined;
  const registry = explicit ?? (registryName ? indexFromCargoConfig(registryName, cwd) : undefined);
  return { name, registry: registry ? normalizeIndexUrl(registry) : undefined };
}

/** The crates a workspace target publishes: `package`, else every publishable member. */
export async function members(settings: Record<string, unknown>, cwd: string): Promise<string[] | undefined> {
  const named = packageSetting(settings);
  if (named.length) return named.length > 1 ? named : undefined;
  const all = workspaceMembers(manifestFile(settings, cwd));
  const publishable = all.filter((m) => m.publishable).map((m) => m.name);
  return publishable.length > 1 ? publishable : undefined;
}
