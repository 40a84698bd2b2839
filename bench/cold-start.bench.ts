/**
 * Start-up of every bundle against bare `node -e 0`, in the same run: the median wall time of
 * `node actions/<name>/dist/index.js` as the runner starts it (each action stops at its first
 * input check, so what is measured is loading the bundle). Goal: every action within 1.5x of
 * bare node, the orchestrator within 2x.
 */
import { test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../test/harness/run-action.js';
import { median, record } from './lib.js';

const RUNS = 21;

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
  const actions = readdirSync(join(ROOT, 'actions')).filter((a) =>
    existsSync(join(ROOT, 'actions', a, 'dist', 'index.js')),
  );
  // The floor for any ESM action: load one module, write a state line and one annotation.
  const floor = join(home, 'floor');
  mkdirSync(floor);
  writeFileSync(join(floor, 'package.json'), '{"type":"module"}');
  writeFileSync(
    join(floor, 'index.js'),
    "import { appendFileSync } from 'node:fs';\nappendFileSync(process.env.GITHUB_STATE, 'a<<EOF\\nb\\nEOF\\n');\nprocess.stdout.write('::error::x\\n');\n",
  );
  const subjects: [string, string[]][] = [
    ['node -e 0', ['-e', '0']],
    ['minimal ESM action (floor)', [join(floor, 'index.js')]],
    ...actions.map((a): [string, string[]] => [a, [join(ROOT, 'actions', a, 'dist', 'index.js')]]),
  ];
  // Rounds interleave every subject, so a slow moment of a shared machine hits them all alike.
  const times = new Map<string, number[]>(subjects.map(([name]) => [name, []]));
  for (let round = -2; round < RUNS; round++)
    for (const [name, args] of subjects) {
      const start = process.hrtime.bigint();
      await runNode(args, env);
      if (round >= 0) times.get(name)!.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  const figures: Record<string, number> = Object.fromEntries(
    [...times].map(([name, t]) => [name, median(t)]),
  );
  const bare = figures['node -e 0'];
  const worstAction = Math.max(...actions.filter((a) => a !== 'release').map((a) => figures[a] / bare));
  const floorRatio = figures['minimal ESM action (floor)'] / bare;
  const orchestrator = (figures.release ?? 0) / bare;
  record({
    name: 'cold-start',
    title: 'Cold start of each bundle vs bare node',
    method: `Median of ${RUNS} rounds (after 2 warm-up rounds); each round starts \`node -e 0\` and then every \`node actions/<name>/dist/index.js\` once, with the runner's file commands set and no inputs, so each action loads and stops at its first input check.`,
    command: 'npm run bench -- bench/cold-start.bench.ts',
    figures,
    ratio: {
      label: `slowest action / bare node (orchestrator: ${orchestrator.toFixed(2)}; a minimal ESM action: ${floorRatio.toFixed(2)})`,
      value: worstAction,
      goal: 'every action <= 1.5, the orchestrator <= 2',
      met: worstAction <= 1.5 && orchestrator <= 2,
    },
  });
});
