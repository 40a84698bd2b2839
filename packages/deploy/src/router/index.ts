/**
 * Router settings (the config's `deploy.router` keys, or the blue-green-switch inputs of the
 * same names) parsed into typed options, and the router they describe.
 */
import { resolve } from 'node:path';
import { InputError } from '@deploy-actions/action-kit/errors';
import { parseEnum, parseList } from '@deploy-actions/action-kit/parse';
import { parseCommandTemplate, splitCommand } from '../command-line.js';
import { ROUTER_SETTINGS, ROUTER_SETTINGS_OF, type RouterSetting } from '../setting-keys.js';
import {
  ROUTER_TYPES,
  type CommandRouterOptions,
  type KubernetesRouterOptions,
  type NginxRouterOptions,
  type Router,
  type RouterContext,
  type RouterOptions,
  type RouterType,
  type SymlinkRouterOptions,
} from './types.js';

export * from './types.js';
export { nginxLayout, renderRouteSnippet, renderUpstreamFile } from './nginx-config.js';

/** How a setting is called where the user wrote it: an input name, or `deploy.router.<key>`. */
export type Naming = (key: string) => string;

type RawSettings = Record<string, string | undefined>;

/** Which settings each router reads; any other non-empty one is a mistake worth naming. */
const SETTINGS: Record<RouterType, readonly RouterSetting[]> = ROUTER_SETTINGS_OF;

/**
 * The settings a router fills in itself when they are not given. A value equal to one of these
 * is never a mistake, whatever the router: it is what a runner or a template sets when nobody
 * chose anything (GitHub sets every input that has a default).
 */
export const ROUTER_DEFAULTS: Partial<Record<RouterSetting, string>> = {
  'reload-command': 'nginx -s reload',
  'test-command': 'nginx -t',
  'selector-key': 'colour',
};

