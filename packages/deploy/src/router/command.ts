/**
 * Any load balancer with a CLI: the user's `switch-command` moves traffic ({colour} gets
 * {weight} percent; {target} is that colour's blue/green setting) and `read-command` prints
 * the live colour, optionally with its share ("green" or "green 10").
 */
import { InputError } from '@deploy-actions/action-kit/errors';
import { ExecError } from '@deploy-actions/action-kit/exec';
import { fillCommand, redactCommand } from '../command-line.js';
import {
  describeTraffic,
  trafficTo,
  type Colour,
  type CommandRouterOptions,
  type Router,
  type RouterContext,
  type Traffic,
} from './types.js';

export class CommandRouter implements Router {
  readonly type = 'command';
  readonly canSplit: boolean;
  readonly description: string;

  constructor(
    private readonly options: CommandRouterOptions,
    private readonly context: RouterContext,
  ) {
    this.canSplit = options.switchCommand.some((word) => /\{weight\}/.test(word));
    this.description = `command ${redactCommand(options.switchCommand)}`;
  }

  async prepare(): Promise<string[]> {
    return [];
  }

  async read(): Promise<Traffic | undefined> {
    if (!this.options.readCommand) return undefined;
    const result = await this.run(this.options.readCommand);
    const printed = result.stdout.trim();
    const match = /^(blue|green)(?:[\s=:]+(\d{1,3})%?)?\s*$/i.exec(printed.split('\n').pop() ?? '');
    const weight = match?.[2] === undefined ? 100 : Number(match[2]);
    if (!match || weight > 100)
      throw InputError.bad(
        'read-command',
        printed,
        'is not what read-command must print',
        'Print the live colour, e.g. "green", or "green 10" while it has 10%.',
      );
    return trafficTo(match[1].toLowerCase() as Colour, weight);
  }

  async shift(colour: Colour, weight: number): Promise<string> {
    const words = fillCommand(this.options.switchCommand, {
      colour,
      weight: String(weight),
      target: this.options[colour] ?? colour,
    });
    await this.run(words);
    return `command: ${redactCommand(words)} (${describeTraffic(trafficTo(colour, weight))})`;
  }

  private async run(words: string[]) {
    this.context.reporter.info(`$ ${redactCommand(words)}`);
    const result = await this.context.exec(words[0], words.slice(1), {
      cwd: this.context.cwd,
      timeoutMs: 120_000,
    });
    if (result.code !== 0 || result.timedOut) throw new ExecError(result);
    return result;
  }
}
