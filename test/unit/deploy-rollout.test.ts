/**
 * The stepped rollout on a command router whose commands are recorded (the live colour is
 * whatever the last switch command set) and a health endpoint that answers from a script.
 */
import { describe, expect, test } from '@jest/globals';
import { TransientHttpError, type HttpClient } from '@deploy-actions/action-kit/http';
import { MemoryReporter } from '@deploy-actions/action-kit/log';
import type { ExecResult } from '@deploy-actions/action-kit/exec';
import { parseHealthSettings } from '@deploy-actions/deploy/health-settings';
import { parseRouterSettings, type ExecFn } from '@deploy-actions/deploy/router/index';
import { rollout, type RolloutOptions } from '@deploy-actions/deploy/switch';

/** A load balancer CLI stand-in: `lb set <colour> <weight>` and `lb status`. */
function fakeBalancer(initial: string | undefined, failOn?: string) {
  let state = initial;
  const calls: string[] = [];
  const exec: ExecFn = async (command, args) => {
    const line = [command, ...args].join(' ');
    calls.push(line);
    const result: ExecResult = {
      command,
      args,
      code: 0,
      signal: null,
      stdout: '',
      stderr: '',
      timedOut: false,
    };
    if (line === failOn) return { ...result, code: 1, stderr: 'backend pool is locked' };
    if (args[0] === 'set') state = `${args[1]} ${args[2]}`;
    if (args[0] === 'status') return { ...result, stdout: `${state}\n` };
    return result;
  };
  return { exec, calls, state: () => state };
}

/** Health answers: healthy until `failAfter` probes, then 503. */
function health(failAfter = Infinity): Pick<HttpClient, 'request'> {
  let probes = 0;
  return {
    async request(req) {
      if (++probes > failAfter) throw new TransientHttpError(String(req.url), 'HTTP 503', 1, 503);
      const body = Buffer.from('ok');
      return {
        status: 200,
        ok: true,
        headers: new Headers(),
        url: String(req.url),
        body,
        text: () => 'ok',
        json: () => ({}) as never,
      };
    },
  };
}

function options(overrides: Partial<RolloutOptions> = {}, readCommand = 'lb status'): RolloutOptions {
  return {
    router: parseRouterSettings({
      type: 'command',
      'switch-command': 'lb set {colour} {weight}',
      'read-command': readCommand,
    }),
    to: 'inactive',
    steps: [10, 50, 100],
    stepIntervalMs: 0,
    health: parseHealthSettings({
      url: 'http://app/health',
      interval: '100ms',
      'success-threshold': '1',
      'failure-threshold': '2',
    }),
    autoRollback: true,
    ...overrides,
  };
}

const switches = (calls: string[]) => calls.filter((c) => c.startsWith('lb set'));

