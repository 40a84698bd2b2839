/**
 * `uses:` steps. This repository's actions (`<actionsRepository>[/<path>]@<ref>` and `./<path>`,
 * both resolved in actionsRoot) run from their action.yml exactly as the runner runs a node action:
 * `node <dir>/<main>` with INPUT_<NAME> for every `with:` input and every other input that has a
 * `default:` (expressions in defaults evaluated), `pre`/`post` with `pre-if`/`post-if` (default
 * `always()`), the post step getting STATE_* from the main step's GITHUB_STATE.
 * `actions/*` that tests need run as stand-ins (standins.ts); anything else fails the step.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/index';
import { evaluateCondition, evaluateString, evaluateStringMap } from './expressions.js';
import { stepScope, type JobState } from './job-state.js';
import { loadAction, type ParsedAction } from './parse.js';
import { runProcess } from './process.js';
import { runStandIn, standInRuntime } from './standins.js';
import { executeStep, type StepExec, type StepInfo } from './steps.js';

type Resolved =
  | { kind: 'local'; dir: string; version: string }
  | { kind: 'stand-in'; name: string; version: string; runtime: string }
  | { kind: 'unsupported'; reason: string };

/** The runner's name for an input's variable: INPUT_, upper case, spaces to `_` (dashes kept). */
export const inputVariable = (name: string) => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;

export function resolveUses(uses: string, actionsRoot: string, actionsRepository: string): Resolved {
  if (uses.startsWith('./')) return { kind: 'local', dir: resolve(actionsRoot, uses), version: 'local' };
  if (uses.startsWith('docker://'))
    return { kind: 'unsupported', reason: `unsupported action ${uses}: docker actions do not run here` };
  const match = /^([^/@]+)\/([^/@]+)(\/[^@]*)?@(.+)$/.exec(uses);
  if (!match) return { kind: 'unsupported', reason: `unsupported action ${uses}: not owner/repo[/path]@ref` };
  const [, owner, repo, path = '', ref] = match;
  if (`${owner}/${repo}`.toLowerCase() === actionsRepository.toLowerCase())
    return { kind: 'local', dir: join(actionsRoot, path), version: ref };
  if (owner === 'actions' && !path) {
    const runtime = standInRuntime(repo, ref);
    if (runtime) return { kind: 'stand-in', name: repo, version: ref, runtime };
    if (standInRuntime(repo))
      return {
        kind: 'unsupported',
        reason: `unsupported action ${uses}: the local runner has ${repo} for ${standInRuntime(repo)} only`,
      };
  }
  return { kind: 'unsupported', reason: `unsupported action ${uses}: the local runner does not emulate it` };
}

function actionFile(dir: string): string | undefined {
  for (const name of ['action.yml', 'action.yaml']) if (existsSync(join(dir, name))) return join(dir, name);
  return undefined;
}

/** INPUT_* as the runner sets them: every input with a default, then every `with:` value. */
function inputEnv(
  action: ParsedAction,
  given: Record<string, string>,
  state: JobState,
  stepEnv: Record<string, string>,
) {
  const env: Record<string, string> = {};
  const declared = action.template.inputs ?? [];
  for (const input of declared) {
    if (input.default === undefined || input.id in given) continue;
    env[inputVariable(input.id)] = evaluateString(input.default, stepScope(state, stepEnv));
  }
  for (const [name, value] of Object.entries(given)) env[inputVariable(name)] = value;
  const unexpected = Object.keys(given).filter(
    (k) => !declared.some((d) => d.id.toLowerCase() === k.toLowerCase()),
  );
  return { env, unexpected, valid: declared.map((d) => d.id) };
}

async function runNodePhase(exec: StepExec, dir: string, script: string, own: Record<string, string>) {
  const result = await runProcess(process.execPath, [join(dir, script)], {
    cwd: exec.state.workspace,
    env: exec.env(own),
    timeoutMs: exec.timeoutMs,
    onLine: exec.line,
  });
  if (result.timedOut)
    return { exitCode: 1, error: `The action has timed out after ${Math.round(exec.timeoutMs / 1000)} s.` };
  return { exitCode: result.exitCode };
}

