/**
 * health-gate through its bundle, against real HTTP services that are healthy, slow, failing
 * or flapping, and a real Prometheus scraping one of them.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { runAction, userErrorShape } from '../harness/run-action.js';
import { startPrometheus, type RunningPrometheus } from '../harness/prometheus.js';
import { startColourApp, type ColourApp } from '../servers/colour-app.js';

let good: ColourApp;
let slow: ColourApp;
let failing: ColourApp;
let flapping: ColourApp;
let metrics: ColourApp;
let prometheus: RunningPrometheus;

beforeAll(async () => {
  [good, slow, failing, flapping, metrics] = await Promise.all([
    startColourApp('green'),
    startColourApp('green', { mode: 'slow', delayMs: 300 }),
    startColourApp('green', { mode: 'failing', failStatus: 503 }),
    startColourApp('green', { mode: 'flapping' }),
    startColourApp('green'),
  ]);
  prometheus = await startPrometheus([metrics.address]);
});

afterAll(async () => {
  await prometheus?.stop();
  await Promise.all([good, slow, failing, flapping, metrics].map((app) => app?.stop()));
});

const gate = (inputs: Record<string, string>) =>
  runAction('health-gate', { inputs: { interval: '150ms', ...inputs }, timeoutMs: 40_000 });

describe('health-gate', () => {
  test('a healthy service passes after success-threshold good checks, with outputs and a probe history', async () => {
    const run = await gate({
      url: `${good.url}/health`,
      'success-threshold': '3',
      'expect-body': '$.status=ok',
    });
    expect(run.code).toBe(0);
    expect(run.outputs.healthy).toBe('true');
    expect(run.outputs.checks).toBe('3');
    expect(run.outputs['error-rate']).toBe('0');
    expect(Number(run.outputs['p95-ms'])).toBeGreaterThanOrEqual(0);
    expect(run.outputs.reason).toMatch(/3 good checks in a row/);
    expect(run.summary).toContain('### Health gate: healthy');
    expect(run.summary).toContain('Probe history (3)');
    expect(run.summary).toContain(`${good.url}/health`);
  });

  test('a failing service is unhealthy after failure-threshold bad checks: exit 1, one error naming the status', async () => {
    const run = await gate({ url: `${failing.url}/health`, 'failure-threshold': '3' });
    expect(run.code).toBe(1);
    expect(run.outputs.healthy).toBe('false');
    expect(run.outputs.checks).toBe('3');
    expect(run.outputs['error-rate']).toBe('1');
    expect(run.outputs.reason).toMatch(/3 failed checks in a row; last: .*HTTP 503, expected 200-299/);
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toContain('HTTP 503');
  });

  test('a service that slows down fails on max-p95 over the window', async () => {
    const run = await gate({ url: `${slow.url}/health`, 'max-p95': '200ms', timeout: '20s' });
    expect(run.code).toBe(1);
    expect(run.outputs.reason).toMatch(
      /p95 latency \d+ ms over the last .* \(5 probes\) is above max-p95 200 ms/,
    );
    expect(Number(run.outputs['p95-ms'])).toBeGreaterThanOrEqual(300);
  });

  test('a flapping service fails on max-error-rate, and never passes without it', async () => {
    // One after the other: the service alternates per request it serves.
    const rate = await gate({ url: `${flapping.url}/health`, 'max-error-rate': '20%' });
    const plain = await gate({ url: `${flapping.url}/`, timeout: '1500ms' });
    expect(rate.code).toBe(1);
    expect(rate.outputs.reason).toMatch(/error rate \d+% over the last .* is above max-error-rate 20%/);
    expect(plain.code).toBe(1);
    expect(plain.outputs.reason).toMatch(/not healthy within 1\.5s; last failure: .*HTTP 500/);
  });

  test('every URL must be good; fail-on-unhealthy: false only reports', async () => {
    const run = await gate({
      url: `${good.url}/health\n${failing.url}/health`,
      'fail-on-unhealthy': 'false',
      'failure-threshold': '2',
    });
    expect(run.code).toBe(0);
    expect(run.outputs.healthy).toBe('false');
    expect(run.outputs.checks).toBe('4');
    expect(run.outputs.reason).toContain(failing.url);
    expect(run.annotations.filter((a) => a.level === 'error')).toHaveLength(0);
  });

  test('expect-body checks a JSON field or a regular expression', async () => {
    const [wrongColour, regex] = await Promise.all([
      gate({ url: good.url, 'expect-body': '$.colour=blue', 'failure-threshold': '1' }),
      gate({ url: good.url, 'expect-body': '"version":"1\\.0\\.\\d+"', 'success-threshold': '1' }),
    ]);
    expect(wrongColour.code).toBe(1);
    expect(wrongColour.outputs.reason).toContain('$.colour is green, not blue');
    expect(regex.code).toBe(0);
  });

  test('a Prometheus query gates health: no data yet is waited for, a bad value fails', async () => {
    // A live query of the app's own metric: healthy once Prometheus has scraped it.
    const query = `app_up{colour="green"}`;
    const healthy = await gate({
      'prometheus-url': prometheus.url,
      'prometheus-query': query,
      'min-value': '1',
      interval: '500ms',
      'success-threshold': '2',
      timeout: '25s',
    });
    expect(healthy.code).toBe(0);
    expect(healthy.outputs.reason).toMatch(/2 good checks in a row/);
    metrics.set({ mode: 'failing' });
    await waitFor(async () => (await prometheus.query(query))[0] === 0);
    const unhealthy = await gate({
      'prometheus-url': prometheus.url,
      'prometheus-query': query,
      'min-value': '1',
      'failure-threshold': '2',
    });
    expect(unhealthy.code).toBe(1);
    expect(unhealthy.outputs.reason).toMatch(
      /2 failed checks in a row; last: prometheus: value 0 is below min-value 1/,
    );
    const refused = await gate({
      'prometheus-url': prometheus.url,
      'prometheus-query': 'sum(',
      'max-value': '1',
    });
    expect(userErrorShape(refused)).toEqual({ code: 1, errors: 1, stack: false });
    expect(refused.annotations[0].message).toMatch(
      /Invalid input 'prometheus-query': "sum\(" was refused by Prometheus/,
    );
  });

  test.each([
    [{ url: 'ftp://example.com/' }, /Invalid input 'url': "ftp:\/\/example.com\/" is not an http\(s\) URL/],
    [{ url: 'http://127.0.0.1:1/', interval: 'soon' }, /Invalid input 'interval': "soon" is not a duration/],
    [
      { url: 'http://127.0.0.1:1/', 'max-error-rate': '150%' },
      /Invalid input 'max-error-rate': "150%" is over 100%/,
    ],
    [
      { url: 'http://127.0.0.1:1/', 'expect-status': '200-1xx' },
      /Invalid input 'expect-status': "200-1xx" is not a status/,
    ],
    [{}, /Invalid input 'url': required and not supplied/],
    [{ 'prometheus-query': 'up' }, /Invalid input 'prometheus-url': required/],
  ])('bad input %p is one clear error naming the input, before any probe', async (inputs, message) => {
    const run = await gate(inputs);
    expect(userErrorShape(run)).toEqual({ code: 1, errors: 1, stack: false });
    expect(run.annotations[0].message).toMatch(message);
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}
