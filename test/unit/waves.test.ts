/**
 * The wave scheduler shared by the npm and cargo publishers: when a package starts, how many
 * run at once, what a failure holds back, and what the report says.
 */
import { describe, expect, test } from '@jest/globals';
import {
  concurrencySetting,
  defaultConcurrency,
  failureReport,
  findCycle,
  runWaves,
  waveOrder,
  wavesOf,
} from '../../packages/targets/src/waves.js';

const node = (name: string, ...dependsOn: string[]) => ({ name, dependsOn });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('runWaves', () => {
  test('a package starts as soon as its own dependencies are done, not when the whole wave ends', async () => {
    // a is slow, b is fast; c needs only b: it must not wait for a.
    const graph = [node('a'), node('b'), node('c', 'b'), node('d', 'a')];
    const started: Record<string, number> = {};
    const t0 = Date.now();
    const outcomes = await runWaves(graph, {
      concurrency: 4,
      run: async (n) => {
        started[n.name] = Date.now() - t0;
        await sleep(n.name === 'a' ? 300 : 20);
        return n.name;
      },
    });
    expect(outcomes.map((o) => o.status)).toEqual(['done', 'done', 'done', 'done']);
    expect(started.c).toBeLessThan(200);
    expect(started.d).toBeGreaterThanOrEqual(290);
  });

  test('never more than `concurrency` at once', async () => {
    const graph = Array.from({ length: 10 }, (_, i) => node(`p${i}`));
    let running = 0;
    let most = 0;
    await runWaves(graph, {
      concurrency: 3,
      run: async () => {
        most = Math.max(most, ++running);
        await sleep(10);
        running--;
      },
    });
    expect(most).toBe(3);
  });

  test('a failure stops only its dependents, through any chain; the others finish', async () => {
    const graph = [
      node('core'),
      node('bad', 'core'),
      node('ok', 'core'),
      node('mid', 'bad'),
      node('top', 'mid', 'ok'),
      node('side', 'ok'),
    ];
    const ran: string[] = [];
    const blocked: string[] = [];
    const outcomes = await runWaves(graph, {
      concurrency: 2,
      run: async (n) => {
        ran.push(n.name);
        if (n.name === 'bad') throw new Error('refused');
      },
      onBlocked: (n) => blocked.push(n.name),
    });
    const by = Object.fromEntries(outcomes.map((o) => [o.node.name, o]));
    expect(ran.sort()).toEqual(['bad', 'core', 'ok', 'side']);
    expect(by.mid).toMatchObject({ status: 'blocked', blockedBy: ['bad'], wave: 3 });
    expect(by.top).toMatchObject({ status: 'blocked', blockedBy: ['bad'], wave: 4 });
    expect(by.bad).toMatchObject({ status: 'failed', wave: 2 });
    expect(blocked.sort()).toEqual(['mid', 'top']);

    const report = failureReport(outcomes, (e) => (e as Error).message)!;
    expect(report.notes).toEqual([
      'bad: failed (wave 2): refused',
      'mid: not attempted because of bad (wave 3)',
      'top: not attempted because of bad (wave 4)',
    ]);
    expect(report.message).toMatch(
      /^1 of 6 packages failed \(bad\); 2 not attempted because they need them \(mid, top\); 3 done\./,
    );
    expect(
      failureReport(
        outcomes.filter((o) => o.status === 'done'),
        String,
      ),
    ).toBeUndefined();
  });

  test('a synchronous throw is a failure like any other', async () => {
    const outcomes = await runWaves([node('a'), node('b', 'a')], {
      concurrency: 1,
      run: (n) => {
        if (n.name === 'a') throw new Error('sync');
        return Promise.resolve();
      },
    });
    expect(outcomes.map((o) => o.status)).toEqual(['failed', 'blocked']);
  });

  test('refuses a cycle instead of waiting forever', async () => {
    await expect(
      runWaves([node('a', 'b'), node('b', 'a')], { concurrency: 2, run: async () => undefined }),
    ).rejects.toThrow(/cycle: a -> b -> a/);
  });
});

describe('graph helpers', () => {
  test('waves, order and cycles', () => {
    const graph = [
      node('app', 'lib', 'util'),
      node('lib', 'util'),
      node('util'),
      node('cli', 'app'),
      node('ext', 'outside'),
    ];
    expect(Object.fromEntries(wavesOf(graph))).toEqual({ app: 3, lib: 2, util: 1, cli: 4, ext: 1 });
    expect(waveOrder(graph).map((n) => n.name)).toEqual(['util', 'ext', 'lib', 'app', 'cli']);
    expect(findCycle(graph)).toBeUndefined();
    expect(findCycle([node('x', 'y'), node('y', 'z'), node('z', 'x')])).toEqual(['x', 'y', 'z', 'x']);
    expect(findCycle([node('self', 'self')])).toBeUndefined();
  });

  test('the concurrency setting', () => {
    expect(concurrencySetting({})).toBe(defaultConcurrency());
    expect(concurrencySetting({ concurrency: '' })).toBe(defaultConcurrency());
    expect(defaultConcurrency()).toBeGreaterThanOrEqual(4);
    expect(defaultConcurrency()).toBeLessThanOrEqual(16);
    expect(concurrencySetting({ concurrency: '6' })).toBe(6);
    expect(concurrencySetting({ concurrency: 1 })).toBe(1);
    for (const bad of ['0', '-2', '1.5', 'many'])
      expect(() => concurrencySetting({ concurrency: bad })).toThrow(/Invalid input 'concurrency'/);
  });
});
