import { appendSummary, error, info, runAction, runnerReporter, setOutput } from '@deploy-actions/action-kit';
import { HttpClient } from '@deploy-actions/action-kit/http';
import { workspace } from '@deploy-actions/action-kit/paths';
import {
  historyStore,
  loadConfig,
  recordHistory,
  release,
  releaseRecord,
  reportMarkdown,
  resolveVersion,
  resultsJson,
  selectEnvironment,
  selectTargets,
} from '@deploy-actions/release';
import { resolve } from 'node:path';
import { getInputs } from './inputs.js';
import { prepareRollout } from './rollout.js';

export function run(): Promise<void> {
  return runAction('release', async ({ tempDir }) => {
    const input = getInputs();
    const root = workspace();
    const config = selectEnvironment(
      await loadConfig(resolve(root, input.config)),
      input.environment,
      'environment',
      input['environment-url'],
    );
    selectTargets(config, input.platforms); // refuse bad platforms before anything else
    const version = await resolveVersion({
      version: input.version,
      ref: process.env.GITHUB_REF,
      config,
      cwd: root,
    });
    info(`Releasing ${version.version} (from ${version.source})${input['dry-run'] ? ' as a dry run' : ''}`);
    setOutput('version', version.version);
    const http = new HttpClient({ reporter: runnerReporter });
    // A bad deploy section stops the release here, before anything is published.
    const rollout = await prepareRollout(config, { reporter: runnerReporter, http, cwd: root });
    const report = await release({
      config,
      version,
      platforms: input.platforms,
      force: input.force,
      dryRun: input['dry-run'],
      workspace: root,
      tempDir,
      env: process.env,
      reporter: runnerReporter,
      http,
      rollout,
    });
    // One record per release (and its rollout); a write that fails is a warning, never a failed release.
    if (!input['dry-run'])
      await recordHistory(
        () => historyStore({ config, env: process.env, http, resolvePath: (p) => resolve(root, p) }),
        releaseRecord(report, process.env),
        runnerReporter,
      );
    setOutput('results', JSON.stringify(resultsJson(report)));
    setOutput('status', report.status);
    await appendSummary(reportMarkdown(report));
    for (const t of report.targets) info(`${t.target}: ${t.status}${t.url ? ` ${t.url}` : ''}`);
    if (report.status === 'failure') {
      const failed = report.targets
        .filter((t) => t.policy === 'required' && t.status === 'failed')
        .map((t) => t.target);
      // Each failed target and a failed build already have their own ::error; the deploy stage has none yet.
      if (report.build?.status === 'failed')
        info(
          `Release ${version.version} failed before tier 1: ${report.build.platform ?? 'the'} build failed; nothing was published.`,
        );
      else if (failed.length)
        info(
          `Release ${version.version} failed: required target(s) failed: ${failed.join(', ')}. Fix the cause and rerun: what is published is skipped.`,
        );
      else
        error(`Release ${version.version} failed: deploy: ${report.deploy?.reason ?? 'unhealthy'}`, {
          title: 'Deploy failed',
        });
      process.exitCode = 1;
    }
  });
}
