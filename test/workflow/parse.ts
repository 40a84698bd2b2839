/**
 * Reads workflow and action.yml files with GitHub's own parser (@actions/workflow-parser): schema
 * validation, expression syntax, `needs` graph, step ids and the `if:` conditions GitHub derives
 * (`success() && (…)`). Any error is thrown with the parser's message (file, line and column).
 *
 * The converted model keeps only part of a job or step (no `with:`, `shell:`, `permissions:`,
 * `continue-on-error:` of a job…), so the schema-checked tokens of each job and step are kept beside it.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  convertWorkflowTemplate,
  isMapping,
  isSequence,
  isString,
  NoOperationTraceWriter,
  parseWorkflow,
} from '@actions/workflow-parser';
import type { Job, Step, WorkflowTemplate } from '@actions/workflow-parser/model/workflow-template';
import type { MappingToken, TemplateToken } from '@actions/workflow-parser/templates/tokens/index';
import type { TemplateContext } from '@actions/workflow-parser/templates/template-context';
import {
  convertActionTemplate,
  parseAction,
  type ActionTemplate,
} from '@actions/workflow-parser/actions/index';

export class WorkflowError extends Error {
  override name = 'WorkflowError';
}

export interface ParsedStep {
  step: Step;
  /** The step's own mapping (`with`, `shell`, `working-directory`, `timeout-minutes`…). */
  token: MappingToken;
}

export interface ParsedJob {
  id: string;
  job: Job;
  token: MappingToken;
  needs: string[];
  steps: ParsedStep[];
}

export interface ParsedWorkflow {
  file: string;
  name: string;
  template: WorkflowTemplate;
  root: MappingToken;
  jobs: ParsedJob[];
}

/** A mapping's value for `key`, or undefined. */
export function property(token: TemplateToken | undefined, key: string): TemplateToken | undefined {
  if (!token || !isMapping(token)) return undefined;
  for (const pair of token) if (isString(pair.key) && pair.key.value === key) return pair.value;
  return undefined;
}

function throwErrors(context: TemplateContext, what: string): void {
  const errors = context.errors.getErrors();
  if (errors.length > 0) throw new WorkflowError(`${what}:\n${errors.map((e) => e.message).join('\n')}`);
}

export async function loadWorkflow(file: string): Promise<ParsedWorkflow> {
  const content = readFileSync(file, 'utf8');
  const parsed = parseWorkflow({ name: basename(file), content }, new NoOperationTraceWriter());
  throwErrors(parsed.context, `Invalid workflow ${file}`);
  if (!parsed.value || !isMapping(parsed.value))
    throw new WorkflowError(`Invalid workflow ${file}: not a mapping`);
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  throwErrors(parsed.context, `Invalid workflow ${file}`);
  if (template.errors?.length)
    throw new WorkflowError(`Invalid workflow ${file}:\n${template.errors.map((e) => e.Message).join('\n')}`);
  const root = parsed.value;
  const jobsToken = property(root, 'jobs');
  const jobs: ParsedJob[] = [];
  for (const job of template.jobs) {
    const id = job.id.value;
    if (job.type !== 'job')
      throw new WorkflowError(
        `${file}: job '${id}' calls a reusable workflow, which the local runner does not run`,
      );
    const token = property(jobsToken, id) as MappingToken;
    const stepTokens = property(token, 'steps');
    const rawSteps = stepTokens && isSequence(stepTokens) ? [...stepTokens] : [];
    if (rawSteps.length !== job.steps.length)
      throw new WorkflowError(`${file}: job '${id}': steps did not convert`);
    jobs.push({
      id,
      job,
      token,
      needs: (job.needs ?? []).map((n) => n.value),
      steps: job.steps.map((step, i) => ({ step, token: rawSteps[i] as MappingToken })),
    });
  }
  const nameToken = property(root, 'name');
  const name = nameToken && isString(nameToken) ? nameToken.value : basename(file);
  return { file, name, template, root, jobs };
}

export interface ParsedAction {
  dir: string;
  template: ActionTemplate;
}

const actionCache = new Map<string, ParsedAction>();

/** An action.yml (or action.yaml) read and validated as the runner reads it. */
export function loadAction(dir: string, file: string): ParsedAction {
  const cached = actionCache.get(file);
  if (cached) return cached;
  const parsed = parseAction(
    { name: file, content: readFileSync(file, 'utf8') },
    new NoOperationTraceWriter(),
  );
  throwErrors(parsed.context, `Invalid action metadata ${file}`);
  if (!parsed.value) throw new WorkflowError(`Invalid action metadata ${file}: empty`);
  const template = convertActionTemplate(parsed.context, parsed.value);
  throwErrors(parsed.context, `Invalid action metadata ${file}`);
  const action = { dir, template };
  actionCache.set(file, action);
  return action;
}
