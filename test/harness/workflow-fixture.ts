/**
 * What the end-to-end runs of the workflow files share: a fixture git repository made from a
 * folder (commit, optional tag, optional branch), the workflow runner called with this
 * repository as actionsRoot and a fresh work folder under the run's temp root, and readers of
 * a run (the steps of one job, the publish steps of a release).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runWorkflow, type RunWorkflowOptions, type StepRun, type WorkflowRun } from '../workflow/index.js';
import { ROOT } from './run-action.js';

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Acme CI',
  GIT_AUTHOR_EMAIL: 'ci@acme.invalid',
  GIT_COMMITTER_NAME: 'Acme CI',
  GIT_COMMITTER_EMAIL: 'ci@acme.invalid',
};

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-C', dir, ...args], {
    env: { ...process.env, ...GIT_ENV },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

/**
 * Turns `dir` into a git repository on `main` with everything committed (a `.gitignore` of
 * build outputs first, as the project would have), tagged `tag` when given.
 */
export function makeRepository(dir: string, options: { tag?: string; ignore?: string[] } = {}): string {
  writeFileSync(join(dir, '.gitignore'), [...(options.ignore ?? []), ''].join('\n'));
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'release');
  if (options.tag) git(dir, 'tag', options.tag);
  return dir;
}

/** Commit everything on a new branch `name` of `dir` (then back on main). */
export function commitOnBranch(dir: string, name: string, change: () => void): void {
  git(dir, 'checkout', '-q', '-b', name);
  change();
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', `change on ${name}`);
  git(dir, 'checkout', '-q', 'main');
}

export type RunOptions = Omit<RunWorkflowOptions, 'actionsRoot' | 'workDir'> & { workDir?: string };

/** runWorkflow with this repository's actions and a fresh work folder under the run's temp root. */
export function run(options: RunOptions): Promise<WorkflowRun> {
  return runWorkflow({
    actionsRoot: ROOT,
    workDir: options.workDir ?? mkdtempSync(join(tmpdir(), 'wf-run-')),
    ...(process.env.DEPLOY_ACTIONS_WORKFLOW_LOG
      ? { onLog: (l: string) => process.stdout.write(`${l}\n`) }
      : {}),
    ...options,
  });
}

/** The main phase of the steps of every instance of `job`. */
export function steps(r: WorkflowRun, job: string): StepRun[] {
  return (r.jobs[job] ?? []).flatMap((j) => j.steps.filter((s) => s.phase === 'main'));
}

/** The main phase of a step of `job` by its id, name or `uses:`. */
export function step(r: WorkflowRun, job: string, key: string, instance = 0): StepRun | undefined {
  return r.jobs[job]?.[instance]?.steps.find(
    (s) => s.phase === 'main' && (s.id === key || s.name === key || s.uses === key),
  );
}

/** What went wrong, for an expectation's message: failed steps with the end of their log. */
export function failures(r: WorkflowRun): string[] {
  return Object.values(r.jobs)
    .flat()
    .flatMap((j) => [
      ...(j.error && j.outcome === 'failure' ? [`${j.name}: ${j.error}`] : []),
      ...j.steps
        .filter((s) => s.outcome === 'failure')
        .map((s) => `${j.name} / ${s.name}: ${s.error ?? ''}\n${s.log.split('\n').slice(-25).join('\n')}`),
    ]);
}

/**
 * The publish step of every tier job instance that got a matrix target: target → the step's
 * conclusion and status output (no status when the step did not run). A tier job that did not
 * run at all (no work in that tier) has no instance here.
 */
export function publishSteps(r: WorkflowRun): Record<string, { conclusion: string; status?: string }> {
  const out: Record<string, { conclusion: string; status?: string }> = {};
  for (const tier of ['tier1', 'tier2', 'tier3', 'tier4'])
    for (const job of r.jobs[tier] ?? []) {
      if (job.matrix?.target === undefined) continue;
      const target = String(job.matrix.target);
      const publish = job.steps.find((s) => s.phase === 'main' && s.id === 'publish');
      out[target] = publish
        ? {
            conclusion: publish.conclusion,
            ...(publish.outputs.status ? { status: publish.outputs.status } : {}),
          }
        : { conclusion: job.result };
    }
  return out;
}
