/**
 * publish-pypi against `twine upload` of the same files, same test server, same run. Each
 * upload is of a fresh version (PyPI never takes a file name twice): wheel + sdist, tiny and
 * ~3 MB each. Both compute md5, sha256 and BLAKE2b-256 and send the same multipart form; ours
 * also asks the JSON API first (the idempotence check), twine does not.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { median, record } from './lib.js';
import { runAction } from '../test/harness/run-action.js';
import { makeDistributions } from '../test/fixtures/pypi/dists.js';
import { startPypiServer, type PypiServer } from '../test/servers/pypi.js';

const exec = promisify(execFile);
const TOKEN = 'pypi-bench-token-0001';
const RUNS = 9;
const WARMUP = 1;
const SIZES = { tiny: 0, '3 MB': 3_000_000 } as const;
let server: PypiServer;
let work: string;

beforeAll(async () => {
  server = await startPypiServer({ token: TOKEN });
  work = mkdtempSync(join(tmpdir(), 'da-pypi-bench-'));
});

afterAll(async () => {
  await server?.stop();
});

/** A workspace per upload, built before timing starts: `dist/` with a wheel and an sdist. */
function prepare(
  tool: string,
  label: string,
  pad: number,
): { dir: string; version: string; files: string[] }[] {
  return Array.from({ length: RUNS + WARMUP }, (_, i) => {
    const version = `${tool === 'ours' ? 1 : 2}.${pad ? 1 : 0}.${i}`;
    const dir = join(work, `${tool}-${label.replace(/\W/g, '')}-${i}`);
    return {
      dir,
      version,
      files: makeDistributions(join(dir, 'dist'), 'bench-pkg', version, undefined, pad),
    };
  });
}

async function ours(job: { dir: string; version: string }): Promise<void> {
  const run = await runAction('publish-pypi', {
    workspace: job.dir,
    inputs: { version: job.version, registry: server.url },
    env: { PYPI_TOKEN: TOKEN },
    post: false,
  });
  if (run.outputs.status !== 'published') throw new Error(`publish-pypi: ${run.stdout}${run.stderr}`);
}

async function twine(job: { dir: string; files: string[] }): Promise<void> {
  await exec(
    'twine',
    [
      'upload',
      '--non-interactive',
      '--disable-progress-bar',
      '--repository-url',
      server.uploadUrl,
      ...job.files,
    ],
    {
      env: {
        PATH: process.env.PATH,
        HOME: job.dir,
        TWINE_USERNAME: '__token__',
        TWINE_PASSWORD: TOKEN,
        PYTHON_KEYRING_BACKEND: 'keyring.backends.null.Keyring',
      },
    },
  );
}

test('publish-pypi vs twine upload', async () => {
  const figures: Record<string, number> = {};
  const ratios: Record<string, number> = {};
  for (const [label, pad] of Object.entries(SIZES)) {
    const ourJobs = prepare('ours', label, pad);
    const twineJobs = prepare('twine', label, pad);
    // Interleaved, ours then twine in each round, so both see the same machine load.
    const times = { ours: [] as number[], twine: [] as number[] };
    for (let i = 0; i < RUNS + WARMUP; i++) {
      const t0 = process.hrtime.bigint();
      await ours(ourJobs[i]);
      const t1 = process.hrtime.bigint();
      await twine(twineJobs[i]);
      const t2 = process.hrtime.bigint();
      if (i < WARMUP) continue;
      times.ours.push(Number(t1 - t0) / 1e6);
      times.twine.push(Number(t2 - t1) / 1e6);
    }
    const oursMs = median(times.ours);
    const twineMs = median(times.twine);
    figures[`publish-pypi, ${label}`] = oursMs;
    figures[`twine upload, ${label}`] = twineMs;
    ratios[label] = oursMs / twineMs;
  }
  // Every upload landed exactly once.
  expect(server.uploads).toHaveLength(2 * Object.keys(SIZES).length * 2 * (RUNS + WARMUP));
  const worst = Math.max(...Object.values(ratios));
  record({
    name: 'publish-pypi',
    title: 'publish-pypi vs twine upload',
    method:
      `Median wall time of ${RUNS} uploads (after ${WARMUP} warm-up; ours and twine alternate) of a fresh version each, wheel + sdist, to the PyPI test server on loopback: ` +
      '`node actions/publish-pypi/dist/index.js` as the runner starts it (reads the metadata from the files, md5/sha256/BLAKE2b-256, asks the JSON API, uploads) ' +
      "against Debian's `twine upload --repository-url` of the same kind of files, in the same run. Files built beforehand; sizes: tiny (~1 KB) and ~3 MB each. " +
      `1-minute load average at the end of the run: ${loadavg()[0].toFixed(1)} (other work on the machine makes single figures noisy; alternating rounds keep the comparison fair).`,
    command:
      'NODE_OPTIONS=--experimental-vm-modules npx jest --config bench/jest.config.js bench/publish-pypi.bench.ts',
    figures,
    ratio: {
      label: `publish-pypi / twine upload (worst size; tiny ${ratios.tiny.toFixed(2)}, 3 MB ${ratios['3 MB'].toFixed(2)})`,
      value: worst,
      goal: '< 1.2',
      met: worst < 1.2,
    },
  });
});
