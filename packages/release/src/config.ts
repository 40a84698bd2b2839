/**
 * The config file (default .github/deploy-actions.yml): parsed with line numbers, checked
 * against its JSON Schema (config-schema.ts, the one description of every key) and then by the
 * rules a schema cannot state, before anything runs. Every mistake names the file, the line and
 * the key.
 */
import { blameInput, readUserFile } from '@deploy-actions/action-kit/paths';
import type { YamlNode } from '@deploy-actions/action-kit/yaml';
import { ConfigError, InputError, describeValue } from '@deploy-actions/action-kit/errors';
import { parseDuration, parsePercent, parseUrl } from '@deploy-actions/action-kit/parse';
import { VERSION_SOURCES, type VersionSource, validateTagPrefix } from '@deploy-actions/version';
import {
  TARGET_SETTINGS,
  type SettingSpec,
  type SettingValue,
  type TargetSettings,
  type TargetType,
} from './targets.js';
import { parseBuild } from './build-config.js';
import {
  BUILD_ASSETS,
  DEFAULT_TIERS,
  asList,
  asText,
  type DeployConfig,
  type Policy,
  type ReleaseConfig,
  type TargetConfig,
} from './config-types.js';
import { keyOf, locate, schemaErrors, type Located } from './config-validate.js';
import { parseEnvironments, parseNotify } from './config-env.js';

const MAX_CONFIG_BYTES = 1024 * 1024;

type Node = YamlNode;
export type Path = (string | number)[];
export type Map_ = Record<string, unknown>;

/** The checked document: its values by path, and a located error for any of them. */
export class Reader {
  constructor(
    readonly file: string,
    private readonly doc: Located,
  ) {}

  line(path: Path): number | undefined {
    const at = this.doc.lines.get(
      path.length ? `/${path.map((s) => String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}` : '',
    );
    return at?.line ?? at?.keyLine;
  }

  /** A mistake at `path`, named `key` (default: the path as written). */
  fail(path: Path, message: string, hint?: string, key = keyOf(path)): never {
    throw new ConfigError(this.file, this.line(path), key || undefined, message, hint);
  }

  /** Run a value parser shared with the action inputs, turning its InputError into a located ConfigError. */
  check<T>(path: Path, parse: () => T, key = keyOf(path)): T {
    try {
      return parse();
    } catch (caught) {
      if (caught instanceof InputError)
        this.fail(path, caught.message.replace(/^Invalid input '[^']*': /, ''), caught.hint, key);
      throw caught;
    }
  }
}

function targetSetting(r: Reader, path: Path, key: string, value: unknown, spec: SettingSpec): SettingValue {
  switch (spec.kind) {
    case 'bool':
    case 'int':
      return value as boolean | number;
    case 'list':
      return asList(value);
    case 'url':
      if (spec.aliases?.includes(asText(value).trim())) return asText(value).trim();
      return r.check(path, () => parseUrl(key, asText(value)).toString(), key);
    default:
      return asText(value);
  }
}

function parseTarget(r: Reader, item: Map_, index: number, tiers: Map<number, Policy>): TargetConfig {
  const at: Path = ['targets', index];
  const name = asText(item.name);
  const type = item.type as TargetType;
  const tier = item.tier as number;
  const policy = tiers.get(tier);
  if (!policy)
    r.fail(
      [...at, 'tier'],
      `tier ${tier} has no policy`,
      `Add it under tiers: (e.g. ${tier}: best-effort) or use a defined tier.`,
    );
  const settings: TargetSettings = {};
  for (const [key, spec] of Object.entries(TARGET_SETTINGS[type])) {
    if (item[key] !== undefined && item[key] !== null)
      settings[key] = targetSetting(r, [...at, key], `${name}.${key}`, item[key], spec);
    else if (spec.default !== undefined) settings[key] = spec.default;
  }
  return { name, type, tier, policy, line: r.line(at), file: r.file, settings };
}

const HEALTH_DURATIONS = ['interval', 'timeout', 'window', 'max-p95', 'probe-timeout'];

export function parseDeploy(r: Reader, deploy: Map_, base: Path = ['deploy']): DeployConfig {
  // Unset: the rollout decides (canary when steps has more than one step, else blue-green).
  const strategy = (deploy.strategy as DeployConfig['strategy']) ?? undefined;
  const router: Record<string, string> = {};
  for (const [key, value] of Object.entries(deploy.router as Map_))
    if (value !== null) router[key] = asText(value);
  let steps = [100];
  if (deploy.steps !== undefined) {
    steps = deploy.steps as number[];
    const at: Path = [...base, 'steps'];
    steps.forEach((step, i) => {
      if (i > 0 && step <= steps[i - 1]) r.fail(at, 'must increase', 'Use e.g. [10, 50, 100].');
    });
    if (steps[steps.length - 1] !== 100) r.fail(at, 'must end at 100');
  }
  const stepInterval = deploy['step-interval'] != null ? asText(deploy['step-interval']) : undefined;
  if (stepInterval) r.check([...base, 'step-interval'], () => parseDuration('step-interval', stepInterval));
  const health: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries((deploy.health as Map_ | undefined) ?? {})) {
    if (value === null) continue;
    const at: Path = [...base, 'health', key];
    if (key === 'url' || key === 'expect-status') {
      health[key] = asList(value);
      if (key === 'url') for (const u of health[key] as string[]) r.check(at, () => parseUrl(key, u));
      continue;
    }
    const text = asText(value);
    if (HEALTH_DURATIONS.includes(key)) r.check(at, () => parseDuration(key, text));
    if (key === 'max-error-rate') r.check(at, () => parsePercent(key, text));
    if (key === 'prometheus-url') r.check(at, () => parseUrl(key, text));
    health[key] = text;
  }
  const rollback = (deploy.rollback as DeployConfig['rollback']) ?? 'auto';
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
  if (!root) throw new ConfigError(file, 1, undefined, 'is empty', 'Add a targets: list.');
  const doc = locate(root, file);
  // The schema first: types, allowed values, unknown and missing keys. What it leaves to the
  // code below (it words some mistakes better) is reported only if the code does not.
  const errors = schemaErrors(doc, file);
  const first = errors.find((e) => !e.deferred);
  if (first) throw first.error;
  const config = build(new Reader(file, doc), doc.value as Map_);
  if (errors.length) throw errors[0].error;
  return config;
}

