export const id = 690;
export const ids = [690,86];
export const modules = {

/***/ 8690:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  attachAssets: () => (/* binding */ attachAssets),
  publish: () => (/* binding */ publish),
  rollback: () => (/* reexport */ rollback)
});

// EXTERNAL MODULE: ./packages/registries/src/github.ts
var github = __webpack_require__(1086);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./packages/action-kit/src/errors.ts
var errors = __webpack_require__(8826);
;// CONCATENATED MODULE: ./packages/publishers/src/github-assets.ts
/**
 * Release assets on our side: the local files (name, size, sha256), the SHA256SUMS file, and the
 * pure decision of what to do with each file given what the release already holds.
 */




const SUMS_NAME = 'SHA256SUMS';
/**
 * The name GitHub stores for a file: it renames characters outside this set to dots
 * ("my app.zip" -> "my.app.zip"), and our checks must compare with that spelling.
 */
function assetName(file) {
    return (0,external_node_path_.basename)(file).replace(/[^A-Za-z0-9._+@-]/g, '.');
}
const CONTENT_TYPES = {
    '.gz': 'application/gzip',
    '.tgz': 'application/gzip',
    '.zip': 'application/zip',
    '.xz': 'application/x-xz',
    '.bz2': 'application/x-bzip2',
    '.zst': 'application/zstd',
    '.tar': 'application/x-tar',
    '.json': 'application/json',
    '.txt': 'text/plain',
    '.asc': 'application/pgp-signature',
    '.sig': 'application/pgp-signature',
    '.deb': 'application/vnd.debian.binary-package',
    '.rpm': 'application/x-rpm',
    '.whl': 'application/zip',
    '.flatpak': 'application/vnd.flatpak',
};
function contentType(name) {
    if (name === SUMS_NAME)
        return 'text/plain';
    return CONTENT_TYPES[(0,external_node_path_.extname)(name).toLowerCase()] ?? 'application/octet-stream';
}
async function sha256File(path) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for await (const chunk of (0,external_node_fs_.createReadStream)(path))
        hash.update(chunk);
    return hash.digest('hex');
}
/**
 * Name, size and digest of each file; two files that would become the same asset name, or a
 * file named SHA256SUMS while we write that file ourselves, are refused.
 */
async function describeFiles(paths, reserveSums, input = 'assets') {
    const byName = new Map();
    for (const path of paths) {
        const name = assetName(path);
        const other = byName.get(name);
        if (other)
            throw errors/* InputError */.dz.bad(input, name, `is the asset name of both ${other} and ${path}`, 'Attach files with distinct names.');
        if (reserveSums && name === SUMS_NAME)
            throw errors/* InputError */.dz.bad(input, path, `would replace the ${SUMS_NAME} file the action writes`, 'Set checksums: false to attach your own.');
        byName.set(name, path);
    }
    return Promise.all(paths.map(async (path) => ({
        path,
        name: assetName(path),
        size: (0,external_node_fs_.statSync)(path).size,
        sha256: await sha256File(path),
        contentType: contentType(assetName(path)),
    })));
}
/** `sha256sum` format: `<hex>  <name>`, sorted by name, so `sha256sum -c SHA256SUMS` checks it. */
function formatSums(sums) {
    return [...sums.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([name, hex]) => `${hex}  ${name}\n`)
        .join('');
}
/** Both `<hex>  name` and binary-mode `<hex> *name` lines; anything else is ignored. */
function parseSums(text) {
    const sums = new Map();
    for (const line of text.split(/\r?\n/)) {
        const match = /^([0-9a-fA-F]{64}) [ *](.+)$/.exec(line.trim());
        if (match)
            sums.set(match[2], match[1].toLowerCase());
    }
    return sums;
}
/**
 * What to do with one file. A present asset of the same size (and digest, when GitHub or the
 * release's SHA256SUMS tells it) is kept; a broken-off upload is replaced; different content is
 * replaced only with `force`, else it is a refusal (the release would silently mix two builds).
 */
function decideAsset(file, remote, knownSha, force, tag) {
    if (!remote)
        return 'upload';
    if (remote.state !== 'uploaded' || force)
        return 'replace';
    const remoteSha = remote.digest?.startsWith('sha256:') ? remote.digest.slice('sha256:'.length) : knownSha;
    if (remote.size === file.size && (!remoteSha || remoteSha === file.sha256))
        return 'keep';
    const why = remote.size !== file.size ? `${remote.size} bytes, ours ${file.size}` : 'a different sha256';
    throw new errors/* RegistryError */.gl('GitHub', `the release ${tag} already has ${file.name} with different content (${why})`, 'Rerun with force: true to replace it, or publish a new version.');
}
/** Whether a remote asset is exactly this file (a finished upload of the same bytes). */
function sameAsset(remote, file) {
    if (remote.state !== 'uploaded' || remote.size !== file.size)
        return false;
    return !remote.digest || remote.digest === `sha256:${file.sha256}`;
}
/**
 * SHA256SUMS for the release as it stands: every finished asset, its sha256 from GitHub's
 * digest (else from the current file), then ours. Built from the listing rather than from the
 * old file alone, so matrix jobs that each attach their own files converge on one complete file.
 */
