export const id = 41;
export const ids = [41];
export const modules = {

/***/ 363:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Is: () => (/* binding */ crateNameFromManifest),
/* harmony export */   Rm: () => (/* binding */ packageSetting),
/* harmony export */   YE: () => (/* binding */ manifestFile),
/* harmony export */   lS: () => (/* binding */ envName),
/* harmony export */   lp: () => (/* binding */ indexFromCargoConfig)
/* harmony export */ });
/* unused harmony export workspaceMembers */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var smol_toml__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3292);
/* harmony import */ var _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8826);
/* harmony import */ var _deploy_actions_action_kit_paths__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1985);
/**
 * Reading a cargo project without running cargo (identify() must be synchronous and cheap):
 * the crate a Cargo.toml publishes, a workspace's members, and the index URL cargo's config
 * files give a named registry.
 */






const isTable = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
function readToml(file) {
    try {
        return (0,smol_toml__WEBPACK_IMPORTED_MODULE_3__.parse)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8'));
    }
    catch (caught) {
        const line = caught.line;
        throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .xL(file, line, undefined, `is not valid TOML: ${caught.message.split('\n')[0]}`);
    }
}
/** The Cargo.toml a `manifest` setting names (a file, or a folder holding one), inside the workspace. */
function manifestFile(settings, cwd) {
    const setting = typeof settings.manifest === 'string' && settings.manifest ? settings.manifest : 'Cargo.toml';
    const path = (0,_deploy_actions_action_kit_paths__WEBPACK_IMPORTED_MODULE_5__/* .resolveInside */ .L)(cwd, setting, 'manifest');
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path).isDirectory() ? (0,_deploy_actions_action_kit_paths__WEBPACK_IMPORTED_MODULE_5__/* .resolveInside */ .L)(cwd, (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(path, 'Cargo.toml'), 'manifest') : path;
}
/** `package` as a list (config: a list; an input: parsed to one). */
function packageSetting(settings) {
    const value = settings.package;
    if (Array.isArray(value))
        return value.map(String).filter(Boolean);
    return typeof value === 'string' && value ? [value] : [];
}
/** `publish = false` or `publish = []` keeps a crate off every registry. */
function isPublishable(pkg, workspacePackage) {
    let publish = pkg.publish;
    if (isTable(publish) && publish.workspace === true)
        publish = workspacePackage?.publish;
    return !(publish === false || (Array.isArray(publish) && publish.length === 0));
}
/** Match one path segment against a glob segment (`*`, `?`), as cargo's members globs. */
function segmentMatches(pattern, name) {
    const regex = new RegExp(`^${pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.')}$`);
    return regex.test(name);
}
function expandGlob(root, pattern) {
    let dirs = [root];
    for (const segment of pattern.split('/').filter((s) => s && s !== '.')) {
        const next = [];
        for (const dir of dirs) {
            if (!/[*?]/.test(segment)) {
                next.push((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, segment));
                continue;
            }
            if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(dir))
                continue;
            for (const entry of (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir).sort())
                if (segmentMatches(segment, entry))
                    next.push((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, entry));
        }
        dirs = next;
    }
    return dirs;
}
/** A workspace's members in the order `members` lists them (globs sorted), `exclude` honoured. */
function workspaceMembers(rootManifest) {
    const toml = readToml(rootManifest);
    const root = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(rootManifest);
    const workspace = isTable(toml.workspace) ? toml.workspace : undefined;
    const workspacePackage = workspace && isTable(workspace.package) ? workspace.package : undefined;
    const members = [];
    const seen = new Set();
    const add = (manifest, pkg) => {
        if (seen.has(manifest) || typeof pkg.name !== 'string')
            return;
        seen.add(manifest);
        members.push({ name: pkg.name, manifest, publishable: isPublishable(pkg, workspacePackage) });
    };
    if (isTable(toml.package))
        add(rootManifest, toml.package);
    if (!workspace)
        return members;
    const excluded = new Set((Array.isArray(workspace.exclude) ? workspace.exclude : []).map((e) => (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(root, String(e))));
    for (const pattern of Array.isArray(workspace.members) ? workspace.members : []) {
        for (const dir of expandGlob(root, String(pattern))) {
            const manifest = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'Cargo.toml');
            if (excluded.has((0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(dir)) || !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(manifest))
                continue;
            const member = readToml(manifest);
            if (isTable(member.package))
                add(manifest, member.package);
        }
    }
    return members;
}
/**
 * The crate a target stands for (its registry identity): the first of `package`, else the
 * manifest's own package when publishable, else the first publishable workspace member.
 */
function crateNameFromManifest(settings, cwd) {
    const named = packageSetting(settings);
    if (named.length)
        return named[0];
    const file = manifestFile(settings, cwd);
    const first = workspaceMembers(file).find((m) => m.publishable);
    if (!first)
        throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .xL(file, undefined, 'package', 'names no publishable crate', 'Point `manifest` at a crate, or a workspace with a member that is not `publish = false`.');
    return first.name;
}
const envName = (registryName) => registryName.toUpperCase().replace(/-/g, '_');
/**
 * The index URL of a named registry, as cargo finds it: CARGO_REGISTRIES_<NAME>_INDEX, else
 * `registries.<name>.index` in .cargo/config.toml from `cwd` up, else in CARGO_HOME.
 */
function indexFromCargoConfig(registryName, cwd, env = process.env) {
    const fromEnv = env[`CARGO_REGISTRIES_${envName(registryName)}_INDEX`];
    if (fromEnv)
        return fromEnv;
    const files = [];
    for (let dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(cwd);; dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(dir)) {
        files.push((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, '.cargo', 'config.toml'), (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, '.cargo', 'config'));
        if ((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(dir) === dir)
            break;
    }
    const cargoHome = env.CARGO_HOME || (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.homedir)(), '.cargo');
    files.push((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(cargoHome, 'config.toml'), (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(cargoHome, 'config'));
    for (const file of files) {
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file))
            continue;
        const registries = readToml(file).registries;
        const entry = isTable(registries) ? registries[registryName] : undefined;
        if (isTable(entry) && typeof entry.index === 'string')
            return entry.index;
    }
    return undefined;
}



/***/ }),

