/** Rows for the job summary (the actions turn them into markdown tables). */
import type { Probe } from './health.js';

export const PROBE_HEADERS = ['#', 'at', 'target', 'result', 'latency', 'detail'];

/** The probe history, newest last; long runs keep the first and the last rows. */
export function probeRows(probes: Probe[], limit = 60): string[][] {
  const rows = probes.map((p) => [
    String(p.round),
    `${(p.atMs / 1000).toFixed(1)} s`,
    p.target,
    p.ok ? 'ok' : p.pending ? 'pending' : 'failed',
    `${p.latencyMs} ms`,
    p.detail,
  ]);
  if (rows.length <= limit) return rows;
  const head = Math.floor(limit / 3);
  const tail = limit - head - 1;
  return [
    ...rows.slice(0, head),
    ['…', '', `${rows.length - head - tail} more`, '', '', ''],
    ...rows.slice(-tail),
  ];
}
