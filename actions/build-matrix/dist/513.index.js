export const id = 513;
export const ids = [513];
export const modules = {

/***/ 3835:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Xu: () => (/* binding */ pushScope),
/* harmony export */   gr: () => (/* binding */ RegistryAuth),
/* harmony export */   iH: () => (/* binding */ pullScope)
/* harmony export */ });
/* unused harmony export parseWwwAuthenticate */
/* harmony import */ var _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8826);
/* harmony import */ var _deploy_actions_action_kit_http__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3363);
/* harmony import */ var _deploy_actions_action_kit_secrets__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5736);
/**
 * Registry authentication as Docker does it: try the request; on a 401 read the
 * `WWW-Authenticate` challenge; for `Basic` send the credentials, for `Bearer` ask the
 * challenge's realm for a token of the scopes we need (with Basic credentials when we have
 * them, anonymously otherwise) and send that. Tokens are cached per scope set until shortly
 * before they expire.
 */



/**
 * Parse a `WWW-Authenticate` header (RFC 7235): `Bearer realm="…",service="…",scope="…"`.
 * Quoted values may hold commas and escaped quotes; parameter names are lower-cased. Only
 * the first challenge is read: registries send one.
 */
function parseWwwAuthenticate(header) {
    if (!header)
        return undefined;
    const match = /^\s*([A-Za-z][\w!#$%&'*+.^`|~-]*)\s*(.*)$/s.exec(header);
    if (!match)
        return undefined;
    const params = {};
    const re = /\s*([\w!#$%&'*+.^`|~-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))\s*(?:,|$)/gy;
    const rest = match[2];
    let m;
    while (re.lastIndex < rest.length && (m = re.exec(rest))) {
        params[m[1].toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3];
    }
    return { scheme: match[1].toLowerCase(), params };
}
/** Scopes in the form the token endpoint takes: `repository:acme/app:pull,push`. */
const pullScope = (repository) => `repository:${repository}:pull`;
const pushScope = (repository) => `repository:${repository}:pull,push`;
class RegistryAuth {
    http;
    registryName;
    credentials;
    tokens = new Map();
    pending = new Map();
    /** Set once the registry asked for Basic: later requests send it up front. */
    basicKnown = false;
    constructor(http, 
    /** How reports name the registry, e.g. ghcr.io. */
    registryName, credentials) {
        this.http = http;
        this.registryName = registryName;
        this.credentials = credentials;
        (0,_deploy_actions_action_kit_secrets__WEBPACK_IMPORTED_MODULE_2__/* .addSecret */ .Ck)(credentials?.password);
    }
    get hasCredentials() {
        return this.credentials !== undefined;
    }
    /** The Authorization header to send up front for `scopes`, if we already know one. */
    cached(scopes) {
        if (this.basicKnown && this.credentials)
            return (0,_deploy_actions_action_kit_http__WEBPACK_IMPORTED_MODULE_1__/* .basicAuth */ .tB)(this.credentials.username, this.credentials.password);
        const hit = this.tokens.get(scopes.join(' '));
        if (hit && hit.expiresAt > Date.now())
            return `Bearer ${hit.token}`;
        return undefined;
    }
    /** Forget what was cached for `scopes` (the registry refused it). */
    forget(scopes) {
        this.tokens.delete(scopes.join(' '));
    }
    /** Answer a 401 challenge: the Authorization header to retry with. */
    async answer(challengeHeader, scopes) {
        const challenge = parseWwwAuthenticate(challengeHeader);
        if (challenge?.scheme === 'basic') {
            if (!this.credentials)
                throw this.needCredentials();
            this.basicKnown = true;
            return (0,_deploy_actions_action_kit_http__WEBPACK_IMPORTED_MODULE_1__/* .basicAuth */ .tB)(this.credentials.username, this.credentials.password);
        }
        if (challenge?.scheme === 'bearer' && challenge.params.realm) {
            // Requests sent together share one token request instead of each asking.
            const key = scopes.join(' ');
            let pending = this.pending.get(key);
            if (!pending) {
                pending = this.fetchToken(challenge, scopes).finally(() => this.pending.delete(key));
                this.pending.set(key, pending);
            }
            return `Bearer ${await pending}`;
        }
        throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__/* .RegistryError */ .gl(this.registryName, `asked for authentication this client does not speak (${challengeHeader ? challengeHeader.split(/\s/)[0] : 'no WWW-Authenticate header'})`, 'Docker registries use Basic or Bearer token authentication; check the registry URL.', 401);
    }
    needCredentials() {
        return new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__/* .RegistryError */ .gl(this.registryName, 'requires credentials and none were given', 'Set username (or DOCKER_USERNAME) and the password or token (token input or DOCKER_PASSWORD).', 401);
    }
    async fetchToken(challenge, scopes) {
        const realm = new URL(challenge.params.realm);
        if (challenge.params.service)
            realm.searchParams.set('service', challenge.params.service);
        // Our scopes, not only the challenge's: a push needs pull,push, a mount pull on the source too.
        const wanted = scopes.length ? scopes : challenge.params.scope ? [challenge.params.scope] : [];
        for (const scope of wanted)
            realm.searchParams.append('scope', scope);
        if (this.credentials)
            realm.searchParams.set('account', this.credentials.username);
        const headers = { accept: 'application/json' };
        if (this.credentials)
            headers.authorization = (0,_deploy_actions_action_kit_http__WEBPACK_IMPORTED_MODULE_1__/* .basicAuth */ .tB)(this.credentials.username, this.credentials.password);
        const res = await this.http.request({ url: realm, headers });
        if (res.status === 401 || res.status === 403) {
            throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__/* .RegistryError */ .gl(this.registryName, this.credentials
                ? `the token service ${realm.host} refused the credentials of user '${this.credentials.username}' (HTTP ${res.status})`
                : `the token service ${realm.host} refused anonymous access (HTTP ${res.status})`, this.credentials
                ? 'Check username / DOCKER_USERNAME and the password or access token (DOCKER_PASSWORD); a token needs the read and write scopes of this repository.'
                : 'Set username (or DOCKER_USERNAME) and a password or token (DOCKER_PASSWORD).', res.status);
        }
        if (!res.ok)
            throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__/* .RegistryError */ .gl(this.registryName, `the token service ${realm.host} answered HTTP ${res.status}`, undefined, res.status);
        let body;
        try {
            body = res.json();
        }
        catch {
            throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__/* .RegistryError */ .gl(this.registryName, `the token service ${realm.host} answered something that is not JSON`);
        }
        const token = body.token || body.access_token;
        if (!token)
            throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__/* .RegistryError */ .gl(this.registryName, `the token service ${realm.host} answered without a token`);
        (0,_deploy_actions_action_kit_secrets__WEBPACK_IMPORTED_MODULE_2__/* .addSecret */ .Ck)(token);
        // The spec's default lifetime is 60 s; keep a margin so a token never expires in flight.
        const lifetime = Math.max(10, body.expires_in ?? 60) * 1000;
        this.tokens.set(scopes.join(' '), { token, expiresAt: Date.now() + lifetime - 5_000 });
        return token;
    }
}


/***/ }),

/***/ 9215:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BI: () => (/* binding */ childManifests),
/* harmony export */   QS: () => (/* binding */ manifestKind),
/* harmony export */   dY: () => (/* binding */ MANIFEST_ACCEPT),
/* harmony export */   nw: () => (/* binding */ isIndex),
/* harmony export */   sI: () => (/* binding */ sha256Digest),
/* harmony export */   sW: () => (/* binding */ referencedBlobs)
/* harmony export */ });
/* unused harmony exports OCI_INDEX, OCI_MANIFEST, DOCKER_LIST, DOCKER_MANIFEST, INDEX_TYPES, IMAGE_TYPES */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/**
 * The manifest kinds a registry serves and what each references: an image manifest names a
 * config blob and layer blobs; an index (multi-arch) names child manifests. Docker's v2
 * manifest and manifest list are the same shapes under other media types.
 */

