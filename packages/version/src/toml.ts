/**
 * Reading a TOML file (Cargo.toml, pyproject.toml, cargo's config): a syntax error names the
 * file and the line. Imported lazily by manifests.ts, so only runs that read TOML load the
 * parser; the cargo readers (a lazily loaded chunk themselves) import it directly.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'smol-toml';
import { ConfigError } from '@deploy-actions/action-kit/errors';

export type Table = Record<string, unknown>;

export const isTable = (v: unknown): v is Table => typeof v === 'object' && v !== null && !Array.isArray(v);

export function readToml(file: string): Table {
  try {
    return parse(readFileSync(file, 'utf8')) as Table;
  } catch (caught) {
    const line = (caught as { line?: number }).line;
    throw new ConfigError(
      file,
      line,
      undefined,
      `is not valid TOML: ${(caught as Error).message.split('\n')[0]}`,
    );
  }
}
