/**
 * How fast a broken colour loses its traffic: blue-green-switch (the bundle) moves traffic to
 * green in steps behind a gate with failure-threshold 3 and interval 1s; once green has its
 * first 10%, green starts failing. Measured: from green's first failing answer to a gate probe
 * to the moment the route points back at blue (the mtime of the swapped `current` symlink),
 * checked afterwards by requests through nginx. Beside it, in the same run: the restore step
 * alone, ours (one symlink swap) vs the classic rewrite + nginx -t + nginx -s reload until
 * nginx answers from blue.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { lstatSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryReporter } from '@deploy-actions/action-kit/log';
import { exec } from '@deploy-actions/action-kit/exec';
import { createRouter, parseRouterSettings } from '@deploy-actions/deploy/router/index';
import { median, record } from './lib.js';
import { runAction } from '../test/harness/run-action.js';
import { naiveUpstream, sampleColours, startNginx, type RunningNginx } from '../test/harness/nginx.js';
import { startColourApp, type ColourApp } from '../test/servers/colour-app.js';

const RUNS = 5;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let blue: ColourApp;
let green: ColourApp;
let nginx: RunningNginx;
let naive: RunningNginx;

beforeAll(async () => {
  [blue, green] = await Promise.all([startColourApp('blue'), startColourApp('green')]);
  nginx = await startNginx({ blue: blue.address, green: green.address });
  naive = await startNginx({ blue: blue.address, green: green.address, mode: 'naive' });
});

afterAll(async () => {
  await Promise.all([nginx?.stop(), naive?.stop()]);
  await Promise.all([blue?.stop(), green?.stop()]);
});

const routerSettings = () => ({
  type: 'nginx',
  'upstream-file': nginx.upstreamFile,
  blue: blue.address,
  green: green.address,
  'reload-command': nginx.reloadCommand.join(' '),
  'test-command': nginx.testCommand.join(' '),
});

async function waitFor(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(5);
  }
}

test('first failing probe to traffic restored', async () => {
  const current = join(nginx.confDir, 'app-upstream.route', 'current');
  const { type: router, ...settings } = routerSettings();
  const detect: number[] = [];
  const decide: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    green.set({ mode: 'ok' });
    const run = runAction('blue-green-switch', {
      inputs: {
        router,
        ...settings,
        to: 'green',
        steps: '10,50,100',
        'step-interval': '30s',
        'health-url': `${green.url}/health`,
        interval: '1s',
        'failure-threshold': '3',
        'success-threshold': '1',
      },
    });
    await waitFor(() => readlinkSync(current) === 'green-10');
    // Green breaks under the gate: after two good probes at 10%, not on the step's first one.
    const served = green.total();
    await waitFor(() => green.total() >= served + 2);
    green.set({ mode: 'failing' });
    const result = await run;
    expect(result.outputs['rolled-back']).toBe('true');
    const restoredAt = lstatSync(current).mtimeMs;
    const probes = green.failureTimes('/health');
    expect(readlinkSync(current)).toBe('green-0');
    expect(await sampleColours(nginx.url, 20)).toEqual({ blue: 20 });
    detect.push(restoredAt - probes[0]);
    decide.push(restoredAt - probes[2]);
  }
  green.set({ mode: 'ok' });

  // The restore step alone, ours and the classic one, on the same nginx build and services.
  const router2 = await createRouter(parseRouterSettings(routerSettings()), {
    exec,
    reporter: new MemoryReporter(),
    cwd: nginx.prefix,
  });
  const oursTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await router2.shift('green', 10);
    const start = performance.now();
    await router2.shift('blue', 100);
    oursTimes.push(performance.now() - start);
  }
  const reload = async (weights: { blue: number; green: number }) => {
    writeFileSync(
      naive.upstreamFile,
      naiveUpstream([
        { address: blue.address, weight: weights.blue },
        { address: green.address, weight: weights.green },
      ]),
    );
    execFileSync(naive.testCommand[0], naive.testCommand.slice(1), { stdio: 'ignore' });
    execFileSync(naive.reloadCommand[0], naive.reloadCommand.slice(1), { stdio: 'ignore' });
  };
  const naiveTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await reload({ blue: 90, green: 10 });
    await sleep(300);
    const start = performance.now();
    await reload({ blue: 100, green: 0 });
    // Restored when new workers answer: 20 requests in a row from blue.
    // A request can fail here: the old workers close idle keep-alive connections (the very
    // race the route avoids); that is "not restored yet", try again.
    const allBlue = () =>
      sampleColours(naive.url, 20).then(
        (c) => c.blue === 20,
        () => false,
      );
    while (!(await allBlue())) await sleep(1);
    naiveTimes.push(performance.now() - start);
  }

  const value = median(detect) / 1000;
  record({
    name: 'rollback',
    title: 'Rollback: first failing probe to traffic restored',
    method:
      `blue-green-switch (the bundle) moves nginx traffic to green in steps 10, 50, 100 behind a gate probing green every 1 s with failure-threshold 3; once green has its first 10% and has passed two probes there, it starts answering 500. ` +
      `Measured ${RUNS} times: from green's first failing answer to a gate probe to the mtime of the swapped route symlink (then 20 requests through nginx all answered by blue). The kernel stamps files from a coarse clock (a few ms behind the wall clock the test server reads), so the verdict-to-restore figure, a millisecond or so, can read slightly below zero. ` +
      `The floor is (failure-threshold - 1) x interval = 2 s. The restore step alone is also timed, ours (one symlink swap, no reload) beside the classic rewrite + nginx -t + nginx -s reload until 20 requests in a row come from blue (median of ${RUNS}).`,
    command:
      'NODE_OPTIONS=--experimental-vm-modules npx jest --config bench/jest.config.js bench/rollback.bench.ts',
    figures: {
      'first failing probe -> traffic restored': median(detect),
      'third failing probe (the verdict) -> traffic restored': median(decide),
      'floor: (failure-threshold - 1) x interval': 2000,
      'restore step alone, ours (symlink swap)': median(oursTimes),
      'restore step alone, rewrite + nginx -t + reload': median(naiveTimes),
    },
    ratio: { label: 'first failing probe -> traffic restored (s)', value, goal: '< 3.5 s', met: value < 3.5 },
  });
});
