/**
 * The config's `build:` section: the hub's builder, run once per platform before tier 1.
 * Parsed with the rest of the config (config.ts), every mistake located by file, line and key.
 */
import { describeValue } from '@deploy-actions/action-kit/errors';
import {
  ARCHIVE_PLACEHOLDERS,
  DEFAULT_ARCHIVE,
  asList,
  asText,
  BUILD_ARCHES,
  BUILD_OSES,
  DEFAULT_RUNS_ON,
  type BuildConfig,
  type BuildOs,
  type BuildPlatform,
} from './config-types.js';
import type { Reader } from './config.js';

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

/**
 * `build:` after its schema (config-schema.ts): defaults, and the rules worded better here
 * (the placeholder that is wrong, the binary {name} needs, the platforms an archive name must tell apart).
 */
export function parseBuild(r: Reader, section: Record<string, unknown>): BuildConfig {
  const at = (key: string) => ['build', key];
  const command = Array.isArray(section.command) ? asList(section.command) : asText(section.command);
  if (Array.isArray(command) && !command[0].trim())
    r.fail(at('command'), 'starts with an empty word', 'Name the program first, e.g. [make, dist].');
  const flat = Array.isArray(command) ? command : [command];
  if (flat.some((part) => part.includes('\0'))) r.fail(at('command'), 'contains a NUL character');

  const platforms =
    section.platforms !== undefined
      ? asList(section.platforms).map((text) => parsePlatform(text)!)
      : [currentPlatform()];

  const runsOn = { ...DEFAULT_RUNS_ON };
  for (const [os, label] of Object.entries((section['runs-on'] as Record<string, unknown> | undefined) ?? {}))
    runsOn[os] = asText(label);

  const binary = section.binary != null ? asText(section.binary) : undefined;
  const archive = section.archive != null ? asText(section.archive) : DEFAULT_ARCHIVE;
  const archiveAt = section.archive != null ? at('archive') : ['build'];
  for (const [, name] of archive.matchAll(/\{([^}]*)\}/g))
    if (!ARCHIVE_PLACEHOLDERS.includes(name))
      r.fail(
        archiveAt,
        `{${name}} is not a placeholder`,
        `Use ${ARCHIVE_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}.`,
        'build.archive',
      );
  if (!binary && /\{(name|binary)\}/.test(archive))
    r.fail(
      archiveAt,
      'names {name} but build.binary is not set',
      "Set build.binary, or an archive name without {name}, e.g. 'app_{version}_{os}_{arch}'.",
      'build.archive',
    );
  if (/[/\\]|^\.|\0/.test(archive) || !archive.trim())
    r.fail(archiveAt, `${describeValue(archive)} is not a file name`, 'Use no folders.', 'build.archive');
  if (platforms.length > 1 && !(archive.includes('{os}') && archive.includes('{arch}')))
    r.fail(
      archiveAt,
      'must contain {os} and {arch} when there are several platforms',
      'Otherwise two platforms write the same archive.',
      'build.archive',
    );

  const artifacts = section.artifacts !== undefined ? asList(section.artifacts) : [];
  for (const pattern of artifacts)
    if (!insideWorkspace(pattern))
      r.fail(
        at('artifacts'),
        `${describeValue(pattern)} is not a pattern inside the workspace`,
        "Use relative globs, e.g. 'python/dist/*'.",
      );

  const dist = section.dist != null ? asText(section.dist) : 'dist';
  if (!insideWorkspace(dist))
    r.fail(at('dist'), `${describeValue(dist)} is not a folder inside the workspace`);

  return { command, platforms, runsOn, binary, archive, artifacts, dist, line: r.line(['build']) };
}

function insideWorkspace(path: string): boolean {
  return !(!path.trim() || path.includes('\0') || path.startsWith('/') || path.split('/').includes('..'));
}
