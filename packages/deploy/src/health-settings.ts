/**
 * Health settings (the config's `deploy.health` keys, or the health-gate inputs of the same
 * names) parsed into typed options with the shared parsers; every mistake names its setting.
 */
import { InputError } from '@deploy-actions/action-kit/errors';
import {
  parseDuration,
  parseInt10,
  parseList,
  parsePercent,
  parseUrl,
} from '@deploy-actions/action-kit/parse';
import { parseExpectBody, parseExpectStatus } from './health-checks.js';
import { HEALTH_DEFAULTS } from './setting-keys.js';
import type { HealthOptions } from './health.js';
import { namesColour, sampleUrl } from './health-urls.js';
import type { Naming } from './router/index.js';

export type RawHealthSettings = Record<string, string | string[] | undefined>;

export { HEALTH_DEFAULTS };

function text(raw: RawHealthSettings, key: string): string | undefined {
  const value = raw[key];
  const joined = Array.isArray(value) ? value.join('\n') : value;
  return joined?.trim() || undefined;
}

function number(name: string, raw: string): number {
  if (!/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(raw)) throw InputError.bad(name, raw, 'is not a number');
  return Number(raw);
}

/** The gate described by `raw`, or undefined when it names neither a URL nor a Prometheus query. */
export function parseHealthSettings(
  raw: RawHealthSettings,
  name: Naming = (key) => key,
  /** A rollout fills `{colour}` and `{address}` in URLs (health-urls.ts); the plain gate cannot. */
  colourUrls = false,
): HealthOptions | undefined {
  const get = (key: keyof typeof HEALTH_DEFAULTS) => text(raw, key) ?? HEALTH_DEFAULTS[key];
  const given = (key: string) => text(raw, key) !== undefined;
  const urls = parseList(text(raw, 'url') ?? '').map((url) => {
    if (!namesColour(url)) return parseUrl(name('url'), url).toString();
    if (!colourUrls)
      throw InputError.bad(
        name('url'),
        url,
        'names a colour ({colour} or {address}), which only a blue-green switch fills in',
        'Give the URL to probe.',
      );
    parseUrl(name('url'), sampleUrl(url));
    return url;
  });
  const prometheusUrl = text(raw, 'prometheus-url');
  const query = text(raw, 'prometheus-query');
  if (prometheusUrl && !query)
    throw InputError.missing(name('prometheus-query'), 'prometheus-url needs a query to run.');
  if (query && !prometheusUrl)
    throw InputError.missing(
      name('prometheus-url'),
      'prometheus-query needs the Prometheus server, e.g. http://127.0.0.1:9090.',
    );
  const maxValue = text(raw, 'max-value');
  const minValue = text(raw, 'min-value');
  if ((maxValue || minValue) && !query)
    throw InputError.missing(
      name('prometheus-query'),
      'max-value and min-value judge the value of a Prometheus query.',
    );
  const options: HealthOptions = {
    urls,
    expectStatus: parseExpectStatus(name('expect-status'), get('expect-status')),
    expectBody: text(raw, 'expect-body')
      ? parseExpectBody(name('expect-body'), text(raw, 'expect-body')!)
      : undefined,
    intervalMs: parseDuration(name('interval'), get('interval')),
    timeoutMs: parseDuration(name('timeout'), get('timeout')),
    windowMs: parseDuration(name('window'), get('window')),
    successThreshold: parseInt10(name('success-threshold'), get('success-threshold'), { min: 1, max: 1000 }),
    failureThreshold: parseInt10(name('failure-threshold'), get('failure-threshold'), { min: 1, max: 1000 }),
    maxErrorRate: text(raw, 'max-error-rate')
      ? parsePercent(name('max-error-rate'), text(raw, 'max-error-rate')!)
      : undefined,
    maxP95Ms: text(raw, 'max-p95') ? parseDuration(name('max-p95'), text(raw, 'max-p95')!) : undefined,
    probeTimeoutMs: parseDuration(name('probe-timeout'), get('probe-timeout')),
    prometheus: query
      ? {
          url: parseUrl(name('prometheus-url'), prometheusUrl!),
          query,
          maxValue: maxValue ? number(name('max-value'), maxValue) : undefined,
          minValue: minValue ? number(name('min-value'), minValue) : undefined,
        }
      : undefined,
  };
  // A default never makes a chosen setting wrong: with a long interval, the timeout and the
  // window that were not given grow to fit it (one success-threshold of rounds, five probes).
  if (!given('timeout'))
    options.timeoutMs = Math.max(options.timeoutMs, options.intervalMs * options.successThreshold);
  if (!given('window')) options.windowMs = Math.max(options.windowMs, options.intervalMs * 5);
  if (options.intervalMs < 100)
    throw InputError.bad(name('interval'), get('interval'), 'is shorter than 100ms');
  if (options.probeTimeoutMs < 10)
    throw InputError.bad(name('probe-timeout'), get('probe-timeout'), 'is shorter than 10ms');
  if (options.timeoutMs < options.intervalMs)
    throw InputError.bad(
      name('timeout'),
      get('timeout'),
      `is shorter than the interval (${get('interval')})`,
      'The gate needs time for at least one check.',
    );
  if (options.windowMs < options.intervalMs)
    throw InputError.bad(name('window'), get('window'), `is shorter than the interval (${get('interval')})`);
  // Checked all the same: a typo in a setting of an unused gate is still a typo.
  return urls.length || query ? options : undefined;
}
