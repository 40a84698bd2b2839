/**
 * Pure parsers for input values, shared by the actions and the CLI. Each names the input and
 * the bad value when it refuses one.
 */
import { InputError } from './errors.js';
import { addUrlCredentials } from './secrets.js';

const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];

/** YAML 1.2 core booleans only, as @actions/core's getBooleanInput. */
export function parseBool(name: string, raw: string): boolean {
  if (TRUE.includes(raw)) return true;
  if (FALSE.includes(raw)) return false;
  throw InputError.bad(name, raw, 'is not a boolean', `Use true or false.`);
}

/**
 * Items separated by newlines or commas, trimmed, empty ones dropped. A comma inside a glob's
 * `{a,b}` alternatives or a `[...]` class is part of the item, not a separator, so
 * `build/*.{zip,tar.gz}` stays one pattern. A newline always ends an item; a `{` or `[` that
 * does not close on its line is an ordinary character.
 */
export function parseList(raw: string): string[] {
  const items: string[] = [];
  for (const line of raw.split(/\r\n|[\r\n]/)) {
    let start = 0;
    for (let i = 0; i < line.length; i++) {
      if (line[i] === '{' || line[i] === '[') i = groupEnd(line, i) ?? i;
      else if (line[i] === ',') {
        items.push(line.slice(start, i));
        start = i + 1;
      }
    }
    items.push(line.slice(start));
  }
  return items.map((item) => item.trim()).filter((item) => item.length > 0);
}

/** The index of the `}` or `]` closing the group opened at `open`, or undefined if none. */
function groupEnd(line: string, open: number): number | undefined {
  if (line[open] === '[') {
    // `[]a]` and `[!]a]`: a `]` first in the class is a member (as in glob.ts and shells).
    let i = open + 1;
    if (line[i] === '!' || line[i] === '^') i++;
    const end = line.indexOf(']', i + 1);
    return end < 0 ? undefined : end;
  }
  let depth = 0;
  for (let i = open; i < line.length; i++) {
    if (line[i] === '[') i = groupEnd(line, i) ?? i;
    else if (line[i] === '{') depth++;
    else if (line[i] === '}' && --depth === 0) return i;
  }
  return undefined;
}

export function parseInt10(
  name: string,
  raw: string,
  { min, max }: { min?: number; max?: number } = {},
): number {
  if (!/^-?\d+$/.test(raw)) throw InputError.bad(name, raw, 'is not a whole number');
  const value = Number(raw);
  if (min !== undefined && value < min) throw InputError.bad(name, raw, `is below the minimum of ${min}`);
  if (max !== undefined && value > max) throw InputError.bad(name, raw, `is above the maximum of ${max}`);
  return value;
}

export function parseEnum<T extends string>(name: string, raw: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  throw InputError.bad(name, raw, 'is not one of the accepted values', `Use one of: ${allowed.join(', ')}.`);
}

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** `500ms`, `2s`, `1.5s`, `5m`, `1h`; a bare number is seconds. Returns milliseconds. */
export function parseDuration(name: string, raw: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(raw.trim());
  if (!match)
    throw InputError.bad(name, raw, 'is not a duration', 'Use a number with a unit, e.g. 500ms, 2s or 5m.');
  const ms = Number(match[1]) * UNITS[match[2] ?? 's'];
  if (!Number.isFinite(ms) || ms > 24 * 3_600_000) throw InputError.bad(name, raw, 'is longer than a day');
  return Math.round(ms);
}

/** `5%` or `5` or `0.5%`: returns the fraction (0.05). */
export function parsePercent(name: string, raw: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*%?$/.exec(raw.trim());
  if (!match) throw InputError.bad(name, raw, 'is not a percentage', 'Use e.g. 5% or 0.5%.');
  const value = Number(match[1]);
  if (value > 100) throw InputError.bad(name, raw, 'is over 100%');
  return value / 100;
}

/**
 * An http(s) URL with a host; nothing else. Credentials in it (`user:password@`) are
 * registered as secrets at once, so they are masked before anything can print the URL.
 */
export function parseUrl(name: string, raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw InputError.bad(name, raw, 'is not a URL', 'Use an absolute http:// or https:// URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw InputError.bad(name, raw, 'is not an http(s) URL', 'Use an absolute http:// or https:// URL.');
  addUrlCredentials(url);
  return url;
}

/** A token read from input or environment: a single line of printable characters. */
export function parseToken(name: string, raw: string): string {
  const token = raw.trim();
  if (/[\s\x00-\x1f\x7f]/.test(token))
    throw new InputError(
      name,
      'contains whitespace or control characters',
      'Store the token as one line with no spaces or newlines.',
    );
  return token;
}