const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
/**
 * Every kind we read, in the Accept header. Without the OCI types distribution answers 404
 * for an OCI manifest, and without the list types a registry may down-convert to one platform.
 */
const MANIFEST_ACCEPT = [OCI_INDEX, OCI_MANIFEST, DOCKER_LIST, DOCKER_MANIFEST].join(', ');
const INDEX_TYPES = new Set([OCI_INDEX, DOCKER_LIST]);
const IMAGE_TYPES = new Set([OCI_MANIFEST, DOCKER_MANIFEST]);
const sha256Digest = (data) => `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(data).digest('hex')}`;
function parseJson(manifest) {
    try {
        return JSON.parse(manifest.bytes.toString('utf8'));
    }
    catch {
        throw new Error(`manifest ${manifest.digest} is not JSON`);
    }
}
/** The media type of a manifest: the registry's Content-Type, else the manifest's own field. */
function manifestKind(contentType, bytes) {
    const declared = contentType?.split(';')[0].trim();
    if (declared && (INDEX_TYPES.has(declared) || IMAGE_TYPES.has(declared)))
        return declared;
    try {
        const json = JSON.parse(bytes.toString('utf8'));
        if (json.mediaType)
            return json.mediaType;
        // An OCI manifest may omit mediaType; its shape tells.
        if (Array.isArray(json.manifests))
            return OCI_INDEX;
        if (json.config)
            return OCI_MANIFEST;
    }
    catch {
        // fall through
    }
    return declared ?? 'application/octet-stream';
}
const isIndex = (m) => INDEX_TYPES.has(m.mediaType);
/** The child manifests of an index, each once. */
function childManifests(index) {
    const seen = new Set();
    return (parseJson(index).manifests ?? []).filter((d) => !seen.has(d.digest) && seen.add(d.digest));
}
/**
 * The blobs an image manifest needs in the repository: its config and layers, each once.
 * Foreign (non-distributable) layers live elsewhere by design and are not copied.
 */
