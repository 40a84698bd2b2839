/**
 * flat-manager mode: build, then push the build's OSTree refs to a flat-manager (create a build,
 * upload the objects it lacks, register the refs, commit, publish). Idempotent through the
 * published repository itself: when the app's ref already holds a commit of this version (our
 * builds write `Version: X` in the commit body), the target is skipped.
 */
import { InputError } from '@deploy-actions/action-kit/errors';
import { appRef, buildApp, defaultArch, type BuiltApp } from './build.js';
import { FlatManager, publishedRef } from './flat-manager.js';
import { flatManagerToken, requireToken, type FlatpakJob } from './job.js';
import { builtVersion, checkVersions } from './manifest.js';
import { listObjects } from './ostree.js';
import type { PublishResult } from '../publish-types.js';

export async function publishFlatManager(job: FlatpakJob): Promise<PublishResult> {
  const { ctx, loaded, settings } = job;
  const { version } = ctx.version;
  const base = typeof settings.registry === 'string' ? settings.registry.replace(/\/+$/, '') : '';
  if (!base)
    throw InputError.missing(
      'registry',
      'Set the base URL of the flat-manager to publish to (mode flat-manager).',
    );
  const repo = String(settings['flat-manager-repo'] || 'stable');
  const arch = await defaultArch(ctx.env);
  const ref = appRef(loaded.appId, arch, loaded.branch);
  const refUrl = `${base}/repo/${repo}/refs/heads/${ref}`;

  const current = await publishedRef(ctx.http, base, repo, ref);
  if (current?.version === version && !ctx.force)
    return {
      status: 'skipped',
      url: refUrl,
      digest: current.commit,
      notes: [`${ref} in ${repo} already holds ${version}`],
    };
  const was = current ? ` (now ${current.version ?? `commit ${current.commit.slice(0, 12)}`})` : '';
  if (ctx.dryRun)
    return {
      status: 'dry-run',
      notes: [`would build ${ref} ${version} and publish it to ${repo} on ${base}${was}`],
    };
  const token = requireToken(flatManagerToken(job), 'FLAT_MANAGER_TOKEN', 'push to flat-manager');

  // The build is created first: a bad token or repo fails in a second, not after the app's build.
  const manager = new FlatManager({ base, token, repo, http: ctx.http, reporter: ctx.reporter });
  const build = await manager.createBuild();
  ctx.reporter.info(`flat-manager build ${manager.buildUrl(build.id)}`);
  let built: BuiltApp;
  let sent: { count: number; bytes: number };
  try {
    built = await buildApp(loaded, version, arch, ctx);
    checkVersions([builtVersion(built.buildDir, loaded.appId)], version);
    sent = await manager.uploadObjects(build.id, listObjects(built.repo));
    for (const [name, commit] of built.refs) await manager.addRef(build.id, name, commit);
  } catch (error) {
    // Nothing of an unfinished build is ever published: drop it rather than leave it behind.
    await manager.purge(build.id).catch(() => undefined);
    throw error;
  }
  await manager.commit(build.id);
  await manager.publish(build.id);

  const after = await publishedRef(ctx.http, base, repo, ref);
  const notes = [
    `uploaded ${sent.count} objects (${sent.bytes} bytes) to build ${build.id}`,
    `committed and published ${[...built.refs.keys()].join(', ')} to ${repo}${was}`,
  ];
  if (after?.version !== version)
    notes.push(`the repository does not show ${version} on ${ref} yet (publishing may be delayed)`);
  return { status: 'published', url: manager.buildUrl(build.id), digest: after?.commit, notes };
}
