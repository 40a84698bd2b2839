/**
 * The config file (default .github/deploy-actions.yml): parsed with line numbers and checked
 * against the schema before anything runs. Every mistake names the file, the line and the key.
 */
import { blameInput, readUserFile } from '@deploy-actions/action-kit/paths';
import type { YamlNode } from '@deploy-actions/action-kit/yaml';
import { ConfigError, InputError, describeValue } from '@deploy-actions/action-kit/errors';
import { parseDuration, parsePercent, parseUrl } from '@deploy-actions/action-kit/parse';
import { VERSION_SOURCES, type VersionSource, validateTagPrefix } from '@deploy-actions/version';
import {
  TARGET_SETTINGS,
  TARGET_TYPES,
  isTargetType,
  type SettingSpec,
  type SettingValue,
  type TargetSettings,
} from './targets.js';
import { parseBuild } from './build-config.js';
import {
  BUILD_ASSETS,
  DEFAULT_TIERS,
  DEPLOY_KEYS,
  HEALTH_KEYS,
  POLICIES,
  ROUTER_KEYS,
  type DeployConfig,
  type Policy,
  type ReleaseConfig,
  type TargetConfig,
} from './config-types.js';

const MAX_CONFIG_BYTES = 1024 * 1024;

type Node = YamlNode;

export class Reader {
  constructor(readonly file: string) {}

  line(node: Node | null | undefined): number | undefined {
    return node?.line;
  }

  fail(node: Node | null | undefined, key: string, message: string, hint?: string): never {
    throw new ConfigError(this.file, this.line(node), key, message, hint);
  }

  /** The pairs of a mapping, with unknown keys refused. */
  entries(
    node: Node | null | undefined,
    key: string,
    allowed?: readonly string[],
  ): { key: string; value: Node | null; keyNode: Node }[] {
    if (node?.kind !== 'map') this.fail(node, key, 'must be a mapping');
    const out: { key: string; value: Node | null; keyNode: Node }[] = [];
    const seen = new Set<string>();
    for (const pair of node.items) {
      const name = pair.key.kind === 'scalar' ? String(pair.key.value) : '';
      const path = key ? `${key}.${name}` : name;
      if (!name) this.fail(pair.key, key, 'has a key that is not a plain name');
      if (allowed && !allowed.includes(name))
        this.fail(pair.key, path, 'is not a known key', `Known keys here: ${allowed.join(', ')}.`);
      if (seen.has(name)) this.fail(pair.key, path, 'is set twice');
      seen.add(name);
      out.push({ key: name, value: pair.value, keyNode: pair.key });
    }
    return out;
  }

  scalar(node: Node | null, key: string): string | number | boolean {
    if (node?.kind !== 'scalar' || node.value === null) this.fail(node, key, 'must be a single value');
    return node.value;
  }

  string(node: Node | null, key: string): string {
    const value = this.scalar(node, key);
    if (typeof value === 'boolean') this.fail(node, key, `must be text, not ${value}`);
    return String(value);
  }

  bool(node: Node | null, key: string): boolean {
    const value = this.scalar(node, key);
    if (typeof value !== 'boolean') this.fail(node, key, `${describeValue(value)} is not true or false`);
    return value;
  }

  int(node: Node | null, key: string, min = 0, max = 1e9): number {
    const value = this.scalar(node, key);
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
      this.fail(node, key, `${describeValue(value)} is not a whole number from ${min} to ${max}`);
    return value;
  }

  list(node: Node | null, key: string): string[] {
    if (node?.kind === 'seq') return node.items.map((item, i) => this.string(item, `${key}[${i}]`));
    return [this.string(node, key)];
  }

