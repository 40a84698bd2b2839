/**
 * The run's artifact store (a folder under workDir), with the semantics of actions/upload-artifact
 * and actions/download-artifact v4+: an artifact is visible to every later job of the run, a name
 * is uploaded once (unless `overwrite`), the files keep their paths below the upload's root (the
 * search path of a single pattern, else the longest common folder of all search paths), hidden
 * files are left out unless `include-hidden-files`.
 */
import { cpSync, existsSync, globSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { matchesGlob } from 'node:path';
import type { ArtifactRecord } from './types.js';

const GLOB_CHARS = /[*?[\]{}]/;

/** The literal folder (or file) a pattern starts from: `build/*.tar.gz` → `build`. */
function searchPath(pattern: string): string {
  const parts = pattern.split('/');
  const literal: string[] = [];
  for (const part of parts) {
    if (GLOB_CHARS.test(part)) break;
    literal.push(part);
  }
  return literal.join('/') || '/';
}

function filesBelow(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) out.push(join(entry.parentPath, entry.name));
  return out;
}

function commonFolder(paths: string[]): string {
  const split = paths.map((p) => p.split(sep));
  const first = split[0];
  let n = 0;
  while (n < first.length && split.every((parts) => parts[n] === first[n])) n++;
  return first.slice(0, n).join(sep) || sep;
}

const isHidden = (root: string, file: string) =>
  relative(root, file)
    .split(sep)
    .some((p) => p.startsWith('.'));

export interface UploadSpec {
  name: string;
  /** The `path:` input: one pattern a line, `!` to exclude. */
  path: string;
  workspace: string;
  ifNoFilesFound: 'warn' | 'error' | 'ignore';
  includeHiddenFiles: boolean;
  overwrite: boolean;
  job: string;
}

export class ArtifactStore {
  readonly artifacts: Record<string, ArtifactRecord> = {};
  private nextId = 1;
  readonly ids: Record<string, number> = {};

  constructor(private readonly root: string) {
    mkdirSync(root, { recursive: true });
  }

  /** Returns the artifact, or undefined when nothing matched (a warning or an error, by `ifNoFilesFound`). */
  upload(spec: UploadSpec): { record?: ArtifactRecord; message?: string; failed?: boolean } {
    const lines = spec.path
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    const abs = (p: string) => (isAbsolute(p) ? p : resolve(spec.workspace, p));
    const includes = lines.filter((l) => !l.startsWith('!')).map(abs);
    const excludes = lines.filter((l) => l.startsWith('!')).map((l) => abs(l.slice(1)));
    const files = new Set<string>();
    for (const pattern of includes) {
      const matches = GLOB_CHARS.test(pattern) ? globSync(pattern) : existsSync(pattern) ? [pattern] : [];
      for (const match of matches) {
        const stat = statSync(match);
        for (const file of stat.isDirectory() ? filesBelow(match) : [match])
          if (!excludes.some((ex) => matchesGlob(file, ex) || file.startsWith(ex + sep))) files.add(file);
      }
    }
    const searchPaths = includes.map(searchPath);
    let root: string;
    if (searchPaths.length === 1) {
      const only = searchPaths[0];
      root = existsSync(only) && statSync(only).isDirectory() ? only : dirname(only);
    } else {
      root = commonFolder(searchPaths);
    }
    const kept = [...files].filter((f) => spec.includeHiddenFiles || !isHidden(root, f)).sort();
    if (kept.length === 0) {
      const message = `No files were found with the provided path: ${lines.join('\n')}. No artifacts will be uploaded.`;
      if (spec.ifNoFilesFound === 'error') return { message, failed: true };
      return { message: spec.ifNoFilesFound === 'warn' ? message : undefined };
    }
    if (this.artifacts[spec.name] && !spec.overwrite)
      return {
        message: `Failed to CreateArtifact: Received non-retryable error: Failed request: (409) Conflict: an artifact with this name already exists on the workflow run`,
        failed: true,
      };
    const dir = join(this.root, String(this.nextId), spec.name);
    rmSync(dir, { recursive: true, force: true });
    for (const file of kept) {
      const target = join(dir, relative(root, file));
      mkdirSync(dirname(target), { recursive: true });
      cpSync(file, target);
    }
    const record: ArtifactRecord = {
      name: spec.name,
      dir,
      files: kept.map((f) => relative(root, f).split(sep).join('/')),
      job: spec.job,
    };
    this.artifacts[spec.name] = record;
    this.ids[spec.name] = this.nextId++;
    return { record };
  }

  /**
   * download-artifact: by `name` into `path`; else every artifact (matching `pattern`) into
   * `path/<name>/`, or all into `path` with `mergeMultiple`.
   */
  download(spec: { name?: string; pattern?: string; path: string; mergeMultiple: boolean }): string[] {
    if (spec.name) {
      const record = this.artifacts[spec.name];
      if (!record)
        throw new Error(`Unable to download artifact(s): Artifact not found for name: ${spec.name}`);
      cpSync(record.dir, spec.path, { recursive: true });
      return [record.name];
    }
    const names = Object.keys(this.artifacts).filter((n) => !spec.pattern || matchesGlob(n, spec.pattern));
    for (const name of names)
      cpSync(this.artifacts[name].dir, spec.mergeMultiple ? spec.path : join(spec.path, name), {
        recursive: true,
      });
    return names;
  }
}