function mergeSums(assets, current, ours) {
    const merged = new Map();
    for (const asset of assets) {
        if (asset.name === SUMS_NAME || asset.state !== 'uploaded')
            continue;
        const hex = asset.digest?.startsWith('sha256:')
            ? asset.digest.slice('sha256:'.length)
            : current.get(asset.name);
        if (hex)
            merged.set(asset.name, hex);
    }
    for (const file of ours)
        merged.set(file.name, file.sha256);
    return merged;
}

// EXTERNAL MODULE: ./packages/action-kit/src/http.ts + 1 modules
var http = __webpack_require__(3363);
;// CONCATENATED MODULE: ./packages/publishers/src/github-api.ts
/**
 * The GitHub REST calls of the release publisher, through Octokit from @actions/github (loaded
 * on first use, so no other action pays for it). Octokit's fetch is the kit's HttpClient:
 * timeouts, bounded retries of 5xx/429 with Retry-After, the same as every other call.
 */



/**
 * A fetch for Octokit that goes through HttpClient. A PATCH of a release sets fields to fixed
 * values, so retrying it is safe; other POSTs fail on the first transient error and the caller
 * asks GitHub what happened before trying again.
 */
function httpFetch(http) {
    return async (input, init) => {
        const method = (init?.method ?? 'GET').toUpperCase();
        const headers = {};
        new Headers(init?.headers).forEach((value, key) => (headers[key] = value));
        const res = await http.request({
            method,
            url: String(input instanceof Request ? input.url : input),
            headers,
            body: (init?.body ?? undefined),
            beforeRetry: method === 'PATCH' ? async () => true : undefined,
        });
        const empty = res.status === 204 || res.status === 205 || res.status === 304 || method === 'HEAD';
        return new Response(empty ? null : res.body, { status: res.status, headers: [...res.headers] });
    };
}
async function connect(target, ctx) {
    const { getOctokit } = await Promise.all(/* import() */[__webpack_require__.e(665), __webpack_require__.e(351)]).then(__webpack_require__.bind(__webpack_require__, 1351));
    const options = {
        baseUrl: target.api,
        userAgent: ctx.http.userAgent,
        request: { fetch: httpFetch(ctx.http) },
        log: {
            debug: () => { },
            info: () => { },
            warn: (m) => ctx.reporter.debug(m),
            error: (m) => ctx.reporter.debug(m),
        },
    };
    // Without a token (a dry run on a public repository) Octokit sends no authorization at all.
    const octokit = ctx.token
        ? getOctokit(ctx.token, options)
        : new (await __webpack_require__.e(/* import() */ 665).then(__webpack_require__.bind(__webpack_require__, 8665))).GitHub(options);
    return { ...target, octokit, http: ctx.http, token: ctx.token, reporter: ctx.reporter };
}
/** The transient error behind an Octokit failure (retries ran out, or a POST hit a 5xx). */
function transientCause(error) {
    if (error instanceof http/* TransientHttpError */.jt)
        return error;
    const cause = error?.cause;
    return cause instanceof http/* TransientHttpError */.jt ? cause : undefined;
}
const statusOf = (error) => error?.status;
/** 422 Validation Failed with an `already_exists` error: someone else created it first. */
function isAlreadyExists(error) {
    const data = error?.response?.data;
    return statusOf(error) === 422 && Boolean(data?.errors?.some((e) => e.code === 'already_exists'));
}
function githubMessageOf(error) {
    const data = error?.response?.data;
    if (data?.message)
        return data.errors?.length ? `${data.message}: ${JSON.stringify(data.errors)}` : data.message;
    return (0,errors/* errorMessage */.gJ)(error);
}
/** An Octokit failure as the error a user reads: a RegistryError with a hint where it is theirs to fix. */
function explain(conn, error, what) {
    if (error instanceof errors/* RegistryError */.gl || error instanceof http/* AlreadyDoneSignal */.lT)
        return error;
    const transient = transientCause(error);
    if (transient)
        return new Error(`GitHub: could not ${what}: ${transient.message}`);
    const status = statusOf(error);
    const message = githubMessageOf(error);
    const headers = new Headers(error?.response?.headers ?? {});
    if (status === 401 || status === 403 || status === 404 || status === 429)
        return (0,github.refusal)(conn.repository, status, message, headers);
    if (status === 422)
        return new errors/* RegistryError */.gl('GitHub', `could not ${what} (422 ${message})`, undefined, 422);
    return new Error(`GitHub: could not ${what}: ${status ? `HTTP ${status} ` : ''}${message}`);
}
/** Run an Octokit call, explaining its failure. */
async function call(conn, what, fn) {
    try {
        return await fn();
    }
    catch (error) {
        throw explain(conn, error, what);
    }
}
const repoParams = (conn) => ({ owner: conn.owner, repo: conn.repo });
/** The published release of a tag; undefined when there is none (drafts are never found here). */
async function releaseByTag(conn, tag) {
    try {
        return (await conn.octokit.rest.repos.getReleaseByTag({ ...repoParams(conn), tag })).data;
    }
    catch (error) {
        if (statusOf(error) === 404)
            return undefined;
        throw explain(conn, error, `read the release ${tag} of ${conn.repository}`);
    }
}
/** Every release the token can see, drafts included with push access (a 404 here is the repository). */
async function listReleases(conn) {
    return call(conn, `list the releases of ${conn.repository}`, async () => (await conn.octokit.paginate(conn.octokit.rest.repos.listReleases, {
        ...repoParams(conn),
        per_page: 100,
    })));
}
/** Create a release; the caller handles 422 already_exists and transient failures. */
async function createRelease(conn, fields) {
    return (await conn.octokit.rest.repos.createRelease({ ...repoParams(conn), ...fields }))
        .data;
}
async function updateRelease(conn, release, fields) {
    return call(conn, `update the release ${release.tag_name} of ${conn.repository}`, async () => (await conn.octokit.rest.repos.updateRelease({
        ...repoParams(conn),
        release_id: release.id,
        ...fields,
    })).data);
}
async function deleteRelease(conn, release) {
    try {
        await conn.octokit.rest.repos.deleteRelease({ ...repoParams(conn), release_id: release.id });
    }
    catch (error) {
        if (statusOf(error) !== 404)
            throw explain(conn, error, `delete the release ${release.tag_name}`);
    }
}
async function listAssets(conn, release) {
    return call(conn, `list the assets of ${release.tag_name}`, async () => (await conn.octokit.paginate(conn.octokit.rest.repos.listReleaseAssets, {
        ...repoParams(conn),
        release_id: release.id,
        per_page: 100,
    })));
}
/** Delete an asset; one already gone is fine (a concurrent job replaced it). */
async function deleteAsset(conn, asset) {
    try {
        await conn.octokit.rest.repos.deleteReleaseAsset({ ...repoParams(conn), asset_id: asset.id });
    }
    catch (error) {
        if (statusOf(error) !== 404)
            throw explain(conn, error, `delete the asset ${asset.name}`);
    }
}
/** An asset's bytes through the API (works for private repositories and drafts). */
async function downloadAsset(conn, asset) {
    const res = await conn.http.request({
        url: asset.url,
        headers: { ...(0,github.githubHeaders)(conn.token), accept: 'application/octet-stream' },
    });
    if (!res.ok)
        throw (0,github.refusal)(conn.repository, res.status, `download of ${asset.name} answered ${res.status}`, res.headers);
    return res.body;
}

