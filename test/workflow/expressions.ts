/**
 * `${{ }}` evaluation with GitHub's expression engine (@actions/expressions): its lexer, parser,
 * evaluator and built-in functions (contains, startsWith, format, join, toJSON, fromJSON…), plus
 * the runner's own functions: success(), failure(), cancelled(), always(), hashFiles().
 *
 * The workflow parser already turned `run: echo ${{ x }}` into `format('echo {0}', x)` and
 * `if: x` into `success() && (x)`, so evaluating a token is evaluating its one expression.
 */
import { createHash } from 'node:crypto';
import { globSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { data, Evaluator, Lexer, Parser } from '@actions/expressions';
import type { FunctionDefinition } from '@actions/expressions/funcs/info';
import { truthy } from '@actions/expressions/result';
import {
  isBasicExpression,
  isBoolean,
  isMapping,
  isNumber,
  isSequence,
  isString,
} from '@actions/workflow-parser';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/index';

export interface StatusFunctions {
  success(): boolean;
  failure(): boolean;
  cancelled(): boolean;
}

/** What an expression can see: the named contexts, the status functions, the workspace for hashFiles. */
export interface Scope {
  contexts: Record<string, unknown>;
  status?: StatusFunctions;
  workspace?: string;
}

const CONTEXT_NAMES = [
  'github',
  'env',
  'vars',
  'secrets',
  'inputs',
  'needs',
  'matrix',
  'strategy',
  'steps',
  'job',
  'jobs',
  'runner',
];

/** A plain JS value as the engine's data (objects become case-insensitive dictionaries). */
export function toData(value: unknown): data.ExpressionData {
  if (value === undefined) return new data.Null();
  return JSON.parse(JSON.stringify(value), data.reviver) as data.ExpressionData;
}

/** The engine's data as a plain JS value. */
export function fromData(value: data.ExpressionData | undefined): unknown {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value, data.replacer)) as unknown;
}

const bool = (b: boolean) => new data.BooleanData(b);

/** hashFiles(): sha256 over the sha256 of each matching file of the workspace, '' when none. */
function hashFiles(workspace: string, patterns: string[]): string {
  const include = patterns.filter((p) => !p.startsWith('!'));
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const files = new Set<string>();
  for (const pattern of include)
    for (const file of globSync(pattern, { cwd: workspace, exclude }) as string[])
      if (statSync(join(workspace, file)).isFile()) files.add(file);
  if (files.size === 0) return '';
  const total = createHash('sha256');
  for (const file of [...files].sort())
    total.update(
      createHash('sha256')
        .update(readFileSync(join(workspace, file)))
        .digest(),
    );
  return total.digest('hex');
}

function runnerFunctions(scope: Scope): Map<string, FunctionDefinition> {
  const status = scope.status ?? { success: () => true, failure: () => false, cancelled: () => false };
  const fns: FunctionDefinition[] = [
    { name: 'success', minArgs: 0, maxArgs: 0, call: () => bool(status.success()) },
    { name: 'failure', minArgs: 0, maxArgs: 0, call: () => bool(status.failure()) },
    { name: 'cancelled', minArgs: 0, maxArgs: 0, call: () => bool(status.cancelled()) },
    { name: 'always', minArgs: 0, maxArgs: 0, call: () => bool(true) },
    {
      name: 'hashFiles',
      minArgs: 1,
      maxArgs: 255,
      call: (...args) => {
        if (!scope.workspace) throw new Error('hashFiles() is only available in steps');
        return new data.StringData(
          hashFiles(
            scope.workspace,
            args.map((a) => a.coerceString()),
          ),
        );
      },
    },
  ];
  return new Map(fns.map((f) => [f.name.toLowerCase(), f]));
}

/** Evaluates one expression (without `${{ }}`); throws the engine's error with the expression. */
export function evaluate(expression: string, scope: Scope): data.ExpressionData {
  const functions = runnerFunctions(scope);
  try {
    const tokens = new Lexer(expression).lex().tokens;
    const tree = new Parser(tokens, CONTEXT_NAMES, [...functions.values()]).parse();
    const context = new data.Dictionary();
    for (const name of CONTEXT_NAMES) context.add(name, toData(scope.contexts[name] ?? {}));
    return new Evaluator(tree, context, functions).evaluate() ?? new data.Null();
  } catch (error) {
    throw new Error(`Error evaluating \`${expression}\`: ${(error as Error).message}`, { cause: error });
  }
}

/** A token of the workflow (literal, expression, mapping, sequence) as a plain JS value. */
export function evaluateToken(token: TemplateToken | undefined, scope: Scope): unknown {
  if (token === undefined) return undefined;
  if (isBasicExpression(token)) return fromData(evaluate(token.expression, scope));
  if (isString(token)) return token.value;
  if (isBoolean(token) || isNumber(token)) return token.value;
  if (isSequence(token)) return [...token].map((item) => evaluateToken(item, scope));
  if (isMapping(token)) {
    const out: Record<string, unknown> = {};
    for (const pair of token) out[String(evaluateToken(pair.key, scope))] = evaluateToken(pair.value, scope);
    return out;
  }
  if (token.isExpression)
    throw new Error(`Unsupported expression at line ${token.line}: ${token.toString()}`);
  return null; // a null token
}

/** A value as the runner turns it into a string (env, inputs, outputs): null is '', true is 'true'. */
export function asString(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? 'Array' : 'Object';
}

export function evaluateString(token: TemplateToken | undefined, scope: Scope): string {
  if (token && isBasicExpression(token)) return evaluate(token.expression, scope).coerceString();
  return asString(evaluateToken(token, scope));
}

/** An `if:` (already `success() && (…)` where it had no status function) as true / false. */
export function evaluateCondition(expression: string, scope: Scope): boolean {
  return truthy(evaluate(expression, scope));
}

/** A mapping of strings (env, with, outputs) evaluated entry by entry. */
export function evaluateStringMap(token: TemplateToken | undefined, scope: Scope): Record<string, string> {
  const out: Record<string, string> = {};
  if (!token || !isMapping(token)) return out;
  for (const pair of token) out[String(evaluateToken(pair.key, scope))] = evaluateString(pair.value, scope);
  return out;
}