/***/ 3041:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CRATES_IO_API: () => (/* binding */ CRATES_IO_API),
/* harmony export */   CRATES_IO_INDEX: () => (/* binding */ CRATES_IO_INDEX),
/* harmony export */   CratesIndex: () => (/* binding */ CratesIndex),
/* harmony export */   cargoIndexUrl: () => (/* binding */ cargoIndexUrl),
/* harmony export */   clientFor: () => (/* binding */ clientFor),
/* harmony export */   createClient: () => (/* binding */ createClient),
/* harmony export */   identify: () => (/* binding */ identify),
/* harmony export */   indexPath: () => (/* binding */ indexPath),
/* harmony export */   isCratesIoIndex: () => (/* binding */ isCratesIoIndex),
/* harmony export */   latestUnyanked: () => (/* binding */ latestUnyanked),
/* harmony export */   normalizeIndexUrl: () => (/* binding */ normalizeIndexUrl),
/* harmony export */   parseIndexFile: () => (/* binding */ parseIndexFile),
/* harmony export */   withoutBuildMetadata: () => (/* binding */ withoutBuildMetadata)
/* harmony export */ });
/* harmony import */ var _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8826);
/* harmony import */ var _deploy_actions_version__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6193);
/* harmony import */ var _crates_manifest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(363);
/**
 * crates.io and other cargo registries: what is published, read from the sparse index
 * (https://index.crates.io/ by default), the same files cargo reads. One file per crate,
 * one JSON line per version; a yanked version is still published (it cannot be reused).
 * https://doc.rust-lang.org/cargo/reference/registry-index.html
 */



