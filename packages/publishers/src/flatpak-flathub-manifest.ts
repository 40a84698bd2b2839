/**
 * Bumping the app's manifest in its Flathub repository to a new version: in the app's own module
 * (the module named like the app or its repository, else the last module, which flatpak-builder
 * builds last and where manifests put the app itself), every source whose `url` or `tag` names
 * a version gets the new version, and each changed download gets its new checksum. YAML keeps
 * its comments and layout (the `yaml` Document API); JSON keeps its indentation.
 */
import { isMap, isSeq, parseDocument, type Document } from 'yaml';
import { ConfigError } from '@deploy-actions/action-kit/errors';
import type { FlatpakManifest } from '@deploy-actions/registries/flatpak';

/**
 * A version inside a URL or tag: 1.2.3, v1.2.3, 1.2.3-rc.1. Only the usual prerelease words
 * count as part of it, so `app-1.2.3-linux-x86_64.tar.gz` keeps its platform suffix.
 */
const VERSION_TOKEN =
  /(?<![0-9A-Za-z.])v?(\d+\.\d+\.\d+(?:-(?:alpha|beta|rc|pre|preview|dev)\.?\d*)?)(?![0-9])/;

export type KeyPath = (string | number)[];

export interface SourceBump {
  /** Path of the source in the manifest, e.g. ['modules', 2, 'sources', 0]. */
  path: KeyPath;
  type: string;
  from: string;
  to: string;
  /** 'url' or 'tag' */
  field: 'url' | 'tag';
  /** The checksum keys the source carries (sha256 by default) that need the new file's digest. */
  checksums: ('sha256' | 'sha512')[];
  /** A git source pinned to a commit: the new tag's commit is needed too. */
  pinsCommit: boolean;
}

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Replace every occurrence of the version the text names with `version` (keeping a `v` prefix). */
export function bumpVersionIn(text: string, version: string): string | undefined {
  const found = VERSION_TOKEN.exec(text);
  if (!found) return undefined;
  const old = found[1];
  return text.split(old).join(version.replace(/^v/, ''));
}

/** The index of the app's module among the manifest's top-level modules. */
export function appModuleIndex(modules: unknown[], appId: string, projectName?: string): number {
  const wanted = [appId.split('.').pop()!, appId, projectName].filter(Boolean).map((n) => n!.toLowerCase());
  const named = modules.findIndex(
    (m) => isObj(m) && typeof m.name === 'string' && wanted.includes(m.name.toLowerCase()),
  );
  if (named >= 0) return named;
  for (let i = modules.length - 1; i >= 0; i--) if (isObj(modules[i])) return i;
  return -1;
}

export function planBumps(
  manifest: FlatpakManifest,
  file: string,
  appId: string,
  version: string,
  projectName?: string,
): SourceBump[] {
  const modules = Array.isArray(manifest.modules) ? manifest.modules : [];
  const index = appModuleIndex(modules, appId, projectName);
  if (index < 0) throw new ConfigError(file, undefined, 'modules', 'has no module to update');
  const module = modules[index] as Obj;
  const sources = Array.isArray(module.sources) ? module.sources : [];
  const bumps: SourceBump[] = [];
  sources.forEach((source, i) => {
    if (!isObj(source)) return;
    const type = String(source.type ?? '');
    const path: KeyPath = ['modules', index, 'sources', i];
    if (type === 'git' && typeof source.tag === 'string') {
      const to = bumpVersionIn(source.tag, version);
      if (to)
        bumps.push({
          path,
          type,
          field: 'tag',
          from: source.tag,
          to,
          checksums: [],
          pinsCommit: typeof source.commit === 'string',
        });
    } else if (typeof source.url === 'string' && (type === 'archive' || type === 'file')) {
      const to = bumpVersionIn(source.url, version);
      const checksums = (['sha256', 'sha512'] as const).filter((key) => typeof source[key] === 'string');
      if (to)
        bumps.push({
          path,
          type,
          field: 'url',
          from: source.url,
          to,
          checksums: checksums.length ? checksums : ['sha256'],
          pinsCommit: false,
        });
    }
  });
  if (!bumps.length)
    throw new ConfigError(
      file,
      undefined,
      `modules[${index}]`,
      `no source of module ${JSON.stringify(module.name ?? index)} names a version in its url or tag`,
      'Point the app module at a release tarball URL or a git tag that contains the version.',
    );
  return bumps;
}

/** The new values of a bump: its url/tag, the checksums of the new download, the tag's commit. */
export interface ResolvedBump extends SourceBump {
  digests: Partial<Record<'sha256' | 'sha512', string>>;
  commit?: string;
}

function setAll(set: (path: KeyPath, value: string) => void, bumps: ResolvedBump[]): void {
  for (const bump of bumps) {
    set([...bump.path, bump.field], bump.to);
    for (const [key, digest] of Object.entries(bump.digests)) set([...bump.path, key], digest!);
    if (bump.commit) set([...bump.path, 'commit'], bump.commit);
  }
}

function editYaml(text: string, bumps: ResolvedBump[]): string {
  const doc: Document = parseDocument(text);
  setAll((path, value) => {
    const parent = doc.getIn(path.slice(0, -1));
    if (!isMap(parent) && !isSeq(parent)) throw new Error(`manifest path ${path.join('.')} is not a mapping`);
    doc.setIn(path, value);
  }, bumps);
  return doc.toString({ lineWidth: 0 });
}

function editJson(text: string, bumps: ResolvedBump[]): string {
  const data = JSON.parse(text) as Obj;
  setAll((path, value) => {
    let node: unknown = data;
    for (const key of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[key];
    (node as Record<string | number, unknown>)[path[path.length - 1]] = value;
  }, bumps);
  const indent = /^[ \t]+(?=")/m.exec(text)?.[0] ?? '    ';
  return JSON.stringify(data, null, indent) + (text.endsWith('\n') ? '\n' : '');
}

/** The manifest text with the bumps applied, in the file's own format. */
export function applyBumps(text: string, file: string, bumps: ResolvedBump[]): string {
  return /\.json$/i.test(file) ? editJson(text, bumps) : editYaml(text, bumps);
}
