/**
 * Benchmark helpers: time things the same way everywhere and record the figures in
 * bench/results/<name>.json, from which docs/BENCHMARKS.md is written (bench/report.mjs).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus } from 'node:os';
import { ROOT } from '../test/harness/run-action.js';

export interface BenchmarkRecord {
  /** File name of the record, e.g. "publish-npm". */
  name: string;
  title: string;
  /** What is measured and how, one paragraph. */
  method: string;
  /** The command that reruns it. */
  command: string;
  /** label -> milliseconds (medians), in the order to show them. */
  figures: Record<string, number>;
  /** The figure the benchmark is judged by, e.g. ours / bare. */
  ratio: { label: string; value: number; goal: string; met: boolean };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Run `fn` `runs` times (after `warmup` unmeasured runs); the median in ms. */
export async function timeMedian(fn: (i: number) => Promise<unknown>, runs = 5, warmup = 1): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn(i);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

export function record(result: BenchmarkRecord): void {
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, `${result.name}.json`),
    JSON.stringify({ ...result, machine: machine() }, null, 2) + '\n',
  );
  const figures = Object.entries(result.figures)
    .map(([k, v]) => `${k}: ${v.toFixed(1)} ms`)
    .join(', ');
  console.log(
    `${result.title}: ${figures}; ${result.ratio.label} = ${result.ratio.value.toFixed(2)} (goal ${result.ratio.goal}) ${result.ratio.met ? 'met' : 'NOT met'}`,
  );
}

function machine(): string {
  return `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`;
}
