/**
 * Reads an action's output the way the GitHub runner does (actions/runner,
 * ActionCommandManager.TryProcessCommand): each line, split at CR, LF or CRLF, is tried as
 * `ActionCommand.TryParseV2` (`::name props::data` after the leading white space is trimmed),
 * then as `ActionCommand.TryParse`, the legacy form (`##[name props]data` anywhere in the
 * line, properties `k=v;…`). Only registered command names count, compared ignoring case.
 *
 * Stricter than the runner on one point: characters its culture-sensitive .NET comparison may
 * skip (C0/C1 controls, zero-width and other default-ignorable characters) are removed before
 * parsing, so a payload that relies on them is caught too.
 */

/** The runner's registered commands (ActionCommandManager's extensions and stop-commands). */
export const RUNNER_COMMANDS = new Set([
  'stop-commands',
  'set-env',
  'set-output',
  'save-state',
  'add-mask',
  'add-path',
  'add-matcher',
  'remove-matcher',
  'debug',
  'warning',
  'error',
  'notice',
  'group',
  'endgroup',
  'echo',
]);

/** What our action kit writes itself, always at the very start of a line. */
export const OWN_COMMANDS = new Set(['error', 'warning', 'notice', 'add-mask', 'group', 'endgroup', 'debug']);

export interface RunnerCommand {
  form: 'v2' | 'legacy';
  command: string;
  properties: Record<string, string>;
  data: string;
  line: string;
}

const IGNORED = /[\p{Cc}\p{Default_Ignorable_Code_Point}]/gu;
/** .NET's Char.IsWhiteSpace, for TrimStart. */
const LEADING_SPACE = /^[\s\u0085]+/u;

const unescapeV2 = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeLegacy = (s: string) =>
  s
    .replace(/%3B/g, ';')
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%5D/g, ']')
    .replace(/%25/g, '%');

/**
 * `command key=value…` of either form: the command's name (undefined when the runner knows no
 * such command) and its properties, split by `pairs`, a pair with no key or no value dropped.
 */
function commandAndProperties(
  info: string,
  pairs: (rest: string) => string[],
  unescape: (s: string) => string,
): { command: string; properties: Record<string, string> } | undefined {
  const space = info.indexOf(' ');
  const command = space < 0 ? info : info.slice(0, space);
  if (!RUNNER_COMMANDS.has(command.toLowerCase())) return undefined;
  const properties: Record<string, string> = {};
  if (space > 0)
    for (const pair of pairs(info.slice(space + 1)).filter(Boolean)) {
      const eq = pair.indexOf('=');
      if (eq > 0 && eq < pair.length - 1) properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1));
    }
  return { command, properties };
}

function parseV2(line: string): RunnerCommand | undefined {
  const message = line.replace(LEADING_SPACE, '');
  if (!message.startsWith('::')) return undefined;
  const end = message.indexOf('::', 2);
  if (end < 0) return undefined;
  const parsed = commandAndProperties(message.slice(2, end), (rest) => rest.trim().split(','), unescapeV2);
  if (!parsed) return undefined;
  return { form: 'v2', ...parsed, data: unescapeV2(message.slice(end + 2)), line };
}

function parseLegacy(line: string): RunnerCommand | undefined {
  const prefix = line.indexOf('##[');
  if (prefix < 0) return undefined;
  const rb = line.indexOf(']', prefix);
  if (rb < 0) return undefined;
  const parsed = commandAndProperties(line.slice(prefix + 3, rb), (rest) => rest.split(';'), unescapeLegacy);
  if (!parsed) return undefined;
  return { form: 'legacy', ...parsed, data: unescapeLegacy(line.slice(rb + 1)), line };
}

/** Every command the runner would run from `output` (stdout or stderr of a step). */
export function parseRunnerCommands(output: string): RunnerCommand[] {
  const commands: RunnerCommand[] = [];
  for (const raw of output.split(/\r\n|\r|\n/)) {
    const line = raw.replace(IGNORED, '');
    const command = parseV2(line) ?? parseLegacy(line);
    if (command) commands.push(command);
  }
  return commands;
}

/**
 * The commands in `output` that we did not write: any legacy command, any name we never
 * write, any command not at the very start of its line, and any whose data or properties
 * start with `marker` (hostile input carries it, so `::error::MARKER` on a line of its own is
 * a forged annotation; our own error quoting the input has it further in).
 */
export function forgedCommands(output: string, marker = 'FORGED'): RunnerCommand[] {
  return parseRunnerCommands(output).filter(
    (c) =>
      c.form === 'legacy' ||
      !OWN_COMMANDS.has(c.command) ||
      !c.line.startsWith(`::${c.command}`) ||
      c.data.trimStart().startsWith(marker) ||
      Object.values(c.properties).some((v) => v.trimStart().startsWith(marker)),
  );
}
