/**
 * The `dist` globs: `*`, `?`, `[...]` within a path segment and `**` across segments, matched
 * against files under the workspace. Like Python's glob (what `twine upload dist/*` gets from
 * the shell), a wildcard does not match a leading dot, so hatch's `dist/.gitignore` stays out.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { InputError } from '@deploy-actions/action-kit/errors';
import { resolveInside } from '@deploy-actions/action-kit/paths';

const SKIP_DIRS = new Set(['.git', 'node_modules']);

/** Files that sit beside distributions and are never uploaded themselves. */
export const isCompanionFile = (filename: string) =>
  /\.(asc|sig|sigstore|attestation|publish\.attestation)$/.test(filename);

/** PEP 427: `{name}-{version}(-{build})?-{python}-{abi}-{platform}.whl`. */
export function parseWheelFilename(
  filename: string,
): { name: string; version: string; python: string; abi: string; platform: string } | undefined {
  const parts = filename.replace(/\.whl$/, '').split('-');
  if (parts.length !== 5 && parts.length !== 6) return undefined;
  const [name, version] = parts;
  const [python, abi, platform] = parts.slice(-3);
  return { name, version, python, abi, platform };
}

/**
 * The project a distribution belongs to, from its file name alone (no unpacking): a wheel's
 * first field, an sdist's name before its last `-`. Names compare by their PEP 503 form, which
 * `_` and `-` share, so `acme_app-1.0-py3-none-any.whl` names the project acme-app.
 */
export function projectFromFilename(filename: string): string | undefined {
  const base = filename.slice(filename.lastIndexOf('/') + 1);
  if (base.endsWith('.whl')) return parseWheelFilename(base)?.name.replace(/_/g, '-') || undefined;
  const stem = /^(.+)\.(tar\.gz|zip)$/.exec(base)?.[1];
  const dash = stem?.lastIndexOf('-') ?? -1;
  return stem && dash > 0 ? stem.slice(0, dash).replace(/_/g, '-') : undefined;
}

function segmentToRegExp(segment: string): string {
  let out = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = segment.indexOf(']', i + 2);
      if (end === -1) out += '\\[';
      else {
        const body = segment
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\');
        out += `[${body}]`;
        i = end;
      }
    } else out += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  // A wildcard at the start of a segment does not match a leading dot.
  return /^[*?[]/.test(segment) ? `(?!\\.)${out}` : out;
}

export function globToRegExp(pattern: string): RegExp {
  const segments = pattern.replace(/^\.\//, '').split('/').filter(Boolean);
  const parts = segments.map((segment, i) => {
    if (segment !== '**') return segmentToRegExp(segment) + (i < segments.length - 1 ? '/' : '');
    return i < segments.length - 1 ? '(?:(?!\\.)[^/]*/)*' : '(?:(?!\\.)[^/]*/)*(?!\\.)[^/]*';
  });
  return new RegExp(`^${parts.join('')}$`);
}

const hasMagic = (segment: string) => /[*?[]/.test(segment);

function walk(dir: string, depth: number, visit: (file: string) => void): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const full = join(dir, name);
    let stat;
    try {
      stat = statSync(full);
    } catch {
      continue;
    }
    if (stat.isDirectory()) {
      if (depth > 0 && !SKIP_DIRS.has(name)) walk(full, depth - 1, visit);
    } else if (stat.isFile()) visit(full);
  }
}

/**
 * The files the globs match, in pattern order then name order, each once. A pattern without
 * wildcards must name an existing file; every result is checked to stay inside the workspace.
 */
export function expandGlobs(workspace: string, patterns: string[], input = 'dist'): string[] {
  const root = resolveInside(workspace, '.', input);
  const found: string[] = [];
  for (const pattern of patterns) {
    if (pattern.includes('\0')) throw InputError.bad(input, pattern, 'contains a NUL character');
    const segments = pattern.replace(/^\.\//, '').split('/').filter(Boolean);
    const firstMagic = segments.findIndex(hasMagic);
    if (firstMagic === -1) {
      found.push(resolveInside(root, pattern, input));
      continue;
    }
    const base = resolveInside(root, segments.slice(0, firstMagic).join('/') || '.', input);
    const depth = segments.includes('**') ? 32 : segments.length - firstMagic - 1;
    const matcher = globToRegExp(pattern);
    const matches: string[] = [];
    walk(base, depth, (file) => {
      const rel = relative(root, file).split(sep).join('/');
      if (matcher.test(rel)) matches.push(file);
    });
    found.push(...matches.sort().map((file) => resolveInside(root, relative(root, file), input)));
  }
  return [...new Set(found)];
}
