/**
 * The rollout: read where traffic goes from the router, move it to the new colour, hold it
 * under the health gate, and on a failure put traffic back exactly where it was
 * (auto-rollback) before reporting it.
 *
 * Two strategies. `blue-green`: the idle colour is gated first at its own address while it
 * takes no traffic, then gets all traffic at once, and the gate stays on for the step interval
 * after the switch. `canary`: traffic moves in `steps`, the gate held at each one.
 *
 * Whatever fails once the router is known (the router's command, nginx's test or reload, the
 * gate), the result says where traffic is: callers write it out, then report `failure`.
 */
import { InputError, UserError, errorMessage, isUserError } from '@deploy-actions/action-kit/errors';
import { exec as realExec, ExecError } from '@deploy-actions/action-kit/exec';
import type { HttpClient } from '@deploy-actions/action-kit/http';
import type { Reporter } from '@deploy-actions/action-kit/log';
import type { DeployConfig } from '@deploy-actions/release';
import { redactCommand } from './command-line.js';
import { runHealthGate, type GateContext, type HealthOptions, type HealthResult } from './health.js';
import { colourGate, idleColourGate } from './health-urls.js';
import {
  createRouter,
  describeTraffic,
  majorityColour,
  otherColour,
  trafficTo,
  type Colour,
  type ExecFn,
  type Router,
  type RouterOptions,
  type Traffic,
} from './router/index.js';
import { checkStepsFit, rolloutOptionsFromConfig } from './settings.js';

export type RolloutTarget = Colour | 'inactive';
export type Strategy = 'blue-green' | 'canary';

export interface RolloutOptions {
  router: RouterOptions;
  /** The colour to move traffic to; `inactive`: the one not serving now. */
  to: RolloutTarget;
  /**
   * `blue-green` (default when `steps` is one step): gate the idle colour at its own address,
   * then all traffic at once. `canary`: walk `steps`, the gate held at each.
   */
  strategy?: Strategy;
  /** Percentages of traffic for the new colour, increasing, ending at 100. */
  steps: number[];
  /** How long each step is held (and watched by the gate) before the next; after the last too. */
  stepIntervalMs: number;
  /** No gate: steps are only held. */
  health?: HealthOptions;
  autoRollback: boolean;
  /** Read where traffic is and say what would change; change nothing, probe nothing. */
  dryRun?: boolean;
  /** Steps the config gave that a blue-green switch does not walk (warned about). */
  ignoredSteps?: number[];
}

export interface RolloutContext {
  reporter: Reporter;
  http: Pick<HttpClient, 'request'>;
  env?: NodeJS.ProcessEnv;
  /** Where relative router paths were resolved and commands run; default the current folder. */
  cwd?: string;
  exec?: ExecFn;
  sleep?: (ms: number) => Promise<void>;
  /** Each round of a step's gate, as it happens (the CLI's live figures). */
  onGateRound?: GateContext['onRound'];
}

export interface StepRecord {
  weight: number;
  change: string;
  health?: HealthResult;
}

export interface RolloutResult {
  strategy: Strategy;
  /** The colour serving (most of) the traffic at the end; '' when the router cannot tell. */
  active: Colour | '';
  /** The colour that served before; '' when the router could not tell. */
  previous: Colour | '';
  /** '' when the rollout failed before it knew. */
  target: Colour | '';
  rolledBack: boolean;
  healthy: boolean;
  /** One line, always ending with where traffic is when something failed. */
  reason: string;
  /** One line per change made to the router, in order (install, steps, rollback). */
  changes: string[];
  steps: StepRecord[];
  /** blue-green: the gate of the idle colour before it took traffic. */
  preGate?: HealthResult;
  before?: Traffic;
  /** Where traffic is at the end, read back from the router after a failure. */
  after?: Traffic;
  dryRun: boolean;
  /** What stopped the rollout (a command, nginx, the gate's settings): report it after the outputs. */
  failure?: UserError;
}

