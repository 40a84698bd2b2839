/**
 * The health gate: probe every `interval` until `timeout`. A round (every URL, plus the
 * Prometheus query) is good when every probe is; `success-threshold` good rounds in a row make
 * it healthy, `failure-threshold` bad ones unhealthy, and so does an error rate or a p95
 * latency over the sliding `window` above its limit. A probe failure is data: probes are never
 * retried, and each has its own timeout.
 */
import { errorMessage, isUserError } from '@deploy-actions/action-kit/errors';
import { TransientHttpError, type HttpClient } from '@deploy-actions/action-kit/http';
import type { Reporter } from '@deploy-actions/action-kit/log';
import {
  bodyMismatch,
  formatStatusRanges,
  statusMatches,
  type BodyExpectation,
  type StatusRange,
} from './health-checks.js';
import { queryPrometheus, valueViolation, type PrometheusCheck } from './prometheus.js';

/** The longest an expect-body regex may run on one answer. */
export const REGEX_BUDGET_MS = 1000;

/** The window must hold this many URL probes before its error rate or p95 can fail the gate. */
export const MIN_WINDOW_PROBES = 5;

export interface HealthOptions {
  urls: string[];
  expectStatus: StatusRange[];
  expectBody?: BodyExpectation;
  intervalMs: number;
  timeoutMs: number;
  windowMs: number;
  successThreshold: number;
  failureThreshold: number;
  /** A fraction (0.05 for 5%). */
  maxErrorRate?: number;
  maxP95Ms?: number;
  probeTimeoutMs: number;
  prometheus?: PrometheusCheck;
}

export interface Probe {
  round: number;
  /** Milliseconds since the gate started. */
  atMs: number;
  target: string;
  ok: boolean;
  /** Prometheus had no sample yet: neither good nor bad. */
  pending?: boolean;
  status?: number;
  latencyMs: number;
  /** Counts towards the p95 (a response or a timeout, not a refused connection). */
  timed: boolean;
  detail: string;
}

export interface HealthResult {
  healthy: boolean;
  /** Probes sent (URLs and Prometheus queries). */
  checks: number;
  rounds: number;
  /** Failed URL probes over the window at the verdict, a fraction. */
  errorRate: number;
  p95Ms: number;
  reason: string;
  probes: Probe[];
  durationMs: number;
}

export interface GateContext {
  http: Pick<HttpClient, 'request'>;
  reporter: Reporter;
  /** Do not call it healthy before this long (the hold of a rollout step); it keeps watching meanwhile. */
  minDurationMs?: number;
  /** Prefix of log lines, e.g. "step 2/3". */
  label?: string;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Each round's figures as they come (a terminal's live line). */
  onRound?: (figures: GateRound) => void;
}

/** The gate's live figures after one round. */
export interface GateRound {
  label: string;
  round: number;
  checks: number;
  /** Good rounds in a row, and how many pass. */
  good: number;
  successThreshold: number;
  errorRate: number;
  p95Ms: number;
  elapsedMs: number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Nearest-rank 95th percentile; 0 for no samples. */
export function p95(values: number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(sorted.length * 0.95) - 1)];
}

export function windowStats(probes: Probe[], nowMs: number, windowMs: number) {
  const recent = probes.filter((p) => p.target !== 'prometheus' && p.atMs >= nowMs - windowMs);
  const failed = recent.filter((p) => !p.ok).length;
  return {
    samples: recent.length,
    errorRate: recent.length ? failed / recent.length : 0,
    p95Ms: Math.round(p95(recent.filter((p) => p.timed).map((p) => p.latencyMs))),
  };
}

async function probeUrl(
  url: string,
  options: HealthOptions,
  context: GateContext,
  round: number,
  atMs: number,
  /** What is left of the gate's time: no probe runs past it. */
  remainingMs: number,
): Promise<Probe> {
  const started = performance.now();
  const base = { round, atMs, target: url };
  const elapsed = () => Math.round(performance.now() - started);
  const probeTimeoutMs = Math.round(Math.max(10, Math.min(options.probeTimeoutMs, remainingMs)));
  let status: number;
  let body: string | undefined;
  let location: string | undefined;
  try {
    // A redirect is not health (a login page answers 200): it is judged by expect-status.
    const response = await context.http.request({
      url,
      retries: 0,
      timeoutMs: probeTimeoutMs,
      manualRedirect: true,
    });
    status = response.status;
    body = response.text();
    location = response.headers.get('location') ?? undefined;
  } catch (caught) {
    if (caught instanceof TransientHttpError && caught.status !== undefined) {
      status = caught.status; // a 5xx the client gave up on: an answer all the same
    } else {
      const reason = caught instanceof TransientHttpError ? caught.reason : errorMessage(caught);
      const timedOut = reason === 'timeout';
      return {
        ...base,
        ok: false,
        latencyMs: elapsed(),
        timed: timedOut,
        detail: timedOut ? `no answer within ${probeTimeoutMs} ms` : reason,
      };
    }
  }
  const latencyMs = elapsed();
  const probe = { ...base, status, latencyMs, timed: true };
  const redirect =
    status >= 300 && status < 400
      ? ` (a redirect${location ? ` to ${location.slice(0, 200)}` : ''}, not followed)`
      : '';
  if (!statusMatches(options.expectStatus, status))
    return {
      ...probe,
      ok: false,
      detail: `HTTP ${status}${redirect}, expected ${formatStatusRanges(options.expectStatus)}`,
    };
  // A health body matches in milliseconds; a pattern that needs more than a second (or the
  // probe's time left) is stopped, so it cannot eat the gate's timeout.
  const mismatch =
    options.expectBody &&
    bodyMismatch(options.expectBody, body ?? '', Math.min(REGEX_BUDGET_MS, probeTimeoutMs - elapsed()));
  if (mismatch) return { ...probe, ok: false, detail: mismatch };
  return { ...probe, ok: true, detail: `HTTP ${status}${redirect}` };
}

