/**
 * What a good probe answer looks like: a status in `expect-status` (codes, ranges like
 * 200-299, or classes like 2xx) and a body matching `expect-body` (a regular expression, or
 * `$.path.to.field=value` / `$.path.to.field` on a JSON body).
 */
import { createContext, Script, type Context } from 'node:vm';
import { InputError } from '@deploy-actions/action-kit/errors';
import { parseList } from '@deploy-actions/action-kit/parse';

export interface StatusRange {
  low: number;
  high: number;
}

export function parseExpectStatus(name: string, raw: string): StatusRange[] {
  const items = parseList(raw.replace(/\s+/g, ','));
  if (!items.length) throw InputError.bad(name, raw, 'names no status', 'Use e.g. 200-299 or 200,204.');
  return items.map((item) => {
    let range: StatusRange | undefined;
    const single = /^(\d{3})$/.exec(item);
    const span = /^(\d{3})-(\d{3})$/.exec(item);
    const klass = /^([1-5])xx$/i.exec(item);
    if (single) range = { low: Number(single[1]), high: Number(single[1]) };
    else if (span) range = { low: Number(span[1]), high: Number(span[2]) };
    else if (klass) range = { low: Number(klass[1]) * 100, high: Number(klass[1]) * 100 + 99 };
    if (!range || range.low < 100 || range.high > 599 || range.low > range.high)
      throw InputError.bad(
        name,
        item,
        'is not a status, a range or a class',
        'Use e.g. 200, 200-299 or 2xx.',
      );
    return range;
  });
}

export const statusMatches = (ranges: StatusRange[], status: number) =>
  ranges.some((r) => status >= r.low && status <= r.high);

export const formatStatusRanges = (ranges: StatusRange[]) =>
  ranges.map((r) => (r.low === r.high ? String(r.low) : `${r.low}-${r.high}`)).join(',');

export type BodyExpectation =
  | { kind: 'regex'; source: string; regex: RegExp }
  | { kind: 'json'; source: string; path: (string | number)[]; equals?: string };

/** `$.a.b[0]["c-d"]` into ['a', 'b', 0, 'c-d']; undefined when it is not such a path. */
function parseJsonPath(text: string): { path: (string | number)[]; rest: string } | undefined {
  const path: (string | number)[] = [];
  let i = 1;
  while (i < text.length) {
    const rest = text.slice(i);
    const dot = /^\.([A-Za-z_$][\w$-]*)/.exec(rest);
    const index = /^\[(\d+)\]/.exec(rest);
    const quoted = /^\[(["'])(.*?)\1\]/.exec(rest);
    if (dot) path.push(dot[1]);
    else if (index) path.push(Number(index[1]));
    else if (quoted) path.push(quoted[2]);
    else break;
    i += (dot ?? index ?? quoted)![0].length;
  }
  return path.length ? { path, rest: text.slice(i) } : undefined;
}

export function parseExpectBody(name: string, raw: string): BodyExpectation {
  if (raw.startsWith('$.') || raw.startsWith('$[')) {
    const parsed = parseJsonPath(raw);
    if (!parsed || (parsed.rest && !parsed.rest.startsWith('=')))
      throw InputError.bad(
        name,
        raw,
        'is not a JSON path check',
        'Use $.path.to.field=value, or $.path.to.field to require it.',
      );
    return {
      kind: 'json',
      source: raw,
      path: parsed.path,
      equals: parsed.rest ? parsed.rest.slice(1) : undefined,
    };
  }
  try {
    return { kind: 'regex', source: raw, regex: new RegExp(raw) };
  } catch (caught) {
    throw InputError.bad(name, raw, `is not a regular expression (${(caught as Error).message})`);
  }
}

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** expect-body is matched against this much of the body at most. */
export const MAX_MATCHED_BODY = 1024 * 1024;

const MATCH = new Script('regex.test(body)');
const matchContexts = new WeakMap<RegExp, Context>();

/**
 * Run a user's regular expression where it can be stopped: a vm script with a timeout. One with
 * catastrophic backtracking ((a+)+$ on "aaaa…!") would otherwise hold the event loop, and the
 * gate's timeout with it, for as long as it likes. True, false, or 'timeout'.
 */
export function matchWithin(regex: RegExp, body: string, timeoutMs: number): boolean | 'timeout' {
  let context = matchContexts.get(regex);
  if (!context) matchContexts.set(regex, (context = createContext({ regex, body: '' })));
  context.body = body.length > MAX_MATCHED_BODY ? body.slice(0, MAX_MATCHED_BODY) : body;
  regex.lastIndex = 0;
  try {
    return Boolean(MATCH.runInContext(context, { timeout: Math.max(1, Math.round(timeoutMs)) }));
  } catch (caught) {
    if ((caught as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return 'timeout';
    throw caught;
  } finally {
    context.body = '';
  }
}

/** undefined when the body is as expected, else why not. A regex may take `timeoutMs` at most. */
export function bodyMismatch(
  expectation: BodyExpectation,
  body: string,
  timeoutMs = 1000,
): string | undefined {
  if (expectation.kind === 'regex') {
    // A probe whose time is already spent still gets the 1 ms the vm needs to start the match.
    const budgetMs = Math.max(1, Math.round(timeoutMs));
    const matched = matchWithin(expectation.regex, body, budgetMs);
    if (matched === 'timeout')
      return `expect-body /${expectation.source}/ did not finish matching within ${budgetMs} ms (a pattern that backtracks without end?): counted as a failed check`;
    return matched ? undefined : `body does not match /${expectation.source}/`;
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return 'body is not JSON';
  }
  for (const key of expectation.path)
    value =
      value !== null && typeof value === 'object'
        ? (value as Record<string | number, unknown>)[key]
        : undefined;
  const { equals } = expectation;
  const path = equals === undefined ? expectation.source : expectation.source.slice(0, -(equals.length + 1));
  const missing = value === undefined || value === null;
  if (equals === undefined)
    return missing || value === false ? `${path} is ${missing ? 'missing' : 'false'}` : undefined;
  if (show(value) === equals) return undefined;
  return `${path} is ${missing ? 'missing' : show(value)}, not ${equals}`;
}
