/**
 * One interface for every way of moving traffic between two colours. A router reads where
 * traffic goes from the thing that routes it (never from a file of our own), and moves it.
 */
import type { ExecOptions, ExecResult } from '@deploy-actions/action-kit/exec';
import type { Reporter } from '@deploy-actions/action-kit/log';

export const COLOURS = ['blue', 'green'] as const;
export type Colour = (typeof COLOURS)[number];

export { ROUTER_TYPES } from '../setting-keys.js';
import { ROUTER_TYPES } from '../setting-keys.js';
export type RouterType = (typeof ROUTER_TYPES)[number];

/** Percent of requests per colour; the two add up to 100. */
export interface Traffic {
  blue: number;
  green: number;
}

export const otherColour = (colour: Colour): Colour => (colour === 'blue' ? 'green' : 'blue');

/** `weight`% to `colour`, the rest to the other one. */
export function trafficTo(colour: Colour, weight: number): Traffic {
  return colour === 'blue' ? { blue: weight, green: 100 - weight } : { blue: 100 - weight, green: weight };
}

/** The colour serving most of the traffic; undefined on an even split. */
export function majorityColour(traffic: Traffic): Colour | undefined {
  if (traffic.blue === traffic.green) return undefined;
  return traffic.blue > traffic.green ? 'blue' : 'green';
}

export function describeTraffic(traffic: Traffic | undefined): string {
  if (!traffic) return 'unknown';
  if (traffic.blue === 100) return 'blue';
  if (traffic.green === 100) return 'green';
  return `blue ${traffic.blue}% / green ${traffic.green}%`;
}

export type ExecFn = (command: string, args: string[], options?: ExecOptions) => Promise<ExecResult>;

export interface RouterContext {
  exec: ExecFn;
  reporter: Reporter;
  /** Relative paths in router settings are resolved against it. */
  cwd: string;
}

export interface Router {
  readonly type: RouterType;
  /** What it routes, for logs and the summary, e.g. "nginx /etc/nginx/conf.d/app.conf". */
  readonly description: string;
  /** Whether it can split traffic (1-99%); otherwise only whole moves (100%). */
  readonly canSplit: boolean;
  /** Install what the router needs before the first move; one line per change (none when nothing changed). */
  prepare(): Promise<string[]>;
  /** Where traffic goes now, read from the router itself; undefined when it cannot tell. */
  read(): Promise<Traffic | undefined>;
  /** Send `weight`% of requests to `colour` and the rest to the other; returns a line saying what changed. */
  shift(colour: Colour, weight: number): Promise<string>;
}

export interface NginxRouterOptions {
  type: 'nginx';
  /** The file nginx includes in its http block; rewritten only when the addresses change. */
  upstreamFile: string;
  blue: string[];
  green: string[];
  reloadCommand: string[];
  testCommand: string[];
}

export interface KubernetesRouterOptions {
  type: 'kubernetes';
  kubectl: string;
  context?: string;
  namespace?: string;
  /** Service mode: the Service whose selector picks the colour. */
  service?: string;
  /** Ingress mode: the stable Ingress; a `<name>-canary` Ingress carries the canary weight. */
  ingress?: string;
  selectorKey: string;
  /** Service mode: the selector value of each colour. Ingress mode: the Service of each colour. */
  blue: string;
  green: string;
}

export interface SymlinkRouterOptions {
  type: 'symlink';
  /** The link (e.g. /srv/app/current) that points at the live release directory. */
  link: string;
  blue: string;
  green: string;
}

export interface CommandRouterOptions {
  type: 'command';
  /** Words of the switch command, with {colour}, {weight} and {target} placeholders. */
  switchCommand: string[];
  /** Words of a command that prints the live colour ("green", or "green 10" for a split). */
  readCommand?: string[];
  /** What {target} stands for, per colour (optional). */
  blue?: string;
  green?: string;
}

export type RouterOptions =
  NginxRouterOptions | KubernetesRouterOptions | SymlinkRouterOptions | CommandRouterOptions;
