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
