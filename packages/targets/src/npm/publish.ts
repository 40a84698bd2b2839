/**
 * Publish to an npm registry with the npm CLI, idempotently: ask the registry first (present =>
 * skipped), choose the dist-tag so `latest` only moves forward, and after a failed `npm publish`
 * ask again before retrying, so nothing is published twice.
 */
import { InputError, RegistryError, userMessage } from '@deploy-actions/action-kit/errors';
import { createClient, npmVersion, registryBase } from './client.js';
import { chooseDistTag } from './dist-tag.js';
import { publishCredential, provenanceEnabled } from './auth.js';
import {
  isTransient,
  npmRunner,
  readNpmFailure,
  registryFlags,
  registryRefusal,
  type NpmFailure,
  type NpmRunner,
} from './cli.js';
import { checkGithubScope, isGithubPackages } from './github-packages.js';
import { packagesToPublish, type NpmPackage } from './package.js';
import type { Publish, PublishContext, PublishResult } from '../publish-types.js';
import { semverOf } from '../publish-types.js';
import { concurrencySetting, failureReport, runWaves, wavesOf, WorkspacePublishError } from '../waves.js';
import { redact } from '@deploy-actions/action-kit/secrets';
import semver from 'semver';

export { rollback } from './rollback.js';

/** `npm publish` attempts per package; between them the registry is asked whether it landed. */
const PUBLISH_ATTEMPTS = 3;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function backoffMs(attempt: number, env: NodeJS.ProcessEnv): number {
  const base = Number(env.DEPLOY_ACTIONS_HTTP_BACKOFF_MS);
  return (
    (Number.isFinite(base) && env.DEPLOY_ACTIONS_HTTP_BACKOFF_MS !== '' && base >= 0 ? base : 1000) *
    2 ** (attempt - 1)
  );
}

interface PackageOutcome {
  status: PublishResult['status'];
  name: string;
  url: string;
  digest?: string;
  note: string;
}

