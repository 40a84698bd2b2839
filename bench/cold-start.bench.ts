/**
 * Start-up of every bundle against bare `node -e 0`, in the same run: the median wall time of
 * `node actions/<name>/dist/index.js` as the runner starts it (each action stops at its first
 * input check, so what is measured is loading the bundle). Goal: every action within 1.5x of
 * bare node, the orchestrator within 2x.
 */
import { test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../test/harness/run-action.js';
import { record, timeMedian } from './lib.js';

const RUNS = 15;

function runNode(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve) => execFile(process.execPath, args, { env }, () => resolve()));
}

test('cold start of every bundle', async () => {
  const home = mkdtempSync(join(tmpdir(), 'da-cold-'));
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, RUNNER_TEMP: home, GITHUB_WORKSPACE: home };
  for (const name of ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY']) {
    env[name] = join(home, name);
    writeFileSync(env[name]!, '');
  }
  const bare = await timeMedian(() => runNode(['-e', '0'], env), RUNS, 2);
  const figures: Record<string, number> = { 'node -e 0': bare };
  const actions = readdirSync(join(ROOT, 'actions')).filter((a) =>
    existsSync(join(ROOT, 'actions', a, 'dist', 'index.js')),
  );
  let worstAction = 0;
  for (const action of actions) {
    const ms = await timeMedian(
      () => runNode([join(ROOT, 'actions', action, 'dist', 'index.js')], env),
      RUNS,
      2,
    );
    figures[action] = ms;
    if (action !== 'release') worstAction = Math.max(worstAction, ms / bare);
  }
  const orchestrator = (figures.release ?? 0) / bare;
  record({
    name: 'cold-start',
    title: 'Cold start of each bundle vs bare node',
    method: `Median of ${RUNS} runs (after 2 warm-ups) of \`node actions/<name>/dist/index.js\` with the runner's file commands set and no inputs, so each action loads and stops at its first input check; beside \`node -e 0\` in the same run.`,
    command: 'npm run bench -- bench/cold-start.bench.ts',
    figures,
    ratio: {
      label: `slowest action / bare node (orchestrator: ${orchestrator.toFixed(2)})`,
      value: worstAction,
      goal: 'every action <= 1.5, the orchestrator <= 2',
      met: worstAction <= 1.5 && orchestrator <= 2,
    },
  });
});
