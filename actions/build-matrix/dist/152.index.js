export const id = 152;
export const ids = [152];
export const modules = {

/***/ 152:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ABBREVIATED_ACCEPT: () => (/* binding */ ABBREVIATED_ACCEPT),
/* harmony export */   NPM_DEFAULT_REGISTRY: () => (/* binding */ NPM_DEFAULT_REGISTRY),
/* harmony export */   createClient: () => (/* binding */ createClient),
/* harmony export */   escapePackageName: () => (/* binding */ escapePackageName),
/* harmony export */   fetchDistTags: () => (/* binding */ fetchDistTags),
/* harmony export */   fetchPackument: () => (/* binding */ fetchPackument),
/* harmony export */   identify: () => (/* binding */ identify),
/* harmony export */   isNpmjs: () => (/* binding */ isNpmjs),
/* harmony export */   packumentUrl: () => (/* binding */ packumentUrl),
/* harmony export */   readPackageJson: () => (/* binding */ readPackageJson),
/* harmony export */   registryBase: () => (/* binding */ registryBase),
/* harmony export */   versionPageUrl: () => (/* binding */ versionPageUrl)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8826);
/* harmony import */ var _deploy_actions_action_kit_paths__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1985);
/* harmony import */ var _deploy_actions_version__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6193);
/**
 * The npm registry (registry.npmjs.org, Verdaccio, GitHub Packages...): what is published, read
 * from the abbreviated packument (`GET {registry}/{escaped-name}`), the document `npm install`
 * itself reads. Read-only; publishing goes through the npm CLI (publishers/npm.ts).
 */





const NPM_DEFAULT_REGISTRY = 'https://registry.npmjs.org/';
/** The Accept header of `npm install`: the small document, with the full one as a fallback. */
const ABBREVIATED_ACCEPT = 'application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8';
/** The registry URL without its trailing slash, for building paths and naming it in messages. */
function registryBase(registry = NPM_DEFAULT_REGISTRY) {
    return registry.replace(/\/+$/, '');
}
function isNpmjs(registry) {
    return new URL(registryBase(registry)).hostname === 'registry.npmjs.org';
}
/** `@scope/name` -> `@scope%2fname`, as npm writes it in registry paths; unscoped names as they are. */
function escapePackageName(name) {
    const scoped = /^@([^/]+)\/(.+)$/.exec(name);
    if (scoped)
        return `@${encodeURIComponent(scoped[1])}%2f${encodeURIComponent(scoped[2])}`;
    return encodeURIComponent(name);
}
function packumentUrl(name, registry = NPM_DEFAULT_REGISTRY) {
    return `${registryBase(registry)}/${escapePackageName(name)}`;
}
/** A page for a version: npmjs's website for the public registry, the packument elsewhere. */
function versionPageUrl(name, version, registry = NPM_DEFAULT_REGISTRY) {
    if (isNpmjs(registry))
        return `https://www.npmjs.com/package/${name}/v/${version}`;
    return packumentUrl(name, registry);
}
/** The packument, or undefined when the registry has never seen the package (404). */
async function fetchPackument(name, options) {
    const registry = registryBase(options.registry);
    const headers = { accept: ABBREVIATED_ACCEPT };
    if (options.token)
        headers.authorization = `Bearer ${options.token}`;
    const res = await options.http.request({ url: packumentUrl(name, registry), headers });
    if (res.status === 404)
        return undefined;
    if (res.status === 401 || res.status === 403)
        throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .RegistryError */ .gl(registry, `refused to show ${name} (HTTP ${res.status})`, options.token
            ? 'Check that the token (NPM_TOKEN) is valid and may read this package.'
            : 'This registry needs a token to read: set NPM_TOKEN.', res.status);
    if (!res.ok)
        throw new Error(`${registry}: GET ${name} answered HTTP ${res.status}`);
    let raw;
    try {
        raw = res.json();
    }
    catch {
        throw new Error(`${registry}: the document for ${name} is not JSON`);
    }
    const versions = raw.versions ?? {};
    const deprecated = {};
    for (const [version, meta] of Object.entries(versions))
        if (meta?.deprecated)
            deprecated[version] = meta.deprecated;
    return {
        name: raw.name ?? name,
        versions: Object.keys(versions),
        deprecated,
        distTags: { ...raw['dist-tags'] },
    };
}
/** The package's dist-tags (`latest`, `next`...), empty when it is not published. */
async function fetchDistTags(name, options) {
    return (await fetchPackument(name, options))?.distTags ?? {};
}
function createClient(name, options) {
    const registry = registryBase(options.registry ?? NPM_DEFAULT_REGISTRY);
    const read = { http: options.http, registry, token: options.token };
    // Each call asks the registry afresh: the publisher asks again after a failed upload.
    const packument = () => fetchPackument(name, read);
    return {
        id: `npm:${name}`,
        registry,
        packument,
        distTags: () => fetchDistTags(name, read),
        versions: async () => (await packument())?.versions ?? [],
        exists: async (version) => (await packument())?.versions.includes(version) ?? false,
        latest: async () => (0,_deploy_actions_version__WEBPACK_IMPORTED_MODULE_4__/* .highestStable */ .Ij)((await packument())?.versions ?? []),
        url: (version) => versionPageUrl(name, version, registry),
    };
}
/** Read and parse a package.json, with errors that name the file. */
function readPackageJson(file) {
    let text;
    try {
        text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8');
    }
    catch {
        throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(file, undefined, undefined, 'was not found', "Point 'path' at the folder of the package.json to publish.");
    }
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (caught) {
        throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(file, undefined, undefined, `is not valid JSON: ${caught.message}`);
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data))
        throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(file, undefined, undefined, 'is not a JSON object');
    return data;
}
/** The package name (package.json under `path`) and the registry it goes to. */
function identify(settings, cwd) {
    const dir = (0,_deploy_actions_action_kit_paths__WEBPACK_IMPORTED_MODULE_3__/* .resolveInside */ .L)(cwd, String(settings.path ?? '.'), 'path');
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'package.json');
    const manifest = readPackageJson(file);
    if (typeof manifest.name !== 'string' || !manifest.name)
        throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(file, undefined, 'name', 'is missing: npm needs a package name');
    const registry = typeof settings.registry === 'string' && settings.registry
        ? settings.registry
        : manifest.publishConfig?.registry;
    return { name: manifest.name, registry: registry || undefined };
}


/***/ })

};
