export const id = 343;
export const ids = [343];
export const modules = {

/***/ 2692:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K7: () => (/* binding */ which),
/* harmony export */   Oh: () => (/* binding */ execOk),
/* harmony export */   cI: () => (/* binding */ ExecError),
/* harmony export */   m0: () => (/* binding */ exec)
/* harmony export */ });
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5736);
/**
 * The one way to run a program: an argument array, never a shell string. Secrets go through
 * `env`, never argv; whatever the program prints is redacted before anyone sees it.
 */

class ExecError extends Error {
    result;
    constructor(result) {
        const tail = (result.stderr || result.stdout).trim().split('\n').slice(-5).join('\n');
        super(`${result.command} exited with ${result.timedOut ? 'a timeout' : (result.signal ?? `code ${result.code}`)}${tail ? `:\n${tail}` : ''}`);
        this.result = result;
    }
}
/** Run and resolve with the result whatever the exit code; reject only if it could not start. */
async function exec(command, args, options = {}) {
    // Loaded on first use: child_process brings net and streams, which an action that never runs
    // a program should not pay for at start-up.
    const { spawn } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1421, 23));
    return new Promise((resolve, reject) => {
        const env = options.replaceEnv ? { ...options.env } : { ...process.env, ...options.env };
        for (const key of Object.keys(env))
            if (env[key] === undefined)
                delete env[key];
        const child = spawn(command, args, {
            cwd: options.cwd,
            env: env,
            shell: false,
            stdio: ['pipe', 'pipe', 'pipe'],
        });
        const out = { stdout: [], stderr: [] };
        const pending = { stdout: '', stderr: '' };
        const collect = (stream) => (chunk) => {
            const text = chunk.toString('utf8');
            out[stream].push(text);
            if (!options.onLine)
                return;
            const lines = (pending[stream] + text).split('\n');
            pending[stream] = lines.pop() ?? '';
            for (const line of lines)
                options.onLine((0,_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(line), stream);
        };
        child.stdout.on('data', collect('stdout'));
        child.stderr.on('data', collect('stderr'));
        let timedOut = false;
        const timer = options.timeoutMs
            ? setTimeout(() => {
                timedOut = true;
                child.kill('SIGKILL');
            }, options.timeoutMs)
            : undefined;
        child.on('error', (error) => {
            if (timer)
                clearTimeout(timer);
            reject(error);
        });
        child.on('close', (code, signal) => {
            if (timer)
                clearTimeout(timer);
            for (const stream of ['stdout', 'stderr'])
                if (pending[stream] && options.onLine)
                    options.onLine((0,_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(pending[stream]), stream);
            resolve({
                command,
                args,
                code: code ?? -1,
                signal,
                stdout: (0,_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(out.stdout.join('')),
                stderr: (0,_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(out.stderr.join('')),
                timedOut,
            });
        });
        child.stdin.on('error', () => undefined);
        child.stdin.end(options.input);
    });
}
/** Run and reject with an ExecError unless it exits 0. */
async function execOk(command, args, options = {}) {
    const result = await exec(command, args, options);
    if (result.code !== 0 || result.timedOut)
        throw new ExecError(result);
    return result;
}
/** Whether a program can be found on PATH (without running it). */
async function which(command) {
    const { access } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1455, 23));
    const { delimiter, join } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 6760, 23));
    for (const dir of (process.env.PATH ?? '').split(delimiter)) {
        if (!dir)
            continue;
        const candidate = join(dir, command);
        try {
            await access(candidate, 1);
            return candidate;
        }
        catch {
            // not here
        }
    }
    return undefined;
}


/***/ }),

/***/ 6343:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  MODES: () => (/* binding */ MODES),
  publish: () => (/* binding */ publish)
});

// EXTERNAL MODULE: ./packages/action-kit/src/errors.ts
var errors = __webpack_require__(8826);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./packages/action-kit/src/exec.ts
var exec = __webpack_require__(2692);
;// CONCATENATED MODULE: ./packages/publishers/src/flatpak-ostree.ts
/**
 * The little of OSTree the flat-manager upload needs, without libostree: the refs and objects of
 * a local archive repository (plain files under refs/heads and objects/), and the subject and
 * body of a commit object (a GVariant of type (a{sv}aya(say)sstayay)).
 */


/** Object kinds flat-manager accepts in an upload (`<64 hex>.<kind>`). */
const OBJECT_NAME = /^[0-9a-f]{64}\.(commit|dirtree|dirmeta|filez)$/;
/** ref -> commit checksum for the refs under refs/heads whose names start with one of `prefixes`. */
function listRefs(repo, prefixes = ['app/', 'runtime/']) {
    const heads = (0,external_node_path_.join)(repo, 'refs', 'heads');
    const refs = new Map();
    const walk = (dir, prefix) => {
        for (const entry of (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true })) {
            const name = `${prefix}${entry.name}`;
            if (entry.isDirectory())
                walk((0,external_node_path_.join)(dir, entry.name), `${name}/`);
            else if (prefixes.some((p) => name.startsWith(p)))
                refs.set(name, (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(dir, entry.name), 'utf8').trim());
        }
    };
    if ((0,external_node_fs_.existsSync)(heads))
        walk(heads, '');
    return new Map([...refs].sort(([a], [b]) => a.localeCompare(b)));
}
/**
 * Every object of the repository. The repository is the fresh one flatpak-builder exported
 * this run's build to, so everything in it belongs to the refs being pushed.
 */
function listObjects(repo) {
    const root = (0,external_node_path_.join)(repo, 'objects');
    const out = [];
    for (const dir of (0,external_node_fs_.readdirSync)(root)) {
        if (!/^[0-9a-f]{2}$/.test(dir))
            continue;
        for (const file of (0,external_node_fs_.readdirSync)((0,external_node_path_.join)(root, dir))) {
            const name = `${dir}${file}`;
            if (!OBJECT_NAME.test(name))
                continue;
            const path = (0,external_node_path_.join)(root, dir, file);
            out.push({ name, path, size: (0,external_node_fs_.statSync)(path).size });
        }
    }
    return out.sort((a, b) => a.name.localeCompare(b.name));
}
/** Upload order: file contents, then directory metadata, then commits, so a commit never arrives first. */
function uploadOrder(objects) {
    const rank = (name) => (name.endsWith('.filez') ? 0 : name.endsWith('.commit') ? 2 : 1);
    return [...objects].sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}
