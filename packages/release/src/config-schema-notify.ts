/**
 * The schema of the `notify:` and `environments:` sections (see config-schema.ts for the
 * annotations). Webhook URLs and secrets never appear in the config: each channel names the
 * environment variable that holds its URL, as targets name their token's.
 */
import {
  DEFAULT_NOTIFY_ENV,
  DEFAULT_NOTIFY_ON,
  DEFAULT_WEBHOOK_SECRET_ENV,
  NOTIFY_EVENTS,
} from './config-types.js';

type JsonSchema = { [keyword: string]: unknown };

const ENV_NAME = '^[A-Za-z_][A-Za-z0-9_]*$';
/** GitHub's environment names: up to 255 characters; we keep to the ones safe in a path and a log. */
export const ENVIRONMENT_NAME = '^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$';

function envName(description: string, fallback: string): JsonSchema {
  return {
    type: 'string',
    description,
    default: fallback,
    pattern: ENV_NAME,
    'x-noun': 'an environment variable name',
    'x-hint': `Name the variable that holds it, e.g. ${fallback}; the value itself stays out of the file.`,
  };
}

function events(description: string): JsonSchema {
  return {
    type: 'array',
    description,
    items: {
      enum: [...NOTIFY_EVENTS],
      'x-noun': 'a notification event',
      'x-hint': `Use some of: ${NOTIFY_EVENTS.join(', ')}.`,
    },
    'x-expect': `a list of events, e.g. [${DEFAULT_NOTIFY_ON.join(', ')}]`,
  };
}

function channel(title: string, urlEnv: string, more: JsonSchema = {}): JsonSchema {
  return {
    type: 'object',
    description: `${title}; the URL is read from the variable named by url-env.`,
    additionalProperties: false,
    properties: {
      'url-env': envName('The environment variable that holds the webhook URL (a secret).', urlEnv),
      on: events('The events sent to this channel; default the section’s on.'),
      ...more,
    },
  };
}

export function notifySchema(): JsonSchema {
  return {
    type: 'object',
    description:
      'Who is told when a release fails, a rollout is rolled back, or the targets drift. A notification that cannot be delivered is a warning.',
    additionalProperties: false,
    properties: {
      on: { ...events('The events to send.'), default: [...DEFAULT_NOTIFY_ON] },
      slack: channel('A Slack incoming webhook', DEFAULT_NOTIFY_ENV.slack),
      teams: channel(
        'A Microsoft Teams incoming webhook (a Workflows webhook, or a connector)',
        DEFAULT_NOTIFY_ENV.teams,
      ),
      discord: channel('A Discord webhook', DEFAULT_NOTIFY_ENV.discord),
      webhook: channel(
        'Any HTTP endpoint: a JSON POST, signed when a secret is set',
        DEFAULT_NOTIFY_ENV.webhook,
        {
          'secret-env': envName(
            'The environment variable that holds the HMAC-SHA256 key; X-Deploy-Actions-Signature: sha256=<hex> of the body.',
            DEFAULT_WEBHOOK_SECRET_ENV,
          ),
        },
      ),
    },
  };
}

export function environmentsSchema(deploy: JsonSchema): JsonSchema {
  // An environment's deploy: overrides keys of the top-level one, so nothing is required in it.
  // Its router may name only what differs (e.g. the upstream file): the merged router is
  // checked when the environment is chosen, like the top-level one.
  const { required: _, properties, ...partialDeploy } = deploy;
  partialDeploy.properties = {
    ...(properties as JsonSchema),
    router: {
      type: 'object',
      description: 'Router settings over the top-level router (another type replaces it).',
      additionalProperties: { type: ['string', 'number', 'boolean'] },
    },
  };
  const environment: JsonSchema = {
    type: 'object',
    description: 'What differs in this environment.',
    additionalProperties: false,
    properties: {
      deploy: {
        ...partialDeploy,
        description:
          'Keys over the top-level deploy: (router and health merged key by key; a router of another type replaces it).',
      },
      url: {
        type: 'string',
        pattern: '^\\s*[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#]',
        description: "The environment's address, shown on GitHub's Environments page.",
        'x-noun': 'an http(s) URL',
        'x-hint': 'Use an absolute http:// or https:// URL.',
      },
      targets: {
        type: 'object',
        description: 'Per target name, the registry this environment publishes to.',
        additionalProperties: {
          type: 'object',
          additionalProperties: false,
          properties: {
            registry: {
              type: 'string',
              description: "The target's registry in this environment.",
            },
          },
        },
      },
    },
  };
  return {
    type: 'object',
    description:
      'Named environments (e.g. staging, production): --env / the environment input picks one; each may override deploy: and targets’ registries.',
    propertyNames: {
      pattern: ENVIRONMENT_NAME,
      'x-errors': { pattern: { message: 'is not a usable environment name (letters, digits, . _ -)' } },
    },
    additionalProperties: environment,
  };
}
