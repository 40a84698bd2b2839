/** The release-side commands: version, check, plan, release, status. */
import {
  checkTargets,
  driftMessage,
  hasDrift,
  Notifier,
  parseTargetLines,
  planEntries,
  release,
  releaseRecord,
  resultsJson,
  selectTargets,
  targetsFromConfig,
  type CheckResult,
} from '@deploy-actions/release';
import type { CliContext } from './context.js';
import { textTable } from './table.js';
import { recordCli, writeStatusOut } from './history-commands.js';

const published = (r: CheckResult) =>
  r.published === 'unknown' ? `unknown (${r.error ?? ''})` : r.published ? 'yes' : 'no';

export async function versionCommand(ctx: CliContext): Promise<number> {
  const v = await ctx.version(await safeConfig(ctx));
  ctx.print(`${v.version}\n`, v);
  return 0;
}

/** The config when it exists; `version` works in a project without one. */
async function safeConfig(ctx: CliContext) {
  try {
    return await ctx.config();
  } catch (caught) {
    if (!ctx.string('config') && (caught as { input?: string }).input === '--config') return undefined;
    throw caught;
  }
}

async function checkAll(ctx: CliContext, version: string): Promise<CheckResult[]> {
  const lines = ctx.list('targets');
  const targets = lines.length
    ? parseTargetLines(lines, '--targets')
    : await targetsFromConfig(
        selectTargets(await ctx.config(), ctx.list('platforms'), '--platforms'),
        ctx.cwd,
        process.env,
        { perPackage: true },
      );
  return checkTargets(targets, version, { http: ctx.http, reporter: ctx.reporter, env: process.env });
}

export async function checkCommand(ctx: CliContext): Promise<number> {
  const { version } = await ctx.version(
    ctx.list('targets').length ? await safeConfig(ctx) : await ctx.config(),
  );
  const results = await checkAll(ctx, version);
  const drift = hasDrift(results);
  ctx.print(
    textTable(
      ['target', 'registry', 'version', 'published', 'latest there'],
      results.map((r) => [r.target, r.registry, version, published(r), r.latest ?? '-']),
    ) + (drift ? 'drift: the latest versions differ\n' : ''),
    { version, drift, results },
  );
  await notifyDrift(ctx, results, version);
  const missing = results.some((r) => r.published !== true);
  return ctx.bool('fail-on-missing') && missing ? 1 : 0;
}

export async function statusCommand(ctx: CliContext): Promise<number> {
  const config = ctx.list('targets').length ? await safeConfig(ctx) : await ctx.config();
  let version: string | undefined;
  try {
    version = (await ctx.version(config)).version;
  } catch {
    version = undefined; // status works without a version: it shows what every target has
  }
  const results = await checkAll(ctx, version ?? '0.0.0-status');
  const drift = hasDrift(results);
  await notifyDrift(ctx, results, version);
  const newest = results.map((r) => r.latest).filter(Boolean);
  const page = await writeStatusOut(ctx, results, config);
  ctx.print(
    textTable(
      ['target', 'registry', 'latest there', ...(version ? [`has ${version}`] : []), 'state'],
      results.map((r) => [
        r.target,
        r.registry,
        r.latest ?? '-',
        ...(version ? [published(r)] : []),
        r.published === 'unknown' ? 'unreachable' : drift && r.latest !== newest[0] ? 'drift' : 'ok',
      ]),
    ) +
      (drift ? 'drift: the latest versions differ between targets\n' : 'no drift\n') +
      (page ? `status page: ${page.dir}/index.html (${page.files.length} files)\n` : ''),
    {
      version: version ?? null,
      drift,
      ...(page && { out: page.dir, files: page.files }),
      results: results.map((r) => ({ ...r, published: version ? r.published : undefined })),
    },
  );
  return 0;
}

/** Drift found by check or status, told to the config's notify: channels that want it. */
async function notifyDrift(ctx: CliContext, results: CheckResult[], version?: string): Promise<void> {
  if (!hasDrift(results)) return;
  const config = await safeConfig(ctx);
  if (!config?.notify) return;
  const notifier = new Notifier(config.notify, {
    http: ctx.http,
    reporter: ctx.reporter,
    env: process.env,
    dryRun: ctx.bool('dry-run'),
  });
  await notifier.send(driftMessage(results, process.env, version, config.environment?.name));
}

export async function planCommand(ctx: CliContext): Promise<number> {
  const config = await ctx.config();
  const selected = selectTargets(config, ctx.list('platforms'), '--platforms');
  const version = (await ctx.version(config)).version;
  const checks = ctx.bool('no-check')
    ? undefined
    : await checkTargets(await targetsFromConfig(selected, ctx.cwd, process.env), version, {
        http: ctx.http,
        reporter: ctx.reporter,
        env: process.env,
      });
  const include = planEntries(selected, version, checks, ctx.bool('force'));
  ctx.print(
    textTable(
      ['target', 'type', 'tier', 'policy', 'plan', 'why'],
      include.map((e) => [e.target, e.type, e.tier, e.policy, e.skip ? 'skip' : 'publish', e.reason]),
    ),
    { version, 'has-work': include.some((e) => !e.skip), matrix: { include } },
  );
  return 0;
}

export async function releaseCommand(
  ctx: CliContext,
  rollout?: Parameters<typeof release>[0]['rollout'],
): Promise<number> {
  const config = await ctx.config();
  const platforms = ctx.list('platforms');
  selectTargets(config, platforms, '--platforms');
  const version = await ctx.version(config);
  ctx.reporter.info(
    `Releasing ${version.version} (from ${version.source})${ctx.bool('dry-run') ? ' as a dry run' : ''}`,
  );
  const report = await ctx.withTempDir((tempDir) =>
    release({
      config,
      version,
      platforms,
      force: ctx.bool('force'),
      dryRun: ctx.bool('dry-run'),
      workspace: ctx.cwd,
      tempDir,
      env: process.env,
      reporter: ctx.reporter,
      http: ctx.http,
      sequential: ctx.bool('sequential'),
      rollout,
      onTarget: ctx.progress.target,
    }),
  );
  if (!ctx.bool('dry-run')) await recordCli(ctx, releaseRecord(report, process.env), config);
  ctx.progress.stop();
  const latest = new Map(report.checks.map((c) => [c.target, c.latest]));
  ctx.print(
    textTable(
      ['target', 'tier', 'policy', 'status', 'latest there', 'time', 'detail'],
      report.targets.map((t) => [
        t.target,
        t.tier,
        t.policy,
        t.status,
        latest.get(t.target) ?? '-',
        `${(t.durationMs / 1000).toFixed(1)}s`,
        t.error ?? t.url ?? '',
      ]),
    ) +
      (report.build?.status === 'failed'
        ? `build: failed for ${report.build.platform ?? 'a platform'}; nothing was published\n`
        : '') +
      (report.deploy
        ? `deploy: ${report.deploy.healthy ? 'healthy' : 'unhealthy'}, active ${report.deploy.active}${report.deploy.rolledBack ? ' (rolled back)' : ''}: ${report.deploy.reason}\n`
        : '') +
      (report.drift ? 'drift: the latest versions differ between targets\n' : '') +
      `release ${report.version}: ${report.status} in ${(report.durationMs / 1000).toFixed(1)}s\n`,
    {
      version: report.version,
      status: report.status,
      drift: report.drift,
      results: resultsJson(report),
      deploy: report.deploy ?? null,
      'duration-ms': report.durationMs,
    },
  );
  return report.status === 'failure' ? 1 : 0;
}