function objectPath(checksum, kind) {
    return `objects/${checksum.slice(0, 2)}/${checksum.slice(2)}.${kind}`;
}
const alignUp = (n, to) => Math.ceil(n / to) * to;
/**
 * Split a serialized GVariant tuple into its members' bytes. Variable-size members except the
 * last have their end offsets stored at the end of the tuple, last member's first, in the
 * smallest unsigned little-endian width that can address the whole tuple.
 */
function tupleMembers(data, members) {
    const size = data.length;
    const width = size <= 0xff ? 1 : size <= 0xffff ? 2 : 4;
    const readOffset = (at) => width === 1 ? data.readUInt8(at) : width === 2 ? data.readUInt16LE(at) : data.readUInt32LE(at);
    const framed = members.slice(0, -1).filter((m) => m.fixed === undefined).length;
    const offsetsStart = size - framed * width;
    const out = [];
    let position = 0;
    let frame = 0;
    members.forEach((member, index) => {
        const start = alignUp(position, member.align);
        let end;
        if (member.fixed !== undefined)
            end = start + member.fixed;
        else if (index === members.length - 1)
            end = offsetsStart;
        else
            end = readOffset(size - ++frame * width);
        if (start > end || end > offsetsStart)
            throw new Error('not a serialized GVariant of the expected type');
        out.push(data.subarray(start, end));
        position = end;
    });
    return out;
}
const COMMIT = [
    { align: 8 }, // a{sv} metadata
    { align: 1 }, // ay parent
    { align: 1 }, // a(say) related
    { align: 1 }, // s subject
    { align: 1 }, // s body
    { align: 8, fixed: 8 }, // t timestamp (big-endian)
    { align: 1 }, // ay root dirtree
    { align: 1 }, // ay root dirmeta
];
const cString = (bytes) => bytes.subarray(0, Math.max(0, bytes.length - 1)).toString('utf8');
function parseCommit(data) {
    const members = tupleMembers(data, COMMIT);
    return {
        subject: cString(members[3]),
        body: cString(members[4]),
        timestamp: new Date(Number(members[5].readBigUInt64BE(0)) * 1000),
    };
}
/** The line our builds write into the commit body, so the published version can be read back. */
const VERSION_LINE = 'Version: ';
function commitVersion(info) {
    for (const line of info.body.split('\n'))
        if (line.startsWith(VERSION_LINE))
            return line.slice(VERSION_LINE.length).trim();
    return undefined;
}

;// CONCATENATED MODULE: ./packages/publishers/src/flatpak-build.ts
/**
 * Building with the real tools: `flatpak-builder` exports the app into a fresh OSTree repository
 * in the run's temp folder, and `flatpak build-bundle` makes a single-file bundle from it.
 * The commit body records the release version (`Version: X`), so a flat-manager repository can
 * later tell which version a ref holds.
 */




async function requireTool(name) {
    if (!(await (0,exec/* which */.K7)(name)))
        throw new Error(`${name} is not installed on this runner: install flatpak and flatpak-builder (e.g. apt-get install flatpak-builder) and the manifest's runtime and SDK`);
}
async function defaultArch(env) {
    await requireTool('flatpak');
    return (await (0,exec/* execOk */.Oh)('flatpak', ['--default-arch'], { env })).stdout.trim();
}
const appRef = (appId, arch, branch) => `app/${appId}/${arch}/${branch}`;
async function buildApp(loaded, version, arch, ctx) {
    await requireTool('flatpak-builder');
    const work = (0,external_node_path_.join)(ctx.tempDir, 'flatpak');
    (0,external_node_fs_.mkdirSync)(work, { recursive: true });
    const repo = (0,external_node_path_.join)(work, 'repo');
    const buildDir = (0,external_node_path_.join)(work, 'build');
    const args = [
        // FUSE is often missing on CI runners and in containers; it only guards the build cache.
        '--disable-rofiles-fuse',
        '--force-clean',
        `--arch=${arch}`,
        `--repo=${repo}`,
        `--state-dir=${(0,external_node_path_.join)(work, 'state')}`,
        `--default-branch=${loaded.branch}`,
        `--subject=${loaded.appId} ${version}`,
        `--body=${VERSION_LINE}${version}`,
        buildDir,
        loaded.file,
    ];
    await ctx.reporter.group(`flatpak-builder ${loaded.appId} ${version}`, () => (0,exec/* execOk */.Oh)('flatpak-builder', args, {
        cwd: (0,external_node_path_.dirname)(loaded.file),
        env: ctx.env,
        onLine: (line) => ctx.reporter.info(line),
    }));
    const refs = listRefs(repo);
    const ref = appRef(loaded.appId, arch, loaded.branch);
    const commit = refs.get(ref);
    if (!commit)
        throw new Error(`flatpak-builder exported ${[...refs.keys()].join(', ') || 'no refs'}, not ${ref}`);
    return { repo, buildDir, ref, commit, arch, refs };
}
/** `flatpak build-bundle`: the app ref of `built` as a single .flatpak file. */
async function buildBundle(built, appId, branch, file, env) {
    await (0,exec/* execOk */.Oh)('flatpak', ['build-bundle', `--arch=${built.arch}`, built.repo, file, appId, branch], { env });
}

// EXTERNAL MODULE: ./packages/publishers/src/github-release.ts + 7 modules
var github_release = __webpack_require__(8690);
;// CONCATENATED MODULE: ./packages/publishers/src/flatpak-github.ts
/**
 * The few GitHub REST calls the Flatpak publisher makes itself: whether the release already has
 * the bundle (bundle mode; attaching it is the github-release publisher's attachAssets), and a
 * branch, a file update and a pull request (flathub-pr mode). Base URL from GITHUB_API_URL,
 * as on GitHub Enterprise and in tests.
 */

