/**
 * One job of the graph: its `if:` (GitHub made it `success() && (…)` when it had no status
 * function), its matrix instances (run one after the other; `fail-fast` cancels those not yet
 * started), and for each instance a fresh workspace and runner temp, the job's env, permissions,
 * environment and concurrency, its steps then its actions' post steps (reverse order), and the
 * `outputs:` evaluated at the end (a secret-bearing output is dropped, as GitHub does).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArtifactStore } from './artifacts.js';
import type { Masker } from './commands.js';
import { githubContext, githubEnv, type RunFacts } from './contexts.js';
import {
  evaluateCondition,
  evaluateString,
  evaluateStringMap,
  evaluateToken,
  type Scope,
} from './expressions.js';
import type { JobState } from './job-state.js';
import { stepScope } from './job-state.js';
import { expandMatrix, type Combination } from './matrix.js';
import { property, type ParsedJob } from './parse.js';
import { runPrePhases } from './actions.js';
import { runStep } from './steps.js';
import type { JobResult, JobRun, PagesDeployment, UsedAction } from './types.js';
import { isMapping, isString } from '@actions/workflow-parser';

export interface JobEnvironment {
  facts: RunFacts;
  masker: Masker;
  store: ArtifactStore;
  /** The workflow's `env:` evaluated. */
  workflowEnv: Record<string, string>;
  workflowPermissions: JobRun['permissions'];
  workflowDefaults: { shell?: string; workingDirectory?: string };
  /** Contexts shared by every job: github (without job specifics), inputs, vars, secrets. */
  contexts: Record<string, unknown>;
  /** Results of every finished job so far. */
  results: Record<string, { result: JobResult; outputs: Record<string, string> }>;
  /** Ancestors (transitive needs) of each job. */
  ancestors: (job: string) => string[];
  usedActions: UsedAction[];
  pages: PagesDeployment[];
  log: (line: string) => void;
  nextWorkspace: (job: string) => string;
}

/** GitHub's default GITHUB_TOKEN permissions when neither job nor workflow sets any (restricted). */
const RESTRICTED: Record<string, string> = { contents: 'read', packages: 'read', metadata: 'read' };

export function readPermissions(token: ReturnType<typeof property>): JobRun['permissions'] {
  if (!token) return undefined;
  if (isString(token)) return token.value as 'read-all' | 'write-all';
  const out: Record<string, string> = {};
  if (isMapping(token))
    for (const pair of token)
      out[String(evaluateToken(pair.key, { contexts: {} }))] = String(
        evaluateToken(pair.value, { contexts: {} }),
      );
  return out;
}

export function readDefaults(token: ReturnType<typeof property>): {
  shell?: string;
  workingDirectory?: string;
} {
  const run = property(property(token, 'defaults'), 'run');
  const shell = property(run, 'shell');
  const wd = property(run, 'working-directory');
  return {
    ...(shell && isString(shell) ? { shell: shell.value } : {}),
    ...(wd && isString(wd) ? { workingDirectory: wd.value } : {}),
  };
}

function jobScope(env: JobEnvironment, parsed: ParsedJob, extra: Record<string, unknown>): Scope {
  const ancestors = env.ancestors(parsed.id).map((id) => env.results[id]?.result);
  return {
    contexts: {
      ...env.contexts,
      needs: Object.fromEntries(parsed.needs.map((id) => [id, env.results[id]])),
      ...extra,
    },
    status: {
      success: () => ancestors.every((r) => r === 'success'),
      failure: () => ancestors.some((r) => r === 'failure'),
      cancelled: () => false,
    },
  };
}

const displayName = (base: string, matrix?: Combination) =>
  matrix && Object.keys(matrix).length
    ? `${base} (${Object.values(matrix)
        .map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v)))
        .join(', ')})`
    : base;

function emptyRun(parsed: ParsedJob, result: JobResult, error?: string, matrix?: Combination): JobRun {
  return {
    id: parsed.id,
    name: displayName(parsed.id, matrix),
    ...(matrix ? { matrix } : {}),
    result,
    outcome: result,
    continueOnError: false,
    outputs: {},
    steps: [],
    permissions: undefined,
    workspace: '',
    ...(error ? { error } : {}),
    annotations: error ? [{ level: 'error', message: error }] : [],
    summary: '',
  };
}

