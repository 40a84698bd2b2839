/**
 * The published JSON Schema (schema/deploy-actions.schema.json) and the runtime check agree:
 * checked with ajv, the validator the YAML language server uses, on the file editors load.
 * Every example config passes both; every bad config of the tests and of the bad-input corpus
 * fails both, except the rules a schema cannot state, which the schema accepts and the run refuses.
 */
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { ConfigError } from '@deploy-actions/action-kit/errors';
import { HEALTH_SETTINGS, ROUTER_SETTINGS_OF } from '@deploy-actions/deploy/setting-keys';
import { parseConfig } from '@deploy-actions/release/config';
import { RUNTIME_ONLY_RULES, SCHEMA_URL, configSchema } from '@deploy-actions/release/config-schema';
import { TARGET_SETTINGS, TARGET_TYPES } from '@deploy-actions/release/targets';
import { CASES } from '../bad-input/corpus.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SCHEMA_TEXT = readFileSync(join(ROOT, 'schema/deploy-actions.schema.json'), 'utf8');
const SCHEMA = JSON.parse(SCHEMA_TEXT);
// As an editor reads it: annotations it does not know are ignored, not errors.
const validate = new Ajv({ strict: false, allErrors: true }).compile(SCHEMA);

function schemaAccepts(text: string): boolean {
  return validate(parse(text, { maxAliasCount: 50 }) ?? {});
}

async function runtimeError(text: string): Promise<ConfigError | undefined> {
  try {
    await parseConfig(text, 'deploy.yml');
    return undefined;
  } catch (caught) {
    expect(caught).toBeInstanceOf(ConfigError);
    return caught as ConfigError;
  }
}

/** Runtime messages of the rules in RUNTIME_ONLY_RULES (the schema accepts these configs). */
const RUNTIME_ONLY_MESSAGES: [RegExp, (typeof RUNTIME_ONLY_RULES)[number]][] = [
  [/duplicate target name/, 'a target name used twice'],
  [/has no policy/, 'a tier that has no policy under tiers:'],
  [/is set twice/, 'a YAML key written twice in one mapping'],
  [/is not a URL/, 'a URL the URL parser refuses (e.g. no host)'],
  [/longer than a day|over 100%/, 'a duration longer than a day, a percentage over 100'],
  [/must increase|must end at 100/, 'deploy.steps that do not increase or do not end at 100'],
  [
    /starts with an empty word|\(build\.command\): contains a NUL/,
    'build.command whose first word is blank, or with a NUL character',
  ],
];

const isRuntimeOnly = (error: ConfigError) => RUNTIME_ONLY_MESSAGES.some(([re]) => re.test(error.message));

const T = (line: string) => `targets:\n  - ${line}\n`;
const NPM = T('{ name: a, type: npm, tier: 1 }');
const GH = T('{ name: gh, type: github-release, tier: 1, assets: build }');

