/** Parsing the `notify:` and `environments:` sections (choosing one: environment.ts). */
import { parseUrl } from '@deploy-actions/action-kit/parse';
import {
  DEFAULT_NOTIFY_ENV,
  DEFAULT_NOTIFY_ON,
  DEFAULT_WEBHOOK_SECRET_ENV,
  NOTIFY_CHANNELS,
  asText,
  type EnvironmentConfig,
  type NotifyConfig,
  type NotifyEvent,
  type TargetConfig,
} from './config-types.js';
import { parseDeploy, type Map_, type Reader } from './config.js';

export function parseNotify(notify: Map_): NotifyConfig {
  const on = (notify.on as NotifyEvent[] | undefined) ?? [...DEFAULT_NOTIFY_ON];
  const channels: NotifyConfig['channels'] = [];
  for (const type of NOTIFY_CHANNELS) {
    const raw = notify[type] as Map_ | null | undefined;
    if (raw === undefined) continue;
    const item = raw ?? {};
    channels.push({
      type,
      urlEnv: (item['url-env'] as string | undefined) ?? DEFAULT_NOTIFY_ENV[type],
      secretEnv:
        type === 'webhook'
          ? ((item['secret-env'] as string | undefined) ?? DEFAULT_WEBHOOK_SECRET_ENV)
          : undefined,
      on: (item.on as NotifyEvent[] | undefined) ?? on,
    });
  }
  return { on, channels };
}

/** `over` on `base`: router and health key by key (a router of another type replaces it whole). */
function mergeDeploy(base: Map_ | undefined, over: Map_): Map_ {
  if (!base) return over;
  const out: Map_ = { ...base, ...over };
  const baseRouter = (base.router as Map_ | undefined) ?? {};
  const overRouter = over.router as Map_ | undefined;
  if (overRouter)
    out.router =
      overRouter.type !== undefined && overRouter.type !== baseRouter.type
        ? overRouter
        : { ...baseRouter, ...overRouter };
  if (over.health) out.health = { ...((base.health as Map_ | undefined) ?? {}), ...(over.health as Map_) };
  return out;
}

export function parseEnvironments(
  r: Reader,
  environments: Map_,
  deploy: Map_ | undefined,
  targets: TargetConfig[],
): Map<string, EnvironmentConfig> {
  const out = new Map<string, EnvironmentConfig>();
  for (const [name, value] of Object.entries(environments)) {
    const item = (value as Map_ | null) ?? {};
    const at = ['environments', name];
    let merged: EnvironmentConfig['deploy'];
    if (item.deploy) {
      const raw = mergeDeploy(deploy, item.deploy as Map_);
      if (!raw.router)
        r.fail(
          [...at, 'deploy'],
          'has no router, and there is no top-level deploy: to take it from',
          'Add router: here or a top-level deploy: section.',
        );
      merged = parseDeploy(r, raw, [...at, 'deploy']);
    }
    const url = item.url != null ? asText(item.url) : undefined;
    if (url) r.check([...at, 'url'], () => parseUrl(`environments.${name}.url`, url));
    const overrides: EnvironmentConfig['targets'] = {};
    for (const [target, settings] of Object.entries((item.targets as Map_ | undefined) ?? {})) {
      if (!targets.some((t) => t.name === target))
        r.fail(
          [...at, 'targets', target],
          `names no target (targets: ${targets.map((t) => t.name).join(', ')})`,
          'Use the name of a target in targets:.',
        );
      const registry = (settings as Map_ | null)?.registry;
      if (registry != null) {
        const text = asText(registry);
        r.check([...at, 'targets', target, 'registry'], () =>
          parseUrl(`environments.${name}.targets.${target}.registry`, text),
        );
        overrides[target] = { registry: text };
      }
    }
    out.set(name, { name, deploy: merged, url, targets: overrides });
  }
  return out;
}
