import {
  appendSummary,
  error,
  group,
  escapeMarkdown,
  markdownTable,
  runAction,
  runnerReporter,
  setOutput,
} from '@deploy-actions/action-kit';
import { HttpClient } from '@deploy-actions/action-kit/http';
import { runHealthGate, type HealthResult } from '@deploy-actions/deploy/health';
import { PROBE_HEADERS, probeRows } from '@deploy-actions/deploy/report';
import { getInputs, healthOptions } from './inputs.js';

export function summary(result: HealthResult, title = 'Health gate'): string {
  const verdict = result.healthy ? 'healthy' : 'unhealthy';
  return (
    `### ${title}: ${verdict}\n\n${escapeMarkdown(result.reason)}\n\n` +
    markdownTable(
      ['checks', 'error rate', 'p95', 'time'],
      [
        [
          result.checks,
          `${(result.errorRate * 100).toFixed(1)}%`,
          `${result.p95Ms} ms`,
          `${(result.durationMs / 1000).toFixed(1)} s`,
        ],
      ],
    ) +
    `\n<details><summary>Probe history (${result.probes.length})</summary>\n\n` +
    markdownTable(PROBE_HEADERS, probeRows(result.probes)) +
    '\n</details>\n'
  );
}

export function run(): Promise<void> {
  return runAction('health-gate', async () => {
    const input = getInputs();
    const http = new HttpClient({ reporter: runnerReporter });
    const result = await group('Health gate', () =>
      runHealthGate(healthOptions(input), { http, reporter: runnerReporter }),
    );
    setOutput('healthy', result.healthy);
    setOutput('checks', result.checks);
    setOutput('error-rate', Number(result.errorRate.toFixed(4)));
    setOutput('p95-ms', result.p95Ms);
    setOutput('reason', result.reason);
    await appendSummary(summary(result));
    if (!result.healthy && input['fail-on-unhealthy']) {
      error(`Unhealthy: ${result.reason}`, { title: 'Health gate failed' });
      process.exitCode = 1;
    }
  });
}