const CRATES_IO_INDEX = 'https://index.crates.io/';
const CRATES_IO_API = 'https://crates.io';
/** Where a crate's file lives under the index root: `1/a`, `2/ab`, `3/a/abc`, `ab/cd/abcd…`. */
function indexPath(name) {
    const n = name.toLowerCase();
    if (n.length === 0)
        throw new Error('a crate name cannot be empty');
    if (n.length <= 2)
        return `${n.length}/${n}`;
    if (n.length === 3)
        return `3/${n[0]}/${n}`;
    return `${n.slice(0, 2)}/${n.slice(2, 4)}/${n}`;
}
/**
 * The index root as a plain http(s) URL ending in `/`, from what a user may write:
 * `sparse+https://host/index/` (cargo's spelling), `https://host/index/`, or nothing (crates.io).
 * Git indexes are not supported: every registry worth publishing to serves a sparse one.
 */
function normalizeIndexUrl(registry, input = 'registry') {
    if (!registry)
        return CRATES_IO_INDEX;
    const raw = registry.trim().replace(/^sparse\+/, '');
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz.bad(input, registry, 'is not a URL', 'Use the sparse index URL, e.g. sparse+https://my-registry.example/index/.');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
        throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz.bad(input, registry, 'is not a sparse (http) index', 'Use the sparse index URL, e.g. sparse+https://my-registry.example/index/; git indexes are not supported.');
    // The web address of crates.io means its index.
    if (url.hostname === 'crates.io' || url.hostname === 'www.crates.io')
        return CRATES_IO_INDEX;
    return url.toString().replace(/\/*$/, '/');
}
/** The spelling cargo wants in `registries.NAME.index`. */
const cargoIndexUrl = (indexUrl) => `sparse+${indexUrl}`;
const isCratesIoIndex = (indexUrl) => new URL(indexUrl).hostname === 'index.crates.io';
/** Versions compare without build metadata: crates.io refuses 1.0.0+b when 1.0.0+a exists. */
const withoutBuildMetadata = (version) => version.split('+')[0];
/** Parse an index file; lines that are not entries (future formats) are ignored. */
function parseIndexFile(text) {
    const entries = [];
    for (const line of text.split('\n')) {
        if (!line.trim())
            continue;
        try {
            const entry = JSON.parse(line);
            if (typeof entry.name === 'string' && typeof entry.vers === 'string')
                entries.push({ ...entry, name: entry.name, vers: entry.vers, yanked: entry.yanked === true });
        }
        catch {
            // not an entry
        }
    }
    return entries;
}
/** The highest stable version that is not yanked: what `cargo add` would pick. */
function latestUnyanked(entries) {
    return (0,_deploy_actions_version__WEBPACK_IMPORTED_MODULE_1__/* .highestStable */ .Ij)(entries.filter((e) => !e.yanked).map((e) => e.vers));
}
/** A sparse index: config.json and the per-crate files. */
class CratesIndex {
    options;
    configPromise;
    constructor(options) {
        this.options = options;
    }
    get url() {
        return this.options.indexUrl;
    }
    fileUrl(name) {
        return `${this.options.indexUrl}${indexPath(name)}`;
    }
    config() {
        if (isCratesIoIndex(this.options.indexUrl))
            return Promise.resolve({ dl: 'https://static.crates.io/crates', api: CRATES_IO_API });
        this.configPromise ??= this.fetchConfig();
        return this.configPromise;
    }
    /** The Web API's base URL, where publishing and yanking happen. */
    async apiUrl() {
        const api = (await this.config()).api;
        if (!api)
            throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__/* .RegistryError */ .gl(this.options.indexUrl, 'the registry has no Web API (config.json has no `api`)', 'Publish to a registry that accepts uploads.');
        return api.replace(/\/+$/, '');
    }
    async fetchConfig() {
        const url = `${this.options.indexUrl}config.json`;
        const res = await this.options.http.request({ url, headers: { accept: 'application/json' } });
        if (!res.ok)
            throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__/* .RegistryError */ .gl(this.options.indexUrl, `has no sparse index here: GET config.json answered HTTP ${res.status}`, 'Check `registry`: it must be the sparse index URL (sparse+https://.../index/).', res.status);
        return res.json();
    }
    /**
     * Every version of a crate the index lists, yanked ones included; [] when it has none.
     * `fresh` asks caches (crates.io's CDN) for the current file, for polling after a publish.
     */
    async entries(name, fresh = false) {
        const headers = { accept: 'text/plain, application/json;q=0.5' };
        if (fresh)
            headers['cache-control'] = 'no-cache';
        const url = this.fileUrl(name);
        let res = await this.options.http.request({ url, headers });
        // A private registry answers 401 until it gets the token, and says so in config.json
        // (`auth-required`); only then is the token sent, as cargo does, never to a public index.
        if ((res.status === 401 || res.status === 403) &&
            this.options.token &&
            (await this.config())['auth-required'])
            res = await this.options.http.request({
                url,
                headers: { ...headers, authorization: this.options.token },
            });
        // cargo treats 404, 410 and 451 as "no such crate".
        if (res.status === 404 || res.status === 410 || res.status === 451)
            return [];
        if (res.status === 401 || res.status === 403)
            throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__/* .RegistryError */ .gl(this.options.indexUrl, `refused to show the index (HTTP ${res.status})`, 'The registry requires authentication: set the token (`token` input or CARGO_REGISTRY_TOKEN).', res.status);
        if (!res.ok)
            throw new Error(`GET ${url} answered HTTP ${res.status}`);
        const wanted = name.toLowerCase();
        return parseIndexFile(res.text()).filter((e) => e.name.toLowerCase() === wanted);
    }
}
/** A client over an index shared by several crates (one config.json fetch for a workspace). */
function clientFor(name, index) {
    // exists/versions/latest of one check share one request; `fresh` (polling) always asks.
    let cached;
    const entries = (fresh = false) => {
        if (fresh || !cached) {
            const request = index.entries(name, fresh);
            cached = request;
            request.catch(() => (cached = cached === request ? undefined : cached));
        }
        return cached;
    };
    const indexUrl = index.url;
    return {
        id: `crates:${name}`,
        registry: isCratesIoIndex(indexUrl) ? CRATES_IO_API : indexUrl,
        index,
        entries,
        async exists(version) {
            const wanted = withoutBuildMetadata(version);
            return (await entries()).some((e) => withoutBuildMetadata(e.vers) === wanted);
        },
        async versions() {
            return (await entries()).map((e) => e.vers);
        },
        async latest() {
            return latestUnyanked(await entries());
        },
        url(version) {
            // Other registries have no common web UI; their index file is a page that exists.
            return isCratesIoIndex(indexUrl)
                ? `${CRATES_IO_API}/crates/${name}/${withoutBuildMetadata(version)}`
                : index.fileUrl(name);
        },
    };
}
function createClient(name, options) {
    const index = new CratesIndex({
        http: options.http,
        indexUrl: normalizeIndexUrl(options.registry),
        token: options.token,
    });
    return clientFor(name, index);
}
/**
 * The crate a target publishes: `package` if set, else the manifest's [package].name, else (a
 * workspace) the first publishable member. The registry: `registry`, else the index cargo's
 * config gives `registry-name`.
 */
function identify(settings, cwd) {
    const name = (0,_crates_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .crateNameFromManifest */ .Is)(settings, cwd);
    const registryName = typeof settings['registry-name'] === 'string' ? settings['registry-name'] : undefined;
    const explicit = typeof settings.registry === 'string' && settings.registry ? settings.registry : undefined;
    const registry = explicit ?? (registryName ? (0,_crates_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .indexFromCargoConfig */ .lp)(registryName, cwd) : undefined);
    return { name, registry: registry ? normalizeIndexUrl(registry) : undefined };
}


/***/ })

};