describe('rollout', () => {
  test('moves traffic to the idle colour step by step, each step behind the gate', async () => {
    const lb = fakeBalancer('blue');
    const result = await rollout(options(), {
      reporter: new MemoryReporter(),
      http: health(),
      exec: lb.exec,
    });
    expect(result).toMatchObject({
      active: 'green',
      previous: 'blue',
      target: 'green',
      rolledBack: false,
      healthy: true,
    });
    expect(result.reason).toBe('all traffic on green after 3 steps');
    expect(switches(lb.calls)).toEqual(['lb set green 10', 'lb set green 50', 'lb set green 100']);
    expect(result.steps.map((s) => [s.weight, s.health?.healthy])).toEqual([
      [10, true],
      [50, true],
      [100, true],
    ]);
  });

  test('a failed gate puts traffic back exactly where it was, at once', async () => {
    const lb = fakeBalancer('blue 80');
    const result = await rollout(options(), {
      reporter: new MemoryReporter(),
      http: health(1),
      exec: lb.exec,
    });
    expect(result).toMatchObject({
      active: 'blue',
      previous: 'green',
      target: 'green',
      rolledBack: true,
      healthy: false,
    });
    expect(result.reason).toMatch(
      /^step 2\/3 \(green 50%\): 2 failed checks in a row; .*HTTP 503.*; traffic is back on blue 80% \/ green 20%$/,
    );
    expect(switches(lb.calls)).toEqual(['lb set green 10', 'lb set green 50', 'lb set blue 80']);
    expect(result.changes.at(-1)).toBe('rollback: command: lb set blue 80 (blue 80% / green 20%)');
  });

  test('without auto-rollback the failed step stays and the result says so', async () => {
    const lb = fakeBalancer('green');
    const result = await rollout(options({ autoRollback: false }), {
      reporter: new MemoryReporter(),
      http: health(0),
      exec: lb.exec,
    });
    expect(result).toMatchObject({
      active: 'green',
      previous: 'green',
      target: 'blue',
      rolledBack: false,
      healthy: false,
    });
    expect(switches(lb.calls)).toEqual(['lb set blue 10']);
  });

  test('without a gate, steps are held for step-interval, but not after the last one', async () => {
    const lb = fakeBalancer('blue');
    const sleeps: number[] = [];
    const result = await rollout(options({ health: undefined, stepIntervalMs: 30_000 }), {
      reporter: new MemoryReporter(),
      http: health(),
      exec: lb.exec,
      sleep: async (ms) => void sleeps.push(ms),
    });
    expect(result.healthy).toBe(true);
    expect(sleeps).toEqual([30_000, 30_000]);
  });

  test('a step that cannot be applied rolls back what was moved; the result says where traffic is and names the command', async () => {
    const lb = fakeBalancer('blue', 'lb set green 50');
    const result = await rollout(options(), {
      reporter: new MemoryReporter(),
      http: health(),
      exec: lb.exec,
    });
    expect(switches(lb.calls)).toEqual(['lb set green 10', 'lb set green 50', 'lb set blue 100']);
    expect(result).toMatchObject({ active: 'blue', previous: 'green', rolledBack: true, healthy: false });
    expect(result.reason).toBe(
      'step 2/3 (green 50%): the router could not apply it: `lb set green 50` exited with code 1: backend pool is locked; traffic is back on blue',
    );
    expect(result.failure?.message).toBe(result.reason);
    expect(result.failure?.hint).toMatch(/Run the command by hand/);
  });

  test('when putting traffic back fails too, the result says so and where traffic is now', async () => {
    const lb = fakeBalancer('blue', 'lb set green 50');
    const exec: ExecFn = async (command, args, opts) =>
      [command, ...args].join(' ') === 'lb set blue 100'
        ? { command, args, code: 2, signal: null, stdout: '', stderr: 'no route', timedOut: false }
        : lb.exec(command, args, opts);
    const result = await rollout(options(), { reporter: new MemoryReporter(), http: health(), exec });
    expect(result).toMatchObject({ active: 'blue', rolledBack: false, healthy: false });
    expect(result.reason).toMatch(
      /putting traffic back failed too \(`lb set blue 100` exited with code 2: no route\): traffic is on blue 90% \/ green 10%$/,
    );
  });

  test('a credential in a failing command is not in the reason', async () => {
    const lb = fakeBalancer('blue', 'lb set green 100 --token=s3cr3t-value https://u:pw-secret@lb.internal/');
    const router = parseRouterSettings({
      type: 'command',
      'switch-command': 'lb set {colour} {weight} --token=s3cr3t-value https://u:pw-secret@lb.internal/',
      'read-command': 'lb status',
    });
    const result = await rollout(
      { ...options({ steps: [100] }), router },
      { reporter: new MemoryReporter(), http: health(), exec: lb.exec },
    );
    expect(result.failure).toBeDefined();
    expect(result.reason).not.toMatch(/s3cr3t|pw-secret/);
    expect(result.reason).toContain('--token=***');
  });

  test('to: inactive needs a router that can tell the live colour; a named colour does not', async () => {
    const blind = fakeBalancer(undefined);
    const router = parseRouterSettings({ type: 'command', 'switch-command': 'lb set {colour} {weight}' });
    const blindResult = await rollout(
      { ...options(), router },
      { reporter: new MemoryReporter(), http: health(), exec: blind.exec },
    );
    expect(blindResult.failure?.message).toMatch(
      /Invalid input 'to': is inactive, but command lb set .* does not say which colour is live; nothing moved$/,
    );
    expect(blind.calls).toEqual([]);
    const named = await rollout(
      { ...options({ to: 'green', steps: [100] }), router },
      { reporter: new MemoryReporter(), http: health(), exec: blind.exec },
    );
    expect(named).toMatchObject({ active: 'green', previous: '', rolledBack: false });
  });

  test('a router that cannot split refuses partial steps before touching anything', async () => {
    const lb = fakeBalancer('blue');
    const router = parseRouterSettings({
      type: 'command',
      'switch-command': 'lb set {colour}',
      'read-command': 'lb status',
    });
    await expect(
      rollout({ ...options(), router }, { reporter: new MemoryReporter(), http: health(), exec: lb.exec }),
    ).rejects.toThrow(
      /Invalid input 'steps': "10,50,100" cannot be used with the command router: switch-command has no \{weight\} placeholder/,
    );
    expect(lb.calls).toEqual([]);
  });
});
