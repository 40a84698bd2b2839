/**
 * The release archives that the package managers of binaries (homebrew, scoop, winget,
 * chocolatey, aur, snap) point at: every platform's archive of the config's `build:`, as
 * attached to the GitHub release of the target named by `release:`. One source of truth for
 * URLs and hashes: the release itself (its assets and its SHA256SUMS), so a manifest never
 * names a file users cannot download or a hash that differs from what they get.
 *
 * The caller (packages/release) plans the archives from the build config; this module asks
 * GitHub where each one is and what its SHA-256 is, and fills in the repository's description,
 * homepage and licence for the manifests' metadata.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { InputError, RegistryError, errorMessage } from '@deploy-actions/action-kit/errors';
import type { HttpClient } from '@deploy-actions/action-kit/http';
import type { Reporter } from '@deploy-actions/action-kit/log';
import { connect, downloadAsset, releaseByTag, type GitHubConnection } from '../github-release/api.js';
import { assetName, parseSums, SUMS_NAME } from '../github-release/assets.js';
import { apiBase, parseRepository, webBase } from '../github-release/client.js';

/** One platform's archive as users download it. */
export interface BinaryArchive {
  /** `os/arch`, e.g. `windows/arm64`. */
  platform: string;
  os: string;
  arch: string;
  /** The file name on the release. */
  name: string;
  format: 'tar.gz' | 'zip';
  /** Where users download it (the asset's browser_download_url). */
  url: string;
  /** Lower-case hex. */
  sha256: string;
  /** The archive in this workspace, when the build ran or its artifacts were downloaded here. */
  path?: string;
}

export interface BinaryRelease {
  /** The github-release target the archives come from. */
  target: string;
  /** owner/name */
  repository: string;
  tag: string;
  version: string;
  /** The executable inside each archive, without `.exe` (windows archives hold `<binary>.exe`). */
  binary: string;
  archives: BinaryArchive[];
  /** The release's page. */
  releaseUrl: string;
  /** The repository's web page, e.g. https://github.com/acme/app. */
  repositoryUrl: string;
  /** From the repository, when GitHub answered: for the manifests' defaults. */
  description?: string;
  homepage?: string;
  /** An SPDX id (MIT, Apache-2.0), when GitHub recognised the licence. */
  license?: string;
  /**
   * False in a dry run whose release is not there yet: URLs are where GitHub will serve the
   * archives, hashes those of the local build (or empty when there is none).
   */
  onRelease: boolean;
}

/** What the release code knows before asking GitHub (packages/release builds this). */
export interface PlannedBinaries {
  target: string;
  /** The github-release target's `repository` (else GITHUB_REPOSITORY) and `registry`. */
  repository: string;
  registry?: string;
  token?: string;
  tag: string;
  version: string;
  binary: string;
  archives: { platform: string; os: string; arch: string; name: string; path?: string }[];
  dryRun: boolean;
}

export interface BinaryLookup {
  http: HttpClient;
  reporter: Reporter;
  env: NodeJS.ProcessEnv;
}

