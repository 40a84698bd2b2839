import {
  appendSummary,
  error,
  group,
  markdownTable,
  runAction,
  runnerReporter,
  setOutput,
} from '@deploy-actions/action-kit';
import { HttpClient } from '@deploy-actions/action-kit/http';
import { workspace } from '@deploy-actions/action-kit/paths';
import { PROBE_HEADERS, probeRows } from '@deploy-actions/deploy/report';
import { describeTraffic } from '@deploy-actions/deploy/router/index';
import type { HealthResult } from '@deploy-actions/deploy/health';
import { rollout, type RolloutResult } from '@deploy-actions/deploy/switch';
import { startDeployment } from '@deploy-actions/deploy/github-deployment';
import { getInputs, rolloutOptions } from './inputs.js';

function gateCells(health: HealthResult | undefined): unknown[] {
  return [
    health ? (health.healthy ? 'healthy' : 'unhealthy') : 'no gate',
    health?.checks ?? '',
    health ? `${(health.errorRate * 100).toFixed(1)}%` : '',
    health ? `${health.p95Ms} ms` : '',
  ];
}

function summary(result: RolloutResult): string {
  const to = result.target || 'the new colour';
  const outcome = result.dryRun
    ? ' (dry run)'
    : result.rolledBack
      ? ' (rolled back)'
      : result.healthy
        ? ''
        : ' (failed)';
  const title = `${describeTraffic(result.before)} → ${to}${outcome}`;
  const rows = [
    ...(result.preGate ? [[0, `${to} alone, no traffic`, ...gateCells(result.preGate)]] : []),
    ...result.steps.map((step, i) => [i + 1, `${step.weight}%`, ...gateCells(step.health)]),
  ];
  const failed =
    result.preGate && !result.preGate.healthy
      ? result.preGate
      : result.steps.find((step) => step.health && !step.health.healthy)?.health;
  const where = result.active
    ? `**${result.active}** serves the traffic`
    : 'the router cannot tell which colour serves';
  return (
    `### Blue-green switch (${result.strategy}): ${title}\n\n${result.reason}\n\nNow: ${where}` +
    (result.after ? ` (${describeTraffic(result.after)})` : '') +
    `.\n\n` +
    (rows.length ? markdownTable(['step', `${to}`, 'gate', 'checks', 'error rate', 'p95'], rows) : '') +
    `\n**Changes**\n\n${result.changes.map((c) => `- ${c.replace(/[<>]/g, '')}`).join('\n') || '- none'}\n` +
    (failed
      ? `\n<details><summary>Probes of the failed step</summary>\n\n${markdownTable(PROBE_HEADERS, probeRows(failed.probes))}\n</details>\n`
      : '')
  );
}

export function run(): Promise<void> {
  return runAction('blue-green-switch', async () => {
    const input = getInputs();
    const options = rolloutOptions(input);
    const http = new HttpClient({ reporter: runnerReporter });
    // A dry run only reads the router: it is no deployment.
    const deployment =
      input.environment && !options.dryRun
        ? await startDeployment({
            environment: input.environment,
            environmentUrl: input['environment-url'] || undefined,
            version: input.version || undefined,
            env: process.env,
            http,
            reporter: runnerReporter,
          })
        : undefined;
    let result: RolloutResult;
    try {
      result = await group('Switch', () =>
        rollout(options, { reporter: runnerReporter, http, cwd: workspace() }),
      );
    } catch (caught) {
      await deployment?.finish({ healthy: false, rolledBack: false, reason: 'the switch failed' });
      throw caught;
    }
    await deployment?.finish(result);
    // Where traffic is, always, before any failure is reported.
    setOutput('active', result.active);
    setOutput('previous', result.previous);
    setOutput('rolled-back', result.rolledBack);
    setOutput('reason', result.reason);
    await appendSummary(summary(result));
    if (result.failure) throw result.failure;
    if (!result.healthy) {
      error(result.reason, {
        title: result.rolledBack ? `Rolled back to ${result.active}` : 'Health gate failed',
      });
      process.exitCode = 1;
    }
  });
}
