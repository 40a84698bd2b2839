/**
 * The public shapes of the local workflow runner: what a test passes to runWorkflow() and what it
 * reads back. Results use GitHub's words (success / failure / cancelled / skipped, outcome vs.
 * conclusion) so a test reads like the Actions UI.
 */

/** The event that triggers the run. `ref` is a full ref (`refs/tags/v1.2.3`, `refs/heads/main`). */
export type WorkflowEvent =
  | { name: 'push'; ref: string; sha?: string; payload?: Record<string, unknown> }
  | {
      name: 'workflow_dispatch';
      /** Default: the repository's default branch. */
      ref?: string;
      sha?: string;
      /** As a user types them in the form (strings) or as the API sends them (booleans, numbers). */
      inputs?: Record<string, string | boolean | number>;
      payload?: Record<string, unknown>;
    }
  | { name: 'schedule'; cron?: string; sha?: string; payload?: Record<string, unknown> }
  | {
      name: 'pull_request';
      /** The PR's branch (a branch of the fixture repository); it is what checkout gets. */
      head: string;
      /** Default: the repository's default branch. */
      base?: string;
      number?: number;
      action?: string;
      payload?: Record<string, unknown>;
    };

export interface RunWorkflowOptions {
  /** The workflow file: absolute, or relative to `actionsRoot`. */
  workflow: string;
  event: WorkflowEvent;
  /** A git repository: actions/checkout clones it at the event's ref into each job's fresh workspace. */
  repository: string;
  /** `github.repository` (owner/name); default `acme/app`. */
  repositoryName?: string;
  secrets?: Record<string, string>;
  /**
   * The job's GITHUB_TOKEN (`github.token`, `secrets.GITHUB_TOKEN`): default one generated per
   * run. Pass the token a test GitHub API server accepts to run against it.
   */
  token?: string;
  vars?: Record<string, string>;
  /** Extra environment of the runner machine (below the workflow's own `env:`), e.g. GITHUB_API_URL. */
  env?: Record<string, string>;
  /** This repository: where `org/deploy-actions…@<ref>` and `./<path>` actions resolve. */
  actionsRoot: string;
  /** The owner/name under which `actionsRoot` is published; default `org/deploy-actions`. */
  actionsRepository?: string;
  /** Job workspaces, runner temp folders, the artifact store. Created if missing. */
  workDir: string;
  /**
   * Where a job with `id-token: write` may ask for an OIDC token: the runner then sets
   * ACTIONS_ID_TOKEN_REQUEST_URL / _TOKEN for it (only for such jobs, as GitHub does).
   */
  oidc?: { url: string; token?: string };
  runId?: number;
  runNumber?: number;
  runAttempt?: number;
  actor?: string;
  /**
   * Run only these jobs (ids); every other job is recorded as skipped with `error` saying so,
   * and jobs that need it see `skipped`. For a job a test cannot run (e.g. one that runs the
   * test suite itself). Default: every job.
   */
  jobs?: string[];
  /**
   * Stand-ins for named `run:` steps: step name (as shown, `name:` evaluated) → the script run
   * instead, in the same shell, env and folder; the log says it was replaced. For a step a test
   * cannot run (minutes of CPU, network); a name that matches no step that ran fails the run
   * with a WorkflowError, so a renamed step is never silently run for real or skipped.
   */
  replaceRun?: Record<string, string>;
  /** A step with no `timeout-minutes` is killed after this long; default 15 minutes. */
  stepTimeoutMs?: number;
  /** Every log line as it is produced (masked), e.g. `line => process.stdout.write(line + '\n')`. */
  onLog?: (line: string) => void;
}

export type JobResult = 'success' | 'failure' | 'cancelled' | 'skipped';
export type StepOutcome = 'success' | 'failure' | 'cancelled' | 'skipped';

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  title?: string;
  file?: string;
  line?: string;
}