// EXTERNAL MODULE: ./packages/action-kit/src/parse.ts
var parse = __webpack_require__(5210);
// EXTERNAL MODULE: ./packages/action-kit/src/paths.ts
var paths = __webpack_require__(1985);
// EXTERNAL MODULE: ./packages/version/src/index.ts + 4 modules
var src = __webpack_require__(6193);
;// CONCATENATED MODULE: ./packages/publishers/src/github-glob.ts
/**
 * Globs for release assets (Node 20 has no fs.glob): `*`, `?`, `[abc]`/`[!abc]`, `{a,b}` and `**`
 * (any depth), matched segment by segment from the pattern's literal prefix. Every match is
 * resolved inside the workspace, symlinks followed, so nothing outside it can be attached.
 * Like most shells, `*` does not match a leading dot unless the pattern segment starts with one.
 */




const MAGIC = /[*?[{]/;
const hasMagic = (pattern) => MAGIC.test(pattern);
/** One path segment's glob as an anchored regular expression. */
function segmentRegex(segment) {
    let out = '';
    let braces = 0;
    for (let i = 0; i < segment.length; i++) {
        const c = segment[i];
        if (c === '*')
            out += '[^/]*';
        else if (c === '?')
            out += '[^/]';
        else if (c === '[') {
            const end = segment.indexOf(']', i + 2);
            if (end < 0) {
                out += '\\[';
                continue;
            }
            let body = segment.slice(i + 1, end);
            if (body.startsWith('!'))
                body = `^${body.slice(1)}`;
            out += `[${body.replace(/\\/g, '\\\\')}]`;
            i = end;
        }
        else if (c === '{') {
            braces++;
            out += '(?:';
        }
        else if (c === '}' && braces > 0) {
            braces--;
            out += ')';
        }
        else if (c === ',' && braces > 0)
            out += '|';
        else
            out += c.replace(/[.+^$()|\\\]}]/g, '\\$&');
    }
    if (braces > 0)
        throw new Error(`unbalanced braces in ${segment}`);
    return new RegExp(`^${out}$`);
}
function isDirectory(path) {
    try {
        return (0,external_node_fs_.statSync)(path).isDirectory();
    }
    catch {
        return false;
    }
}
function isFile(path) {
    try {
        return (0,external_node_fs_.statSync)(path).isFile();
    }
    catch {
        return false;
    }
}
function entries(dir) {
    try {
        return (0,external_node_fs_.readdirSync)(dir).sort();
    }
    catch {
        return [];
    }
}
function walk(dir, segments, out, depth = 0) {
    if (depth > 64)
        return; // a symlink loop
    const [segment, ...rest] = segments;
    if (segment === '**') {
        // Zero directories, then one more level at a time (dot folders are skipped, as `*` does).
        walk(dir, rest.length ? rest : ['*'], out, depth + 1);
        for (const name of entries(dir))
            if (!name.startsWith('.') && isDirectory((0,external_node_path_.join)(dir, name)))
                walk((0,external_node_path_.join)(dir, name), segments, out, depth + 1);
        return;
    }
    const regex = segmentRegex(segment);
    for (const name of entries(dir)) {
        if (!regex.test(name) || (name.startsWith('.') && !segment.startsWith('.')))
            continue;
        const full = (0,external_node_path_.join)(dir, name);
        if (rest.length === 0) {
            if (isFile(full))
                out.push(full);
        }
        else if (isDirectory(full))
            walk(full, rest, out, depth + 1);
    }
}
/** The files one pattern names, absolute; an error naming `input` when it matches none. */
function expandGlob(workspace, pattern, input) {
    const segments = pattern.replace(/\\/g, '/').split('/');
    const literal = [];
    while (segments.length > 1 && !hasMagic(segments[0]))
        literal.push(segments.shift());
    const hint = 'Build the files before this step, or fix the pattern (relative to the workspace).';
    if (!hasMagic(segments[0])) {
        const path = (0,paths/* resolveInside */.L)(workspace, pattern, input, false);
        if (!isFile(path))
            throw errors/* InputError */.dz.bad(input, pattern, 'is not a file in the workspace', hint);
        return [path];
    }
    const base = (0,paths/* resolveInside */.L)(workspace, literal.join('/') || '.', input, false);
    const found = [];
    walk(base, segments, found);
    if (!found.length)
        throw errors/* InputError */.dz.bad(input, pattern, 'matched no files in the workspace', hint);
    // Each match again: a symlink inside the workspace may point outside it.
    return found.map((path) => (0,paths/* resolveInside */.L)(workspace, path, input));
}
/** Every file the patterns name, each once, in pattern order. */
function expandGlobs(workspace, patterns, input = 'assets') {
    const seen = new Set();
    for (const pattern of patterns)
        for (const path of expandGlob(workspace, pattern, input))
            seen.add(path);
    return [...seen];
}

