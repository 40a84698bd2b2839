/**
 * The registry view of a manifest repository (check-published, `deploy-actions status`): a
 * version is published when the file at the branch's head names it, as publish decides.
 * The name is `owner/repo/<package>` on GitHub, or `<package>` with `registry:` a git URL.
 */
import { InputError } from '@deploy-actions/action-kit/errors';
import { isStable } from './manifest-version.js';
import type { ClientOptions, RegistryClient, TargetIdentity } from '../client-types.js';
import { readLocation, readManifest, type ManifestFormat, type ManifestKind } from './manifest-repo.js';

export interface ClientFormat {
  /** The setting that names the package (formula, app). */
  nameInput: string;
  /** The format for a package name. */
  format(name: string): ManifestFormat;
}

export function createManifestClient(
  kind: ManifestKind,
  client: ClientFormat,
  name: string,
  options: ClientOptions,
): RegistryClient {
  const parts = name.split('/');
  const gitUrl = options.target?.gitUrl;
  const settings: Record<string, unknown> =
    typeof gitUrl === 'string'
      ? { registry: gitUrl, branch: options.target?.branch }
      : {
          [kind.repoInput]: parts.slice(0, 2).join('/'),
          registry: options.registry,
          branch: options.target?.branch,
        };
  const pkg = typeof gitUrl === 'string' ? parts[parts.length - 1] : parts[2];
  if (!pkg || (typeof gitUrl !== 'string' && parts.length !== 3))
    throw InputError.bad(
      'targets',
      name,
      `is not ${kind.type}:owner/repo/<${client.nameInput}>`,
      `Use e.g. ${kind.type}:acme/${kind.type === 'homebrew' ? 'homebrew-tap' : 'scoop-bucket'}/acme.`,
    );
  const env = options.env ?? process.env;
  const location = readLocation(kind, settings, env);
  const format = client.format(pkg);
  const reporter = options.reporter ?? {
    debug() {},
    info() {},
    notice() {},
    warning() {},
    error() {},
    group: (_n, fn) => fn(),
  };
  const head = () =>
    readManifest(location, { http: options.http, reporter, env, token: options.token }, async (view) => {
      const text = await view.read(await format.path(view));
      return text === undefined ? undefined : format.versionOf(text);
    });
  return {
    id: `${kind.type}:${name}`,
    registry: location.display,
    exists: async (version) => (await head()) === version,
    versions: async () => {
      const v = await head();
      return v ? [v] : [];
    },
    latest: async () => {
      const v = await head();
      return v && isStable(v) ? v : undefined;
    },
    url: () => format.webUrl(location, location.branch ?? 'HEAD', '') ?? location.display,
  };
}

/** The identity of a config target: owner/repo/<package> (or <package> and the git URL). */
export function identifyManifest(
  kind: ManifestKind,
  nameInput: string,
  settings: Record<string, unknown>,
): TargetIdentity {
  const location = readLocation(kind, settings, process.env);
  const pkg =
    typeof settings[nameInput] === 'string' && settings[nameInput] ? String(settings[nameInput]) : undefined;
  if (!pkg)
    throw InputError.missing(
      nameInput,
      `Set ${nameInput}: on the target so the ${kind.repoNoun} can be checked without the build config (it defaults to build.binary when publishing).`,
    );
  if (location.via === 'git') return { name: pkg, target: { gitUrl: location.url, branch: location.branch } };
  return {
    name: `${location.repository}/${pkg}`,
    registry: typeof settings.registry === 'string' ? settings.registry : undefined,
    target: location.branch ? { branch: location.branch } : undefined,
  };
}