/** Bad configs, one class of mistake each, beyond those of config.test.ts and build-config.test.ts. */
const BAD: [string, string][] = [
  // the unit tests' bad configs
  ['unknown target key', T('{ name: a, type: npm, tier: 1, colour: red }')],
  ['unknown target type', 'targets:\n  - name: a\n    type: maven\n    tier: 1\n'],
  ['missing required setting', T('{ name: d, type: docker, tier: 3 }')],
  ['boolean setting not a boolean', T('{ name: g, type: github-release, tier: 1, checksums: yes-please }')],
  ['unknown policy', 'tiers:\n  1: mandatory\ntargets: []\n'],
  ['unknown top-level key', 'target:\n  - { name: a, type: npm, tier: 1 }\n'],
  ['bad duration', 'targets: []\ndeploy:\n  router: { type: nginx }\n  health: { interval: soon }\n'],
  ['unknown router', 'targets: []\ndeploy:\n  router: { type: haproxy }\n'],
  ['build: unknown key', `${GH}build:\n  command: make\n  comand: make\n`],
  ['build: no command', `${GH}build:\n  binary: acme\n`],
  ['build: empty command list', `${GH}build:\n  command: []\n  archive: x\n`],
  [
    'build: bad platform',
    `${GH}build:\n  command: make\n  binary: a\n  platforms: [linux/amd64, plan9/amd64]\n`,
  ],
  [
    'build: platform twice',
    `${GH}build:\n  command: make\n  binary: a\n  platforms: [linux/amd64, linux/amd64]\n`,
  ],
  ['build: unknown placeholder', `${GH}build:\n  command: make\n  binary: a\n  archive: '{name}-{ver}'\n`],
  ['build: {name} without binary', `${GH}build:\n  command: make\n`],
  [
    'build: several platforms, one archive',
    `${GH}build:\n  command: make\n  binary: a\n  archive: a-{version}\n  platforms: [linux/amd64, linux/arm64]\n`,
  ],
  ['build: folder in archive', `${GH}build:\n  command: make\n  archive: 'out/a-{version}'\n`],
  ['build: binary with a folder', `${GH}build:\n  command: make\n  binary: bin/acme\n`],
  ['build: runs-on unknown OS', `${GH}build:\n  command: make\n  binary: a\n  runs-on: { plan9: x }\n`],
  ['build: artifacts outside', `${GH}build:\n  command: make\n  binary: a\n  artifacts: ['../secrets/*']\n`],
  ['build: dist outside', `${GH}build:\n  command: make\n  binary: a\n  dist: /tmp\n`],
  ['assets: build without build:', T('{ name: gh, type: github-release, tier: 1, assets: build }')],
  [
    'assets: build beside files',
    `${T('{ name: gh, type: github-release, tier: 1, assets: [build, README.md] }')}build:\n  command: make\n  binary: a\n`,
  ],
  // more of each class
  ['setting of another target type', T('{ name: a, type: npm, tier: 1, image: x }')],
  ['target without a name', T('{ type: npm, tier: 1 }')],
  ['target without a tier', T('{ name: a, type: npm }')],
  ['target without a type', T('{ name: a, tier: 1 }')],
  ['target name with a space', T('{ name: "a b", type: npm, tier: 1 }')],
  ['tier 0', T('{ name: a, type: npm, tier: 0 }')],
  ['tier as text', T('{ name: a, type: npm, tier: one }')],
  ['enum setting', T('{ name: a, type: npm, tier: 1, access: everyone }')],
  ['flatpak mode', T('{ name: f, type: flatpak, tier: 3, manifest: m.yml, mode: ftp }')],
  ['flatpak without manifest', T('{ name: f, type: flatpak, tier: 3 }')],
  ['registry not http', T("{ name: a, type: npm, tier: 1, registry: 'ftp://x' }")],
  ['path with NUL', T('{ name: a, type: npm, tier: 1, path: "a\\0b" }')],
  ['target not a mapping', 'targets:\n  - npm\n'],
  ['targets not a list', 'targets: npm\n'],
  ['targets missing', 'version: { tag-prefix: v }\n'],
  ['tier number not a number', 'tiers: { first: required }\ntargets: []\n'],
  ['version source', 'version: { sources: [tag, git] }\ntargets: []\n'],
  ['version source, single', 'version: { sources: git }\ntargets: []\n'],
  ['tag prefix', "version: { tag-prefix: 'v 1' }\ntargets: []\n"],
  ['require-match not boolean', 'version: { require-match: often }\ntargets: []\n'],
  ['unknown version key', 'version: { prefix: v }\ntargets: []\n'],
  ['deploy without router', `${NPM}deploy:\n  steps: [100]\n`],
  ['router without type', `${NPM}deploy:\n  router: { blue: a, green: b }\n`],
  [
    'router setting of another router',
    `${NPM}deploy:\n  router: { type: symlink, link: /a, upstream-file: /x }\n`,
  ],
  ['unknown deploy key', `${NPM}deploy:\n  router: { type: nginx }\n  colour: blue\n`],
  ['strategy', `${NPM}deploy:\n  router: { type: nginx }\n  strategy: rolling\n`],
  ['rollback', `${NPM}deploy:\n  router: { type: nginx }\n  rollback: sometimes\n`],
  ['steps not a list', `${NPM}deploy:\n  router: { type: nginx }\n  steps: 100\n`],
  ['step over 100', `${NPM}deploy:\n  router: { type: nginx }\n  steps: [50, 150]\n`],
  ['step-interval', `${NPM}deploy:\n  router: { type: nginx }\n  step-interval: later\n`],
  ['health url', `${NPM}deploy:\n  router: { type: nginx }\n  health: { url: 'javascript:alert(1)' }\n`],
  ['health percent', `${NPM}deploy:\n  router: { type: nginx }\n  health: { max-error-rate: many }\n`],
  ['health unknown key', `${NPM}deploy:\n  router: { type: nginx }\n  health: { retries: 3 }\n`],
  ['health threshold', `${NPM}deploy:\n  router: { type: nginx }\n  health: { failure-threshold: some }\n`],
  ['health max-value', `${NPM}deploy:\n  router: { type: nginx }\n  health: { max-value: high }\n`],
  ['empty runs-on label', `${GH}build:\n  command: make\n  binary: a\n  runs-on: { linux: }\n`],
  ['empty command', `${GH}build:\n  command: '  '\n  binary: a\n`],
  ['empty platforms', `${GH}build:\n  command: make\n  binary: a\n  platforms: []\n`],
];