  /** Run a value parser shared with the action inputs, turning its InputError into a located ConfigError. */
  check<T>(node: Node | null, key: string, parse: () => T): T {
    try {
      return parse();
    } catch (caught) {
      if (caught instanceof InputError)
        this.fail(node, key, caught.message.replace(/^Invalid input '[^']*': /, ''), caught.hint);
      throw caught;
    }
  }

  setting(node: Node | null, key: string, spec: SettingSpec): SettingValue {
    const kind = spec.kind;
    if (Array.isArray(kind)) {
      const value = String(this.scalar(node, key));
      if (!kind.includes(value))
        this.fail(node, key, `${describeValue(value)} is not one of ${kind.join(', ')}`);
      return value;
    }
    switch (kind) {
      case 'bool':
        return this.bool(node, key);
      case 'int':
        return this.int(node, key);
      case 'list':
        return this.list(node, key);
      case 'url': {
        const value = this.string(node, key);
        return this.check(node, key, () => parseUrl(key, value).toString());
      }
      case 'path': {
        const value = this.string(node, key);
        if (value.includes('\0')) this.fail(node, key, 'contains a NUL character');
        return value;
      }
      default:
        return this.string(node, key);
    }
  }
}

function parseTiers(r: Reader, node: Node | null): Map<number, Policy> {
  const tiers = new Map<number, Policy>();
  for (const { key, value } of r.entries(node, 'tiers')) {
    if (!/^[1-9]\d?$/.test(key)) r.fail(value, `tiers.${key}`, 'is not a tier number (1, 2, 3...)');
    const policy = r.string(value, `tiers.${key}`);
    if (!(POLICIES as readonly string[]).includes(policy))
      r.fail(
        value,
        `tiers.${key}`,
        `${describeValue(policy)} is not a policy`,
        `Use one of: ${POLICIES.join(', ')}.`,
      );
    tiers.set(Number(key), policy as Policy);
  }
  return tiers;
}

function parseTarget(r: Reader, node: Node | null, index: number, tiers: Map<number, Policy>): TargetConfig {
  const where = `targets[${index}]`;
  if (node?.kind !== 'map') r.fail(node, where, 'must be a mapping with name, type and tier');
  const typeNode = node.items.find((p) => p.key.kind === 'scalar' && p.key.value === 'type');
  if (!typeNode) r.fail(node, `${where}.type`, 'is missing', `Use one of: ${TARGET_TYPES.join(', ')}.`);
  const type = r.string(typeNode.value, `${where}.type`);
  if (!isTargetType(type))
    r.fail(
      typeNode.value,
      `${where}.type`,
      `${describeValue(type)} is not a target type`,
      `Use one of: ${TARGET_TYPES.join(', ')}.`,
    );
  const specs = TARGET_SETTINGS[type];
  const entries = r.entries(node, where, ['name', 'type', 'tier', ...Object.keys(specs)]);
  const get = (key: string) => entries.find((e) => e.key === key);
  const nameEntry = get('name');
  if (!nameEntry) r.fail(node, `${where}.name`, 'is missing');
  const name = r.string(nameEntry.value, `${where}.name`);
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(name))
    r.fail(
      nameEntry.value,
      `${where}.name`,
      `${describeValue(name)} is not a usable target name`,
      'Use letters, digits, ., _ and -.',
    );
  const tierEntry = get('tier');
  if (!tierEntry) r.fail(node, `${where}.tier`, 'is missing', 'Set tier: 1, 2 or 3.');
  const tier = r.int(tierEntry.value, `${where}.tier`, 1, 99);
  const policy = tiers.get(tier);
  if (!policy)
    r.fail(
      tierEntry.value,
      `${where}.tier`,
      `tier ${tier} has no policy`,
      `Add it under tiers: (e.g. ${tier}: best-effort) or use a defined tier.`,
    );
  const settings: TargetSettings = {};
  for (const [key, spec] of Object.entries(specs)) {
    const entry = get(key);
    if (entry) settings[key] = r.setting(entry.value, `${name}.${key}`, spec);
    else if (spec.required) r.fail(node, `${name}.${key}`, 'is required for this target type');
    else if (spec.default !== undefined) settings[key] = spec.default;
  }
  return { name, type, tier, policy, line: r.line(node), file: r.file, settings };
}