function referencedBlobs(image) {
    const json = parseJson(image);
    const seen = new Set();
    return [json.config, ...(json.layers ?? [])]
        .filter((d) => !!d?.digest)
        .filter((d) => !/foreign|nondistributable/.test(d.mediaType ?? '') && !d.urls?.length)
        .filter((d) => !seen.has(d.digest) && seen.add(d.digest));
}


/***/ }),

/***/ 5424:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dk: () => (/* binding */ TAG),
/* harmony export */   FH: () => (/* binding */ formatReference),
/* harmony export */   Fh: () => (/* binding */ registryEndpoint),
/* harmony export */   GN: () => (/* binding */ endpointHost),
/* harmony export */   Vm: () => (/* binding */ versionTag),
/* harmony export */   Xb: () => (/* binding */ DOCKER_HUB),
/* harmony export */   o_: () => (/* binding */ parseImageReference),
/* harmony export */   tO: () => (/* binding */ imageName)
/* harmony export */ });
/* harmony import */ var _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8826);
/**
 * Image references as Docker spells them (`docker.io/acme/app`, `ghcr.io/o/a:tag`,
 * `127.0.0.1:5000/acme/app@sha256:…`, `acme/app`, `app`), and where their registry's API is
 * reached. Follows the grammar of distribution's `reference` package.
 */

const DOCKER_HUB = 'docker.io';
/** Docker Hub's API does not live at docker.io. */
const DOCKER_HUB_API = 'registry-1.docker.io';
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;
/** Whether the first path part names a registry (a dot, a port, or localhost), as Docker decides. */
function isHost(part) {
    return part.includes('.') || part.includes(':') || part === 'localhost' || part.startsWith('[');
}
/**
 * Parse a reference; throws an InputError naming `input` when it is not one. `acme/app` is
 * docker.io/acme/app and `app` is docker.io/library/app, as `docker pull` reads them.
 */
