/**
 * PyPI through its JSON API (`{registry}/pypi/<name>/json`, `/pypi/<name>/<version>/json`):
 * 404 means absent. Project names compare by their PEP 503 normal form, versions by their
 * canonical PEP 440 form, so `exists('1.2.3-rc.1')` finds `1.2.3rc1` and `1.2` finds `1.2.0`.
 */
import { realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { InputError, RegistryError } from '@deploy-actions/action-kit/errors';
import { jsonAnswer, type Shape } from '@deploy-actions/action-kit/answer';
import type { HttpClient } from '@deploy-actions/action-kit/http';
import { highestStablePep440, normalizePep440, parseSemVer, toPep440 } from '@deploy-actions/version';
import { readToml } from '@deploy-actions/version/toml';
import { expandGlobs, hasMagic } from '@deploy-actions/action-kit/glob';
import { isCompanionFile, projectFromFilename } from './files.js';
import type { ClientOptions, RegistryClient, TargetIdentity } from '../client-types.js';

export const DEFAULT_PYPI = 'https://pypi.org/';
const PYPI_UPLOAD = 'https://upload.pypi.org/legacy/';

/** PEP 503: lower case, runs of `-`, `_`, `.` become one `-`. */
export const normalizeProjectName = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '-');

/** The registry base with exactly one trailing slash. */
export const registryBase = (registry?: string) => (registry || DEFAULT_PYPI).replace(/\/*$/, '/');

/** The upload endpoint: upload.pypi.org for pypi.org, else `<registry>/legacy/`. */
export function defaultUploadUrl(registry?: string): string {
  const base = registryBase(registry);
  if (base === DEFAULT_PYPI) return PYPI_UPLOAD;
  if (base === 'https://test.pypi.org/') return 'https://test.pypi.org/legacy/';
  return `${base}legacy/`;
}

/** What errors call the registry: `PyPI` for pypi.org, else its address. */
export const registryLabel = (registry?: string) =>
  registryBase(registry) === DEFAULT_PYPI ? 'PyPI' : `PyPI index ${registryBase(registry)}`;

/** A version (SemVer or PEP 440) in PEP 440's normal form: `1.2.3-rc.1` -> `1.2.3rc1`. */
export function normalPep440(version: string): string | undefined {
  const semver = parseSemVer(version);
  const pep440 = semver ? toPep440(semver) : version;
  return pep440 === undefined ? undefined : normalizePep440(pep440);
}

/**
 * A version in canonical PEP 440 form, for comparing, as packaging's canonicalize_version (no trailing `.0`
 * in the release). SemVer input is first turned into PEP 440 (`1.2.3-rc.1` -> `1.2.3rc1`).
 * Undefined when it is neither.
 */
export function canonicalPep440(version: string): string | undefined {
  return normalPep440(version)?.replace(/^((?:\d+!)?\d+(?:\.\d+)*?)(?:\.0+)+(?=$|[^\d.])/, '$1');
}

export interface PypiFileInfo {
  filename: string;
  sha256: string;
  yanked: boolean;
}

interface JsonFile {
  filename: string;
  digests?: { sha256?: string };
  yanked?: boolean;
}

interface ProjectJson {
  info: { name: string; version: string };
  releases?: Record<string, JsonFile[]>;
}

const FILE_SHAPE = { filename: 'string', 'digests?': { 'sha256?': 'string' }, 'yanked?': 'any' } as const;
const PROJECT_SHAPE = {
  info: { 'name?': 'string', 'version?': 'string|null' },
  'releases?': { '*': [FILE_SHAPE] },
} as const;

/** The version part of a wheel (`name-version-...whl`) or sdist (`name-version.tar.gz`) file name. */
function versionOfFilename(filename: string): string | undefined {
  if (filename.endsWith('.whl')) return filename.split('-')[1];
  return /-([^-]+)\.(?:tar\.gz|zip)$/.exec(filename)?.[1];
}

export class PypiClient implements RegistryClient {
  readonly id: string;
  readonly registry: string;
  private readonly http: HttpClient;
  private project?: Promise<Record<string, { yanked?: boolean }[]>>;

  constructor(
    readonly name: string,
    options: ClientOptions,
  ) {
    this.id = `pypi:${name}`;
    this.registry = registryBase(options.registry);
    this.http = options.http;
  }

  private async getJson<T>(path: string, shape: Shape, what: string): Promise<T | undefined> {
    const url = `${this.registry}pypi/${encodeURIComponent(this.name)}/${path}`;
    const res = await this.http.request({ url, headers: { accept: 'application/json' } });
    if (res.status === 404) return undefined;
    if (res.status === 401 || res.status === 403)
      throw new RegistryError(
        registryLabel(this.registry),
        `reading ${url} was refused (HTTP ${res.status})`,
        'Check the registry URL; the JSON API needs no credentials.',
        res.status,
      );
    if (!res.ok)
      throw new RegistryError(
        registryLabel(this.registry),
        `reading ${url} failed with HTTP ${res.status}`,
        undefined,
        res.status,
      );
    return jsonAnswer<T>(res, shape, {
      what,
      registry: registryLabel(this.registry),
      hint: 'Is `registry` the index base URL (e.g. https://pypi.org/)?',
    });
  }

  /**
   * Every version with its files' yanked flags, fetched once per client (a client lives for one
   * check or publish). From the JSON API's `releases`; Warehouse calls that key deprecated, so
   * without it the simple index's PEP 700 `versions` (and files) are read instead.
   */
  private releases(): Promise<Record<string, { yanked?: boolean }[]>> {
    this.project ??= (async () => {
      const project = await this.getJson<ProjectJson>('json', PROJECT_SHAPE, 'a PyPI project JSON');
      if (!project) return {};
      return project.releases ?? this.simpleReleases();
    })();
    return this.project;
  }

  private async simpleReleases(): Promise<Record<string, { yanked?: boolean }[]>> {
    const url = `${this.registry}simple/${normalizeProjectName(this.name)}/`;
    const res = await this.http.request({ url, headers: { accept: 'application/vnd.pypi.simple.v1+json' } });
    if (res.status === 404) return {};
    if (!res.ok)
      throw new RegistryError(
        registryLabel(this.registry),
        `reading ${url} failed with HTTP ${res.status}`,
        undefined,
        res.status,
      );
    const index = jsonAnswer<{ versions?: string[]; files?: { filename: string; yanked?: unknown }[] }>(
      res,
      { 'versions?': ['string'], 'files?': [{ filename: 'string', 'yanked?': 'any' }] },
      { what: 'a PEP 691 simple index', registry: registryLabel(this.registry) },
    );
    const releases: Record<string, { yanked?: boolean }[]> = {};
    for (const version of index.versions ?? []) releases[version] = [];
    const byCanonical = new Map(Object.keys(releases).map((v) => [canonicalPep440(v), v]));
    for (const file of index.files ?? []) {
      const version = byCanonical.get(canonicalPep440(versionOfFilename(file.filename) ?? ''));
      if (version) releases[version].push({ yanked: Boolean(file.yanked) });
    }
    return releases;
  }

  async versions(): Promise<string[]> {
    return Object.keys(await this.releases());
  }

  async exists(version: string): Promise<boolean> {
    const wanted = canonicalPep440(version);
    if (!wanted) return false;
    return (await this.versions()).some((v) => canonicalPep440(v) === wanted);
  }

  /** The highest stable version per PEP 440 that is not wholly yanked. */
  async latest(): Promise<string | undefined> {
    const live = Object.entries(await this.releases())
      .filter(([, files]) => files.length === 0 || files.some((f) => !f.yanked))
      .map(([version]) => version);
    return highestStablePep440(live);
  }

  /** The files of one version, asked fresh each time (after a failed upload, say). */
  async files(version: string): Promise<PypiFileInfo[]> {
    const release = await this.getJson<{ urls?: JsonFile[] }>(
      `${encodeURIComponent(normalPep440(version) ?? version)}/json`,
      { 'urls?': [FILE_SHAPE] },
      'a PyPI release JSON',
    );
    return (release?.urls ?? []).map((f) => ({
      filename: f.filename,
      sha256: f.digests?.sha256 ?? '',
      yanked: Boolean(f.yanked),
    }));
  }

  url(version: string): string {
    return `${this.registry}project/${normalizeProjectName(this.name)}/${normalPep440(version) ?? version}/`;
  }
}

export function createClient(name: string, options: ClientOptions): PypiClient {
  return new PypiClient(name, options);
}

/**
 * The folders a pyproject.toml may sit in for these `dist` globs, nearest first: each glob's
 * literal folder (`python/dist` of `python/dist/*`) and its parents up to the workspace root.
 * Only folders inside the workspace.
 */
function projectFolders(cwd: string, patterns: string[]): string[] {
  const root = resolve(cwd);
  const folders: string[] = [];
  for (const pattern of patterns) {
    const segments = pattern.split(/[\\/]+/);
    const literal = segments.findIndex(hasMagic);
    // A pattern without magic names a file: its folder is the literal part.
    const base = segments.slice(0, literal < 0 ? -1 : literal).join('/');
    for (let dir = resolve(root, base); ; dir = dirname(dir)) {
      const rel = relative(root, dir);
      if (rel.startsWith('..') || isAbsolute(rel)) break;
      if (!folders.includes(dir)) folders.push(dir);
      if (dir === root) break;
    }
  }
  if (!folders.includes(root)) folders.push(root);
  return folders;
}

function pyprojectName(root: string, file: string): string | undefined {
  if (!isRegularFileInside(root, file)) return undefined;
  // A broken file is a ConfigError naming the file and the line, as every TOML read gives.
  const toml = readToml(file, { optional: true, root }) as
    | {
        project?: { name?: unknown };
        tool?: { poetry?: { name?: unknown } };
      }
    | undefined;
  if (!toml) return undefined;
  const name = toml.project?.name ?? toml.tool?.poetry?.name;
  return typeof name === 'string' && name ? name : undefined;
}

/** A regular file whose real path is inside `root` (a symlink out of the workspace is not read). */
function isRegularFileInside(root: string, path: string): boolean {
  try {
    const rel = relative(realpathSync(root), realpathSync(path));
    return !rel.startsWith('..') && !isAbsolute(rel) && statSync(path).isFile();
  } catch {
    return false;
  }
}

const asList = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];

