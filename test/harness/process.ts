/**
 * Start real servers on free loopback ports for a test, and stop them (by PID) afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  port: number;
  pid: number;
  process: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  port: number;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Resolves true when the server is ready; polled. Default: GET url answers. */
  ready?: () => Promise<boolean>;
  readyPath?: string;
  timeoutMs?: number;
  /** The URL base; default http://127.0.0.1:port */
  url?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startProcess(
  command: string,
  args: string[],
  options: StartOptions,
): Promise<RunningServer> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  let exited = false;
  child.on('exit', () => (exited = true));
  const url = options.url ?? `http://127.0.0.1:${options.port}`;
  const ready =
    options.ready ??
    (async () => {
      try {
        await fetch(url + (options.readyPath ?? '/'), { signal: AbortSignal.timeout(1000) });
        return true;
      } catch {
        return false;
      }
    });
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  const server: RunningServer = {
    url,
    port: options.port,
    pid: child.pid!,
    process: child,
    output: () => log,
    stop: async () => {
      if (exited) return;
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        return;
      }
      for (let i = 0; i < 50 && !exited; i++) await sleep(100);
      if (!exited) {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // gone
        }
      }
    },
  };
  while (!(await ready())) {
    if (exited) throw new Error(`${command} exited before it was ready:\n${log}`);
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`${command} was not ready in time:\n${log}`);
    }
    await sleep(100);
  }
  return server;
}