;// CONCATENATED MODULE: ./packages/publishers/src/github-settings.ts
/**
 * The settings of a github-release target, read once and checked before anything is sent, and
 * the two release flags derived from the version (prerelease, make_latest).
 */







function bool(value, fallback, input) {
    if (value === undefined || value === '')
        return fallback;
    if (typeof value === 'boolean')
        return value;
    if (value === 'true')
        return true;
    if (value === 'false')
        return false;
    throw errors/* InputError */.dz.bad(input, value, 'is not a boolean', 'Use true or false.');
}
function tristate(value, input) {
    if (value === undefined || value === '')
        return 'auto';
    const text = String(value);
    if (text === 'auto' || text === 'true' || text === 'false')
        return text;
    throw errors/* InputError */.dz.bad(input, value, 'is not one of the accepted values', 'Use one of: auto, true, false.');
}
function list(value) {
    if (value === undefined || value === '')
        return [];
    if (Array.isArray(value))
        return value.map(String).filter((v) => v.trim() !== '');
    return (0,parse/* parseList */.E1)(String(value));
}
/** Where the releases live: `repository` (else GITHUB_REPOSITORY) on `registry` (else GITHUB_API_URL). */
function readTarget(settings, workspace, env) {
    const { owner, repo } = (0,github.parseRepository)((0,github.identify)(settings, workspace, env).name);
    const registry = typeof settings.registry === 'string' ? settings.registry : undefined;
    return { owner, repo, repository: `${owner}/${repo}`, api: (0,github.apiBase)(registry, env) };
}
function readSettings(settings, workspace, env) {
    const target = readTarget(settings, workspace, env);
    const body = typeof settings.body === 'string' && settings.body !== '' ? settings.body : undefined;
    const bodyFile = typeof settings['body-file'] === 'string' && settings['body-file'] !== ''
        ? settings['body-file']
        : undefined;
    if (body !== undefined && bodyFile !== undefined)
        throw new errors/* InputError */.dz('body-file', 'cannot be used together with body', 'Set either body or body-file, not both.');
    return {
        ...target,
        files: expandGlobs(workspace, list(settings.assets), 'assets'),
        checksums: bool(settings.checksums, true, 'checksums'),
        draft: bool(settings.draft, false, 'draft'),
        prerelease: tristate(settings.prerelease, 'prerelease'),
        makeLatest: tristate(settings['make-latest'], 'make-latest'),
        body: bodyFile !== undefined ? (0,external_node_fs_.readFileSync)((0,paths/* resolveInside */.L)(workspace, bodyFile, 'body-file'), 'utf8') : body,
    };
}
/** `auto`: a SemVer prerelease (1.2.3-rc.1) is a GitHub prerelease. */
function wantPrerelease(version, setting) {
    return setting === 'auto' ? version.prerelease.length > 0 : setting === 'true';
}
/**
 * make_latest as the API spells it (a string). `auto`: 'true' only for the highest stable among
 * the published releases, so a hotfix on an older line or a prerelease never takes latest.
 */
