/**
 * One interface for every publisher. A publisher file exports `publish`; the index loads it
 * lazily. Publishers throw on failure (a RegistryError or InputError for what the user must
 * fix, anything else for faults); the caller turns that into status `failed`.
 */
import type { HttpClient } from '@deploy-actions/action-kit/http';
import type { Reporter } from '@deploy-actions/action-kit/log';
import { InputError } from '@deploy-actions/action-kit/errors';
import type { SemVer } from '@deploy-actions/version';
import type { BinaryRelease } from './binaries/release.js';

export type PublishStatus = 'published' | 'skipped' | 'dry-run' | 'failed';

export interface ReleaseVersion {
  /** 1.2.3-rc.1; a PEP 440 version without a SemVer form (1.2.3.post1) only for PyPI targets */
  version: string;
  /** Undefined for a PEP 440 version without a SemVer form: only PyPI takes those (see semverOf). */
  semver?: SemVer;
  /** v1.2.3-rc.1 */
  tag: string;
  /** 1.2.3rc1, '' when there is none */
  pep440: string;
}

export interface PublishContext {
  /** The target's name (config) or the action's type when run on its own. */
  target: string;
  version: ReleaseVersion;
  force: boolean;
  dryRun: boolean;
  /** The workspace; relative paths in settings are resolved against it and must stay inside. */
  workspace: string;
  /** A private folder (0700) for credential files; removed when the run ends. */
  tempDir: string;
  env: NodeJS.ProcessEnv;
  reporter: Reporter;
  http: HttpClient;
  /** The credential from the `token` input or the target's environment variable, if any. */
  token?: string;
  /** Register work for the end of the run, even a failed one (revoking a short-lived token). */
  defer(cleanup: () => Promise<void>): void;
  /**
   * Package managers of binaries: the archives of the github-release target their `release:`
   * names, as released (URLs and SHA-256), looked up once on first call. Undefined when the
   * target is not run from a config (see binaries/context.ts `binariesOf`).
   */
  binaries?: () => Promise<BinaryRelease>;
  /**
   * The config's build.platforms (`os/arch`), known without asking GitHub: a target that needs
   * one OS's archives refuses a build without them before any request.
   */
  buildPlatforms?: readonly string[];
}

export interface PublishResult {
  status: Exclude<PublishStatus, 'failed'>;
  url?: string;
  digest?: string;
  /** One line each: what was done (tags moved, files uploaded, skipped because...). */
  notes?: string[];
}

export type Publish = (settings: Record<string, unknown>, context: PublishContext) => Promise<PublishResult>;

export interface RollbackContext extends Omit<PublishContext, 'force' | 'version'> {
  /** The version being taken back; default: what `latest` points at now. */
  badVersion?: string;
  /** Where to go back to; default: the highest stable version below the bad one. */
  toVersion?: string;
  reason?: string;
}

export interface RollbackResult {
  rolledBackTo: string;
  /** One line per change made, e.g. "npm: dist-tag latest 1.3.0 -> 1.2.9". */
  actions: string[];
}

export type Rollback = (
  settings: Record<string, unknown>,
  context: RollbackContext,
) => Promise<RollbackResult>;

export interface PublisherModule {
  publish: Publish;
  /** Where the registry allows taking a release back (npm, docker, github-release, crates). */
  rollback?: Rollback;
}

/** The SemVer of the release, for a target that takes only SemVer (every one but PyPI). */
export function semverOf(version: ReleaseVersion, registry: string): SemVer {
  if (version.semver) return version.semver;
  throw InputError.bad(
    'version',
    version.version,
    `has no SemVer form (a PEP 440 post release, epoch or other release shape), and ${registry} takes SemVer versions only`,
    'Release a SemVer version (e.g. 1.2.4 instead of 1.2.3.post1), or publish this one to PyPI only.',
  );
}
