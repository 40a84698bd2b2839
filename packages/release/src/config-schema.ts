/**
 * The config file's settings, once: every key with its type, allowed values, default and
 * description, as a JSON Schema (draft-07, what the VS Code YAML extension validates with).
 * Two things come from it: the runtime check (config-validate.ts runs it with ajv and turns
 * its errors into located ConfigErrors) and the published schema/deploy-actions.schema.json
 * that editors use (scripts/gen-schema.mjs writes it; CI checks it is up to date).
 *
 * Our own annotations, which editors ignore, word the errors:
 * - `x-noun`: what a value must be (`"maven" is not a target type`);
 * - `x-hint`: what to do, on every error about the value (and when it is missing);
 * - `x-errors`: a message (and hint) for one failing keyword, e.g. `{ minItems: { message: 'is an empty list' } }`;
 * - `x-expect`: what a wrong kind of value must be instead (`must be a list of percentages`);
 * - `x-detail: 'runtime'`: the runtime check words this mistake better (e.g. names the bad
 *   placeholder); it reports it, and this schema's error is used only if it does not.
 * Rules a JSON Schema cannot state (a duplicate target name, a tier without a policy, steps
 * that increase) are checked in code after it: see RUNTIME_ONLY_RULES.
 */
import { VERSION_SOURCES } from '@deploy-actions/version';
import { HEALTH_DEFAULTS, ROUTER_SETTINGS_OF, ROUTER_TYPES } from '@deploy-actions/deploy/setting-keys';
import { TARGET_SETTINGS, TARGET_TYPES, type SettingSpec } from './targets.js';
import {
  ARCHIVE_PLACEHOLDERS,
  DEFAULT_ARCHIVE,
  BUILD_ARCHES,
  BUILD_ASSETS,
  BUILD_OSES,
  DEFAULT_RUNS_ON,
  DEFAULT_TIERS,
  POLICIES,
} from './config-types.js';
import { environmentsSchema, notifySchema } from './config-schema-notify.js';

export type JsonSchema = { [keyword: string]: unknown };

/** Where users' editors fetch the schema: the raw file at the action's major tag. */
export const SCHEMA_URL =
  'https://raw.githubusercontent.com/org/deploy-actions/v1/schema/deploy-actions.schema.json';

/** Mistakes only the code after the schema finds (the schema accepts them), named for the docs and tests. */
export const RUNTIME_ONLY_RULES = [
  'a target name used twice',
  'a tier that has no policy under tiers:',
  'a YAML key written twice in one mapping',
  'a URL the URL parser refuses (e.g. no host)',
  'a duration longer than a day, a percentage over 100',
  'deploy.steps that do not increase or do not end at 100',
  'build.command whose first word is blank, or with a NUL character',
] as const;

// A text value: YAML reads `5m` as text but `300` as a number; both are written as text.
const TEXT = ['string', 'number'];
const NO_NUL = '^[^\\u0000]*$';
const HTTP_URL = '^\\s*[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#]';
const DURATION = '^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$';
const PERCENT = '^\\s*\\d+(\\.\\d+)?\\s*%?\\s*$';
const NUMBER = '^\\s*-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?\\s*$';
const INSIDE_WORKSPACE = '^(?!\\s*$)(?!/)(?!(.*/)?\\.\\.(/|$))[^\\u0000]*$';

function text(description: string, more: JsonSchema = {}): JsonSchema {
  return { type: TEXT, description, ...more };
}

function path(description: string, more: JsonSchema = {}): JsonSchema {
  return text(description, {
    pattern: NO_NUL,
    'x-errors': { pattern: { message: 'contains a NUL character' } },
    ...more,
  });
}

function url(description: string, more: JsonSchema = {}): JsonSchema {
  return text(description, {
    pattern: HTTP_URL,
    'x-noun': 'an http(s) URL',
    'x-hint': 'Use an absolute http:// or https:// URL.',
    ...more,
  });
}

function duration(description: string, more: JsonSchema = {}): JsonSchema {
  return text(description, {
    pattern: DURATION,
    'x-noun': 'a duration',
    'x-hint': 'Use a number with a unit, e.g. 500ms, 2s or 5m.',
    ...more,
  });
}

/** One value or a list of them (a single value is a list of one). */
function list(description: string, item: JsonSchema = { type: TEXT }, more: JsonSchema = {}): JsonSchema {
  const single = item.pattern ? { pattern: item.pattern } : {};
  const { description: _, ...itemRest } = item;
  return { type: [...TEXT, 'array'], items: itemRest, ...single, ...copyWording(item), description, ...more };
}

