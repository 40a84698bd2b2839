/**
 * User-supplied commands (`reload-command`, `switch-command`...) become argument arrays, never
 * a shell string: split like a POSIX shell splits words (quotes and backslashes, nothing else),
 * then fill `{colour}`/`{weight}` placeholders inside each word, so a value can never add or
 * split arguments.
 */
import { InputError } from '@deploy-actions/action-kit/errors';
import { redact } from '@deploy-actions/action-kit/secrets';

/** Split `text` into words: whitespace separates, '…' is literal, "…" honours \" and \\, \x escapes x. */
export function splitCommand(input: string, text: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
      else if (c === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\')) word += text[++i];
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\') {
      if (i + 1 >= text.length) throw InputError.bad(input, text, 'ends with a lone backslash');
      word += text[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote) throw InputError.bad(input, text, `has an unterminated ${quote} quote`);
  if (inWord) words.push(word);
  if (!words.length)
    throw new InputError(input, 'is empty', 'Give the command and its arguments, e.g. nginx -s reload.');
  return words;
}

const PLACEHOLDER = /\{([A-Za-z-]+)\}/g;
/** `{color}` is accepted for `{colour}`. */
const ALIASES: Record<string, string> = { color: 'colour' };

/** A command split into words whose placeholders are all among `allowed`. */
export function parseCommandTemplate(input: string, text: string, allowed: readonly string[]): string[] {
  const words = splitCommand(input, text);
  for (const word of words) {
    for (const [, name] of word.matchAll(PLACEHOLDER)) {
      if (!allowed.includes(ALIASES[name] ?? name))
        throw InputError.bad(
          input,
          text,
          `uses the unknown placeholder {${name}}`,
          allowed.length
            ? `Use ${allowed.map((a) => `{${a}}`).join(' or ')}.`
            : 'This command takes no placeholders.',
        );
    }
  }
  return words;
}

/** Fill the placeholders of every word. */
export function fillCommand(words: readonly string[], values: Record<string, string>): string[] {
  return words.map((word) =>
    word.replace(PLACEHOLDER, (whole, name: string) => values[ALIASES[name] ?? name] ?? whole),
  );
}

/** For logs: words joined, quoted where needed. */
export function formatCommand(words: readonly string[]): string {
  return words.map((w) => (/^[\w@%+=:,./{}-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(' ');
}

const SECRET_FLAG = /^(-{1,2}[\w.-]*(?:token|password|passwd|secret|api-?key|auth)[\w.-]*)(=)?/i;

/**
 * For error messages: the command as `formatCommand` shows it, with what may be a credential
 * hidden: known secrets, the password of a URL (`//user:pass@`), and the value of a
 * `--token`/`--password`/`--secret`/`--api-key` flag (as `--flag=value` or `--flag value`).
 */
export function redactCommand(words: readonly string[]): string {
  const shown = words.map((word, i) => {
    let text = redact(word).replace(/(\/\/[^/@\s:]*):[^/@\s]*@/g, '$1:***@');
    const flag = SECRET_FLAG.exec(text);
    if (flag?.[2]) text = `${flag[1]}=***`;
    else if (i > 0 && SECRET_FLAG.exec(words[i - 1]) && !words[i - 1].includes('=') && !text.startsWith('-'))
      text = '***';
    return text;
  });
  return formatCommand(shown);
}
