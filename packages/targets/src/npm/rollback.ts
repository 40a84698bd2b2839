/**
 * Take an npm release back: npm never deletes a version for good, so rolling back means moving
 * the dist-tag users install (`latest`, or the one given) back to a good version, and, with a
 * reason, deprecating the bad one so installs of it warn.
 */
import { InputError, RegistryError } from '@deploy-actions/action-kit/errors';
import { compareSemVer, isStable, parseAll, parseSemVer } from '@deploy-actions/version';
import { fetchDistTags, fetchPackument, registryBase, type Packument } from './client.js';
import { npmRunner, readNpmFailure, registryFlags, registryRefusal, type NpmRunner } from './cli.js';
import { targetPackages, type NpmPackage } from './package.js';
import type { Rollback, RollbackContext, RollbackResult } from '../publish-types.js';

/** The highest stable, not deprecated version below `bad`. */
export function previousStable(
  packument: Pick<Packument, 'versions' | 'deprecated'>,
  bad: string,
): string | undefined {
  const badVersion = parseSemVer(bad);
  const candidates = parseAll(packument.versions.filter((v) => !packument.deprecated[v]))
    .filter((v) => isStable(v) && (!badVersion || compareSemVer(v, badVersion) < 0))
    .sort(compareSemVer);
  return candidates.at(-1)?.raw;
}

async function npmOk(
  runner: NpmRunner,
  args: string[],
  what: string,
  ctx: RollbackContext,
  cwd: string,
): Promise<void> {
  if (!ctx.token)
    throw InputError.missing(
      'token',
      `Moving a dist-tag on ${runner.registry} needs NPM_TOKEN (or the 'token' input): trusted publishing only covers npm publish.`,
    );
  const result = await runner.run(args, { cwd, token: ctx.token, reporter: ctx.reporter });
  if (result.code === 0) return;
  const failure = readNpmFailure(result);
  throw (
    registryRefusal(runner.registry, what, failure) ??
    new Error(`${what} on ${runner.registry} failed: ${failure.summary}`)
  );
}

async function rollbackPackage(pkg: NpmPackage, tag: string, ctx: RollbackContext): Promise<RollbackResult> {
  const registry = registryBase(pkg.registry);
  const read = { http: ctx.http, registry, token: ctx.token };
  const packument = await fetchPackument(pkg.name, read);
  if (!packument?.versions.length)
    throw new RegistryError(registry, `${pkg.name} is not published: there is nothing to roll back`);
  const current = packument.distTags[tag];
  const bad = ctx.badVersion ?? current;
  if (!bad)
    throw new RegistryError(
      registry,
      `${pkg.name} has no dist-tag ${tag} to roll back`,
      'Name the dist-tag to move with the dist-tag setting.',
    );
  if (!packument.versions.includes(bad))
    throw new RegistryError(registry, `${pkg.name}@${bad} is not published: there is nothing to roll back`);
  const to = ctx.toVersion ?? previousStable(packument, bad);
  if (!to)
    throw InputError.missing(
      'to-version',
      `${pkg.name} has no stable version below ${bad} on ${registry}: name the version to go back to.`,
    );
  if (!packument.versions.includes(to))
    throw InputError.bad(
      'to-version',
      to,
      `is not a published version of ${pkg.name} on ${registry}`,
      'Name a version the registry has (npm view <name> versions).',
    );
  const toSemVer = parseSemVer(to);
  if (tag === 'latest' && (!toSemVer || !isStable(toSemVer)))
    throw InputError.bad(
      'to-version',
      to,
      'is a prerelease: latest only goes to a stable version',
      'Name a stable version.',
    );

  const actions: string[] = [];
  // In a dry run the same lines say what a real run would change.
  const prefix = ctx.dryRun ? 'npm (dry run): ' : 'npm: ';
  let runner: NpmRunner | undefined;
  const npm = async () => (runner ??= await npmRunner(registry, ctx.tempDir, ctx.env));
  if (current !== to) {
    if (!ctx.dryRun)
      await npmOk(
        await npm(),
        ['dist-tag', 'add', ...registryFlags(registry, pkg.name), '--', `${pkg.name}@${to}`, tag],
        `moving ${tag} of ${pkg.name} to ${to}`,
        ctx,
        pkg.dir,
      );
    actions.push(`${prefix}dist-tag ${tag} of ${pkg.name} ${current ?? '(none)'} -> ${to}`);
  } else {
    actions.push(`npm: dist-tag ${tag} of ${pkg.name} already on ${to}`);
  }
  if (ctx.reason && bad !== to && !packument.deprecated[bad]) {
    if (!ctx.dryRun)
      await npmOk(
        await npm(),
        // `--`: a reason that starts with a dash is a message, not a flag.
        ['deprecate', ...registryFlags(registry, pkg.name), '--', `${pkg.name}@${bad}`, ctx.reason],
        `deprecating ${pkg.name}@${bad}`,
        ctx,
        pkg.dir,
      );
    actions.push(`${prefix}deprecate ${pkg.name}@${bad}: ${ctx.reason}`);
  }
  if (!ctx.dryRun && current !== to) {
    const now = (await fetchDistTags(pkg.name, read))[tag];
    if (now !== to)
      throw new Error(
        `${registry}: ${tag} of ${pkg.name} is ${now ?? '(none)'} after npm dist-tag add ${to}`,
      );
  }
  return { rolledBackTo: to, actions };
}

export const rollback: Rollback = async (settings, ctx) => {
  const requested = String(settings['dist-tag'] ?? 'auto');
  const tag = requested === 'auto' ? 'latest' : requested;
  // No version check here: package.json may already name the next release.
  const packages = targetPackages(settings, ctx.workspace, ctx.env);
  const results: RollbackResult[] = [];
  for (const pkg of packages) results.push(await rollbackPackage(pkg, tag, ctx));
  return { rolledBackTo: results[0].rolledBackTo, actions: results.flatMap((r) => r.actions) };
};
