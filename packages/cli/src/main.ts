/**
 * deploy-actions: the same code as the actions, outside GitHub.
 * Exit codes: 0 done (or nothing to do), 1 a failure (release failed, unhealthy, bad input).
 */
import { errorMessage, isUserError, userMessage } from '@deploy-actions/action-kit/errors';
import { terminalText } from '@deploy-actions/action-kit/log';
import { parseArgs, type FlagSpec } from './args.js';
import { CliContext } from './context.js';
import { checkCommand, planCommand, releaseCommand, statusCommand, versionCommand } from './commands.js';
import { buildCommand } from './build-command.js';
import { DEPLOY_COMMANDS, DEPLOY_FLAGS } from './deploy-commands.js';
import { HISTORY_FLAGS, historyCommand } from './history-commands.js';

const FLAGS: Record<string, FlagSpec> = {
  config: { value: true, description: 'the config file (default .github/deploy-actions.yml)' },
  cwd: { value: true, description: 'the project folder (default: the current one)' },
  json: { description: 'print JSON for machines instead of tables' },
  'dry-run': { description: 'send nothing' },
  version: { value: true, description: 'the version (default: detected from tag/manifests)' },
  ref: { value: true, description: 'a tag or ref to read the version from (default $GITHUB_REF)' },
  platforms: { value: true, description: 'all, tier1, tier2, tier3 or target names' },
  platform: { value: true, description: 'build: os/arch platforms of build.platforms (default all)' },
  targets: { value: true, description: 'check/status: type:name,... instead of the config' },
  force: { description: 'republish where the registry allows it' },
  'no-check': { description: 'plan: do not ask the registries' },
  'fail-on-missing': { description: 'check: exit 1 unless every target has the version' },
  sequential: { description: 'release: targets of a tier one after another' },
  verbose: { description: 'show debug lines' },
  help: { description: 'show this help' },
  ...DEPLOY_FLAGS,
  ...HISTORY_FLAGS,
};

const COMMANDS: Record<string, { run: (ctx: CliContext) => Promise<number>; summary: string }> = {
  version: { run: versionCommand, summary: 'the version being released, validated' },
  check: { run: checkCommand, summary: 'is the version on every target? (concurrent)' },
  plan: { run: planCommand, summary: 'what a release would publish (the build matrix)' },
  build: { run: buildCommand, summary: "run the config's build: (archives, SHA256SUMS)" },
  release: {
    run: async (ctx) => releaseCommand(ctx, await DEPLOY_COMMANDS.prepareRollout(ctx)),
    summary: 'publish every target, tier by tier, then deploy',
  },
  status: {
    run: statusCommand,
    summary: 'the version on every target, drift flagged (--out DIR: page, badges)',
  },
  history: { run: historyCommand, summary: 'the recorded releases, rollouts and rollbacks' },
  health: { run: DEPLOY_COMMANDS.health, summary: 'run the health gate' },
  switch: { run: DEPLOY_COMMANDS.switch, summary: 'blue-green / canary switch behind the health gate' },
  rollback: { run: DEPLOY_COMMANDS.rollback, summary: 'take a release back (--target, --to-version)' },
};

export function help(): string {
  const cmds = Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(10)} ${c.summary}`);
  const flags = Object.entries(FLAGS).map(
    ([n, f]) => `  --${(n + (f.value ? ' X' : '')).padEnd(20)} ${f.description}`,
  );
  return `Usage: deploy-actions <command> [flags]\n\nCommands:\n${cmds.join('\n')}\n\nFlags:\n${flags.join('\n')}\n\nExit codes: 0 done, 1 failed (or bad input).\n`;
}

export async function main(argv: string[]): Promise<number> {
  try {
    const { command, flags } = parseArgs(argv, FLAGS);
    if (flags.help || !command) {
      process.stdout.write(help());
      return command || flags.help ? 0 : 1;
    }
    const entry = COMMANDS[command];
    if (!entry) {
      printError(
        `unknown command ${JSON.stringify(command)}. Commands: ${Object.keys(COMMANDS).join(', ')}.`,
      );
      return 1;
    }
    return await entry.run(new CliContext(flags));
  } catch (caught) {
    if (isUserError(caught)) {
      printError(userMessage(caught));
    } else {
      printError(`deploy-actions failed: ${errorMessage(caught)}`);
      if (process.env.DEPLOY_ACTIONS_DEBUG && caught instanceof Error)
        process.stderr.write(`${terminalText(caught.stack ?? '', false)}\n`);
    }
    return 1;
  }
}

/**
 * One line, whatever the data in the message holds (a version string or a config key with a
 * newline cannot add a forged line), secrets redacted, workflow commands defused.
 */
function printError(message: string): void {
  process.stderr.write(`error: ${terminalText(message, true)}\n`);
}
