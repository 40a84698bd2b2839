/**
 * Registry answers checked before use. A registry, a proxy or a login page in between can
 * answer 200 with HTML, or JSON of another shape; reading it as if it were the answer we asked
 * for gives TypeErrors ("Cannot use 'in' operator") or, worse, requests built from `undefined`
 * (`/releases//assets`). Every client states the fields it reads as a Shape and gets either
 * that, or a RegistryError: "HOST: answered PATH with …, which is not a … answer".
 */
import { RegistryError } from './errors.js';
import type { HttpResponse } from './http.js';

/**
 * What a caller reads: a type name (`'string'`, `'number'`, `'integer'`, `'boolean'`, `'null'`,
 * `'object'`, `'array'`, `'any'`, or unions like `'string|null'`), an object of field shapes
 * (a key ending in `?` may be absent or null; the key `*` shapes every other value, for maps),
 * or a one-element array shaping every item.
 */
export type Shape = string | readonly [Shape] | { readonly [key: string]: Shape };

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function matchesType(value: unknown, names: string): boolean {
  return names.split('|').some((name) => {
    if (name === 'any') return true;
    if (name === 'integer') return Number.isInteger(value);
    return typeOf(value) === name;
  });
}

const article = (name: string) => (/^[aeiou]/.test(name) ? `an ${name}` : `a ${name}`);

/** The first way `value` differs from `shape`, in words, or undefined when it fits. */
export function shapeProblem(value: unknown, shape: Shape, path = ''): string | undefined {
  const where = path ? `"${path}"` : 'the answer';
  if (typeof shape === 'string') {
    if (matchesType(value, shape)) return undefined;
    return `${where} is ${article(typeOf(value))}, not ${shape.split('|').map(article).join(' or ')}`;
  }
  if (Array.isArray(shape)) {
    if (!Array.isArray(value)) return `${where} is ${article(typeOf(value))}, not a list`;
    for (let i = 0; i < value.length; i++) {
      const problem = shapeProblem(value[i], shape[0], `${path}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  }
  if (typeOf(value) !== 'object') return `${where} is ${article(typeOf(value))}, not an object`;
  const record = value as Record<string, unknown>;
  const fields = shape as Record<string, Shape>;
  const named = new Set<string>();
  for (const [key, fieldShape] of Object.entries(fields)) {
    if (key === '*') continue;
    const optional = key.endsWith('?');
    const name = optional ? key.slice(0, -1) : key;
    named.add(name);
    const field = Object.prototype.hasOwnProperty.call(record, name) ? record[name] : undefined;
    const at = path ? `${path}.${name}` : name;
    if (field === undefined || (optional && field === null)) {
      if (optional) continue;
      return `"${at}" is missing`;
    }
    const problem = shapeProblem(field, fieldShape, at);
    if (problem) return problem;
  }
  if (fields['*'] !== undefined)
    for (const [name, field] of Object.entries(record)) {
      if (named.has(name)) continue;
      const problem = shapeProblem(field, fields['*'], path ? `${path}.${name}` : name);
      if (problem) return problem;
    }
  return undefined;
}

export interface AnswerSource {
  /** Where the answer came from (a URL; only its host and path are shown). */
  url: string | URL;
  /** What we asked for, as words after "which is not": "a GitHub release", "an npm packument". */
  what: string;
  /** Overrides the host as the RegistryError's registry label. */
  registry?: string;
  hint?: string;
}

function place(url: string | URL): { host: string; path: string } {
  try {
    const parsed = new URL(String(url));
    return { host: parsed.host, path: parsed.pathname };
  } catch {
    return { host: 'the registry', path: '' };
  }
}

const DEFAULT_HINT =
  'Check the registry URL (it must point at the API itself), or whether a proxy or a login page answers in its place.';

/** A RegistryError saying the answer from `source` is not what was asked for. */
export function notAnAnswer(source: AnswerSource, how: string): RegistryError {
  const { host, path } = place(source.url);
  return new RegistryError(
    source.registry ?? host,
    `the registry at ${host} answered ${path ? `${path} ` : ''}with ${how}, which is not ${source.what} answer`,
    source.hint ?? DEFAULT_HINT,
  );
}

/** `value` as T when it has `shape`, else a RegistryError naming where it came from. */
export function checkShape<T>(value: unknown, shape: Shape, source: AnswerSource): T {
  const problem = shapeProblem(value, shape);
  if (problem) throw notAnAnswer(source, `JSON where ${problem}`);
  return value as T;
}

/** Parse JSON text (a manifest's bytes, an index line) and check its shape. */
export function parseAnswer<T>(text: string, shape: Shape, source: AnswerSource): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw notAnAnswer(source, 'text that is not JSON');
  }
  return checkShape<T>(value, shape, source);
}

/**
 * The JSON body of `res`, checked against `shape`. HTML is refused whatever it holds; other
 * content types are accepted when the body parses (some registries label JSON text/plain).
 */
export function jsonAnswer<T>(
  res: HttpResponse,
  shape: Shape,
  source: Omit<AnswerSource, 'url'> & { url?: string },
): T {
  const from = { ...source, url: source.url ?? res.url };
  const type = (res.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  const label = `HTTP ${res.status}${type ? ` ${type}` : ''}`;
  if (/html|xml/.test(type) && !/json/.test(type)) throw notAnAnswer(from, label);
  let value: unknown;
  try {
    value = JSON.parse(res.body.toString('utf8'));
  } catch {
    throw notAnAnswer(from, `${label} that is not JSON`);
  }
  return checkShape<T>(value, shape, from);
}