const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
const isRepository = (value) => REPOSITORY.test(value);
class GitHubApi {
    http;
    token;
    tokenName;
    base;
    constructor(http, token, env, 
    /** The setting the token comes from, named in hints. */
    tokenName = 'GITHUB_TOKEN') {
        this.http = http;
        this.token = token;
        this.tokenName = tokenName;
        this.base = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
    }
    headers(extra = {}) {
        const headers = {
            accept: 'application/vnd.github+json',
            'x-github-api-version': '2022-11-28',
            ...extra,
        };
        if (this.token)
            headers.authorization = `Bearer ${this.token}`;
        return headers;
    }
    refused(res, what) {
        let message = '';
        try {
            message = res.json().message ?? '';
        }
        catch {
            // not JSON
        }
        const detail = `HTTP ${res.status}${message ? `: ${message}` : ''}`;
        if (res.status === 401)
            return new errors/* RegistryError */.gl('GitHub', `refused the token to ${what} (${detail})`, `Check ${this.tokenName}: it is missing, expired or revoked.`, 401);
        if (res.status === 403)
            return new errors/* RegistryError */.gl('GitHub', `forbade ${what} (${detail})`, `Give ${this.tokenName} 'contents: write' (and 'pull-requests: write' for flathub-pr) on the repository.`, 403);
        if (res.status === 404)
            return new errors/* RegistryError */.gl('GitHub', `could not ${what}: not found (${detail})`, `Check the repository name, and that ${this.tokenName} can see it.`, 404);
        return new errors/* RegistryError */.gl('GitHub', `could not ${what} (${detail})`, undefined, res.status);
    }
    async call(method, path, json, options = {}) {
        return this.http.request({
            method,
            url: path.startsWith('http') ? path : `${this.base}${path}`,
            headers: this.headers(json === undefined ? {} : { 'content-type': 'application/json' }),
            body: json === undefined ? undefined : JSON.stringify(json),
            beforeRetry: options.beforeRetry,
        });
    }
    /** GET a JSON document; undefined on 404. */
    async find(path, what) {
        const res = await this.call('GET', path);
        if (res.status === 404)
            return undefined;
        if (!res.ok)
            throw this.refused(res, what);
        return res.json();
    }
    async releaseByTag(repository, tag) {
        return this.find(`/repos/${repository}/releases/tags/${encodeURIComponent(tag)}`, `read the release ${tag} of ${repository}`);
    }
}

// EXTERNAL MODULE: ./packages/action-kit/src/secrets.ts
var secrets = __webpack_require__(5736);
;// CONCATENATED MODULE: ./packages/publishers/src/flatpak-job.ts
/** What every Flatpak publishing mode starts from, and which credential each mode may use. */


const envValue = (env, name) => env[name]?.trim() || undefined;
/**
 * The token for GitHub (bundle, flathub-pr). The default variables list FLAT_MANAGER_TOKEN
 * first; when that is what was picked and GITHUB_TOKEN is set too, GitHub gets GITHUB_TOKEN.
 */
function githubToken(job) {
    const { ctx, settings } = job;
    const github = envValue(ctx.env, 'GITHUB_TOKEN');
    if (!settings['token-env'] &&
        ctx.token &&
        ctx.token === envValue(ctx.env, 'FLAT_MANAGER_TOKEN') &&
        github) {
        (0,secrets/* addSecret */.Ck)(github);
        return github;
    }
    return ctx.token;
}
/** The token for flat-manager; never a GitHub token picked up by default. */
function flatManagerToken(job) {
    const { ctx, settings } = job;
    if (!settings['token-env'] &&
        ctx.token &&
        !envValue(ctx.env, 'FLAT_MANAGER_TOKEN') &&
        ctx.token === envValue(ctx.env, 'GITHUB_TOKEN'))
        return undefined;
    return ctx.token;
}
function requireToken(token, variable, what) {
    if (!token)
        throw errors/* InputError */.dz.missing('token', `Set ${variable} (or the token input, or token-env) to ${what}.`);
    return token;
}

// EXTERNAL MODULE: ./packages/action-kit/src/paths.ts
var paths = __webpack_require__(1985);
// EXTERNAL MODULE: ./packages/registries/src/flatpak.ts
var flatpak = __webpack_require__(5724);
;// CONCATENATED MODULE: ./packages/publishers/src/flatpak-manifest.ts
/**
 * The flatpak-builder manifest of a target: where it is (inside the workspace), the app id and
 * branch it builds, and the version its metainfo names, which must be the release's version.
 */





function loadManifest(settings, workspace) {
    const path = settings.manifest;
    if (typeof path !== 'string' || !path)
        throw errors/* InputError */.dz.missing('manifest', 'Set the path of the flatpak-builder manifest.');
    const file = (0,paths/* resolveInside */.L)(workspace, path, 'manifest');
    const manifest = (0,flatpak.readManifest)(file);
    const fromManifest = (0,flatpak.manifestAppId)(manifest, file);
    const setting = typeof settings['app-id'] === 'string' && settings['app-id'] ? (0,flatpak.checkAppId)(settings['app-id']) : undefined;
    if (setting && setting !== fromManifest)
        throw errors/* InputError */.dz.bad('app-id', setting, `differs from the manifest's app-id ${fromManifest}`, 'Leave app-id empty or make them agree.');
    const branch = typeof manifest.branch === 'string' && manifest.branch
        ? manifest.branch
        : String(settings.branch || 'stable');
    if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(branch))
        throw errors/* InputError */.dz.bad('branch', branch, 'is not a valid Flatpak branch name');
    return { file, manifest, appId: fromManifest, branch };
}
/** The newest release an AppStream metainfo lists (releases are written newest first). */
function metainfoVersion(xml) {
    const releases = /<releases\b[^>]*>([\s\S]*?)<\/releases>/.exec(xml)?.[1] ?? '';
    return /<release\b[^>]*\bversion\s*=\s*["']([^"']+)["']/.exec(releases)?.[1];
}
const METAINFO = /\.(metainfo|appdata)\.xml$/;
/** Every source of every module, nested modules included (modules given as file names are skipped). */
function manifestSources(manifest) {
    const out = [];
    const visit = (modules) => {
        if (!Array.isArray(modules))
            return;
        for (const module of modules) {
            if (typeof module !== 'object' || module === null)
                continue;
            if (Array.isArray(module.sources))
                out.push(...module.sources.filter((s) => typeof s === 'object' && s !== null));
            visit(module.modules);
        }
    };
    visit(manifest.modules);
    return out;
}
/** The versions named by metainfo files the manifest builds from (local `file` sources). */
function declaredVersions(loaded, workspace) {
    const out = [];
    for (const source of manifestSources(loaded.manifest)) {
        if (source.type !== 'file' || typeof source.path !== 'string' || !METAINFO.test(source.path))
            continue;
        const file = (0,external_node_path_.resolve)((0,external_node_path_.dirname)(loaded.file), source.path);
        // Sources stay inside the workspace too; a missing one is flatpak-builder's error to report.
        if (!(0,external_node_fs_.existsSync)(file))
            continue;
        const version = metainfoVersion((0,external_node_fs_.readFileSync)((0,paths/* resolveInside */.L)(workspace, file, 'manifest'), 'utf8'));
        if (version)
            out.push({ file, version });
    }
    return out;
}
/** The version in the metainfo the build installed, if it installed one. */
function builtVersion(buildDir, appId) {
    for (const rel of [`share/metainfo/${appId}.metainfo.xml`, `share/appdata/${appId}.appdata.xml`]) {
        const file = (0,external_node_path_.join)(buildDir, 'files', rel);
        if (!(0,external_node_fs_.existsSync)(file))
            continue;
        const version = metainfoVersion((0,external_node_fs_.readFileSync)(file, 'utf8'));
        if (version)
            return { file: `/app/${rel}`, version };
    }
    return undefined;
}
const bare = (v) => v.replace(/^v(?=\d)/, '');
function checkVersions(declared, version) {
    for (const entry of declared) {
        if (!entry || bare(entry.version) === bare(version))
            continue;
        throw new errors/* ConfigError */.xL(entry.file, undefined, 'release', `names version ${entry.version}, but the release is ${version}`, `Add <release version="${version}"> first in <releases>, or release the version the metainfo names.`);
    }
}

