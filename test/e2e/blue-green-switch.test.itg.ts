/**
 * blue-green-switch through its bundle: Debian nginx in front of two node colour services
 * under wrk load, a symlink and a command router on the real filesystem, and the kubernetes
 * router through a kubectl stand-in that records its argv and applies the patches to a
 * Service object with the real kubectl (--local).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { which } from '@deploy-actions/action-kit/exec';
import { runAction, userErrorShape } from '../harness/run-action.js';
import { sampleColours, startNginx, type RunningNginx } from '../harness/nginx.js';
import { runWrk } from '../harness/wrk.js';
import type { ColourApp } from '../servers/colour-app.js';
import { nginxRouterInputs, startColourNginx, type ColourNginx } from '../harness/colour-nginx.js';

let blue: ColourApp;
let green: ColourApp;
let nginx: RunningNginx;
let colours: ColourNginx | undefined;

beforeAll(async () => {
  colours = await startColourNginx();
  ({ blue, green, nginx } = colours);
});

afterAll(async () => {
  await colours?.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function nginxInputs(extra: Record<string, string> = {}) {
  return {
    ...nginxRouterInputs({ blue, green, nginx }),
    interval: '250ms',
    'success-threshold': '2',
    'failure-threshold': '3',
    ...extra,
  };
}

describe('blue-green-switch with nginx', () => {
  test('a 3-step switch (10, 50, 100) under wrk -c50 loses no request and ends on the new colour', async () => {
    const load = runWrk(`${nginx.url}/`, { connections: 50, durationS: 7 });
    await sleep(1000);
    const servedBefore = green.total();
    const workers = await nginx.workers();
    const run = await runAction('blue-green-switch', {
      inputs: nginxInputs({
        to: 'inactive',
        steps: '10,50,100',
        'step-interval': '1s',
        'health-url': `${green.url}/health`,
      }),
    });
    const wrk = await load;
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ active: 'green', previous: 'blue', 'rolled-back': 'false' });
    expect(wrk.requests).toBeGreaterThan(1000);
    expect({ lost: wrk.lost, socketErrors: wrk.socketErrors, non2xx: wrk.non2xx }).toEqual({
      lost: 0,
      socketErrors: { connect: 0, read: 0, write: 0, timeout: 0 },
      non2xx: 0,
    });
    expect(green.total() - servedBefore).toBeGreaterThan(100);
    expect(await sampleColours(`${nginx.url}/`, 20)).toEqual({ green: 20 });
    expect(run.summary).toContain('### Blue-green switch (canary): blue → green');
    expect(run.summary).toMatch(/\| 1 \| 10% \| healthy \|[\s\S]*\| 3 \| 100% \| healthy \|/);
    expect(run.summary).toContain('(no reload)');
    expect(await nginx.workers()).toEqual(workers);
  });

  test('a broken new colour fails the gate at its first step and traffic is back on the old one at once', async () => {
    blue.set({ mode: 'failing' });
    try {
      const run = await runAction('blue-green-switch', {
        inputs: nginxInputs({
          to: 'inactive',
          steps: '10,50,100',
          'step-interval': '1s',
          'health-url': `${blue.url}/health`,
        }),
      });
      expect(run.code).toBe(1);
      expect(run.outputs).toMatchObject({ active: 'green', previous: 'blue', 'rolled-back': 'true' });
      expect(run.outputs.reason).toMatch(
        /^step 1\/3 \(blue 10%\): 3 failed checks in a row; last: .*HTTP 500.*; traffic is back on green$/,
      );
      const errors = run.annotations.filter((a) => a.level === 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0].title).toBe('Rolled back to green');
      expect(readlinkSync(join(nginx.confDir, 'app-upstream.route', 'current'))).toBe('green-100');
      expect(await sampleColours(`${nginx.url}/`, 20)).toEqual({ green: 20 });
      expect(run.summary).toContain('Probes of the failed step');
    } finally {
      blue.set({ mode: 'ok' });
    }
  });

  test('to: a colour that already has all traffic changes nothing', async () => {
    const run = await runAction('blue-green-switch', { inputs: nginxInputs({ to: 'green' }) });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ active: 'green', previous: 'green', 'rolled-back': 'false' });
    expect(run.outputs.reason).toBe('green already has all traffic');
  });

  test('an nginx whose server block does not use the route is refused by nginx -t: its files are put back, nothing moves', async () => {
    const classic = await startNginx({ blue: blue.address, green: green.address, mode: 'naive' });
    try {
      const before = readFileSync(classic.upstreamFile, 'utf8');
      const run = await runAction('blue-green-switch', {
        inputs: {
          router: 'nginx',
          'upstream-file': classic.upstreamFile,
          blue: blue.address,
          green: green.address,
          'reload-command': classic.reloadCommand.join(' '),
          'test-command': classic.testCommand.join(' '),
          'step-interval': '0s',
        },
      });
      expect(userErrorShape(run)).toEqual({ code: 1, errors: 1, stack: false });
      expect(run.annotations[0].message).toMatch(
        /Invalid input 'upstream-file': nginx refused the configuration written to .*app-upstream.conf/,
      );
      expect(run.annotations[0].message).toContain('app_naive');
      expect(run.annotations[0].message).toContain('the previous files were put back');
      expect(readFileSync(classic.upstreamFile, 'utf8')).toBe(before);
      expect(await sampleColours(`${classic.url}/`, 10)).toEqual({ blue: 10 });
    } finally {
      await classic.stop();
    }
  });

  test.each([
    [
      { router: 'traefik' },
      /Invalid input 'router': "traefik" is not one of the accepted values.*nginx, kubernetes, symlink, command/,
    ],
    [{ steps: '50,10,100' }, /Invalid input 'steps': "50,10,100" is not increasing \(50 then 10\)/],
    [{ steps: '10,150' }, /Invalid input 'steps': "150" is not a percentage from 1 to 100/],
    [{ 'step-interval': 'a while' }, /Invalid input 'step-interval': "a while" is not a duration/],
    [{ 'health-url': 'localhost:8080/health' }, /Invalid input 'health-url': .* is not an http\(s\) URL/],
    [{ interval: '2 hours' }, /Invalid input 'interval': "2 hours" is not a duration/],
    [{ 'upstream-file': '' }, /Invalid input 'upstream-file': required and not supplied/],
    [
      { green: '127.0.0.1:80; include /etc/passwd' },
      /Invalid input 'green': .* is not an nginx server address/,
    ],
    [{ link: '/srv/current' }, /Invalid input 'link': is not a setting of the nginx router/],
  ])('bad input %p is one clear error naming the input, and nothing moves', async (bad, message) => {
    const before = readFileSync(nginx.upstreamFile, 'utf8');
    const run = await runAction('blue-green-switch', { inputs: { ...nginxInputs({ to: 'blue' }), ...bad } });
    expect(userErrorShape(run)).toEqual({ code: 1, errors: 1, stack: false });
    expect(run.annotations[0].message).toMatch(message);
    expect(readFileSync(nginx.upstreamFile, 'utf8')).toBe(before);
    expect(readlinkSync(join(nginx.confDir, 'app-upstream.route', 'current'))).toBe('green-100');
  });
});

describe('blue-green-switch with the symlink and command routers, for real on the filesystem', () => {
  test('symlink: the link is swapped atomically to the idle release directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'da-symlink-'));
    for (const colour of ['blue', 'green']) mkdirSync(join(dir, 'releases', colour), { recursive: true });
    symlinkSync(join(dir, 'releases', 'blue'), join(dir, 'current'));
    const inputs = {
      router: 'symlink',
      link: join(dir, 'current'),
      blue: join(dir, 'releases/blue'),
      green: join(dir, 'releases/green'),
    };
    const run = await runAction('blue-green-switch', { inputs: { ...inputs, 'step-interval': '0s' } });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ active: 'green', previous: 'blue', 'rolled-back': 'false' });
    expect(readlinkSync(join(dir, 'current'))).toBe(join(dir, 'releases', 'green'));
    const split = await runAction('blue-green-switch', { inputs: { ...inputs, steps: '10,100' } });
    expect(userErrorShape(split)).toEqual({ code: 1, errors: 1, stack: false });
    expect(split.annotations[0].message).toMatch(
      /Invalid input 'steps': "10,100" cannot be used with the symlink router/,
    );
  });

  test('command: the user command gets {colour} {weight} {target} as single words, read-command reports the live colour', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'da-command-'));
    const script = join(dir, 'route.sh');
    // Records its arguments one per line, and the live colour and weight as read-command prints them.
    writeFileSync(
      script,
      '#!/bin/sh\nfor a in "$@"; do echo "$a"; done >> "$(dirname "$0")/calls"\necho "$1 $2" > "$(dirname "$0")/state"\n',
    );
    chmodSync(script, 0o755);
    writeFileSync(join(dir, 'state'), 'blue\n');
    const run = await runAction('blue-green-switch', {
      inputs: {
        router: 'command',
        'switch-command': `${script} {colour} {weight} "{target}"`,
        'read-command': `cat ${join(dir, 'state')}`,
        blue: 'pool blue',
        green: 'pool green; rm -rf /',
        steps: '50,100',
        'step-interval': '0s',
      },
    });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ active: 'green', previous: 'blue', 'rolled-back': 'false' });
    expect(readFileSync(join(dir, 'calls'), 'utf8')).toBe(
      'green\n50\npool green; rm -rf /\ngreen\n100\npool green; rm -rf /\n',
    );
    expect(readFileSync(join(dir, 'state'), 'utf8')).toBe('green 100\n');
  });
});

describe('blue-green-switch with kubernetes (no API server can run here: checked by the kubectl argv it runs and the Service it patches, applied with the real kubectl --local)', () => {
  let dir: string;
  beforeAll(async () => {
    // The real client (kubectl --local needs no cluster), found before the stand-in shadows it.
    const kubectl = await which('kubectl');
    if (!kubectl)
      throw new Error('these tests need the kubectl client on PATH (it runs offline with --local)');
    dir = mkdtempSync(join(tmpdir(), 'da-kubectl-'));
    writeFileSync(
      join(dir, 'service.json'),
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'app', namespace: 'prod' },
        spec: { selector: { app: 'web', 'app.kubernetes.io/colour': 'blue' }, ports: [{ port: 80 }] },
      }),
    );
    // kubectl stand-in: logs argv, answers `get service` and applies `patch service` to service.json with the real client.
    writeFileSync(
      join(dir, 'kubectl'),
      `#!/usr/bin/env node
const { appendFileSync, writeFileSync } = require('node:fs');
const { execFileSync } = require('node:child_process');
const args = process.argv.slice(2);
appendFileSync(${JSON.stringify(join(dir, 'argv.log'))}, JSON.stringify(args) + '\\n');
const rest = args.slice(args.indexOf('prod') + 1);
const state = ${JSON.stringify(join(dir, 'service.json'))};
const local = (more) => execFileSync(${JSON.stringify(kubectl)}, ['patch', '--local', '-f', state, '--type', 'merge', ...more], { encoding: 'utf8' });
if (rest[0] === 'get') process.stdout.write(local(['-p', '{}', '-o', rest[4]]));
else if (rest[0] === 'patch') writeFileSync(state, local(['-p', rest[rest.indexOf('-p') + 1], '-o', 'json']));
else process.exit(3);
`,
    );
    chmodSync(join(dir, 'kubectl'), 0o755);
  });

  test('service mode: reads the selector, patches it to the idle colour', async () => {
    const run = await runAction('blue-green-switch', {
      inputs: {
        router: 'kubernetes',
        service: 'app',
        namespace: 'prod',
        context: 'staging',
        'selector-key': 'app.kubernetes.io/colour',
        'step-interval': '0s',
      },
      env: { PATH: `${dir}:${process.env.PATH}` },
    });
    expect(run.stdout + run.stderr).not.toMatch(/failed/);
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ active: 'green', previous: 'blue', 'rolled-back': 'false' });
    const calls = readFileSync(join(dir, 'argv.log'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const base = ['--context', 'staging', '--namespace', 'prod'];
    expect(calls).toEqual([
      [...base, 'get', 'service', 'app', '-o', 'jsonpath={.spec.selector.app\\.kubernetes\\.io/colour}'],
      [...base, 'get', 'service', 'app', '-o', 'jsonpath={.spec.selector.app\\.kubernetes\\.io/colour}'],
      [
        ...base,
        'patch',
        'service',
        'app',
        '--type',
        'merge',
        '-p',
        '{"spec":{"selector":{"app.kubernetes.io/colour":"green"}}}',
      ],
    ]);
    const service = JSON.parse(readFileSync(join(dir, 'service.json'), 'utf8'));
    expect(service.spec.selector).toEqual({ app: 'web', 'app.kubernetes.io/colour': 'green' });
  });
});
