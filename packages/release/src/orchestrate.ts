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
  rollout?: () => Promise<DeployReport>;
}

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
    deploy = await reporter.group('Deploy', options.rollout);
    if (!deploy.healthy) status = 'failure';
  }
  if (build?.status === 'failed') status = 'failure';
  return {
    version,
    build,
    status,
    targets: reports,
    checks: finalChecks,
    drift: hasDrift(finalChecks),
    deploy,
    durationMs: Date.now() - started,
  };
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