async function runInstance(
  env: JobEnvironment,
  parsed: ParsedJob,
  matrix: Combination | undefined,
  strategy: Record<string, unknown>,
): Promise<JobRun> {
  const { facts } = env;
  const base = jobScope(env, parsed, { matrix: matrix ?? {}, strategy });
  const workspace = env.nextWorkspace(parsed.id);
  const home = join(workspace, '..');
  const runnerTemp = join(home, 'temp');
  mkdirSync(workspace, { recursive: true });
  mkdirSync(runnerTemp, { recursive: true });
  const github = githubContext(facts, parsed.id, workspace);
  const declared = readPermissions(property(parsed.token, 'permissions')) ?? env.workflowPermissions;
  const permissions = declared ?? RESTRICTED;
  let name = displayName(parsed.id, matrix);
  const run: JobRun = {
    ...emptyRun(parsed, 'success', undefined, matrix),
    name,
    permissions,
    workspace,
  };
  const state: JobState = {
    facts,
    jobId: parsed.id,
    label: name,
    workspace,
    runnerTemp,
    filesDir: join(runnerTemp, '_runner_file_commands'),
    masker: env.masker,
    store: env.store,
    permissions,
    contexts: {
      ...base.contexts,
      github,
      runner: {
        os: 'Linux',
        arch: 'X64',
        name: 'local-runner',
        temp: runnerTemp,
        tool_cache: join(home, 'tool-cache'),
        environment: 'github-hosted',
      },
    },
    runnerEnv: githubEnv(github, runnerTemp),
    env: { ...env.workflowEnv },
    path: [],
    steps: {},
    status: 'success',
    defaults: { ...env.workflowDefaults, ...readDefaults(parsed.token) },
    posts: [],
    records: [],
    usedActions: env.usedActions,
    pages: env.pages,
    stepCounter: 0,
    log: (line) => env.log(`[${name}] ${line}`),
  };
  const hasIdToken =
    permissions === 'write-all' || (typeof permissions === 'object' && permissions['id-token'] === 'write');
  if (hasIdToken && facts.options.oidc) {
    state.runnerEnv.ACTIONS_ID_TOKEN_REQUEST_URL = facts.options.oidc.url;
    state.runnerEnv.ACTIONS_ID_TOKEN_REQUEST_TOKEN =
      facts.options.oidc.token ?? 'local-runner-oidc-request-token';
  }
  const scopeNoSteps = () => ({ ...base, contexts: { ...state.contexts, env: state.env } });
  try {
    const jobName = parsed.job.name;
    if (jobName && !(isString(jobName) && jobName.value === parsed.id)) {
      name = evaluateString(jobName, scopeNoSteps());
      run.name = name;
      state.label = name;
    }
    const coe = evaluateToken(property(parsed.token, 'continue-on-error'), scopeNoSteps());
    run.continueOnError = coe === true || coe === 'true';
    if (property(parsed.token, 'container') || property(parsed.token, 'services'))
      throw new Error(`job '${parsed.id}' uses container/services, which the local runner does not run`);
    const environment = parsed.job.environment;
    if (environment) {
      const value = evaluateToken(environment, scopeNoSteps());
      run.environment =
        typeof value === 'string'
          ? { name: value }
          : { name: String((value as Record<string, unknown>).name) };
    }
    if (parsed.job.concurrency) {
      const value = evaluateToken(parsed.job.concurrency, scopeNoSteps());
      run.concurrency =
        typeof value === 'string'
          ? { group: value, cancelInProgress: false }
          : {
              group: String((value as Record<string, unknown>).group),
              cancelInProgress: (value as Record<string, unknown>)['cancel-in-progress'] === true,
            };
    }
    Object.assign(state.env, evaluateStringMap(parsed.job.env, scopeNoSteps()));
  } catch (error) {
    run.result = run.outcome = 'failure';
    run.error = (error as Error).message;
    run.annotations.push({ level: 'error', message: run.error });
    return run;
  }
  writeFileSync(join(home, 'job.json'), JSON.stringify({ job: parsed.id, matrix }));
  state.log(`##[job] ${name} in ${workspace}`);
  await runPrePhases(
    state,
    parsed.steps.flatMap(({ step, token }) =>
      'uses' in step
        ? [
            {
              id: step.id,
              name: step.uses.value,
              uses: step.uses.value,
              with: property(token, 'with'),
              stepEnv: {},
            },
          ]
        : [],
    ),
  );
  for (const step of parsed.steps) await runStep(state, step);
  for (const post of [...state.posts].reverse()) await post.run();
  // Outputs and the environment's url are evaluated once the steps are done.
  try {
    const outputs = evaluateStringMap(parsed.job.outputs, stepScope(state));
    for (const [key, value] of Object.entries(outputs)) {
      if (value && env.masker.contains(value)) {
        state.log(`##[warning]Skip output '${key}' since it may contain secret.`);
        continue;
      }
      run.outputs[key] = value;
    }
    const url = property(property(parsed.token, 'environment'), 'url');
    if (run.environment && url) run.environment.url = evaluateString(url, stepScope(state));
  } catch (error) {
    run.error = (error as Error).message;
    state.status = 'failure';
  }
  run.steps = state.records;
  run.outcome = state.status === 'success' ? 'success' : 'failure';
  run.result = run.outcome === 'failure' && run.continueOnError ? 'success' : run.outcome;
  run.annotations = [
    ...(run.error ? [{ level: 'error' as const, message: run.error }] : []),
    ...state.records.flatMap((s) => s.annotations),
  ];
  run.summary = state.records
    .map((s) => s.summary)
    .filter(Boolean)
    .join('\n');
  state.log(
    `##[job] ${name}: ${run.outcome}${run.result !== run.outcome ? ` (continue-on-error: ${run.result})` : ''}`,
  );
  return run;
}

