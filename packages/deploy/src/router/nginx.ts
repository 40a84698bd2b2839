/**
 * nginx as the router, lossless: nginx is reloaded only when the upstream file itself must
 * change (first install, new addresses); moving traffic is one atomic symlink swap that nginx
 * reads per request (see nginx-config.ts for why a reload per step loses requests).
 */
import { chmod, lstat, mkdir, readdir, readlink, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { InputError } from '@deploy-actions/action-kit/errors';
import { readIfExists, replaceSymlink, writeFileAtomic } from '../atomic.js';
import { formatCommand } from '../command-line.js';
import {
  BUCKETS,
  MANAGED_MARK,
  nginxLayout,
  parseSplitDirName,
  renderRouteSnippet,
  renderUpstreamFile,
  splitDirName,
  trafficFromUpstreamFile,
  type NginxLayout,
} from './nginx-config.js';
import {
  describeTraffic,
  trafficTo,
  type Colour,
  type NginxRouterOptions,
  type Router,
  type RouterContext,
  type Traffic,
} from './types.js';

/** nginx refused the configuration we wrote (nginx -t), or the reload failed. */
export class NginxConfigError extends InputError {}

export class NginxRouter implements Router {
  readonly type = 'nginx';
  readonly canSplit = true;
  readonly description: string;
  private readonly layout: NginxLayout;
  private pathsChecked?: Promise<void>;

  constructor(
    private readonly options: NginxRouterOptions,
    private readonly context: RouterContext,
  ) {
    this.layout = nginxLayout(options.upstreamFile);
    this.description = `nginx ${options.upstreamFile}`;
  }

  /**
   * The upstream file must be a file (or not exist yet) in a folder: anything else is the
   * setting's mistake, said once, before any read or write (not a raw ENOTDIR/EISDIR).
   */
  private checkPaths(): Promise<void> {
    this.pathsChecked ??= (async () => {
      const { upstreamFile } = this.layout;
      const folder = await stat(dirname(upstreamFile)).catch((caught: NodeJS.ErrnoException) => {
        if (caught.code === 'ENOENT' || caught.code === 'ENOTDIR') return undefined;
        throw caught;
      });
      if (!folder?.isDirectory())
        throw InputError.bad(
          'upstream-file',
          upstreamFile,
          folder || (await isUnderFile(dirname(upstreamFile)))
            ? 'is under a path that is a file, not a folder'
            : 'is in a folder that does not exist',
          'Use a file in the folder nginx includes from, e.g. /etc/nginx/conf.d/app-upstream.conf.',
        );
      const file = await stat(upstreamFile).catch(() => undefined);
      if (file && !file.isFile())
        throw InputError.bad(
          'upstream-file',
          upstreamFile,
          `is ${file.isDirectory() ? 'a directory' : 'not a regular file'}`,
          'Name the file nginx includes in its http block, e.g. /etc/nginx/conf.d/app-upstream.conf.',
        );
    })();
    return this.pathsChecked;
  }

  async read(): Promise<Traffic | undefined> {
    await this.checkPaths();
    try {
      const weight = parseSplitDirName(await readlink(this.layout.current));
      if (weight !== undefined) return { blue: 100 - weight, green: weight };
    } catch (caught) {
      if ((caught as NodeJS.ErrnoException).code !== 'ENOENT') throw caught;
    }
    // Not installed yet: what does the upstream file nginx runs with say?
    const text = await readIfExists(this.options.upstreamFile);
    if (text === undefined || text.startsWith(MANAGED_MARK)) return undefined;
    return trafficFromUpstreamFile(text, this.options.blue, this.options.green);
  }

  async prepare(): Promise<string[]> {
    const changes: string[] = [];
    const { routeDir, current, snippet, upstreamFile } = this.layout;
    await this.checkPaths();
    await mkdir(routeDir, { recursive: true });
    await chmod(routeDir, 0o755);
    if (!(await exists(current))) {
      // Take over where nginx is now, so installing never moves traffic by itself.
      const start = (await this.read()) ?? { blue: 100, green: 0 };
      await this.link(start.green);
      changes.push(`nginx: route created at ${current} (${describeTraffic(start)})`);
    }
    const wanted = new Map([
      [upstreamFile, renderUpstreamFile(this.layout, this.options.blue, this.options.green)],
      [snippet, renderRouteSnippet(this.layout)],
    ]);
    const before = new Map<string, string | undefined>();
    for (const [file, text] of wanted) {
      const old = await readIfExists(file);
      if (old !== text) before.set(file, old);
    }
    if (!before.size) {
      await this.checkIncluded();
      return changes;
    }
    const existing = before.get(upstreamFile);
    if (existing !== undefined && !existing.startsWith(MANAGED_MARK))
      this.context.reporter.info(`nginx: taking over ${upstreamFile} (was not written by deploy-actions)`);
    for (const file of before.keys()) await writeFileAtomic(file, wanted.get(file)!);
    const test = await this.run(this.options.testCommand);
    if (test.code !== 0) {
      await this.restore(before);
      throw new NginxConfigError(
        'upstream-file',
        `nginx refused the configuration written to ${upstreamFile} (${formatCommand(this.options.testCommand)}):\n${(test.stderr || test.stdout).trim()}`,
        `Include ${upstreamFile} in the http block and ${snippet} in the server or location block (see the blue-green-switch README); the previous files were put back.`,
      );
    }
    const reload = await this.run(this.options.reloadCommand);
    if (reload.code !== 0)
      throw new NginxConfigError(
        'reload-command',
        `${formatCommand(this.options.reloadCommand)} failed:\n${(reload.stderr || reload.stdout).trim()}`,
        'Check that nginx is running and that this command can signal it (pid file, permissions).',
      );
    changes.push(`nginx: wrote ${[...before.keys()].join(' and ')}, tested and reloaded`);
    await this.checkIncluded();
    return changes;
  }

  /**
   * nginx must read both files, or moving the route changes nothing while the gate (probing
   * the new colour directly) passes. `nginx -T` (the test command with -t turned into -T)
   * names every file it read; a test command without -t cannot tell, and is trusted.
   */
  private async checkIncluded(): Promise<void> {
    const at = this.options.testCommand.lastIndexOf('-t');
    if (at < 0) {
      this.context.reporter.debug(
        `nginx: ${formatCommand(this.options.testCommand)} has no -t; not checking what nginx includes`,
      );
      return;
    }
    const dump = this.options.testCommand.map((word, i) => (i === at ? '-T' : word));
    const result = await this.context.exec(dump[0], dump.slice(1), {
      cwd: this.context.cwd,
      timeoutMs: 60_000,
    });
    if (result.code !== 0) return; // nginx -t passed a moment ago; nothing more to learn
    const missing = [this.layout.upstreamFile, this.layout.snippet].filter(
      (file) => !result.stdout.includes(`# configuration file ${file}:`),
    );
    if (missing.length)
      throw new NginxConfigError(
        'upstream-file',
        `nginx does not read ${missing.join(' nor ')} (${formatCommand(dump)}): moving traffic would change nothing`,
        `Include ${this.layout.upstreamFile} in the http block, and ${this.layout.snippet} in the server or location block that proxies with proxy_pass http://$${this.layout.id}_pool (see the blue-green-switch README).`,
      );
  }

  async shift(colour: Colour, weight: number): Promise<string> {
    const before = await this.read();
    const traffic = trafficTo(colour, weight);
    await this.link(traffic.green);
    await this.removeStaleSplits(traffic.green, before?.green);
    return `nginx: ${describeTraffic(before)} -> ${describeTraffic(traffic)} (no reload)`;
  }

  private run(words: string[]) {
    this.context.reporter.info(`$ ${formatCommand(words)}`);
    return this.context.exec(words[0], words.slice(1), { cwd: this.context.cwd, timeoutMs: 60_000 });
  }

  private async restore(before: Map<string, string | undefined>): Promise<void> {
    for (const [file, text] of before) {
      if (text === undefined) await rm(file, { force: true });
      else await writeFileAtomic(file, text);
    }
  }

  /** Point `current` at the folder for this green share, creating the folder complete first. */
  private async link(greenWeight: number): Promise<void> {
    const name = splitDirName(greenWeight);
    const dir = join(this.layout.routeDir, name);
    if (!(await exists(dir))) {
      const temp = join(this.layout.routeDir, `.${name}.${process.pid}.tmp`);
      await rm(temp, { recursive: true, force: true });
      await mkdir(temp, { mode: 0o755 });
      await chmod(temp, 0o755);
      for (let bucket = 0; bucket < greenWeight && bucket < BUCKETS; bucket++)
        await writeFile(join(temp, String(bucket)), '', { mode: 0o644 });
      try {
        await rename(temp, dir);
      } catch (caught) {
        // Another run made the same folder meanwhile; theirs is as good as ours.
        await rm(temp, { recursive: true, force: true });
        if (!(await exists(dir))) throw caught;
      }
    }
    await replaceSymlink(this.layout.current, name);
  }

  /** Keep the live folder and the one just left (a request may still be resolving it). */
  private async removeStaleSplits(live: number, previous: number | undefined): Promise<void> {
    for (const entry of await readdir(this.layout.routeDir)) {
      const weight = parseSplitDirName(entry);
      if (weight === undefined || weight === live || weight === previous) continue;
      await rm(join(this.layout.routeDir, entry), { recursive: true, force: true });
    }
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (caught) {
    if ((caught as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw caught;
  }
}

/** Whether some parent of `path` is a regular file (so nothing under it can exist). */
async function isUnderFile(path: string): Promise<boolean> {
  for (let at = path; at !== dirname(at); at = dirname(at)) {
    const info = await stat(at).catch(() => undefined);
    if (info) return !info.isDirectory();
  }
  return false;
}
