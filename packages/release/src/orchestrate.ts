/**
 * The hub: one release of every selected target, tier by tier. The targets of a tier run
 * concurrently; a failure in a `required` tier fails the release and no later tier starts;
 * `best-effort` failures are warnings and `experimental` ones notices. Every step is
 * idempotent, so a rerun (after a crash or a kill) finishes only what is missing.
 */
import type { HttpClient } from '@deploy-actions/action-kit/http';
import type { Reporter } from '@deploy-actions/action-kit/log';
import type { DetectedVersion } from '@deploy-actions/version';
import { errorMessage, userMessage } from '@deploy-actions/action-kit/errors';
import { redact } from '@deploy-actions/action-kit/secrets';
import { BuildError, runBuild, type BuiltArchive } from './build.js';
import { checkTargets, hasDrift, targetsFromConfig, type CheckResult } from './check.js';
import type { Policy, ReleaseConfig, TargetConfig } from './config-types.js';
import { selectTargets } from './plan.js';
import { publishTarget, type PublishOutcome } from './publish-target.js';
import { toReleaseVersion } from './version.js';
import { Notifier, releaseMessages } from './notify.js';

export type TargetStatus = PublishOutcome['status'] | 'cancelled';

export interface TargetReport extends Omit<PublishOutcome, 'status'> {
  status: TargetStatus;
  tier: number;
  policy: Policy;
}

export interface DeployReport {
  active: string;
  previous: string;
  rolledBack: boolean;
  healthy: boolean;
  reason: string;
}

export interface BuildSummary {
  status: 'built' | 'failed' | 'not needed';
  archives: BuiltArchive[];
  artifacts: string[];
  /** The platform that failed and why (with the command's last lines). */
  platform?: string;
  error?: string;
  durationMs: number;
}

export interface ReleaseReport {
  version: string;
  build?: BuildSummary;
  status: 'success' | 'partial' | 'failure';
  targets: TargetReport[];
  checks: CheckResult[];
  drift: boolean;
  deploy?: DeployReport;
  durationMs: number;
}

export interface ReleaseOptions {
  config: ReleaseConfig;
  version: DetectedVersion;
  platforms: string[];
  force: boolean;
  dryRun: boolean;
  workspace: string;
  tempDir: string;
  env: NodeJS.ProcessEnv;
  reporter: Reporter;
  http: HttpClient;
  /** Run the targets of a tier one after another (for comparison; default concurrently). */
  sequential?: boolean;
  /** Concurrent builds (default: the CPU cores). */
  buildConcurrency?: number;
  /** The deploy stage (already checked), when the config has one. */
  rollout?: (release: { version: string }) => Promise<DeployReport>;
  /** Progress of each target, for a terminal (the CLI); the reporter says the rest. */
  onTarget?: (target: string, state: TargetProgress, detail?: string) => void;
}

/** Where a target is: before its tier starts, while publishing, and its end. */
export type TargetProgress = 'waiting' | 'publishing' | TargetStatus;

const ANNOUNCE: Record<Policy, keyof Pick<Reporter, 'error' | 'warning' | 'notice'>> = {
  required: 'error',
  'best-effort': 'warning',
  experimental: 'notice',
};

async function runTier(
  targets: TargetConfig[],
  checks: CheckResult[],
  options: ReleaseOptions,
): Promise<TargetReport[]> {
  const version = toReleaseVersion(options.version);
  const one = async (t: TargetConfig): Promise<TargetReport> => {
    const check = checks.find((c) => c.target === t.name);
    if (check?.published === true && !options.force) {
      // Already there: no need to even load the publisher.
      options.onTarget?.(t.name, 'skipped', 'already published');
      return {
        target: t.name,
        type: t.type,
        tier: t.tier,
        policy: t.policy,
        status: 'skipped',
        version: version.version,
        url: check.url,
        notes: [`${version.version} is already published`],
        durationMs: 0,
      };
    }
    options.onTarget?.(t.name, 'publishing');
    const outcome = await options.reporter.group(`${t.name}: publish ${version.version}`, () =>
      publishTarget({
        target: t.name,
        type: t.type,
        settings: t.settings,
        version,
        force: options.force,
        dryRun: options.dryRun,
        workspace: options.workspace,
        tempDir: options.tempDir,
        env: options.env,
        reporter: options.reporter,
        http: options.http,
        build: options.config.build,
        targets: options.config.targets,
      }),
    );
    options.onTarget?.(t.name, outcome.status, outcome.error ?? outcome.url);
    return { ...outcome, tier: t.tier, policy: t.policy };
  };
  if (!options.sequential) return Promise.all(targets.map(one));
  const out: TargetReport[] = [];
  for (const t of targets) out.push(await one(t));
  return out;
}

function cancelled(t: TargetConfig, version: string, reason: string): TargetReport {
  return {
    target: t.name,
    type: t.type,
    tier: t.tier,
    policy: t.policy,
    status: 'cancelled',
    version,
    notes: [reason],
    durationMs: 0,
  };
}

