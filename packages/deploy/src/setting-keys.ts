/**
 * The names of the health and router settings, in one place for every reader: the health-gate
 * and blue-green-switch inputs, the CLI's flags, the config's `deploy.router` keys and the router
 * parser itself. A module of its own with no imports, so the CLI and the config can use the
 * lists without loading the rest of the deploy package.
 */

/** What parseHealthSettings reads (blue-green-switch calls `url` `health-url`). */
export const HEALTH_SETTINGS = [
  'url',
  'expect-status',
  'expect-body',
  'interval',
  'timeout',
  'window',
  'success-threshold',
  'failure-threshold',
  'max-error-rate',
  'max-p95',
  'probe-timeout',
  'prometheus-url',
  'prometheus-query',
  'max-value',
  'min-value',
] as const;

/** What parseRouterSettings reads besides the router's `type`, over all router types. */
export const ROUTER_SETTINGS = [
  'upstream-file',
  'blue',
  'green',
  'reload-command',
  'test-command',
  'namespace',
  'service',
  'ingress',
  'selector-key',
  'context',
  'link',
  'switch-command',
  'read-command',
] as const;

export type RouterSetting = (typeof ROUTER_SETTINGS)[number];

/** The router types (router/types.ts re-exports them). */
export const ROUTER_TYPES = ['nginx', 'kubernetes', 'symlink', 'command'] as const;

/** Which settings each router reads; any other one is a mistake worth naming. */
export const ROUTER_SETTINGS_OF: Record<(typeof ROUTER_TYPES)[number], readonly RouterSetting[]> = {
  nginx: ['upstream-file', 'blue', 'green', 'reload-command', 'test-command'],
  kubernetes: ['namespace', 'service', 'ingress', 'selector-key', 'context', 'blue', 'green'],
  symlink: ['link', 'blue', 'green'],
  command: ['switch-command', 'read-command', 'blue', 'green'],
};

/** What the health gate uses for a setting left unset. */
export const HEALTH_DEFAULTS = {
  'expect-status': '200-299',
  interval: '2s',
  timeout: '60s',
  window: '60s',
  'success-threshold': '3',
  'failure-threshold': '3',
  'probe-timeout': '5s',
} as const;