function makeLatestValue(version, setting, prerelease, published) {
    if (prerelease)
        return 'false';
    if (setting !== 'auto')
        return setting;
    return (0,src/* isHighestStable */.OO)(version, published) ? 'true' : 'false';
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./packages/publishers/src/github-upload.ts
/**
 * Bring a release's assets in line with ours: upload what is missing, keep what is there with
 * the same bytes, replace on `force`, and keep SHA256SUMS complete. Every upload that fails
 * transiently lists the assets again before retrying, so nothing is uploaded twice.
 */







const fromFile = (file) => ({ ...file, read: () => (0,promises_.readFile)(file.path) });
function fromText(name, text) {
    const bytes = Buffer.from(text);
    return {
        name,
        size: bytes.length,
        sha256: (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex'),
        contentType: 'text/plain',
        read: async () => bytes,
    };
}
/** The upload URL of a release for a name: upload_url is an RFC 6570 template (`…/assets{?name,label}`). */
function uploadUrl(release, name) {
    return `${release.upload_url.replace(/\{[^}]*\}$/, '')}?name=${encodeURIComponent(name)}`;
}
const NAME_ATTEMPTS = 3;
async function uploadAsset(conn, release, source) {
    const body = await source.read();
    const current = async () => (await listAssets(conn, release)).find((a) => a.name === source.name);
    for (let attempt = 1;; attempt++) {
        let res;
        try {
            res = await conn.http.request({
                method: 'POST',
                url: uploadUrl(release, source.name),
                headers: { ...(0,github.githubHeaders)(conn.token), 'content-type': source.contentType },
                body,
                // A transient failure: did it land anyway (the answer was lost), or did it break off
                // and leave an `open` asset that holds the name? Ask before sending again.
                beforeRetry: async () => {
                    const asset = await current();
                    if (!asset)
                        return true;
                    if (sameAsset(asset, source))
                        return false;
                    if (asset.state !== 'uploaded')
                        await deleteAsset(conn, asset);
                    return true;
                },
            });
        }
        catch (error) {
            if (!(error instanceof http/* AlreadyDoneSignal */.lT))
                throw error;
            const asset = await current();
            if (asset && sameAsset(asset, source))
                return { result: 'uploaded', asset };
            throw error;
        }
        if (res.status === 201)
            return { result: 'uploaded', asset: res.json() };
        if (res.status !== 422 || attempt >= NAME_ATTEMPTS) {
            if ([401, 403, 404, 429].includes(res.status))
                throw (0,github.refusal)(conn.repository, res.status, (0,github.githubMessage)(res), res.headers);
            throw new errors/* RegistryError */.gl('GitHub', `could not upload ${source.name} to ${release.tag_name} (HTTP ${res.status} ${(0,github.githubMessage)(res)})`, undefined, res.status);
        }
        // 422 already_exists: another job of the matrix uploaded it meanwhile, or a broken-off upload holds it.
        const asset = await current();
        if (asset && sameAsset(asset, source))
            return { result: 'present', asset };
        if (asset?.state === 'uploaded')
            return { result: 'taken', asset };
        if (asset)
            await deleteAsset(conn, asset);
    }
}
async function readSums(conn, release, assets) {
    const listed = assets ?? (await listAssets(conn, release));
    const asset = listed.find((a) => a.name === SUMS_NAME && a.state === 'uploaded');
    if (!asset)
        return { assets: listed, current: new Map() };
    const text = (await downloadAsset(conn, asset)).toString('utf8');
    return { assets: listed, asset, current: parseSums(text), text };
}
/** Rounds of read-merge-write; concurrent jobs converge in two or three. */
const SUMS_ROUNDS = 4;
async function syncSums(conn, release, files, first, dryRun) {
    let state = first;
    let wrote = false;
    for (let round = 0; round < SUMS_ROUNDS; round++) {
        const text = formatSums(mergeSums(state.assets, state.current, files));
        if (state.text === text)
            return wrote ? `wrote ${SUMS_NAME}` : undefined;
        if (dryRun)
            return `would ${state.asset ? 'update' : 'upload'} ${SUMS_NAME}`;
        if (state.asset)
            await deleteAsset(conn, state.asset);
        const outcome = await uploadAsset(conn, release, fromText(SUMS_NAME, text));
        wrote ||= outcome.result === 'uploaded';
        // Read it back: a matrix job may have written its own version meanwhile.
        state = await readSums(conn, release);
    }
    conn.reporter.warning(`${SUMS_NAME} of ${release.tag_name} kept changing under concurrent jobs; check it on the release page.`);
    return `wrote ${SUMS_NAME}`;
}
async function syncAssets(conn, release, files, options) {
    const notes = [];
    let changed = false;
    const listed = options.fresh ? [] : await listAssets(conn, release);
    // The release's SHA256SUMS tells the digest where GitHub's own `digest` field is missing.
    const needSums = options.checksums !== 'off' || files.some((f) => listed.find((a) => a.name === f.name && !a.digest));
    const sums = needSums
        ? await readSums(conn, release, listed)
        : { assets: listed, current: new Map() };
    let kept = 0;
    for (const file of files) {
        const remote = listed.find((a) => a.name === file.name);
        const action = decideAsset(file, remote, sums.current.get(file.name), options.force, options.tag);
        if (action === 'keep') {
            kept++;
            continue;
        }
        if (options.dryRun) {
            notes.push(`would ${action} ${file.name} (${file.size} bytes)`);
            continue;
        }
        if (action === 'replace' && remote)
            await deleteAsset(conn, remote);
        const outcome = await uploadAsset(conn, release, fromFile(file));
        if (outcome.result === 'taken')
            throw new errors/* RegistryError */.gl('GitHub', `another job uploaded ${file.name} to ${options.tag} with different content`, 'Make each job of the matrix attach files of its own names.');
        if (outcome.result === 'present')
            kept++;
        else {
            changed = true;
            notes.push(`${action === 'replace' ? 'replaced' : 'uploaded'} ${file.name} (${file.size} bytes)`);
        }
    }
    if (kept)
        notes.push(`${kept} asset${kept === 1 ? ' was' : 's were'} already there`);
    const writeSums = options.checksums === 'write' || (options.checksums === 'merge' && sums.asset !== undefined);
    if (writeSums && (files.length || sums.asset)) {
        // After our uploads the listing changed: read it again, unless nothing was sent.
        const state = changed || options.force ? await readSums(conn, release) : sums;
        const note = await syncSums(conn, release, files, options.force && state.asset ? { ...state, text: undefined } : state, options.dryRun);
        if (note) {
            notes.push(note);
            changed ||= !options.dryRun;
        }
    }
    return { notes, changed };
}

;// CONCATENATED MODULE: ./packages/publishers/src/github-publish.ts
/**
 * The release of a version: find it (by tag, then drafts through the list), create it once even
 * when matrix jobs race (422 already_exists => use theirs), attach the assets, publish a draft
 * that should not be one. Shared by the publisher and attachAssets.
 */






function missingToken(repository) {
    return errors/* InputError */.dz.missing('token', `Writing releases of ${repository} needs a token: set GITHUB_TOKEN in the step's env (GITHUB_TOKEN: \${{ secrets.GITHUB_TOKEN }}) or the token input, and grant the job \`permissions: contents: write\`.`);
}
/** The oldest draft of a tag: drafts do not hold their tag, so racing jobs may make several. */
function oldestDraft(releases, tag) {
    return releases.filter((r) => r.draft && r.tag_name === tag).sort((a, b) => a.id - b.id)[0];
}
/** The versions that compete for latest: published, not marked prerelease. */
function stableVersions(releases, prefix) {
    return releases
        .filter((r) => !r.draft && !r.prerelease)
        .map((r) => (0,github.tagVersion)(r.tag_name, prefix))
        .filter((v) => Boolean(v));
}
const CREATE_ATTEMPTS = 3;
function backoffMs(attempt, env) {
    const base = Number(env.DEPLOY_ACTIONS_HTTP_BACKOFF_MS);
    return ((Number.isFinite(base) && env.DEPLOY_ACTIONS_HTTP_BACKOFF_MS !== '' && base >= 0 ? base : 500) *
        2 ** (attempt - 1));
}
/** Two racing jobs each made a draft: everyone keeps the oldest, the others delete their own. */
async function settleDrafts(conn, ours) {
    const winner = oldestDraft(await listReleases(conn), ours.tag_name);
    if (!winner || winner.id === ours.id)
        return ours;
    await deleteRelease(conn, ours);
    return winner;
}
async function ensureRelease(conn, fields, env) {
    const tag = fields.tag_name;
    for (let attempt = 1;; attempt++) {
        try {
            const release = await createRelease(conn, fields);
            return { release: fields.draft ? await settleDrafts(conn, release) : release, created: true };
        }
        catch (error) {
            const transient = transientCause(error);
            if (!isAlreadyExists(error) && !transient)
                throw explain(conn, error, `create the release ${tag} of ${conn.repository}`);
            // Another job created it first, or ours landed and the answer was lost: use what is there.
            const existing = fields.draft
                ? oldestDraft(await listReleases(conn), tag)
                : await releaseByTag(conn, tag);
            if (existing)
                return { release: existing, created: Boolean(transient) };
            if (attempt >= CREATE_ATTEMPTS)
                throw explain(conn, error, `create the release ${tag} of ${conn.repository}`);
            await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt, env)));
        }
    }
}
function dryRunPlan(conn, what, files, plan, tag) {
    return {
        status: 'dry-run',
        url: (0,github.releasePageUrl)(conn.api, conn.repository, tag),
        notes: [
            `would create ${what}`,
            ...files.map((f) => `would upload ${f.name} (${f.size} bytes)`),
            ...(plan.checksums === 'write' && files.length ? [`would upload ${SUMS_NAME}`] : []),
        ],
    };
}
async function publishRelease(conn, plan, files, ctx) {
    const { tag, version, semver } = ctx.version;
    const prefix = tag.endsWith(version) ? tag.slice(0, tag.length - version.length) : 'v';
    const prerelease = wantPrerelease(semver, plan.prerelease);
    let all;
    const latestFor = async () => makeLatestValue(semver, plan.makeLatest, prerelease, stableVersions((all ??= await listReleases(conn)), prefix));
    const notes = [];
    let release = await releaseByTag(conn, tag);
    // The tag endpoint never shows drafts: an earlier run with draft: true, or one made by hand.
    if (!release)
        release = oldestDraft((all = await listReleases(conn)), tag);
    let created = false;
    if (!release) {
        const makeLatest = await latestFor();
        const what = `release ${tag} (${plan.draft ? 'draft, ' : ''}prerelease: ${prerelease}, latest: ${makeLatest})`;
        if (ctx.dryRun)
            return dryRunPlan(conn, what, files, plan, tag);
        const fields = {
            tag_name: tag,
            name: tag,
            draft: plan.draft,
            prerelease,
            make_latest: makeLatest,
            ...(plan.body !== undefined ? { body: plan.body } : { generate_release_notes: true }),
            // A tag that does not exist yet is made at the commit being built, not the default branch.
            ...(ctx.env.GITHUB_SHA ? { target_commitish: ctx.env.GITHUB_SHA } : {}),
        };
        ({ release, created } = await ensureRelease(conn, fields, ctx.env));
        notes.push(created ? `created ${what}` : `release ${tag} was created meanwhile by another job; attaching to it`);
    }
    const sync = await syncAssets(conn, release, files, {
        tag,
        force: ctx.force,
        dryRun: ctx.dryRun,
        checksums: plan.checksums,
        fresh: created,
    });
    notes.push(...sync.notes);
    let updated = false;
    if (release.draft && !plan.draft) {
        if (ctx.dryRun)
            notes.push(`would publish the draft release ${tag}`);
        else {
            release = await updateRelease(conn, release, {
                draft: false,
                prerelease,
                make_latest: await latestFor(),
            });
            updated = true;
            notes.push(`published the draft release ${tag}`);
        }
    }
    else if (ctx.force && !created) {
        const fields = {
            prerelease,
            make_latest: await latestFor(),
            ...(plan.body !== undefined ? { body: plan.body } : {}),
        };
        if (ctx.dryRun)
            notes.push(`would update release ${tag} (prerelease: ${prerelease}, latest: ${fields.make_latest})`);
        else {
            release = await updateRelease(conn, release, fields);
            updated = true;
            notes.push(`updated release ${tag} (prerelease: ${prerelease}, latest: ${fields.make_latest})`);
        }
    }
    const changed = created || updated || sync.changed;
    if (!changed && !ctx.dryRun)
        notes.unshift(`release ${tag} already has every asset`);
    return { status: ctx.dryRun ? 'dry-run' : changed ? 'published' : 'skipped', url: release.html_url, notes };
}

