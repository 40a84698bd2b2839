/**
 * Runs a bundled action exactly as the GitHub runner does for a `node24` action:
 * `node actions/<name>/dist/index.js` with INPUT_* variables (every input the step passes, and
 * every other input that has a `default:` in action.yml, as the runner always sets those), the file commands
 * (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_ENV, GITHUB_STEP_SUMMARY), an event file, RUNNER_TEMP;
 * then, if the action has a `post:` step, runs it again with STATE_* from the state file.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';

export const ROOT = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', '..');

export interface RunOptions {
  inputs?: Record<string, string | number | boolean | undefined>;
  env?: Record<string, string | undefined>;
  /** Working directory and GITHUB_WORKSPACE; default a fresh temp folder. */
  workspace?: string;
  event?: unknown;
  ref?: string;
  /** Run the post step too (default: when action.yml declares one). */
  post?: boolean;
  timeoutMs?: number;
  /** Run this bundle instead of actions/<name>/dist/index.js (e.g. publish/dist). */
  entry?: string;
  /** SIGKILL the main step after this many milliseconds (a runner dying mid-release). */
  killAfterMs?: number;
  /** Called with the main step's PID once it started (e.g. to watch its argv). */
  onSpawn?: (pid: number) => void;
}

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  env: Record<string, string>;
  summary: string;
  /** `::error` / `::warning` / `::notice` lines, decoded. */
  annotations: { level: string; message: string; title?: string }[];
  runnerTemp: string;
  post?: { code: number; stdout: string; stderr: string };
  /** Every file the runner gave the action, for secret audits. */
  files: string[];
}

/** Parse `name<<DELIM\nvalue\nDELIM` blocks (and legacy name=value lines). */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]);
      out[name] = value.join('\n');
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=');
      out[lines[i].slice(0, at)] = lines[i].slice(at + 1);
    }
  }
  return out;
}

const unescape = (s: string) =>
  s
    .replace(/%0A/g, '\n')
    .replace(/%0D/g, '\r')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%');

export function parseAnnotations(stdout: string): ActionRun['annotations'] {
  const out: ActionRun['annotations'] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const title = /(?:^|,)title=([^,]*)/.exec(m[2] ?? '')?.[1];
    out.push({ level: m[1], message: unescape(m[3]), title: title ? unescape(title) : undefined });
  }
  return out;
}

function spawnNode(
  entry: string,
  env: NodeJS.ProcessEnv,
  cwd: string,
  timeoutMs: number,
  onSpawn?: (pid: number) => void,
) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolvePromise, reject) => {
    const child = spawn(process.execPath, [entry], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    if (child.pid) onSpawn?.(child.pid);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code: code ?? (signal ? 128 : -1), stdout, stderr });
    });
  });
}

function hasPost(actionDir: string): boolean {
  const yml = join(actionDir, 'action.yml');
  return existsSync(yml) && /^\s+post:/m.test(readFileSync(yml, 'utf8'));
}

/** The runner's name for an input's variable: INPUT_, upper case, spaces to `_`, dashes kept. */
export const inputVariable = (name: string) => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;

/** Every input of an action.yml that declares a `default:`, with that default as a string. */
export function actionDefaults(actionYml: string): Record<string, string> {
  const metadata = parseYaml(readFileSync(actionYml, 'utf8')) as {
    inputs?: Record<string, { default?: unknown } | null>;
  };
  const defaults: Record<string, string> = {};
  for (const [name, spec] of Object.entries(metadata.inputs ?? {}))
    if (spec && spec.default !== undefined && spec.default !== null) defaults[name] = String(spec.default);
  return defaults;
}

/**
 * INPUT_* as the runner sets them: the defaults of action.yml first, then what the step passes
 * (`undefined` means "not passed": the default, if any, stays).
 */
export function inputEnv(
  inputs: RunOptions['inputs'] = {},
  defaults: Record<string, string> = {},
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(defaults)) env[inputVariable(name)] = value;
  for (const [name, value] of Object.entries(inputs)) {
    if (value === undefined) continue;
    env[inputVariable(name)] = String(value);
  }
  return env;
}

