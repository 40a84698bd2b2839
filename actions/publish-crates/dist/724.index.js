export const id = 724;
export const ids = [724,86];
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
/* harmony import */ var _deploy_actions_version__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6193);
/* harmony import */ var _github_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1086);
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
/**
 * Bundle mode publishes `<app-id>-<version>.flatpak` on the GitHub release of the version: that
 * asset, not Flathub, says whether the version is published.
 */
function bundleClient(appId, repository, options) {
    const releases = (0,_github_js__WEBPACK_IMPORTED_MODULE_5__.createClient)(repository, { ...options, registry: undefined });
    const asset = (version) => `${appId}-${version}.flatpak`;
    const withBundle = async () => (await releases.releases()).filter((r) => {
        const version = (0,_github_js__WEBPACK_IMPORTED_MODULE_5__.tagVersion)(r.tag_name);
        const assets = r.assets ?? [];
        return !r.draft && version !== undefined && assets.some((a) => a.name === asset(version));
    });
    return {
        id: `flatpak:${appId}`,
        registry: releases.registry,
        versions: async () => (await withBundle()).map((r) => (0,_github_js__WEBPACK_IMPORTED_MODULE_5__.tagVersion)(r.tag_name)),
        exists: async (version) => (await withBundle()).some((r) => (0,_github_js__WEBPACK_IMPORTED_MODULE_5__.tagVersion)(r.tag_name) === version),
        latest: async () => (0,_deploy_actions_version__WEBPACK_IMPORTED_MODULE_4__/* .highestStable */ .Ij)((await withBundle()).filter((r) => !r.prerelease).map((r) => (0,_github_js__WEBPACK_IMPORTED_MODULE_5__.tagVersion)(r.tag_name))),
        url: (version) => `${releases.url(version)}`,
    };
}
function createClient(name, options) {
    checkAppId(name, 'targets');
    const target = options.target ?? {};
    if (target.mode === 'bundle' && typeof target.repository === 'string')
        return bundleClient(name, target.repository, options);
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
function identify(settings, cwd, env = process.env) {
    const registry = typeof settings.registry === 'string' && settings.registry ? settings.registry : undefined;
    const repository = typeof settings.repository === 'string' && settings.repository
        ? settings.repository
        : env.GITHUB_REPOSITORY;
    const target = settings.mode === 'bundle' && repository ? { mode: 'bundle', repository } : undefined;
    if (typeof settings['app-id'] === 'string' && settings['app-id'])
        return { name: checkAppId(settings['app-id']), registry, target };
    if (typeof settings.manifest !== 'string' || !settings.manifest)
        throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz.missing('manifest', 'Set the flatpak-builder manifest, or the app-id.');
    const file = (0,_deploy_actions_action_kit_paths__WEBPACK_IMPORTED_MODULE_2__/* .resolveInside */ .L)(cwd, settings.manifest, 'manifest');
    return { name: manifestAppId(readManifest(file), file), registry, target };
}


/***/ }),

/***/ 1086:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_TAG_PREFIX: () => (/* binding */ DEFAULT_TAG_PREFIX),
/* harmony export */   GITHUB_API: () => (/* binding */ GITHUB_API),
/* harmony export */   TOKEN_HINT: () => (/* binding */ TOKEN_HINT),
/* harmony export */   apiBase: () => (/* binding */ apiBase),
/* harmony export */   createClient: () => (/* binding */ createClient),
/* harmony export */   githubHeaders: () => (/* binding */ githubHeaders),
/* harmony export */   githubMessage: () => (/* binding */ githubMessage),
/* harmony export */   identify: () => (/* binding */ identify),
/* harmony export */   nextLink: () => (/* binding */ nextLink),
/* harmony export */   parseRepository: () => (/* binding */ parseRepository),
/* harmony export */   refusal: () => (/* binding */ refusal),
/* harmony export */   releasePageUrl: () => (/* binding */ releasePageUrl),
/* harmony export */   tagVersion: () => (/* binding */ tagVersion),
/* harmony export */   webBase: () => (/* binding */ webBase)
/* harmony export */ });
/* harmony import */ var _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8826);
/* harmony import */ var _deploy_actions_version__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6193);
/**
 * GitHub Releases as a registry: a version is published when a (non-draft) release exists for
 * its tag. Read with the kit's HttpClient only, so check-published stays light; publishing
 * goes through Octokit (publishers/github-release.ts).
 */