;// CONCATENATED MODULE: ./packages/publishers/src/flatpak-bundle.ts
/**
 * bundle mode: build the app with flatpak-builder, make a single-file `.flatpak` with
 * `flatpak build-bundle`, and attach it to the GitHub release of the version. The asset name
 * `<app-id>-<version>.flatpak` is the idempotency key: present means done, unless `force`.
 */









function bundleName(appId, version) {
    return `${appId}-${version}.flatpak`;
}
function releaseRepository(settings, env) {
    const repository = String(settings.repository || env.GITHUB_REPOSITORY || '');
    if (!repository)
        throw errors/* InputError */.dz.missing('repository', 'Name the GitHub repository (owner/name) whose release gets the bundle.');
    if (!isRepository(repository))
        throw errors/* InputError */.dz.bad('repository', repository, 'is not owner/name');
    return repository;
}
async function publishBundle(job) {
    const { ctx, loaded } = job;
    const { version, tag } = ctx.version;
    const repository = releaseRepository(job.settings, ctx.env);
    const name = bundleName(loaded.appId, version);
    const token = githubToken(job);
    const api = new GitHubApi(ctx.http, token, ctx.env);
    const release = await api.releaseByTag(repository, tag);
    const existing = release?.assets.find((asset) => asset.name === name && asset.state !== 'open');
    if (existing && !ctx.force)
        return {
            status: 'skipped',
            url: existing.browser_download_url,
            notes: [`${name} is already attached to release ${tag} of ${repository}`],
        };
    const action = existing ? `replace ${name} on` : `attach ${name} to`;
    if (ctx.dryRun)
        return {
            status: 'dry-run',
            notes: [
                `would build ${loaded.appId} (branch ${loaded.branch}) and ${action} release ${tag} of ${repository}`,
            ],
        };
    requireToken(token, 'GITHUB_TOKEN', 'attach the bundle to the release');
    const arch = await defaultArch(ctx.env);
    const built = await buildApp(loaded, version, arch, ctx);
    checkVersions([builtVersion(built.buildDir, loaded.appId)], version);
    const file = (0,external_node_path_.join)(ctx.tempDir, name);
    await buildBundle(built, loaded.appId, loaded.branch, file, ctx.env);
    const bytes = (0,external_node_fs_.readFileSync)(file);
    const digest = `sha256:${(0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex')}`;
    // The release and the upload are the github-release publisher's: its rules, its race handling.
    const attached = await (0,github_release.attachAssets)(repository, tag, [file], { ...ctx, token });
    return {
        status: attached.status === 'skipped' ? 'skipped' : 'published',
        url: attached.url,
        digest,
        notes: [
            `built ${built.ref} (commit ${built.commit.slice(0, 12)}), ${name} is ${bytes.length} bytes`,
            ...(attached.notes ?? []),
        ],
    };
}

// EXTERNAL MODULE: ./packages/action-kit/src/http.ts + 1 modules
var http = __webpack_require__(3363);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./packages/publishers/src/flatpak-flathub-manifest.ts
/**
 * Bumping the app's manifest in its Flathub repository to a new version: in the app's own module
 * (the module named like the app or its repository, else the last module, which flatpak-builder
 * builds last and where manifests put the app itself), every source whose `url` or `tag` names
 * a version gets the new version, and each changed download gets its new checksum. YAML keeps
 * its comments and layout (the `yaml` Document API); JSON keeps its indentation.
 */


/**
 * A version inside a URL or tag: 1.2.3, v1.2.3, 1.2.3-rc.1. Only the usual prerelease words
 * count as part of it, so `app-1.2.3-linux-x86_64.tar.gz` keeps its platform suffix.
 */
