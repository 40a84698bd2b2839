/**
 * Globs for release assets (Node 20 has no fs.glob): `*`, `?`, `[abc]`/`[!abc]`, `{a,b}` and `**`
 * (any depth), matched segment by segment from the pattern's literal prefix. Every match is
 * resolved inside the workspace, symlinks followed, so nothing outside it can be attached.
 * Like most shells, `*` does not match a leading dot unless the pattern segment starts with one.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '@deploy-actions/action-kit/errors';
import { resolveInside } from '@deploy-actions/action-kit/paths';

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
      if (!name.startsWith('.') && isDirectory(join(dir, name)))
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

/** The files one pattern names, absolute; an error naming `input` when it matches none. */
export function expandGlob(workspace: string, pattern: string, input: string): string[] {
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
  if (!found.length) throw InputError.bad(input, pattern, 'matched no files in the workspace', hint);
  // Each match again: a symlink inside the workspace may point outside it.
  return found.map((path) => resolveInside(workspace, path, input));
}

/** Every file the patterns name, each once, in pattern order. */
export function expandGlobs(workspace: string, patterns: string[], input = 'assets'): string[] {
  const seen = new Set<string>();
  for (const pattern of patterns) for (const path of expandGlob(workspace, pattern, input)) seen.add(path);
  return [...seen];
}
