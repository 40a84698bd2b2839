/**
 * Where every target stands for a version: one concurrent pass over the registries. A registry
 * that cannot be reached is `unknown`, never "not published" (that would trigger a duplicate
 * publish).
 */
import { ConfigError, InputError, errorMessage } from '@deploy-actions/action-kit/errors';
import { parseUrl } from '@deploy-actions/action-kit/parse';
import type { HttpClient } from '@deploy-actions/action-kit/http';
import type { Reporter } from '@deploy-actions/action-kit/log';
import { redact } from '@deploy-actions/action-kit/secrets';
import { loadRegistry, type TargetIdentity } from '@deploy-actions/targets';
import { normalizePep440, parseSemVer, toPep440 } from '@deploy-actions/version';
import { DEFAULT_CONFIG_FILE, type TargetConfig } from './config-types.js';
import { resolveToken } from './publish-target.js';
import { isTargetType, TARGET_TYPES, type TargetType } from './targets.js';

export interface CheckTarget {
  /** The config target's name, or `type:name` for a targets-input line. */
  target: string;
  type: TargetType;
  /** The package, image, repository or app id. */
  name: string;
  registry?: string;
  token?: string;
  username?: string;
  /** What `identify` said the client needs beyond the name (see TargetIdentity.target). */
  settings?: Record<string, unknown>;
}

export interface CheckResult {
  target: string;
  type: TargetType;
  name: string;
  registry: string;
  version: string;
  /** `unknown` when the registry could not answer. */
  published: boolean | 'unknown';
  latest?: string;
  url?: string;
  error?: string;
  durationMs: number;
}

/**
 * `type:name` lines (check-published's `targets` input), each optionally followed by a space
 * and the registry's URL (`npm:left-pad http://127.0.0.1:4873/`), for private or local ones.
 */
export function parseTargetLines(lines: string[], input = 'targets'): CheckTarget[] {
  return lines.map((line) => {
    const [spec, registry, ...rest] = line.trim().split(/\s+/);
    const at = spec.indexOf(':');
    const type = at > 0 ? spec.slice(0, at) : '';
    const name = at > 0 ? spec.slice(at + 1) : '';
    if (!isTargetType(type))
      throw InputError.bad(
        input,
        line,
        'is not a type:name line with a known type',
        `Use e.g. npm:my-package; types: ${TARGET_TYPES.join(', ')}.`,
      );
    if (!name || rest.length)
      throw InputError.bad(input, line, 'is not "type:name" or "type:name URL"', 'Use e.g. npm:my-package.');
    if (registry) parseUrl(input, registry);
    return { target: `${type}:${name}`, type, name, registry };
  });
}

/**
 * A config target's identity. What `identify` cannot find (a PyPI name, a package.json, a
 * manifest) is a setting of this target: say so with the file, the target's line and the key
 * to set, not as an action input the user never passed.
 */
async function identifyConfigTarget<T = TargetIdentity>(
  t: TargetConfig,
  identify: () => T | Promise<T>,
): Promise<T> {
  try {
    return await identify();
  } catch (caught) {
    if (!(caught instanceof InputError)) throw caught;
    const prefix = `Invalid input '${caught.input}': `;
    const message = caught.message.startsWith(prefix) ? caught.message.slice(prefix.length) : caught.message;
    throw new ConfigError(
      t.file ?? DEFAULT_CONFIG_FILE,
      t.line,
      `${t.name}.${caught.input}`,
      message === 'required and not supplied' ? 'is not set and could not be derived' : message,
      caught.hint,
    );
  }
}

/**
 * The registry identity of each config target (package name from package.json, image...). With
 * `perPackage`, a workspace target (npm `workspaces: true`, a cargo workspace) becomes one check
 * per package, named `<target>/<package>`, so drift shows per package.
 */
export async function targetsFromConfig(
  targets: TargetConfig[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  options: { perPackage?: boolean } = {},
): Promise<CheckTarget[]> {
  const each = await Promise.all(
    targets.map(async (t): Promise<CheckTarget[]> => {
      const registry = await loadRegistry(t.type);
      const identity = await identifyConfigTarget(t, () => registry.identify(t.settings, cwd, env));
      const target: CheckTarget = {
        target: t.name,
        type: t.type,
        name: identity.name,
        registry: identity.registry ?? (t.settings.registry as string | undefined),
        settings: identity.target,
        token: resolveToken(t.type, t.settings, env),
        // Each registry client picks its default user (DOCKER_USERNAME, GITHUB_ACTOR on ghcr.io).
        username: t.settings.username as string | undefined,
      };
      const members = registry.members;
      const names =
        options.perPackage && members
          ? await identifyConfigTarget(t, () => members(t.settings, cwd))
          : undefined;
      if (!names?.length) return [target];
      return names.map((name) => ({ ...target, target: `${t.name}/${name}`, name }));
    }),
  );
  return each.flat();
}

export interface CheckOptions {
  http: HttpClient;
  reporter: Reporter;
  env: NodeJS.ProcessEnv;
}

async function checkOne(target: CheckTarget, version: string, options: CheckOptions): Promise<CheckResult> {
  const started = Date.now();
  const base = { target: target.target, type: target.type, name: target.name, version };
  let registry = target.registry ?? '';
  try {
    const module = await loadRegistry(target.type);
    const client = module.createClient(target.name, {
      http: options.http,
      registry: target.registry,
      token: target.token,
      username: target.username,
      reporter: options.reporter,
      env: options.env,
      target: target.settings,
    });
    registry = client.registry;
    // latest() first: a client that lists the versions for it answers exists() from that listing.
    const latestThere = client.latest();
    const [published, latest] = await Promise.all([client.exists(version), latestThere]);
    return {
      ...base,
      registry,
      published,
      latest,
      url: published ? client.url(version) : undefined,
      durationMs: Date.now() - started,
    };
  } catch (caught) {
    const error = redact(errorMessage(caught));
    options.reporter.warning(
      `${target.target}: could not tell whether ${version} is published (${error}); treating it as unknown.`,
    );
    return { ...base, registry, published: 'unknown', error, durationMs: Date.now() - started };
  }
}

export function checkTargets(
  targets: CheckTarget[],
  version: string,
  options: CheckOptions,
): Promise<CheckResult[]> {
  return Promise.all(targets.map((t) => checkOne(t, version, options)));
}

/** One spelling per version across ecosystems (PyPI's 1.2.3rc1 is npm's 1.2.3-rc.1). */
function canonical(version: string): string {
  const semver = parseSemVer(version);
  const pep = semver ? toPep440(semver) : version;
  return (pep && normalizePep440(pep)) ?? version;
}

/** Whether the targets' latest versions differ (targets with none, or unknown, are left out). */
export function hasDrift(results: Pick<CheckResult, 'latest'>[]): boolean {
  const latest = new Set(results.filter((r) => r.latest).map((r) => canonical(r.latest!)));
  return latest.size > 1;
}