const sha256File = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** The archives of the release, or a clear error naming the platform whose archive is missing. */
export async function resolveBinaries(plan: PlannedBinaries, lookup: BinaryLookup): Promise<BinaryRelease> {
  const { owner, repo } = parseRepository(plan.repository, 'release');
  const api = apiBase(plan.registry, lookup.env);
  const web = webBase(api);
  const conn = await connect(
    { owner, repo, repository: `${owner}/${repo}`, api },
    { http: lookup.http, token: plan.token, reporter: lookup.reporter },
  );
  const [release, about] = await Promise.all([releaseByTag(conn, plan.tag), repositoryFacts(conn)]);
  const base = {
    target: plan.target,
    repository: conn.repository,
    tag: plan.tag,
    version: plan.version,
    binary: plan.binary,
    releaseUrl: `${web}/${conn.repository}/releases/tag/${encodeURIComponent(plan.tag)}`,
    repositoryUrl: `${web}/${conn.repository}`,
    ...about,
  };
  const format = (os: string): BinaryArchive['format'] => (os === 'windows' ? 'zip' : 'tar.gz');

  if (!release) {
    if (!plan.dryRun)
      throw new RegistryError(
        'GitHub',
        `${conn.repository} has no published release ${plan.tag} (the '${plan.target}' target's), so there are no archives to point at`,
        `Publish the '${plan.target}' target first (a lower tier than this one), or set release: to the github-release target that attaches the build's archives.`,
      );
    // A dry run of a whole release: the archives are not on GitHub yet. Point where they will be.
    return {
      ...base,
      onRelease: false,
      archives: plan.archives.map((a) => ({
        ...a,
        format: format(a.os),
        url: `${web}/${conn.repository}/releases/download/${encodeURIComponent(plan.tag)}/${assetName(a.name)}`,
        sha256: a.path && existsSync(a.path) ? sha256File(a.path) : '',
        path: a.path && existsSync(a.path) ? a.path : undefined,
      })),
    };
  }

  const byName = new Map(release.assets.filter((a) => a.state === 'uploaded').map((a) => [a.name, a]));
  const sumsAsset = byName.get(SUMS_NAME);
  const sums = sumsAsset ? await downloadSums(conn, sumsAsset) : new Map<string, string>();
  const missing = plan.archives.filter((a) => !byName.has(assetName(a.name)));
  if (missing.length)
    throw new InputError(
      'release',
      `the release ${plan.tag} of ${conn.repository} has no archive for ${missing
        .map((a) => `${a.platform} (${a.name})`)
        .join(', ')}`,
      `Attach every platform's archive to the '${plan.target}' target (assets: build), or list only the platforms it has in build.platforms.`,
    );
  const archives: BinaryArchive[] = [];
  for (const a of plan.archives) {
    const asset = byName.get(assetName(a.name))!;
    const local = a.path && existsSync(a.path) ? a.path : undefined;
    let sha256 = sums.get(a.name) ?? sums.get(assetName(a.name)) ?? digestOf(asset.digest);
    if (!sha256 && local) sha256 = sha256File(local);
    if (!sha256) {
      // Neither SHA256SUMS nor a digest: hash what users download.
      const bytes = await downloadAsset(conn, asset);
      if (!bytes)
        throw new RegistryError(
          'GitHub',
          `${asset.name} vanished from the release ${plan.tag} while being read`,
        );
      sha256 = createHash('sha256').update(bytes).digest('hex');
    }
    archives.push({ ...a, format: format(a.os), url: asset.browser_download_url, sha256, path: local });
  }
  return { ...base, onRelease: true, archives };
}

function digestOf(digest: string | null | undefined): string | undefined {
  const match = /^sha256:([0-9a-f]{64})$/i.exec(digest ?? '');
  return match ? match[1].toLowerCase() : undefined;
}

async function downloadSums(
  conn: GitHubConnection,
  asset: Parameters<typeof downloadAsset>[1],
): Promise<Map<string, string>> {
  const bytes = await downloadAsset(conn, asset);
  return bytes ? parseSums(bytes.toString('utf8')) : new Map();
}

/** The repository's description, homepage and SPDX licence; nothing when GitHub does not say. */
async function repositoryFacts(
  conn: GitHubConnection,
): Promise<Pick<BinaryRelease, 'description' | 'homepage' | 'license'>> {
  try {
    const res = await conn.octokit.rest.repos.get({ owner: conn.owner, repo: conn.repo });
    const data = res.data as {
      description?: unknown;
      homepage?: unknown;
      license?: { spdx_id?: unknown } | null;
    };
    const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
    const spdx = text(data.license?.spdx_id);
    return {
      description: text(data.description),
      homepage: text(data.homepage),
      license: spdx && spdx !== 'NOASSERTION' ? spdx : undefined,
    };
  } catch (caught) {
    conn.reporter.debug(`repository facts of ${conn.repository}: ${errorMessage(caught)}`);
    return {};
  }
}

/** The archives of one OS, in the order of build.platforms. */
export const archivesFor = (release: BinaryRelease, os: string) =>
  release.archives.filter((a) => a.os === os);

/** The executable's file name inside an archive of this OS. */
export const binaryFile = (release: BinaryRelease, os: string) =>
  os === 'windows' ? `${release.binary}.exe` : release.binary;

/** The context's archives, or the error that says why there are none (no config around it). */
export async function requireBinaries(
  context: { binaries?: (os?: string) => Promise<BinaryRelease> },
  /** The OS whose archives the target installs: its absence is an error before any request. */
  os?: string,
): Promise<BinaryRelease> {
  if (!context.binaries)
    throw new InputError(
      'release',
      'needs the config: this target points at the archives of a github-release target and the build: section',
      'Run it from a config (the orchestrator, or publish with `target:` and `config:`) that has build: with binary: and a github-release target with assets: build.',
    );
  return context.binaries(os);
}
