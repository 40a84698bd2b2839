/**
 * Requests lost while traffic moves 10% -> 50% -> 100% to the other colour under
 * `wrk -t2 -c50`, through Debian nginx in front of two node services: ours (blue-green-switch,
 * the bundle; the route moves without a reload) against the classic way (rewrite the upstream
 * file with `weight=` lines, nginx -t, nginx -s reload, at each step), alternating in the same
 * run, the same hold per step.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { median, record } from './lib.js';
import { runAction } from '../test/harness/run-action.js';
import { naiveUpstream, startNginx, type RunningNginx } from '../test/harness/nginx.js';
import { runWrk, type WrkResult } from '../test/harness/wrk.js';
import { startColourApp, type ColourApp } from '../test/servers/colour-app.js';

const RUNS = 3;
const STEPS = [10, 50, 100];
const HOLD_MS = 1000;
const WRK_SECONDS = 8;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let apps: Record<'blue' | 'green', ColourApp>;
let ours: RunningNginx;
let naive: RunningNginx;

beforeAll(async () => {
  const [blue, green] = await Promise.all([startColourApp('blue'), startColourApp('green')]);
  apps = { blue, green };
  ours = await startNginx({ blue: blue.address, green: green.address });
  naive = await startNginx({ blue: blue.address, green: green.address, mode: 'naive' });
});

afterAll(async () => {
  await Promise.all([ours?.stop(), naive?.stop()]);
  await Promise.all(Object.values(apps ?? {}).map((app) => app.stop()));
});

async function switchOurs(to: 'blue' | 'green'): Promise<void> {
  const run = await runAction('blue-green-switch', {
    inputs: {
      router: 'nginx',
      'upstream-file': ours.upstreamFile,
      blue: apps.blue.address,
      green: apps.green.address,
      'reload-command': ours.reloadCommand.join(' '),
      'test-command': ours.testCommand.join(' '),
      to,
      steps: STEPS.join(','),
      'step-interval': `${HOLD_MS}ms`,
      'health-url': `${apps[to].url}/health`,
      interval: '250ms',
      'success-threshold': '2',
    },
  });
  expect([run.code, run.outputs.active]).toEqual([0, to]);
}

async function switchNaive(to: 'blue' | 'green'): Promise<void> {
  const from = to === 'blue' ? 'green' : 'blue';
  for (const weight of STEPS) {
    writeFileSync(
      naive.upstreamFile,
      naiveUpstream([
        { address: apps[to].address, weight },
        { address: apps[from].address, weight: 100 - weight },
      ]),
    );
    execFileSync(naive.testCommand[0], naive.testCommand.slice(1), { stdio: 'ignore' });
    execFileSync(naive.reloadCommand[0], naive.reloadCommand.slice(1), { stdio: 'ignore' });
    await sleep(HOLD_MS);
  }
}

async function underLoad(url: string, move: () => Promise<void>): Promise<WrkResult> {
  const load = runWrk(url, { connections: 50, durationS: WRK_SECONDS });
  await sleep(1000);
  await move();
  return load;
}

test('requests lost during a 3-step switch under wrk -c50', async () => {
  const results: { ours: WrkResult[]; naive: WrkResult[] } = { ours: [], naive: [] };
  for (let i = 0; i < RUNS; i++) {
    const to = i % 2 === 0 ? 'green' : 'blue';
    results.ours.push(await underLoad(`${ours.url}/`, () => switchOurs(to)));
    results.naive.push(await underLoad(`${naive.url}/`, () => switchNaive(to)));
  }
  const lost = (runs: WrkResult[]) => median(runs.map((r) => r.lost));
  const served = (runs: WrkResult[]) => median(runs.map((r) => r.requests));
  const oursLost = results.ours.map((r) => r.lost);
  const naiveLost = results.naive.map((r) => r.lost);
  record({
    name: 'switch-under-load',
    title: 'Requests lost during a 3-step switch under load',
    method:
      `wrk -t2 -c50 -d${WRK_SECONDS}s through Debian nginx (2 workers, client and upstream keep-alive) in front of two node services; 1 s after wrk starts, traffic moves ${STEPS.join(' -> ')}% to the other colour, holding ${HOLD_MS} ms per step. ` +
      `Ours: blue-green-switch (the bundle) with its health gate on the new colour; nginx is never reloaded. Naive: rewrite the upstream file with weight= lines, nginx -t, nginx -s reload at each step. ` +
      `${RUNS} runs each, alternating, directions alternating; lost = wrk's socket errors (connect, read, write, timeout) + non-2xx/3xx answers. Per run: ours ${oursLost.join(', ')}; naive ${naiveLost.join(', ')}.`,
    command:
      'NODE_OPTIONS=--experimental-vm-modules npx jest --config bench/jest.config.js bench/switch-under-load.bench.ts',
    figures: {
      'ours: requests lost per switch': lost(results.ours),
      'naive reload: requests lost per switch': lost(results.naive),
      'ours: requests served per run': served(results.ours),
      'naive reload: requests served per run': served(results.naive),
    },
    ratio: {
      label: `requests lost per 3-step switch, ours (naive reload: ${lost(results.naive)})`,
      value: lost(results.ours),
      goal: '0 in every run',
      met: oursLost.every((n) => n === 0),
    },
  });
});
