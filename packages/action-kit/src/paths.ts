/** Paths from users stay inside the workspace, symlinks included; files from users are read safely. */
import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readSync,
  realpathSync,
  existsSync,
  statSync,
  type Stats,
} from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { ConfigError, InputError, type UserError } from './errors.js';

/**
 * Resolve `path` against `workspace` and refuse anything that lands outside it, following
 * symlinks of the parts that exist. `mustExist` refuses a missing path.
 */
export function resolveInside(workspace: string, path: string, input: string, mustExist = true): string {
  if (path.includes('\0')) throw InputError.bad(input, path, 'contains a NUL character');
  const root = realpathSync(resolve(workspace));
  const full = resolve(root, path);
  if (!existsSync(full)) {
    if (mustExist)
      throw InputError.bad(
        input,
        path,
        `was not found in the workspace (${root})`,
        'Check the path, relative to the workspace.',
      );
    return full;
  }
  const real = realpathSync(full);
  if (!isInside(root, real))
    throw InputError.bad(
      input,
      path,
      'points outside the workspace',
      'Use a path inside the repository checkout.',
    );
  return real;
}

/** `resolveInside` for a folder: a file (or a FIFO...) there is the input's mistake, said so. */
export function resolveDirectoryInside(workspace: string, path: string, input: string): string {
  const dir = resolveInside(workspace, path, input);
  const stat = statSync(dir);
  if (!stat.isDirectory())
    throw InputError.bad(input, path, `is ${kindOf(stat)}, not a folder`, 'Name a folder of the workspace.');
  return dir;
}

const isInside = (root: string, real: string): boolean => {
  const rel = relative(root, real);
  return !(rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel));
};

/** What a path is, in words, for "is a FIFO, not a regular file". */
export function kindOf(stat: Stats): string {
  if (stat.isFile()) return 'a file';
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSymbolicLink()) return 'a symlink';
  return 'not a regular file';
}

export interface UserFileOptions {
  /** The error for a file that cannot be used: names the input or the config key at fault. */
  blame: (problem: string, hint?: string) => UserError;
  /** The file must be inside this folder once symlinks are followed (the workspace). */
  root?: string;
  /** Larger files are refused (default 16 MiB). */
  maxBytes?: number;
  /** A missing file gives `undefined` instead of an error. */
  optional?: boolean;
}

/** Blame an action input (or CLI flag) for a file it names. */
export const blameInput =
  (input: string, value: string) =>
  (problem: string, hint?: string): UserError =>
    InputError.bad(input, value, problem, hint);

/** Blame a file itself (a manifest, the config), and the key that led to it if any. */
export const blameFile =
  (file: string, key?: string) =>
  (problem: string, hint?: string): UserError =>
    new ConfigError(file, undefined, key, problem, hint);

const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;
// A FIFO opened without O_NONBLOCK blocks until a writer comes: forever, for a planted one.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

function errno(caught: unknown): string | undefined {
  return (caught as NodeJS.ErrnoException | null)?.code;
}

function openProblem(code: string | undefined): string | undefined {
  switch (code) {
    case 'ENOENT':
      return undefined;
    case 'ENOTDIR':
      return 'is under a file, not a folder';
    case 'ELOOP':
      return 'is a symlink loop';
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read (permission denied)';
    case 'ENXIO':
    case 'EISDIR':
      return 'is not a regular file';
    case 'ENAMETOOLONG':
      return 'is too long a path';
    default:
      return `cannot be read (${code ?? 'unknown error'})`;
  }
}

/**
 * The bytes of a file a user gave us (a manifest, the config, a notes file): only a regular
 * file, never a FIFO, device, socket or folder (it is opened non-blocking and checked before a
 * byte is read), inside `root` when given, at most `maxBytes`. Every problem is one UserError
 * from `blame`; a missing file is `undefined` when `optional`.
 */
export function readUserFileBytes(
  path: string,
  options: UserFileOptions & { optional: true },
): Buffer | undefined;
export function readUserFileBytes(path: string, options: UserFileOptions): Buffer;
export function readUserFileBytes(path: string, options: UserFileOptions): Buffer | undefined {
  const { blame } = options;
  if (path.includes('\0')) throw blame('contains a NUL character');
  const missing = () => {
    if (options.optional) return undefined;
    throw blame('was not found', 'Check the path, relative to the workspace.');
  };
  if (options.root !== undefined) {
    let real: string;
    try {
      real = realpathSync(path);
    } catch (caught) {
      const problem = openProblem(errno(caught));
      if (problem === undefined) return missing();
      throw blame(problem);
    }
    if (!isInside(realpathSync(options.root), real))
      throw blame('points outside the workspace', 'Use a file inside the repository checkout.');
  }
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (caught) {
    const problem = openProblem(errno(caught));
    if (problem === undefined) return missing();
    throw blame(problem);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw blame(`is ${kindOf(stat)}, not a regular file`);
    const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
    const tooLarge = () => blame(`is larger than the limit of ${max} bytes`);
    if (stat.size > max) throw tooLarge();
    // Read to the end rather than trusting the size: the file may change while we read.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, max + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > max) throw tooLarge();
    }
    return Buffer.concat(chunks, total);
  } catch (caught) {
    if (caught instanceof Error && errno(caught) !== undefined)
      throw blame(openProblem(errno(caught)) ?? 'was not found');
    throw caught;
  } finally {
    closeSync(fd);
  }
}

/** `readUserFileBytes` as UTF-8 text. */
export function readUserFile(path: string, options: UserFileOptions & { optional: true }): string | undefined;
export function readUserFile(path: string, options: UserFileOptions): string;
export function readUserFile(path: string, options: UserFileOptions): string | undefined {
  return readUserFileBytes(path, options)?.toString('utf8');
}

/** The workspace: GITHUB_WORKSPACE on a runner, else the current folder. */
export function workspace(env: NodeJS.ProcessEnv = process.env): string {
  return env.GITHUB_WORKSPACE || process.cwd();
}
