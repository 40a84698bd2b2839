/**
 * runWorkflow(): a workflow file run for one event the way GitHub runs it, jobs one after the
 * other in the order of the `needs` graph, each in its own fresh workspace. See types.ts for
 * what goes in and what comes back, and test/workflow/README.md for what is emulated and how.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { ArtifactStore } from './artifacts.js';
import { Masker } from './commands.js';
import { resolveEvent, type RunFacts } from './contexts.js';
import { evaluateStringMap, evaluateToken, type Scope } from './expressions.js';
import { notSelected, readDefaults, readPermissions, runJob, type JobEnvironment } from './job.js';
import { loadWorkflow, property, WorkflowError } from './parse.js';
import type { JobResult, RunWorkflowOptions, WorkflowRun } from './types.js';

export async function runWorkflow(options: RunWorkflowOptions): Promise<WorkflowRun> {
  const file = isAbsolute(options.workflow)
    ? options.workflow
    : resolve(options.actionsRoot, options.workflow);
  const workflow = await loadWorkflow(file);
  const workflowFile = relative(options.actionsRoot, file);
  const event = resolveEvent(options.event, options, workflow.template, workflowFile);
  mkdirSync(options.workDir, { recursive: true });
  const eventPath = join(options.workDir, 'event.json');
  writeFileSync(eventPath, JSON.stringify(event.payload, null, 2));
  const runId = options.runId ?? 1000 + Math.floor(Math.random() * 1e6);
  const facts: RunFacts = {
    event,
    options,
    workflowFile,
    workflowName: workflow.name,
    token: options.token ?? `ghs_localrunner${runId}${'x'.repeat(20)}`,
    runId,
    runNumber: options.runNumber ?? 1,
    runAttempt: options.runAttempt ?? 1,
    eventPath,
    replaced: new Set(),
  };
  const masker = new Masker();
  masker.add(facts.token);
  for (const value of Object.values(options.secrets ?? {})) masker.add(value);
  const logLines: string[] = [];
  const log = (line: string) => {
    logLines.push(line);
    options.onLog?.(line);
  };

  const secrets = { ...(options.secrets ?? {}), GITHUB_TOKEN: facts.token };
  const githubBase = {
    event_name: event.eventName,
    event: event.payload,
    ref: event.ref,
    ref_name: event.refName,
    ref_type: event.refType,
    sha: event.sha,
    repository: options.repositoryName ?? 'acme/app',
    run_id: String(runId),
    token: facts.token,
  };
  const workflowScope: Scope = {
    contexts: { github: githubBase, inputs: event.inputs, vars: options.vars ?? {}, secrets },
  };
  const workflowEnv = evaluateStringMap(workflow.template.env, workflowScope);
  const concurrencyValue = workflow.template.concurrency
    ? evaluateToken(workflow.template.concurrency, workflowScope)
    : undefined;
  const concurrency =
    concurrencyValue === undefined
      ? undefined
      : typeof concurrencyValue === 'string'
        ? { group: concurrencyValue, cancelInProgress: false }
        : {
            group: String((concurrencyValue as Record<string, unknown>).group),
            cancelInProgress: (concurrencyValue as Record<string, unknown>)['cancel-in-progress'] === true,
          };

  const needsOf = new Map(workflow.jobs.map((j) => [j.id, j.needs]));
  const ancestors = (id: string): string[] => {
    const seen = new Set<string>();
    const visit = (job: string) => {
      for (const need of needsOf.get(job) ?? [])
        if (!seen.has(need)) {
          seen.add(need);
          visit(need);
        }
    };
    visit(id);
    return [...seen];
  };
  const counters: Record<string, number> = {};
  const store = new ArtifactStore(join(options.workDir, 'artifacts'));
  const run: WorkflowRun = {
    name: workflow.name,
    result: 'success',
    jobs: {},
    needs: {},
    log: '',
    annotations: [],
    artifacts: store.artifacts,
    ...(concurrency ? { concurrency } : {}),
    permissions: readPermissions(property(workflow.root, 'permissions')),
    actionsUsed: [],
    pages: [],
    github: {
      event_name: event.eventName,
      ref: event.ref,
      sha: event.sha,
      ref_name: event.refName,
      ref_type: event.refType,
    },
  };
  const env: JobEnvironment = {
    facts,
    masker,
    store,
    workflowEnv,
    workflowPermissions: run.permissions,
    workflowDefaults: readDefaults(workflow.root),
    contexts: { inputs: event.inputs, vars: options.vars ?? {}, secrets },
    results: run.needs,
    ancestors,
    usedActions: run.actionsUsed,
    pages: run.pages,
    log,
    nextWorkspace: (job) => {
      counters[job] = (counters[job] ?? 0) + 1;
      return join(options.workDir, 'jobs', `${job}-${counters[job]}`, 'workspace');
    },
  };

  // Jobs in graph order: each runs once all it needs have finished (the parser rejected cycles).
  const pending = [...workflow.jobs];
  while (pending.length) {
    const index = pending.findIndex((j) => j.needs.every((n) => n in run.needs));
    if (index < 0) throw new WorkflowError(`${workflowFile}: the needs graph cannot be ordered`);
    const [parsed] = pending.splice(index, 1);
    const { runs, result, outputs } =
      options.jobs && !options.jobs.includes(parsed.id)
        ? notSelected(env, parsed)
        : await runJob(env, parsed);
    run.jobs[parsed.id] = runs;
    run.needs[parsed.id] = { result, outputs };
    for (const jobRun of runs)
      run.annotations.push(...jobRun.annotations.map((a) => ({ ...a, job: jobRun.name })));
  }
  const results: JobResult[] = Object.values(run.needs).map((n) => n.result);
  run.result = results.includes('failure')
    ? 'failure'
    : results.includes('cancelled')
      ? 'cancelled'
      : 'success';
  run.log = logLines.join('\n');
  const unused = Object.keys(options.replaceRun ?? {}).filter((name) => !facts.replaced.has(name));
  if (unused.length)
    throw new WorkflowError(`${workflowFile}: replaceRun names no step that ran: ${unused.join(', ')}`);
  return run;
}