function parseImageReference(text, input = 'image') {
    const raw = text.trim();
    const bad = (why, hint) => _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz.bad(input, text, why, hint ?? 'Use e.g. docker.io/acme/app, ghcr.io/acme/app or 127.0.0.1:5000/acme/app.');
    if (!raw)
        throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz.missing(input);
    if (/^[a-z]+:\/\//i.test(raw))
        throw bad('is a URL, not an image reference', 'Drop the scheme: use e.g. ghcr.io/acme/app; set `registry` for a plain-HTTP registry.');
    let rest = raw;
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!DIGEST.test(digest))
            throw bad('has a malformed digest', 'A digest looks like sha256:<64 hex digits>.');
    }
    let tag;
    const lastSlash = rest.lastIndexOf('/');
    const colon = rest.lastIndexOf(':');
    if (colon > lastSlash) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!TAG.test(tag))
            throw bad('has an invalid tag', 'A tag is 1-128 letters, digits, _, . or -, not starting with . or -.');
    }
    const parts = rest.split('/');
    let host = DOCKER_HUB;
    if (parts.length > 1 && isHost(parts[0]))
        host = parts.shift();
    if (host === 'index.docker.io' || host === DOCKER_HUB_API)
        host = DOCKER_HUB;
    if (host === DOCKER_HUB && parts.length === 1)
        parts.unshift('library');
    if (!parts.length || !parts.every((p) => COMPONENT.test(p)))
        throw bad('is not a valid repository name', 'Repository names are lower-case letters, digits and separators (. _ __ -), joined by /.');
    const repository = parts.join('/');
    if (repository.length > 255)
        throw bad('has a repository name over 255 characters');
    return { host, repository, tag, digest };
}
/** The reference's name without tag or digest: `docker.io/acme/app`. */
function imageName(ref) {
    return `${ref.host}/${ref.repository}`;
}
function formatReference(ref) {
    return `${imageName(ref)}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}
function isLoopback(host) {
    const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
    return name === 'localhost' || name === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(name);
}
/**
 * Where the registry of `host` answers: `https://<host>` (Docker Hub: registry-1.docker.io),
 * plain http for loopback hosts as Docker allows, or `override` (the `registry` setting) when
 * given, which may be http:// for a local registry. No trailing slash.
 */
function registryEndpoint(host, override) {
    if (override)
        return override.replace(/\/+$/, '');
    if (host === DOCKER_HUB)
        return `https://${DOCKER_HUB_API}`;
    return `${isLoopback(host) ? 'http' : 'https'}://${host}`;
}
/** The host[:port] of an endpoint, as docker login and config.json key it. */
function endpointHost(endpoint) {
    return new URL(endpoint).host;
}
/** A version as a Docker tag: tags cannot hold `+`, so build metadata joins with `-` (as docker/metadata-action does). */
function versionTag(version) {
    return version.replace(/\+/g, '-');
}


/***/ }),

/***/ 8513:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createClient: () => (/* binding */ createClient),
  credentialsFrom: () => (/* binding */ credentialsFrom),
  identify: () => (/* binding */ identify),
  imageName: () => (/* reexport */ oci_reference/* imageName */.tO),
  openRepository: () => (/* binding */ openRepository),
  parseImageName: () => (/* binding */ parseImageName),
  parseImageReference: () => (/* reexport */ oci_reference/* parseImageReference */.o_),
  registryEndpoint: () => (/* reexport */ oci_reference/* registryEndpoint */.Fh),
  tagPageUrl: () => (/* binding */ tagPageUrl),
  versionTag: () => (/* reexport */ oci_reference/* versionTag */.Vm)
});

// EXTERNAL MODULE: ./packages/action-kit/src/errors.ts
var errors = __webpack_require__(8826);
// EXTERNAL MODULE: ./packages/version/src/index.ts + 4 modules
var src = __webpack_require__(6193);
// EXTERNAL MODULE: ./packages/registries/src/oci-auth.ts
var oci_auth = __webpack_require__(3835);
// EXTERNAL MODULE: ./packages/registries/src/oci-reference.ts
var oci_reference = __webpack_require__(5424);
// EXTERNAL MODULE: ./packages/action-kit/src/http.ts + 1 modules
var http = __webpack_require__(3363);
// EXTERNAL MODULE: ./packages/registries/src/oci-manifests.ts
var oci_manifests = __webpack_require__(9215);
;// CONCATENATED MODULE: ./packages/registries/src/oci-repository.ts
/**
 * One repository of a registry over the OCI distribution API (manifests, blobs, tags), with
 * the registry's authentication answered on the way. Every call goes through the kit's
 * HttpClient, so timeouts and transient failures are retried with backoff.
 */




