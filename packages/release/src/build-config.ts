/**
 * The config's `build:` section: the hub's builder, run once per platform before tier 1.
 * Parsed with the rest of the config (config.ts), every mistake located by file, line and key.
 */
import { describeValue } from '@deploy-actions/action-kit/errors';
import type { YamlNode } from '@deploy-actions/action-kit/yaml';
import {
  BUILD_ARCHES,
  BUILD_KEYS,
  BUILD_OSES,
  DEFAULT_RUNS_ON,
  type BuildConfig,
  type BuildOs,
  type BuildPlatform,
} from './config-types.js';
import type { Reader } from './config.js';

const PLACEHOLDERS = ['name', 'binary', 'version', 'os', 'arch'];

/** The platform this process runs on, in the `os/arch` spelling of `build.platforms`. */
export function currentPlatform(): BuildPlatform {
  const os = (process.platform === 'win32' ? 'windows' : process.platform) as BuildOs;
  const arch =
    ({ x64: 'amd64', ia32: '386', ppc64: 'ppc64le' } as Record<string, string>)[process.arch] ?? process.arch;
  return { os, arch, platform: `${os}/${arch}` };
}

/** `os/arch`, checked; undefined when it is not one. */
export function parsePlatform(text: string): BuildPlatform | undefined {
  const match = /^([a-z0-9]+)\/([a-z0-9]+)$/.exec(text.trim());
  if (!match) return undefined;
  const [, os, arch] = match;
  if (!(BUILD_OSES as readonly string[]).includes(os) || !(BUILD_ARCHES as readonly string[]).includes(arch))
    return undefined;
  return { os: os as BuildOs, arch, platform: `${os}/${arch}` };
}

const PLATFORM_HINT = `Use os/arch with os one of ${BUILD_OSES.join(', ')} and arch one of ${BUILD_ARCHES.join(', ')}, e.g. linux/amd64.`;

export function parseBuild(r: Reader, node: YamlNode | null): BuildConfig {
  const entries = r.entries(node, 'build', BUILD_KEYS);
  const get = (key: string) => entries.find((e) => e.key === key)?.value ?? null;

  const commandNode = get('command');
  if (!commandNode)
    r.fail(node, 'build.command', 'is missing', 'Set the command that builds, e.g. command: make dist.');
  let command: string | string[];
  if (commandNode.kind === 'seq') {
    command = r.list(commandNode, 'build.command');
    if (!command.length || !command[0].trim())
      r.fail(commandNode, 'build.command', 'is an empty list', 'Name the program first, e.g. [make, dist].');
  } else {
    command = r.string(commandNode, 'build.command');
    if (!command.trim()) r.fail(commandNode, 'build.command', 'is empty');
  }
  const flat = Array.isArray(command) ? command : [command];
  if (flat.some((part) => part.includes('\0')))
    r.fail(commandNode, 'build.command', 'contains a NUL character');

  let platforms: BuildPlatform[] = [];
  const platformsNode = get('platforms');
  if (platformsNode) {
    const items = platformsNode.kind === 'seq' ? platformsNode.items : [platformsNode];
    items.forEach((item, i) => {
      const key = `build.platforms[${i}]`;
      const text = r.string(item, key);
      const platform = parsePlatform(text);
      if (!platform) r.fail(item, key, `${describeValue(text)} is not a platform`, PLATFORM_HINT);
      if (platforms.some((p) => p.platform === platform.platform))
        r.fail(item, key, `${describeValue(text)} is listed twice`);
      platforms.push(platform);
    });
    if (!platforms.length) r.fail(platformsNode, 'build.platforms', 'is an empty list', PLATFORM_HINT);
  } else platforms = [currentPlatform()];

  const runsOn = { ...DEFAULT_RUNS_ON };
  if (get('runs-on'))
    for (const { key, value, keyNode } of r.entries(get('runs-on'), 'build.runs-on', [...BUILD_OSES])) {
      if (!value)
        r.fail(keyNode, `build.runs-on.${key}`, 'is empty', 'Name a runner label, e.g. ubuntu-latest.');
      runsOn[key] = r.string(value, `build.runs-on.${key}`);
    }

  let binary: string | undefined;
  if (get('binary')) {
    binary = r.string(get('binary'), 'build.binary');
    if (!/^[A-Za-z0-9][A-Za-z0-9._+-]*$/.test(binary))
      r.fail(
        get('binary'),
        'build.binary',
        `${describeValue(binary)} is not a file name`,
        'Name the executable the command writes into DEPLOY_OUT, without a folder (.exe is added on windows).',
      );
  }

  const archive = get('archive') ? r.string(get('archive'), 'build.archive') : '{name}_{version}_{os}_{arch}';
  for (const [, name] of archive.matchAll(/\{([^}]*)\}/g))
    if (!PLACEHOLDERS.includes(name))
      r.fail(
        get('archive'),
        'build.archive',
        `{${name}} is not a placeholder`,
        `Use ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}.`,
      );
  if (!binary && /\{(name|binary)\}/.test(archive))
    r.fail(
      get('archive') ?? node,
      'build.archive',
      'names {name} but build.binary is not set',
      "Set build.binary, or an archive name without {name}, e.g. 'app_{version}_{os}_{arch}'.",
    );
  if (/[/\\]|^\.|\0/.test(archive) || !archive.trim())
    r.fail(
      get('archive'),
      'build.archive',
      `${describeValue(archive)} is not a file name`,
      'Use no folders.',
    );
  if (platforms.length > 1 && !(archive.includes('{os}') && archive.includes('{arch}')))
    r.fail(
      get('archive'),
      'build.archive',
      'must contain {os} and {arch} when there are several platforms',
      'Otherwise two platforms write the same archive.',
    );

  const artifacts = get('artifacts') ? r.list(get('artifacts'), 'build.artifacts') : [];
  artifacts.forEach((pattern) => {
    if (
      !pattern.trim() ||
      pattern.includes('\0') ||
      pattern.startsWith('/') ||
      pattern.split('/').includes('..')
    )
      r.fail(
        get('artifacts'),
        'build.artifacts',
        `${describeValue(pattern)} is not a pattern inside the workspace`,
        "Use relative globs, e.g. 'python/dist/*'.",
      );
  });

  const dist = get('dist') ? r.string(get('dist'), 'build.dist') : 'dist';
  if (!dist.trim() || dist.startsWith('/') || dist.split('/').includes('..') || dist.includes('\0'))
    r.fail(get('dist'), 'build.dist', `${describeValue(dist)} is not a folder inside the workspace`);

  return { command, platforms, runsOn, binary, archive, artifacts, dist, line: r.line(node) };
}
