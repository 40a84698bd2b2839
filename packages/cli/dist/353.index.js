export const id = 353;
export const ids = [353];
export const modules = {

/***/ 1985:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ resolveInside)
/* harmony export */ });
/* unused harmony export workspace */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8826);
/** Paths from users stay inside the workspace, symlinks included. */



/**
 * Resolve `path` against `workspace` and refuse anything that lands outside it, following
 * symlinks of the parts that exist. `mustExist` refuses a missing path.
 */
function resolveInside(workspace, path, input, mustExist = true) {
    if (path.includes('\0'))
        throw _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz.bad(input, path, 'contains a NUL character');
    const root = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace));
    const full = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(root, path);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(full)) {
        if (mustExist)
            throw _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz.bad(input, path, `was not found in the workspace (${root})`, 'Check the path, relative to the workspace.');
        return full;
    }
    const real = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(full);
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, real);
    if (rel.startsWith('..') || (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(rel))
        throw _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz.bad(input, path, 'points outside the workspace', 'Use a path inside the repository checkout.');
    return real;
}
/** The workspace: GITHUB_WORKSPACE on a runner, else the current folder. */
function workspace(env = process.env) {
    return env.GITHUB_WORKSPACE || process.cwd();
}


/***/ }),

/***/ 1541:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GE: () => (/* binding */ expandGlobs),
/* harmony export */   eP: () => (/* binding */ parseWheelFilename),
/* harmony export */   jq: () => (/* binding */ isCompanionFile),
/* harmony export */   vO: () => (/* binding */ projectFromFilename)
/* harmony export */ });
/* unused harmony export globToRegExp */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8826);
/* harmony import */ var _deploy_actions_action_kit_paths__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1985);
/**
 * The `dist` globs: `*`, `?`, `[...]` within a path segment and `**` across segments, matched
 * against files under the workspace. Like Python's glob (what `twine upload dist/*` gets from
 * the shell), a wildcard does not match a leading dot, so hatch's `dist/.gitignore` stays out.
 */




const SKIP_DIRS = new Set(['.git', 'node_modules']);
/** Files that sit beside distributions and are never uploaded themselves. */
const isCompanionFile = (filename) => /\.(asc|sig|sigstore|attestation|publish\.attestation)$/.test(filename);
/** PEP 427: `{name}-{version}(-{build})?-{python}-{abi}-{platform}.whl`. */
function parseWheelFilename(filename) {
    const parts = filename.replace(/\.whl$/, '').split('-');
    if (parts.length !== 5 && parts.length !== 6)
        return undefined;
    const [name, version] = parts;
    const [python, abi, platform] = parts.slice(-3);
    return { name, version, python, abi, platform };
}
/**
 * The project a distribution belongs to, from its file name alone (no unpacking): a wheel's
 * first field, an sdist's name before its last `-`. Names compare by their PEP 503 form, which
 * `_` and `-` share, so `acme_app-1.0-py3-none-any.whl` names the project acme-app.
 */
