/**
 * Chocolatey (any NuGet v2 feed) as a registry, read through its OData API:
 * `Packages(Id='acme',Version='1.2.3')` answers 200 with the package's entry when the version
 * was pushed, 404 when not; `FindPackagesById()?id='acme'` lists every version. On the
 * community repository a pushed version waits for moderation: its entry says
 * `<d:PackageStatus>Submitted</d:PackageStatus>` (`<d:IsApproved>false`) until a moderator
 * approves it. Pushed counts as published (pushing again is refused with 409); `state` tells
 * the two apart for the publisher's notice.
 */
import { RegistryError } from '@deploy-actions/action-kit/errors';
import type { HttpClient } from '@deploy-actions/action-kit/http';
import { highestStable, parseSemVer } from '@deploy-actions/version';
import type { ClientOptions, RegistryClient, TargetIdentity } from '../client-types.js';
import { checkPackageId } from './nupkg.js';
import { chocolateyVersion } from './version.js';

export const DEFAULT_PUSH = 'https://push.chocolatey.org/';
const COMMUNITY_FEED = 'https://community.chocolatey.org/api/v2/';
const MAX_PAGES = 20;

/** The registry base with one trailing slash. */
export const registryBase = (registry?: string) => (registry || DEFAULT_PUSH).replace(/\/*$/, '/');
/** Where packages are pushed: `<registry>/api/v2/package/`. */
export const pushUrl = (registry?: string) => `${registryBase(registry)}api/v2/package/`;
/** The OData feed: the community feed for the default push host, else `<registry>/api/v2/`. */
export const feedUrl = (registry?: string) =>
  registryBase(registry) === DEFAULT_PUSH ? COMMUNITY_FEED : `${registryBase(registry)}api/v2/`;
export const registryLabel = (registry?: string) =>
  registryBase(registry) === DEFAULT_PUSH ? 'Chocolatey' : `NuGet feed ${registryBase(registry)}`;

/** A release version in Chocolatey's spelling (1.2.3-rc.1 -> 1.2.3-rc1); other text as given. */
export function feedVersion(version: string): string {
  const semver = parseSemVer(version);
  return semver ? chocolateyVersion(semver) : version;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, name: string) =>
    name[0] === '#'
      ? String.fromCodePoint(
          name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)),
        )
      : (ENTITIES[name] ?? all),
  );

/** The text of each `<d:NAME>` property in an OData answer. */
export function properties(xml: string, name: string): string[] {
  const re = new RegExp(`<d:${name}(?:\\s[^>]*)?>([^<]*)</d:${name}>`, 'g');
  return [...xml.matchAll(re)].map((m) => decode(m[1]));
}

export type VersionState = 'absent' | 'approved' | 'moderation';

export class ChocolateyClient implements RegistryClient {
  readonly id: string;
  readonly registry: string;
  private readonly http: HttpClient;
  private readonly label: string;

  constructor(
    readonly name: string,
    options: ClientOptions,
  ) {
    this.id = `chocolatey:${name}`;
    checkPackageId(name);
    this.registry = feedUrl(options.registry);
    this.label = registryLabel(options.registry);
    this.http = options.http;
  }

  private async get(url: string) {
    const res = await this.http.request({ url, headers: { accept: 'application/atom+xml,application/xml' } });
    if (res.status === 404) return undefined;
    if (!res.ok)
      throw new RegistryError(
        this.label,
        `reading ${url} failed with HTTP ${res.status}`,
        res.status === 401 || res.status === 403
          ? 'The feed must be readable without a key; check registry.'
          : undefined,
        res.status,
      );
    const text = res.text();
    if (!/<(?:entry|feed)[\s>]/.test(text))
      throw new RegistryError(
        this.label,
        `answered ${url} with something that is not an OData feed`,
        'Is `registry` a NuGet v2 feed?',
      );
    return text;
  }

  /** Whether the version was pushed, and whether the moderators approved it. */
  async state(version: string): Promise<VersionState> {
    const id = this.name.replace(/'/g, "''");
    const v = feedVersion(version).replace(/'/g, "''");
    const entry = await this.get(
      `${this.registry}Packages(Id='${encodeURIComponent(id)}',Version='${encodeURIComponent(v)}')`,
    );
    if (!entry) return 'absent';
    const status = properties(entry, 'PackageStatus')[0];
    const approved = properties(entry, 'IsApproved')[0];
    if ((status && status !== 'Approved') || approved === 'false') return 'moderation';
    return 'approved';
  }

  async exists(version: string): Promise<boolean> {
    return (await this.state(version)) !== 'absent';
  }

  async versions(): Promise<string[]> {
    const found: string[] = [];
    let url: string | undefined = `${this.registry}FindPackagesById()?id='${encodeURIComponent(this.name)}'`;
    for (let page = 0; url && page < MAX_PAGES; page++) {
      const feed = await this.get(url);
      if (!feed) break;
      found.push(...properties(feed, 'Version'));
      const next = /<link\s+rel="next"\s+href="([^"]+)"/.exec(feed)?.[1];
      url = next ? decode(next) : undefined;
    }
    return [...new Set(found)];
  }

  async latest(): Promise<string | undefined> {
    return highestStable(await this.versions());
  }

  url(version: string): string {
    return this.registry === COMMUNITY_FEED
      ? `https://community.chocolatey.org/packages/${this.name}/${feedVersion(version)}`
      : `${this.registry}package/${this.name}/${feedVersion(version)}`;
  }
}

export function createClient(name: string, options: ClientOptions): ChocolateyClient {
  return new ChocolateyClient(name, options);
}

export function identify(settings: Record<string, unknown>): TargetIdentity {
  const id = typeof settings.id === 'string' ? settings.id : '';
  return {
    name: checkPackageId(id),
    registry: typeof settings.registry === 'string' && settings.registry ? settings.registry : undefined,
  };
}
