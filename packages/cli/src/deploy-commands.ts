/**
 * The rollout-side commands: health, switch, rollback, and the deploy stage of `release`. The
 * deploy package is loaded only by these, so the release-side commands start without it.
 */
import { InputError } from '@deploy-actions/action-kit/errors';
import { HEALTH_SETTINGS } from '@deploy-actions/deploy/setting-keys';
import type { DeployReport } from '@deploy-actions/release';
import type { FlagSpec } from './args.js';
import type { CliContext } from './context.js';

import { recordCli } from './history-commands.js';
import { rollbackRecord } from '@deploy-actions/release';

export const DEPLOY_FLAGS: Record<string, FlagSpec> = {
  ...Object.fromEntries(
    HEALTH_SETTINGS.map((name) => [
      name,
      { value: true, description: `health: ${name} (as the health-gate input)` },
    ]),
  ),
  to: { value: true, description: 'switch: blue, green or inactive (default inactive)' },
  target: {
    value: true,
    description: 'rollback: a config target, a registry type, blue-green or kubernetes',
  },
  'to-version': { value: true, description: 'rollback: the version (or colour) to go back to' },
  reason: { value: true, description: 'rollback: why, recorded where the registry allows' },
  env: { value: true, description: "an environment of the config's environments: (release, switch, health)" },
};

async function health(ctx: CliContext): Promise<number> {
  const { parseHealthSettings } = await import('@deploy-actions/deploy/health-settings');
  const { runHealthGate } = await import('@deploy-actions/deploy/health');
  const fromFlags = Object.fromEntries(HEALTH_SETTINGS.map((k) => [k, ctx.string(k)]).filter(([, v]) => v));
  // Without --url or --prometheus-url, the gate of the config's deploy section.
  const raw =
    fromFlags.url || fromFlags['prometheus-url']
      ? fromFlags
      : { ...((await ctx.config()).deploy?.health ?? {}), ...fromFlags };
  const options = parseHealthSettings(raw, (key) => `--${key}`);
  if (!options)
    throw InputError.missing(
      '--url',
      'Give --url (or --prometheus-url and --prometheus-query), or a deploy.health section in the config.',
    );
  const result = await runHealthGate(options, { http: ctx.http, reporter: ctx.reporter });
  const { probes: _probes, ...summary } = result;
  ctx.print(
    `${result.healthy ? 'healthy' : 'unhealthy'}: ${result.reason} (${result.checks} checks, error rate ${(result.errorRate * 100).toFixed(1)}%, p95 ${result.p95Ms} ms)\n`,
    summary,
  );
  return result.healthy ? 0 : 1;
}

async function switchCommand(ctx: CliContext): Promise<number> {
  const { parseTarget, rolloutOptionsFromConfig } = await import('@deploy-actions/deploy/settings');
  const { rollout } = await import('@deploy-actions/deploy/switch');
  const deploy = (await ctx.config()).deploy;
  if (!deploy)
    throw InputError.missing('--config', `${ctx.configPath} has no deploy: section to switch with.`);
  const to = parseTarget('--to', ctx.string('to') ?? 'inactive');
  const options = rolloutOptionsFromConfig(deploy, ctx.cwd, to);
  // --dry-run sends nothing: the router is only read (no file, reload, command or probe).
  options.dryRun = ctx.bool('dry-run');
  const result = await rollout(options, {
    reporter: ctx.reporter,
    http: ctx.http,
    cwd: ctx.cwd,
    env: process.env,
    onGateRound: ctx.progress.gateRound,
  });
  ctx.progress.stop();
  const state = result.dryRun ? 'dry run' : result.healthy ? 'switched' : 'failed';
  ctx.print(
    `${state}: active ${result.active || 'unknown'} (previous ${result.previous || 'unknown'})${result.rolledBack ? ', rolled back' : ''}: ${oneLine(result.reason)}\n`,
    {
      strategy: result.strategy,
      active: result.active,
      previous: result.previous,
      'rolled-back': result.rolledBack,
      healthy: result.healthy,
      'dry-run': result.dryRun,
      reason: result.reason,
      changes: result.changes,
    },
  );
  if (result.failure) throw result.failure;
  return result.healthy ? 0 : 1;
}

/** Data in a one-line message stays on one line. */
const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ');

async function rollback(ctx: CliContext): Promise<number> {
  const { rollbackTarget } = await import('@deploy-actions/deploy/rollback');
  const target = ctx.string('target');
  if (!target)
    throw InputError.missing('--target', 'Name a config target, a registry type, blue-green or kubernetes.');
  const dryRun = ctx.bool('dry-run');
  const outcome = await ctx.withTempDir((tempDir) =>
    rollbackTarget({
      target,
      config: ctx.configPath,
      toVersion: ctx.string('to-version'),
      reason: ctx.string('reason'),
      dryRun,
      workspace: ctx.cwd,
      tempDir,
      env: process.env,
      reporter: ctx.reporter,
      http: ctx.http,
    }),
  );
  if (!dryRun) await recordCli(ctx, rollbackRecord(outcome, ctx.string('reason'), process.env));
  ctx.print(
    `${outcome.target}: ${dryRun ? 'dry run, nothing sent: would roll back' : 'rolled back'} to ${outcome.rolledBackTo}\n${outcome.actions.map((a) => `  ${oneLine(a)}`).join('\n')}\n`,
    { ...outcome, 'dry-run': dryRun },
  );
  return 0;
}

/** The deploy stage of `release`, checked before anything is published. */
async function prepareRollout(
  ctx: CliContext,
): Promise<((release?: { version: string }) => Promise<DeployReport>) | undefined> {
  const config = await ctx.config();
  if (!config.deploy) return undefined;
  const { prepareDeployStage } = await import('@deploy-actions/deploy/stage');
  return prepareDeployStage(config.deploy, {
    reporter: ctx.reporter,
    http: ctx.http,
    cwd: ctx.cwd,
    env: process.env,
    environment: config.environment,
    onGateRound: ctx.progress.gateRound,
  });
}

export const DEPLOY_COMMANDS = { health, switch: switchCommand, rollback, prepareRollout };