;// CONCATENATED MODULE: ./packages/publishers/src/github-rollback.ts
/**
 * Take a bad release back: the previous stable release becomes `latest` again and the bad one
 * is marked prerelease (its assets stay downloadable for whoever pinned it), with the reason at
 * the top of its notes.
 */






const versionOf = (release) => (0,github.tagVersion)(release.tag_name) ?? release.tag_name;
function findVersion(releases, version) {
    return releases.find((r) => r.tag_name === `v${version}` || r.tag_name === version);
}
async function latestRelease(conn) {
    try {
        return (await conn.octokit.rest.repos.getLatestRelease({ owner: conn.owner, repo: conn.repo }))
            .data;
    }
    catch (error) {
        if (statusOf(error) === 404)
            return undefined;
        throw explain(conn, error, `read the latest release of ${conn.repository}`);
    }
}
/** The highest stable release below `bad`. */
function previousStable(releases, bad) {
    const badVersion = (0,src/* parseSemVer */.IX)(versionOf(bad));
    if (!badVersion)
        return undefined;
    let best;
    for (const release of releases) {
        const version = (0,src/* parseSemVer */.IX)(versionOf(release));
        if (!version || release.draft || release.prerelease || version.prerelease.length)
            continue;
        if ((0,src/* compareSemVer */.Cg)(version, badVersion) >= 0)
            continue;
        if (!best || (0,src/* compareSemVer */.Cg)(version, best.version) > 0)
            best = { release, version };
    }
    return best?.release;
}
const rollback = async (raw, ctx) => {
    const target = readTarget(raw, ctx.workspace, ctx.env);
    if (!ctx.token && !ctx.dryRun)
        throw missingToken(target.repository);
    const conn = await connect(target, ctx);
    const releases = (await listReleases(conn)).filter((r) => !r.draft);
    const bad = ctx.badVersion ? findVersion(releases, ctx.badVersion) : await latestRelease(conn);
    if (!bad)
        throw new errors/* RegistryError */.gl('GitHub', ctx.badVersion
            ? `${target.repository} has no release for ${ctx.badVersion}`
            : `${target.repository} has no latest release to roll back`, 'Check the version and the repository setting.');
    const to = ctx.toVersion ? findVersion(releases, ctx.toVersion) : previousStable(releases, bad);
    if (!to)
        throw new errors/* RegistryError */.gl('GitHub', ctx.toVersion
            ? `${target.repository} has no release for ${ctx.toVersion}`
            : `${target.repository} has no stable release below ${bad.tag_name}`, "Name the release to go back to with 'to-version'.");
    if (to.id === bad.id)
        throw errors/* InputError */.dz.bad('to-version', ctx.toVersion, `is the release being rolled back (${bad.tag_name})`);
    const actions = [
        `github-release: latest ${bad.tag_name} -> ${to.tag_name}`,
        `github-release: ${bad.tag_name} marked prerelease`,
    ];
    if (ctx.dryRun)
        return { rolledBackTo: versionOf(to), actions: actions.map((a) => `${a} (dry run: not sent)`) };
    // Latest moves first, so the repository always has one.
    await updateRelease(conn, to, { prerelease: false, make_latest: 'true' });
    const note = ctx.reason ? `> [!WARNING]\n> Rolled back to ${to.tag_name}: ${ctx.reason}\n\n` : '';
    await updateRelease(conn, bad, { prerelease: true, ...(note ? { body: `${note}${bad.body ?? ''}` } : {}) });
    return { rolledBackTo: versionOf(to), actions };
};

