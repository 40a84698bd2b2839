import {
  appendSummary,
  info,
  markdownTable,
  runAction,
  runnerReporter,
  setOutput,
} from '@deploy-actions/action-kit';
import { HttpClient } from '@deploy-actions/action-kit/http';
import { workspace } from '@deploy-actions/action-kit/paths';
import {
  buildMatrix,
  checkTargets,
  loadConfig,
  planEntries,
  resolveVersion,
  selectTargets,
  targetsFromConfig,
} from '@deploy-actions/release';
import { resolve } from 'node:path';
import { getInputs } from './inputs.js';

export function run(): Promise<void> {
  return runAction('build-matrix', async () => {
    const input = getInputs();
    const root = workspace();
    const config = await loadConfig(resolve(root, input.config));
    const selected = selectTargets(config, input.platforms).filter(
      (t) => input.tier === undefined || t.tier === input.tier,
    );
    const { version } = await resolveVersion({
      version: input.version,
      ref: process.env.GITHUB_REF,
      config,
      cwd: root,
    });
    const checks = input.check
      ? await checkTargets(await targetsFromConfig(selected, root, process.env), version, {
          http: new HttpClient({ reporter: runnerReporter }),
          reporter: runnerReporter,
          env: process.env,
        })
      : undefined;
    const include = planEntries(selected, version, checks, input.force);
    const hasWork = include.some((e) => !e.skip);
    setOutput('matrix', JSON.stringify({ include }));
    setOutput('has-work', hasWork);
    // The build matrix: one job per platform of build:, only when there is something to publish.
    const builds = config.build && hasWork ? buildMatrix(config.build) : [];
    setOutput('build', JSON.stringify({ include: builds }));
    setOutput('has-build', builds.length > 0);
    for (const b of builds) info(`build ${b.platform} on ${b['runs-on']}`);
    setOutput('version', version);
    for (const e of include)
      info(`${e.target} (tier ${e.tier}, ${e.policy}): ${e.skip ? 'skip' : 'publish'}: ${e.reason}`);
    await appendSummary(
      `### Release plan for ${version}\n\n` +
        markdownTable(
          ['target', 'type', 'tier', 'policy', 'plan', 'why'],
          include.map((e) => [e.target, e.type, e.tier, e.policy, e.skip ? 'skip' : 'publish', e.reason]),
        ),
    );
  });
}