/** The action.yml a bundle belongs to: the one beside its dist/ folder. */
function actionYmlOf(entry: string): string | undefined {
  const file = join(dirname(dirname(entry)), 'action.yml');
  return existsSync(file) ? file : undefined;
}

/** A minimal, clean environment: nothing from the test process leaks in except PATH and HOME. */
export function baseEnv(): Record<string, string> {
  const keep = ['PATH', 'HOME', 'LANG', 'TMPDIR', 'SYSTEMROOT'];
  const env: Record<string, string> = {};
  for (const key of keep) if (process.env[key]) env[key] = process.env[key]!;
  return env;
}

export async function runAction(name: string, options: RunOptions = {}): Promise<ActionRun> {
  const actionDir = join(ROOT, name === '.' ? '' : name.includes('/') ? name : `actions/${name}`);
  const entry = options.entry ?? join(actionDir, 'dist', 'index.js');
  const actionYml = actionYmlOf(entry);
  const defaults = actionYml ? actionDefaults(actionYml) : {};
  const home = mkdtempSync(join(tmpdir(), 'da-runner-'));
  const runnerTemp = join(home, 'temp');
  mkdirSync(runnerTemp);
  const workspace = options.workspace ?? join(home, 'workspace');
  if (!existsSync(workspace)) mkdirSync(workspace, { recursive: true });
  const files = {
    GITHUB_OUTPUT: join(home, 'output'),
    GITHUB_STATE: join(home, 'state'),
    GITHUB_ENV: join(home, 'env'),
    GITHUB_STEP_SUMMARY: join(home, 'summary.md'),
    GITHUB_EVENT_PATH: join(home, 'event.json'),
  };
  for (const file of Object.values(files)) writeFileSync(file, '');
  writeFileSync(files.GITHUB_EVENT_PATH, JSON.stringify(options.event ?? {}));
  const env: NodeJS.ProcessEnv = {
    ...baseEnv(),
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_REF: options.ref ?? 'refs/heads/main',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_RUN_ID: '1',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_EVENT_NAME: 'push',
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: 'Linux',
    ...files,
    ...inputEnv(options.inputs, defaults),
  };
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  const main = await spawnNode(
    entry,
    env,
    workspace,
    options.killAfterMs ?? options.timeoutMs ?? 120_000,
    options.onSpawn,
  );
  const timeoutMs = options.timeoutMs ?? 120_000;
  const state = parseFileCommands(readFileSync(files.GITHUB_STATE, 'utf8'));
  let post: ActionRun['post'];
  if (options.post ?? hasPost(actionDir)) {
    const postEnv: NodeJS.ProcessEnv = { ...env };
    for (const [key, value] of Object.entries(state)) postEnv[`STATE_${key}`] = value;
    post = await spawnNode(entry, postEnv, workspace, timeoutMs);
  }
  return {
    ...main,
    outputs: parseFileCommands(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    state,
    env: parseFileCommands(readFileSync(files.GITHUB_ENV, 'utf8')),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
    annotations: parseAnnotations(main.stdout + (post?.stdout ?? '')),
    runnerTemp,
    post,
    files: Object.values(files),
  };
}

/** What every bad-input case must look like: exit 1, one ::error, no stack trace. */
export function userErrorShape(run: ActionRun): { code: number; errors: number; stack: boolean } {
  return {
    code: run.code,
    errors: run.annotations.filter((a) => a.level === 'error').length,
    stack: /\n\s+at .+\(.*:\d+:\d+\)/.test(run.stdout + run.stderr),
  };
}

/** What a person reading the log sees: the runner consumes `::add-mask::` lines and shows none. */
export function visibleLog(run: Pick<ActionRun, 'stdout' | 'stderr'>): string {
  return (run.stdout + '\n' + run.stderr)
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
}
