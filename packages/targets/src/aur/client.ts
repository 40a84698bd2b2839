/**
 * The AUR's RPC (`/rpc/v5/info?arg[]=<package>`) as the fast look for check-published and
 * `deploy-actions status`: the package's Version there is `<pkgver>-<pkgrel>`. The publisher
 * itself reads the git repository's .SRCINFO (what the AUR serves is built from it).
 */
import { InputError, RegistryError } from '@deploy-actions/action-kit/errors';
import { jsonAnswer } from '@deploy-actions/action-kit/answer';
import type { HttpClient } from '@deploy-actions/action-kit/http';
import { parseSemVer } from '@deploy-actions/version';
import type { ClientOptions, RegistryClient, TargetIdentity } from '../client-types.js';
import { pkgverOf } from './pkgbuild.js';

export const DEFAULT_AUR = 'https://aur.archlinux.org/';

/** A release version (SemVer) as pkgver; a pkgver is taken as it is. */
export function asPkgver(version: string): string {
  const semver = parseSemVer(version);
  return semver ? pkgverOf(semver) : version;
}

interface InfoAnswer {
  type?: string;
  error?: string;
  results?: { Name?: string; PackageBase?: string; Version?: string }[];
}

export class AurClient implements RegistryClient {
  readonly id: string;
  readonly registry: string;
  private readonly http: HttpClient;
  private info?: Promise<string | undefined>;

  constructor(
    readonly name: string,
    options: ClientOptions,
  ) {
    this.id = `aur:${name}`;
    this.registry = (options.registry || DEFAULT_AUR).replace(/\/*$/, '/');
    this.http = options.http;
  }

  /** The package's `pkgver-pkgrel` on the AUR, or undefined when it has none. */
  fullVersion(): Promise<string | undefined> {
    this.info ??= (async () => {
      const url = `${this.registry}rpc/v5/info?arg[]=${encodeURIComponent(this.name)}`;
      const res = await this.http.request({ url, headers: { accept: 'application/json' } });
      if (!res.ok)
        throw new RegistryError(
          'AUR',
          `reading ${url} failed with HTTP ${res.status}`,
          undefined,
          res.status,
        );
      const answer = jsonAnswer<InfoAnswer>(
        res,
        { 'type?': 'string', 'error?': 'string', 'results?': [{ 'Name?': 'string', 'Version?': 'string' }] },
        {
          what: 'an AUR RPC info answer',
          registry: 'AUR',
          hint: 'Is `rpc` the AUR web base (https://aur.archlinux.org)?',
        },
      );
      if (answer.type === 'error')
        throw new RegistryError('AUR', `the RPC refused the look-up: ${answer.error ?? ''}`);
      return answer.results?.find((r) => r.Name === this.name)?.Version;
    })();
    return this.info;
  }

  async versions(): Promise<string[]> {
    const full = await this.fullVersion();
    return full ? [full.replace(/-[^-]*$/, '')] : [];
  }

  async exists(version: string): Promise<boolean> {
    return (await this.versions()).includes(asPkgver(version));
  }

  /** The AUR keeps one version: it, when it is no prerelease (no letters in pkgver). */
  async latest(): Promise<string | undefined> {
    const [current] = await this.versions();
    return current && /^[\d.]+$/.test(current) ? current : undefined;
  }

  url(): string {
    return `${this.registry}packages/${encodeURIComponent(this.name)}`;
  }
}

export function createClient(name: string, options: ClientOptions): AurClient {
  return new AurClient(name, options);
}

export function identify(settings: Record<string, unknown>): TargetIdentity {
  const name = typeof settings.package === 'string' ? settings.package : '';
  if (!name) throw InputError.missing('package', 'Set package: to the AUR package name, e.g. acme-bin.');
  const rpc = typeof settings.rpc === 'string' && settings.rpc ? settings.rpc : undefined;
  return { name, registry: rpc };
}
