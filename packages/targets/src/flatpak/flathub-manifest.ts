/**
 * Bumping the app's manifest in its Flathub repository to a new version: in the app's own module
 * (the module named like the app or its repository, else the last module, which flatpak-builder
 * builds last and where manifests put the app itself), every source whose `url` or `tag` names
 * a version gets the new version, and each changed download gets its new checksum. YAML keeps
 * its comments and layout (the `yaml` Document API); JSON keeps its indentation.
 */
import { isScalar, parseDocument, type Document } from 'yaml';
import { ConfigError } from '@deploy-actions/action-kit/errors';
import type { FlatpakManifest } from './client.js';

/**
 * A version inside a URL or tag: 1.2.3, v1.2.3, 1.2.3-rc.1. Only the usual prerelease words
 * count as part of it, so `app-1.2.3-linux-x86_64.tar.gz` keeps its platform suffix.
 */
const VERSION_TOKEN =
  /(?<![0-9A-Za-z.])v?(\d+\.\d+\.\d+(?:-(?:alpha|beta|rc|pre|preview|dev)\.?\d*)?)(?![0-9])(?!\.\d)/;

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

/** The same in a URL's path and query only: the host (an IP address, say) is never a version. */
export function bumpVersionInUrl(url: string, version: string): string | undefined {
  const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(url)?.[0] ?? '';
  const rest = bumpVersionIn(url.slice(origin.length), version);
  return rest === undefined ? undefined : origin + rest;
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
          pinsCommit: source.commit !== undefined && source.commit !== null,
        });
    } else if (typeof source.url === 'string' && (type === 'archive' || type === 'file')) {
      const to = bumpVersionInUrl(source.url, version);
      const checksums = (['sha256', 'sha512'] as const).filter(
        (key) => source[key] !== undefined && source[key] !== null,
      );
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

/** Every value to write: [path, value]. */
function assignments(bumps: ResolvedBump[]): [KeyPath, string][] {
  const out: [KeyPath, string][] = [];
  for (const bump of bumps) {
    out.push([[...bump.path, bump.field], bump.to]);
    for (const [key, digest] of Object.entries(bump.digests)) out.push([[...bump.path, key], digest!]);
    if (bump.commit) out.push([[...bump.path, 'commit'], bump.commit]);
  }
  return out;
}

/** A scalar written the way the one it replaces was: quoted alike, else plain when YAML allows. */
function scalarLike(original: string, value: string): string {
  if (original.startsWith("'")) return `'${value.replace(/'/g, "''")}'`;
  if (original.startsWith('"') || /^[-?:,[\]{}#&*!|>'"%@`\s]|: | #|\s$/.test(value))
    return JSON.stringify(value);
  return value;
}

/**
 * The manifest text with the bumps applied, in the file's own format. Each changed value is
 * replaced where it stands in the text (JSON parses as YAML, with the same source ranges), so
 * comments, layout and every other byte stay as the maintainers wrote them. Only a key the
 * source lacked (a first sha256) makes the file go through the YAML printer.
 */
export function applyBumps(text: string, file: string, bumps: ResolvedBump[]): string {
  // failsafe: every scalar stays a string, so a hex digest never turns into a float.
  const doc: Document = parseDocument(text, { schema: 'failsafe' });
  const json = /\.json$/i.test(file);
  const edits: { start: number; end: number; text: string }[] = [];
  const missing: [KeyPath, string][] = [];
  for (const [path, value] of assignments(bumps)) {
    const node = doc.getIn(path, true);
    if (isScalar(node) && node.range) {
      const [start, end] = node.range;
      edits.push({
        start,
        end,
        text: json ? JSON.stringify(value) : scalarLike(text.slice(start, end), value),
      });
    } else missing.push([path, value]);
  }
  if (missing.length) {
    for (const [path, value] of [...assignments(bumps)]) doc.setIn(path, value);
    if (!json) return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
    const indent = /^[ \t]+(?=")/m.exec(text)?.[0] ?? '    ';
    return JSON.stringify(doc.toJS(), null, indent) + (text.endsWith('\n') ? '\n' : '');
  }
  let out = text;
  for (const edit of edits.sort((a, b) => b.start - a.start))
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}
