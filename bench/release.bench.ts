/**
 * The demo release (examples/acme-app to six local registries) with the targets of a tier run
 * concurrently vs one after another, in the same run, against the slowest target released
 * alone. For this comparison every target is put in tier 1 (tiers are sequential on purpose);
 * the tiered release and the rerun of a finished release are measured too.
 * Goal: the concurrent release within 1.25x of the slowest single target.
 */
import { test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../test/harness/run-action.js';
import { prepareExample, startDemoRegistries } from '../test/harness/demo-env.js';
import { median, record } from './lib.js';

const TARGETS = ['npm', 'pypi', 'github', 'docker', 'crates', 'flathub'];

function cli(args: string[], cwd: string, env: Record<string, string>): Promise<number> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      [join(ROOT, 'bin', 'deploy-actions.js'), ...args],
      { cwd, env: { ...process.env, ...env }, maxBuffer: 1 << 26 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${args.join(' ')} failed: ${stderr || stdout}`));
        else resolve(Number(process.hrtime.bigint() - started) / 1e6);
      },
    ),
  );
}

/** Put every target in tier 1, so the comparison is about concurrency, not tiers. */
function flattenTiers(dir: string): void {
  const file = join(dir, '.github', 'deploy-actions.yml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/tier: [23]/g, 'tier: 1'));
}

test('release: concurrent vs sequential vs the slowest single target', async () => {
  const r = await startDemoRegistries();
  let n = 0;
  const fresh = async (flat = true) => {
    const project = await prepareExample(r, { version: `3.0.${n++}`, only: TARGETS });
    if (flat) flattenTiers(project.dir);
    return project;
  };
  try {
    // Medians of 3, each on a fresh version (a release that already happened would be skipped).
    const ROUNDS = 3;
    const samples: Record<string, number[]> = {};
    const add = (label: string, ms: number) => (samples[label] ??= []).push(ms);
    for (let round = 0; round < ROUNDS; round++) {
      const single = await fresh();
      for (const target of TARGETS)
        add(`${target} alone`, await cli(['release', '--platforms', target], single.dir, single.env));
      const concurrent = await fresh();
      add('all, concurrent', await cli(['release'], concurrent.dir, concurrent.env));
      add('rerun of a finished release', await cli(['release'], concurrent.dir, concurrent.env));
      const sequential = await fresh();
      add('all, one after another', await cli(['release', '--sequential'], sequential.dir, sequential.env));
    }
    const tiered = await fresh(false);
    add('all, tiered (1, 2, 3)', await cli(['release'], tiered.dir, tiered.env));
    const figures = Object.fromEntries(
      Object.entries(samples).map(([label, values]) => [label, median(values)]),
    );
    const slowest = Math.max(...TARGETS.map((t) => figures[`${t} alone`]));
    const concurrentMs = figures['all, concurrent'];
    const ratio = concurrentMs / slowest;
    record({
      name: 'release',
      title: 'Release of the demo project: concurrent vs one after another',
      method:
        'The median of 3 `deploy-actions release` runs per figure (the tiered one: 1), each of a fresh version of examples/acme-app to Verdaccio, the PyPI, crates and GitHub test servers, docker-registry and a Flatpak bundle, all in the same run. "alone" figures release one target each; for the concurrency comparison every target is in tier 1; "tiered" keeps the example\'s tiers 1-3; "rerun" repeats the finished concurrent release (everything is skipped).',
      command: 'npm run bench -- bench/release.bench.ts',
      figures,
      ratio: {
        label: 'concurrent / slowest single target',
        value: ratio,
        goal: '<= 1.25',
        met: ratio <= 1.25,
      },
    });
  } finally {
    await r.stop();
  }
});
