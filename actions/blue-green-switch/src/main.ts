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
import { rollout, type RolloutResult } from '@deploy-actions/deploy/switch';
import { getInputs, rolloutOptions } from './inputs.js';

function summary(result: RolloutResult): string {
  const title = `${describeTraffic(result.before)} → ${result.target}${result.rolledBack ? ' (rolled back)' : result.healthy ? '' : ' (failed)'}`;
  const rows = result.steps.map((step, i) => [
    i + 1,
    `${step.weight}%`,
    step.health ? (step.health.healthy ? 'healthy' : 'unhealthy') : 'no gate',
    step.health?.checks ?? '',
    step.health ? `${(step.health.errorRate * 100).toFixed(1)}%` : '',
    step.health ? `${step.health.p95Ms} ms` : '',
  ]);
  const failed = result.steps.find((step) => step.health && !step.health.healthy)?.health;
  return (
    `### Blue-green switch: ${title}\n\n${result.reason}\n\n` +
    (rows.length
      ? markdownTable(['step', `${result.target}`, 'gate', 'checks', 'error rate', 'p95'], rows)
      : '') +
    `\n**Changes**\n\n${result.changes.map((c) => `- ${c.replace(/[<>]/g, '')}`).join('\n') || '- none'}\n` +
    (failed
      ? `\n<details><summary>Probes of the failed step</summary>\n\n${markdownTable(PROBE_HEADERS, probeRows(failed.probes))}\n</details>\n`
      : '')
  );
}

export function run(): Promise<void> {
  return runAction('blue-green-switch', async () => {
    const options = rolloutOptions(getInputs());
    const http = new HttpClient({ reporter: runnerReporter });
    const result = await group('Switch', () =>
      rollout(options, { reporter: runnerReporter, http, cwd: workspace() }),
    );
    setOutput('active', result.active);
    setOutput('previous', result.previous);
    setOutput('rolled-back', result.rolledBack);
    setOutput('reason', result.reason);
    appendSummary(summary(result));
    if (!result.healthy) {
      error(result.reason, {
        title: result.rolledBack ? `Rolled back to ${result.active}` : 'Health gate failed',
      });
      process.exitCode = 1;
    }
  });
}