function parseDeploy(r: Reader, node: Node | null): DeployConfig {
  const entries = r.entries(node, 'deploy', DEPLOY_KEYS);
  const get = (key: string) => entries.find((e) => e.key === key)?.value ?? null;
  const strategy = get('strategy') ? r.string(get('strategy'), 'deploy.strategy') : undefined;
  if (strategy !== undefined && strategy !== 'blue-green' && strategy !== 'canary')
    r.fail(get('strategy'), 'deploy.strategy', `${describeValue(strategy)} is not blue-green or canary`);
  const router: Record<string, string> = {};
  for (const { key, value } of r.entries(get('router'), 'deploy.router', ROUTER_KEYS))
    router[key] = r.string(value, `deploy.router.${key}`);
  if (!router.type)
    r.fail(get('router'), 'deploy.router.type', 'is missing', 'Use nginx, kubernetes, symlink or command.');
  if (!['nginx', 'kubernetes', 'symlink', 'command'].includes(router.type))
    r.fail(
      get('router'),
      'deploy.router.type',
      `${describeValue(router.type)} is not a router`,
      'Use nginx, kubernetes, symlink or command.',
    );
  let steps = [100];
  const stepsNode = get('steps');
  if (stepsNode) {
    if (stepsNode.kind !== 'seq')
      r.fail(stepsNode, 'deploy.steps', 'must be a list of percentages, e.g. [10, 50, 100]');
    steps = stepsNode.items.map((item, i) => r.int(item, `deploy.steps[${i}]`, 1, 100));
    steps.forEach((step, i) => {
      if (i > 0 && step <= steps[i - 1])
        r.fail(stepsNode, 'deploy.steps', 'must increase', 'Use e.g. [10, 50, 100].');
    });
    if (steps[steps.length - 1] !== 100) r.fail(stepsNode, 'deploy.steps', 'must end at 100');
  }
  const stepInterval = get('step-interval')
    ? r.string(get('step-interval'), 'deploy.step-interval')
    : undefined;
  if (stepInterval)
    r.check(get('step-interval'), 'deploy.step-interval', () => parseDuration('step-interval', stepInterval));
  const health: Record<string, string | string[]> = {};
  if (get('health')) {
    for (const { key, value } of r.entries(get('health'), 'deploy.health', HEALTH_KEYS)) {
      const path = `deploy.health.${key}`;
      if (key === 'url' || key === 'expect-status') {
        health[key] = r.list(value, path);
        if (key === 'url')
          for (const u of health[key] as string[]) r.check(value, path, () => parseUrl(key, u));
        continue;
      }
      const text = r.string(value, path);
      if (['interval', 'timeout', 'window', 'max-p95', 'probe-timeout'].includes(key))
        r.check(value, path, () => parseDuration(key, text));
      if (key === 'max-error-rate') r.check(value, path, () => parsePercent(key, text));
      if (key === 'prometheus-url') r.check(value, path, () => parseUrl(key, text));
      health[key] = text;
    }
  }
  const rollback = get('rollback') ? r.string(get('rollback'), 'deploy.rollback') : 'auto';
  if (rollback !== 'auto' && rollback !== 'manual')
    r.fail(get('rollback'), 'deploy.rollback', `${describeValue(rollback)} is not auto or manual`);
  return { strategy, router, steps, stepInterval, health, rollback };
}

/** The document's root node, with lines; the `yaml` library is loaded only when a config is read. */
async function readYaml(text: string, file: string): Promise<Node | null> {
  const { parseYaml } = await import('@deploy-actions/action-kit/yaml');
  const doc = parseYaml(text);
  if (doc.error)
    throw new ConfigError(
      file,
      doc.error.line,
      undefined,
      doc.error.tooDeep ? doc.error.message : `is not valid YAML: ${doc.error.message}`,
    );
  try {
    // Resolving the document expands aliases; yaml refuses excessive alias expansion here.
    doc.toJS(50);
  } catch (caught) {
    throw new ConfigError(
      file,
      undefined,
      undefined,
      `could not be read: ${(caught as Error).message}`,
      'Remove the YAML aliases.',
    );
  }
  return doc.root;
}

