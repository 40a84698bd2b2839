import {
  appendSummary,
  group,
  escapeMarkdown,
  markdownTable,
  notice,
  runAction,
  runnerReporter,
  setOutput,
} from '@deploy-actions/action-kit';
import { HttpClient } from '@deploy-actions/action-kit/http';
import { workspace } from '@deploy-actions/action-kit/paths';
import { rollbackTarget } from '@deploy-actions/deploy/rollback';
import { historyStore, recordHistory, rollbackRecord } from '@deploy-actions/release/history';
import { resolve } from 'node:path';
import { getInputs } from './inputs.js';

export function run(): Promise<void> {
  return runAction('rollback', async ({ tempDir }) => {
    const input = getInputs();
    const root = workspace();
    const http = new HttpClient({ reporter: runnerReporter });
    const outcome = await group(`Roll back ${input.target}`, () =>
      rollbackTarget({
        target: input.target,
        config: input.config,
        toVersion: input['to-version'],
        reason: input.reason,
        token: input.token,
        deployment: input.deployment,
        namespace: input.namespace,
        context: input.context,
        dryRun: input['dry-run'],
        workspace: root,
        tempDir,
        env: process.env,
        reporter: runnerReporter,
        http,
      }),
    );
    if (!input['dry-run'])
      await recordHistory(
        () => historyStore({ env: process.env, http, resolvePath: (p) => resolve(root, p) }),
        rollbackRecord(outcome, input.reason, process.env),
        runnerReporter,
      );
    setOutput('rolled-back-to', outcome.rolledBackTo);
    setOutput('actions', JSON.stringify(outcome.actions));
    const verb = input['dry-run'] ? 'would roll back (dry run, nothing sent)' : 'rolled back';
    notice(`${outcome.target}: ${verb} to ${outcome.rolledBackTo}`, {
      title: input['dry-run'] ? 'Rollback (dry run)' : 'Rolled back',
    });
    await appendSummary(
      `### ${input['dry-run'] ? 'Dry run: would roll back' : 'Rolled back'} ${escapeMarkdown(outcome.target)} (${outcome.kind}) to ${escapeMarkdown(outcome.rolledBackTo)}\n\n` +
        (input.reason ? `Reason: ${escapeMarkdown(input.reason)}\n\n` : '') +
        markdownTable(
          ['what changed'],
          outcome.actions.map((a) => [a]),
        ),
    );
  });
}