/** The schema accepts these; only the run refuses them (RUNTIME_ONLY_RULES). */
const RUNTIME_ONLY: [(typeof RUNTIME_ONLY_RULES)[number], string][] = [
  [
    'a target name used twice',
    'targets:\n  - { name: a, type: npm, tier: 1 }\n  - { name: a, type: npm, tier: 2 }\n',
  ],
  ['a tier that has no policy under tiers:', 'targets:\n  - name: a\n    type: npm\n    tier: 4\n'],
  [
    'a tier that has no policy under tiers:',
    `tiers: { 1: required }\n${T('{ name: a, type: npm, tier: 2 }')}`,
  ],
  [
    'a URL the URL parser refuses (e.g. no host)',
    T("{ name: a, type: npm, tier: 1, registry: 'http://[x' }"),
  ],
  [
    'a duration longer than a day, a percentage over 100',
    `${NPM}deploy:\n  router: { type: nginx }\n  health: { timeout: 25h }\n`,
  ],
  [
    'a duration longer than a day, a percentage over 100',
    `${NPM}deploy:\n  router: { type: nginx }\n  health: { max-error-rate: 150% }\n`,
  ],
  [
    'deploy.steps that do not increase or do not end at 100',
    'targets: []\ndeploy:\n  router: { type: nginx }\n  steps: [50, 10, 100]\n',
  ],
  [
    'deploy.steps that do not increase or do not end at 100',
    'targets: []\ndeploy:\n  router: { type: nginx }\n  steps: [10, 50]\n',
  ],
  [
    'build.command whose first word is blank, or with a NUL character',
    `${GH}build:\n  command: ['', x]\n  binary: a\n`,
  ],
];

/** Good configs written in other ways the schema must also accept. */
const GOOD: [string, string][] = [
  ['booleans for auto/true/false settings', T('{ name: a, type: npm, tier: 1, provenance: true }')],
  ['single values for lists', T("{ name: p, type: pypi, tier: 1, dist: 'dist/*.whl' }")],
  [
    'numbers where YAML reads text as one',
    `${NPM}deploy:\n  router: { type: nginx }\n  health: { url: http://h/, interval: 2, failure-threshold: 3, expect-status: [200, 204], max-value: 0.5 }\n`,
  ],
  [
    'named tiers up to 99',
    `tiers: { 1: required, 4: experimental, 42: best-effort }\n${T('{ name: a, type: npm, tier: 42 }')}`,
  ],
  [
    'a full build section',
    `${GH}build:\n  command: [make, dist]\n  platforms: [linux/amd64, windows/arm64]\n  runs-on: { windows: windows-2025 }\n  binary: acme\n  artifacts: python/dist/*\n  dist: out\n`,
  ],
  ['an archive without {name}', `${GH}build:\n  command: make\n  archive: app-{version}\n`],
  [
    'each router with its settings',
    `${NPM}deploy:\n  strategy: canary\n  router: { type: command, switch-command: 'lb {colour} {weight}', read-command: lb show }\n  steps: [10, 100]\n  step-interval: 30s\n`,
  ],
  ['an empty targets list', 'targets: []\n'],
];

