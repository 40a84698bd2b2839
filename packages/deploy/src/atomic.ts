/**
 * Replace files and symlinks so that a reader (nginx, a web server following a `current`
 * link) sees either the old or the new one, never a half-written file or a missing link:
 * write a temp file beside the target, fsync it, rename it over the target, fsync the folder
 * so the rename survives a crash.
 */
import { chmod, open, readFile, rename, rm, symlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A name beside `path` that no glob like `*.conf` picks up and no other writer uses. */
function tempBeside(path: string): string {
  return join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`,
  );
}

async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function writeFileAtomic(path: string, content: string, mode = 0o644): Promise<void> {
  const temp = tempBeside(path);
  const handle = await open(temp, 'wx', mode);
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    // The umask may have narrowed the mode; nginx workers (another user) must read the file.
    await chmod(temp, mode);
    await rename(temp, path);
  } catch (caught) {
    await rm(temp, { force: true });
    throw caught;
  }
  await syncDir(dirname(path));
}

/** Point `link` at `target` in one step, whether or not `link` exists yet. */
export async function replaceSymlink(link: string, target: string): Promise<void> {
  const temp = tempBeside(link);
  await symlink(target, temp);
  try {
    await rename(temp, link);
  } catch (caught) {
    await rm(temp, { force: true });
    throw caught;
  }
  await syncDir(dirname(link));
}

/** The file's text, or undefined when it does not exist. */
export async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (caught) {
    if ((caught as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw caught;
  }
}
