/**
 * publish-npm against bare `npm publish`, same Verdaccio, same run. Each publish is of a fresh
 * version (npm never takes a version twice). Ours adds starting the bundle, reading
 * package.json, asking the registry first (the idempotence check) and writing the sealed npm
 * config; both run the same npm CLI with the same isolation (private cache and userconfig).
 * Runs alternate between the two so a busy machine slows both alike.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { median, record } from './lib.js';
import { runAction } from '../test/harness/run-action.js';
import { startVerdaccio, type Verdaccio } from '../test/harness/verdaccio.js';

const exec = promisify(execFile);
const RUNS = 9;
const WARMUP = 1;
let registry: Verdaccio;
let work: string;

beforeAll(async () => {
  registry = await startVerdaccio();
  work = mkdtempSync(join(tmpdir(), 'da-npm-bench-'));
});

afterAll(async () => {
  await registry?.stop();
});

/** A small real package: package.json, an entry point, a README, ~20 KB of code. */
function preparePackage(tool: 'ours' | 'bare', i: number): { dir: string; version: string } {
  const version = `1.0.${i + WARMUP}`;
  const dir = join(work, `${tool}-${i + WARMUP}`);
  mkdirSync(join(dir, 'lib'), { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: `bench-${tool}`, version, main: 'lib/index.js', license: 'MIT' }, null, 2),
  );
  writeFileSync(join(dir, 'README.md'), `# bench-${tool}\n\nA package for the publish benchmark.\n`);
  writeFileSync(
    join(dir, 'lib', 'index.js'),
    Array.from({ length: 400 }, (_, n) => `exports.f${n} = (x) => x * ${n} + ${i};`).join('\n'),
  );
  return { dir, version };
}

async function ours(job: { dir: string; version: string }): Promise<void> {
  const run = await runAction('publish-npm', {
    workspace: job.dir,
    inputs: { version: job.version, registry: registry.url },
    env: { NPM_TOKEN: registry.token },
    post: false,
  });
  if (run.outputs.status !== 'published') throw new Error(`publish-npm: ${run.stdout}${run.stderr}`);
}

async function bare(job: { dir: string }): Promise<void> {
  const home = join(job.dir, '.home');
  mkdirSync(home, { recursive: true });
  const userconfig = join(home, 'npmrc');
  writeFileSync(userconfig, `//${new URL(registry.url).host}/:_authToken=\${NPM_TOKEN}\n`, { mode: 0o600 });
  writeFileSync(join(home, 'npmrc-global'), '');
  await exec('npm', ['publish', `--registry=${registry.url}/`, '--tag', 'latest'], {
    cwd: job.dir,
    env: {
      PATH: process.env.PATH,
      HOME: home,
      NPM_TOKEN: registry.token,
      npm_config_userconfig: userconfig,
      npm_config_globalconfig: join(home, 'npmrc-global'),
      npm_config_cache: join(home, 'cache'),
      npm_config_update_notifier: 'false',
      npm_config_fund: 'false',
      npm_config_audit: 'false',
    },
  });
}

async function timed(fn: () => Promise<void>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

test('publish-npm vs npm publish', async () => {
  const times = { ours: [] as number[], bare: [] as number[] };
  for (let i = -WARMUP; i < RUNS; i++) {
    // Alternate which goes first, so neither always runs on a warmer machine.
    const order = i % 2 === 0 ? (['ours', 'bare'] as const) : (['bare', 'ours'] as const);
    for (const tool of order) {
      const job = preparePackage(tool, i);
      const ms = await timed(() => (tool === 'ours' ? ours(job) : bare(job)));
      if (i >= 0) times[tool].push(ms);
    }
  }
  // Every publish landed exactly once, as a fresh version.
  for (const tool of ['ours', 'bare']) {
    const res = await fetch(`${registry.url}/bench-${tool}`);
    const versions = Object.keys(((await res.json()) as { versions: Record<string, unknown> }).versions);
    expect(versions).toHaveLength(RUNS + WARMUP);
  }
  const oursMs = median(times.ours);
  const bareMs = median(times.bare);
  const ratio = oursMs / bareMs;
  // The ratio moves with how busy the machine is (ours adds CPU-bound work: a node start, the
  // bundle, the first fetch): say how busy it was.
  const load = loadavg()[0].toFixed(1);
  record({
    name: 'publish-npm',
    title: 'publish-npm vs npm publish',
    method:
      `Median wall time of ${RUNS} publishes each (after ${WARMUP} warm-up), alternating, of a fresh version of a small package (~20 KB) to a local Verdaccio 6: ` +
      '`node actions/publish-npm/dist/index.js` as the runner starts it (main step; reads package.json, asks the registry, chooses the dist-tag, runs npm publish in a sealed config) ' +
      'vs `npm publish --registry … --tag latest` with the same private userconfig, cache and settings. ' +
      `Load average when it finished: ${load} on ${cpus().length} cores.`,
    command: 'npm run bench -- bench/publish-npm.bench.ts',
    figures: { 'publish-npm': oursMs, 'npm publish': bareMs, 'difference (ours - bare)': oursMs - bareMs },
    ratio: { label: 'publish-npm / npm publish', value: ratio, goal: '< 1.2', met: ratio < 1.2 },
  });
});
