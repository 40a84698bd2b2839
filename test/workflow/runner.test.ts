/**
 * The local workflow runner, checked on small workflows (test/fixtures/workflows/) with real git,
 * real bash and real node actions: the job graph, matrices, env and file commands, masking,
 * action.yml defaults and post steps, fresh workspaces and artifacts, dispatch inputs.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, test } from '@jest/globals';
import { runWorkflow, WorkflowError, type RunWorkflowOptions, type WorkflowRun } from './index.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const fixture = (name: string) => `test/fixtures/workflows/${name}`;

let repo: string;

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'wf-repo-'));
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', repo, ...args], {
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@x',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@x',
      },
    });
  git('init', '-q', '-b', 'main');
  writeFileSync(join(repo, 'README.md'), '# fixture\n');
  git('add', '.');
  git('commit', '-q', '-m', 'first');
  git('tag', 'v1.2.3');
  git('checkout', '-q', '-b', 'feature');
  writeFileSync(join(repo, 'feature.txt'), 'feature\n');
  git('add', '.');
  git('commit', '-q', '-m', 'feature');
  git('checkout', '-q', 'main');
});

function run(workflow: string, extra: Partial<RunWorkflowOptions> = {}): Promise<WorkflowRun> {
  return runWorkflow({
    workflow: fixture(workflow),
    event: { name: 'push', ref: 'refs/heads/main' },
    repository: repo,
    actionsRoot: ROOT,
    workDir: mkdtempSync(join(tmpdir(), 'wf-run-')),
    ...extra,
  });
}

const stepLog = (r: WorkflowRun, job: string, step: string, instance = 0) =>
  r.jobs[job][instance].steps.find((s) => s.name === step || s.id === step)?.log ?? '';

describe('job graph', () => {
  let r: WorkflowRun;
  beforeAll(async () => {
    r = await run('graph.yml');
  });

  test('a failed need skips the default success() job; always() runs and sees the result', () => {
    expect(r.needs.a).toEqual({ result: 'success', outputs: { word: 'hello' } });
    expect(r.needs.b.result).toBe('failure');
    expect(r.jobs.b[0].steps.map((s) => [s.outcome, s.conclusion])).toEqual([
      ['success', 'success'],
      ['failure', 'failure'],
      ['skipped', 'skipped'],
    ]);
    expect(r.jobs.b[0].steps[0].log).toContain('b got hello');
    expect(r.needs.c.result).toBe('skipped');
    expect(r.jobs.c[0].steps).toEqual([]);
    expect(stepLog(r, 'd', '__run')).toBe('d sees b=failure');
    expect(stepLog(r, 'e', '__run')).toBe('e sees c=skipped a=hello');
  });

  test('failure() is true when an ancestor failed, even through a job that succeeded', () => {
    expect(r.needs.d.result).toBe('success');
    expect(r.needs['on-failure'].result).toBe('success');
  });

  test('a continue-on-error job: needs see success, the job records its failure, the run fails only for b', () => {
    expect(r.jobs.tolerant[0]).toMatchObject({
      result: 'success',
      outcome: 'failure',
      continueOnError: true,
    });
    expect(stepLog(r, 'after-tolerant', '__run')).toBe('tolerant=success');
    expect(r.result).toBe('failure');
  });
});

describe('matrix', () => {
  let r: WorkflowRun;
  beforeAll(async () => {
    r = await run('matrix.yml');
  });

  test('fromJSON of a job output, exclude then include, as GitHub expands them', () => {
    expect(r.jobs.spread.map((j) => j.matrix)).toEqual([
      { target: 'npm', tier: 1 },
      { target: 'docker' },
      { target: 'crates', tier: 3 },
    ]);
    expect(r.jobs.spread.map((j) => j.name)).toEqual(['spread npm', 'spread docker', 'spread crates']);
    expect(r.jobs.spread[2].steps[0].log).toContain('target=crates tier=3 index=2/3');
    // Job outputs of a matrix: the last instance that set one wins.
    expect(r.needs.spread.outputs).toEqual({ last: 'crates' });
  });

  test('fail-fast cancels the instances not started; fail-fast: false runs them all', () => {
    expect(r.jobs.fast.map((j) => j.result)).toEqual(['success', 'failure', 'cancelled']);
    expect(r.jobs.slow.map((j) => j.result)).toEqual(['success', 'failure', 'success']);
    expect(r.needs.fast.result).toBe('failure');
  });

  test('an empty include matrix fails the job, as on GitHub', () => {
    expect(r.needs.empty.result).toBe('failure');
    expect(r.jobs.empty[0].error).toMatch(/Matrix must define at least one vector/);
  });

  test('continue-on-error from the matrix: only the experimental instance may fail', () => {
    expect(r.jobs.experimental.map((j) => [j.outcome, j.result])).toEqual([
      ['success', 'success'],
      ['failure', 'success'],
    ]);
    expect(r.needs.experimental.result).toBe('success');
  });
});

describe('env and file commands', () => {
  let r: WorkflowRun;
  const secret = 'hunter2-very-secret';
  beforeAll(async () => {
    r = await run('env-files.yml', { secrets: { MY_SECRET: secret } });
  });

  test('env: step over job over workflow, in the process and in the env context', () => {
    expect(stepLog(r, 'files', 'levels')).toBe('LEVEL=step WF_ONLY=from-workflow JOB_ONLY=from-job ctx=step');
  });

  test('GITHUB_ENV, GITHUB_OUTPUT heredoc, GITHUB_PATH and the summary reach later steps', () => {
    const job = r.jobs.files[0];
    expect(job.steps.find((s) => s.id === 'write')?.outputs).toEqual({
      multi: 'line one\nline two',
      single: '1',
    });
    expect(stepLog(r, 'files', 'later')).toBe(
      'FROM_ENV_FILE=set-by-step ctx=set-by-step\nMULTI=line one\nline two\ntool-on-path',
    );
    expect(job.summary).toContain('## Summary from write');
  });

  test('secrets, the token and ::add-mask:: values are *** in the log; annotations are collected', () => {
    const log = stepLog(r, 'files', 'masks');
    expect(log).toContain('secret is ***');
    expect(log).toMatch(/generated is \*\*\*$/m);
    expect(log).toContain('token is ***');
    expect(r.log).not.toContain(secret);
    expect(r.log).not.toMatch(/gen-\d+-value/);
    expect(r.log).not.toContain('::add-mask::');
    expect(r.jobs.files[0].annotations).toEqual([
      { level: 'warning', message: 'a warning', title: 'Careful' },
      { level: 'error', message: 'an error\non two lines', file: 'x.txt', line: '3' },
    ]);
  });

  test('continue-on-error steps: outcome failure, conclusion success; pipefail is on; the job succeeds', () => {
    const job = r.jobs.files[0];
    const soft = job.steps.find((s) => s.id === 'soft')!;
    expect([soft.outcome, soft.conclusion, soft.exitCode]).toEqual(['failure', 'success', 4]);
    expect(stepLog(r, 'files', 'after-soft')).toBe('soft failed but continued');
    expect(job.steps.find((s) => s.id === 'pipe')?.outcome).toBe('failure');
    expect(stepLog(r, 'files', 'node shell')).toBe(`node says ${process.version} job`);
    expect(stepLog(r, 'files', 'working dir')).toBe(join(job.workspace, 'sub'));
    expect(stepLog(r, 'files', 'last')).toBe('status=success');
    expect(r.result).toBe('success');
  });
});

describe('actions', () => {
  let r: WorkflowRun;
  beforeAll(async () => {
    r = await run('actions.yml', { event: { name: 'push', ref: 'refs/tags/v1.2.3' } });
  });

  test('every input with a default is set, as INPUT_<NAME> (spaces to _), expressions evaluated', () => {
    const main = r.jobs.act[0].steps.find((s) => s.id === 'echo' && s.phase === 'main')!;
    expect(main.log).toContain('INPUT_GREETING=hi v1.2.3');
    expect(main.log).toContain('INPUT_COLOUR=red');
    expect(main.log).toContain('INPUT_RELOAD_COMMAND=nginx -s reload');
    expect(main.log).toContain('INPUT_TOKEN=***');
    expect(main.log).toContain('INPUT_REPO=repo=acme/app');
    expect(main.log).not.toContain('INPUT_NO-DEFAULT');
    expect(main.log).toContain(`node=${process.version}`);
    expect(main.annotations[0].message).toMatch(/Unexpected input\(s\) 'unexpected'/);
    expect(main.outputs.seen).toBe(
      'INPUT_COLOUR,INPUT_GREETING,INPUT_RELOAD_COMMAND,INPUT_REPO,INPUT_TOKEN,INPUT_UNEXPECTED',
    );
  });

  test('the post step runs after every main step, with STATE_* from GITHUB_STATE', () => {
    const steps = r.jobs.act[0].steps;
    expect(steps.map((s) => `${s.phase}:${s.id}`)).toEqual([
      'main:echo',
      'main:__run',
      'main:version',
      'main:__run_2',
      'post:echo',
    ]);
    expect(steps[4].log).toBe('post: STATE_phase=main-done STATE_greeting=hi v1.2.3');
    expect(r.needs.act.result).toBe('success');
    expect(r.actionsUsed.filter((a) => a.kind === 'local')).toEqual([
      { uses: './test/fixtures/actions/echo-inputs', version: 'local', runtime: 'node24', kind: 'local' },
      {
        uses: 'org/deploy-actions/actions/detect-version@v1',
        version: 'v1',
        runtime: 'node24',
        kind: 'local',
      },
    ]);
  });

  test('an action the runner does not have fails its step, never silently passes', () => {
    const steps = r.jobs.unsupported[0].steps;
    expect(steps[0]).toMatchObject({
      outcome: 'failure',
      error: 'unsupported action someone/else@v1: the local runner does not emulate it',
    });
    expect(steps[1].error).toMatch(/unsupported action actions\/checkout@v3/);
    expect(steps[2].log).toBe('still here');
    expect(r.needs.unsupported.result).toBe('failure');
  });
});

describe('workspaces and artifacts', () => {
  test('each job starts empty; artifacts carry files with upload/download-artifact semantics', async () => {
    const r = await run('artifacts.yml', { event: { name: 'push', ref: 'refs/tags/v1.2.3' } });
    const make = r.jobs.make[0];
    expect(make.result).toBe('success');
    expect(make.steps[1].log).toBe('v1.2.3');
    expect(r.artifacts.build.files).toEqual(['app.tar.gz', 'sub/nested.txt']);
    expect(r.artifacts.tarballs.files).toEqual(['app.tar.gz']);
    expect(r.artifacts.nothing).toBeUndefined();
    expect(make.annotations[0]).toMatchObject({
      level: 'warning',
      message: expect.stringMatching(/No files were found/),
    });
    const use = r.jobs.use[0];
    expect(use.workspace).not.toBe(make.workspace);
    expect(use.steps.slice(0, 5).map((s) => s.conclusion)).toEqual([
      'success',
      'success',
      'success',
      'success',
      'success',
    ]);
    expect(use.steps[5]).toMatchObject({
      conclusion: 'failure',
      error: expect.stringMatching(/Artifact not found for name: does-not-exist/),
    });
    expect(r.actionsUsed.map((a) => `${a.uses} ${a.runtime}`)).toContain('actions/checkout@v5 node24');
  });

  test('a push that the workflow does not listen to is refused', async () => {
    await expect(run('artifacts.yml')).rejects.toThrow(
      /does not match the workflow's branches filters|tags filters/,
    );
  });
});

describe('workflow_dispatch', () => {
  test('inputs keep their types and defaults; permissions, environment and concurrency are recorded', async () => {
    const r = await run('dispatch.yml', {
      event: { name: 'workflow_dispatch', inputs: { flag: 'true', name: 'x' } },
      oidc: { url: 'http://127.0.0.1:9/oidc' },
    });
    const show = r.jobs.show[0];
    expect(show.steps.map((s) => s.log)).toEqual([
      'flag=true json=true name=x level=low event=true',
      'flag is true',
      'typed and string forms agree',
      'oidc=http://127.0.0.1:9/oidc',
    ]);
    expect(show.permissions).toEqual({ contents: 'write', 'id-token': 'write' });
    expect(show.environment).toEqual({ name: 'staging' });
    expect(r.concurrency).toEqual({ group: 'dispatch-x', cancelInProgress: false });
    expect(r.jobs['default-perms'][0].permissions).toEqual({ contents: 'read' });
    expect(r.jobs['default-perms'][0].steps[0].log).toBe('oidc=none');
  });

  test('a boolean input at its default is false; a bad boolean is refused', async () => {
    const r = await run('dispatch.yml', { event: { name: 'workflow_dispatch' } });
    expect(r.jobs.show[0].steps.map((s) => s.conclusion)).toEqual([
      'success',
      'skipped',
      'skipped',
      'success',
    ]);
    expect(r.jobs.show[0].steps[0].log).toContain('flag=false json=false name=world');
    await expect(
      run('dispatch.yml', { event: { name: 'workflow_dispatch', inputs: { flag: 'yes' } } }),
    ).rejects.toThrow(/'yes' for input 'flag' is not a boolean/);
  });
});

test('a parser error is thrown with its line', async () => {
  await expect(run('invalid.yml')).rejects.toThrow(WorkflowError);
  await expect(run('invalid.yml')).rejects.toThrow(/invalid\.yml \(Line: 7, Col: \d+\)/);
});

describe('options for what a test cannot run', () => {
  test('jobs: the other jobs are skipped saying why, and jobs that need them are skipped', async () => {
    const r = await run('select.yml', {
      jobs: ['light'],
      replaceRun: { Expensive: 'echo stand-in ran' },
    });
    expect(r.needs.heavy.result).toBe('skipped');
    expect(r.jobs.heavy[0].error).toBe('not run: options.jobs selects light');
    expect(r.jobs.heavy[0].steps).toEqual([]);
    expect(r.needs.after.result).toBe('skipped');
    expect(r.needs.light.result).toBe('success');
    expect(stepLog(r, 'light', 'Expensive')).toContain('stand-in ran');
    expect(stepLog(r, 'light', 'Expensive')).toContain("replaced by the test's stand-in");
    expect(stepLog(r, 'light', 'Expensive')).not.toContain('expensive ran');
    expect(stepLog(r, 'light', 'Cheap')).toBe('cheap ran');
  });

  test('replaceRun naming no step that ran is an error, not a silent no-op', async () => {
    await expect(run('select.yml', { jobs: ['light'], replaceRun: { Expensiv: 'true' } })).rejects.toThrow(
      /replaceRun names no step that ran: Expensiv/,
    );
  });
});
