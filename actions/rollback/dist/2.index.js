export const id = 2;
export const ids = [2];
export const modules = {

/***/ 380:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ getIdToken),
/* harmony export */   r: () => (/* binding */ oidcAvailable)
/* harmony export */ });
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4917);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5736);
/**
 * GitHub Actions OIDC: an ID token for trusted publishing, available when the job grants
 * `id-token: write` (the runner then sets ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN).
 */


function oidcAvailable(env = process.env) {
    return Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
}
async function getIdToken(audience, http = new _http_js__WEBPACK_IMPORTED_MODULE_0__/* .HttpClient */ .Qq(), env = process.env) {
    if (!oidcAvailable(env))
        throw new Error('no OIDC token: the job needs `permissions: id-token: write`');
    (0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .addSecret */ .Ck)(env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
    const url = new URL(env.ACTIONS_ID_TOKEN_REQUEST_URL);
    url.searchParams.set('audience', audience);
    const res = await http.request({
        url,
        headers: { authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}`, accept: 'application/json' },
    });
    if (!res.ok)
        throw new Error(`the runner refused an OIDC token (HTTP ${res.status})`);
    const value = res.json().value;
    if (!value)
        throw new Error('the runner returned no OIDC token');
    (0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .addSecret */ .Ck)(value);
    return value;
}


/***/ }),

/***/ 5030:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publish: () => (/* binding */ publish)
});

// EXTERNAL MODULE: ./packages/action-kit/src/errors.ts
var errors = __webpack_require__(8826);
// EXTERNAL MODULE: ./packages/action-kit/src/http.ts
var http = __webpack_require__(4917);
// EXTERNAL MODULE: ./packages/action-kit/src/secrets.ts
var secrets = __webpack_require__(5736);
// EXTERNAL MODULE: ./packages/registries/src/pypi.ts
var pypi = __webpack_require__(353);
// EXTERNAL MODULE: ./packages/publishers/src/pypi-distribution.ts + 4 modules
var pypi_distribution = __webpack_require__(6257);
// EXTERNAL MODULE: ./packages/publishers/src/pypi-files.ts
var pypi_files = __webpack_require__(1541);
// EXTERNAL MODULE: ./packages/publishers/src/pypi-metadata.ts
var pypi_metadata = __webpack_require__(3437);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./packages/publishers/src/pypi-multipart.ts
/**
 * multipart/form-data (RFC 7578) for PyPI's upload API: text fields as UTF-8, the file as
 * `content` with its name, exactly the shape twine sends through requests-toolbelt.
 */

/** Quote a header parameter value: backslash-escape `"` and `\`, no line breaks. */
const quote = (value) => `"${value.replace(/[\r\n]/g, ' ').replace(/(["\\])/g, '\\$1')}"`;
function buildMultipart(fields, file) {
    const boundary = `----deploy-actions-${(0,external_node_crypto_.randomBytes)(16).toString('hex')}`;
    const chunks = [];
    for (const [name, value] of fields) {
        chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name=${quote(name)}\r\n\r\n`, 'utf8'));
        chunks.push(Buffer.from(value, 'utf8'), Buffer.from('\r\n'));
    }
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name=${quote(file.field)}; filename=${quote(file.filename)}\r\n` +
        `Content-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`, 'utf8'), file.data, Buffer.from(`\r\n--${boundary}--\r\n`));
    return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

// EXTERNAL MODULE: ./packages/action-kit/src/oidc.ts
var oidc = __webpack_require__(380);
;// CONCATENATED MODULE: ./packages/publishers/src/pypi-oidc.ts
/**
 * PyPI trusted publishing: trade the job's GitHub OIDC ID token for a short-lived upload token.
 * `GET {registry}/_/oidc/audience` -> `{audience}`; the runner's ID token for that audience;
 * `POST {registry}/_/oidc/mint-token` with `{"token": <ID token>}` -> `{"token": <upload token>}`.
 * `/_/oidc/mint-token` is the endpoint PyPI's documentation gives for the manual exchange;
 * `/_/oidc/github/mint-token` (what older pypa/gh-action-pypi-publish releases call) is tried
 * only when an index answers 404 to the first.
 */



const MINT_TOKEN_PATHS = ['_/oidc/mint-token', '_/oidc/github/mint-token'];
const TRUSTED_PUBLISHER_HINT = 'Add this repository and workflow as a trusted publisher in the project settings on PyPI (Publishing), ' +
    'or pass an API token through `token` or PYPI_TOKEN.';
function mintFailure(body) {
    try {
        const parsed = JSON.parse(body);
        const reasons = (parsed.errors ?? []).map((e) => `${e.code ?? 'error'}: ${e.description ?? ''}`.trim());
        return [parsed.message, ...reasons].filter(Boolean).join('; ');
    }
    catch {
        return body.slice(0, 200);
    }
}
/** An upload token minted by trusted publishing; undefined when the job has no OIDC. */
async function trustedPublishingToken(registry, label, http, env) {
    if (!(0,oidc/* oidcAvailable */.r)(env))
        return undefined;
    const audienceRes = await http.request({
        url: `${registry}_/oidc/audience`,
        headers: { accept: 'application/json' },
    });
    if (!audienceRes.ok)
        throw new errors/* RegistryError */.gl(label, `does not offer trusted publishing (GET _/oidc/audience answered HTTP ${audienceRes.status})`, 'Pass an API token through `token` or PYPI_TOKEN.', audienceRes.status);
    const audience = audienceRes.json().audience;
    if (!audience)
        throw new errors/* RegistryError */.gl(label, 'its _/oidc/audience answer has no audience');
    const idToken = await (0,oidc/* getIdToken */.p)(audience, http, env);
    for (const path of MINT_TOKEN_PATHS) {
        const res = await http.request({
            method: 'POST',
            url: `${registry}${path}`,
            headers: { 'content-type': 'application/json', accept: 'application/json' },
            body: JSON.stringify({ token: idToken }),
            // Minting twice is harmless (each token expires on its own), so a failed attempt may be retried.
            beforeRetry: async () => true,
        });
        if (res.status === 404)
            continue;
        if (!res.ok)
            throw new errors/* RegistryError */.gl(label, `refused the trusted publishing exchange (HTTP ${res.status}: ${mintFailure(res.text())})`, TRUSTED_PUBLISHER_HINT, res.status);
        const token = res.json().token;
        if (!token)
            throw new errors/* RegistryError */.gl(label, 'the trusted publishing exchange returned no token');
        (0,secrets/* addSecret */.Ck)(token);
        return token;
    }
    throw new errors/* RegistryError */.gl(label, 'has no trusted publishing token endpoint (_/oidc/mint-token answered 404)', TRUSTED_PUBLISHER_HINT, 404);
}

;// CONCATENATED MODULE: ./packages/publishers/src/pypi.ts
/**
 * Publish wheels and sdists to PyPI (or any index with Warehouse's legacy upload API) without
 * Python: metadata read from the files, the upload form built as twine builds it.
 *
 * Idempotent per file: PyPI's JSON API says which files of the version are there, and only the
 * missing ones are sent, so a rerun after a half-finished upload completes it. PyPI never
 * accepts a file name twice, so `force` with any file already there is an error. After a failed
 * upload (5xx, reset, timeout) the JSON API is asked whether the file landed before it is sent
 * again.
 */









const AUTH_HINT = 'Use a PyPI API token (it starts with pypi-) that may upload to this project, through `token` or PYPI_TOKEN; ' +
    'it is sent as the password of the user __token__. Or set up trusted publishing for this workflow.';
const asList = (value) => Array.isArray(value) ? value.map(String) : typeof value === 'string' && value ? [value] : [];
/** The message of a refused upload: Warehouse puts it in the body (plain text or simple HTML). */
function refusal(body) {
    const text = body
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}
function loadDistributions(settings, ctx, pep440) {
    const patterns = asList(settings.dist);
    const globs = patterns.length ? patterns : ['dist/*'];
    const files = (0,pypi_files/* expandGlobs */.G)(ctx.workspace, globs).filter((file) => {
        if (!(0,pypi_distribution/* isCompanionFile */.jq)(file))
            return true;
        ctx.reporter.debug(`${file}: a signature or attestation, not uploaded on its own`);
        return false;
    });
    if (!files.length)
        throw errors/* InputError */.dz.bad('dist', globs.join(', '), `matched no wheel or sdist in ${ctx.workspace}`, 'Build the distributions first (e.g. python -m build), or fix the `dist` globs.');
    const dists = files.map((file) => {
        try {
            return (0,pypi_distribution/* readDistribution */.xF)(file);
        }
        catch (caught) {
            if (caught instanceof pypi_distribution/* DistributionError */.hB)
                throw errors/* InputError */.dz.bad('dist', caught.file, caught.message.slice(caught.file.length + 2), 'Point the `dist` globs at wheels (.whl) and sdists (.tar.gz) only.');
            throw caught;
        }
    });
    const project = typeof settings.package === 'string' && settings.package ? settings.package : dists[0].name;
    const seen = new Map();
    for (const dist of dists) {
        if ((0,pypi.normalizeProjectName)(dist.name) !== (0,pypi.normalizeProjectName)(project))
            throw errors/* InputError */.dz.bad('dist', dist.filename, `belongs to the project ${dist.name}, not ${project}`, 'Upload one project per target: narrow the `dist` globs or fix `package`.');
        if ((0,pypi.canonicalPep440)(dist.version) !== (0,pypi.canonicalPep440)(pep440))
            throw errors/* InputError */.dz.bad('dist', dist.filename, `is version ${dist.version}, but the release is ${ctx.version.version} (${pep440} in PEP 440)`, 'Rebuild the distributions for this version, or set `version` to the version they were built for.');
        const twin = seen.get(dist.filename);
        if (twin && twin.sha256 !== dist.sha256)
            throw errors/* InputError */.dz.bad('dist', dist.filename, `is matched twice with different contents (${twin.path} and ${dist.path})`);
        seen.set(dist.filename, dist);
    }
    return [...seen.values()];
}
function uploadForm(dist) {
    return [
        [':action', 'file_upload'],
        ['protocol_version', '1'],
        ...(0,pypi_metadata/* metadataFormFields */.bm)(dist.metadata),
        ['filetype', dist.filetype],
        ['pyversion', dist.pyversion],
        ['md5_digest', dist.md5],
        ['sha256_digest', dist.sha256],
        ['blake2_256_digest', dist.blake2_256],
    ];
}
/** The index's copy of the file, if it has one; a different file under the name is an error. */
async function landed(up, dist) {
    const remote = (await up.client.files(up.pep440)).find((f) => f.filename === dist.filename);
    if (!remote)
        return false;
    if (remote.sha256 && remote.sha256 !== dist.sha256)
        throw new errors/* RegistryError */.gl(up.label, `${dist.filename} is already there with different contents (sha256 ${remote.sha256}): PyPI forbids re-uploading a file`, 'File names on PyPI are immutable: publish a new version (e.g. a .post release) with the changed files.');
    return true;
}
/** Upload one file; returns a note when it turned out to be there already. */
async function uploadOne(up, dist) {
    const { body, contentType } = buildMultipart(uploadForm(dist), {
        field: 'content',
        filename: dist.filename,
        data: dist.content,
    });
    up.ctx.reporter.info(`Uploading ${dist.filename} (${(dist.content.length / 1024).toFixed(1)} KiB) to ${up.uploadUrl}`);
    let res;
    try {
        res = await up.ctx.http.request({
            method: 'POST',
            url: up.uploadUrl,
            headers: { authorization: (0,http/* basicAuth */.tB)('__token__', up.token), 'content-type': contentType },
            body,
            // Large files get more time than the default per attempt (at least 512 KiB/s).
            timeoutMs: dist.content.length > 8 * 1024 * 1024 ? 30_000 + Math.ceil(dist.content.length / 512) : undefined,
            beforeRetry: async (reason) => {
                if (await landed(up, dist))
                    return false;
                up.ctx.reporter.info(`${dist.filename}: ${reason}; it is not on the index, sending it again`);
                return true;
            },
        });
    }
    catch (caught) {
        if (caught instanceof http/* AlreadyDoneSignal */.lT)
            return `${dist.filename}: landed despite ${caught.reason}`;
        if (caught instanceof http/* TransientHttpError */.jt) {
            if (await landed(up, dist))
                return `${dist.filename}: landed despite ${caught.reason}`;
            throw new Error(`uploading ${dist.filename} to ${up.uploadUrl} failed: ${caught.message}`);
        }
        throw caught;
    }
    if (res.ok)
        return undefined;
    const message = refusal(res.text());
    if (res.status === 400 && /file already exists/i.test(message)) {
        // Another run uploaded it between our check and our upload; the same bytes are fine.
        if (await landed(up, dist))
            return `${dist.filename}: uploaded meanwhile by another run`;
    }
    if (res.status === 401 || res.status === 403)
        throw new errors/* RegistryError */.gl(up.label, `refused the upload of ${dist.filename} (HTTP ${res.status}: ${message})`, AUTH_HINT, res.status);
    throw new errors/* RegistryError */.gl(up.label, `refused ${dist.filename} (HTTP ${res.status}: ${message})`, res.status === 400
        ? "Fix what the index names in the distribution's metadata or file name, rebuild, and publish again."
        : undefined, res.status);
}
const publish = async (settings, ctx) => {
    const pep440 = ctx.version.pep440;
    if (!pep440)
        throw errors/* InputError */.dz.bad('version', ctx.version.version, 'has no PEP 440 form, so PyPI cannot take it', 'Use a prerelease PEP 440 knows: -alpha.N, -beta.N, -rc.N, -dev.N or -post.N.');
    const registry = (0,pypi.registryBase)(typeof settings.registry === 'string' ? settings.registry : undefined);
    const label = (0,pypi.registryLabel)(registry);
    const uploadUrl = typeof settings['repository-url'] === 'string' && settings['repository-url']
        ? settings['repository-url']
        : (0,pypi.defaultUploadUrl)(registry);
    const dists = loadDistributions(settings, ctx, pep440);
    const project = typeof settings.package === 'string' && settings.package ? settings.package : dists[0].name;
    const client = (0,pypi.createClient)(project, { http: ctx.http, registry, reporter: ctx.reporter });
    const url = client.url(pep440);
    const digest = dists.map((d) => `${d.sha256}  ${d.filename}`).join('\n');
    const remote = new Map((await client.files(pep440)).map((f) => [f.filename, f]));
    const present = dists.filter((d) => remote.has(d.filename));
    const missing = dists.filter((d) => !remote.has(d.filename));
    if (ctx.force && present.length)
        throw new errors/* RegistryError */.gl(label, `PyPI forbids re-uploading a file: ${present.map((d) => d.filename).join(', ')} ${present.length === 1 ? 'is' : 'are'} already published for ${project} ${pep440}`, 'Files on PyPI are immutable even with force: publish a new version (e.g. a .post release) instead.');
    const notes = present.map((d) => {
        const theirs = remote.get(d.filename).sha256;
        if (theirs && theirs !== d.sha256)
            ctx.reporter.warning(`${d.filename} on ${label} differs from the local file (sha256 ${theirs}); it is kept as it is`);
        return `${d.filename}: already on ${label}`;
    });
    if (!missing.length)
        return {
            status: 'skipped',
            url,
            digest,
            notes: [`${project} ${pep440}: every file is already published`, ...notes],
        };
    if (ctx.dryRun)
        return {
            status: 'dry-run',
            url,
            digest,
            notes: [...missing.map((d) => `${d.filename}: would be uploaded to ${uploadUrl}`), ...notes],
        };
    const token = ctx.token ?? (await trustedPublishingToken(registry, label, ctx.http, ctx.env));
    if (!token)
        throw errors/* InputError */.dz.missing('token', 'Set PYPI_TOKEN (or the `token` input) to a PyPI API token, or grant `permissions: id-token: write` for trusted publishing.');
    (0,secrets/* addSecret */.Ck)(token);
    const up = { client, uploadUrl, label, token, pep440, ctx };
    const uploaded = [];
    for (const dist of missing)
        uploaded.push((await uploadOne(up, dist)) ?? `${dist.filename}: uploaded`);
    return { status: 'published', url, digest, notes: [...uploaded, ...notes] };
};


/***/ }),

/***/ 6193:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ex: () => (/* reexport */ VERSION_SOURCES),
  Cg: () => (/* reexport */ compareSemVer),
  cS: () => (/* reexport */ detectVersion),
  Ij: () => (/* reexport */ highestStable),
  Z$: () => (/* reexport */ highestStablePep440),
  OO: () => (/* reexport */ isHighestStable),
  MQ: () => (/* reexport */ isStable),
  ZD: () => (/* reexport */ normalizePep440),
  bg: () => (/* reexport */ parseAll),
  IX: () => (/* reexport */ semver_parseSemVer),
  tj: () => (/* reexport */ toPep440),
  Rk: () => (/* reexport */ validateTagPrefix)
});

