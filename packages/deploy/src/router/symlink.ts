/**
 * A `current` symlink between two release directories (the Capistrano layout): the web server
 * or process manager follows the link, so a switch is one atomic rename of a new link over it.
 */
import { lstat, readlink, realpath, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { InputError } from '@deploy-actions/action-kit/errors';
import { replaceSymlink } from '../atomic.js';
import {
  describeTraffic,
  trafficTo,
  type Colour,
  type Router,
  type RouterContext,
  type SymlinkRouterOptions,
  type Traffic,
} from './types.js';

export class SymlinkRouter implements Router {
  readonly type = 'symlink';
  readonly canSplit = false;
  readonly description: string;
  private readonly link: string;
  private readonly targets: Record<Colour, string>;

  constructor(options: SymlinkRouterOptions, context: RouterContext) {
    this.link = resolve(context.cwd, options.link);
    this.targets = { blue: resolve(context.cwd, options.blue), green: resolve(context.cwd, options.green) };
    this.description = `symlink ${this.link}`;
  }

  async prepare(): Promise<string[]> {
    return [];
  }

  async read(): Promise<Traffic | undefined> {
    let target: string;
    try {
      target = resolve(dirname(this.link), await readlink(this.link));
    } catch (caught) {
      const code = (caught as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return undefined;
      if (code === 'EINVAL')
        throw InputError.bad(
          'link',
          this.link,
          'is not a symlink',
          'Move the directory aside; the router manages the link itself.',
        );
      throw caught;
    }
    for (const colour of ['blue', 'green'] as const) {
      if (target === this.targets[colour] || (await sameFile(target, this.targets[colour])))
        return trafficTo(colour, 100);
    }
    throw InputError.bad(
      'link',
      this.link,
      `points at ${target}, which is neither blue (${this.targets.blue}) nor green (${this.targets.green})`,
    );
  }

  async shift(colour: Colour, weight: number): Promise<string> {
    if (weight !== 100)
      throw InputError.bad(
        'steps',
        weight,
        'is a partial step: a symlink moves all traffic at once',
        'Use steps: 100.',
      );
    const target = this.targets[colour];
    const info = await stat(target).catch(() => undefined);
    if (!info?.isDirectory())
      throw InputError.bad(colour, target, 'is not a directory', `Deploy the ${colour} release there first.`);
    const before = await this.read();
    const existing = await lstat(this.link).catch(() => undefined);
    if (existing && !existing.isSymbolicLink())
      throw InputError.bad('link', this.link, 'is not a symlink', 'Move it aside once.');
    await replaceSymlink(this.link, target);
    return `symlink: ${this.link} -> ${target} (${describeTraffic(before)} -> ${colour})`;
  }
}

async function sameFile(a: string, b: string): Promise<boolean> {
  try {
    return (await realpath(a)) === (await realpath(b));
  } catch {
    return false;
  }
}