/** `<https://…/v2/acme/app/tags/list?n=100&last=x>; rel="next"` -> the next URL. */
function nextLink(header, base) {
    const match = header && /<([^>]+)>\s*;\s*rel="?next"?/.exec(header);
    return match ? new URL(match[1], base).toString() : undefined;
}
class OciRepository {
    endpoint;
    repository;
    registryName;
    http;
    auth;
    scopes;
    tagsPageSize;
    constructor(options) {
        this.tagsPageSize = options.tagsPageSize ?? 1000;
        this.http = options.http;
        this.endpoint = options.endpoint;
        this.repository = options.repository;
        this.registryName = options.registryName;
        this.auth = options.auth;
        this.scopes = [options.push ? (0,oci_auth/* pushScope */.Xu)(this.repository) : (0,oci_auth/* pullScope */.iH)(this.repository)];
    }
    url(path) {
        return `${this.endpoint}/v2/${this.repository}/${path}`;
    }
    /** Send with the cached credential; answer one 401 challenge; refuse clearly after that. */
    async send(req, extraScopes = []) {
        const scopes = [...this.scopes, ...extraScopes];
        const withAuth = (authorization) => ({
            ...req,
            headers: { ...req.headers, ...(authorization ? { authorization } : {}) },
        });
        const sent = this.auth.cached(scopes);
        let res = await this.http.request(withAuth(sent));
        if (res.status === 401) {
            // A request sent alongside may have got a credential meanwhile: use it rather than ask again.
            let authorization = this.auth.cached(scopes);
            if (!authorization || authorization === sent) {
                if (sent)
                    this.auth.forget(scopes);
                authorization = await this.auth.answer(res.headers.get('www-authenticate'), scopes);
            }
            res = await this.http.request(withAuth(authorization));
        }
        if (res.status === 401 || res.status === 403)
            throw this.refused(res, req);
        return res;
    }
    refused(res, req) {
        const write = (req.method ?? 'GET') !== 'GET' && req.method !== 'HEAD';
        if (!this.auth.hasCredentials)
            return new errors/* RegistryError */.gl(this.registryName, `requires credentials for ${write ? 'pushing to' : 'reading'} ${this.repository} and none were given (HTTP ${res.status})`, 'Set username (or DOCKER_USERNAME) and the password or token (token input or DOCKER_PASSWORD).', res.status);
        return new errors/* RegistryError */.gl(this.registryName, `${res.status === 401 ? 'did not accept the credentials' : 'denied access'} for ${write ? 'pushing to' : 'reading'} ${this.repository} (HTTP ${res.status}${this.errorDetail(res)})`, write
            ? 'Check username / DOCKER_USERNAME and the password or token (DOCKER_PASSWORD): it needs write access to this repository.'
            : 'Check the image name and the credentials (username / DOCKER_USERNAME, DOCKER_PASSWORD).', res.status);
    }
    errorDetail(res) {
        try {
            const first = res.json().errors?.[0];
            return first ? `: ${[first.code, first.message].filter(Boolean).join(' ')}` : '';
        }
        catch {
            return '';
        }
    }
    /** A RegistryError for an answer we did not expect, with the registry's own error code. */
    unexpected(res, what) {
        return new errors/* RegistryError */.gl(this.registryName, `${what} in ${this.repository} failed (HTTP ${res.status}${this.errorDetail(res)})`, undefined, res.status);
    }
    /** The digest a tag (or digest) resolves to, or undefined when there is none. */
    async headManifest(reference) {
        const res = await this.send({
            method: 'HEAD',
            url: this.url(`manifests/${reference}`),
            headers: { accept: oci_manifests/* MANIFEST_ACCEPT */.dY },
        });
        if (res.status === 404)
            return undefined;
        if (!res.ok)
            throw this.unexpected(res, `HEAD manifest ${reference}`);
        const digest = res.headers.get('docker-content-digest');
        // A registry that omits the digest on HEAD: read the manifest itself.
        if (!digest) {
            const manifest = await this.getManifest(reference);
            return (manifest && { digest: manifest.digest, mediaType: manifest.mediaType, size: manifest.bytes.length });
        }
        return {
            digest,
            mediaType: res.headers.get('content-type')?.split(';')[0] ?? '',
            size: Number(res.headers.get('content-length') ?? 0),
        };
    }
    async getManifest(reference) {
        const res = await this.send({
            url: this.url(`manifests/${reference}`),
            headers: { accept: oci_manifests/* MANIFEST_ACCEPT */.dY },
        });
        if (res.status === 404)
            return undefined;
        if (!res.ok)
            throw this.unexpected(res, `GET manifest ${reference}`);
        const digest = (0,oci_manifests/* sha256Digest */.sI)(res.body);
        if (reference.includes(':') && reference.startsWith('sha256:') && reference !== digest)
            throw new errors/* RegistryError */.gl(this.registryName, `served manifest ${reference} with content of digest ${digest}`);
        return { bytes: res.body, mediaType: (0,oci_manifests/* manifestKind */.QS)(res.headers.get('content-type'), res.body), digest };
    }
    /** PUT the exact bytes under `reference` (a tag, or the digest for a child manifest). */
    async putManifest(reference, manifest) {
        const res = await this.send({
            method: 'PUT',
            url: this.url(`manifests/${reference}`),
            headers: { 'content-type': manifest.mediaType },
            body: manifest.bytes,
        });
        if (res.status !== 201 && !res.ok)
            throw this.unexpected(res, `PUT manifest ${reference}`);
    }
    async hasBlob(digest) {
        const res = await this.send({ method: 'HEAD', url: this.url(`blobs/${digest}`) });
        if (res.status === 404)
            return false;
        if (!res.ok)
            throw this.unexpected(res, `HEAD blob ${digest}`);
        return true;
    }
    async getBlob(digest) {
        const res = await this.send({ url: this.url(`blobs/${digest}`) });
        if (!res.ok)
            throw this.unexpected(res, `GET blob ${digest}`);
        const actual = (0,oci_manifests/* sha256Digest */.sI)(res.body);
        if (digest.startsWith('sha256:') && actual !== digest)
            throw new errors/* RegistryError */.gl(this.registryName, `served blob ${digest} with content of digest ${actual}`);
        return res.body;
    }
    /**
     * Open an upload session (POST), optionally as a cross-repository mount. Retrying the POST
     * is safe; before a retry we ask whether the blob arrived meanwhile (then we are done).
     */
    async startUpload(digest, query, extraScopes = []) {
        try {
            return await this.send({
                method: 'POST',
                url: this.url(`blobs/uploads/${query}`),
                headers: { 'content-length': '0' },
                beforeRetry: async () => !(await this.hasBlob(digest)),
            }, extraScopes);
        }
        catch (error) {
            if (error instanceof http/* AlreadyDoneSignal */.lT)
                return 'present';
            throw error;
        }
    }
    /** Upload a blob: POST to open the session, PUT ?digest= with the bytes to finish it. */
    async uploadBlob(digest, data) {
        const started = await this.startUpload(digest, '');
        if (started === 'present')
            return;
        if (started.status !== 202)
            throw this.unexpected(started, `starting the upload of ${digest}`);
        await this.finishUpload(started, digest, data);
    }
    async finishUpload(started, digest, data) {
        const location = started.headers.get('location');
        if (!location)
            throw new errors/* RegistryError */.gl(this.registryName, `opened an upload of ${digest} without a Location header`);
        const url = new URL(location, this.endpoint);
        url.searchParams.set('digest', digest);
        const res = await this.send({
            method: 'PUT',
            url: url.toString(),
            headers: { 'content-type': 'application/octet-stream' },
            body: data,
        });
        // A retried PUT whose first attempt landed finds its session gone: the blob is there.
        if (res.status === 404 && (await this.hasBlob(digest)))
            return;
        if (res.status !== 201 && !res.ok)
            throw this.unexpected(res, `uploading ${digest}`);
    }
    /**
     * Mount a blob from another repository of the same registry (no bytes sent). Returns false
     * when the registry would not mount it (it answers 202 with an ordinary upload instead).
     */
    async mountBlob(digest, fromRepository) {
        const query = `?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(fromRepository)}`;
        const res = await this.startUpload(digest, query, [(0,oci_auth/* pullScope */.iH)(fromRepository)]);
        if (res === 'present' || res.status === 201)
            return true;
        if (res.status === 202) {
            // Close the session the registry opened instead; a leftover one is harmless if this fails.
            const location = res.headers.get('location');
            if (location)
                await this.send({
                    method: 'DELETE',
                    url: new URL(location, this.endpoint).toString(),
                    retries: 0,
                }).catch(() => undefined);
            return false;
        }
        throw this.unexpected(res, `mounting ${digest} from ${fromRepository}`);
    }
    /** Every tag, following the registry's Link pagination; [] when the repository does not exist. */
    async listTags() {
        const tags = [];
        let url = this.url(`tags/list?n=${this.tagsPageSize}`);
        for (let page = 0; url && page < 1000; page++) {
            const res = await this.send({ url, headers: { accept: 'application/json' } });
            if (res.status === 404)
                return tags;
            if (!res.ok)
                throw this.unexpected(res, 'listing tags');
            tags.push(...(res.json().tags ?? []));
            url = nextLink(res.headers.get('link'), this.endpoint);
        }
        return tags;
    }
}