// UNUSED EXPORTS: DEFAULT_SOURCES, MANIFEST_SOURCES, VersionMismatchError, comparePep440, formatSemVer, isPep440Stable, parsePep440, parseSources, readManifestVersion, requireSemVer

;// CONCATENATED MODULE: ./packages/version/src/semver.ts
/** Strict SemVer 2.0: parsing, ordering, and the "highest stable" rule used for `latest`. */
// The regular expression published with the SemVer 2.0 specification.
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
function semver_parseSemVer(text) {
    const match = SEMVER.exec(text);
    if (!match)
        return undefined;
    const [major, minor, patch] = [match[1], match[2], match[3]].map(Number);
    if (![major, minor, patch].every(Number.isSafeInteger))
        return undefined;
    return {
        raw: text,
        major,
        minor,
        patch,
        prerelease: match[4] ? match[4].split('.') : [],
        build: match[5] ? match[5].split('.') : [],
    };
}
const isStable = (v) => v.prerelease.length === 0;
function compareIdentifiers(a, b) {
    const an = /^\d+$/.test(a);
    const bn = /^\d+$/.test(b);
    if (an && bn)
        return Math.sign(Number(a) - Number(b));
    if (an)
        return -1;
    if (bn)
        return 1;
    return a < b ? -1 : a > b ? 1 : 0;
}
/** SemVer precedence; build metadata is ignored. */
function compareSemVer(a, b) {
    for (const key of ['major', 'minor', 'patch'])
        if (a[key] !== b[key])
            return Math.sign(a[key] - b[key]);
    if (!a.prerelease.length || !b.prerelease.length)
        return Math.sign(b.prerelease.length - a.prerelease.length);
    for (let i = 0; i < Math.max(a.prerelease.length, b.prerelease.length); i++) {
        if (a.prerelease[i] === undefined)
            return -1;
        if (b.prerelease[i] === undefined)
            return 1;
        const c = compareIdentifiers(a.prerelease[i], b.prerelease[i]);
        if (c)
            return c;
    }
    return 0;
}
/** Parse what can be parsed, ignore the rest (registries hold all sorts of strings). */
function parseAll(versions) {
    const out = [];
    for (const v of versions) {
        const parsed = semver_parseSemVer(v);
        if (parsed)
            out.push(parsed);
    }
    return out;
}
/** The highest stable version, or undefined. */
function highestStable(versions) {
    let best;
    for (const v of parseAll(versions))
        if (isStable(v) && (!best || compareSemVer(v, best) > 0))
            best = v;
    return best?.raw;
}
/**
 * Whether `version` may take a floating tag over the versions already published: stable, and
 * not lower than the highest stable among `published` restricted by `sameLine` (e.g. only the
 * 1.x versions for the `1` tag). An equal version counts (a rerun keeps its tag).
 */
