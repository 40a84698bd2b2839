/**
 * The rollout: read where traffic goes from the router, move it to the new colour in steps,
 * hold each step under the health gate, and on a failed gate put traffic back exactly where it
 * was (auto-rollback) before reporting the failure.
 */
import { InputError, errorMessage } from '@deploy-actions/action-kit/errors';
import { exec as realExec } from '@deploy-actions/action-kit/exec';
import type { HttpClient } from '@deploy-actions/action-kit/http';
import type { Reporter } from '@deploy-actions/action-kit/log';
import type { DeployConfig } from '@deploy-actions/release';
import { runHealthGate, type HealthOptions, type HealthResult } from './health.js';
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

export interface RolloutOptions {
  router: RouterOptions;
  /** The colour to move traffic to; `inactive`: the one not serving now. */
  to: RolloutTarget;
  /** Percentages of traffic for the new colour, increasing, ending at 100. */
  steps: number[];
  /** How long each step is held (and watched by the gate) before the next. */
  stepIntervalMs: number;
  /** No gate: steps are only held. */
  health?: HealthOptions;
  autoRollback: boolean;
}

export interface RolloutContext {
  reporter: Reporter;
  http: Pick<HttpClient, 'request'>;
  env?: NodeJS.ProcessEnv;
  /** Where relative router paths were resolved and commands run; default the current folder. */
  cwd?: string;
  exec?: ExecFn;
  sleep?: (ms: number) => Promise<void>;
}

export interface StepRecord {
  weight: number;
  change: string;
  health?: HealthResult;
}

export interface RolloutResult {
  /** The colour serving (most of) the traffic at the end. */
  active: Colour;
  /** The colour that served before; '' when the router could not tell. */
  previous: Colour | '';
  target: Colour;
  rolledBack: boolean;
  healthy: boolean;
  reason: string;
  /** One line per change made to the router, in order (install, steps, rollback). */
  changes: string[];
  steps: StepRecord[];
  before?: Traffic;
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

export async function rollout(options: RolloutOptions, context: RolloutContext): Promise<RolloutResult> {
  checkStepsFit(options, 'steps');
  const { reporter } = context;
  const sleep = context.sleep ?? realSleep;
  const router = await createRouter(options.router, {
    exec: context.exec ?? realExec,
    reporter,
    cwd: context.cwd ?? process.cwd(),
  });
  const changes = await router.prepare();
  const before = await router.read();
  const target = chooseTarget(options.to, before, router);
  const live = before ? majorityColour(before) : undefined;
  const previous: Colour | '' = live ?? '';
  reporter.info(
    `${router.description}: now ${describeTraffic(before)}; moving to ${target} in steps ${options.steps.join(', ')}%`,
  );
  const base = { target, changes, before };

  if (before?.[target] === 100) {
    const health = options.health
      ? await runHealthGate(options.health, { http: context.http, reporter, label: 'already live' })
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

  // Where to go back to: exactly the split before, or all on the other colour when unknown.
  const restoreColour = live ?? otherColour(target);
  const restoreWeight = before ? before[restoreColour] : 100;
  const restore = async (why: string): Promise<void> => {
    reporter.warning(
      `${why}: rolling back to ${describeTraffic(before) === 'unknown' ? restoreColour : describeTraffic(before)}`,
    );
    changes.push(`rollback: ${await router.shift(restoreColour, restoreWeight)}`);
  };

  const steps: StepRecord[] = [];
  for (const [index, weight] of options.steps.entries()) {
    const label = `step ${index + 1}/${options.steps.length} (${target} ${weight}%)`;
    let change: string;
    try {
      change = await router.shift(target, weight);
    } catch (caught) {
      if (options.autoRollback && steps.length)
        await restore(`${label} failed to apply`).catch((e) =>
          reporter.error(`rollback failed: ${errorMessage(e)}`),
        );
      throw caught;
    }
    changes.push(change);
    reporter.info(`${label}: ${change}`);
    const step: StepRecord = { weight, change };
    steps.push(step);
    if (options.health) {
      step.health = await runHealthGate(options.health, {
        http: context.http,
        reporter,
        label,
        minDurationMs: options.stepIntervalMs,
      });
      if (!step.health.healthy) {
        const reason = `${label}: ${step.health.reason}`;
        if (!options.autoRollback)
          return {
            ...base,
            active: majorityColour(trafficTo(target, weight)) ?? target,
            previous,
            rolledBack: false,
            healthy: false,
            reason,
            steps,
          };
        await restore(`${label} is unhealthy`);
        return {
          ...base,
          active: restoreColour,
          previous: target,
          rolledBack: true,
          healthy: false,
          reason: `${reason}; traffic is back on ${describeTraffic(before) === 'unknown' ? restoreColour : describeTraffic(before)}`,
          steps,
        };
      }
    } else if (index < options.steps.length - 1) {
      await sleep(options.stepIntervalMs);
    }
  }
  return {
    ...base,
    active: target,
    previous,
    rolledBack: false,
    healthy: true,
    reason: `all traffic on ${target} after ${options.steps.length} step${options.steps.length > 1 ? 's' : ''}`,
    steps,
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
