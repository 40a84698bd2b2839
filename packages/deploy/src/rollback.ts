/**
 * Take a release back. `target` is a target of the config file, or a type:
 * - npm, docker, github-release, crates (registries): the publisher's own `rollback` (moves
 *   `latest` and friends back to the previous good version);
 * - blue-green: traffic back to the other colour through the router of the config's `deploy:`;
 * - kubernetes: `kubectl rollout undo deployment/<name>`, then wait for it to finish.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError, describeValue } from '@deploy-actions/action-kit/errors';
import { exec as realExec, ExecError } from '@deploy-actions/action-kit/exec';
import type { HttpClient } from '@deploy-actions/action-kit/http';
import type { Reporter } from '@deploy-actions/action-kit/log';
import type { RollbackContext } from '@deploy-actions/targets';
import type { ReleaseConfig, TargetSettings, TargetType } from '@deploy-actions/release';
import { requireSemVer } from '@deploy-actions/version';
import { formatCommand } from './command-line.js';
import {
  createRouter,
  describeTraffic,
  majorityColour,
  otherColour,
  parseRouterSettings,
  type Colour,
  type ExecFn,
} from './router/index.js';

export const ROLLBACK_KINDS = ['blue-green', 'kubernetes'] as const;

// Loaded when needed: the action starts (and checks its inputs) without the config parser
// and the publishers.
const release = () => import('@deploy-actions/release');

export interface RollbackRequest {
  /** A target name of the config file, a registry type, blue-green or kubernetes. */
  target: string;
  /** The config file (absolute, or relative to the workspace); default .github/deploy-actions.yml. */
  config?: string;
  /** The version (registries), colour (blue-green) or revision number (kubernetes) to go back to. */
  toVersion?: string;
  reason?: string;
  token?: string;
  /** kubernetes: the Deployment; default the config's deploy.router.service. */
  deployment?: string;
  namespace?: string;
  context?: string;
  /** Say what would change and change nothing: no registry write, no router change, no kubectl. */
  dryRun?: boolean;
  workspace: string;
  tempDir: string;
  env: NodeJS.ProcessEnv;
  reporter: Reporter;
  http: HttpClient;
  exec?: ExecFn;
}

export interface RollbackOutcome {
  target: string;
  /** The registry type, blue-green or kubernetes. */
  kind: string;
  rolledBackTo: string;
  /** One line per change made. */
  actions: string[];
}

async function readConfig(file: string, needed: boolean): Promise<ReleaseConfig | undefined> {
  if (!needed && !existsSync(file)) return undefined;
  return (await release()).loadConfig(file);
}

export async function rollbackTarget(request: RollbackRequest): Promise<RollbackOutcome> {
  const { target } = request;
  const { DEFAULT_CONFIG_FILE, TARGET_TYPES, isTargetType } = await release();
  const file = resolve(request.workspace, request.config ?? DEFAULT_CONFIG_FILE);
  const config = await readConfig(file, target === 'blue-green');
  const named = config?.targets.find((t) => t.name === target);
  if (named) return rollbackRegistry(request, named.name, named.type, named.settings);
  if (target === 'blue-green') return rollbackBlueGreen(request, config!, file);
  if (target === 'kubernetes') return rollbackKubernetes(request, config);
  if (isTargetType(target)) {
    const ofType = config?.targets.filter((t) => t.type === target) ?? [];
    if (ofType.length > 1)
      throw InputError.bad(
        'target',
        target,
        `matches ${ofType.length} targets of ${file}`,
        `Name one: ${ofType.map((t) => t.name).join(', ')}.`,
      );
    if (ofType.length === 1) return rollbackRegistry(request, ofType[0].name, target, ofType[0].settings);
    return rollbackRegistry(request, target, target, await defaultSettings(target, file));
  }
  const names = config?.targets.map((t) => t.name) ?? [];
  throw InputError.bad(
    'target',
    target,
    `is neither a target of ${file} nor a type`,
    `Use ${names.length ? `a target (${names.join(', ')}) or ` : ''}a type: ${[...TARGET_TYPES, ...ROLLBACK_KINDS].join(', ')}.`,
  );
}

async function defaultSettings(type: TargetType, configFile: string): Promise<TargetSettings> {
  const { settingsFromInputs } = await release();
  try {
    return settingsFromInputs(type, () => '');
  } catch (caught) {
    if (!(caught instanceof InputError)) throw caught;
    throw new InputError(
      'target',
      `${type}: ${configFile} has no ${type} target, and a ${type} target needs '${caught.input}'`,
      `Add the ${type} target to ${configFile}.`,
    );
  }
}

async function rollbackRegistry(
  request: RollbackRequest,
  name: string,
  type: TargetType,
  settings: TargetSettings,
): Promise<RollbackOutcome> {
  // A registry rollback names a release: refuse a malformed one before asking any registry.
  if (request.toVersion) requireSemVer('to-version', request.toVersion);
  const { loadPublisher } = await import('@deploy-actions/targets');
  const { resolveToken } = await release();
  const publisher = await loadPublisher(type);
  if (!publisher.rollback)
    throw new InputError(
      'target',
      `${describeValue(name)} is a ${type} target, and a ${type} release cannot be rolled back by deploy-actions`,
      type === 'pypi'
        ? 'PyPI cannot take a version back: yank it on the project page, then publish a fixed version.'
        : `Roll back by hand, or publish a fixed version. Types that can be rolled back: npm, docker, github-release, crates.`,
    );
  const deferred: (() => Promise<void>)[] = [];
  const context: RollbackContext = {
    target: name,
    dryRun: request.dryRun ?? false,
    workspace: request.workspace,
    tempDir: request.tempDir,
    env: request.env,
    reporter: request.reporter,
    http: request.http,
    token: resolveToken(type, settings, request.env, request.token),
    defer: (fn) => deferred.push(fn),
    toVersion: request.toVersion,
    reason: request.reason,
  };
  try {
    const result = await publisher.rollback(settings, context);
    return { target: name, kind: type, rolledBackTo: result.rolledBackTo, actions: result.actions };
  } finally {
    for (const fn of deferred.reverse())
      await fn().catch((e) => request.reporter.warning(`cleanup failed: ${(e as Error).message}`));
  }
}