const VERSION_TOKEN = /(?<![0-9A-Za-z.])v?(\d+\.\d+\.\d+(?:-(?:alpha|beta|rc|pre|preview|dev)\.?\d*)?)(?![0-9])(?!\.\d)/;
const isObj = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
/** Replace every occurrence of the version the text names with `version` (keeping a `v` prefix). */
function bumpVersionIn(text, version) {
    const found = VERSION_TOKEN.exec(text);
    if (!found)
        return undefined;
    const old = found[1];
    return text.split(old).join(version.replace(/^v/, ''));
}
/** The same in a URL's path and query only: the host (an IP address, say) is never a version. */
function bumpVersionInUrl(url, version) {
    const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(url)?.[0] ?? '';
    const rest = bumpVersionIn(url.slice(origin.length), version);
    return rest === undefined ? undefined : origin + rest;
}
/** The index of the app's module among the manifest's top-level modules. */
function appModuleIndex(modules, appId, projectName) {
    const wanted = [appId.split('.').pop(), appId, projectName].filter(Boolean).map((n) => n.toLowerCase());
    const named = modules.findIndex((m) => isObj(m) && typeof m.name === 'string' && wanted.includes(m.name.toLowerCase()));
    if (named >= 0)
        return named;
    for (let i = modules.length - 1; i >= 0; i--)
        if (isObj(modules[i]))
            return i;
    return -1;
}
function planBumps(manifest, file, appId, version, projectName) {
    const modules = Array.isArray(manifest.modules) ? manifest.modules : [];
    const index = appModuleIndex(modules, appId, projectName);
    if (index < 0)
        throw new errors/* ConfigError */.xL(file, undefined, 'modules', 'has no module to update');
    const module = modules[index];
    const sources = Array.isArray(module.sources) ? module.sources : [];
    const bumps = [];
    sources.forEach((source, i) => {
        if (!isObj(source))
            return;
        const type = String(source.type ?? '');
        const path = ['modules', index, 'sources', i];
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
        }
        else if (typeof source.url === 'string' && (type === 'archive' || type === 'file')) {
            const to = bumpVersionInUrl(source.url, version);
            const checksums = ['sha256', 'sha512'].filter((key) => source[key] !== undefined && source[key] !== null);
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
        throw new errors/* ConfigError */.xL(file, undefined, `modules[${index}]`, `no source of module ${JSON.stringify(module.name ?? index)} names a version in its url or tag`, 'Point the app module at a release tarball URL or a git tag that contains the version.');
    return bumps;
}
/** Every value to write: [path, value]. */
function assignments(bumps) {
    const out = [];
    for (const bump of bumps) {
        out.push([[...bump.path, bump.field], bump.to]);
        for (const [key, digest] of Object.entries(bump.digests))
            out.push([[...bump.path, key], digest]);
        if (bump.commit)
            out.push([[...bump.path, 'commit'], bump.commit]);
    }
    return out;
}
/** A scalar written the way the one it replaces was: quoted alike, else plain when YAML allows. */
function scalarLike(original, value) {
    if (original.startsWith("'"))
        return `'${value.replace(/'/g, "''")}'`;
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
function applyBumps(text, file, bumps) {
    // failsafe: every scalar stays a string, so a hex digest never turns into a float.
    const doc = (0,dist/* parseDocument */.Tp)(text, { schema: 'failsafe' });
    const json = /\.json$/i.test(file);
    const edits = [];
    const missing = [];
    for (const [path, value] of assignments(bumps)) {
        const node = doc.getIn(path, true);
        if ((0,dist/* isScalar */.jn)(node) && node.range) {
            const [start, end] = node.range;
            edits.push({
                start,
                end,
                text: json ? JSON.stringify(value) : scalarLike(text.slice(start, end), value),
            });
        }
        else
            missing.push([path, value]);
    }
    if (missing.length) {
        for (const [path, value] of [...assignments(bumps)])
            doc.setIn(path, value);
        if (!json)
            return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
        const indent = /^[ \t]+(?=")/m.exec(text)?.[0] ?? '    ';
        return JSON.stringify(doc.toJS(), null, indent) + (text.endsWith('\n') ? '\n' : '');
    }
    let out = text;
    for (const edit of edits.sort((a, b) => b.start - a.start))
        out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
    return out;
}

;// CONCATENATED MODULE: ./packages/publishers/src/flatpak-flathub-pr.ts
/**
 * flathub-pr mode: Flathub builds apps from a manifest in its own repository (flathub/<app-id>),
 * so releasing there is a pull request that points the app's sources at the new version. One
 * branch per version (`deploy-actions/<version>`): an open pull request from it means done.
 */








const prBranch = (version) => `deploy-actions/${version}`;
async function findManifest(api, repository, ref, candidates) {
    for (const path of candidates) {
        const file = await api.find(`/repos/${repository}/contents/${path.split('/').map(encodeURIComponent).join('/')}?ref=${encodeURIComponent(ref)}`, `read ${path} of ${repository}`);
        if (file)
            return { path, sha: file.sha, text: Buffer.from(file.content, 'base64').toString('utf8') };
    }
    throw new errors/* RegistryError */.gl('GitHub', `${repository} has none of ${candidates.join(', ')} on ${ref}`, 'Check repository (the Flathub repository of the app).');
}
async function download(job, url) {
    const res = await job.ctx.http.request({ url, timeoutMs: 10 * 60_000 });
    if (!res.ok)
        throw new errors/* RegistryError */.gl(new URL(url).host, `the new source ${url} answered HTTP ${res.status}`, 'Publish the release files first (run the github-release target in an earlier tier), or check the URL in the Flathub manifest.', res.status);
    return res.body;
}
/** The commit a tag of a GitHub repository points at (annotated tags followed to their commit). */
async function tagCommit(api, gitUrl, tag, file) {
    const repo = /github\.com[/:]([^/]+\/[^/]+?)(?:\.git)?\/?$/.exec(gitUrl)?.[1];
    if (!repo)
        throw new errors/* ConfigError */.xL(file, undefined, 'commit', `cannot look up the commit of ${tag} in ${gitUrl} (not a GitHub repository)`, 'Drop `commit:` or use a GitHub git URL.');
    const ref = await api.find(`/repos/${repo}/git/ref/tags/${encodeURIComponent(tag)}`, `read tag ${tag} of ${repo}`);
    if (!ref)
        throw new errors/* RegistryError */.gl('GitHub', `${repo} has no tag ${tag}`, 'Push the release tag before opening the Flathub pull request.');
    if (ref.object.type !== 'tag')
        return ref.object.sha;
    const annotated = await api.find(`/repos/${repo}/git/tags/${ref.object.sha}`, `read tag ${tag} of ${repo}`);
    if (!annotated)
        throw new errors/* RegistryError */.gl('GitHub', `${repo}: tag object ${ref.object.sha} not found`);
    return annotated.object.sha;
}
async function resolveBump(job, api, bump, source, file) {
    if (bump.field === 'tag') {
        const commit = bump.pinsCommit
            ? await tagCommit(api, String(source.url ?? ''), bump.to, file)
            : undefined;
        return { ...bump, digests: {}, commit };
    }
    const bytes = await download(job, bump.to);
    const digests = {};
    for (const algorithm of bump.checksums)
        digests[algorithm] = (0,external_node_crypto_.createHash)(algorithm).update(bytes).digest('hex');
    return { ...bump, digests };
}
function sourceAt(manifest, path) {
    let node = manifest;
    for (const key of path)
        node = node[key];
    return node;
}
function describe(bump) {
    const digests = Object.entries(bump.digests).map(([key, value]) => `, ${key} ${value.slice(0, 12)}…`);
    return `${bump.field} ${bump.from} -> ${bump.to}${digests.join('')}${bump.commit ? `, commit ${bump.commit.slice(0, 12)}` : ''}`;
}
async function publishFlathubPr(job) {
    const { ctx, loaded } = job;
    const { version } = ctx.version;
    const repository = String(job.settings.repository || `flathub/${loaded.appId}`);
    if (!isRepository(repository))
        throw errors/* InputError */.dz.bad('repository', repository, 'is not owner/name');
    const token = githubToken(job);
    const api = new GitHubApi(ctx.http, token, ctx.env);
    const owner = repository.split('/')[0];
    const branch = prBranch(version);
    const openPullsPath = `/repos/${repository}/pulls?state=open&head=${encodeURIComponent(`${owner}:${branch}`)}`;
    const open = await api.find(openPullsPath, `list pull requests of ${repository}`);
    if (open?.length)
        return {
            status: 'skipped',
            url: open[0].html_url,
            notes: [`pull request #${open[0].number} for ${version} is already open`],
        };
    const info = await api.find(`/repos/${repository}`, `read ${repository}`);
    if (!info)
        throw new errors/* RegistryError */.gl('GitHub', `repository ${repository} was not found`, 'Set repository to the Flathub repository of the app (flathub/<app-id>), and check the token can see it.', 404);
    const base = info.default_branch;
    const candidates = [
        ...new Set([
            (0,external_node_path_.basename)(loaded.file),
            `${loaded.appId}.yml`,
            `${loaded.appId}.yaml`,
            `${loaded.appId}.json`,
        ]),
    ];
    const remote = await findManifest(api, repository, base, candidates);
    const where = `${repository}:${remote.path}`;
    const manifest = (0,flatpak.parseManifest)(remote.text, remote.path);
    if ((0,flatpak.manifestAppId)(manifest, where) !== loaded.appId)
        throw new errors/* ConfigError */.xL(where, undefined, 'app-id', `is ${(0,flatpak.manifestAppId)(manifest, where)}, not ${loaded.appId}`, 'Check repository.');
    const project = ctx.env.GITHUB_REPOSITORY?.split('/')[1];
    const bumps = planBumps(manifest, where, loaded.appId, version, project);
    if (bumps.every((bump) => bump.from === bump.to))
        return { status: 'skipped', notes: [`${where} on ${base} already points at ${version}`] };
    if (ctx.dryRun) {
        // The release's files may not exist yet in a dry run: name the changes, fetch nothing.
        const planned = bumps.map((bump) => describe({ ...bump, digests: {} }) +
            (bump.checksums.length ? ` (+ ${bump.checksums.join(', ')})` : '') +
            (bump.pinsCommit ? ' (+ commit)' : ''));
        return {
            status: 'dry-run',
            notes: [
                `would open a pull request on ${repository} (${base} <- ${branch}) changing ${remote.path}:`,
                ...planned,
            ],
        };
    }
    const resolved = [];
    for (const bump of bumps)
        resolved.push(await resolveBump(job, api, bump, sourceAt(manifest, bump.path), where));
    const text = applyBumps(remote.text, remote.path, resolved);
    const changes = resolved.map(describe);
    requireToken(token, 'GITHUB_TOKEN', 'open the Flathub pull request (a token that may push to the Flathub repository)');
    const head = await api.find(`/repos/${repository}/git/ref/heads/${encodeURIComponent(base)}`, `read ${base} of ${repository}`);
    if (!head)
        throw new errors/* RegistryError */.gl('GitHub', `${repository} has no branch ${base}`);
    const created = await api.call('POST', `/repos/${repository}/git/refs`, { ref: `refs/heads/${branch}`, sha: head.object.sha }, {
        beforeRetry: async () => !(await api.find(`/repos/${repository}/git/ref/heads/${branch}`, `read ${branch}`)),
    });
    // 422: the branch exists from an earlier run whose pull request was not opened; reuse it.
    if (!created.ok && created.status !== 422)
        throw api.refused(created, `create branch ${branch} on ${repository}`);
    const onBranch = await findManifest(api, repository, branch, [remote.path]);
    const put = await api.call('PUT', `/repos/${repository}/contents/${remote.path.split('/').map(encodeURIComponent).join('/')}`, {
        message: `Update to ${version}`,
        content: Buffer.from(text, 'utf8').toString('base64'),
        sha: onBranch.sha,
        branch,
    });
    if (!put.ok)
        throw api.refused(put, `update ${remote.path} on ${branch}`);
    const body = [
        `Update ${loaded.appId} to ${version}.`,
        '',
        ...changes.map((c) => `- ${c}`),
        '',
        'Opened by deploy-actions.',
    ].join('\n');
    const openPull = async () => (await api.find(openPullsPath, `list pull requests of ${repository}`))?.[0];
    let pull;
    try {
        const pr = await api.call('POST', `/repos/${repository}/pulls`, { title: `Update to ${version}`, head: branch, base, body }, {
            beforeRetry: async () => !(await openPull()),
        });
        if (!pr.ok)
            throw api.refused(pr, `open a pull request on ${repository}`);
        pull = pr.json();
    }
    catch (error) {
        if (!(error instanceof http/* AlreadyDoneSignal */.lT))
            throw error;
        pull = await openPull();
    }
    if (!pull)
        throw new Error(`GitHub: the pull request on ${repository} was reported opened but is not listed`);
    return {
        status: 'published',
        url: pull.html_url,
        notes: [`opened pull request #${pull.number} on ${repository}`, ...changes],
    };
}

;// CONCATENATED MODULE: ./packages/publishers/src/flatpak-flat-manager.ts
/**
 * A flat-manager client speaking the protocol of flat-manager's own `flat-manager-client push
 * --commit --publish`: create a build (`POST /api/v1/build` {repo}), ask which objects it lacks
 * (`GET …/missing_objects` with a JSON body {wanted}), upload those (`POST …/upload`, multipart,
 * one part per object named `<checksum>.<kind>`), register each ref (`POST …/build_ref`
 * {ref, commit}), then commit and publish, following each job (`GET` the job with
 * {"log-offset"}) until it ends. All calls carry the token as `Authorization: Bearer`.
 */





/** flat-manager-client's batch size: objects are sent in requests of about this many bytes. */
const UPLOAD_CHUNK_LIMIT = 4 * 1024 * 1024;
const MISSING_CHUNK = 2000;
const JOB_ENDED = 2;
const JOB_BROKEN = 3;
function errorBody(res) {
    try {
        const data = JSON.parse(res.body.toString('utf8'));
        // flat-manager serializes its error JSON to a string, then sends that as JSON.
        const parsed = typeof data === 'string' ? JSON.parse(data) : data;
        return typeof parsed === 'object' && parsed !== null ? parsed : {};
    }
    catch {
        return {};
    }
}
/** A multipart/form-data body with one file part per object, as flat-manager's upload reads it. */
function multipartObjects(objects, boundary) {
    const parts = [];
    for (const object of objects) {
        parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="content"; filename="${object.name}"\r\n` +
            'Content-Type: application/octet-stream\r\n\r\n'), (0,external_node_fs_.readFileSync)(object.path), Buffer.from('\r\n'));
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    return Buffer.concat(parts);
}
/** Batches of about UPLOAD_CHUNK_LIMIT bytes; an object bigger than that travels alone. */
function uploadBatches(objects, limit = UPLOAD_CHUNK_LIMIT) {
    const batches = [];
    let current = [];
    let size = 0;
    for (const object of objects) {
        if (current.length && size + object.size > limit) {
            batches.push(current);
            current = [];
            size = 0;
        }
        current.push(object);
        size += object.size;
    }
    if (current.length)
        batches.push(current);
    return batches;
}
class FlatManager {
    options;
    base;
    constructor(options) {
        this.options = options;
        this.base = options.base.replace(/\/+$/, '');
    }
    buildUrl(id) {
        return `${this.base}/api/v1/build/${id}`;
    }
    refused(res, what) {
        const body = errorBody(res);
        const detail = body.message ? `: ${body.message}` : '';
        if (res.status === 401 || res.status === 403)
            return new errors/* RegistryError */.gl(this.base, `refused the token to ${what} (HTTP ${res.status}${detail})`, `Check FLAT_MANAGER_TOKEN: a flat-manager token with the build, upload and publish scopes for repo '${this.options.repo}' and this app id.`, res.status);
        if (res.status === 400)
            return new errors/* RegistryError */.gl(this.base, `could not ${what}${detail}`, /repo/i.test(body.message ?? '') ? `Check flat-manager-repo ('${this.options.repo}').` : undefined, 400);
        return new errors/* RegistryError */.gl(this.base, `could not ${what} (HTTP ${res.status}${detail})`, undefined, res.status);
    }
    async post(url, json, what, beforeRetry) {
        const res = await this.options.http.request({
            method: 'POST',
            url,
            headers: { authorization: `Bearer ${this.options.token}`, 'content-type': 'application/json' },
            body: JSON.stringify(json),
            beforeRetry,
        });
        if (!res.ok)
            throw this.refused(res, what);
        return res;
    }
    /**
     * flat-manager reads a JSON body on two GET routes (`/build/{id}/missing_objects` and the job
     * routes, actix `Json<…>` extractors); like flat-manager-client, send it gzip-compressed.
     * Both are reads, safe to repeat, so the client's retries apply.
     */
    async getJson(url, json, what) {
        const { gzipSync } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 8522, 23));
        const res = await this.options.http.request({
            method: 'GET',
            url,
            headers: {
                authorization: `Bearer ${this.options.token}`,
                'content-type': 'application/json',
                'content-encoding': 'gzip',
            },
            body: gzipSync(JSON.stringify(json)),
        });
        if (!res.ok)
            throw this.refused(res, what);
        return res.json();
    }
    async getBuild(id) {
        const res = await this.options.http.request({
            url: this.buildUrl(id),
            headers: { authorization: `Bearer ${this.options.token}` },
        });
        if (!res.ok)
            throw this.refused(res, `read build ${id}`);
        return res.json();
    }
    /** A new build. Retried freely: a build nobody uploads to is harmless and never published. */
    async createBuild() {
        const res = await this.post(`${this.base}/api/v1/build`, { repo: this.options.repo }, `create a build in repo '${this.options.repo}'`, async () => true);
        return res.json();
    }
    async missingObjects(id, names) {
        const missing = new Set();
        for (let i = 0; i < names.length; i += MISSING_CHUNK) {
            const data = await this.getJson(`${this.buildUrl(id)}/missing_objects`, { wanted: names.slice(i, i + MISSING_CHUNK) }, 'list missing objects');
            for (const name of data.missing ?? [])
                missing.add(name);
        }
        return missing;
    }
    /** Upload what the build lacks; returns how many objects and bytes were sent. */
    async uploadObjects(id, objects) {
        const missing = await this.missingObjects(id, objects.map((o) => o.name));
        const todo = uploadOrder(objects.filter((o) => missing.has(o.name)));
        let bytes = 0;
        for (const batch of uploadBatches(todo)) {
            const boundary = `deploy-actions-${(0,external_node_crypto_.randomBytes)(12).toString('hex')}`;
            try {
                const res = await this.options.http.request({
                    method: 'POST',
                    url: `${this.buildUrl(id)}/upload`,
                    headers: {
                        authorization: `Bearer ${this.options.token}`,
                        'content-type': `multipart/form-data; boundary=${boundary}`,
                    },
                    body: multipartObjects(batch, boundary),
                    // Objects are content-addressed: ask what is still missing, resend only if anything is.
                    beforeRetry: async () => (await this.missingObjects(id, batch.map((o) => o.name))).size > 0,
                });
                if (!res.ok)
                    throw this.refused(res, 'upload objects');
            }
            catch (error) {
                if (!(error instanceof http/* AlreadyDoneSignal */.lT))
                    throw error;
            }
            bytes += batch.reduce((sum, o) => sum + o.size, 0);
        }
        return { count: todo.length, bytes };
    }
    async addRef(id, ref, commit) {
        await this.post(`${this.buildUrl(id)}/build_ref`, { ref, commit }, `add ref ${ref}`, async () => true);
    }
    /** Commit the build and wait for the commit job; flat-manager verifies every object here. */
    async commit(id) {
        try {
            await this.post(`${this.buildUrl(id)}/commit`, { endoflife: null, endoflife_rebase: null }, 'commit the build', async () => 
            // The commit landed if the build left the uploading state.
            (await this.getBuild(id)).repo_state === 0);
        }
        catch (error) {
            if (!(error instanceof http/* AlreadyDoneSignal */.lT))
                throw error;
        }
        return this.waitJob(`${this.buildUrl(id)}/commit`, 'commit');
    }
    async publish(id) {
        try {
            await this.post(`${this.buildUrl(id)}/publish`, {}, 'publish the build', async () => (await this.getBuild(id)).published_state === 0);
        }
        catch (error) {
            if (error instanceof http/* AlreadyDoneSignal */.lT)
                return this.waitJob(`${this.buildUrl(id)}/publish`, 'publish');
            // flat-manager-client treats "already published" as done, and so do we.
            if (error instanceof errors/* RegistryError */.gl &&
                error.status === 400 &&
                (await this.getBuild(id)).published_state === 2)
                return undefined;
            throw error;
        }
        return this.waitJob(`${this.buildUrl(id)}/publish`, 'publish');
    }
    /** Follow a job until it ends, printing its log; a broken job is the registry's refusal. */
    async waitJob(url, what) {
        const deadline = Date.now() + (this.options.jobTimeoutMs ?? 60 * 60_000);
        let delay = this.options.pollMs ?? 250;
        let printed = 0;
        for (;;) {
            const job = await this.getJson(url, { 'log-offset': printed }, `follow the ${what} job`);
            if (job.log) {
                for (const line of job.log.split('\n').filter(Boolean))
                    this.options.reporter.info(`| ${line}`);
                printed += job.log.length;
            }
            if (job.status === JOB_ENDED)
                return job;
            if (job.status === JOB_BROKEN)
                throw new errors/* RegistryError */.gl(this.base, `the ${what} job ${job.id} failed${job.log ? `: ${job.log.trim().split('\n').slice(-3).join(' / ')}` : ''}`);
            if (Date.now() > deadline)
                throw new Error(`${this.base}: the ${what} job ${job.id} did not finish in time`);
            await new Promise((resolve) => setTimeout(resolve, delay));
            delay = Math.min(5000, delay * 2);
        }
    }
    /** Best effort: drop a build that will not be committed, so it does not linger. */
    async purge(id) {
        await this.options.http.request({
            method: 'POST',
            url: `${this.buildUrl(id)}/purge`,
            headers: { authorization: `Bearer ${this.options.token}`, 'content-type': 'application/json' },
            body: '{}',
            retries: 0,
        });
    }
}
/**
 * The version a published ref holds, read from the repository flat-manager serves at
 * `<base>/repo/<repo>/`: the ref file names the commit, whose body carries our `Version:` line.
 * Undefined when the ref does not exist (or was not published by us).
 */
async function publishedRef(http, base, repo, ref) {
    const root = `${base.replace(/\/+$/, '')}/repo/${encodeURIComponent(repo)}`;
    const refRes = await http.request({ url: `${root}/refs/heads/${ref}` });
    if (refRes.status === 404)
        return undefined;
    if (!refRes.ok)
        throw new errors/* RegistryError */.gl(base, `GET ${ref} in repo '${repo}' answered HTTP ${refRes.status}`, undefined, refRes.status);
    const commit = refRes.text().trim();
    if (!/^[0-9a-f]{64}$/.test(commit))
        throw new Error(`${base}: ref ${ref} does not name a commit`);
    const commitRes = await http.request({ url: `${root}/${objectPath(commit, 'commit')}` });
    if (!commitRes.ok)
        throw new errors/* RegistryError */.gl(base, `GET commit ${commit} answered HTTP ${commitRes.status}`, undefined, commitRes.status);
    return { commit, version: commitVersion(parseCommit(commitRes.body)) };
}

;// CONCATENATED MODULE: ./packages/publishers/src/flatpak-push.ts
/**
 * flat-manager mode: build, then push the build's OSTree refs to a flat-manager (create a build,
 * upload the objects it lacks, register the refs, commit, publish). Idempotent through the
 * published repository itself: when the app's ref already holds a commit of this version (our
 * builds write `Version: X` in the commit body), the target is skipped.
 */






async function publishFlatManager(job) {
    const { ctx, loaded, settings } = job;
    const { version } = ctx.version;
    const base = typeof settings.registry === 'string' ? settings.registry.replace(/\/+$/, '') : '';
    if (!base)
        throw errors/* InputError */.dz.missing('registry', 'Set the base URL of the flat-manager to publish to (mode flat-manager).');
    const repo = String(settings['flat-manager-repo'] || 'stable');
    const arch = await defaultArch(ctx.env);
    const ref = appRef(loaded.appId, arch, loaded.branch);
    const refUrl = `${base}/repo/${repo}/refs/heads/${ref}`;
    const current = await publishedRef(ctx.http, base, repo, ref);
    if (current?.version === version && !ctx.force)
        return {
            status: 'skipped',
            url: refUrl,
            digest: current.commit,
            notes: [`${ref} in ${repo} already holds ${version}`],
        };
    const was = current ? ` (now ${current.version ?? `commit ${current.commit.slice(0, 12)}`})` : '';
    if (ctx.dryRun)
        return {
            status: 'dry-run',
            notes: [`would build ${ref} ${version} and publish it to ${repo} on ${base}${was}`],
        };
    const token = requireToken(flatManagerToken(job), 'FLAT_MANAGER_TOKEN', 'push to flat-manager');
    // The build is created first: a bad token or repo fails in a second, not after the app's build.
    const manager = new FlatManager({ base, token, repo, http: ctx.http, reporter: ctx.reporter });
    const build = await manager.createBuild();
    ctx.reporter.info(`flat-manager build ${manager.buildUrl(build.id)}`);
    let built;
    let sent;
    try {
        built = await buildApp(loaded, version, arch, ctx);
        checkVersions([builtVersion(built.buildDir, loaded.appId)], version);
        sent = await manager.uploadObjects(build.id, listObjects(built.repo));
        for (const [name, commit] of built.refs)
            await manager.addRef(build.id, name, commit);
    }
    catch (error) {
        // Nothing of an unfinished build is ever published: drop it rather than leave it behind.
        await manager.purge(build.id).catch(() => undefined);
        throw error;
    }
    await manager.commit(build.id);
    await manager.publish(build.id);
    const after = await publishedRef(ctx.http, base, repo, ref);
    const notes = [
        `uploaded ${sent.count} objects (${sent.bytes} bytes) to build ${build.id}`,
        `committed and published ${[...built.refs.keys()].join(', ')} to ${repo}${was}`,
    ];
    if (after?.version !== version)
        notes.push(`the repository does not show ${version} on ${ref} yet (publishing may be delayed)`);
    return { status: 'published', url: manager.buildUrl(build.id), digest: after?.commit, notes };
}

;// CONCATENATED MODULE: ./packages/publishers/src/flatpak.ts
/**
 * Flatpak: build the app from its flatpak-builder manifest and publish it one of three ways
 * (`mode`): `bundle` attaches a .flatpak to the GitHub release, `flat-manager` pushes the
 * build to a flat-manager repository, `flathub-pr` opens the version's pull request on the
 * app's Flathub repository. Every mode first checks that the metainfo names the release version.
 */





const MODES = ['bundle', 'flat-manager', 'flathub-pr'];
const RUN = {
    bundle: publishBundle,
    'flat-manager': publishFlatManager,
    'flathub-pr': publishFlathubPr,
};
const publish = async (settings, ctx) => {
    const mode = String(settings.mode ?? 'bundle');
    if (!MODES.includes(mode))
        throw errors/* InputError */.dz.bad('mode', mode, `is not one of ${MODES.join(', ')}`);
    const loaded = loadManifest(settings, ctx.workspace);
    // Before anything slow or visible: the metainfo the manifest builds from names this version.
    checkVersions(declaredVersions(loaded, ctx.workspace), ctx.version.version);
    return RUN[mode]({ settings, ctx, loaded });
};


/***/ }),

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


/***/ })

};