/** The checked values as a ReleaseConfig, after the rules the schema cannot state. */
function build(r: Reader, root: Map_): ReleaseConfig {
  const v = (root.version as Map_ | undefined) ?? {};
  const version = {
    sources: (v.sources !== undefined ? asList(v.sources) : [...VERSION_SOURCES]) as VersionSource[],
    tagPrefix: v['tag-prefix'] != null ? asText(v['tag-prefix']) : 'v',
    requireMatch: (v['require-match'] as boolean | undefined) ?? true,
  };
  r.check(['version', 'tag-prefix'], () => validateTagPrefix('tag-prefix', version.tagPrefix));
  const tiers = root.tiers
    ? new Map(Object.entries(root.tiers as Map_).map(([k, p]) => [Number(k), p as Policy]))
    : new Map(DEFAULT_TIERS);
  const targets: TargetConfig[] = [];
  (root.targets as Map_[]).forEach((item, i) => {
    const target = parseTarget(r, item, i, tiers);
    const twin = targets.find((t) => t.name === target.name);
    if (twin)
      r.fail(
        ['targets', i],
        `duplicate target name ${describeValue(target.name)} (first on line ${twin.line})`,
        undefined,
        `targets[${i}].name`,
      );
    targets.push(target);
  });
  const build = root.build ? parseBuild(r, root.build as Map_) : undefined;
  targets.forEach((target, i) => {
    const assets = target.settings.assets;
    if (target.type === 'github-release' && Array.isArray(assets) && assets.includes(BUILD_ASSETS)) {
      const at: Path = ['targets', i, 'assets'];
      const key = `${target.name}.assets`;
      if (assets.length > 1)
        r.fail(at, "'build' stands alone", 'Put the other files in build.artifacts.', key);
      if (!build)
        r.fail(
          at,
          "is 'build' but the config has no build: section",
          'Add build: with the command that makes the archives, or list the files to attach.',
          key,
        );
    }
  });
  const deploy = root.deploy ? parseDeploy(r, root.deploy as Map_) : undefined;
  const history = root.history as ReleaseConfig['history'];
  const notify = root.notify ? parseNotify(root.notify as Map_) : undefined;
  const environments = root.environments
    ? parseEnvironments(r, root.environments as Map_, root.deploy as Map_ | undefined, targets)
    : undefined;
  return {
    file: r.file,
    version,
    tiers,
    targets,
    build,
    deploy,
    notify,
    environments,
    ...(history && { history }),
  };
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