function projectFromFilename(filename) {
    const base = filename.slice(filename.lastIndexOf('/') + 1);
    if (base.endsWith('.whl'))
        return parseWheelFilename(base)?.name.replace(/_/g, '-') || undefined;
    const stem = /^(.+)\.(tar\.gz|zip)$/.exec(base)?.[1];
    const dash = stem?.lastIndexOf('-') ?? -1;
    return stem && dash > 0 ? stem.slice(0, dash).replace(/_/g, '-') : undefined;
}
function segmentToRegExp(segment) {
    let out = '';
    for (let i = 0; i < segment.length; i++) {
        const c = segment[i];
        if (c === '*')
            out += '[^/]*';
        else if (c === '?')
            out += '[^/]';
        else if (c === '[') {
            const end = segment.indexOf(']', i + 2);
            if (end === -1)
                out += '\\[';
            else {
                const body = segment
                    .slice(i + 1, end)
                    .replace(/^!/, '^')
                    .replace(/\\/g, '\\\\');
                out += `[${body}]`;
                i = end;
            }
        }
        else
            out += c.replace(/[.+^${}()|\\]/g, '\\$&');
    }
    // A wildcard at the start of a segment does not match a leading dot.
    return /^[*?[]/.test(segment) ? `(?!\\.)${out}` : out;
}
function globToRegExp(pattern) {
    const segments = pattern.replace(/^\.\//, '').split('/').filter(Boolean);
    const parts = segments.map((segment, i) => {
        if (segment !== '**')
            return segmentToRegExp(segment) + (i < segments.length - 1 ? '/' : '');
        return i < segments.length - 1 ? '(?:(?!\\.)[^/]*/)*' : '(?:(?!\\.)[^/]*/)*(?!\\.)[^/]*';
    });
    return new RegExp(`^${parts.join('')}$`);
}
const hasMagic = (segment) => /[*?[]/.test(segment);
function walk(dir, depth, visit) {
    let names;
    try {
        names = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir);
    }
    catch {
        return;
    }
    for (const name of names) {
        const full = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, name);
        let stat;
        try {
            stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(full);
        }
        catch {
            continue;
        }
        if (stat.isDirectory()) {
            if (depth > 0 && !SKIP_DIRS.has(name))
                walk(full, depth - 1, visit);
        }
        else if (stat.isFile())
            visit(full);
    }
}
/**
 * The files the globs match, in pattern order then name order, each once. A pattern without
 * wildcards must name an existing file; every result is checked to stay inside the workspace.
 */
function expandGlobs(workspace, patterns, input = 'dist') {
    const root = (0,_deploy_actions_action_kit_paths__WEBPACK_IMPORTED_MODULE_3__/* .resolveInside */ .L)(workspace, '.', input);
    const found = [];
    for (const pattern of patterns) {
        if (pattern.includes('\0'))
            throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz.bad(input, pattern, 'contains a NUL character');
        const segments = pattern.replace(/^\.\//, '').split('/').filter(Boolean);
        const firstMagic = segments.findIndex(hasMagic);
        if (firstMagic === -1) {
            found.push((0,_deploy_actions_action_kit_paths__WEBPACK_IMPORTED_MODULE_3__/* .resolveInside */ .L)(root, pattern, input));
            continue;
        }
        const base = (0,_deploy_actions_action_kit_paths__WEBPACK_IMPORTED_MODULE_3__/* .resolveInside */ .L)(root, segments.slice(0, firstMagic).join('/') || '.', input);
        const depth = segments.includes('**') ? 32 : segments.length - firstMagic - 1;
        const matcher = globToRegExp(pattern);
        const matches = [];
        walk(base, depth, (file) => {
            const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, file).split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/');
            if (matcher.test(rel))
                matches.push(file);
        });
        found.push(...matches.sort().map((file) => (0,_deploy_actions_action_kit_paths__WEBPACK_IMPORTED_MODULE_3__/* .resolveInside */ .L)(root, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, file), input)));
    }
    return [...new Set(found)];
}


/***/ }),

/***/ 353:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_PYPI: () => (/* binding */ DEFAULT_PYPI),
/* harmony export */   PypiClient: () => (/* binding */ PypiClient),
/* harmony export */   canonicalPep440: () => (/* binding */ canonicalPep440),
/* harmony export */   createClient: () => (/* binding */ createClient),
/* harmony export */   defaultUploadUrl: () => (/* binding */ defaultUploadUrl),
/* harmony export */   identify: () => (/* binding */ identify),
/* harmony export */   normalPep440: () => (/* binding */ normalPep440),
/* harmony export */   normalizeProjectName: () => (/* binding */ normalizeProjectName),
/* harmony export */   registryBase: () => (/* binding */ registryBase),
/* harmony export */   registryLabel: () => (/* binding */ registryLabel)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var smol_toml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3292);
/* harmony import */ var _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8826);
/* harmony import */ var _deploy_actions_version__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6193);
/* harmony import */ var _deploy_actions_publishers_pypi_files__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1541);
/**
 * PyPI through its JSON API (`{registry}/pypi/<name>/json`, `/pypi/<name>/<version>/json`):
 * 404 means absent. Project names compare by their PEP 503 normal form, versions by their
 * canonical PEP 440 form, so `exists('1.2.3-rc.1')` finds `1.2.3rc1` and `1.2` finds `1.2.0`.
 */