function copyWording(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = {};
  for (const key of ['x-noun', 'x-hint', 'x-errors']) if (schema[key] !== undefined) out[key] = schema[key];
  return out;
}

/** Enumerated text; `true`/`false` may be written as YAML booleans. */
function choice(values: readonly string[], description: string, more: JsonSchema = {}): JsonSchema {
  const allowed: (string | boolean)[] = [...values];
  for (const b of ['true', 'false']) if (values.includes(b)) allowed.push(b === 'true');
  return { enum: allowed, description, ...more };
}

function setting(spec: SettingSpec): JsonSchema {
  const more: JsonSchema = spec.default === undefined ? {} : { default: spec.default };
  const kind = spec.kind;
  if (Array.isArray(kind)) return choice(kind, spec.description, more);
  switch (kind) {
    case 'bool':
      return { type: 'boolean', description: spec.description, ...more };
    case 'int':
      return { type: 'integer', minimum: 0, maximum: 1e9, description: spec.description, ...more };
    case 'list':
      return list(spec.description, { type: TEXT }, more);
    case 'url':
      return spec.aliases?.length
        ? url(spec.description, {
            pattern: `${HTTP_URL}|^\\s*(${spec.aliases.join('|')})\\s*$`,
            'x-noun': `an http(s) URL or ${spec.aliases.join(', ')}`,
            'x-hint': `Use an absolute http:// or https:// URL, or ${spec.aliases.join(', ')}.`,
            ...more,
          })
        : url(spec.description, more);
    case 'path':
      return path(spec.description, more);
    default:
      return text(spec.description, more);
  }
}

const TARGET_NAME = '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$';

function targetSchema(): JsonSchema {
  const base: JsonSchema = {
    name: text("A unique name: what `platforms`, `publish`'s `target` and the reports call it.", {
      pattern: TARGET_NAME,
      'x-noun': 'a usable target name',
      'x-hint': 'Use letters, digits, ., _ and -.',
    }),
    type: {
      enum: [...TARGET_TYPES],
      description: 'The registry or channel to publish to.',
      'x-noun': 'a target type',
      'x-hint': `Use one of: ${TARGET_TYPES.join(', ')}.`,
    },
    tier: {
      type: 'integer',
      minimum: 1,
      maximum: 99,
      description:
        'The tier, whose policy under `tiers:` decides what a failure does; tiers publish in order.',
      'x-hint': 'Set tier: 1, 2 or 3.',
    },
  };
  return {
    type: 'object',
    description: 'A place the release is published to.',
    'x-expect': 'a mapping with name, type and tier',
    required: ['type', 'name', 'tier'],
    properties: base,
    allOf: TARGET_TYPES.map((type) => {
      const settings: Record<string, JsonSchema> = {};
      for (const [key, spec] of Object.entries(TARGET_SETTINGS[type])) settings[key] = setting(spec);
      if (type === 'github-release')
        settings.assets = {
          ...settings.assets,
          description: `${TARGET_SETTINGS[type].assets.description} \`build\`: the archives and SHA256SUMS of \`build:\`.`,
          // `build` stands for the build's archives: alone, never beside other globs.
          if: { type: 'array', contains: { const: BUILD_ASSETS } },
          then: { maxItems: 1 },
          'x-errors': {
            maxItems: { message: "'build' stands alone", hint: 'Put the other files in build.artifacts.' },
          },
        };
      const required = Object.entries(TARGET_SETTINGS[type])
        .filter(([, spec]) => spec.required)
        .map(([key]) => key);
      return {
        if: { properties: { type: { const: type } }, required: ['type'] },
        then: {
          properties: { name: {}, type: {}, tier: {}, ...settings },
          additionalProperties: false,
          ...(required.length ? { required } : {}),
          'x-errors': { required: { message: 'is required for this target type' } },
        },
      };
    }),
  };
}

const PLATFORM = `^(${BUILD_OSES.join('|')})/(${BUILD_ARCHES.join('|')})$`;
const PLATFORM_HINT = `Use os/arch with os one of ${BUILD_OSES.join(', ')} and arch one of ${BUILD_ARCHES.join(', ')}, e.g. linux/amd64.`;
const PLACEHOLDERS = ARCHIVE_PLACEHOLDERS;
const ARCHIVE = `^(?!\\.)(?=[\\s\\S]*\\S)([^/\\\\{}\\u0000]|\\{(${PLACEHOLDERS.join('|')})\\})+$`;