export interface StepRun {
  /** The step's `id:`, or the id GitHub generates (`__run`, `__actions_checkout`, …). */
  id: string;
  name: string;
  /** `main` for the step itself; `pre` / `post` for an action's pre and post phases. */
  phase: 'pre' | 'main' | 'post';
  uses?: string;
  /** Before continue-on-error. */
  outcome: StepOutcome;
  /** After continue-on-error (what `success()` and the job see). */
  conclusion: StepOutcome;
  outputs: Record<string, string>;
  /** The step's log as GitHub shows it: masked, commands consumed (`##[error]…`, no add-mask). */
  log: string;
  annotations: Annotation[];
  /** What the step wrote to GITHUB_STEP_SUMMARY. */
  summary: string;
  exitCode?: number;
  /** Why the runner itself failed the step (unsupported action, bad expression, timeout…). */
  error?: string;
}

export interface JobRun {
  id: string;
  /** The display name: `name:` evaluated, else the id, with the matrix values as GitHub shows them. */
  name: string;
  /** The matrix combination of this instance; undefined for a job without a matrix. */
  matrix?: Record<string, unknown>;
  /** As `needs.<id>.result` sees it: a failure under `continue-on-error: true` is `success`. */
  result: JobResult;
  /** What happened, before continue-on-error (`failure` where the UI shows a red job). */
  outcome: JobResult;
  continueOnError: boolean;
  /** This instance's outputs (the job's outputs mapping evaluated after its steps). */
  outputs: Record<string, string>;
  steps: StepRun[];
  environment?: { name: string; url?: string };
  /** Effective permissions of GITHUB_TOKEN (job level, else workflow level); `{}` means none. */
  permissions: Record<string, string> | 'read-all' | 'write-all' | undefined;
  concurrency?: { group: string; cancelInProgress: boolean };
  /** The fresh folder this job ran in (GITHUB_WORKSPACE). */
  workspace: string;
  /** Why the job failed without a failing step (matrix, `if:` or outputs evaluation…). */
  error?: string;
  annotations: Annotation[];
  /** Every step summary of the job, joined. */
  summary: string;
}

export interface ArtifactRecord {
  name: string;
  /** Folder holding the artifact's files, as uploaded (paths relative to the upload's root). */
  dir: string;
  /** Relative paths, sorted. */
  files: string[];
  /** The job instance that uploaded it. */
  job: string;
}

export interface UsedAction {
  /** As written in the workflow (`actions/checkout@v4`). */
  uses: string;
  /** `v4`, `v1`… */
  version: string;
  /** `node20`, `node24`, `composite`: what the real action at that version declares. */
  runtime: string;
  /** `local` (an action.yml of actionsRoot, run for real) or `stand-in` (emulated here). */
  kind: 'local' | 'stand-in';
}

export interface PagesDeployment {
  job: string;
  artifact: string;
  pageUrl: string;
  files: string[];
}

export interface WorkflowRun {
  name: string;
  /** As GitHub concludes the run: failure when a job failed (not under continue-on-error). */
  result: 'success' | 'failure' | 'cancelled';
  /** Every instance of every job, keyed by job id, in the order they ran (a single one without a matrix). */
  jobs: Record<string, JobRun[]>;
  /** The `needs` view of each job that was reached: its result and merged outputs. */
  needs: Record<string, { result: JobResult; outputs: Record<string, string> }>;
  /** The whole run's log, job by job, masked. */
  log: string;
  annotations: (Annotation & { job: string; step?: string })[];
  artifacts: Record<string, ArtifactRecord>;
  concurrency?: { group: string; cancelInProgress: boolean };
  permissions: JobRun['permissions'];
  /** Each `uses:` that ran, with the version and runtime it names. */
  actionsUsed: UsedAction[];
  pages: PagesDeployment[];
  /** The resolved event: what `github.*` said. */
  github: { event_name: string; ref: string; sha: string; ref_name: string; ref_type: string };
}