const NGINX_ADDRESS = /^(unix:\/[^\s;{}'"$]+|\[[0-9A-Fa-f:.]+\]:\d{1,5}|[A-Za-z0-9.-]+(:\d{1,5})?)$/;
const DNS_NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
const LABEL_KEY = /^([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;

function need(raw: RawSettings, key: string, name: Naming, hint: string): string {
  const value = raw[key]?.trim();
  if (!value) throw InputError.missing(name(key), hint);
  return value;
}

function matching(name: string, value: string, pattern: RegExp, expected: string): string {
  if (!pattern.test(value)) throw InputError.bad(name, value, expected);
  return value;
}

function nginxOptions(raw: RawSettings, name: Naming, cwd: string): NginxRouterOptions {
  const file = resolve(
    cwd,
    need(
      raw,
      'upstream-file',
      name,
      'Name the file nginx includes in its http block, e.g. /etc/nginx/conf.d/app-upstream.conf.',
    ),
  );
  if (/[\s;{}'"$\\]/.test(file))
    throw InputError.bad(
      name('upstream-file'),
      file,
      'contains a character nginx would misread (space, quote, ;, {, }, $)',
    );
  const addresses = (colour: 'blue' | 'green') => {
    const list = parseList(need(raw, colour, name, `Give the ${colour} address, e.g. 127.0.0.1:8081.`));
    for (const address of list)
      matching(
        name(colour),
        address,
        NGINX_ADDRESS,
        'is not an nginx server address (host:port, [v6]:port or unix:/path)',
      );
    return list;
  };
  const blue = addresses('blue');
  const green = addresses('green');
  const shared = blue.find((address) => green.includes(address));
  if (shared)
    throw InputError.bad(
      name('green'),
      shared,
      'is also a blue address',
      'Blue and green must be different servers.',
    );
  return {
    type: 'nginx',
    upstreamFile: file,
    blue,
    green,
    reloadCommand: splitCommand(
      name('reload-command'),
      raw['reload-command']?.trim() || ROUTER_DEFAULTS['reload-command']!,
    ),
    testCommand: splitCommand(
      name('test-command'),
      raw['test-command']?.trim() || ROUTER_DEFAULTS['test-command']!,
    ),
  };
}

function kubernetesOptions(raw: RawSettings, name: Naming): KubernetesRouterOptions {
  const service = raw.service?.trim() || undefined;
  const ingress = raw.ingress?.trim() || undefined;
  if (!service && !ingress)
    throw InputError.missing(
      name('service'),
      `Set service (its selector picks the colour) or ingress (canary weights).`,
    );
  if (service && ingress)
    throw InputError.bad(
      name('ingress'),
      ingress,
      `is set together with service (${service})`,
      'Use service for whole switches, or ingress for canary steps, not both.',
    );
  for (const [key, value] of [
    ['service', service],
    ['ingress', ingress],
    ['namespace', raw.namespace?.trim()],
  ] as const)
    if (value) matching(name(key), value, DNS_NAME, 'is not a Kubernetes object name');
  const context = raw.context?.trim() || undefined;
  if (context?.startsWith('-')) throw InputError.bad(name('context'), context, 'starts with a dash');
  const colourValue = (colour: 'blue' | 'green') => {
    const value = raw[colour]?.trim();
    if (ingress) {
      if (!value)
        throw InputError.missing(name(colour), `With ingress, name the Service of the ${colour} colour.`);
      return matching(name(colour), value, DNS_NAME, 'is not a Service name');
    }
    return matching(name(colour), value || colour, LABEL_VALUE, 'is not a label value');
  };
  const options: KubernetesRouterOptions = {
    type: 'kubernetes',
    kubectl: 'kubectl',
    context,
    namespace: raw.namespace?.trim() || undefined,
    service,
    ingress,
    selectorKey: matching(
      name('selector-key'),
      raw['selector-key']?.trim() || ROUTER_DEFAULTS['selector-key']!,
      LABEL_KEY,
      'is not a label key',
    ),
    blue: colourValue('blue'),
    green: colourValue('green'),
  };
  if (options.blue === options.green)
    throw InputError.bad(name('green'), options.green, 'is the same as blue');
  return options;
}

function symlinkOptions(raw: RawSettings, name: Naming, cwd: string): SymlinkRouterOptions {
  const path = (key: string, hint: string) => {
    const value = need(raw, key, name, hint);
    if (value.includes('\0')) throw InputError.bad(name(key), value, 'contains a NUL character');
    return resolve(cwd, value);
  };
  const options: SymlinkRouterOptions = {
    type: 'symlink',
    link: path('link', 'Name the symlink to switch, e.g. /srv/app/current.'),
    blue: path('blue', 'Name the blue release directory.'),
    green: path('green', 'Name the green release directory.'),
  };
  if (options.blue === options.green)
    throw InputError.bad(name('green'), options.green, 'is the same directory as blue');
  return options;
}

function commandOptions(raw: RawSettings, name: Naming): CommandRouterOptions {
  const switchText = need(
    raw,
    'switch-command',
    name,
    'Give the command that moves traffic, e.g. lb-ctl route --to {colour} --weight {weight}.',
  );
  const readText = raw['read-command']?.trim();
  const options: CommandRouterOptions = {
    type: 'command',
    switchCommand: parseCommandTemplate(name('switch-command'), switchText, ['colour', 'weight', 'target']),
    readCommand: readText ? parseCommandTemplate(name('read-command'), readText, []) : undefined,
    blue: raw.blue?.trim() || undefined,
    green: raw.green?.trim() || undefined,
  };
  if (options.switchCommand.some((word) => word.includes('{target}')) && (!options.blue || !options.green))
    throw InputError.missing(
      name(options.blue ? 'green' : 'blue'),
      'switch-command uses {target}: set blue and green to what it stands for.',
    );
  return options;
}

/** Typed router options from raw settings; every mistake is an InputError naming the setting. */
export function parseRouterSettings(
  raw: RawSettings,
  name: Naming = (key) => key,
  cwd = process.cwd(),
): RouterOptions {
  const typeText = raw.type?.trim();
  if (!typeText) throw InputError.missing(name('type'), `Use one of: ${ROUTER_TYPES.join(', ')}.`);
  const type = parseEnum(name('type'), typeText, ROUTER_TYPES);
  const stray = ROUTER_SETTINGS.find((key) => {
    const value = raw[key]?.trim();
    return value && !SETTINGS[type].includes(key) && value !== ROUTER_DEFAULTS[key];
  });
  if (stray)
    throw new InputError(
      name(stray),
      `is not a setting of the ${type} router`,
      `The ${type} router reads: ${SETTINGS[type].join(', ')}.`,
    );
  switch (type) {
    case 'nginx':
      return nginxOptions(raw, name, cwd);
    case 'kubernetes':
      return kubernetesOptions(raw, name);
    case 'symlink':
      return symlinkOptions(raw, name, cwd);
    case 'command':
      return commandOptions(raw, name);
  }
}

/** Whether these options allow partial steps (a split of traffic); known before anything runs. */
export function canSplit(options: RouterOptions): boolean {
  if (options.type === 'nginx') return true;
  if (options.type === 'kubernetes') return Boolean(options.ingress);
  if (options.type === 'command') return options.switchCommand.some((word) => word.includes('{weight}'));
  return false;
}

/** The router of `options.type`; each router's code loads only when it is the one used. */
export async function createRouter(options: RouterOptions, context: RouterContext): Promise<Router> {
  switch (options.type) {
    case 'nginx':
      return new (await import('./nginx.js')).NginxRouter(options, context);
    case 'kubernetes':
      return new (await import('./kubernetes.js')).KubernetesRouter(options, context);
    case 'symlink':
      return new (await import('./symlink.js')).SymlinkRouter(options, context);
    case 'command':
      return new (await import('./command.js')).CommandRouter(options, context);
  }
}