export async function parseConfig(text: string, file: string): Promise<ReleaseConfig> {
  const root = await readYaml(text, file);
  const r: Reader = new Reader(file);
  if (!root) throw new ConfigError(file, 1, undefined, 'is empty', 'Add a targets: list.');
  const entries = r.entries(root, '', ['version', 'tiers', 'targets', 'build', 'deploy']);
  const get = (key: string) => entries.find((e) => e.key === key)?.value ?? null;

  const version = { sources: [...VERSION_SOURCES] as VersionSource[], tagPrefix: 'v', requireMatch: true };
  if (get('version')) {
    for (const { key, value } of r.entries(get('version'), 'version', [
      'sources',
      'tag-prefix',
      'require-match',
    ])) {
      if (key === 'sources') {
        const sources = r.list(value, 'version.sources');
        for (const s of sources)
          if (!(VERSION_SOURCES as readonly string[]).includes(s))
            r.fail(
              value,
              'version.sources',
              `${describeValue(s)} is not a version source`,
              `Use some of: ${VERSION_SOURCES.join(', ')}.`,
            );
        version.sources = sources as VersionSource[];
      } else if (key === 'tag-prefix') {
        const prefix = r.string(value, 'version.tag-prefix');
        version.tagPrefix = r.check(value, 'version.tag-prefix', () =>
          validateTagPrefix('tag-prefix', prefix),
        );
      } else version.requireMatch = r.bool(value, 'version.require-match');
    }
  }
  const tiers = get('tiers') ? parseTiers(r, get('tiers')) : new Map(DEFAULT_TIERS);
  const targetsNode = get('targets');
  if (!targetsNode) r.fail(root, 'targets', 'is missing', 'List at least one target.');
  if (targetsNode.kind !== 'seq') r.fail(targetsNode, 'targets', 'must be a list');
  const targets: TargetConfig[] = [];
  targetsNode.items.forEach((item, i) => {
    const target = parseTarget(r, item, i, tiers);
    const twin = targets.find((t) => t.name === target.name);
    if (twin)
      r.fail(
        item,
        `targets[${i}].name`,
        `duplicate target name ${describeValue(target.name)} (first on line ${twin.line})`,
      );
    targets.push(target);
  });
  const build = get('build') ? parseBuild(r, get('build')) : undefined;
  targetsNode.items.forEach((item, i) => {
    const target = targets[i];
    const assets = target.settings.assets;
    if (target.type === 'github-release' && Array.isArray(assets) && assets.includes(BUILD_ASSETS)) {
      const at =
        (item?.kind === 'map' &&
          item.items.find((p) => p.key.kind === 'scalar' && p.key.value === 'assets')?.value) ||
        item;
      if (assets.length > 1)
        r.fail(
          at,
          `${target.name}.assets`,
          "'build' stands alone",
          'Put the other files in build.artifacts.',
        );
      if (!build)
        r.fail(
          at,
          `${target.name}.assets`,
          "is 'build' but the config has no build: section",
          'Add build: with the command that makes the archives, or list the files to attach.',
        );
    }
  });
  const deploy = get('deploy') ? parseDeploy(r, get('deploy')) : undefined;
  return { file, version, tiers, targets, build, deploy };
}

/**
 * Read and parse the config file, refusing what is missing, not a regular file (a folder, a
 * FIFO: never waited on), or too large.
 */
export async function readConfigFile(file: string, input = 'config'): Promise<ReleaseConfig> {
  const text = readUserFile(file, {
    maxBytes: MAX_CONFIG_BYTES,
    blame: (problem, hint) => {
      if (problem.startsWith('is larger than'))
        return new ConfigError(file, undefined, undefined, `is too large; the limit is 1 MiB`);
      return blameInput(input, file)(
        problem,
        problem === 'was not found' ? `Create it (see the README) or set '${input}' to its path.` : hint,
      );
    },
  });
  return parseConfig(text, file);
}
