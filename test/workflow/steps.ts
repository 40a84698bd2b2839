/**
 * One step as the runner runs it: `if:` (GitHub already made it `success() && (…)`), its `env:`
 * over the job's, fresh GITHUB_OUTPUT / GITHUB_ENV / GITHUB_PATH / GITHUB_STEP_SUMMARY /
 * GITHUB_STATE files read back afterwards, outcome vs. conclusion under `continue-on-error`,
 * `timeout-minutes`, the masked log; and `run:` scripts in their shell.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runAction } from './actions.js';
import { CommandProcessor, parseKeyValueFile, parsePathFile } from './commands.js';
import { evaluateCondition, evaluateString, evaluateStringMap, evaluateToken } from './expressions.js';
import { processEnv, stepScope, type JobState } from './job-state.js';
import { property, type ParsedStep } from './parse.js';
import { runProcess } from './process.js';
import type { StepOutcome, StepRun } from './types.js';

/** What a step body gets: where it runs, its environment, and how to log. */
export interface StepExec {
  state: JobState;
  stepId: string;
  /** The step's own `env:` (evaluated). */
  stepEnv: Record<string, string>;
  files: Record<
    'GITHUB_OUTPUT' | 'GITHUB_ENV' | 'GITHUB_PATH' | 'GITHUB_STEP_SUMMARY' | 'GITHUB_STATE',
    string
  >;
  timeoutMs: number;
  /** Prints a line as the step's output (goes through the command processor, then the masker). */
  line: (text: string) => void;
  /** The full environment for a process of this step, plus `own` (INPUT_*, STATE_*…). */
  env: (own?: Record<string, string>) => Record<string, string>;
  /** Outputs set directly by a stand-in (as if written to GITHUB_OUTPUT). */
  outputs: Record<string, string>;
  /** State for the action's post step (GITHUB_STATE), filled after the body ran. */
  state_: Record<string, string>;
}

/** A step as it is recorded: what executeStep needs to know besides its body. */
export interface StepInfo {
  id: string;
  name: string;
  phase: StepRun['phase'];
  uses?: string;
  continueOnError: boolean;
  stepEnv: Record<string, string>;
  timeoutMs: number;
  /** Main steps feed the steps context; pre/post do not. */
  recordContext: boolean;
}

export interface StepBodyResult {
  exitCode: number;
  error?: string;
}

const MINUTE = 60_000;

/**
 * Runs a step body with its fresh file commands and records it; returns the conclusion.
 * Used for `run:`, actions' pre/main/post, and the stand-ins.
 */
export async function executeStep(
  state: JobState,
  info: StepInfo,
  body: (exec: StepExec) => Promise<StepBodyResult>,
): Promise<StepExec> {
  const n = ++state.stepCounter;
  const dir = join(state.filesDir, String(n));
  mkdirSync(dir, { recursive: true });
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_PATH: join(dir, 'path'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    GITHUB_STATE: join(dir, 'state'),
  };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const processor = new CommandProcessor(state.masker);
  const logLines: string[] = [];
  state.log(`##[step] ${info.name}`);
  const exec: StepExec = {
    state,
    stepId: info.id,
    stepEnv: info.stepEnv,
    files,
    timeoutMs: info.timeoutMs,
    outputs: {},
    state_: {},
    line: (text) => {
      const shown = processor.line(text);
      if (shown === undefined) return;
      const masked = state.masker.mask(shown);
      logLines.push(masked);
      state.log(masked);
    },
    env: (own = {}) => processEnv(state, info.stepEnv, { ...files, GITHUB_ACTION: info.id, ...own }),
  };
  let result: StepBodyResult;
  try {
    result = await body(exec);
  } catch (error) {
    result = { exitCode: 1, error: (error as Error).message };
  }
  let outputs: Record<string, string> = {};
  try {
    outputs = {
      ...parseKeyValueFile(readFileSync(files.GITHUB_OUTPUT, 'utf8'), 'GITHUB_OUTPUT'),
      ...exec.outputs,
    };
    exec.state_ = parseKeyValueFile(readFileSync(files.GITHUB_STATE, 'utf8'), 'GITHUB_STATE');
    Object.assign(state.env, parseKeyValueFile(readFileSync(files.GITHUB_ENV, 'utf8'), 'GITHUB_ENV'));
    state.path.unshift(...parsePathFile(readFileSync(files.GITHUB_PATH, 'utf8')).reverse());
  } catch (error) {
    result = { exitCode: result.exitCode || 1, error: (error as Error).message };
  }
  if (result.error) exec.line(`::error::${result.error.replace(/%/g, '%25').replace(/\r?\n/g, '%0A')}`);
  else if (result.exitCode !== 0) exec.line(`##[error]Process completed with exit code ${result.exitCode}.`);
  const outcome: StepOutcome = result.exitCode === 0 ? 'success' : 'failure';
  const conclusion: StepOutcome = outcome === 'failure' && info.continueOnError ? 'success' : outcome;
  if (conclusion === 'failure') state.status = 'failure';
  if (info.recordContext && !info.id.startsWith('__'))
    state.steps[info.id] = { outputs, outcome, conclusion };
  state.records.push({
    id: info.id,
    name: info.name,
    phase: info.phase,
    ...(info.uses ? { uses: info.uses } : {}),
    outcome,
    conclusion,
    outputs,
    log: logLines.join('\n'),
    annotations: processor.annotations,
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
    exitCode: result.exitCode,
    ...(result.error ? { error: state.masker.mask(result.error) } : {}),
  });
  return exec;
}