/** Runs every instance of a job; returns them and the job's `needs` view. */
/** A job left out by `options.jobs`: skipped, saying why (never silently). */
export function notSelected(
  env: JobEnvironment,
  parsed: ParsedJob,
): { runs: JobRun[]; result: JobResult; outputs: Record<string, string> } {
  const why = `not run: options.jobs selects ${env.facts.options.jobs!.join(', ')}`;
  env.log(`[${parsed.id}] ##[job] skipped (${why})`);
  return { runs: [emptyRun(parsed, 'skipped', why)], result: 'skipped', outputs: {} };
}

export async function runJob(
  env: JobEnvironment,
  parsed: ParsedJob,
): Promise<{ runs: JobRun[]; result: JobResult; outputs: Record<string, string> }> {
  const scope = jobScope(env, parsed, { matrix: {}, strategy: {} });
  let shouldRun: boolean;
  try {
    shouldRun = evaluateCondition(parsed.job.if.expression, scope);
  } catch (error) {
    const run = emptyRun(parsed, 'failure', (error as Error).message);
    return { runs: [run], result: 'failure', outputs: {} };
  }
  if (!shouldRun) {
    env.log(`[${parsed.id}] ##[job] skipped (${parsed.job.if.expression})`);
    return { runs: [emptyRun(parsed, 'skipped')], result: 'skipped', outputs: {} };
  }
  let combinations: (Combination | undefined)[] = [undefined];
  let failFast = true;
  const strategyToken = parsed.job.strategy;
  if (strategyToken) {
    try {
      const strategy = evaluateToken(strategyToken, scope) as Record<string, unknown>;
      if (strategy['fail-fast'] !== undefined)
        failFast = strategy['fail-fast'] === true || strategy['fail-fast'] === 'true';
      if (strategy.matrix !== undefined) combinations = expandMatrix(strategy.matrix);
    } catch (error) {
      const message = `Error when evaluating 'strategy' for job '${parsed.id}'. ${(error as Error).message}`;
      env.log(`[${parsed.id}] ##[error]${message}`);
      return { runs: [emptyRun(parsed, 'failure', message)], result: 'failure', outputs: {} };
    }
  }
  const runs: JobRun[] = [];
  let cancelled = false;
  for (const [index, matrix] of combinations.entries()) {
    if (cancelled) {
      runs.push(emptyRun(parsed, 'cancelled', undefined, matrix));
      continue;
    }
    const strategy = {
      'fail-fast': failFast,
      'job-index': index,
      'job-total': combinations.length,
      'max-parallel': combinations.length,
    };
    const run = await runInstance(env, parsed, matrix, strategy);
    runs.push(run);
    if (run.result === 'failure' && failFast && matrix) cancelled = true;
  }
  const outputs: Record<string, string> = {};
  for (const run of runs) for (const [k, v] of Object.entries(run.outputs)) if (v !== '') outputs[k] = v;
  const results = runs.map((r) => r.result);
  const result: JobResult = results.includes('failure')
    ? 'failure'
    : results.includes('cancelled')
      ? 'cancelled'
      : results.every((r) => r === 'skipped')
        ? 'skipped'
        : 'success';
  return { runs, result, outputs };
}