const GITHUB_API = 'https://api.github.com';
const DEFAULT_TAG_PREFIX = 'v';
/** Enough for any real repository's releases, bounded so a huge one cannot stall a check. */
const MAX_PAGES = 10;
/** `owner/repo`, checked; `input` names the setting in the error. */
function parseRepository(value, input = 'repository') {
    const match = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/.exec(value.trim());
    if (!match || match[2] === '.' || match[2] === '..')
        throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz.bad(input, value, 'is not an owner/name repository', 'Use e.g. acme/app.');
    return { owner: match[1], repo: match[2] };
}
/** The API base: the setting, else GITHUB_API_URL (set by the runner, GHES included), else api.github.com. */
function apiBase(registry, env = process.env) {
    return (registry || env.GITHUB_API_URL || GITHUB_API).replace(/\/+$/, '');
}
/** The web host for an API base: github.com, a GHES host without /api/v3, or the base itself. */
function webBase(api) {
    const url = new URL(api);
    if (url.hostname === 'api.github.com')
        return 'https://github.com';
    return api.replace(/\/api\/v3$/, '');
}
function releasePageUrl(api, repository, tag) {
    return `${webBase(api)}/${repository}/releases/tag/${encodeURIComponent(tag)}`;
}
/** The headers GitHub asks REST clients to send. */
function githubHeaders(token) {
    const headers = {
        accept: 'application/vnd.github+json',
        'x-github-api-version': '2022-11-28',
    };
    if (token)
        headers.authorization = `Bearer ${token}`;
    return headers;
}
/** The token hint every refusal carries. */
const TOKEN_HINT = 'Use a token that may write releases of this repository: GITHUB_TOKEN with `permissions: contents: write`, or a PAT with the `repo` scope (fine-grained: Contents read and write).';
/**
 * A refusal the user must fix, from a status and GitHub's message. 403 with no rate left is the
 * rate limit, not a permission.
 */