export async function release(options: ReleaseOptions): Promise<ReleaseReport> {
  const started = Date.now();
  const { reporter } = options;
  const version = options.version.version;
  const selected = selectTargets(options.config, options.platforms);
  // Channels checked (and their URLs masked) before anything else runs.
  const notifier = options.config.notify
    ? new Notifier(options.config.notify, {
        http: options.http,
        reporter,
        env: options.env,
        dryRun: options.dryRun,
      })
    : undefined;
  for (const t of selected) options.onTarget?.(t.name, 'waiting');
  const identities = await targetsFromConfig(selected, options.workspace, options.env);
  const checkOptions = { http: options.http, reporter, env: options.env };
  const checks = await reporter.group(`Check ${selected.length} target(s) for ${version}`, () =>
    checkTargets(identities, version, checkOptions),
  );

  const tiers = [...new Set(selected.map((t) => t.tier))].sort((a, b) => a - b);
  const reports: TargetReport[] = [];
  let stoppedBy: string | undefined;
  const build = await buildStage(options, selected, checks);
  if (build?.status === 'failed') stoppedBy = `the build for ${build.platform ?? 'a platform'} failed`;
  for (const tier of tiers) {
    const inTier = selected.filter((t) => t.tier === tier);
    if (stoppedBy) {
      reports.push(...inTier.map((t) => cancelled(t, version, `not started: ${stoppedBy}`)));
      for (const t of inTier) options.onTarget?.(t.name, 'cancelled', stoppedBy);
      continue;
    }
    const results = await runTier(inTier, checks, options);
    reports.push(...results);
    for (const r of results.filter((r) => r.status === 'failed')) {
      reporter[ANNOUNCE[r.policy]](`${r.target} (tier ${r.tier}, ${r.policy}): ${r.error}`);
      if (r.policy === 'required') stoppedBy ??= `required target ${r.target} failed in tier ${r.tier}`;
    }
  }

  const requiredFailed = reports.some(
    (r) => r.policy === 'required' && (r.status === 'failed' || r.status === 'cancelled'),
  );
  const otherFailed = reports.some((r) => r.status === 'failed' || r.status === 'cancelled');
  let status: ReleaseReport['status'] = requiredFailed ? 'failure' : otherFailed ? 'partial' : 'success';

  // After publishing, ask again so drift reflects what the registries now say.
  const publishedNow = reports.some((r) => r.status === 'published');
  const finalChecks = publishedNow ? await checkTargets(identities, version, checkOptions) : checks;

  let deploy: DeployReport | undefined;
  if (options.config.deploy && options.rollout && status !== 'failure' && !options.dryRun) {
    const rollout = options.rollout;
    deploy = await reporter.group('Deploy', () => rollout({ version }));
    if (!deploy.healthy) status = 'failure';
  }
  if (build?.status === 'failed') status = 'failure';
  const report: ReleaseReport = {
    version,
    build,
    status,
    targets: reports,
    checks: finalChecks,
    drift: hasDrift(finalChecks),
    deploy,
    durationMs: Date.now() - started,
  };
  // A dry run sends nothing; the notifier says what it would have sent.
  if (notifier)
    for (const message of releaseMessages(report, options.env, options.config.environment?.name))
      await notifier.send(message);
  return report;
}

/**
 * The config's `build:`, before tier 1, when a selected target still has work (a rerun whose
 * targets all have the version builds nothing). A failure stops the release before anything
 * is published: one error naming the platform, with the command's last output lines.
 */
async function buildStage(
  options: ReleaseOptions,
  selected: TargetConfig[],
  checks: CheckResult[],
): Promise<BuildSummary | undefined> {
  const { config, reporter } = options;
  if (!config.build) return undefined;
  const work =
    options.force || selected.some((t) => checks.find((c) => c.target === t.name)?.published !== true);
  if (!work) return { status: 'not needed', archives: [], artifacts: [], durationMs: 0 };
  const started = Date.now();
  const platforms = config.build.platforms.map((p) => p.platform).join(', ');
  try {
    const built = await reporter.group(`Build ${options.version.version} for ${platforms}`, () =>
      runBuild({
        build: config.build!,
        version: options.version.version,
        workspace: options.workspace,
        tempDir: options.tempDir,
        env: options.env,
        reporter,
        concurrency: options.buildConcurrency,
      }),
    );
    return {
      status: 'built',
      archives: built.archives,
      artifacts: built.artifacts,
      durationMs: built.durationMs,
    };
  } catch (caught) {
    const message = redact(
      caught instanceof BuildError ? userMessage(caught) : `build failed: ${userMessage(caught)}`,
    );
    reporter.debug(redact(caught instanceof Error && caught.stack ? caught.stack : errorMessage(caught)));
    reporter.error(message);
    return {
      status: 'failed',
      archives: [],
      artifacts: [],
      platform: caught instanceof BuildError ? caught.platform : undefined,
      error: message,
      durationMs: Date.now() - started,
    };
  }
}
