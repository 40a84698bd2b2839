/**
 * Choosing an environment for a run (`--env`, the `environment` input): its deploy section
 * replaces the top-level one and its targets' registries replace theirs. An environment the
 * config does not list (when it lists none) is still a name: the GitHub deployment's
 * environment, with the config as it is.
 */
import { InputError } from '@deploy-actions/action-kit/errors';
import { parseUrl } from '@deploy-actions/action-kit/parse';
import type { ReleaseConfig } from './config-types.js';
import { ENVIRONMENT_NAME } from './config-schema-notify.js';

/**
 * The config as the environment `name` sees it (`input`: what to blame, `--env` or
 * `environment`). Empty name: the config unchanged.
 */
export function selectEnvironment(
  config: ReleaseConfig,
  name: string | undefined,
  input = 'environment',
  url?: string,
): ReleaseConfig {
  const chosen = name?.trim();
  if (!chosen) return config;
  if (!new RegExp(ENVIRONMENT_NAME).test(chosen))
    throw InputError.bad(
      input,
      chosen,
      'is not a usable environment name',
      'Use letters, digits, ., _ or -, e.g. staging or production.',
    );
  const environment = config.environments?.get(chosen);
  if (config.environments?.size && !environment)
    throw InputError.bad(
      input,
      chosen,
      `is not an environment of ${config.file}`,
      `Use one of: ${[...config.environments.keys()].join(', ')} (or add it under environments:).`,
    );
  if (url) parseUrl(`${input}-url`, url);
  const targets = config.targets.map((t) => {
    const registry = environment?.targets[t.name]?.registry;
    return registry ? { ...t, settings: { ...t.settings, registry } } : t;
  });
  return {
    ...config,
    targets,
    deploy: environment?.deploy ?? config.deploy,
    environment: { name: chosen, url: url || environment?.url },
  };
}
