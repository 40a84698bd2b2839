/**
 * Reading a TOML file (Cargo.toml, pyproject.toml, cargo's config): a syntax error names the
 * file and the line. Imported lazily by manifests.ts, so only runs that read TOML load the
 * parser; the cargo readers (a lazily loaded chunk themselves) import it directly.
 */
import { parse } from 'smol-toml';
import { ConfigError } from '@deploy-actions/action-kit/errors';
import { blameFile, readUserFile } from '@deploy-actions/action-kit/paths';

export type Table = Record<string, unknown>;

export const isTable = (v: unknown): v is Table => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Nesting deeper than this is refused (smol-toml's own bound is 1000, too deep for a small stack). */
export const MAX_TOML_DEPTH = 100;

/** Parse TOML text; errors are ConfigErrors naming `file` and the line. */
export function parseTomlText(text: string, file: string): Table {
  try {
    return parse(text, { maxDepth: MAX_TOML_DEPTH }) as Table;
  } catch (caught) {
    const line = (caught as { line?: number }).line;
    const message = (caught as Error).message.split('\n')[0];
    if (caught instanceof RangeError || /excessively nested/.test(message))
      throw new ConfigError(file, line, undefined, `nests deeper than ${MAX_TOML_DEPTH} levels`);
    throw new ConfigError(file, line, undefined, `is not valid TOML: ${message}`);
  }
}

/**
 * Read a TOML file: a regular file only (see readUserFile), inside `root` when given.
 * `optional` gives undefined for a missing file.
 */
export function readToml(file: string, options?: { root?: string; optional?: false; key?: string }): Table;
export function readToml(
  file: string,
  options: { root?: string; optional: true; key?: string },
): Table | undefined;
export function readToml(
  file: string,
  options: { root?: string; optional?: boolean; key?: string } = {},
): Table | undefined {
  const read = { blame: blameFile(file, options.key), root: options.root };
  const text = options.optional ? readUserFile(file, { ...read, optional: true }) : readUserFile(file, read);
  return text === undefined ? undefined : parseTomlText(text, file);
}
