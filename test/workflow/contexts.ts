/**
 * The run-wide facts GitHub derives from the event: ref, sha, ref_name / ref_type, the event
 * payload, `inputs` (workflow_dispatch inputs with their declared defaults and types), whether the
 * workflow's `on:` is triggered at all, and the `github` context and GITHUB_* variables built from them.
 */
import { execFileSync } from 'node:child_process';
import { matchesGlob } from 'node:path';
import type { WorkflowTemplate } from '@actions/workflow-parser/model/workflow-template';
import { WorkflowError } from './parse.js';
import type { RunWorkflowOptions, WorkflowEvent } from './types.js';

export interface ResolvedEvent {
  eventName: string;
  ref: string;
  sha: string;
  refName: string;
  refType: 'branch' | 'tag' | '';
  headRef: string;
  baseRef: string;
  payload: Record<string, unknown>;
  inputs: Record<string, string | boolean | number>;
  defaultBranch: string;
}

export function git(repo: string, ...args: string[]): string {
  return execFileSync('git', ['-C', repo, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

function defaultBranchOf(repo: string): string {
  try {
    return git(repo, 'symbolic-ref', '--short', 'HEAD');
  } catch {
    return 'main';
  }
}

function commitOf(repo: string, ref: string): string {
  try {
    return git(repo, 'rev-parse', '--verify', `${ref}^{commit}`);
  } catch {
    throw new WorkflowError(`The event's ref ${ref} does not exist in ${repo}`);
  }
}

/** GitHub's branch/tag filter: patterns in order, `!` excludes, the last match decides. */
function matchesFilters(name: string, patterns: string[]): boolean {
  let matched = false;
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) {
      if (matchesGlob(name, pattern.slice(1))) matched = false;
    } else if (matchesGlob(name, pattern)) matched = true;
  }
  return matched;
}

function checkTrigger(template: WorkflowTemplate, event: ResolvedEvent, file: string): void {
  const config = template.events[event.eventName] as Record<string, string[] | undefined> | undefined;
  if (!(event.eventName in template.events))
    throw new WorkflowError(
      `${file} is not triggered by ${event.eventName} (on: ${Object.keys(template.events).join(', ')})`,
    );
  if (!config) return;
  const name = event.eventName === 'pull_request' ? event.baseRef : event.refName;
  const kind = event.eventName === 'pull_request' || event.refType === 'branch' ? 'branches' : 'tags';
  const other = kind === 'branches' ? 'tags' : 'branches';
  const include = config[kind];
  const ignore = config[`${kind}-ignore`];
  const filtered = include || ignore || config[other] || config[`${other}-ignore`];
  if (!filtered) return;
  const runs = include ? matchesFilters(name, include) : ignore ? !matchesFilters(name, ignore) : false;
  if (!runs)
    throw new WorkflowError(
      `${file}: ${event.eventName} of ${event.ref} does not match the workflow's ${kind} filters`,
    );
}

function typedInputs(
  template: WorkflowTemplate,
  given: Record<string, string | boolean | number>,
  file: string,
): Record<string, string | boolean | number> {
  const declared = template.events.workflow_dispatch?.inputs ?? {};
  const unknown = Object.keys(given).filter((k) => !(k in declared));
  if (unknown.length)
    throw new WorkflowError(`${file}: Unexpected inputs provided: ${JSON.stringify(unknown)}`);
  const out: Record<string, string | boolean | number> = {};
  for (const [name, spec] of Object.entries(declared)) {
    const raw = name in given ? given[name] : spec.default;
    if (raw === undefined || raw === '') {
      if (spec.required) throw new WorkflowError(`${file}: Required input '${name}' not provided`);
      out[name] = spec.type === 'boolean' ? false : '';
      continue;
    }
    if (spec.type === 'boolean') {
      const text = String(raw);
      if (text !== 'true' && text !== 'false')
        throw new WorkflowError(`${file}: Provided value '${text}' for input '${name}' is not a boolean`);
      out[name] = text === 'true';
    } else if (spec.type === ('number' as string)) {
      const n = Number(raw);
      if (Number.isNaN(n))
        throw new WorkflowError(`${file}: Provided value '${raw}' for input '${name}' is not a number`);
      out[name] = n;
    } else {
      if (spec.type === 'choice' && spec.options && !spec.options.includes(String(raw)))
        throw new WorkflowError(
          `${file}: Provided value '${raw}' for input '${name}' not in the list of allowed values`,
        );
      out[name] = String(raw);
    }
  }
  return out;
}

export function resolveEvent(
  event: WorkflowEvent,
  options: RunWorkflowOptions,
  template: WorkflowTemplate,
  file: string,
): ResolvedEvent {
  const repo = options.repository;
  const defaultBranch = defaultBranchOf(repo);
  const repository = repositoryPayload(options, defaultBranch);
  let ref: string;
  let headRef = '';
  let baseRef = '';
  let payload: Record<string, unknown>;
  let inputs: Record<string, string | boolean | number> = {};
  let sha: string;
  switch (event.name) {
    case 'push':
      ref = event.ref;
      sha = event.sha ?? commitOf(repo, ref);
      payload = {
        ref,
        before: '0'.repeat(40),
        after: sha,
        created: true,
        deleted: false,
        forced: false,
        repository,
        head_commit: { id: sha },
      };
      break;
    case 'workflow_dispatch':
      ref = event.ref ?? `refs/heads/${defaultBranch}`;
      sha = event.sha ?? commitOf(repo, ref);
      inputs = typedInputs(template, event.inputs ?? {}, file);
      payload = {
        ref,
        repository,
        workflow: file,
        // github.event.inputs holds strings, as GitHub sends them; the `inputs` context keeps the types.
        inputs: Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, String(v)])),
      };
      break;
    case 'schedule':
      ref = `refs/heads/${defaultBranch}`;
      sha = event.sha ?? commitOf(repo, ref);
      payload = { schedule: event.cron ?? template.events.schedule?.[0]?.cron ?? '', repository };
      break;
    case 'pull_request': {
      const number = event.number ?? 1;
      headRef = event.head;
      baseRef = event.base ?? defaultBranch;
      ref = `refs/pull/${number}/merge`;
      // There is no merge commit in a fixture repository: the PR's head is what gets checked out.
      sha = commitOf(repo, `refs/heads/${headRef}`);
      const baseSha = commitOf(repo, `refs/heads/${baseRef}`);
      payload = {
        action: event.action ?? 'opened',
        number,
        pull_request: { number, head: { ref: headRef, sha }, base: { ref: baseRef, sha: baseSha } },
        repository,
      };
      break;
    }
    default:
      throw new WorkflowError(`Unsupported event ${(event as { name: string }).name}`);
  }
  payload = { ...payload, ...(event.payload ?? {}) };
  const refType = ref.startsWith('refs/tags/') ? 'tag' : ref.startsWith('refs/heads/') ? 'branch' : '';
  const refName =
    event.name === 'pull_request'
      ? `${(payload.number as number) ?? 1}/merge`
      : ref.replace(/^refs\/(heads|tags)\//, '');
  const resolved: ResolvedEvent = {
    eventName: event.name,
    ref,
    sha,
    refName,
    refType,
    headRef,
    baseRef,
    payload,
    inputs,
    defaultBranch,
  };
  checkTrigger(template, resolved, file);
  return resolved;
}

