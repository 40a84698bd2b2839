/**
 * The one way to run a program: an argument array, never a shell string. Secrets go through
 * `env`, never argv; whatever the program prints is redacted before anyone sees it.
 *
 * Finding a program on PATH is `@actions/io`'s `which`. Running it is our own `spawn`, not
 * `@actions/exec`: its ToolRunner spawns without a process group and keeps the child to itself
 * (no pid, no kill, no timeout), and after its `delay` it resolves but leaves the pipes a
 * background process inherited open, so the action's process stays alive until that process
 * ends. The README's "Choices worth knowing" has the details.
 */
import { redact } from './secrets.js';

export interface ExecOptions {
  cwd?: string;
  /** Added to (or, with `replaceEnv`, instead of) the process environment. */
  env?: Record<string, string | undefined>;
  replaceEnv?: boolean;
  input?: string | Buffer;
  timeoutMs?: number;
  /** Called with each line of output (already redacted) as it arrives. */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
}

export interface ExecResult {
  command: string;
  args: string[];
  code: number;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

export class ExecError extends Error {
  constructor(readonly result: ExecResult) {
    const tail = (result.stderr || result.stdout).trim().split('\n').slice(-5).join('\n');
    super(
      `${result.command} exited with ${result.timedOut ? 'a timeout' : (result.signal ?? `code ${result.code}`)}${tail ? `:\n${tail}` : ''}`,
    );
  }
}

/**
 * How long output pipes may stay open after the program itself exited: a background process it
 * started (`sleep 100 &`, a daemonising tool) inherits them and could hold them for ever.
 */
const PIPE_GRACE_MS = 2_000;

/** Run and resolve with the result whatever the exit code; reject only if it could not start. */
export async function exec(command: string, args: string[], options: ExecOptions = {}): Promise<ExecResult> {
  // Loaded on first use: child_process brings net and streams, which an action that never runs
  // a program should not pay for at start-up.
  const { spawn } = await import('node:child_process');
  const { StringDecoder } = await import('node:string_decoder');
  return new Promise((resolve, reject) => {
    const env = options.replaceEnv ? { ...options.env } : { ...process.env, ...options.env };
    for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
    // Its own process group (POSIX), so a timeout ends whatever it started too, not only itself.
    const group = process.platform !== 'win32';
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: env as NodeJS.ProcessEnv,
      shell: false,
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: group,
    });
    const out: Record<'stdout' | 'stderr', string[]> = { stdout: [], stderr: [] };
    const pending: Record<'stdout' | 'stderr', string> = { stdout: '', stderr: '' };
    // One decoder per stream: a character split across two chunks is decoded whole.
    const decoders = { stdout: new StringDecoder('utf8'), stderr: new StringDecoder('utf8') };
    const take = (stream: 'stdout' | 'stderr', text: string) => {
      out[stream].push(text);
      if (!options.onLine) return;
      const lines = (pending[stream] + text).split('\n');
      pending[stream] = lines.pop() ?? '';
      for (const line of lines) options.onLine(redact(line), stream);
    };
    const collect = (stream: 'stdout' | 'stderr') => (chunk: Buffer) =>
      take(stream, decoders[stream].write(chunk));
    child.stdout.on('data', collect('stdout'));
    child.stderr.on('data', collect('stderr'));
    let timedOut = false;
    let done = false;
    const killAll = () => {
      try {
        if (group && child.pid) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = options.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          killAll();
        }, options.timeoutMs)
      : undefined;
    let grace: NodeJS.Timeout | undefined;
    const finish = (code: number | null, signal: NodeJS.Signals | null) => {
      if (done) return;
      done = true;
      if (timer) clearTimeout(timer);
      if (grace) clearTimeout(grace);
      for (const stream of ['stdout', 'stderr'] as const) {
        take(stream, decoders[stream].end());
        if (pending[stream] && options.onLine) options.onLine(redact(pending[stream]), stream);
        pending[stream] = '';
      }
      resolve({
        command,
        args,
        code: code ?? -1,
        signal,
        stdout: redact(out.stdout.join('')),
        stderr: redact(out.stderr.join('')),
        timedOut,
      });
    };
    child.on('error', (error) => {
      if (timer) clearTimeout(timer);
      if (grace) clearTimeout(grace);
      done = true;
      reject(error);
    });
    child.on('exit', (code, signal) => {
      // The program is done; its pipes close at once unless something it started holds them.
      // Give that a moment, then stop reading (what it started is left to itself, as a shell would).
      grace = setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        finish(code, signal);
      }, PIPE_GRACE_MS);
    });
    child.on('close', (code, signal) => finish(code, signal));
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input);
  });
}

/** Run and reject with an ExecError unless it exits 0. */
export async function execOk(
  command: string,
  args: string[],
  options: ExecOptions = {},
): Promise<ExecResult> {
  const result = await exec(command, args, options);
  if (result.code !== 0 || result.timedOut) throw new ExecError(result);
  return result;
}

/**
 * Where a program is on PATH (without running it), or undefined: a regular file with an execute
 * bit for us (not a directory of that name), with PATHEXT's extensions on Windows.
 */
export async function which(command: string): Promise<string | undefined> {
  // Loaded on first use, like child_process above.
  const io = await import('@actions/io');
  return (await io.which(command, false)) || undefined;
}
