/**
 * One instant query (`GET /api/v1/query?query=`), judged against `max-value`/`min-value`.
 * An empty result is "no data yet" (a fresh target has no sample for a few seconds), not a
 * failure; a query Prometheus refuses is the user's mistake and stops the gate at once.
 */
import { InputError } from '@deploy-actions/action-kit/errors';
import type { HttpClient } from '@deploy-actions/action-kit/http';

export interface PrometheusCheck {
  url: URL;
  query: string;
  maxValue?: number;
  minValue?: number;
}

export type PrometheusAnswer = { kind: 'values'; values: number[] } | { kind: 'no-data' };

interface QueryResponse {
  status: 'success' | 'error';
  errorType?: string;
  error?: string;
  data?: { resultType: 'vector' | 'scalar' | 'matrix' | 'string'; result: unknown };
}

export function queryUrl(check: PrometheusCheck): string {
  const base = check.url.toString().replace(/\/+$/, '');
  return `${base}/api/v1/query?query=${encodeURIComponent(check.query)}`;
}

export async function queryPrometheus(
  http: Pick<HttpClient, 'request'>,
  check: PrometheusCheck,
  timeoutMs: number,
): Promise<PrometheusAnswer> {
  const response = await http.request({
    url: queryUrl(check),
    retries: 0,
    timeoutMs,
    headers: { accept: 'application/json' },
  });
  let body: QueryResponse | undefined;
  try {
    body = response.json<QueryResponse>();
  } catch {
    body = undefined;
  }
  if (response.status === 400 || response.status === 422 || body?.errorType === 'bad_data')
    throw InputError.bad(
      'prometheus-query',
      check.query,
      `was refused by Prometheus: ${body?.error ?? `HTTP ${response.status}`}`,
    );
  if (!response.ok || body?.status !== 'success' || !body.data)
    throw new Error(`Prometheus answered HTTP ${response.status}${body?.error ? `: ${body.error}` : ''}`);
  const { resultType, result } = body.data;
  if (resultType === 'scalar') return { kind: 'values', values: [Number((result as [number, string])[1])] };
  if (resultType === 'vector') {
    const samples = result as { value: [number, string] }[];
    return samples.length
      ? { kind: 'values', values: samples.map((s) => Number(s.value[1])) }
      : { kind: 'no-data' };
  }
  throw InputError.bad(
    'prometheus-query',
    check.query,
    `returns a ${resultType}`,
    'Use an instant vector or scalar query, e.g. sum(rate(errors_total[1m])).',
  );
}

/** undefined when every value is within bounds, else why not. */
export function valueViolation(check: PrometheusCheck, values: number[]): string | undefined {
  for (const value of values) {
    if (Number.isNaN(value)) return 'the query returned NaN';
    if (check.maxValue !== undefined && value > check.maxValue)
      return `value ${value} is above max-value ${check.maxValue}`;
    if (check.minValue !== undefined && value < check.minValue)
      return `value ${value} is below min-value ${check.minValue}`;
  }
  return undefined;
}
