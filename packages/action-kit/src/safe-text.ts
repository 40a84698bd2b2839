/**
 * Text that the runner cannot read as a command. Plain functions, string in, safe string out,
 * applied where a line is written: they would sit unchanged on top of @actions/core.
 *
 * What the runner parses (actions/runner, ActionCommandManager.TryProcessCommand, each output
 * line split at CR, LF or CRLF):
 * - `ActionCommand.TryParseV2`: the line, leading white space trimmed, starts with `::`;
 * - `ActionCommand.TryParse` (the legacy form): `##[` anywhere in the line, the command name up
 *   to a space or `]`, properties `k=v;…`, the data after `]` (`##[set-output name=x;]v`,
 *   `##[add-mask]v`, `##[error]v`, `##[stop-commands]t`).
 * Both match with .NET's culture-sensitive `StartsWith`/`IndexOf`, where characters such as
 * the zero-width space or a C0 control are ignored, so they are treated as absent here.
 *
 * How a match is defused, readable and visible: a backslash goes before the `[` of `##[`
 * (`##\[set-output …]`) and between the two colons of a line-leading `::` (`:\:error::`). An
 * invisible character would not do: the runner's comparison skips those.
 */

/** White space .NET's `TrimStart` removes, and characters its ICU comparison ignores. */
const SKIPPED = String.raw`[\s\u0085\p{Cc}\p{Default_Ignorable_Code_Point}]`;
const IGNORED = String.raw`[\p{Cc}\p{Default_Ignorable_Code_Point}]`;

/** `##[` with anything the runner's comparison would skip between the characters. */
const LEGACY = new RegExp(String.raw`(#${IGNORED}*#${IGNORED}*)\[`, 'gu');
/** `::` at the start of a line (after the runner's trimming), in any line of the text. */
const LEADING = new RegExp(String.raw`(^|[\r\n])(${SKIPPED}*:${IGNORED}*):`, 'gu');

/** The runner splits its input at CR, LF and CRLF; anything else stays in the line. */
export const LINE_BREAK = /\r\n|\r|\n/;

/**
 * `text` with every legacy `##[` and every line-leading `::` defused. Safe for a whole
 * multi-line message: each line of it is treated as the runner would.
 */
export function defuseCommands(text: string): string {
  let out = text.replace(LEGACY, '$1\\[');
  // A match may consume the break that the next line's check needs: repeat until stable.
  for (let previous = ''; previous !== out;) {
    previous = out;
    out = out.replace(LEADING, '$1$2\\:');
  }
  return out;
}

/**
 * One line for a terminal or a log: CR, LF and every other control character (C0, DEL, C1, the
 * Unicode line and paragraph separators) shown as an escape (`\n`, `\r`, `\t`, `\x1b`,
 * `\u2028`), so data cannot start a line of its own or move the cursor.
 */
export function escapeControl(text: string, keepTabs = false): string {
  return text.replace(/[\x00-\x1f\x7f-\x9f\u2028\u2029]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return keepTabs ? c : '\\t';
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`;
  });
}

/** Inside a JSON text, `##[` can only be in a string, where `\u005b` is the same `[`. */
export function defuseJson(json: string): string {
  return json.replace(LEGACY, '$1\\u005b');
}
