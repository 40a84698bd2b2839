/**
 * The config checked against its JSON Schema (config-schema.ts) with ajv, the validator the
 * YAML language server uses, and ajv's errors turned into ours: the file, the line (from the
 * YAML nodes), the key as the user wrote it, and what to do. The schema is compiled ahead of
 * time (scripts/gen-schema.mjs writes config-validator.generated.ts, ajv's standalone code;
 * CI checks it is up to date), so no run pays for compiling it.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { ConfigError, describeValue } from '@deploy-actions/action-kit/errors';
import type { YamlNode } from '@deploy-actions/action-kit/yaml';
import { configSchema, type JsonSchema } from './config-schema.js';
import { validate as generated } from './config-validator.generated.js';

/** Where each value of the document is: its line and the line of its key, by JSON pointer. */
export interface Located {
  value: unknown;
  lines: Map<string, { line?: number; keyLine?: number }>;
}

const pointerOf = (parent: string, segment: string | number) =>
  `${parent}/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`;

/** The key as users read it: `targets[0].colour`. */
export function keyOf(segments: readonly (string | number)[]): string {
  return segments.reduce<string>(
    (key, s) => (typeof s === 'number' ? `${key}[${s}]` : key ? `${key}.${s}` : s),
    '',
  );
}

/** The document as plain values (what the schema validates), with every value's line. */
export function locate(root: YamlNode, file: string): Located {
  const lines: Located['lines'] = new Map();
  const walk = (
    node: YamlNode | null,
    pointer: string,
    segments: (string | number)[],
    keyLine?: number,
  ): unknown => {
    lines.set(pointer, { line: node?.line ?? keyLine, keyLine });
    if (!node) return null;
    switch (node.kind) {
      case 'scalar':
        return node.value;
      case 'seq':
        return node.items.map((item, i) => walk(item, pointerOf(pointer, i), [...segments, i], item?.line));
      case 'map': {
        const out: Record<string, unknown> = {};
        for (const pair of node.items) {
          const name = pair.key.kind === 'scalar' && pair.key.value !== null ? String(pair.key.value) : '';
          const key = keyOf(segments);
          if (!name)
            throw new ConfigError(
              file,
              pair.key.line,
              key || undefined,
              'has a key that is not a plain name',
            );
          if (Object.hasOwn(out, name))
            throw new ConfigError(file, pair.key.line, keyOf([...segments, name]), 'is set twice');
          const value = walk(pair.value, pointerOf(pointer, name), [...segments, name], pair.key.line);
          // defineProperty: a key named __proto__ is data here, never the object's prototype.
          Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
        }
        return out;
      }
      default:
        throw new ConfigError(
          file,
          node.line,
          keyOf(segments) || undefined,
          'is a YAML alias or tag this file cannot use',
          'Write the value out.',
        );
    }
  };
  return { value: walk(root, '', []), lines };
}

let schema: JsonSchema | undefined;

/** The precompiled validator, and the schema it was compiled from (to read our wording along an error's path). */
function validator(): ValidateFunction {
  schema ??= configSchema();
  return generated as unknown as ValidateFunction;
}

/** A schema error as the user reads it; `deferred` when the code after the schema words it better. */
export interface LocatedError {
  error: ConfigError;
  deferred: boolean;
  line: number;
  rank: number;
}