;// CONCATENATED MODULE: ./packages/registries/src/oci.ts
/**
 * Docker / OCI registries (Docker Hub, GHCR, Quay, ECR, a local distribution...): what is
 * published, read from the tags (`/v2/<repo>/tags/list`) and manifests (`HEAD
 * /v2/<repo>/manifests/<tag>`), the way `docker pull` reads them. A target's name is the image
 * reference without tag: docker.io/acme/app, ghcr.io/o/a, 127.0.0.1:5000/acme/app, acme/app.
 */






/** A repository client for an image reference. */
function openRepository(ref, options) {
    const endpoint = (0,oci_reference/* registryEndpoint */.Fh)(ref.host, options.registry);
    return new OciRepository({
        http: options.http,
        endpoint,
        registryName: ref.host,
        repository: ref.repository,
        auth: options.auth ?? new oci_auth/* RegistryAuth */.gr(options.http, ref.host, options.credentials),
        push: options.push,
    });
}
/** Parse a target name: an image reference without tag or digest. */
function parseImageName(name, input = 'image') {
    const ref = (0,oci_reference/* parseImageReference */.o_)(name, input);
    if (ref.tag || ref.digest)
        throw errors/* InputError */.dz.bad(input, name, 'names a tag or digest', `Give the image name only (e.g. ${(0,oci_reference/* imageName */.tO)(ref)}); the tags come from the version and 'tags'.`);
    return ref;
}
/** Credentials from a user name and a password or token; undefined unless both are there. */
function credentialsFrom(username, password) {
    return username && password ? { username, password } : undefined;
}
/** A page a person can open for a tag. */
function tagPageUrl(ref, tag, endpoint) {
    const [owner, ...rest] = ref.repository.split('/');
    if (ref.host === oci_reference/* DOCKER_HUB */.Xb)
        return owner === 'library'
            ? `https://hub.docker.com/_/${rest.join('/')}/tags?name=${tag}`
            : `https://hub.docker.com/r/${ref.repository}/tags?name=${tag}`;
    // ghcr.io sends a browser on to the package's page on GitHub.
    if (ref.host === 'ghcr.io')
        return `https://ghcr.io/${ref.repository}`;
    if (ref.host === 'quay.io')
        return `https://quay.io/repository/${ref.repository}?tab=tags&tag=${tag}`;
    return `${endpoint}/v2/${ref.repository}/manifests/${tag}`;
}
function createClient(name, options) {
    const ref = parseImageName(name);
    const username = options.username || options.env?.DOCKER_USERNAME || undefined;
    const repo = openRepository(ref, {
        http: options.http,
        registry: options.registry,
        credentials: credentialsFrom(username, options.token),
    });
    let tags;
    const allTags = () => (tags ??= repo.listTags());
    return {
        id: `docker:${(0,oci_reference/* imageName */.tO)(ref)}`,
        registry: repo.endpoint,
        exists: async (version) => (await repo.headManifest((0,oci_reference/* versionTag */.Vm)(version))) !== undefined,
        versions: async () => (await allTags()).filter((tag) => (0,src/* parseSemVer */.IX)(tag)),
        latest: async () => (0,src/* highestStable */.Ij)(await allTags()),
        url: (version) => tagPageUrl(ref, (0,oci_reference/* versionTag */.Vm)(version), repo.endpoint),
    };
}
function identify(settings) {
    const image = typeof settings.image === 'string' ? settings.image : '';
    if (!image)
        throw errors/* InputError */.dz.missing('image', 'Name the image, e.g. docker.io/acme/app.');
    const ref = parseImageName(image);
    return {
        name: (0,oci_reference/* imageName */.tO)(ref),
        registry: typeof settings.registry === 'string' ? settings.registry : undefined,
    };
}


/***/ })

};
