/**
 * A private Debian prometheus on 127.0.0.1:<free port>, scraping the given targets every
 * second, its data in a temp folder. It answers /-/ready at once but has a first sample only
 * after several seconds: `waitForValue` polls an instant query until it returns one.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startProcess } from './process.js';

export interface RunningPrometheus {
  url: string;
  pid: number;
  /** The first value of an instant query, polling until there is one. */
  waitForValue(query: string, timeoutMs?: number): Promise<number>;
  query(query: string): Promise<number[]>;
  stop(): Promise<void>;
}

export async function startPrometheus(targets: string[]): Promise<RunningPrometheus> {
  const dir = mkdtempSync(join(tmpdir(), 'da-prometheus-'));
  const port = await freePort();
  const config = join(dir, 'prometheus.yml');
  writeFileSync(
    config,
    [
      'global:',
      '  scrape_interval: 1s',
      '  evaluation_interval: 1s',
      'scrape_configs:',
      '  - job_name: app',
      '    static_configs:',
      `      - targets: [${targets.map((t) => `'${t}'`).join(', ')}]`,
      '',
    ].join('\n'),
  );
  const server = await startProcess(
    'prometheus',
    [
      `--config.file=${config}`,
      `--web.listen-address=127.0.0.1:${port}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      '--log.level=warn',
    ],
    { port, readyPath: '/-/ready', timeoutMs: 20_000 },
  );
  const query = async (q: string): Promise<number[]> => {
    const res = await fetch(`${server.url}/api/v1/query?query=${encodeURIComponent(q)}`);
    const body = (await res.json()) as { data?: { result?: { value: [number, string] }[] } };
    return (body.data?.result ?? []).map((r) => Number(r.value[1]));
  };
  return {
    url: server.url,
    pid: server.pid,
    query,
    async waitForValue(q, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const values = await query(q);
        if (values.length) return values[0];
        if (Date.now() > deadline)
          throw new Error(`prometheus had no value for ${q} after ${timeoutMs} ms:\n${server.output()}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    },
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
