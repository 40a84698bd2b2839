/**
 * Runs one step's process (a shell for `run:`, node for an action) and hands each line of its
 * stdout and stderr, in arrival order, to the runner's command processor. A timeout kills the
 * whole process group, as the runner cancels a step.
 */
import { spawn } from 'node:child_process';

export interface ProcessResult {
  exitCode: number;
  timedOut: boolean;
}

export function runProcess(
  command: string,
  args: string[],
  options: { cwd: string; env: Record<string, string>; timeoutMs: number; onLine: (line: string) => void },
): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, options.timeoutMs);
    const splitter = () => {
      let rest = '';
      return {
        push: (chunk: Buffer) => {
          rest += chunk.toString('utf8');
          const lines = rest.split(/\r?\n/);
          rest = lines.pop() ?? '';
          for (const line of lines) options.onLine(line);
        },
        flush: () => {
          if (rest) options.onLine(rest);
          rest = '';
        },
      };
    };
    const out = splitter();
    const err = splitter();
    child.stdout.on('data', out.push);
    child.stderr.on('data', err.push);
    child.on('error', (error) => {
      clearTimeout(timer);
      options.onLine(`##[error]${error.message}`);
      resolve({ exitCode: 127, timedOut: false });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      out.flush();
      err.flush();
      resolve({ exitCode: code ?? (signal ? 128 : 1), timedOut });
    });
  });
}
