/**
 * Debian wrk as the load during a switch, and what it saw: every request that did not come
 * back with a 2xx/3xx counts as lost (socket errors: connect, read, write, timeout; and
 * non-2xx/3xx answers).
 */
import { spawn } from 'node:child_process';

export interface WrkResult {
  requests: number;
  socketErrors: { connect: number; read: number; write: number; timeout: number };
  non2xx: number;
  /** Requests that failed one way or another. */
  lost: number;
  output: string;
}

export function parseWrk(output: string): WrkResult {
  const requests = Number(/(\d+) requests in/.exec(output)?.[1] ?? NaN);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const socketErrors = {
    connect: Number(socket?.[1] ?? 0),
    read: Number(socket?.[2] ?? 0),
    write: Number(socket?.[3] ?? 0),
    timeout: Number(socket?.[4] ?? 0),
  };
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0);
  if (!Number.isFinite(requests)) throw new Error(`wrk printed no request count:\n${output}`);
  const lost = socketErrors.connect + socketErrors.read + socketErrors.write + socketErrors.timeout + non2xx;
  return { requests, socketErrors, non2xx, lost, output };
}

export interface WrkOptions {
  connections?: number;
  threads?: number;
  durationS: number;
  /** A request slower than this counts as a timeout; generous, as the test machine is shared. */
  timeoutS?: number;
}

/** Start wrk now; resolves when it finishes. */
export function runWrk(url: string, options: WrkOptions): Promise<WrkResult> {
  const args = [
    `-t${options.threads ?? 2}`,
    `-c${options.connections ?? 50}`,
    `-d${options.durationS}s`,
    '--timeout',
    `${options.timeoutS ?? 10}s`,
    url,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`wrk exited with ${code}:\n${output}`));
      try {
        resolve(parseWrk(output));
      } catch (caught) {
        reject(caught);
      }
    });
  });
}
