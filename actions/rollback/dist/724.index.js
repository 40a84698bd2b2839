export const id = 724;
export const ids = [724];
export const modules = {

/***/ 5724:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FLATHUB: () => (/* binding */ FLATHUB),
/* harmony export */   appPageUrl: () => (/* binding */ appPageUrl),
/* harmony export */   appstreamUrl: () => (/* binding */ appstreamUrl),
/* harmony export */   checkAppId: () => (/* binding */ checkAppId),
/* harmony export */   createClient: () => (/* binding */ createClient),
/* harmony export */   fetchAppstream: () => (/* binding */ fetchAppstream),
/* harmony export */   identify: () => (/* binding */ identify),
/* harmony export */   isAppId: () => (/* binding */ isAppId),
/* harmony export */   manifestAppId: () => (/* binding */ manifestAppId),
/* harmony export */   parseManifest: () => (/* binding */ parseManifest),
/* harmony export */   readManifest: () => (/* binding */ readManifest),
/* harmony export */   registryBase: () => (/* binding */ registryBase),
/* harmony export */   releaseVersions: () => (/* binding */ releaseVersions)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8826);
/* harmony import */ var _deploy_actions_action_kit_paths__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1985);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8815);
/**
 * Flatpak apps: the published versions of an app id, read from Flathub's public API
 * (`GET https://flathub.org/api/v2/appstream/<app-id>`, the app's AppStream data as JSON, 404
 * for an unknown app), whose `releases` list comes from the app's metainfo, newest first.
 * Another `registry` base URL is asked the same path (a Flathub-like frontend of a
 * flat-manager). Also reads flatpak-builder manifests (YAML or JSON) for the app id.
 */




const FLATHUB = 'https://flathub.org';
/** Reverse-DNS with at least three parts, as `flatpak build-init` checks it. */
const APP_ID = /^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*){2,}$/;
function isAppId(id) {
    return id.length <= 255 && APP_ID.test(id);
}
function checkAppId(id, input = 'app-id') {
    if (!isAppId(id))
        throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz.bad(input, id, 'is not a Flatpak application id', 'Use the reverse-DNS id of the app, e.g. com.acme.App.');
    return id;
}
/** Parse a flatpak-builder manifest: JSON when the file ends in .json, else YAML. */
function parseManifest(text, file) {
    let data;
    try {
        // failsafe: scalars stay strings as written (a digest of digits is not a number, 1.10 not 1.1).
        data = /\.json$/i.test(file) ? JSON.parse(text) : (0,yaml__WEBPACK_IMPORTED_MODULE_3__/* .parse */ .qg)(text, { schema: 'failsafe' });
    }
    catch (caught) {
        throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(file, undefined, undefined, `is not a valid flatpak-builder manifest: ${caught.message}`);
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data))
        throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(file, undefined, undefined, 'is not a flatpak-builder manifest (expected a mapping at the top)');
    return data;
}
function readManifest(file) {
    let text;
    try {
        text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8');
    }
    catch {
        throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(file, undefined, undefined, 'could not be read');
    }
    return parseManifest(text, file);
}
/** The manifest's app id: `app-id`, or `id` in older manifests. */
function manifestAppId(manifest, file) {
    const id = manifest['app-id'] ?? manifest.id;
    if (typeof id !== 'string' || !id)
        throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(file, undefined, 'app-id', 'is missing: the manifest must name the application id');
    if (!isAppId(id))
        throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(file, undefined, 'app-id', `${JSON.stringify(id)} is not a Flatpak application id`);
    return id;
}
function appstreamUrl(base, appId) {
    return `${base}/api/v2/appstream/${encodeURIComponent(appId)}`;
}
/**
 * The app's AppStream document, or undefined when the registry does not know the app. A public
 * read: no credential is sent (the token a target resolves may be a GitHub or flat-manager one).
 */
async function fetchAppstream(http, base, appId) {
    const res = await http.request({ url: appstreamUrl(base, appId), headers: { accept: 'application/json' } });
    if (res.status === 404)
        return undefined;
    if (res.status === 401 || res.status === 403)
        throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_1__/* .RegistryError */ .gl(base, `refused to show ${appId} (HTTP ${res.status})`, 'The appstream API must be public.', res.status);
    if (!res.ok)
        throw new Error(`${base}: GET appstream of ${appId} answered HTTP ${res.status}`);
    let data;
    try {
        data = res.json();
    }
    catch {
        throw new Error(`${base}: the appstream document of ${appId} is not JSON`);
    }
    // Flathub answers `null` with its 404; treat any non-object the same way.
    return typeof data === 'object' && data !== null ? data : undefined;
}
/** Release versions, newest first as AppStream lists them; development releases flagged. */
function releaseVersions(appstream) {
    const out = [];
    for (const release of appstream?.releases ?? []) {
        if (typeof release?.version !== 'string' || !release.version)
            continue;
        out.push({
            version: release.version,
            stable: (release.type ?? 'stable') === 'stable' && !/-/.test(release.version),
        });
    }
    return out;
}
function registryBase(registry) {
    return (registry || FLATHUB).replace(/\/+$/, '');
}
/** Flathub's page for the app; elsewhere the API document, the one thing sure to answer. */
function appPageUrl(base, appId) {
    return base === FLATHUB ? `${FLATHUB}/apps/${appId}` : appstreamUrl(base, appId);
}
function createClient(name, options) {
    checkAppId(name, 'targets');
    const base = registryBase(options.registry);
    const releases = async () => releaseVersions(await fetchAppstream(options.http, base, name));
    return {
        id: `flatpak:${name}`,
        registry: base,
        versions: async () => (await releases()).map((r) => r.version),
        exists: async (version) => (await releases()).some((r) => r.version === version || r.version === `v${version}`),
        // AppStream orders releases newest first; flatpak versions need not be SemVer.
        latest: async () => (await releases()).find((r) => r.stable)?.version,
        url: () => appPageUrl(base, name),
    };
}
/** The app id: the `app-id` setting, else the manifest's. */
function identify(settings, cwd) {
    const registry = typeof settings.registry === 'string' && settings.registry ? settings.registry : undefined;
    if (typeof settings['app-id'] === 'string' && settings['app-id'])
        return { name: checkAppId(settings['app-id']), registry };
    if (typeof settings.manifest !== 'string' || !settings.manifest)
        throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz.missing('manifest', 'Set the flatpak-builder manifest, or the app-id.');
    const file = (0,_deploy_actions_action_kit_paths__WEBPACK_IMPORTED_MODULE_2__/* .resolveInside */ .L)(cwd, settings.manifest, 'manifest');
    return { name: manifestAppId(readManifest(file), file), registry };
}


/***/ })

};