/** The sha512 integrity npm computed for the tarball it sent (`npm publish --json`). */
function integrityOf(stdout: string, name: string): string | undefined {
  try {
    // The JSON document starts on a line of its own, after whatever lifecycle scripts printed.
    const start = stdout.search(/^\{\s*$/m);
    if (start < 0) return undefined;
    // npm 10 prints the package's summary; npm 11 keys it by the package name.
    const data = JSON.parse(stdout.slice(start)) as { integrity?: unknown } & Record<
      string,
      { integrity?: unknown } | undefined
    >;
    const integrity = typeof data.integrity === 'string' ? data.integrity : data[name]?.integrity;
    return typeof integrity === 'string' ? integrity : undefined;
  } catch {
    return undefined;
  }
}

async function publishPackage(
  pkg: NpmPackage,
  settings: Record<string, unknown>,
  ctx: PublishContext,
  runnerFor: (registry: string) => Promise<NpmRunner>,
): Promise<PackageOutcome> {
  // npm drops build metadata (1.2.3+build.5 is stored as 1.2.3): compare what the registry keeps.
  const version = npmVersion(ctx.version.version);
  const dropped =
    version !== ctx.version.version ? ` (npm drops the build metadata of ${ctx.version.version})` : '';
  const registry = registryBase(pkg.registry);
  const client = createClient(pkg.name, {
    http: ctx.http,
    registry,
    token: ctx.token,
    reporter: ctx.reporter,
  });
  const id = `${pkg.name}@${version}`;
  const packument = await client.packument();
  const base = { name: pkg.name, url: client.url(version) };
  if (packument?.versions.includes(version)) {
    if (ctx.force)
      throw new RegistryError(
        registry,
        `${id} is already published, and npm forbids republishing an existing version (force cannot override it)`,
        'Publish a new version instead; npm never lets a version be overwritten, even after an unpublish.',
        409,
      );
    return { ...base, status: 'skipped', note: `${id} is already on ${registry}${dropped}: skipped` };
  }
  // A deprecated version has been withdrawn (often by a rollback): it does not hold `latest` back.
  const live = (packument?.versions ?? []).filter((v) => !packument?.deprecated[v]);
  const { tag, why } = chooseDistTag(
    semverOf(ctx.version, 'npm'),
    live,
    String(settings['dist-tag'] ?? 'auto'),
  );
  if (ctx.dryRun)
    return {
      ...base,
      status: 'dry-run',
      note: `${id} would be published to ${registry} with dist-tag ${tag} (${why})`,
    };

  const credential = await publishCredential(pkg.name, registry, ctx);
  const args = ['publish', ...registryFlags(registry, pkg.name), '--tag', tag, '--json'];
  if (settings.access) args.push(`--access=${String(settings.access)}`);
  const provenance = provenanceEnabled(
    settings.provenance ?? 'auto',
    { registry, access: settings.access, packageName: pkg.name, exists: Boolean(packument) },
    ctx.env,
  );
  if (provenance) args.push('--provenance');
  const runner = await runnerFor(registry);

  for (let attempt = 1; ; attempt++) {
    // Packages of a workspace publish side by side: one line each, not interleaved log groups.
    ctx.reporter.info(`npm publish ${id} --tag ${tag}`);
    const result = await runner.run(args, { cwd: pkg.dir, token: credential.token, reporter: ctx.reporter });
    const extras = `${provenance ? ', with provenance' : ''}${credential.via === 'oidc' ? ', via trusted publishing' : ''}`;
    if (result.code === 0 && !result.timedOut)
      return {
        ...base,
        status: 'published',
        digest: integrityOf(result.stdout, pkg.name),
        note: `${id} published to ${registry} with dist-tag ${tag} (${why})${extras}${dropped}`,
      };
    const failure = readNpmFailure(result);
    // The upload may have landed before the error (a timeout, a reset), or another run published
    // the same version meanwhile (a conflict): the registry decides, and what it has must be
    // what we would have sent.
    const there = await client.packument();
    if (there?.versions.includes(version)) {
      const ours = await packedIntegrity(runner, pkg, registry, credential.token);
      const mismatch = integrityMismatch(there.dist[version], ours);
      if (mismatch)
        throw new RegistryError(
          registry,
          `${id} was published by another run while this one was publishing, with different content (${mismatch})`,
          'Two release runs built the same version from different sources. Check which commit the published version came from; if it is wrong, deprecate it and release a new version (npm never lets a version be replaced).',
          409,
        );
      const checked = ours.integrity ? ', same integrity as ours' : '';
      if (attempt === 1 && isConflict(failure))
        return {
          ...base,
          status: 'skipped',
          digest: there.dist[version]?.integrity,
          note: `${id} was published to ${registry} by another run at the same time${checked}: skipped`,
        };
      return {
        ...base,
        status: 'published',
        digest: there.dist[version]?.integrity,
        note: `${id} is on ${registry} after npm reported "${failure.summary}"${checked}: counted as published, not sent again`,
      };
    }
    const refusal = registryRefusal(
      registry,
      `npm publish of ${id}`,
      failure,
      isGithubPackages(registry, ctx.env),
    );
    if (refusal) throw refusal;
    if (!isTransient(failure))
      throw new Error(`npm publish of ${id} to ${registry} failed: ${failure.summary}`);
    if (attempt >= PUBLISH_ATTEMPTS)
      throw new Error(`npm publish of ${id} to ${registry} failed ${attempt} times: ${failure.summary}`);
    const delay = backoffMs(attempt, ctx.env);
    ctx.reporter.warning(
      `npm publish of ${id} failed (${failure.code ?? failure.summary}); ${registry} does not have it: retry ${attempt}/${PUBLISH_ATTEMPTS - 1} in ${delay} ms`,
    );
    await sleep(delay);
  }
}

/**
 * npm's words for "this version exists already": EPUBLISHCONFLICT (npmjs, 409 or 403 "cannot
 * publish over the previously published versions"), Verdaccio's 409 "this package is already
 * present".
 */
function isConflict(failure: NpmFailure): boolean {
  return (
    failure.code === 'EPUBLISHCONFLICT' ||
    failure.code === 'E409' ||
    /cannot publish over|previously published|already (?:present|exists|published)/i.test(failure.summary)
  );
}

/** The integrity and shasum of the tarball npm would publish from `pkg.dir` (npm pack is reproducible). */
async function packedIntegrity(
  runner: NpmRunner,
  pkg: NpmPackage,
  registry: string,
  token: string | undefined,
): Promise<{ integrity?: string; shasum?: string }> {
  const args = ['pack', '--dry-run', '--json', '--ignore-scripts', ...registryFlags(registry, pkg.name)];
  const result = await runner.run(args, {
    cwd: pkg.dir,
    token,
  });
  if (result.code !== 0) return {};
  try {
    const start = result.stdout.indexOf('[');
    const [packed] = JSON.parse(result.stdout.slice(start)) as { integrity?: unknown; shasum?: unknown }[];
    return {
      integrity: typeof packed?.integrity === 'string' ? packed.integrity : undefined,
      shasum: typeof packed?.shasum === 'string' ? packed.shasum : undefined,
    };
  } catch {
    return {};
  }
}

/** What differs between the registry's tarball and ours, or undefined when nothing we know of does. */
function integrityMismatch(
  theirs: { integrity?: string; shasum?: string } | undefined,
  ours: { integrity?: string; shasum?: string },
): string | undefined {
  if (theirs?.integrity && ours.integrity && theirs.integrity !== ours.integrity)
    return `the registry's tarball has integrity ${theirs.integrity}, ours ${ours.integrity}`;
  if (theirs?.shasum && ours.shasum && theirs.shasum !== ours.shasum)
    return `the registry's tarball has shasum ${theirs.shasum}, ours ${ours.shasum}`;
  return undefined;
}

function overallStatus(outcomes: PackageOutcome[]): PublishResult['status'] {
  if (outcomes.some((o) => o.status === 'published')) return 'published';
  if (outcomes.some((o) => o.status === 'dry-run')) return 'dry-run';
  return 'skipped';
}

/**
 * Workspace packages this target does not publish must already be on the registry in a version
 * the dependent accepts: asked before anything is sent.
 */
async function checkOutside(packages: NpmPackage[], ctx: PublishContext): Promise<void> {
  const wanted = new Map<string, { registry: string; needs: { by: string; range: string }[] }>();
  for (const pkg of packages)
    for (const dep of pkg.outside) {
      const entry = wanted.get(dep.name) ?? { registry: registryBase(pkg.registry), needs: [] };
      entry.needs.push({ by: pkg.name, range: dep.range });
      wanted.set(dep.name, entry);
    }
  const missing: string[] = [];
  await Promise.all(
    [...wanted].map(async ([name, { registry, needs }]) => {
      const client = createClient(name, {
        http: ctx.http,
        registry,
        token: ctx.token,
        reporter: ctx.reporter,
      });
      const versions = (await client.packument())?.versions ?? [];
      for (const need of needs)
        if (!semver.maxSatisfying(versions, need.range, { includePrerelease: true }))
          missing.push(
            `${need.by} needs ${name}@${need.range}, which ${registry} does not have and this target does not publish`,
          );
    }),
  );
  if (missing.length)
    throw new RegistryError(
      registryBase(packages[0].registry),
      `${missing.sort().join('; ')}: nothing was published`,
      'Publish that version first, make the package public in the workspace so it is published with the others, or change the range to the version the workspace holds.',
    );
}

export const publish: Publish = async (settings, ctx) => {
  const packages = packagesToPublish(settings, ctx.workspace, ctx.version.version, ctx.env);
  // GitHub Packages refuses a package outside the repository owner's scope: say so before asking anything.
  for (const pkg of packages)
    if (isGithubPackages(pkg.registry, ctx.env)) checkGithubScope(pkg.name, ctx.env);
  const concurrency = concurrencySetting(settings);
  const unscoped = packages.find((pkg) => !pkg.name.startsWith('@'));
  if (settings.access === 'restricted' && unscoped)
    throw InputError.bad(
      'access',
      'restricted',
      `cannot apply to ${unscoped.name}: npm restricts only scoped packages (@scope/name)`,
      'Use access: public, or publish under a scope.',
    );
  const explicitTag = String(settings['dist-tag'] ?? 'auto');
  // Refuse a bad explicit tag before asking any registry anything.
  if (explicitTag !== 'auto') chooseDistTag(semverOf(ctx.version, 'npm'), [], explicitTag);
  await checkOutside(packages, ctx);
  // One npm configuration per registry, made once even when packages start together.
  const runners = new Map<string, Promise<NpmRunner>>();
  const runnerFor = (registry: string) => {
    if (!runners.has(registry)) runners.set(registry, npmRunner(registry, ctx.tempDir, ctx.env));
    return runners.get(registry)!;
  };
  if (packages.length > 1)
    ctx.reporter.info(
      `${packages.length} workspace packages in ${Math.max(...wavesOf(packages).values())} dependency waves, up to ${concurrency} at once: each starts as soon as the packages it needs are published`,
    );
  const results = await runWaves(packages, {
    concurrency,
    run: async (pkg) => {
      const outcome = await publishPackage(pkg, settings, ctx, runnerFor);
      ctx.reporter.info(outcome.note);
      return outcome;
    },
    onBlocked: (pkg, blockedBy) =>
      ctx.reporter.warning(`${pkg.name} is not published: it needs ${blockedBy.join(', ')}, which failed`),
  });
  const outcomes = results.flatMap((r) => (r.result ? [r.result] : []));
  const failure = failureReport(results, (error) => redact(userMessage(error)));
  if (failure) {
    const single = results.length === 1 ? results[0].error : undefined;
    if (single) throw single;
    throw new WorkspacePublishError(failure.message, [...outcomes.map((o) => o.note), ...failure.notes]);
  }
  return {
    status: overallStatus(outcomes),
    // With workspaces, the first package in dependency order stands for the set (all are in notes).
    url: outcomes[0].url,
    digest: outcomes.length === 1 ? outcomes[0].digest : undefined,
    notes: outcomes.map((o) => o.note),
  };
};