async function rollbackBlueGreen(
  request: RollbackRequest,
  config: ReleaseConfig,
  file: string,
): Promise<RollbackOutcome> {
  if (!config.deploy)
    throw new InputError(
      'target',
      `is blue-green, but ${file} has no deploy: section`,
      'Describe the router under deploy.router (see the README).',
    );
  const wanted = request.toVersion?.trim();
  if (wanted && wanted !== 'blue' && wanted !== 'green')
    throw InputError.bad(
      'to-version',
      wanted,
      'is not a colour',
      'For blue-green, to-version is blue or green (default: the colour that served before).',
    );
  const options = parseRouterSettings(
    config.deploy.router,
    (key) => `deploy.router.${key}`,
    request.workspace,
  );
  const router = await createRouter(options, {
    exec: request.exec ?? realExec,
    reporter: request.reporter,
    cwd: request.workspace,
  });
  // prepare() may write and reload (nginx): a dry run only reads.
  const actions = request.dryRun ? [] : await router.prepare();
  const now = await router.read();
  let colour: Colour;
  if (wanted) colour = wanted as Colour;
  else {
    if (!now)
      throw new InputError(
        'target',
        `${router.description} does not say which colour is live`,
        'Set to-version to blue or green.',
      );
    const live = majorityColour(now);
    if (!live)
      throw new InputError(
        'target',
        `traffic is split evenly (${describeTraffic(now)})`,
        'Set to-version to blue or green.',
      );
    // A split means a rollout was interrupted: its majority is the colour that served before.
    colour = now[live] === 100 ? otherColour(live) : live;
  }
  if (now?.[colour] === 100) {
    actions.push(`${router.description}: ${colour} already has all traffic; nothing changed`);
  } else if (request.dryRun) {
    actions.push(
      `${router.description} (dry run): would move ${describeTraffic(now)} -> ${colour}; nothing was changed`,
    );
  } else {
    actions.push(await router.shift(colour, 100));
  }
  if (request.reason) request.reporter.info(`reason: ${request.reason}`);
  return { target: 'blue-green', kind: 'blue-green', rolledBackTo: colour, actions };
}

async function rollbackKubernetes(
  request: RollbackRequest,
  config: ReleaseConfig | undefined,
): Promise<RollbackOutcome> {
  const router = config?.deploy?.router.type === 'kubernetes' ? config.deploy.router : {};
  const deployment = request.deployment ?? router.service;
  if (!deployment)
    throw InputError.missing(
      'deployment',
      'Name the Deployment to roll back (or set deploy.router.service in the config).',
    );
  const revision = request.toVersion?.trim();
  if (revision && !/^\d+$/.test(revision))
    throw InputError.bad(
      'to-version',
      revision,
      'is not a revision number',
      'For kubernetes, to-version is a Deployment revision (kubectl rollout history); default: the previous one.',
    );
  const base = [
    ...((request.context ?? router.context) ? ['--context', (request.context ?? router.context)!] : []),
    ...((request.namespace ?? router.namespace)
      ? ['--namespace', (request.namespace ?? router.namespace)!]
      : []),
  ];
  if (request.dryRun) {
    const undo = [
      'rollout',
      'undo',
      `deployment/${deployment}`,
      ...(revision ? [`--to-revision=${revision}`] : []),
    ];
    return {
      target: 'kubernetes',
      kind: 'kubernetes',
      rolledBackTo: revision ? `revision ${revision}` : 'the previous revision',
      actions: [
        `kubernetes (dry run): would run ${formatCommand(['kubectl', ...base, ...undo])}; nothing was sent`,
      ],
    };
  }
  const exec = request.exec ?? realExec;
  const kubectl = async (args: string[]) => {
    const argv = [...base, ...args];
    request.reporter.info(`$ ${formatCommand(['kubectl', ...argv])}`);
    const result = await exec('kubectl', argv, { cwd: request.workspace, timeoutMs: 10 * 60_000 });
    if (result.code !== 0 || result.timedOut) throw new ExecError(result);
    return result.stdout.trim();
  };
  const actions = [
    await kubectl([
      'rollout',
      'undo',
      `deployment/${deployment}`,
      ...(revision ? [`--to-revision=${revision}`] : []),
    ]),
  ];
  await kubectl(['rollout', 'status', `deployment/${deployment}`, '--timeout=5m']);
  const now = await kubectl([
    'get',
    `deployment/${deployment}`,
    '-o',
    'jsonpath={.metadata.annotations.deployment\\.kubernetes\\.io/revision}',
  ]);
  actions.push(`kubernetes: deployment/${deployment} rolled out revision ${now || '?'}`);
  return {
    target: 'kubernetes',
    kind: 'kubernetes',
    rolledBackTo: now ? `revision ${now}` : revision ? `revision ${revision}` : 'the previous revision',
    actions,
  };
}
