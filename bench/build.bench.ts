/**
 * The builder's six builds of examples/acme-cli (Go, cross-compiled for linux, darwin and
 * windows × amd64, arm64), concurrently (bounded by the cores, as the orchestrator runs them)
 * vs one after another (concurrency 1), in the same run, each build from a cold Go cache of its
 * own so it compiles the standard library for its platform (real work, not a cache hit).
 * GOMAXPROCS=1 makes each build one core's work, which is what the limit assumes.
 * The limit: max(slowest build, sum of builds / cores), from the sequential run's builds.
 * Goal: the concurrent wall time, archives and SHA256SUMS included, within 1.15x of it.
 */
import { expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryReporter } from '@deploy-actions/action-kit/log';
import { loadConfig, runBuild, type BuildReport } from '@deploy-actions/release';
import { archiveNames, prepareAcmeCli } from '../test/harness/acme-cli.js';
import { record } from './lib.js';

const VERSION = '0.3.0';

async function build(concurrency: number | undefined): Promise<{ wallMs: number; report: BuildReport }> {
  const dir = prepareAcmeCli({ github: 'http://127.0.0.1:9', version: VERSION });
  const cache = mkdtempSync(join(tmpdir(), 'acme-bench-go-'));
  const temp = mkdtempSync(join(tmpdir(), 'acme-bench-run-'));
  try {
    const config = await loadConfig(join(dir, '.github', 'deploy-actions.yml'));
    // Each platform its own cold cache: every build compiles its standard library.
    const command = 'ACME_GO_CACHE="$BENCH_GO_CACHE/$DEPLOY_OS-$DEPLOY_ARCH" bash scripts/build.sh';
    const started = process.hrtime.bigint();
    const report = await runBuild({
      build: { ...config.build!, command },
      version: VERSION,
      workspace: dir,
      tempDir: temp,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        TMPDIR: tmpdir(),
        GOMAXPROCS: '1',
        BENCH_GO_CACHE: cache,
      },
      reporter: new MemoryReporter(),
      concurrency,
    });
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    expect(report.archives.map((a) => a.name)).toEqual(archiveNames(VERSION));
    expect(readFileSync(join(dir, report.sums), 'utf8').split('\n').filter(Boolean)).toHaveLength(6);
    return { wallMs, report };
  } finally {
    for (const d of [dir, cache, temp]) rmSync(d, { recursive: true, force: true });
  }
}

test('build: six platforms concurrently vs one after another', async () => {
  const cores = availableParallelism();
  const sequential = await build(1);
  const concurrent = await build(undefined);
  // Same source, same bytes, whatever the order.
  expect(concurrent.report.archives.map((a) => a.sha256)).toEqual(
    sequential.report.archives.map((a) => a.sha256),
  );

  const durations = sequential.report.archives.map((a) => a.durationMs);
  const sum = durations.reduce((a, b) => a + b, 0);
  const slowest = Math.max(...durations);
  const limit = Math.max(slowest, sum / cores);
  const ratio = concurrent.wallMs / limit;
  const figures: Record<string, number> = {};
  for (const a of sequential.report.archives) figures[`${a.platform} alone (sequential run)`] = a.durationMs;
  figures['sum of the builds'] = sum;
  figures[`limit: max(slowest, sum / ${cores} cores)`] = limit;
  figures['all six, one after another (wall)'] = sequential.wallMs;
  figures[`all six, concurrently, ${cores} at a time (wall)`] = concurrent.wallMs;
  record({
    name: 'build',
    title: 'Build of a six-platform Go CLI: concurrent vs one after another',
    method:
      "One run of the builder's code (runBuild, as the orchestrator and `deploy-actions build` call it) on examples/acme-cli for its six platforms, first one after another (concurrency 1), then concurrently (as many at once as the machine has cores), in the same run. Each build starts from its own empty Go cache (so it compiles Go's standard library for its platform) with GOMAXPROCS=1 (one core's work, what the limit assumes); the wall times include the reproducible archives and SHA256SUMS. The limit is max(slowest build, sum of the builds / cores), taken from the sequential run's builds.",
    command: 'npm run bench -- bench/build.bench.ts',
    figures,
    ratio: { label: 'concurrent / limit', value: ratio, goal: '<= 1.15', met: ratio <= 1.15 },
  });
});