function buildSchema(): JsonSchema {
  const runsOn: Record<string, JsonSchema> = {};
  for (const os of BUILD_OSES)
    runsOn[os] = text(`The runner label of the ${os} builds.`, {
      default: DEFAULT_RUNS_ON[os],
      'x-hint': 'Name a runner label, e.g. ubuntu-latest.',
    });
  return {
    type: 'object',
    description:
      "The hub's builder: runs the command once per platform before tier 1 and packs what it makes into archives (plus SHA256SUMS).",
    additionalProperties: false,
    required: ['command'],
    properties: {
      command: {
        type: [...TEXT, 'array'],
        description:
          'What builds, once per platform, with DEPLOY_VERSION, DEPLOY_OS, DEPLOY_ARCH and DEPLOY_OUT set. Text runs through bash -c; a list runs as argv, no shell.',
        items: { type: TEXT },
        minItems: 1,
        pattern: '\\S',
        'x-hint': 'Set the command that builds, e.g. command: make dist.',
        'x-errors': {
          pattern: { message: 'is empty' },
          minItems: { message: 'is an empty list', hint: 'Name the program first, e.g. [make, dist].' },
        },
      },
      platforms: list(
        'os/arch of each build (Go spelling); default: one build for the platform the hub runs on.',
        { type: TEXT, pattern: PLATFORM, 'x-noun': 'a platform', 'x-hint': PLATFORM_HINT },
        {
          uniqueItems: true,
          minItems: 1,
          'x-errors': {
            minItems: { message: 'is an empty list', hint: PLATFORM_HINT },
            uniqueItems: { message: 'is listed twice' },
          },
        },
      ),
      'runs-on': {
        type: 'object',
        description: 'The runner label of each OS in the fan-out (runs-on).',
        additionalProperties: false,
        properties: runsOn,
      },
      binary: text(
        'The executable the command writes into DEPLOY_OUT (.exe is added on windows); {name} of the archive.',
        {
          pattern: '^[A-Za-z0-9][A-Za-z0-9._+-]*$',
          'x-noun': 'a file name',
          'x-hint':
            'Name the executable the command writes into DEPLOY_OUT, without a folder (.exe is added on windows).',
        },
      ),
      archive: text(
        "The archive's name without extension (.tar.gz, .zip on windows): {name} (the binary), {version}, {os}, {arch}.",
        {
          default: DEFAULT_ARCHIVE,
          pattern: ARCHIVE,
          'x-noun': 'an archive name',
          'x-hint': `Use no folders, and only ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}.`,
          'x-detail': 'runtime',
        },
      ),
      artifacts: list(
        'Globs of other files the command makes, for the targets (e.g. python/dist/*).',
        {
          type: TEXT,
          pattern: INSIDE_WORKSPACE,
          'x-noun': 'a pattern inside the workspace',
          'x-hint': "Use relative globs, e.g. 'python/dist/*'.",
        },
        // The runtime check names the list, as for a single pattern.
        { default: [], 'x-detail': 'runtime' },
      ),
      dist: text('Where the archives and SHA256SUMS are written, relative to the workspace.', {
        default: 'dist',
        pattern: INSIDE_WORKSPACE,
        'x-noun': 'a folder inside the workspace',
      }),
    },
    allOf: [
      {
        // {name} is the binary: without one, the archive must be named otherwise.
        if: { not: { required: ['binary'] } },
        then: {
          required: ['archive'],
          properties: { archive: { not: { type: 'string', pattern: '\\{(name|binary)\\}' } } },
          'x-detail': 'runtime',
        },
      },
      {
        // Several platforms must not write the same archive.
        if: { required: ['platforms'], properties: { platforms: { type: 'array', minItems: 2 } } },
        then: {
          properties: {
            archive: { type: 'string', allOf: [{ pattern: '\\{os\\}' }, { pattern: '\\{arch\\}' }] },
          },
          'x-detail': 'runtime',
        },
      },
    ],
  };
}