/**
 * The project name: `package`; else the project named by the file names of the distributions
 * the `dist` globs find (what would be uploaded; no unpacking); else the `[project].name` (or
 * `[tool.poetry].name`) of the pyproject.toml nearest the folder the `dist` globs point into:
 * `python/dist/*` reads `python/dist/pyproject.toml`, then `python/pyproject.toml`, then the
 * workspace root's. So the name is known before the distributions are built (status, plan).
 */
export function identify(settings: Record<string, unknown>, cwd: string): TargetIdentity {
  const registry = typeof settings.registry === 'string' && settings.registry ? settings.registry : undefined;
  if (typeof settings.package === 'string' && settings.package) return { name: settings.package, registry };
  const listed = asList(settings.dist);
  const patterns = listed.length ? listed : ['dist/*'];
  const files = expandGlobs(cwd, patterns, { input: 'dist', allowEmpty: true }).filter(
    (f) => !isCompanionFile(f),
  );
  const fromFiles = files.map(projectFromFilename).find(Boolean);
  if (fromFiles) return { name: fromFiles, registry };
  const searched: string[] = [];
  for (const dir of projectFolders(cwd, patterns)) {
    const file = join(dir, 'pyproject.toml');
    searched.push(relative(cwd, file) || 'pyproject.toml');
    const name = pyprojectName(cwd, file);
    if (name) return { name, registry };
  }
  throw InputError.missing(
    'package',
    `Set \`package\` to the PyPI project name: no distribution matches ${patterns.join(', ')} and no project name is in ${searched.join(', ')}.`,
  );
}