function isHighestStable(version, published, sameLine) {
    if (!isStable(version))
        return false;
    for (const other of parseAll(published)) {
        if (!isStable(other) || (sameLine && !sameLine(other)))
            continue;
        if (compareSemVer(other, version) > 0)
            return false;
    }
    return true;
}
function formatSemVer(v) {
    return `${v.major}.${v.minor}.${v.patch}${v.prerelease.length ? `-${v.prerelease.join('.')}` : ''}${v.build.length ? `+${v.build.join('.')}` : ''}`;
}

;// CONCATENATED MODULE: ./packages/version/src/pep440.ts
const PRE_LABELS = {
    a: 'a',
    alpha: 'a',
    b: 'b',
    beta: 'b',
    c: 'rc',
    rc: 'rc',
    pre: 'rc',
    preview: 'rc',
};
/**
 * `1.2.3-rc.1` -> `1.2.3rc1`, `-alpha.2` -> `a2`, `-beta.3` -> `b3`, `-dev.4` -> `.dev4`,
 * `-rc.1.dev.2` -> `rc1.dev2`, `+build.5` kept as the local version `+build.5`.
 * Undefined when the prerelease has no PEP 440 equivalent (e.g. `-foo.1`).
 */
function toPep440(v) {
    let out = `${v.major}.${v.minor}.${v.patch}`;
    const ids = [...v.prerelease];
    let pre = '';
    let post = '';
    let dev = '';
    while (ids.length) {
        const id = ids.shift().toLowerCase();
        const glued = /^([a-z]+)(\d+)$/.exec(id);
        const label = glued ? glued[1] : id;
        let number = glued ? glued[2] : undefined;
        if (number === undefined && ids.length && /^\d+$/.test(ids[0]))
            number = ids.shift();
        const n = String(Number(number ?? '0'));
        if (PRE_LABELS[label] && !pre && !post && !dev)
            pre = `${PRE_LABELS[label]}${n}`;
        else if ((label === 'post' || label === 'rev' || label === 'r') && !post && !dev)
            post = `.post${n}`;
        else if (label === 'dev' && !dev)
            dev = `.dev${n}`;
        else
            return undefined;
    }
    out += pre + post + dev;
    if (v.build.length)
        out += `+${v.build.join('.').toLowerCase().replace(/[-_]/g, '.')}`;
    return out;
}
const PEP440 = /^v?(?:(\d+)!)?(\d+(?:\.\d+)*)(?:[-_.]?(a|alpha|b|beta|c|rc|pre|preview)[-_.]?(\d+)?)?(?:-(\d+)|[-_.]?(post|rev|r)[-_.]?(\d+)?)?(?:[-_.]?(dev)[-_.]?(\d+)?)?(?:\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?$/i;
function parsePep440(text) {
    const m = PEP440.exec(text.trim());
    if (!m)
        return undefined;
    const v = { epoch: Number(m[1] ?? 0), release: m[2].split('.').map(Number) };
    if (m[3])
        v.pre = [PRE_LABELS[m[3].toLowerCase()], Number(m[4] ?? 0)];
    if (m[5] !== undefined)
        v.post = Number(m[5]);
    else if (m[6])
        v.post = Number(m[7] ?? 0);
    if (m[8])
        v.dev = Number(m[9] ?? 0);
    if (m[10])
        v.local = m[10].toLowerCase().replace(/[-_]/g, '.');
    return v;
}
/** The canonical string of a PEP 440 version (what PyPI shows). */
function normalizePep440(text) {
    const v = parsePep440(text);
    if (!v)
        return undefined;
    let out = `${v.epoch ? `${v.epoch}!` : ''}${v.release.join('.')}`;
    if (v.pre)
        out += `${v.pre[0]}${v.pre[1]}`;
    if (v.post !== undefined)
        out += `.post${v.post}`;
    if (v.dev !== undefined)
        out += `.dev${v.dev}`;
    if (v.local)
        out += `+${v.local}`;
    return out;
}
/** Order per PEP 440 (dev < pre < final < post; local ignored beyond equality). */
function comparePep440(a, b) {
    if (a.epoch !== b.epoch)
        return Math.sign(a.epoch - b.epoch);
    for (let i = 0; i < Math.max(a.release.length, b.release.length); i++) {
        const d = (a.release[i] ?? 0) - (b.release[i] ?? 0);
        if (d)
            return Math.sign(d);
    }
    const key = (v) => {
        // phase: 0 = dev of final with no pre, 1 = pre, 2 = final, then post
        const order = { a: 0, b: 1, rc: 2 };
        const preKey = v.pre
            ? [1, order[v.pre[0]], v.pre[1]]
            : v.post === undefined && v.dev !== undefined
                ? [0, 0, 0]
                : [2, 0, 0];
        return [...preKey, v.post ?? -1, v.dev ?? Number.MAX_SAFE_INTEGER];
    };
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++)
        if (ka[i] !== kb[i])
            return Math.sign(ka[i] - kb[i]);
    return 0;
}
const isPep440Stable = (v) => !v.pre && v.dev === undefined;
function highestStablePep440(versions) {
    let best;
    for (const text of versions) {
        const v = parsePep440(text);
        if (v && isPep440Stable(v) && (!best || comparePep440(v, best.v) > 0))
            best = { text, v };
    }
    return best?.text;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/smol-toml/dist/index.js + 8 modules
var dist = __webpack_require__(3292);
// EXTERNAL MODULE: ./packages/action-kit/src/errors.ts
var errors = __webpack_require__(8826);
;// CONCATENATED MODULE: ./packages/version/src/manifests.ts
/** Reading the version a project's manifests declare. */




const MANIFEST_SOURCES = ['package.json', 'Cargo.toml', 'pyproject.toml', 'VERSION'];
const isTable = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
function readToml(file) {
    try {
        return (0,dist/* parse */.qg)((0,external_node_fs_.readFileSync)(file, 'utf8'));
    }
    catch (caught) {
        const line = caught.line;
        throw new errors/* ConfigError */.xL(file, line, undefined, `is not valid TOML: ${caught.message.split('\n')[0]}`);
    }
}
function stringVersion(file, key, value) {
    if (value === undefined)
        return undefined;
    if (typeof value !== 'string')
        throw new errors/* ConfigError */.xL(file, undefined, key, 'must be a string');
    return value.trim();
}
function packageJson(file) {
    let data;
    try {
        data = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
    }
    catch (caught) {
        throw new errors/* ConfigError */.xL(file, undefined, undefined, `is not valid JSON: ${caught.message}`);
    }
    return isTable(data) ? stringVersion(file, 'version', data.version) : undefined;
}
/** The workspace root above `start` (a Cargo.toml with [workspace]), for `version.workspace = true`. */
function cargoWorkspaceVersion(start) {
    for (let dir = start;; dir = (0,external_node_path_.dirname)(dir)) {
        const file = (0,external_node_path_.join)(dir, 'Cargo.toml');
        if ((0,external_node_fs_.existsSync)(file)) {
            const toml = readToml(file);
            const ws = toml.workspace;
            if (isTable(ws)) {
                const pkg = ws.package;
                const version = isTable(pkg)
                    ? stringVersion(file, 'workspace.package.version', pkg.version)
                    : undefined;
                if (!version)
                    throw new errors/* ConfigError */.xL(file, undefined, 'workspace.package.version', 'is missing, but a member inherits it');
                return version;
            }
        }
        if ((0,external_node_path_.dirname)(dir) === dir)
            return undefined;
    }
}
function cargoToml(file) {
    const toml = readToml(file);
    const pkg = toml.package;
    if (isTable(pkg)) {
        const v = pkg.version;
        if (isTable(v) && v.workspace === true) {
            const inherited = cargoWorkspaceVersion((0,external_node_path_.dirname)((0,external_node_path_.resolve)(file)));
            if (!inherited)
                throw new errors/* ConfigError */.xL(file, undefined, 'package.version', 'inherits from a workspace that was not found');
            return inherited;
        }
        return stringVersion(file, 'package.version', v);
    }
    const ws = toml.workspace;
    if (isTable(ws) && isTable(ws.package))
        return stringVersion(file, 'workspace.package.version', ws.package.version);
    return undefined;
}
function pyprojectToml(file) {
    const toml = readToml(file);
    const project = toml.project;
    if (isTable(project) && project.version !== undefined)
        return stringVersion(file, 'project.version', project.version);
    const tool = toml.tool;
    const poetry = isTable(tool) ? tool.poetry : undefined;
    if (isTable(poetry))
        return stringVersion(file, 'tool.poetry.version', poetry.version);
    return undefined;
}
const READERS = {
    'package.json': packageJson,
    'Cargo.toml': cargoToml,
    'pyproject.toml': pyprojectToml,
    VERSION: (file) => (0,external_node_fs_.readFileSync)(file, 'utf8').trim() || undefined,
};
/** The version a manifest in `dir` declares; undefined when the file is absent or names none. */
function readManifestVersion(dir, source) {
    const file = (0,external_node_path_.join)(dir, source);
    if (!(0,external_node_fs_.existsSync)(file))
        return undefined;
    const version = READERS[source](file);
    return version ? { source, file, version } : undefined;
}

;// CONCATENATED MODULE: ./packages/version/src/detect.ts
/**
 * Which version is being released: the first source that yields one, validated as strict
 * SemVer, and (with require-match) checked against every other source that names a version.
 */





const VERSION_SOURCES = ['input', 'tag', ...MANIFEST_SOURCES];
const DEFAULT_SOURCES = [...VERSION_SOURCES];
class VersionMismatchError extends errors/* UserError */.yo {
    version;
    found;
    title = 'Versions do not match';
    constructor(version, found) {
        super(`the release version is ${version}, but the sources disagree: ${found.map((f) => `${f.source}=${f.value}`).join(', ')}`, 'Bump every manifest to the same version (or set require-match: false).');
        this.version = version;
        this.found = found;
    }
}
const HINT = 'Use MAJOR.MINOR.PATCH with an optional -prerelease, e.g. 1.2.3 or 1.2.3-rc.1.';
function parseSources(name, values) {
    for (const value of values)
        if (!VERSION_SOURCES.includes(value))
            throw InputError.bad(name, value, 'is not a version source', `Use some of: ${VERSION_SOURCES.join(', ')}.`);
    return values;
}
function validateTagPrefix(name, prefix) {
    if (!/^[A-Za-z0-9._/-]{0,32}$/.test(prefix))
        throw errors/* InputError */.dz.bad(name, prefix, 'is not a usable tag prefix', 'Use letters, digits, ., _, / or -, e.g. v.');
    return prefix;
}
/** A strict SemVer string, or an InputError naming where it came from. */
function requireSemVer(where, text) {
    const parsed = parseSemVer(text);
    if (!parsed)
        throw InputError.bad(where, text, 'is not a SemVer 2.0 version', HINT);
    return parsed;
}
function tagName(tag) {
    if (!tag)
        return undefined;
    if (tag.startsWith('refs/tags/'))
        return tag.slice('refs/tags/'.length);
    if (tag.startsWith('refs/'))
        return undefined; // a branch or pull ref: no tag
    return tag;
}
function stripPrefix(text, prefix) {
    return prefix && text.startsWith(prefix) ? text.slice(prefix.length) : text;
}
/** Compare a manifest's version with the release version, in the manifest's own ecosystem's form. */
function agrees(source, value, version) {
    if (value === version.raw)
        return true;
    if (source === 'pyproject.toml') {
        const ours = toPep440(version);
        return ours !== undefined && normalizePep440(value) === normalizePep440(ours);
    }
    return false;
}
function detectVersion(options) {
    const prefix = options.tagPrefix ?? 'v';
    const sources = options.sources?.length ? options.sources : DEFAULT_SOURCES;
    const found = [];
    const tag = tagName(options.tag);
    for (const source of sources) {
        if (source === 'input') {
            if (options.version)
                found.push({
                    source,
                    value: stripPrefix(options.version, prefix),
                    where: 'version',
                    raw: options.version,
                });
        }
        else if (source === 'tag') {
            if (tag && tag.startsWith(prefix))
                found.push({ source, value: tag.slice(prefix.length), where: 'tag', raw: tag });
        }
        else {
            const manifest = readManifestVersion(options.cwd, source);
            if (manifest)
                found.push({ source, value: manifest.version, where: manifest.file });
        }
    }
    if (!found.length) {
        throw new errors/* InputError */.dz('version', `no version found in any source (${sources.join(', ')}) under ${options.cwd}`, 'Pass a version input, push a tag like v1.2.3, or set a version in a manifest.');
    }
    const chosen = found[0];
    const version = semver_parseSemVer(chosen.value);
    if (!version) {
        if (chosen.source === 'input' || chosen.source === 'tag')
            throw errors/* InputError */.dz.bad(chosen.where, chosen.raw ?? chosen.value, 'is not a SemVer 2.0 version', HINT);
        throw new errors/* ConfigError */.xL(chosen.where, undefined, 'version', `${(0,errors/* describeValue */.bp)(chosen.value)} is not a SemVer 2.0 version`, HINT);
    }
    if (options.requireMatch ?? true) {
        const disagree = found.slice(1).some((f) => !agrees(f.source, f.value, version));
        if (disagree)
            throw new VersionMismatchError(version.raw, found.map(({ source, value }) => ({ source, value })));
    }
    return {
        version: version.raw,
        tag: `${prefix}${version.raw}`,
        major: version.major,
        minor: version.minor,
        patch: version.patch,
        prerelease: version.prerelease.join('.'),
        build: version.build.join('.'),
        isPrerelease: version.prerelease.length > 0,
        pep440: toPep440(version) ?? '',
        source: chosen.source,
        found: found.map(({ source, value }) => ({ source, value })),
    };
}

;// CONCATENATED MODULE: ./packages/version/src/index.ts






/***/ })

};
