/**
 * The gate's decisions, on a scripted HTTP client and a fake clock: each scripted answer is
 * one probe, each sleep moves the clock.
 */
import { describe, expect, test } from '@jest/globals';
import { TransientHttpError, type HttpClient, type HttpRequest } from '@deploy-actions/action-kit/http';
import { MemoryReporter } from '@deploy-actions/action-kit/log';
import { runHealthGate, type HealthOptions } from '@deploy-actions/deploy/health';
import { parseHealthSettings } from '@deploy-actions/deploy/health-settings';

type Answer = number | 'refused' | 'timeout' | { status: number; body: string };

function scripted(answers: Answer[] | ((url: string, i: number) => Answer)) {
  const requests: HttpRequest[] = [];
  const http: Pick<HttpClient, 'request'> = {
    async request(req) {
      requests.push(req);
      const i = requests.length - 1;
      const answer =
        typeof answers === 'function'
          ? answers(String(req.url), i)
          : answers[Math.min(i, answers.length - 1)];
      if (answer === 'refused')
        throw new TransientHttpError(String(req.url), 'network error ECONNREFUSED', 1);
      if (answer === 'timeout') throw new TransientHttpError(String(req.url), 'timeout', 1);
      const { status, body } =
        typeof answer === 'number' ? { status: answer, body: '{"status":"ok"}' } : answer;
      if (status >= 500) throw new TransientHttpError(String(req.url), `HTTP ${status}`, 1, status);
      const buffer = Buffer.from(body);
      return {
        status,
        ok: status < 400,
        headers: new Headers(),
        url: String(req.url),
        body: buffer,
        text: () => body,
        json: <T>() => JSON.parse(body) as T,
      };
    },
  };
  return { http, requests };
}

function clock() {
  let now = 0;
  return { now: () => now, sleep: async (ms: number) => void (now += ms), at: () => now };
}

const options = (raw: Record<string, string>): HealthOptions =>
  parseHealthSettings({ url: 'http://app/health', interval: '1s', ...raw })!;

