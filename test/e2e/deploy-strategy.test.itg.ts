/**
 * The two strategies with Debian nginx in front of two colour apps. blue-green: the idle colour
 * is gated at its own address while it takes no traffic, then takes all of it at once, the gate
 * stays on for the step interval, and a failure then sends traffic back. canary: the config's
 * steps, walked with the gate at each. Through the action bundle and the CLI bundle.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runAction } from '../harness/run-action.js';
import { sampleColours, type RunningNginx } from '../harness/nginx.js';
import type { ColourApp } from '../servers/colour-app.js';
import {
  nginxRouterConfig,
  nginxRouterInputs,
  startColourNginx,
  type ColourNginx,
} from '../harness/colour-nginx.js';

let blue: ColourApp;
let green: ColourApp;
let nginx: RunningNginx;
let colours: ColourNginx | undefined;
let current: string;

beforeAll(async () => {
  colours = await startColourNginx();
  ({ blue, green, nginx } = colours);
  current = join(nginx.confDir, 'app-upstream.route', 'current');
});
afterAll(async () => {
  await colours?.stop();
});

const router = () => nginxRouterInputs({ blue, green, nginx });
const fastGate = { interval: '200ms', 'success-threshold': '2', 'failure-threshold': '2', timeout: '5s' };

/** Every value `current` took while `during` ran (polled every 10 ms). */
async function watchLink<T>(during: Promise<T>, onChange?: (target: string) => void) {
  const seen = [readlinkSync(current)];
  let changedAt = 0;
  let done = false;
  void during.finally(() => (done = true));
  while (!done) {
    const now = readlinkSync(current);
    if (now !== seen.at(-1)) {
      seen.push(now);
      changedAt = Date.now();
      onChange?.(now);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  const result = await during;
  return { result, seen, heldMs: Date.now() - changedAt };
}

describe('blue-green (blue-green-switch with steps: 100, the default)', () => {
  test('a broken idle colour fails its gate at its own address before the switch: no traffic ever moves', async () => {
    expect(readlinkSync(current)).toBe('green-0');
    green.set({ mode: 'failing' });
    try {
      const { result: run, seen } = await watchLink(
        runAction('blue-green-switch', {
          inputs: { ...router(), 'health-url': 'http://{address}/health', ...fastGate },
        }),
      );
      expect(seen).toEqual(['green-0']);
      expect(run.code).toBe(1);
      expect(run.outputs).toMatchObject({ active: 'blue', previous: 'blue', 'rolled-back': 'false' });
      expect(run.outputs.reason).toMatch(
        new RegExp(
          `^green is not healthy at its own address before the switch: 2 failed checks in a row; last: http://${green.address}/health: HTTP 500.*; nothing moved: traffic is on blue$`,
        ),
      );
      expect(green.failureTimes('/health').length).toBe(2);
      expect(run.summary).toContain('green alone, no traffic');
      expect(await sampleColours(`${nginx.url}/`, 10)).toEqual({ blue: 10 });
    } finally {
      green.set({ mode: 'ok' });
    }
  });

  test('a healthy idle colour is gated first, then takes all traffic at once, and the gate holds for step-interval after', async () => {
    const greenProbesBefore = green.total();
    const {
      result: run,
      seen,
      heldMs,
    } = await watchLink(
      runAction('blue-green-switch', {
        // Through the router: before the switch the gate goes to green's own address (nginx).
        inputs: { ...router(), 'health-url': `${nginx.url}/health`, 'step-interval': '1500ms', ...fastGate },
      }),
    );
    expect(run.code).toBe(0);
    expect(seen).toEqual(['green-0', 'green-100']);
    expect(run.outputs).toMatchObject({ active: 'green', previous: 'blue', 'rolled-back': 'false' });
    expect(run.outputs.reason).toBe('all traffic on green at once, gated before and after the switch');
    expect(green.total() - greenProbesBefore).toBeGreaterThan(2);
    expect(run.summary).toContain('### Blue-green switch (blue-green): blue → green');
    expect(run.summary).toMatch(/\| 0 \| green alone, no traffic \| healthy \|/);
    expect(run.summary).toMatch(/\| 1 \| 100% \| healthy \|/);
    expect(run.stdout).toMatch(/switch \(green 100%\): healthy/);
    expect(heldMs).toBeGreaterThanOrEqual(1500);
    expect(await sampleColours(`${nginx.url}/`, 10)).toEqual({ green: 10 });
  });

  test('a colour that breaks after the switch fails the gate that stays on, and traffic goes back at once', async () => {
    expect(readlinkSync(current)).toBe('green-100');
    try {
      const { result: run, seen } = await watchLink(
        runAction('blue-green-switch', {
          inputs: { ...router(), 'health-url': `${nginx.url}/health`, 'step-interval': '3s', ...fastGate },
        }),
        // blue breaks as soon as it takes the traffic.
        (target) => target === 'green-0' && blue.set({ mode: 'failing' }),
      );
      expect(seen).toEqual(['green-100', 'green-0', 'green-100']);
      expect(run.code).toBe(1);
      expect(run.outputs).toMatchObject({ active: 'green', previous: 'blue', 'rolled-back': 'true' });
      expect(run.outputs.reason).toMatch(
        /^switch \(blue 100%\): 2 failed checks in a row; .*; traffic is back on green$/,
      );
      expect(await sampleColours(`${nginx.url}/`, 10)).toEqual({ green: 10 });
    } finally {
      blue.set({ mode: 'ok' });
    }
  });
});

describe('deploy.strategy in the config, through the CLI', () => {
  function project(deploy: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'da-strategy-'));
    mkdirSync(join(dir, '.github'));
    writeFileSync(
      join(dir, '.github', 'deploy-actions.yml'),
      `targets:\n  - { name: npm, type: npm, tier: 1 }
deploy:
${nginxRouterConfig({ blue, green, nginx })}  step-interval: 300ms
  health: { url: '${nginx.url}/health', interval: 100ms, success-threshold: 2, timeout: 5s }
${deploy}`,
    );
    return dir;
  }
  // Not spawnSync: the colour apps answer the gate from this process.
  const cli = (dir: string) =>
    new Promise<{ status: number; stdout: string; stderr: string }>((resolve) =>
      execFile(
        process.execPath,
        [join(ROOT, 'bin', 'deploy-actions.js'), 'switch', '--json'],
        { cwd: dir, env: { PATH: process.env.PATH, HOME: process.env.HOME } },
        (error, stdout, stderr) => resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      ),
    );

  test('canary walks the steps with the gate at each', async () => {
    expect(readlinkSync(current)).toBe('green-100');
    const run = await cli(project('  strategy: canary\n  steps: [10, 50, 100]\n'));
    expect([run.status, run.status ? run.stderr : '']).toEqual([0, '']);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ strategy: 'canary', active: 'blue', healthy: true });
    expect(out.changes).toEqual([
      'nginx: green -> blue 10% / green 90% (no reload)',
      'nginx: blue 10% / green 90% -> blue 50% / green 50% (no reload)',
      'nginx: blue 50% / green 50% -> blue (no reload)',
    ]);
    expect(run.stderr.match(/step \d\/3 \(blue \d+%\): healthy/g)).toHaveLength(3);
  });

  test('blue-green does not walk the steps (it says so) and gates the idle colour first', async () => {
    expect(readlinkSync(current)).toBe('green-0');
    const run = await cli(project('  strategy: blue-green\n  steps: [10, 50, 100]\n'));
    expect([run.status, run.status ? run.stderr : '']).toEqual([0, '']);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ strategy: 'blue-green', active: 'green', healthy: true });
    expect(out.changes).toEqual(['nginx: blue -> green (no reload)']);
    expect(run.stderr).toContain('deploy.steps (10, 50, 100) are not walked');
    expect(run.stderr).toMatch(/green before the switch \(no traffic\): healthy/);
  });
});
