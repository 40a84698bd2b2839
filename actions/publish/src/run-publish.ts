/**
 * The body of `publish` and every `publish-<type>` action: read the inputs (and the config
 * target when `target:` names one), resolve the version, publish, and report.
 */
import {
  InputError,
  appendSummary,
  error,
  info,
  inputs,
  link,
  escapeMarkdown,
  markdownTable,
  runAction,
  runnerReporter,
  setOutput,
} from '@deploy-actions/action-kit';
import { HttpClient } from '@deploy-actions/action-kit/http';
import { workspace } from '@deploy-actions/action-kit/paths';
import {
  DEFAULT_CONFIG_FILE,
  loadConfig,
  publishTarget,
  resolveVersion,
  settingsFromInputs,
  toReleaseVersion,
  versionFormsOf,
  isTargetType,
  type PublishOutcome,
  type ReleaseConfig,
  type TargetSettings,
  type TargetType,
} from '@deploy-actions/release';
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';

export interface CommonInputs {
  target?: string;
  config: string;
  version?: string;
  force: boolean;
  'dry-run': boolean;
  token?: string;
}

function commonInputs(): CommonInputs {
  return {
    target: inputs.optional('target'),
    config: inputs.raw('config') || DEFAULT_CONFIG_FILE,
    version: inputs.optional('version'),
    force: inputs.bool('force', false),
    'dry-run': inputs.bool('dry-run', false),
    token: inputs.secret('token'),
  };
}

interface Resolved {
  name: string;
  type: TargetType;
  settings: TargetSettings;
  config?: ReleaseConfig;
}

async function resolveTarget(common: CommonInputs, root: string, fixedType?: TargetType): Promise<Resolved> {
  const configPath = resolve(root, common.config);
  const explicitConfig = inputs.raw('config') !== '';
  if (common.target) {
    const config = await loadConfig(configPath);
    const target = config.targets.find((t) => t.name === common.target);
    if (!target)
      throw InputError.bad(
        'target',
        common.target,
        `is not a target in ${common.config}`,
        `Use one of: ${config.targets.map((t) => t.name).join(', ')}.`,
      );
    if (fixedType && target.type !== fixedType)
      throw InputError.bad('target', common.target, `is a ${target.type} target, not ${fixedType}`);
    return {
      name: target.name,
      type: target.type,
      settings: settingsFromInputs(target.type, inputs.raw, target.settings),
      config,
    };
  }
  if (!fixedType) throw InputError.missing('target', `Name a target of ${common.config}.`);
  const config =
    explicitConfig || existsSync(configPath) ? await loadConfig(configPath, 'config') : undefined;
  return { name: fixedType, type: fixedType, settings: settingsFromInputs(fixedType, inputs.raw), config };
}

export async function writeOutcome(outcome: PublishOutcome): Promise<void> {
  setOutput('status', outcome.status);
  setOutput('url', outcome.url ?? '');
  setOutput('digest', outcome.digest ?? '');
  setOutput('result', JSON.stringify(outcome));
  await appendSummary(
    `### ${escapeMarkdown(outcome.target)} ${escapeMarkdown(outcome.version)}\n\n` +
      markdownTable(
        ['target', 'type', 'version', 'status', 'link', 'time'],
        [
          [
            outcome.target,
            outcome.type,
            outcome.version,
            outcome.status,
            link(outcome.url ?? '', outcome.url),
            `${(outcome.durationMs / 1000).toFixed(1)} s`,
          ],
        ],
      ) +
      (outcome.notes.length ? `\n${outcome.notes.map((n) => `- ${escapeMarkdown(n)}`).join('\n')}\n` : ''),
  );
}

export function runPublishAction(action: string, fixedType?: TargetType): Promise<void> {
  return runAction(action, async ({ tempDir }) => {
    if (fixedType && !isTargetType(fixedType)) throw new Error(`unknown type ${fixedType}`);
    const common = commonInputs();
    const root = workspace();
    const target = await resolveTarget(common, root, fixedType);
    const detected = await resolveVersion({
      version: common.version,
      ref: process.env.GITHUB_REF,
      config: target.config,
      cwd: root,
      // PyPI takes any PEP 440 version (1.2.3.post1, 1!2.0.0); the others take SemVer.
      forms: versionFormsOf([target.type]),
    });
    const outcome = await publishTarget({
      target: target.name,
      type: target.type,
      settings: target.settings,
      version: toReleaseVersion(detected),
      force: common.force,
      dryRun: common['dry-run'],
      workspace: root,
      tempDir,
      env: process.env,
      reporter: runnerReporter,
      http: new HttpClient({ reporter: runnerReporter }),
      token: common.token,
      build: target.config?.build,
      targets: target.config?.targets,
    });
    await writeOutcome(outcome);
    if (outcome.status === 'failed') {
      error(`${outcome.target}: ${outcome.error}`, {
        title: `${outcome.target} ${outcome.version} was not published`,
      });
      process.exitCode = 1;
    } else {
      info(`${outcome.target}: ${outcome.status}${outcome.url ? ` ${outcome.url}` : ''}`);
    }
  });
}