/** The schemas an error's schemaPath passes through, outermost first. */
function schemasAlong(schemaPath: string): JsonSchema[] {
  const out: JsonSchema[] = [];
  let at: unknown = schema;
  for (const raw of schemaPath.replace(/^#\/?/, '').split('/')) {
    if (at && typeof at === 'object' && !Array.isArray(at)) out.push(at as JsonSchema);
    if (!at || typeof at !== 'object') break;
    at = (at as Record<string, unknown>)[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return out;
}

/** A JSON pointer's segments: list indexes as numbers, mapping keys (even `1:`) as text. */
function segmentsOf(pointer: string, root: unknown): (string | number)[] {
  if (!pointer) return [];
  let at = root;
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => {
      const s = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      const segment = Array.isArray(at) ? Number(s) : s;
      at = (at as Record<string | number, unknown> | undefined)?.[segment];
      return segment;
    });
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

type Wording = { message?: string; hint?: string };

/** What a value of the wrong kind is told. */
function typeMessage(expected: string[], data: unknown, own: JsonSchema): string {
  if (data === null) return 'is empty';
  if (own['x-expect']) return `must be ${own['x-expect'] as string}`;
  const kind = typeOf(data);
  const scalar = kind !== 'object' && kind !== 'array';
  if (expected.includes('object')) return 'must be a mapping';
  if (expected.includes('array') && !expected.includes('string')) return 'must be a list';
  if (expected.includes('boolean') && scalar) return `${describeValue(data)} is not true or false`;
  if (expected.includes('integer') && scalar)
    return `${describeValue(data)} is not a whole number from ${own.minimum ?? 0} to ${own.maximum ?? 1e9}`;
  if (expected.includes('array')) return 'must be a value or a list of values';
  if (kind === 'boolean') return `must be text, not ${data}`;
  return 'must be a single value';
}

/** Map one ajv error to our located error. */
function located(e: ErrorObject, doc: Located, file: string): LocatedError | undefined {
  if (e.keyword === 'if' || e.keyword === 'allOf' || e.keyword === 'anyOf') return undefined;
  const along = schemasAlong(e.schemaPath);
  const own = (e.parentSchema ?? {}) as JsonSchema;
  const deferred = along.some((s) => s['x-detail'] === 'runtime');
  const errorsFor = (keyword: string): Wording | undefined => {
    for (const s of [...along].reverse()) {
      const w = (s['x-errors'] as Record<string, Wording> | undefined)?.[keyword];
      if (w) return w;
    }
    return undefined;
  };
  let segments = segmentsOf(e.instancePath, doc.value);
  let data: unknown = e.data;
  let message: string;
  let hint = (own['x-hint'] as string | undefined) ?? undefined;
  let rank = 3;
  let useKeyLine = false;
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      segments = [...segments, String(params.additionalProperty)];
      const known = Object.keys((own.properties as object | undefined) ?? {});
      message = 'is not a known key';
      hint = known.length ? `Known keys here: ${known.join(', ')}.` : 'Remove it.';
      rank = 0;
      useKeyLine = true;
      break;
    }
    case 'required': {
      const missing = String(params.missingProperty);
      const child = ((own.properties as Record<string, JsonSchema> | undefined)?.[missing] ??
        findProperty(along, missing)) as JsonSchema | undefined;
      const w = errorsFor('required');
      message = w?.message ?? 'is missing';
      hint = w?.hint ?? (child?.['x-hint'] as string | undefined);
      segments = [...segments, missing];
      rank = 2;
      // The mapping it is missing from is where the user adds it.
      const where = doc.lines.get(e.instancePath);
      return finish(where?.line ?? where?.keyLine);
    }
    case 'type': {
      const expected = String(params.type).split(',');
      message = typeMessage(expected, data, own);
      rank = 1;
      break;
    }
    case 'enum': {
      const allowed = (own.enum as unknown[]).filter((v) => typeof v === 'string') as string[];
      const noun = own['x-noun'] as string | undefined;
      message = noun
        ? `${describeValue(data)} is not ${noun}`
        : allowed.length <= 2
          ? `${describeValue(data)} is not ${allowed.join(' or ')}`
          : `${describeValue(data)} is not one of ${allowed.join(', ')}`;
      break;
    }
    case 'minimum':
    case 'maximum':
      message = `${describeValue(data)} is not a whole number from ${own.minimum ?? 0} to ${own.maximum ?? 1e9}`;
      break;
    case 'uniqueItems': {
      const i = Math.max(Number(params.i), Number(params.j));
      segments = [...segments, i];
      data = (e.data as unknown[])[i];
      message = `${describeValue(data)} ${errorsFor('uniqueItems')?.message ?? 'is listed twice'}`;
      hint = errorsFor('uniqueItems')?.hint;
      break;
    }
    default: {
      if (e.propertyName !== undefined) {
        segments = [...segments, e.propertyName];
        useKeyLine = true;
      }
      const w = errorsFor(e.keyword);
      const noun = own['x-noun'] as string | undefined;
      message =
        w?.message ?? (noun ? `${describeValue(data)} is not ${noun}` : `is not allowed here (${e.message})`);
      if (w?.hint) hint = w.hint;
    }
  }
  const at = doc.lines.get(
    segments.length
      ? `/${segments.map((s) => String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`
      : '',
  );
  return finish(useKeyLine ? (at?.keyLine ?? at?.line) : (at?.line ?? at?.keyLine));

  function finish(line: number | undefined): LocatedError {
    const key = nameOf(segments, doc.value, e.keyword);
    return {
      error: new ConfigError(file, line, key || undefined, message, hint),
      deferred,
      line: line ?? 0,
      rank,
    };
  }
}

/** A property's schema in the nearest schema along the path that declares it. */
function findProperty(along: JsonSchema[], name: string): JsonSchema | undefined {
  for (const s of [...along].reverse()) {
    const p = (s.properties as Record<string, JsonSchema> | undefined)?.[name];
    if (p) return p;
  }
  return undefined;
}

/**
 * The key an error names. A target's own settings are named after the target (`docker.image`),
 * as the publish actions' inputs are; its name, type, tier and unknown keys by position.
 */
function nameOf(segments: (string | number)[], root: unknown, keyword: string): string {
  const [first, index, setting] = segments;
  if (first === 'targets' && typeof index === 'number' && typeof setting === 'string') {
    const target = ((root as Record<string, unknown>).targets as Record<string, unknown>[])[index];
    const name = target?.name;
    const own = ['name', 'type', 'tier'].includes(setting);
    if (!own && keyword !== 'additionalProperties' && (typeof name === 'string' || typeof name === 'number'))
      return keyOf([String(name), ...segments.slice(2)]);
  }
  return keyOf(segments);
}

/** Every mistake the schema finds, the one to report first at the front. */
export function schemaErrors(doc: Located, file: string): LocatedError[] {
  const validate = validator();
  if (validate(doc.value)) return [];
  // The same mistake seen through two subschemas (e.g. a target's and a conditional one's):
  // keep the one that words it.
  const worded = (e: ErrorObject) => {
    const own = (e.parentSchema ?? {}) as JsonSchema;
    return own['x-expect'] !== undefined || own['x-noun'] !== undefined;
  };
  const kept = new Map<string, ErrorObject>();
  for (const e of validate.errors ?? []) {
    const id = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    const seen = kept.get(id);
    if (!seen || (!worded(seen) && worded(e))) kept.set(id, e);
  }
  const out = [...kept.values()]
    .map((e) => located(e, doc, file))
    .filter((e): e is LocatedError => e !== undefined);
  // The first mistake in the file; on one line, an unknown key before a wrong value before a missing key.
  return out
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.line - b.e.line || a.e.rank - b.e.rank || a.i - b.i)
    .map(({ e }) => e);
}
