/**
 * Start-up of every bundle beside the peers' bundles, in the same run: the median wall time of
 * `node <bundle>` as the runner starts it (its file commands set, every action.yml default as an
 * INPUT_ variable, the workspace as the working directory), each stopping at the same point:
 * after reading its inputs, at its first check (ours: a required input missing or no version
 * found; npm-publish: no package.json in the workspace; cypress-io/github-action: install and
 * runTests false, so it reads its inputs and skips every step). Goal: no action slower to start
 * than 1.1x the peers' median. Bare `node -e 0` and a minimal ESM action are shown as the floor.
 */
import { test } from '@jest/globals';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, actionDefaults, inputEnv } from '../test/harness/run-action.js';
import { median, record } from './lib.js';

const RUNS = 21;

type Subject = { name: string; args: string[]; env?: Record<string, string>; peer?: boolean };

function runNode(args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<void> {
  return new Promise((resolve) => execFile(process.execPath, args, { env, cwd }, () => resolve()));
}

/** The runner's INPUT_ variables of an action.yml: its defaults, then what the step passes. */
function inputsOf(actionYml: string, passed: Record<string, string> = {}): Record<string, string> {
  return inputEnv(passed, existsSync(actionYml) ? actionDefaults(actionYml) : {});
}

/**
 * The peers, from their npm packages (exact devDependencies). cypress-io/github-action ships
 * the bundle its action.yml runs (dist/index.js, ncc). npm-publish's package ships its action's
 * code unbundled (lib/action/main.js; the action's repository bundles it into dist/main.js with
 * rolldown, unminified): it is bundled here the same way, with ncc, not minified, with the
 * @actions/core it is built with. softprops/action-gh-release is not on the npm registry.
 */
function peers(home: string): Subject[] {
  const npmPublish = join(home, 'npm-publish');
  mkdirSync(npmPublish);
  const main = join(ROOT, 'node_modules', '@jsdevtools', 'npm-publish', 'lib', 'action', 'main.js');
  writeFileSync(
    join(npmPublish, 'entry.mjs'),
    `import { main } from ${JSON.stringify(main)};\nawait main();\n`,
  );
  execFileSync(
    join(ROOT, 'node_modules', '.bin', 'ncc'),
    ['build', join(npmPublish, 'entry.mjs'), '-o', join(npmPublish, 'dist'), '--quiet', '--target', 'es2022'],
    { cwd: ROOT, stdio: 'inherit' },
  );
  const cypress = join(ROOT, 'node_modules', '@cypress', 'github-action');
  return [
    { name: 'peer: JS-DevTools/npm-publish', args: [join(npmPublish, 'dist', 'index.mjs')], peer: true },
    {
      name: 'peer: cypress-io/github-action',
      args: [join(cypress, 'dist', 'index.js')],
      env: inputsOf(join(cypress, 'action.yml'), { install: 'false', runTests: 'false' }),
      peer: true,
    },
  ];
}

test('cold start of every bundle beside the peers', async () => {
  const home = mkdtempSync(join(tmpdir(), 'da-cold-'));
  const workspace = join(home, 'workspace');
  mkdirSync(workspace);
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, RUNNER_TEMP: home, GITHUB_WORKSPACE: workspace };
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
  const subjects: Subject[] = [
    { name: 'node -e 0', args: ['-e', '0'] },
    { name: 'minimal ESM action (floor)', args: [join(floor, 'index.js')] },
    ...peers(home),
    ...actions.map((a) => ({
      name: a,
      args: [join(ROOT, 'actions', a, 'dist', 'index.js')],
      env: inputsOf(join(ROOT, 'actions', a, 'action.yml')),
    })),
  ];
  // Rounds interleave every subject, so a slow moment of a shared machine hits them all alike.
  const times = new Map<string, number[]>(subjects.map(({ name }) => [name, []]));
  for (let round = -2; round < RUNS; round++)
    for (const { name, args, env: inputs } of subjects) {
      const start = process.hrtime.bigint();
      await runNode(args, { ...env, ...inputs }, workspace);
      if (round >= 0) times.get(name)!.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  const figures: Record<string, number> = Object.fromEntries(
    [...times].map(([name, t]) => [name, median(t)]),
  );
  const peerMedian = median(subjects.filter((s) => s.peer).map((s) => figures[s.name]));
  figures["peers' median"] = peerMedian;
  const bare = figures['node -e 0'];
  const slowest = actions.reduce((a, b) => (figures[b] > figures[a] ? b : a));
  const worst = figures[slowest] / peerMedian;
  const worstBare = Math.max(...actions.map((a) => figures[a] / bare));
  record({
    name: 'cold-start',
    title: "Cold start of each bundle beside the peers' bundles",
    method: `Median of ${RUNS} rounds (after 2 warm-up rounds); each round starts \`node -e 0\`, a minimal ESM action, the peers' bundles and every \`node actions/<name>/dist/index.js\` once, in the workspace, with the runner's file commands and every action.yml default set as INPUT_ variables and nothing else passed, so each stops at the same point, its first check after reading its inputs: ours at a required input that is missing or no version found; JS-DevTools/npm-publish 4.1.5 (its action's code from the npm package, bundled with ncc as its repository bundles it, unminified) at the workspace's missing package.json; cypress-io/github-action 7.3.0 (the dist/index.js its npm package ships) with install and runTests false, so it reads its inputs and skips every step. softprops/action-gh-release is not on the npm registry: cypress-io/github-action stands in as the second widely used JavaScript action whose bundle can be run as the runner runs it.`,
    command: 'npm run bench -- bench/cold-start.bench.ts',
    figures,
    ratio: {
      label: `slowest action (${slowest}) / peers' median (slowest / bare node: ${worstBare.toFixed(2)})`,
      value: worst,
      goal: '<= 1.1',
      met: worst <= 1.1,
    },
  });
});