describe('runHealthGate', () => {
  test('healthy after success-threshold good rounds; probes are sent without retries and with the probe timeout', async () => {
    const { http, requests } = scripted([200]);
    const time = clock();
    const result = await runHealthGate(options({ 'success-threshold': '3', 'probe-timeout': '750ms' }), {
      http,
      reporter: new MemoryReporter(),
      ...time,
    });
    expect(result).toMatchObject({ healthy: true, checks: 3, rounds: 3, errorRate: 0 });
    expect(result.reason).toMatch(/^3 good checks in a row; error rate 0\.0%, p95 \d+ ms$/);
    expect(requests.every((r) => r.retries === 0 && r.timeoutMs === 750)).toBe(true);
    expect(time.at()).toBe(2000);
  });

  test('a failure resets the good streak; failure-threshold bad rounds in a row fail it, naming the last failure', async () => {
    const { http } = scripted([200, 200, 500, 200, 'refused', 'refused', 'timeout']);
    const result = await runHealthGate(options({ 'success-threshold': '3', 'failure-threshold': '3' }), {
      http,
      reporter: new MemoryReporter(),
      ...clock(),
    });
    expect(result.healthy).toBe(false);
    expect(result.checks).toBe(7);
    expect(result.reason).toBe('3 failed checks in a row; last: http://app/health: no answer within 5000 ms');
    expect(result.probes.map((p) => p.detail)).toEqual([
      'HTTP 200',
      'HTTP 200',
      'HTTP 500, expected 200-299',
      'HTTP 200',
      'network error ECONNREFUSED',
      'network error ECONNREFUSED',
      'no answer within 5000 ms',
    ]);
  });

  test('the error rate over the window fails it once the window holds enough probes', async () => {
    const { http } = scripted((_url, i) => (i % 3 === 2 ? 503 : 200));
    const result = await runHealthGate(
      options({ 'success-threshold': '10', 'max-error-rate': '20%', window: '10s' }),
      { http, reporter: new MemoryReporter(), ...clock() },
    );
    expect(result.healthy).toBe(false);
    expect(result.checks).toBe(6);
    expect(result.errorRate).toBeCloseTo(1 / 3);
    expect(result.reason).toBe('error rate 33% over the last 5s (6 probes) is above max-error-rate 20%');
  });

  test('no verdict before the minimum duration (a held step), but failures still end it early', async () => {
    const time = clock();
    const held = await runHealthGate(options({ 'success-threshold': '1' }), {
      http: scripted([200]).http,
      reporter: new MemoryReporter(),
      minDurationMs: 4000,
      ...time,
    });
    expect(held.healthy).toBe(true);
    expect(held.checks).toBe(5);
    expect(time.at()).toBe(4000);
    const early = await runHealthGate(options({ 'failure-threshold': '2' }), {
      http: scripted([200, 500, 500]).http,
      reporter: new MemoryReporter(),
      minDurationMs: 60000,
      ...clock(),
    });
    expect(early).toMatchObject({ healthy: false, checks: 3 });
  });

  test('never healthy before the timeout is unhealthy', async () => {
    const time = clock();
    const result = await runHealthGate(
      options({ timeout: '5s', 'success-threshold': '3', 'failure-threshold': '3' }),
      {
        http: scripted((_url, i) => (i % 2 ? 500 : 200)).http,
        reporter: new MemoryReporter(),
        ...time,
      },
    );
    expect(result.healthy).toBe(false);
    expect(result.reason).toBe(
      'not healthy within 5s; last failure: http://app/health: HTTP 500, expected 200-299',
    );
    expect(result.checks).toBe(6);
  });

  test('every URL of a round must be good', async () => {
    const { http } = scripted((url) => (url.includes('b.') ? 404 : 200));
    const gate = parseHealthSettings({
      url: 'http://a.example/health, http://b.example/health',
      interval: '1s',
      'failure-threshold': '2',
    })!;
    const result = await runHealthGate(gate, { http, reporter: new MemoryReporter(), ...clock() });
    expect(result).toMatchObject({ healthy: false, checks: 4, errorRate: 0.5 });
    expect(result.reason).toContain('http://b.example/health: HTTP 404');
  });

  test('Prometheus: no data is pending (neither good nor bad), values are judged, a refused query stops at once', async () => {
    const prom = (values: string[] | 'error') => ({
      status: values === 'error' ? 400 : 200,
      body: JSON.stringify(
        values === 'error'
          ? { status: 'error', errorType: 'bad_data', error: 'parse error at char 5' }
          : {
              status: 'success',
              data: { resultType: 'vector', result: values.map((v) => ({ metric: {}, value: [0, v] })) },
            },
      ),
    });
    const gate = parseHealthSettings({
      'prometheus-url': 'http://prom:9090',
      'prometheus-query': 'sum(rate(errors[1m]))',
      'max-value': '0.5',
      interval: '1s',
      'success-threshold': '2',
      'failure-threshold': '2',
    })!;
    const answers = [prom([]), prom([]), prom(['0.1']), prom(['0.2'])];
    const { http, requests } = scripted(answers);
    const healthy = await runHealthGate(gate, { http, reporter: new MemoryReporter(), ...clock() });
    expect(healthy).toMatchObject({ healthy: true, checks: 4 });
    expect(healthy.probes.map((p) => p.detail)).toEqual([
      'no data yet',
      'no data yet',
      'value 0.1',
      'value 0.2',
    ]);
    expect(String(requests[0].url)).toBe('http://prom:9090/api/v1/query?query=sum(rate(errors%5B1m%5D))');
    const high = await runHealthGate(gate, {
      http: scripted([prom(['0.9'])]).http,
      reporter: new MemoryReporter(),
      ...clock(),
    });
    expect(high.reason).toBe('2 failed checks in a row; last: prometheus: value 0.9 is above max-value 0.5');
    await expect(
      runHealthGate(gate, {
        http: scripted([prom('error')]).http,
        reporter: new MemoryReporter(),
        ...clock(),
      }),
    ).rejects.toThrow(
      /Invalid input 'prometheus-query': "sum\(rate\(errors\[1m\]\)\)" was refused by Prometheus: parse error at char 5/,
    );
    const silent = await runHealthGate(
      { ...gate, timeoutMs: 3000 },
      { http: scripted([prom([])]).http, reporter: new MemoryReporter(), ...clock() },
    );
    expect(silent.reason).toBe('not healthy within 3s; Prometheus had no data');
  });
});