/** The runner's shells on Linux: the command line, `{0}` being the script file. */
function shellCommand(shell: string | undefined): { argv: string[]; ext: string } {
  switch (shell ?? 'bash') {
    case 'bash':
      return { argv: ['bash', '--noprofile', '--norc', '-eo', 'pipefail', '{0}'], ext: '.sh' };
    case 'sh':
      return { argv: ['sh', '-e', '{0}'], ext: '.sh' };
    case 'node':
      return { argv: [process.execPath, '{0}'], ext: '.js' };
    case 'python':
      return { argv: ['python3', '{0}'], ext: '.py' };
    default: {
      const argv = shell!.split(/\s+/);
      return { argv: argv.includes('{0}') ? argv : [...argv, '{0}'], ext: '' };
    }
  }
}

async function runScript(
  exec: StepExec,
  script: string,
  shell: string | undefined,
  workingDirectory: string,
) {
  const { state } = exec;
  const { argv, ext } = shellCommand(shell);
  const file = join(state.runnerTemp, `${exec.stepId}-${state.stepCounter}${ext}`);
  writeFileSync(file, script);
  const cwd = resolve(state.workspace, workingDirectory);
  if (!existsSync(cwd)) return { exitCode: 1, error: `No such working directory: ${workingDirectory}` };
  const [command, ...args] = argv.map((a) => a.replace('{0}', file));
  const result = await runProcess(command, args, {
    cwd,
    env: exec.env(),
    timeoutMs: exec.timeoutMs,
    onLine: exec.line,
  });
  if (result.timedOut)
    return { exitCode: 1, error: `The action has timed out after ${Math.round(exec.timeoutMs / 1000)} s.` };
  return { exitCode: result.exitCode };
}

/** Runs one step of the job (main phase), registering an action's post step. */
export async function runStep(state: JobState, parsed: ParsedStep): Promise<void> {
  const { step, token } = parsed;
  const id = step.id;
  const scope = () => stepScope(state);
  const uses = 'uses' in step ? step.uses.value : undefined;
  const runToken = 'run' in step ? step.run : undefined;
  let name: string;
  try {
    name = step.name ? evaluateString(step.name, scope()) : uses ? `Run ${uses}` : '';
    if (!name && runToken) name = `Run ${evaluateString(runToken, scope()).split('\n')[0]}`;
  } catch {
    name = id;
  }
  let run = false;
  let error: string | undefined;
  const condition = 'if' in step && step.if ? step.if.expression : 'success()';
  try {
    run = evaluateCondition(condition, scope());
  } catch (e) {
    error = (e as Error).message;
  }
  if (!run && !error) {
    state.log(`##[step] ${name} (skipped: ${condition})`);
    if (!id.startsWith('__')) state.steps[id] = { outputs: {}, outcome: 'skipped', conclusion: 'skipped' };
    state.records.push({
      id,
      name,
      phase: 'main',
      ...(uses ? { uses } : {}),
      outcome: 'skipped',
      conclusion: 'skipped',
      outputs: {},
      log: '',
      annotations: [],
      summary: '',
    });
    return;
  }
  let continueOnError = false;
  let stepEnv: Record<string, string> = {};
  let timeoutMs = state.facts.options.stepTimeoutMs ?? 15 * MINUTE;
  try {
    const coe = step['continue-on-error'];
    const value = typeof coe === 'boolean' || coe === undefined ? coe : evaluateToken(coe, scope());
    continueOnError = value === true || value === 'true';
    stepEnv = evaluateStringMap('env' in step ? step.env : undefined, scope());
    const minutes = evaluateToken(property(token, 'timeout-minutes'), stepScope(state, stepEnv));
    if (minutes !== undefined && minutes !== null) timeoutMs = Number(minutes) * MINUTE;
  } catch (e) {
    error = (e as Error).message;
  }
  const info = {
    id,
    name,
    phase: 'main' as const,
    uses,
    continueOnError,
    stepEnv,
    timeoutMs,
    recordContext: true,
  };
  if (error) {
    await executeStep(state, info, async () => ({ exitCode: 1, error }));
    return;
  }
  if (runToken) {
    await executeStep(state, info, async (exec) => {
      const s = stepScope(state, stepEnv);
      const stand = state.facts.options.replaceRun?.[name];
      if (stand !== undefined) {
        state.facts.replaced.add(name);
        exec.line(
          `(local runner: this run: step is replaced by the test's stand-in: ${stand.split('\n')[0]})`,
        );
      }
      const script = stand ?? evaluateString(runToken, s);
      const shell = evaluateString(property(token, 'shell'), s) || state.defaults.shell;
      const workingDirectory =
        evaluateString(property(token, 'working-directory'), s) || state.defaults.workingDirectory || '.';
      return runScript(exec, script, shell, workingDirectory);
    });
    return;
  }
  await runAction(state, info, uses!, property(token, 'with'));
}
