import { InputError, inputs } from '@deploy-actions/action-kit';
import type { BodyExpectation, StatusRange } from '@deploy-actions/deploy/health-checks';
import type { HealthOptions } from '@deploy-actions/deploy/health';
import { parseHealthSettings } from '@deploy-actions/deploy/health-settings';
import { HEALTH_SETTINGS } from '@deploy-actions/deploy/setting-keys';

/** Every input of action.yml, parsed. */
export interface Inputs {
  url: string[];
  'expect-status': StatusRange[];
  'expect-body'?: BodyExpectation;
  /** Durations in milliseconds. */
  interval: number;
  timeout: number;
  window: number;
  'success-threshold': number;
  'failure-threshold': number;
  /** A fraction (0.05). */
  'max-error-rate'?: number;
  'max-p95'?: number;
  'probe-timeout': number;
  'prometheus-url'?: string;
  'prometheus-query'?: string;
  'max-value'?: number;
  'min-value'?: number;
  'fail-on-unhealthy': boolean;
}

export function getInputs(): Inputs {
  const raw = Object.fromEntries(HEALTH_SETTINGS.map((name) => [name, inputs.raw(name)]));
  const failOnUnhealthy = inputs.bool('fail-on-unhealthy', true);
  const gate = parseHealthSettings(raw);
  if (!gate)
    throw InputError.missing('url', 'Give the URLs to probe, or prometheus-url and prometheus-query.');
  return {
    url: gate.urls,
    'expect-status': gate.expectStatus,
    'expect-body': gate.expectBody,
    interval: gate.intervalMs,
    timeout: gate.timeoutMs,
    window: gate.windowMs,
    'success-threshold': gate.successThreshold,
    'failure-threshold': gate.failureThreshold,
    'max-error-rate': gate.maxErrorRate,
    'max-p95': gate.maxP95Ms,
    'probe-timeout': gate.probeTimeoutMs,
    'prometheus-url': gate.prometheus?.url.toString(),
    'prometheus-query': gate.prometheus?.query,
    'max-value': gate.prometheus?.maxValue,
    'min-value': gate.prometheus?.minValue,
    'fail-on-unhealthy': failOnUnhealthy,
  };
}

export function healthOptions(input: Inputs): HealthOptions {
  return {
    urls: input.url,
    expectStatus: input['expect-status'],
    expectBody: input['expect-body'],
    intervalMs: input.interval,
    timeoutMs: input.timeout,
    windowMs: input.window,
    successThreshold: input['success-threshold'],
    failureThreshold: input['failure-threshold'],
    maxErrorRate: input['max-error-rate'],
    maxP95Ms: input['max-p95'],
    probeTimeoutMs: input['probe-timeout'],
    prometheus: input['prometheus-query']
      ? {
          url: new URL(input['prometheus-url']!),
          query: input['prometheus-query'],
          maxValue: input['max-value'],
          minValue: input['min-value'],
        }
      : undefined,
  };
}