function repositoryPayload(options: RunWorkflowOptions, defaultBranch: string) {
  const fullName = options.repositoryName ?? 'acme/app';
  const [owner, name] = fullName.split('/');
  return {
    full_name: fullName,
    name,
    owner: { login: owner },
    default_branch: defaultBranch,
    private: false,
  };
}

export interface RunFacts {
  event: ResolvedEvent;
  options: RunWorkflowOptions;
  workflowFile: string;
  workflowName: string;
  token: string;
  runId: number;
  runNumber: number;
  runAttempt: number;
  eventPath: string;
  /** The names of `options.replaceRun` that matched a step. */
  replaced: Set<string>;
}

export function serverUrls(options: RunWorkflowOptions) {
  return {
    server_url: options.env?.GITHUB_SERVER_URL ?? 'https://github.com',
    api_url: options.env?.GITHUB_API_URL ?? 'https://api.github.com',
    graphql_url: options.env?.GITHUB_GRAPHQL_URL ?? 'https://api.github.com/graphql',
  };
}

/** The `github` context of a job (`job` and `workspace` depend on it). */
export function githubContext(facts: RunFacts, job: string, workspace: string): Record<string, unknown> {
  const { event, options } = facts;
  const repository = options.repositoryName ?? 'acme/app';
  const actor = options.actor ?? 'octocat';
  return {
    event_name: event.eventName,
    event: event.payload,
    event_path: facts.eventPath,
    ref: event.ref,
    ref_name: event.refName,
    ref_type: event.refType,
    ref_protected: false,
    sha: event.sha,
    head_ref: event.headRef,
    base_ref: event.baseRef,
    repository,
    repository_owner: repository.split('/')[0],
    repositoryUrl: `git://github.com/${repository}.git`,
    run_id: String(facts.runId),
    run_number: String(facts.runNumber),
    run_attempt: String(facts.runAttempt),
    actor,
    triggering_actor: actor,
    workflow: facts.workflowName,
    workflow_ref: `${repository}/${facts.workflowFile}@${event.ref}`,
    job,
    token: facts.token,
    workspace,
    action: '',
    retention_days: '90',
    secret_source: 'Actions',
    ...serverUrls(options),
  };
}

/** The GITHUB_* / RUNNER_* variables every step of a job gets. */
export function githubEnv(github: Record<string, unknown>, runnerTemp: string): Record<string, string> {
  const g = (k: string) => String(github[k] ?? '');
  return {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTOR: g('actor'),
    GITHUB_TRIGGERING_ACTOR: g('triggering_actor'),
    GITHUB_API_URL: g('api_url'),
    GITHUB_GRAPHQL_URL: g('graphql_url'),
    GITHUB_SERVER_URL: g('server_url'),
    GITHUB_BASE_REF: g('base_ref'),
    GITHUB_HEAD_REF: g('head_ref'),
    GITHUB_EVENT_NAME: g('event_name'),
    GITHUB_EVENT_PATH: g('event_path'),
    GITHUB_JOB: g('job'),
    GITHUB_REF: g('ref'),
    GITHUB_REF_NAME: g('ref_name'),
    GITHUB_REF_TYPE: g('ref_type'),
    GITHUB_REF_PROTECTED: 'false',
    GITHUB_REPOSITORY: g('repository'),
    GITHUB_REPOSITORY_OWNER: g('repository_owner'),
    GITHUB_RETENTION_DAYS: g('retention_days'),
    GITHUB_RUN_ID: g('run_id'),
    GITHUB_RUN_NUMBER: g('run_number'),
    GITHUB_RUN_ATTEMPT: g('run_attempt'),
    GITHUB_SHA: g('sha'),
    GITHUB_WORKFLOW: g('workflow'),
    GITHUB_WORKFLOW_REF: g('workflow_ref'),
    GITHUB_WORKSPACE: g('workspace'),
    RUNNER_ARCH: 'X64',
    RUNNER_ENVIRONMENT: 'github-hosted',
    RUNNER_NAME: 'local-runner',
    RUNNER_OS: 'Linux',
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: `${runnerTemp}/../tool-cache`,
  };
}