function refusal(repository, status, message, headers) {
    const registry = 'GitHub';
    if ((status === 403 || status === 429) && headers?.get('x-ratelimit-remaining') === '0') {
        const reset = Number(headers.get('x-ratelimit-reset'));
        const when = Number.isFinite(reset) && reset > 0 ? ` until ${new Date(reset * 1000).toISOString()}` : '';
        return new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__/* .RegistryError */ .gl(registry, `API rate limit exceeded${when} (${message})`, 'Pass a token (GITHUB_TOKEN) for a higher limit, or rerun later.', status);
    }
    if (status === 401)
        return new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__/* .RegistryError */ .gl(registry, `the token was refused for ${repository} (401 ${message})`, TOKEN_HINT, status);
    if (status === 403)
        return new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__/* .RegistryError */ .gl(registry, `the token may not do this on ${repository} (403 ${message})`, TOKEN_HINT, status);
    if (status === 404)
        return new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__/* .RegistryError */ .gl(registry, `repository ${repository} was not found, or the token cannot see it (404)`, `Check the 'repository' setting (owner/name) and that the token has access to it. ${TOKEN_HINT}`, status);
    return new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__/* .RegistryError */ .gl(registry, `${repository}: HTTP ${status} ${message}`, undefined, status);
}
/** GitHub's error message from a response body, if it has one. */
function githubMessage(res) {
    try {
        return String(res.json().message ?? res.status);
    }
    catch {
        return String(res.status);
    }
}
/** The URL of the next page, from a Link header. */
function nextLink(link) {
    return link
        ?.split(',')
        .map((part) => /<([^>]+)>\s*;\s*rel="next"/.exec(part)?.[1])
        .find(Boolean);
}
/** The version a tag stands for: the tag without the prefix, when that is SemVer. */
function tagVersion(tag, prefix = DEFAULT_TAG_PREFIX) {
    if (prefix && tag.startsWith(prefix) && (0,_deploy_actions_version__WEBPACK_IMPORTED_MODULE_1__/* .parseSemVer */ .IX)(tag.slice(prefix.length)))
        return tag.slice(prefix.length);
    return (0,_deploy_actions_version__WEBPACK_IMPORTED_MODULE_1__/* .parseSemVer */ .IX)(tag) ? tag : undefined;
}
async function getJson(reader, url) {
    const res = await reader.http.request({ url, headers: githubHeaders(reader.token) });
    if (res.status === 404)
        return { status: 404, res };
    if (!res.ok)
        throw refusal(reader.repository, res.status, githubMessage(res), res.headers);
    return { status: res.status, data: res.json(), res };
}
async function listReleases(reader) {
    const all = [];
    let url = `${reader.api}/repos/${reader.repository}/releases?per_page=100`;
    for (let page = 0; url && page < MAX_PAGES; page++) {
        const { status, data, res } = await getJson(reader, url);
        if (status === 404)
            throw refusal(reader.repository, 404, 'Not Found');
        all.push(...(data ?? []));
        url = nextLink(res.headers.get('link'));
    }
    return all;
}
function noteDraft(reporter, repository, tag) {
    reporter?.warning(`${repository}: a draft release exists for ${tag}; drafts are not published (publish it, or delete it and rerun).`);
}
function createClient(name, options) {
    const { owner, repo } = parseRepository(name);
    const repository = `${owner}/${repo}`;
    const api = apiBase(options.registry, options.env);
    const prefix = options.tagPrefix ?? DEFAULT_TAG_PREFIX;
    const reader = { http: options.http, api, repository, token: options.token };
    // check-published asks exists() and latest() together: share one listing in flight, and ask
    // afresh afterwards.
    let inFlight;
    const releases = () => {
        inFlight ??= listReleases(reader).finally(() => (inFlight = undefined));
        return inFlight;
    };
    const published = async () => (await releases()).filter((r) => !r.draft);
    return {
        id: `github-release:${repository}`,
        registry: api,
        releases,
        async exists(version) {
            const tag = `${prefix}${version}`;
            const byTag = await getJson(reader, `${api}/repos/${repository}/releases/tags/${encodeURIComponent(tag)}`);
            if (byTag.data)
                return true;
            // Not under the usual tag: a bare `1.2.3` tag, or a draft (which the tag endpoint hides).
            const candidates = (await releases()).filter((r) => r.tag_name === tag || r.tag_name === version);
            if (candidates.some((r) => !r.draft))
                return true;
            if (candidates.length)
                noteDraft(options.reporter, repository, candidates[0].tag_name);
            return false;
        },
        async versions() {
            return (await published())
                .map((r) => tagVersion(r.tag_name, prefix))
                .filter((v) => Boolean(v));
        },
        async latest() {
            const stable = (await published()).filter((r) => !r.prerelease);
            return (0,_deploy_actions_version__WEBPACK_IMPORTED_MODULE_1__/* .highestStable */ .Ij)(stable.map((r) => tagVersion(r.tag_name, prefix)).filter((v) => Boolean(v)));
        },
        url: (version) => releasePageUrl(api, repository, `${prefix}${version}`),
    };
}
/** The repository: the `repository` setting, else the workflow's (GITHUB_REPOSITORY). */
function identify(settings, _cwd, env = process.env) {
    const value = typeof settings.repository === 'string' && settings.repository
        ? settings.repository
        : env.GITHUB_REPOSITORY;
    if (!value)
        throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz.missing('repository', "Set 'repository' (owner/name); outside GitHub Actions GITHUB_REPOSITORY is not set.");
    const { owner, repo } = parseRepository(value);
    const registry = typeof settings.registry === 'string' && settings.registry ? settings.registry : undefined;
    return { name: `${owner}/${repo}`, registry };
}


/***/ })

};