/** The main phase of a `uses:` step; a local action's post phase is queued on the job. */
export async function runAction(
  state: JobState,
  info: StepInfo,
  uses: string,
  withToken: TemplateToken | undefined,
) {
  const { options } = state.facts;
  const resolved = resolveUses(uses, options.actionsRoot, options.actionsRepository ?? 'org/deploy-actions');
  let given: Record<string, string> = {};
  try {
    given = evaluateStringMap(withToken, stepScope(state, info.stepEnv));
  } catch (error) {
    await executeStep(state, info, async () => ({ exitCode: 1, error: (error as Error).message }));
    return;
  }
  if (resolved.kind === 'unsupported') {
    await executeStep(state, info, async () => ({ exitCode: 1, error: resolved.reason }));
    return;
  }
  if (resolved.kind === 'stand-in') {
    state.usedActions.push({ uses, version: resolved.version, runtime: resolved.runtime, kind: 'stand-in' });
    await executeStep(state, info, (exec) => runStandIn(resolved.name, given, exec));
    return;
  }
  const file = actionFile(resolved.dir);
  if (!file) {
    await executeStep(state, info, async () => ({
      exitCode: 1,
      error: `Can't find 'action.yml' or 'action.yaml' under '${resolved.dir}' (${uses})`,
    }));
    return;
  }
  let action: ParsedAction;
  try {
    action = loadAction(resolved.dir, file);
  } catch (error) {
    await executeStep(state, info, async () => ({ exitCode: 1, error: (error as Error).message }));
    return;
  }
  const runs = action.template.runs;
  state.usedActions.push({ uses, version: resolved.version, runtime: runs.using, kind: 'local' });
  if (!/^node(12|16|20|24)$/.test(runs.using)) {
    await executeStep(state, info, async () => ({
      exitCode: 1,
      error: `unsupported action ${uses}: runs.using ${runs.using} is not run by the local runner`,
    }));
    return;
  }
  const node = runs as { main: string; post?: string; postIf?: string };
  const inputs = inputEnv(action, given, state, info.stepEnv);
  const own = {
    ...inputs.env,
    GITHUB_ACTION_PATH: resolved.dir,
    GITHUB_ACTION_REPOSITORY: uses.startsWith('./')
      ? ''
      : uses.split('@')[0].split('/').slice(0, 2).join('/'),
    GITHUB_ACTION_REF: uses.startsWith('./') ? '' : resolved.version,
  };
  const main = await executeStep(state, info, async (exec) => {
    if (inputs.unexpected.length)
      exec.line(
        `::warning::Unexpected input(s) '${inputs.unexpected.join("', '")}', valid inputs are ['${inputs.valid.join("', '")}']`,
      );
    return runNodePhase(exec, resolved.dir, node.main, own);
  });
  if (!node.post) return;
  const savedState = main.state_;
  const postInfo = { ...info, name: `Post ${info.name}`, phase: 'post' as const, recordContext: false };
  state.posts.push({
    name: postInfo.name,
    run: async () => {
      const condition = node.postIf ?? 'always()';
      if (!evaluateCondition(condition, stepScope(state, info.stepEnv))) {
        state.log(`##[step] ${postInfo.name} (skipped: ${condition})`);
        return;
      }
      const stateEnv = Object.fromEntries(Object.entries(savedState).map(([k, v]) => [`STATE_${k}`, v]));
      await executeStep(state, postInfo, (exec) =>
        runNodePhase(exec, resolved.dir, node.post!, { ...own, ...stateEnv }),
      );
    },
  });
}

/** The pre phases of the job's actions, run before its first step (as the runner's "Set up job"). */
export async function runPrePhases(
  state: JobState,
  steps: {
    id: string;
    name: string;
    uses: string;
    with: TemplateToken | undefined;
    stepEnv: Record<string, string>;
  }[],
) {
  const { options } = state.facts;
  for (const step of steps) {
    const resolved = resolveUses(
      step.uses,
      options.actionsRoot,
      options.actionsRepository ?? 'org/deploy-actions',
    );
    if (resolved.kind !== 'local') continue;
    const file = actionFile(resolved.dir);
    if (!file) continue;
    const runs = loadAction(resolved.dir, file).template.runs as { pre?: string; preIf?: string };
    if (!runs.pre) continue;
    const scope = stepScope(state, step.stepEnv);
    if (!evaluateCondition(runs.preIf ?? 'always()', scope)) continue;
    const given = evaluateStringMap(step.with, scope);
    const inputs = inputEnv(loadAction(resolved.dir, file), given, state, step.stepEnv);
    const info = {
      id: step.id,
      name: `Pre ${step.name}`,
      phase: 'pre' as const,
      uses: step.uses,
      continueOnError: false,
      stepEnv: step.stepEnv,
      timeoutMs: options.stepTimeoutMs ?? 15 * 60_000,
      recordContext: false,
    };
    await executeStep(state, info, (exec) =>
      runNodePhase(exec, resolved.dir, runs.pre!, { ...inputs.env, GITHUB_ACTION_PATH: resolved.dir }),
    );
  }
}
