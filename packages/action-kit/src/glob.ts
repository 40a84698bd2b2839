/**
 * File globs over the workspace (Node 20 has no fs.glob), for release assets and PyPI's `dist`:
 * `*`, `?`, `[abc]`/`[!abc]`, `{a,b}` and `**` (any depth), matched segment by segment from the
 * pattern's literal prefix. Every match is resolved inside the workspace, symlinks followed, so
 * nothing outside it can be attached. As in shells and Python's glob (what `twine upload dist/*`
 * gets), a wildcard does not match a leading dot unless the segment starts with one, so hatch's
 * `dist/.gitignore` stays out; `**` does not descend into dot folders or node_modules.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from './errors.js';
import { resolveInside } from './paths.js';

const MAGIC = /[*?[{]/;

export const hasMagic = (pattern: string) => MAGIC.test(pattern);

/** One path segment's glob as an anchored regular expression. */
export function segmentRegex(segment: string): RegExp {
  let out = '';
  let braces = 0;
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = segment.indexOf(']', i + 2);
      if (end < 0) {
        out += '\\[';
        continue;
      }
      let body = segment.slice(i + 1, end);
      if (body.startsWith('!')) body = `^${body.slice(1)}`;
      out += `[${body.replace(/\\/g, '\\\\')}]`;
      i = end;
    } else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) out += '|';
    else out += c.replace(/[.+^$()|\\\]}]/g, '\\$&');
  }
  if (braces > 0) throw new Error(`unbalanced braces in ${segment}`);
  return new RegExp(`^${out}$`);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function entries(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

function walk(dir: string, segments: string[], out: string[], depth = 0): void {
  if (depth > 64) return; // a symlink loop
  const [segment, ...rest] = segments;
  if (segment === '**') {
    // Zero directories, then one more level at a time (dot folders are skipped, as `*` does).
    walk(dir, rest.length ? rest : ['*'], out, depth + 1);
    for (const name of entries(dir))
      if (!name.startsWith('.') && name !== 'node_modules' && isDirectory(join(dir, name)))
        walk(join(dir, name), segments, out, depth + 1);
    return;
  }
  const regex = segmentRegex(segment);
  for (const name of entries(dir)) {
    if (!regex.test(name) || (name.startsWith('.') && !segment.startsWith('.'))) continue;
    const full = join(dir, name);
    if (rest.length === 0) {
      if (isFile(full)) out.push(full);
    } else if (isDirectory(full)) walk(full, rest, out, depth + 1);
  }
}

export interface GlobOptions {
  /** The input or setting the patterns come from, for errors. */
  input?: string;
  /** A wildcard pattern that matches nothing gives no files instead of an error (the caller words it). */
  allowEmpty?: boolean;
}

/** The files one pattern names, absolute; an error naming the input when it matches none. */
export function expandGlob(workspace: string, pattern: string, options: GlobOptions = {}): string[] {
  const input = options.input ?? 'assets';
  if (pattern.includes('\0')) throw InputError.bad(input, pattern, 'contains a NUL character');
  const segments = pattern.replace(/\\/g, '/').split('/');
  const literal: string[] = [];
  while (segments.length > 1 && !hasMagic(segments[0])) literal.push(segments.shift()!);
  const hint = 'Build the files before this step, or fix the pattern (relative to the workspace).';
  if (!hasMagic(segments[0])) {
    const path = resolveInside(workspace, pattern, input, false);
    if (!isFile(path)) throw InputError.bad(input, pattern, 'is not a file in the workspace', hint);
    return [path];
  }
  const base = resolveInside(workspace, literal.join('/') || '.', input, false);
  const found: string[] = [];
  walk(base, segments, found);
  if (!found.length && !options.allowEmpty)
    throw InputError.bad(input, pattern, 'matched no files in the workspace', hint);
  // Each match again: a symlink inside the workspace may point outside it.
  return found.map((path) => resolveInside(workspace, path, input));
}

/** Every file the patterns name, each once, in pattern order (then name order). */
export function expandGlobs(workspace: string, patterns: string[], options: GlobOptions = {}): string[] {
  const seen = new Set<string>();
  for (const pattern of patterns) for (const path of expandGlob(workspace, pattern, options)) seen.add(path);
  return [...seen];
}
