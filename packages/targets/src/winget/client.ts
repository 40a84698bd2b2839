/**
 * WinGet as a registry: a version is published when its manifest folder
 * (`manifests/<a>/<Acme>/<App>/<version>/`) is on the default branch of microsoft/winget-pkgs
 * (`repository:`). An open pull request does not count: it is under review, not installable.
 */
import { RegistryError } from '@deploy-actions/action-kit/errors';
import { highestStable } from '@deploy-actions/version';
import type { ClientOptions, RegistryClient, TargetIdentity } from '../client-types.js';
import { isRepository } from '../flatpak/github.js';
import { checkId, manifestFolder } from './manifests.js';
import { WingetGitHub } from './github.js';
import { DEFAULT_REPOSITORY } from './publish.js';

interface Entry {
  name: string;
  type: string;
}

class WingetClient implements RegistryClient {
  readonly id: string;
  readonly registry: string;
  private readonly api: WingetGitHub;
  private readonly repository: string;
  private listing?: Promise<string[]>;

  constructor(
    readonly name: string,
    options: ClientOptions,
  ) {
    this.id = `winget:${name}`;
    checkId(name);
    const repository = String(options.target?.repository || DEFAULT_REPOSITORY);
    if (!isRepository(repository))
      throw new RegistryError('winget', `repository ${repository} is not owner/name`);
    this.repository = repository;
    this.api = new WingetGitHub(options.http, options.token, options.env ?? process.env, options.registry);
    this.registry = `${this.api.base}/repos/${repository}`;
  }

  private folder(version?: string) {
    return manifestFolder(this.name, version).split('/').map(encodeURIComponent).join('/');
  }

  async exists(version: string): Promise<boolean> {
    const found = await this.api.find<unknown>(
      `/repos/${this.repository}/contents/${this.folder(version)}`,
      `read the ${version} manifests of ${this.name}`,
      'any',
      'a GitHub folder',
    );
    return Boolean(found);
  }

  versions(): Promise<string[]> {
    this.listing ??= (async () => {
      const entries = await this.api.find<Entry[]>(
        `/repos/${this.repository}/contents/${this.folder()}`,
        `list the versions of ${this.name}`,
        [{ name: 'string', type: 'string' }],
        'a GitHub folder listing',
      );
      // A deeper id (Acme.App.Beta) is a folder too: versions start with a digit.
      return (entries ?? []).filter((e) => e.type === 'dir' && /^\d/.test(e.name)).map((e) => e.name);
    })();
    return this.listing;
  }

  async latest(): Promise<string | undefined> {
    return highestStable(await this.versions());
  }

  url(version: string): string {
    const web = this.api.base
      .replace(/^https:\/\/api\.github\.com$/, 'https://github.com')
      .replace(/\/api\/v3$/, '');
    return `${web}/${this.repository}/tree/HEAD/${manifestFolder(this.name, version)}`;
  }
}

export function createClient(name: string, options: ClientOptions): RegistryClient {
  return new WingetClient(name, options);
}

export function identify(settings: Record<string, unknown>): TargetIdentity {
  const id = typeof settings.id === 'string' ? settings.id : '';
  return {
    name: checkId(id),
    registry: typeof settings.registry === 'string' && settings.registry ? settings.registry : undefined,
    target: { repository: settings.repository || DEFAULT_REPOSITORY },
  };
}