describe('the config JSON Schema', () => {
  test('the committed file is what config-schema.ts describes (node scripts/gen-schema.mjs)', () => {
    expect(SCHEMA_TEXT).toBe(`${JSON.stringify(configSchema(), null, 2)}\n`);
    expect(SCHEMA.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(SCHEMA.$id).toBe(SCHEMA_URL);
    expect(SCHEMA_URL).toMatch(/^https:\/\/raw\.githubusercontent\.com\/org\/deploy-actions\/v1\//);
  });

  test('it names every setting of every target type, router and health gate, with a description', () => {
    const targets = SCHEMA.properties.targets.items;
    for (const type of TARGET_TYPES) {
      const branch = targets.allOf.find(
        (b: { if: { properties: { type: { const: string } } } }) => b.if.properties.type.const === type,
      );
      expect(Object.keys(branch.then.properties).sort()).toEqual(
        ['name', 'type', 'tier', ...Object.keys(TARGET_SETTINGS[type])].sort(),
      );
      for (const key of Object.keys(TARGET_SETTINGS[type]))
        expect(branch.then.properties[key].description.length).toBeGreaterThan(5);
    }
    const deploy = SCHEMA.properties.deploy.properties;
    expect(Object.keys(deploy.health.properties).sort()).toEqual([...HEALTH_SETTINGS].sort());
    for (const branch of deploy.router.allOf)
      expect(Object.keys(branch.then.properties).sort()).toEqual(
        [
          'type',
          ...ROUTER_SETTINGS_OF[branch.if.properties.type.const as keyof typeof ROUTER_SETTINGS_OF],
        ].sort(),
      );
  });

  test.each([
    ['examples/acme-app/.github/deploy-actions.yml', '../../../schema/deploy-actions.schema.json'],
    ['.github/deploy-actions.yml', '../schema/deploy-actions.schema.json'],
  ])('%s carries the modeline and passes the schema and the runtime check', async (file, relative) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=${relative}`);
    expect(validate(parse(text))).toBe(true);
    await expect(parseConfig(text, file)).resolves.toBeDefined();
  });

  test("the README's config, with the URL modeline, passes both", async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block =
      /```yaml\n(# yaml-language-server: \$schema=(\S+)\n# \.github\/deploy-actions\.yml\n[\s\S]*?)```/.exec(
        readme,
      );
    expect(block?.[2]).toBe(SCHEMA_URL);
    expect(schemaAccepts(block![1])).toBe(true);
    expect(await runtimeError(block![1])).toBeUndefined();
  });

  test.each(GOOD)('accepts %s, as the runtime check does', async (_, text) => {
    expect(await runtimeError(text)).toBeUndefined();
    expect(validate(parse(text))).toBe(true);
  });

  test.each(BAD)('refuses %s, as the runtime check does', async (_, text) => {
    const error = await runtimeError(text);
    expect(error?.message).toMatch(/^deploy\.yml:\d+ \(/);
    expect(isRuntimeOnly(error!)).toBe(false);
    expect(schemaAccepts(text)).toBe(false);
  });

  test.each(RUNTIME_ONLY)('runtime only: %s (the schema accepts, the run refuses)', async (rule, text) => {
    expect(RUNTIME_ONLY_RULES).toContain(rule);
    expect(schemaAccepts(text)).toBe(true);
    const error = await runtimeError(text);
    expect(error).toBeDefined();
    expect(RUNTIME_ONLY_MESSAGES.find(([re]) => re.test(error!.message))?.[1]).toBe(rule);
  });

  test('every config of the bad-input corpus: refused by both, accepted by both, or a runtime-only rule', async () => {
    // Refused before there is a document to validate: size, YAML syntax, alias expansion, nesting depth.
    const beforeSchema = /limit is 1 MiB|not valid YAML|could not be read|alias|nests deeper/;
    const configs = CASES.flatMap((c) => {
      const text = c.files?.['.github/deploy-actions.yml'];
      return text ? [{ name: c.name, text: text.replace(/\{\{TRIPWIRE\}\}/g, 'http://127.0.0.1:9/') }] : [];
    });
    const refused: string[] = [];
    for (const { name, text } of configs) {
      if (text.length > 1024 * 1024) continue; // the 1 MiB limit: bad-input.test.itg.ts runs it
      const error = await runtimeError(text);
      if (error && beforeSchema.test(error.message)) continue;
      if (!error) {
        expect([name, schemaAccepts(text)]).toEqual([name, true]);
        continue;
      }
      refused.push(name);
      expect([name, schemaAccepts(text)]).toEqual([name, isRuntimeOnly(error)]);
    }
    expect(refused).toEqual(
      expect.arrayContaining([
        'config has an unknown key',
        'config has an unknown type',
        'config has a duplicate target name',
        'config has a tier without a policy',
        'config has a wrong type of value',
        'config misses a required key',
        'config has a bad registry URL',
        'config has an unknown policy',
        'config key carries a workflow command',
        'deploy steps do not increase',
        'deploy health interval is not a duration',
      ]),
    );
  });
});