;// CONCATENATED MODULE: ./packages/publishers/src/github-release.ts
/**
 * GitHub Releases: create or update the release of the version's tag, attach the assets and a
 * SHA256SUMS file, idempotently (a rerun uploads only what is missing, a finished release is
 * `skipped`), safe when matrix jobs race, `latest` only for the highest stable.
 */






const publish = async (raw, ctx) => {
    const settings = readSettings(raw, ctx.workspace, ctx.env);
    const files = await describeFiles(settings.files, settings.checksums);
    if (!ctx.token && !ctx.dryRun)
        throw missingToken(settings.repository);
    const conn = await connect(settings, ctx);
    const plan = {
        draft: settings.draft,
        prerelease: settings.prerelease,
        makeLatest: settings.makeLatest,
        body: settings.body,
        checksums: settings.checksums ? 'write' : 'off',
    };
    return publishRelease(conn, plan, files, ctx);
};
/**
 * Attach files (absolute paths the caller built, e.g. a .flatpak bundle) to the release of
 * `tag` in `repository`, creating the release the way the publisher would if it does not exist
 * yet. Same guarantees: same bytes => nothing sent, a rerun finishes a half upload, `ctx.force`
 * replaces, `ctx.dryRun` sends nothing. The result's status is published, skipped or dry-run.
 */
async function attachAssets(repository, tag, files, ctx, options = {}) {
    const { owner, repo } = (0,github.parseRepository)(repository);
    const checksums = options.checksums ?? 'merge';
    const described = await describeFiles(files, checksums !== 'off', 'files');
    if (!ctx.token && !ctx.dryRun)
        throw missingToken(`${owner}/${repo}`);
    const conn = await connect({ owner, repo, repository: `${owner}/${repo}`, api: (0,github.apiBase)(options.registry, ctx.env) }, ctx);
    const plan = { draft: false, prerelease: 'auto', makeLatest: 'auto', checksums };
    return publishRelease(conn, plan, described, { ...ctx, version: { ...ctx.version, tag } });
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