function routerSchema(): JsonSchema {
  const descriptions: Record<string, string> = {
    'upstream-file': 'nginx: the upstream file the router rewrites (inside an include of the server).',
    blue: 'The blue colour: nginx an address (host:port), kubernetes the selector value, symlink a directory, command what {target} stands for.',
    green: 'The green colour, as blue.',
    'reload-command': 'nginx: the command that reloads nginx (default: nginx -s reload).',
    'test-command': 'nginx: the command that tests the configuration (default: nginx -t).',
    namespace: 'kubernetes: the namespace.',
    service: 'kubernetes: the Service whose selector picks the colour.',
    ingress: 'kubernetes: the canary Ingress for partial steps.',
    'selector-key': 'kubernetes: the label key of the colour (default: colour).',
    context: 'kubernetes: the kubectl context.',
    link: 'symlink: the symlink to switch, e.g. /srv/app/current.',
    'switch-command': 'command: the command that moves traffic; {colour}, {weight}, {target}.',
    'read-command': 'command: the command that prints the active colour.',
  };
  return {
    type: 'object',
    description: 'What moves traffic between the blue and green colours.',
    required: ['type'],
    properties: {
      type: {
        enum: [...ROUTER_TYPES],
        description: 'The router.',
        'x-noun': 'a router',
        'x-hint': `Use ${ROUTER_TYPES.slice(0, -1).join(', ')} or ${ROUTER_TYPES[ROUTER_TYPES.length - 1]}.`,
      },
    },
    allOf: ROUTER_TYPES.map((type) => {
      const properties: Record<string, JsonSchema> = { type: {} };
      for (const key of ROUTER_SETTINGS_OF[type]) properties[key] = text(descriptions[key] ?? key);
      return {
        if: { properties: { type: { const: type } }, required: ['type'] },
        then: { properties, additionalProperties: false },
      };
    }),
  };
}

function healthSchema(): JsonSchema {
  const d = HEALTH_DEFAULTS;
  const count = (description: string, dflt: string) =>
    text(description, { pattern: '^\\s*\\d+\\s*$', 'x-noun': 'a whole number', default: Number(dflt) });
  return {
    type: 'object',
    description: 'The health gate: HTTP checks and/or a Prometheus query judged over a window.',
    additionalProperties: false,
    properties: {
      url: list('The URL(s) to check; {colour} and {address} stand for the colour being checked.', {
        type: TEXT,
        pattern: HTTP_URL,
        'x-noun': 'an http(s) URL',
        'x-hint': 'Use an absolute http:// or https:// URL.',
      }),
      'expect-status': list(
        'Accepted status codes or ranges, e.g. 200 or 200-299.',
        { type: TEXT },
        {
          default: d['expect-status'],
        },
      ),
      'expect-body': text('A regular expression the body must match.'),
      interval: duration('Time between checks.', { default: d.interval }),
      timeout: duration('How long the gate may take.', { default: d.timeout }),
      window: duration('The window over which the error rate and p95 are judged.', { default: d.window }),
      'success-threshold': count('Consecutive good checks that pass the gate.', d['success-threshold']),
      'failure-threshold': count('Consecutive bad checks that fail the gate.', d['failure-threshold']),
      'max-error-rate': text('The highest error rate allowed, e.g. 5%.', {
        pattern: PERCENT,
        'x-noun': 'a percentage',
        'x-hint': 'Use e.g. 5% or 0.5%.',
      }),
      'max-p95': duration('The highest 95th percentile latency allowed, e.g. 2s.'),
      'probe-timeout': duration('How long one check may take.', { default: d['probe-timeout'] }),
      'prometheus-url': url('The Prometheus server, e.g. http://127.0.0.1:9090.'),
      'prometheus-query': text('A PromQL query whose value is judged.'),
      'max-value': text('The highest value of the query allowed.', { pattern: NUMBER, 'x-noun': 'a number' }),
      'min-value': text('The lowest value of the query allowed.', { pattern: NUMBER, 'x-noun': 'a number' }),
    },
  };
}

export function deploySchema(): JsonSchema {
  return {
    type: 'object',
    description: 'After publishing, roll the service out.',
    additionalProperties: false,
    required: ['router'],
    properties: {
      strategy: {
        enum: ['blue-green', 'canary'],
        description:
          'blue-green: gate the idle colour, then switch at once; canary: walk the steps. Unset: canary when steps has more than one step, else blue-green.',
      },
      router: routerSchema(),
      steps: {
        type: 'array',
        description: 'Traffic percentages of the new colour, increasing, ending at 100.',
        default: [100],
        minItems: 1,
        items: { type: 'integer', minimum: 1, maximum: 100 },
        'x-expect': 'a list of percentages, e.g. [10, 50, 100]',
      },
      'step-interval': duration('Time between steps.'),
      health: healthSchema(),
      rollback: {
        enum: ['auto', 'manual'],
        default: 'auto',
        description: 'auto: switch back when the gate fails.',
      },
    },
  };
}

