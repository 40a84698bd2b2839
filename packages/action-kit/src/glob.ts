/**
 * File globs over the workspace, for release assets, PyPI's `dist`, build artifacts and npm
 * workspace folders, matched by tinyglobby (picomatch): `*`, `?`, `[abc]`/`[!abc]`, `{a,b}` and
 * `**` (any depth). Every other character is literal (we escape what picomatch would read as an
 * extglob or a regular expression). Every match is resolved inside the workspace, symlinks
 * followed, so nothing outside it can be attached. As in shells and Python's glob (what
 * `twine upload dist/*` gets), a wildcard does not match a leading dot unless the pattern's
 * segment starts with one, so hatch's `dist/.gitignore` stays out; `**` does not descend into dot
 * folders, nor into node_modules unless the pattern names it.
 */
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { globSync } from 'tinyglobby';
import { InputError } from './errors.js';
import { resolveInside } from './paths.js';

const MAGIC = /[*?[{]/;

export const hasMagic = (pattern: string) => MAGIC.test(pattern);

/** Backslash-escape what picomatch reads as syntax but our globs take literally (outside [..]). */
function escapeLiterals(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end > 0 && !pattern.slice(i, end).includes('/')) {
        out += pattern.slice(i, end + 1);
        i = end;
        continue;
      }
      out += '\\[';
    } else out += /[()|+@!$^]/.test(c) ? `\\${c}` : c;
  }
  return out;
}

/** Whether a wildcard matched a leading dot (picomatch lets `[..]` and `?` do so; Python's glob does not). */
function wildcardMatchedDot(path: string[], pattern: string[]): boolean {
  const hidden = (name: string | undefined, segment: string) =>
    name !== undefined && name.startsWith('.') && !segment.startsWith('.') && segment !== '**';
  const first = pattern.indexOf('**');
  const head = first < 0 ? pattern.length : first;
  for (let i = 0; i < head; i++) if (hidden(path[i], pattern[i])) return true;
  if (first < 0) return false;
  const tail = pattern.length - 1 - pattern.lastIndexOf('**');
  for (let k = 1; k <= tail; k++) if (hidden(path[path.length - k], pattern[pattern.length - k])) return true;
  return false;
}

/** Name order, a folder's own files before its subfolders' (the order of a depth-first walk). */
function walkOrder(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    const aFile = i === a.length - 1;
    const bFile = i === b.length - 1;
    if (aFile !== bFile) return aFile ? -1 : 1;
    return a[i] < b[i] ? -1 : 1;
  }
  return a.length - b.length;
}

/** Files under `base` matching `pattern` (relative, `/`-separated), absolute, in walk order. */
function match(base: string, pattern: string, dot = false): string[] {
  if (!isDirectory(base)) return [];
  const segments = pattern.split('/');
  const found = globSync(escapeLiterals(pattern), {
    cwd: base,
    dot,
    extglob: false,
    expandDirectories: false,
    followSymbolicLinks: true,
    onlyFiles: true,
    ignore: segments.includes('node_modules') ? [] : ['**/node_modules/**'],
  });
  return found
    .map((path) => path.split('/'))
    .filter((path) => dot || !wildcardMatchedDot(path, segments))
    .sort(walkOrder)
    .map((path) => join(base, ...path));
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
  // The literal folders first, so `../*` or a symlinked folder is refused before any listing.
  const base = resolveInside(workspace, literal.join('/') || '.', input, false);
  const found = match(base, segments.join('/'));
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

/**
 * The folders under `root` that match `pattern` (`packages/*`, `libs/**`, `tools/cli`) and hold a
 * file named `file`, e.g. npm's workspaces (package.json) or cargo's members (Cargo.toml); in name
 * order. `dot`: wildcards match dot folders too (cargo's glob does, npm's does not).
 */
export function foldersWith(
  root: string,
  pattern: string,
  file: string,
  options: { dot?: boolean } = {},
): string[] {
  const clean = pattern
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/\/+$/, '');
  const glob = clean && clean !== '.' ? `${clean}/${file}` : file;
  return match(root, glob, options.dot).map((path) => dirname(path));
}