const DEFAULT_PYPI = 'https://pypi.org/';
const PYPI_UPLOAD = 'https://upload.pypi.org/legacy/';
/** PEP 503: lower case, runs of `-`, `_`, `.` become one `-`. */
const normalizeProjectName = (name) => name.toLowerCase().replace(/[-_.]+/g, '-');
/** The registry base with exactly one trailing slash. */
const registryBase = (registry) => (registry || DEFAULT_PYPI).replace(/\/*$/, '/');
/** The upload endpoint: upload.pypi.org for pypi.org, else `<registry>/legacy/`. */
function defaultUploadUrl(registry) {
    const base = registryBase(registry);
    if (base === DEFAULT_PYPI)
        return PYPI_UPLOAD;
    if (base === 'https://test.pypi.org/')
        return 'https://test.pypi.org/legacy/';
    return `${base}legacy/`;
}
/** What errors call the registry: `PyPI` for pypi.org, else its address. */
const registryLabel = (registry) => registryBase(registry) === DEFAULT_PYPI ? 'PyPI' : `PyPI index ${registryBase(registry)}`;
/** A version (SemVer or PEP 440) in PEP 440's normal form: `1.2.3-rc.1` -> `1.2.3rc1`. */
function normalPep440(version) {
    const semver = (0,_deploy_actions_version__WEBPACK_IMPORTED_MODULE_4__/* .parseSemVer */ .IX)(version);
    const pep440 = semver ? (0,_deploy_actions_version__WEBPACK_IMPORTED_MODULE_4__/* .toPep440 */ .tj)(semver) : version;
    return pep440 === undefined ? undefined : (0,_deploy_actions_version__WEBPACK_IMPORTED_MODULE_4__/* .normalizePep440 */ .ZD)(pep440);
}
/**
 * A version in canonical PEP 440 form, for comparing, as packaging's canonicalize_version (no trailing `.0`
 * in the release). SemVer input is first turned into PEP 440 (`1.2.3-rc.1` -> `1.2.3rc1`).
 * Undefined when it is neither.
 */
function canonicalPep440(version) {
    return normalPep440(version)?.replace(/^((?:\d+!)?\d+(?:\.\d+)*?)(?:\.0+)+(?=$|[^\d.])/, '$1');
}
/** The version part of a wheel (`name-version-...whl`) or sdist (`name-version.tar.gz`) file name. */
function versionOfFilename(filename) {
    if (filename.endsWith('.whl'))
        return filename.split('-')[1];
    return /-([^-]+)\.(?:tar\.gz|zip)$/.exec(filename)?.[1];
}
class PypiClient {
    name;
    id;
    registry;
    http;
    project;
    constructor(name, options) {
        this.name = name;
        this.id = `pypi:${name}`;
        this.registry = registryBase(options.registry);
        this.http = options.http;
    }
    async getJson(path) {
        const url = `${this.registry}pypi/${encodeURIComponent(this.name)}/${path}`;
        const res = await this.http.request({ url, headers: { accept: 'application/json' } });
        if (res.status === 404)
            return undefined;
        if (res.status === 401 || res.status === 403)
            throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_3__/* .RegistryError */ .gl(registryLabel(this.registry), `reading ${url} was refused (HTTP ${res.status})`, 'Check the registry URL; the JSON API needs no credentials.', res.status);
        if (!res.ok)
            throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_3__/* .RegistryError */ .gl(registryLabel(this.registry), `reading ${url} failed with HTTP ${res.status}`, undefined, res.status);
        try {
            return res.json();
        }
        catch {
            throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_3__/* .RegistryError */ .gl(registryLabel(this.registry), `${url} did not answer JSON`, 'Is `registry` the index base URL (e.g. https://pypi.org/)?');
        }
    }
    /**
     * Every version with its files' yanked flags, fetched once per client (a client lives for one
     * check or publish). From the JSON API's `releases`; Warehouse calls that key deprecated, so
     * without it the simple index's PEP 700 `versions` (and files) are read instead.
     */
    releases() {
        this.project ??= (async () => {
            const project = await this.getJson('json');
            if (!project)
                return {};
            return project.releases ?? this.simpleReleases();
        })();
        return this.project;
    }
    async simpleReleases() {
        const url = `${this.registry}simple/${normalizeProjectName(this.name)}/`;
        const res = await this.http.request({ url, headers: { accept: 'application/vnd.pypi.simple.v1+json' } });
        if (res.status === 404)
            return {};
        if (!res.ok)
            throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_3__/* .RegistryError */ .gl(registryLabel(this.registry), `reading ${url} failed with HTTP ${res.status}`, undefined, res.status);
        const index = res.json();
        const releases = {};
        for (const version of index.versions ?? [])
            releases[version] = [];
        const byCanonical = new Map(Object.keys(releases).map((v) => [canonicalPep440(v), v]));
        for (const file of index.files ?? []) {
            const version = byCanonical.get(canonicalPep440(versionOfFilename(file.filename) ?? ''));
            if (version)
                releases[version].push({ yanked: Boolean(file.yanked) });
        }
        return releases;
    }
    async versions() {
        return Object.keys(await this.releases());
    }
    async exists(version) {
        const wanted = canonicalPep440(version);
        if (!wanted)
            return false;
        return (await this.versions()).some((v) => canonicalPep440(v) === wanted);
    }
    /** The highest stable version per PEP 440 that is not wholly yanked. */
    async latest() {
        const live = Object.entries(await this.releases())
            .filter(([, files]) => files.length === 0 || files.some((f) => !f.yanked))
            .map(([version]) => version);
        return (0,_deploy_actions_version__WEBPACK_IMPORTED_MODULE_4__/* .highestStablePep440 */ .Z$)(live);
    }
    /** The files of one version, asked fresh each time (after a failed upload, say). */
    async files(version) {
        const release = await this.getJson(`${encodeURIComponent(normalPep440(version) ?? version)}/json`);
        return (release?.urls ?? []).map((f) => ({
            filename: f.filename,
            sha256: f.digests?.sha256 ?? '',
            yanked: Boolean(f.yanked),
        }));
    }
    url(version) {
        return `${this.registry}project/${normalizeProjectName(this.name)}/${normalPep440(version) ?? version}/`;
    }
}
function createClient(name, options) {
    return new PypiClient(name, options);
}
function pyprojectName(cwd) {
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(cwd, 'pyproject.toml');
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file))
        return undefined;
    const toml = (0,smol_toml__WEBPACK_IMPORTED_MODULE_2__.parse)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8'));
    const name = toml.project?.name ?? toml.tool?.poetry?.name;
    return typeof name === 'string' && name ? name : undefined;
}
const asList = (value) => Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];
/**
 * The project name: `package`, else pyproject.toml ([project].name, [tool.poetry].name), else
 * the project named by the file names of the distributions the `dist` globs find (no unpacking).
 */
function identify(settings, cwd) {
    const registry = typeof settings.registry === 'string' && settings.registry ? settings.registry : undefined;
    if (typeof settings.package === 'string' && settings.package)
        return { name: settings.package, registry };
    const fromPyproject = pyprojectName(cwd);
    if (fromPyproject)
        return { name: fromPyproject, registry };
    const patterns = asList(settings.dist);
    const files = (0,_deploy_actions_publishers_pypi_files__WEBPACK_IMPORTED_MODULE_5__/* .expandGlobs */ .GE)(cwd, patterns.length ? patterns : ['dist/*']).filter((f) => !(0,_deploy_actions_publishers_pypi_files__WEBPACK_IMPORTED_MODULE_5__/* .isCompanionFile */ .jq)(f));
    const name = files.map(_deploy_actions_publishers_pypi_files__WEBPACK_IMPORTED_MODULE_5__/* .projectFromFilename */ .vO).find(Boolean);
    if (name)
        return { name, registry };
    throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz.missing('package', 'Set `package` to the PyPI project name, or add a pyproject.toml, or build the distributions first.');
}


/***/ })

};