async function probePrometheus(
  check: PrometheusCheck,
  options: HealthOptions,
  context: GateContext,
  round: number,
  atMs: number,
): Promise<Probe> {
  const started = performance.now();
  const base = { round, atMs, target: 'prometheus', timed: false };
  try {
    const answer = await queryPrometheus(context.http, check, options.probeTimeoutMs);
    const latencyMs = Math.round(performance.now() - started);
    if (answer.kind === 'no-data')
      return { ...base, ok: false, pending: true, latencyMs, detail: 'no data yet' };
    const violation = valueViolation(check, answer.values);
    return { ...base, ok: !violation, latencyMs, detail: violation ?? `value ${answer.values.join(', ')}` };
  } catch (caught) {
    if (isUserError(caught)) throw caught;
    const reason = caught instanceof TransientHttpError ? caught.reason : errorMessage(caught);
    return {
      ...base,
      ok: false,
      latencyMs: Math.round(performance.now() - started),
      detail: `Prometheus: ${reason}`,
    };
  }
}

const percent = (fraction: number) => `${(fraction * 100).toFixed(fraction < 0.1 ? 1 : 0)}%`;
const seconds = (ms: number) => `${+(ms / 1000).toFixed(1)}s`;

export async function runHealthGate(options: HealthOptions, context: GateContext): Promise<HealthResult> {
  const now = context.now ?? (() => performance.now());
  const sleep = context.sleep ?? realSleep;
  const minDuration = context.minDurationMs ?? 0;
  const start = now();
  const deadline =
    start + Math.max(options.timeoutMs, minDuration + options.intervalMs * options.successThreshold);
  const probes: Probe[] = [];
  let good = 0;
  let bad = 0;
  let lastFailure = '';
  const label = context.label ? `${context.label}: ` : '';

  const finish = (healthy: boolean, reason: string): HealthResult => {
    const at = now() - start;
    const stats = windowStats(probes, at, options.windowMs);
    context.reporter.info(`${label}${healthy ? 'healthy' : 'unhealthy'}: ${reason}`);
    return {
      healthy,
      checks: probes.length,
      rounds: probes.length ? probes[probes.length - 1].round : 0,
      errorRate: stats.errorRate,
      p95Ms: stats.p95Ms,
      reason,
      probes,
      durationMs: Math.round(at),
    };
  };

  for (let round = 1; ; round++) {
    const roundStart = now();
    const atMs = Math.round(roundStart - start);
    const results = await Promise.all([
      ...options.urls.map((url) => probeUrl(url, options, context, round, atMs, deadline - roundStart)),
      ...(options.prometheus ? [probePrometheus(options.prometheus, options, context, round, atMs)] : []),
    ]);
    probes.push(...results);
    for (const p of results)
      context.reporter.info(
        `${label}check ${round}: ${p.target} ${p.ok ? 'ok' : p.pending ? 'pending' : 'FAILED'} (${p.detail}, ${p.latencyMs} ms)`,
      );
    const failed = results.filter((p) => !p.ok && !p.pending);
    if (failed.length) {
      bad++;
      good = 0;
      lastFailure = `${failed[0].target}: ${failed[0].detail}`;
    } else if (results.some((p) => p.pending)) {
      good = 0;
    } else {
      good++;
      bad = 0;
    }
    const elapsed = now() - start;
    const stats = windowStats(probes, elapsed, options.windowMs);
    const errorRateHigh = options.maxErrorRate !== undefined && stats.errorRate > options.maxErrorRate;
    const latencyHigh = options.maxP95Ms !== undefined && stats.p95Ms > options.maxP95Ms;
    context.onRound?.({
      label: context.label ?? 'health',
      round,
      checks: probes.length,
      good,
      successThreshold: options.successThreshold,
      errorRate: stats.errorRate,
      p95Ms: stats.p95Ms,
      elapsedMs: Math.round(elapsed),
    });
    const windowText = `over the last ${seconds(Math.min(options.windowMs, elapsed))} (${stats.samples} probes)`;
    if (bad >= options.failureThreshold)
      return finish(false, `${bad} failed checks in a row; last: ${lastFailure}`);
    if (stats.samples >= MIN_WINDOW_PROBES && errorRateHigh)
      return finish(
        false,
        `error rate ${percent(stats.errorRate)} ${windowText} is above max-error-rate ${percent(options.maxErrorRate!)}`,
      );
    if (stats.samples >= MIN_WINDOW_PROBES && latencyHigh)
      return finish(
        false,
        `p95 latency ${stats.p95Ms} ms ${windowText} is above max-p95 ${options.maxP95Ms} ms`,
      );
    if (good >= options.successThreshold && elapsed >= minDuration && !errorRateHigh && !latencyHigh)
      return finish(
        true,
        `${good} good checks in a row; error rate ${percent(stats.errorRate)}, p95 ${stats.p95Ms} ms`,
      );
    const next = roundStart + options.intervalMs;
    if (next > deadline)
      return finish(
        false,
        `not healthy within ${seconds(deadline - start)}${lastFailure ? `; last failure: ${lastFailure}` : results.some((p) => p.pending) ? '; Prometheus had no data' : ''}`,
      );
    await sleep(Math.max(0, next - now()));
  }
}
