/**
 * What one job instance carries from step to step: its contexts, the env built up by GITHUB_ENV,
 * the PATH entries from GITHUB_PATH, the steps context, the job status that success()/failure()
 * read, the post steps waiting to run; and the environment a step's process gets from all that.
 */
import { dirname } from 'node:path';
import type { ArtifactStore } from './artifacts.js';
import type { Masker } from './commands.js';
import type { RunFacts } from './contexts.js';
import type { Scope } from './expressions.js';
import type { JobRun, PagesDeployment, StepOutcome, StepRun, UsedAction } from './types.js';

export interface StepContextEntry {
  outputs: Record<string, string>;
  outcome: StepOutcome;
  conclusion: StepOutcome;
}

export interface PendingPost {
  name: string;
  run: () => Promise<void>;
}

export interface JobState {
  facts: RunFacts;
  jobId: string;
  /** Display name of this instance, for logs and records. */
  label: string;
  workspace: string;
  runnerTemp: string;
  /** Per-step file-command folders live here. */
  filesDir: string;
  masker: Masker;
  store: ArtifactStore;
  permissions: JobRun['permissions'];
  /** Contexts fixed for the job: github, inputs, vars, secrets, needs, matrix, strategy, job, runner. */
  contexts: Record<string, unknown>;
  /** GITHUB_* / RUNNER_* variables of this job. */
  runnerEnv: Record<string, string>;
  /** The `env` context between steps: workflow env, job env, then GITHUB_ENV additions. */
  env: Record<string, string>;
  /** GITHUB_PATH additions, most recent first. */
  path: string[];
  steps: Record<string, StepContextEntry>;
  status: 'success' | 'failure' | 'cancelled';
  defaults: { shell?: string; workingDirectory?: string };
  posts: PendingPost[];
  records: StepRun[];
  usedActions: UsedAction[];
  pages: PagesDeployment[];
  stepCounter: number;
  log: (line: string) => void;
}

/** The expression scope of a step of this job (env and steps as they are now). */
export function stepScope(state: JobState, extraEnv: Record<string, string> = {}): Scope {
  return {
    contexts: {
      ...state.contexts,
      env: { ...state.env, ...extraEnv },
      steps: state.steps,
      job: { status: state.status },
    },
    status: {
      success: () => state.status === 'success',
      failure: () => state.status === 'failure',
      cancelled: () => state.status === 'cancelled',
    },
    workspace: state.workspace,
  };
}

/** The machine's environment a runner starts from: only what a login gives (no NODE_OPTIONS of Jest). */
function machineEnv(): Record<string, string> {
  const keep = ['PATH', 'HOME', 'LANG', 'TMPDIR', 'USER', 'LOGNAME', 'SHELL'];
  const env: Record<string, string> = {};
  for (const key of keep) if (process.env[key]) env[key] = process.env[key]!;
  return env;
}

/** A step process's environment: machine < GITHUB_* < extra runner env < env context < step env < own. */
export function processEnv(
  state: JobState,
  stepEnv: Record<string, string>,
  own: Record<string, string>,
): Record<string, string> {
  const env: Record<string, string> = {
    ...machineEnv(),
    ...state.runnerEnv,
    ...(state.facts.options.env ?? {}),
    ...state.env,
    ...stepEnv,
    ...own,
  };
  // `node` on PATH is the runner's node (the one running these tests), as on a hosted runner.
  env.PATH = [...state.path, dirname(process.execPath), env.PATH ?? ''].filter(Boolean).join(':');
  return env;
}
