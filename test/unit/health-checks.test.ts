import { describe, expect, test } from '@jest/globals';
import { InputError } from '@deploy-actions/action-kit/errors';
import {
  bodyMismatch,
  formatStatusRanges,
  parseExpectBody,
  parseExpectStatus,
  statusMatches,
} from '@deploy-actions/deploy/health-checks';
import { parseHealthSettings } from '@deploy-actions/deploy/health-settings';
import { p95, windowStats, type Probe } from '@deploy-actions/deploy/health';
import { valueViolation } from '@deploy-actions/deploy/prometheus';

describe('expect-status', () => {
  test('codes, ranges and classes', () => {
    const ranges = parseExpectStatus('expect-status', '200-204, 301\n4xx');
    expect(formatStatusRanges(ranges)).toBe('200-204,301,400-499');
    expect([200, 204, 205, 301, 302, 404, 500].map((s) => statusMatches(ranges, s))).toEqual([
      true,
      true,
      false,
      true,
      false,
      true,
      false,
    ]);
  });

  test.each(['', '2000', '299-200', '6xx', '200-', 'ok'])('%p is refused naming the input', (raw) => {
    expect(() => parseExpectStatus('expect-status', raw)).toThrow(InputError);
    expect(() => parseExpectStatus('expect-status', raw)).toThrow(/Invalid input 'expect-status'/);
  });
});

describe('expect-body', () => {
  const body = JSON.stringify({
    status: 'ok',
    checks: [{ name: 'db', up: true }],
    'build-id': 7,
    degraded: false,
  });

  test.each([
    ['$.status=ok', undefined],
    ['$.status=down', '$.status is ok, not down'],
    ['$.checks[0].up=true', undefined],
    ['$.checks[0].name', undefined],
    ['$["build-id"]=7', undefined],
    ['$.degraded', '$.degraded is false'],
    ['$.missing', '$.missing is missing'],
    ['$.checks[3].up=true', '$.checks[3].up is missing, not true'],
    ['"status":"ok"', undefined],
    ['^\\{"status":"down"', 'body does not match /^\\{"status":"down"/'],
  ])('%s', (expectation, mismatch) => {
    expect(bodyMismatch(parseExpectBody('expect-body', expectation), body)).toBe(mismatch);
  });

  test('a JSON check on a body that is not JSON says so', () => {
    expect(bodyMismatch(parseExpectBody('expect-body', '$.status=ok'), '<html>')).toBe('body is not JSON');
  });

  test.each(['$.', '$.a b', '(unclosed'])('%p is refused naming the input', (raw) => {
    expect(() => parseExpectBody('expect-body', raw)).toThrow(/Invalid input 'expect-body'/);
  });
});

describe('window statistics', () => {
  const probe = (atMs: number, ok: boolean, latencyMs: number, timed = true): Probe => ({
    round: 1,
    atMs,
    target: 'http://x/',
    ok,
    latencyMs,
    timed,
    detail: '',
  });

  test('p95 is the nearest rank', () => {
    expect(p95([])).toBe(0);
    expect(p95([5])).toBe(5);
    expect(p95(Array.from({ length: 100 }, (_, i) => i + 1))).toBe(95);
    expect(p95(Array.from({ length: 20 }, (_, i) => i + 1))).toBe(19);
  });

  test('only probes inside the window count; refused connections count as errors but not towards latency', () => {
    const probes = [
      probe(0, false, 900),
      probe(5000, true, 10),
      probe(6000, false, 1, false),
      probe(7000, true, 30),
      prometheusProbe(7000),
    ];
    expect(windowStats(probes, 8000, 4000)).toEqual({ samples: 3, errorRate: 1 / 3, p95Ms: 30 });
    expect(windowStats(probes, 8000, 60000)).toEqual({ samples: 4, errorRate: 0.5, p95Ms: 900 });
  });

  function prometheusProbe(atMs: number): Probe {
    return { round: 1, atMs, target: 'prometheus', ok: false, latencyMs: 5, timed: false, detail: '' };
  }
});

describe('health settings', () => {
  test('defaults, and every setting parsed', () => {
    const gate = parseHealthSettings({
      url: ['http://127.0.0.1:8080/health'],
      'max-error-rate': '5%',
      'max-p95': '2s',
    })!;
    expect(gate).toMatchObject({
      urls: ['http://127.0.0.1:8080/health'],
      intervalMs: 2000,
      timeoutMs: 60000,
      windowMs: 60000,
      successThreshold: 3,
      failureThreshold: 3,
      maxErrorRate: 0.05,
      maxP95Ms: 2000,
      probeTimeoutMs: 5000,
    });
    expect(parseHealthSettings({})).toBeUndefined();
  });

  test('mistakes name the setting as the user wrote it, even when no gate would run', () => {
    const name = (key: string) => `deploy.health.${key}`;
    expect(() => parseHealthSettings({ interval: 'often' }, name)).toThrow(
      /Invalid input 'deploy.health.interval': "often" is not a duration/,
    );
    expect(() => parseHealthSettings({ url: 'http://x/', timeout: '1s', interval: '2s' }, name)).toThrow(
      /'deploy.health.timeout': "1s" is shorter than the interval/,
    );
    expect(() => parseHealthSettings({ 'prometheus-url': 'http://p:9090' }, name)).toThrow(
      /'deploy.health.prometheus-query': required/,
    );
    expect(() => parseHealthSettings({ 'max-value': '3' }, name)).toThrow(
      /'deploy.health.prometheus-query': required/,
    );
    expect(() =>
      parseHealthSettings({
        'prometheus-url': 'http://p:9090',
        'prometheus-query': 'up',
        'max-value': 'ten',
      }),
    ).toThrow(/'max-value': "ten" is not a number/);
    expect(() => parseHealthSettings({ url: 'http://x/', 'failure-threshold': '0' })).toThrow(
      /'failure-threshold': "0" is below the minimum of 1/,
    );
  });

  test('Prometheus bounds', () => {
    const check = { url: new URL('http://p:9090'), query: 'q', maxValue: 0.05, minValue: 0 };
    expect(valueViolation(check, [0, 0.01])).toBeUndefined();
    expect(valueViolation(check, [0.01, 0.2])).toBe('value 0.2 is above max-value 0.05');
    expect(valueViolation(check, [-1])).toBe('value -1 is below min-value 0');
    expect(valueViolation(check, [NaN])).toBe('the query returned NaN');
  });
});