/** A rollout stopped by an error; the message says where traffic is, the hint what to do. */
export class RolloutError extends UserError {
  readonly title: string;
  constructor(message: string, hint: string | undefined, title: string) {
    super(message, hint);
    this.title = title;
  }
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function chooseTarget(to: RolloutTarget, before: Traffic | undefined, router: Router): Colour {
  if (to !== 'inactive') return to;
  if (!before)
    throw new InputError(
      'to',
      `is inactive, but ${router.description} does not say which colour is live`,
      'Name the colour to switch to: to: blue or to: green.',
    );
  const live = majorityColour(before);
  if (!live)
    throw new InputError(
      'to',
      `is inactive, but traffic is split evenly (${describeTraffic(before)})`,
      'Name the colour: to: blue or to: green.',
    );
  return otherColour(live);
}

/** What went wrong, in one line: a command by its (redacted) words and exit, else the message. */
function describeFailure(caught: unknown): string {
  if (caught instanceof ExecError) {
    const { result } = caught;
    const how = result.timedOut
      ? 'timed out'
      : result.signal
        ? `was killed (${result.signal})`
        : `exited with code ${result.code}`;
    const tail = (result.stderr || result.stdout).trim().split('\n').slice(-3).join(' / ');
    return `\`${redactCommand([result.command, ...result.args])}\` ${how}${tail ? `: ${tail}` : ''}`;
  }
  // One line: it becomes the `reason` output and the summary's first line.
  return (isUserError(caught) ? caught.message : errorMessage(caught)).replace(/\s*[\r\n]+\s*/g, ' / ');
}

export function strategyOf(options: Pick<RolloutOptions, 'strategy' | 'steps'>): Strategy {
  return options.strategy ?? (options.steps.length > 1 ? 'canary' : 'blue-green');
}

export async function rollout(options: RolloutOptions, context: RolloutContext): Promise<RolloutResult> {
  checkStepsFit(options, 'steps');
  const { reporter } = context;
  const sleep = context.sleep ?? realSleep;
  const strategy = strategyOf(options);
  if (strategy === 'blue-green' && options.steps.length > 1)
    throw InputError.bad(
      'steps',
      options.steps.join(','),
      'are canary steps, but the strategy is blue-green (all traffic at once)',
      'Use steps: 100, or the canary strategy.',
    );
  if (options.ignoredSteps?.length)
    reporter.warning(
      `deploy.steps (${options.ignoredSteps.join(', ')}) are not walked: the blue-green strategy gates the idle colour, then moves all traffic at once. Use strategy: canary to walk them.`,
    );
  const router = await createRouter(options.router, {
    exec: context.exec ?? realExec,
    reporter,
    cwd: context.cwd ?? process.cwd(),
  });
  const dryRun = options.dryRun ?? false;
  const changes: string[] = [];
  const steps: StepRecord[] = [];
  let before: Traffic | undefined;
  let target: Colour | '' = '';
  let moved = false;
  let preGate: HealthResult | undefined;

  /** The result of a rollout that an error stopped: traffic put back when it moved, and read again. */
  const failed = async (where: string, caught: unknown): Promise<RolloutResult> => {
    const live = before ? majorityColour(before) : undefined;
    let rolledBack = false;
    let rollbackError = '';
    if (moved && options.autoRollback && before) {
      try {
        const colour = live ?? otherColour(target as Colour);
        changes.push(`rollback: ${await router.shift(colour, before[colour])}`);
        rolledBack = true;
      } catch (again) {
        rollbackError = describeFailure(again);
        reporter.error(`rollback failed: ${rollbackError}`);
      }
    }
    const after = await router.read().catch(() => undefined);
    const now = after ?? (moved ? undefined : before);
    const where2 = now ? describeTraffic(now) : 'unknown (the router cannot tell)';
    const traffic = !moved
      ? `nothing moved${now ? `: traffic is on ${where2}` : ''}`
      : rolledBack
        ? `traffic is back on ${where2}`
        : rollbackError
          ? `putting traffic back failed too (${rollbackError}): traffic is on ${where2}`
          : `traffic is on ${where2} (auto-rollback is off)`;
    // A setting refused before anything moved speaks for itself; a later failure says where.
    const reason = `${!moved && isUserError(caught) ? '' : `${where}: `}${describeFailure(caught)}; ${traffic}`;
    const todo =
      caught instanceof ExecError
        ? 'Run the command by hand to see why it failed, fix it, then run the switch again.'
        : isUserError(caught)
          ? caught.hint
          : 'Fix the cause, then run the switch again.';
    const title = isUserError(caught)
      ? caught.title
      : rolledBack
        ? `Rolled back to ${where2}`
        : 'Switch failed';
    return {
      strategy,
      active: (now && majorityColour(now)) || '',
      previous: rolledBack ? target : (live ?? ''),
      target,
      rolledBack,
      healthy: false,
      reason,
      changes,
      steps,
      preGate,
      before,
      after: now,
      dryRun,
      failure: new RolloutError(reason, todo, title),
    };
  };

  try {
    if (!dryRun) changes.push(...(await router.prepare()));
    before = await router.read();
    target = chooseTarget(options.to, before, router);
  } catch (caught) {
    return failed(dryRun ? 'reading the router' : 'preparing the router', caught);
  }
  const live = before ? majorityColour(before) : undefined;
  const previous: Colour | '' = live ?? '';
  const plan =
    strategy === 'blue-green'
      ? 'all at once after gating it at its own address'
      : `in steps ${options.steps.join(', ')}%`;
  reporter.info(
    `${router.description}: now ${describeTraffic(before)}; moving to ${target} ${plan} (${strategy})`,
  );
  const base = { strategy, target, changes, before, dryRun };
  const gate = options.health && colourGate(options.health, options.router, target);

  if (before?.[target] === 100) {
    const health =
      gate && !dryRun
        ? await runHealthGate(gate, { http: context.http, reporter, label: 'already live' })
        : undefined;
    return {
      ...base,
      active: target,
      previous: target,
      rolledBack: false,
      healthy: health?.healthy ?? true,
      reason: `${target} already has all traffic${health ? `; ${health.reason}` : ''}`,
      steps: health ? [{ weight: 100, change: 'none', health }] : [],
    };
  }

  if (dryRun) {
    return {
      ...base,
      active: live ?? '',
      previous,
      rolledBack: false,
      healthy: true,
      reason: `dry run: would move ${describeTraffic(before)} -> ${target} ${plan}; nothing was changed`,
      steps: [],
    };
  }

  if (strategy === 'blue-green' && options.health) {
    const idle = idleColourGate(options.health, options.router, target);
    if (!idle)
      reporter.warning(
        `blue-green: ${target} cannot be probed at its own address before the switch: put {colour} or {address} in the health URL (see the blue-green-switch README). Gating after the switch only.`,
      );
    else {
      try {
        preGate = await runHealthGate(idle, {
          http: context.http,
          reporter,
          onRound: context.onGateRound,
          label: `${target} before the switch (no traffic)`,
        });
      } catch (caught) {
        return failed(`gating ${target} before the switch`, caught);
      }
      if (!preGate.healthy)
        return {
          ...base,
          active: live ?? '',
          previous,
          rolledBack: false,
          healthy: false,
          preGate,
          steps,
          reason: `${target} is not healthy at its own address before the switch: ${preGate.reason}; nothing moved: traffic is on ${describeTraffic(before)}`,
        };
    }
  }

  // Where to go back to: exactly the split before, or all on the other colour when unknown.
  const restoreColour = live ?? otherColour(target);
  const restoreWeight = before ? before[restoreColour] : 100;
  const restoreText = describeTraffic(before) === 'unknown' ? restoreColour : describeTraffic(before);

  for (const [index, weight] of options.steps.entries()) {
    const label =
      strategy === 'blue-green'
        ? `switch (${target} 100%)`
        : `step ${index + 1}/${options.steps.length} (${target} ${weight}%)`;
    const step: StepRecord = { weight, change: '' };
    try {
      step.change = await router.shift(target, weight);
      moved = true;
      changes.push(step.change);
      reporter.info(`${label}: ${step.change}`);
      steps.push(step);
      if (options.health) {
        step.health = await runHealthGate(gate!, {
          http: context.http,
          reporter,
          label,
          onRound: context.onGateRound,
          minDurationMs: options.stepIntervalMs,
        });
      } else if (index < options.steps.length - 1) {
        await sleep(options.stepIntervalMs);
      }
    } catch (caught) {
      return failed(step.change ? `${label}` : `${label}: the router could not apply it`, caught);
    }
    if (step.health && !step.health.healthy) {
      const reason = `${label}: ${step.health.reason}`;
      if (!options.autoRollback)
        return {
          ...base,
          active: majorityColour(trafficTo(target, weight)) ?? target,
          previous,
          rolledBack: false,
          healthy: false,
          reason: `${reason}; traffic stays on ${describeTraffic(trafficTo(target, weight))} (auto-rollback is off)`,
          steps,
          preGate,
        };
      reporter.warning(`${label} is unhealthy: rolling back to ${restoreText}`);
      try {
        changes.push(`rollback: ${await router.shift(restoreColour, restoreWeight)}`);
      } catch (caught) {
        return failed(`${reason}; rolling back`, caught);
      }
      return {
        ...base,
        active: restoreColour,
        previous: target,
        rolledBack: true,
        healthy: false,
        reason: `${reason}; traffic is back on ${restoreText}`,
        steps,
        preGate,
      };
    }
  }
  return {
    ...base,
    active: target,
    previous,
    rolledBack: false,
    healthy: true,
    reason:
      strategy === 'blue-green'
        ? `all traffic on ${target} at once${preGate ? ', gated before and after the switch' : ''}`
        : `all traffic on ${target} after ${options.steps.length} step${options.steps.length > 1 ? 's' : ''}`,
    steps,
    preGate,
  };
}

/** The orchestrator's call: the config's `deploy:` section, parsed, then rolled out. */
export function rolloutFromConfig(
  deploy: DeployConfig,
  context: RolloutContext,
  to: RolloutTarget = 'inactive',
): Promise<RolloutResult> {
  return rollout(rolloutOptionsFromConfig(deploy, context.cwd, to), context);
}