/** The JSON Schema of the config file. */
export function configSchema(): JsonSchema {
  const defaultTiers = Object.fromEntries(DEFAULT_TIERS);
  const policy: JsonSchema = {
    enum: [...POLICIES],
    description:
      'required: a failure fails the release and stops later tiers; best-effort: a warning; experimental: a notice.',
    'x-noun': 'a policy',
    'x-hint': `Use one of: ${POLICIES.join(', ')}.`,
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_URL,
    title: 'deploy-actions config (.github/deploy-actions.yml)',
    description: 'What to release where, and how to roll it out: https://github.com/org/deploy-actions',
    type: 'object',
    additionalProperties: false,
    required: ['targets'],
    properties: {
      version: {
        type: 'object',
        description: 'Where the release version comes from.',
        additionalProperties: false,
        properties: {
          sources: list(
            'Where to look, in order; the first that yields a version wins.',
            {
              type: 'string',
              enum: [...VERSION_SOURCES],
              pattern: `^(${VERSION_SOURCES.map((s) => s.replace(/\./g, '\\.')).join('|')})$`,
              'x-noun': 'a version source',
              'x-hint': `Use some of: ${VERSION_SOURCES.join(', ')}.`,
            },
            { default: [...VERSION_SOURCES] },
          ),
          'tag-prefix': text('What precedes the version in a tag (v1.2.3).', {
            default: 'v',
            pattern: '^[A-Za-z0-9._/-]{0,32}$',
            'x-noun': 'a usable tag prefix',
            'x-hint': 'Use letters, digits, ., _, / or -, e.g. v.',
          }),
          'require-match': {
            type: 'boolean',
            default: true,
            description: 'Every manifest that names a version must agree, else fail.',
          },
        },
      },
      tiers: {
        type: 'object',
        description: 'The failure policy of each tier (1 to 99).',
        default: defaultTiers,
        propertyNames: {
          pattern: '^[1-9][0-9]?$',
          'x-errors': { pattern: { message: 'is not a tier number (1, 2, 3...)' } },
        },
        properties: { 1: policy, 2: policy, 3: policy, 4: policy },
        additionalProperties: policy,
      },
      targets: {
        type: 'array',
        description: 'Where the release goes.',
        items: targetSchema(),
        'x-hint': 'List at least one target.',
      },
      build: buildSchema(),
      deploy: deploySchema(),
      history: historySchema(),
      notify: notifySchema(),
      environments: environmentsSchema(deploySchema()),
    },
    allOf: [
      {
        // assets: build needs a build: section to take the archives from.
        if: { not: { required: ['build'] } },
        then: {
          properties: {
            targets: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  assets: {
                    not: {
                      anyOf: [{ const: BUILD_ASSETS }, { type: 'array', contains: { const: BUILD_ASSETS } }],
                    },
                    'x-errors': {
                      not: {
                        message: "is 'build' but the config has no build: section",
                        hint: 'Add build: with the command that makes the archives, or list the files to attach.',
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    ],
  };
}

/** `history:` (history.ts): a data branch of the repository (the default on GitHub) or a file. */
function historySchema(): JsonSchema {
  return {
    type: 'object',
    description:
      'Where each release, rollout and rollback is recorded: a data branch written through the GitHub API (default deploy-actions-status in GitHub Actions) or a JSON Lines file.',
    additionalProperties: false,
    properties: {
      enabled: { type: 'boolean', default: true, description: 'false: record nothing.' },
      branch: text('The data branch (created as an orphan on first use).', {
        default: 'deploy-actions-status',
        pattern: '^(?!/)(?!.*(?:\\.\\.|//|@\\{|\\.lock$|/$|\\.$))[A-Za-z0-9._/-]{1,100}$',
        'x-noun': 'a usable branch name',
        'x-hint': 'Use letters, digits, ., _, / or -, e.g. deploy-actions-status.',
      }),
      file: path('A JSON Lines file instead of a branch, relative to the project (the CLI outside GitHub).'),
    },
    not: { required: ['branch', 'file'] },
    'x-errors': { not: { message: 'names both a branch and a file', hint: 'Keep one of them.' } },
  };
}
