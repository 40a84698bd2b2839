export const id = 458;
export const ids = [458,152];
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

/***/ 380:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ getIdToken),
/* harmony export */   r: () => (/* binding */ oidcAvailable)
/* harmony export */ });
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3363);
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

/***/ 8458:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publish: () => (/* binding */ publish),
  rollback: () => (/* reexport */ rollback)
});

// EXTERNAL MODULE: ./packages/action-kit/src/errors.ts
var errors = __webpack_require__(8826);
// EXTERNAL MODULE: ./packages/registries/src/npm.ts
var src_npm = __webpack_require__(152);
// EXTERNAL MODULE: ./packages/version/src/index.ts + 4 modules
var src = __webpack_require__(6193);
;// CONCATENATED MODULE: ./packages/publishers/src/npm-dist-tag.ts
/**
 * Which dist-tag a new npm version gets. `latest` is what `npm install pkg` resolves, so it
 * only ever moves forward to the highest stable version: a hotfix on an older line gets that
 * line's tag, a prerelease gets `next`.
 */


/** The tag npm refuses: one that reads as a version range (`1`, `v1.x`, `^2`, `>=1 <2`). */
function looksLikeRange(tag) {
    const part = '(?:\\d+|[xX*])';
    const xrange = new RegExp(`^[v=]*${part}(?:\\.${part}(?:\\.${part}(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?)?)?$`);
    return /^[<>=~^*]/.test(tag) || /\s/.test(tag) || xrange.test(tag);
}
function validateDistTag(tag) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(tag))
        throw errors/* InputError */.dz.bad('dist-tag', tag, 'is not a valid dist-tag', 'Use letters, digits, dots, dashes and underscores, e.g. next or beta.');
    if (looksLikeRange(tag))
        throw errors/* InputError */.dz.bad('dist-tag', tag, 'reads as a version range, which npm refuses as a tag', 'Use a name such as v1-latest or next.');
}
/**
 * The dist-tag for `version` given what is already `published`. `requested` is the
 * `dist-tag` setting: `auto`, or a tag used as given (except `latest` on a prerelease).
 */
function chooseDistTag(version, published, requested = 'auto') {
    if (requested !== 'auto') {
        validateDistTag(requested);
        if (requested === 'latest' && !(0,src/* isStable */.MQ)(version))
            throw errors/* InputError */.dz.bad('dist-tag', requested, `cannot be given to the prerelease ${version.raw}: \`npm install\` would pick it up`, 'Use dist-tag: auto (prereleases get next) or a tag such as next or beta.');
        return { tag: requested, why: 'as configured' };
    }
    if (!(0,src/* isStable */.MQ)(version))
        return { tag: 'next', why: 'a prerelease' };
    const all = [...published];
    if ((0,src/* isHighestStable */.OO)(version, all))
        return { tag: 'latest', why: 'the highest stable version' };
    const { major, minor } = version;
    if ((0,src/* isHighestStable */.OO)(version, all, (v) => v.major === major))
        return { tag: `v${major}-latest`, why: `the highest of ${major}.x, a newer major exists` };
    if ((0,src/* isHighestStable */.OO)(version, all, (v) => v.major === major && v.minor === minor))
        return {
            tag: `v${major}.${minor}-latest`,
            why: `the highest of ${major}.${minor}.x, a newer ${major}.x exists`,
        };
    // Older than a version of its own minor line: no floating tag may move back to it.
    return { tag: 'backport', why: `older than a published ${major}.${minor}.x` };
}

// EXTERNAL MODULE: ./packages/action-kit/src/oidc.ts
var oidc = __webpack_require__(380);
// EXTERNAL MODULE: ./packages/action-kit/src/secrets.ts
var secrets = __webpack_require__(5736);
;// CONCATENATED MODULE: ./packages/publishers/src/npm-auth.ts
/**
 * The credential npm publishes with: the token we were given, else npm trusted publishing
 * (GitHub's OIDC ID token exchanged at the registry for a short-lived publish token), else a
 * clear error saying what to set. And whether to sign provenance.
 */




/** The audience npm's registry expects in the ID token: `npm:<registry host>`. */
function oidcAudience(registry) {
    return `npm:${new URL((0,src_npm.registryBase)(registry)).hostname}`;
}
/** Exchange a GitHub ID token for a publish token of one package (npm trusted publishing). */
async function exchangeOidcToken(packageName, registry, http, env) {
    const base = (0,src_npm.registryBase)(registry);
    let idToken;
    try {
        idToken = await (0,oidc/* getIdToken */.p)(oidcAudience(registry), http, env);
    }
    catch (caught) {
        throw new errors/* RegistryError */.gl(base, `could not get a GitHub OIDC token for trusted publishing: ${caught.message}`, 'Set NPM_TOKEN, or grant the job `permissions: id-token: write`.');
    }
    // Like the npm CLI, the exchange lives at the registry host's root.
    const url = new URL(`/-/npm/v1/oidc/token/exchange/package/${(0,src_npm.escapePackageName)(packageName)}`, `${base}/`);
    const res = await http.request({
        method: 'POST',
        url,
        headers: {
            authorization: `Bearer ${idToken}`,
            accept: 'application/json',
            'content-type': 'application/json',
        },
        // Minting a token twice is harmless: a retry after a 5xx is safe.
        beforeRetry: async () => true,
    });
    if (!res.ok) {
        let detail = '';
        try {
            detail = res.json().message ?? '';
        }
        catch {
            // not JSON: the status says enough
        }
        throw new errors/* RegistryError */.gl(base, `refused the trusted-publishing exchange for ${packageName} (HTTP ${res.status})${detail ? `: ${detail}` : ''}`, 'Configure this repository and workflow as a trusted publisher of the package on the registry, or set NPM_TOKEN.', res.status);
    }
    const token = res.json().token;
    if (!token)
        throw new errors/* RegistryError */.gl(base, `answered the trusted-publishing exchange for ${packageName} without a token`);
    (0,secrets/* addSecret */.Ck)(token);
    return token;
}
/** The token given, else trusted publishing when the job can get an ID token, else an error. */
async function publishCredential(packageName, registry, context) {
    if (context.token) {
        (0,secrets/* addSecret */.Ck)(context.token);
        return { token: context.token, via: 'token' };
    }
    if ((0,oidc/* oidcAvailable */.r)(context.env))
        return { token: await exchangeOidcToken(packageName, registry, context.http, context.env), via: 'oidc' };
    throw errors/* InputError */.dz.missing('token', `No credential for ${(0,src_npm.registryBase)(registry)}: set NPM_TOKEN (or the 'token' input), or grant the job 'permissions: id-token: write' for npm trusted publishing.`);
}
/**
 * `auto`: sign provenance when GitHub Actions can give an ID token, for packages npm knows to
 * be public on npmjs (the registry that stores sigstore bundles): `access: public`, or an
 * unscoped package that is already published. npm itself refuses provenance for a new or
 * private package without `--access public`, so auto stays off there. `true`/`false` as given.
 */
function provenanceEnabled(setting, facts, env) {
    if (setting === true || setting === 'true')
        return true;
    if (setting === false || setting === 'false')
        return false;
    if (env.GITHUB_ACTIONS !== 'true' || !env.ACTIONS_ID_TOKEN_REQUEST_URL || !(0,src_npm.isNpmjs)(facts.registry))
        return false;
    return (facts.access === 'public' ||
        (facts.access !== 'restricted' && facts.exists && !facts.packageName.startsWith('@')));
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./packages/action-kit/src/exec.ts
var exec = __webpack_require__(2692);
;// CONCATENATED MODULE: ./packages/publishers/src/npm-cli.ts
/**
 * Running the npm CLI in a sealed configuration: our own userconfig (0600, in the run's private
 * temp folder) whose auth line reads the token from the environment, an empty globalconfig, a
 * private cache, and none of the caller's npm_config_* variables. The user's ~/.npmrc is never
 * read or written, and the token never appears in argv or in a file.
 */





/** The variable the userconfig's auth line expands; set only in npm's own environment. */
const TOKEN_VARIABLE = 'NPM_TOKEN';
/** `//host[:port]/path/`, the key npm files a registry's credentials under. */
function nerfDart(registry) {
    const url = new URL(`${(0,src_npm.registryBase)(registry)}/`);
    return `//${url.host}${url.pathname}`;
}
/** The userconfig text: the registry, and an auth line that names the variable, not the token. */
function userconfigText(registry, withToken) {
    const lines = [`registry=${(0,src_npm.registryBase)(registry)}/`];
    if (withToken)
        lines.push(`${nerfDart(registry)}:_authToken=\${${TOKEN_VARIABLE}}`);
    return `${lines.join('\n')}\n`;
}
/** Set up a sealed npm for `registry` under `tempDir`. */
async function npmRunner(registry, tempDir, baseEnv) {
    const npm = await (0,exec/* which */.K7)('npm');
    if (!npm)
        throw new Error('npm was not found on PATH: install Node.js (actions/setup-node) before this step');
    // One folder per registry: a workspace may send packages to more than one.
    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(tempDir, 'npm-'));
    const files = {
        user: (0,external_node_path_.join)(dir, 'npmrc-user'),
        userAnon: (0,external_node_path_.join)(dir, 'npmrc-anonymous'),
        global: (0,external_node_path_.join)(dir, 'npmrc-global'),
    };
    (0,external_node_fs_.writeFileSync)(files.user, userconfigText(registry, true), { mode: 0o600 });
    (0,external_node_fs_.writeFileSync)(files.userAnon, userconfigText(registry, false), { mode: 0o600 });
    (0,external_node_fs_.writeFileSync)(files.global, '', { mode: 0o600 });
    // Nothing of the caller's npm configuration leaks in: not their variables (setup-node sets
    // NPM_CONFIG_USERCONFIG), not their token variables, not the action's inputs (the token input).
    const env = {};
    for (const [key, value] of Object.entries(baseEnv)) {
        if (/^npm_config_/i.test(key) ||
            /^INPUT_/.test(key) ||
            key === TOKEN_VARIABLE ||
            key === 'NODE_AUTH_TOKEN')
            continue;
        env[key] = value;
    }
    Object.assign(env, {
        npm_config_globalconfig: files.global,
        npm_config_cache: (0,external_node_path_.join)(dir, 'cache'),
        npm_config_update_notifier: 'false',
        npm_config_fund: 'false',
        npm_config_audit: 'false',
        // We retry ourselves, after asking the registry whether the upload landed.
        npm_config_fetch_retries: '0',
    });
    return {
        registry: (0,src_npm.registryBase)(registry),
        run: (args, { cwd, token, reporter }) => (0,exec/* exec */.m0)(npm, args, {
            cwd,
            replaceEnv: true,
            env: { ...env, npm_config_userconfig: token ? files.user : files.userAnon, [TOKEN_VARIABLE]: token },
            onLine: reporter ? (line) => reporter.debug(`npm: ${line}`) : undefined,
        }),
    };
}
/** Flags that pin a command to `registry`, even for a scope a project .npmrc sends elsewhere. */
function registryFlags(registry, packageName) {
    const flags = [`--registry=${(0,src_npm.registryBase)(registry)}/`, '--workspaces=false'];
    const scope = /^(@[^/]+)\//.exec(packageName)?.[1];
    if (scope)
        flags.push(`--${scope}:registry=${(0,src_npm.registryBase)(registry)}/`);
    return flags;
}
/** What npm said went wrong, from its `--json` error object or its `npm error` lines. */
function readNpmFailure(result) {
    const text = `${result.stdout}\n${result.stderr}`;
    const errorLines = result.stderr
        .split('\n')
        .map((l) => /^npm (?:ERR!|error) ?(.*)$/.exec(l)?.[1]?.trim())
        .filter((l) => Boolean(l) && !/^A complete log of this run/.test(l) && !/^code /.test(l));
    let code = /npm (?:ERR!|error) code (E[A-Z0-9_]+)/.exec(text)?.[1] ?? /"code":\s*"(E[A-Z0-9_]+)"/.exec(text)?.[1];
    let summary = errorLines.slice(0, 3).join(' ');
    const json = /\{\s*"error":\s*\{[\s\S]*?"summary":\s*"((?:[^"\\]|\\.)*)"/.exec(result.stdout);
    if (!summary && json)
        summary = JSON.parse(`"${json[1]}"`);
    if (!code)
        code = /\b(E\d{3})\b/.exec(summary)?.[1];
    if (!summary)
        summary = result.timedOut ? 'npm timed out' : `npm exited with code ${result.code}`;
    return { code, summary };
}
const TRANSIENT = /^(E(?:408|429|5\d\d)|ETIMEDOUT|ESOCKETTIMEDOUT|ECONNRESET|ECONNREFUSED|EAI_AGAIN|EPIPE|ECONNABORTED)$/;
function isTransient(failure) {
    return ((failure.code !== undefined && TRANSIENT.test(failure.code)) ||
        /socket hang up|network timeout|ETIMEDOUT|ECONNRESET/i.test(failure.summary));
}
/** The user's to fix (credentials, permissions, a refused package): a RegistryError with a hint. */
function registryRefusal(registry, what, failure) {
    const status = /^E(\d{3})$/.exec(failure.code ?? '')?.[1];
    if (failure.code === 'E401' || failure.code === 'ENEEDAUTH' || failure.code === 'EOTP')
        return new errors/* RegistryError */.gl(registry, `refused the credential for ${what} (${failure.code}): ${failure.summary}`, 'Check NPM_TOKEN (or the token input): it must be a valid automation or granular token for this registry, without a one-time password.', 401);
    if (failure.code === 'E403')
        return new errors/* RegistryError */.gl(registry, `forbade ${what} (E403): ${failure.summary}`, 'Check NPM_TOKEN: the token must be allowed to publish this package (and scope), and the name must not belong to someone else.', 403);
    if (failure.code === 'E404')
        return new errors/* RegistryError */.gl(registry, `answered 404 to ${what}: ${failure.summary}`, 'npm answers 404 when the token may not publish to this scope: check NPM_TOKEN and the scope name.', 404);
    // 408 and 429 are the registry asking us to come back later: transient, not a refusal.
    if (status && status.startsWith('4') && status !== '408' && status !== '429')
        return new errors/* RegistryError */.gl(registry, `refused ${what} (${failure.code}): ${failure.summary}`, undefined, Number(status));
    if (failure.code === 'EPRIVATE')
        return new errors/* RegistryError */.gl(registry, `${what}: ${failure.summary}`, 'Remove "private": true from package.json, or don\'t publish this package.');
    return undefined;
}

// EXTERNAL MODULE: ./packages/action-kit/src/paths.ts
var paths = __webpack_require__(1985);
;// CONCATENATED MODULE: ./packages/publishers/src/npm-workspaces.ts
/**
 * npm workspaces: find the packages a root package.json declares, and the order to publish
 * them in, so a package is on the registry before any package that depends on it.
 */




/** The dependency kinds that must be published first (devDependencies are not installed by users). */
const RUNTIME_DEPENDENCIES = ['dependencies', 'peerDependencies', 'optionalDependencies'];
function globToRegExp(segment) {
    const body = segment
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '[^/]*')
        .replace(/\?/g, '[^/]');
    return new RegExp(`^${body}$`);
}
function subdirs(dir) {
    try {
        return (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true })
            .filter((e) => e.isDirectory() && e.name !== 'node_modules' && !e.name.startsWith('.'))
            .map((e) => e.name)
            .sort();
    }
    catch {
        return [];
    }
}
/** Folders matching a workspace pattern (`packages/*`, `libs/**`, `tools/cli`), relative to root. */
function expandPattern(root, pattern) {
    const segments = pattern.replace(/^\.\//, '').replace(/\/+$/, '').split('/').filter(Boolean);
    let current = [root];
    for (const segment of segments) {
        const next = [];
        for (const dir of current) {
            if (segment === '**') {
                // Zero or more levels.
                const stack = [dir];
                while (stack.length) {
                    const d = stack.pop();
                    next.push(d);
                    for (const child of subdirs(d))
                        stack.push((0,external_node_path_.join)(d, child));
                }
            }
            else if (/[*?]/.test(segment)) {
                const re = globToRegExp(segment);
                for (const child of subdirs(dir))
                    if (re.test(child))
                        next.push((0,external_node_path_.join)(dir, child));
            }
            else if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, segment)) && (0,external_node_fs_.statSync)((0,external_node_path_.join)(dir, segment)).isDirectory()) {
                next.push((0,external_node_path_.join)(dir, segment));
            }
        }
        current = [...new Set(next)];
    }
    return current.filter((dir) => (0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, 'package.json')));
}
/** The workspace packages of the root package.json in `root`, in folder order. */
function findWorkspacePackages(root) {
    const file = (0,external_node_path_.join)(root, 'package.json');
    const manifest = (0,src_npm.readPackageJson)(file);
    const patterns = Array.isArray(manifest.workspaces) ? manifest.workspaces : manifest.workspaces?.packages;
    if (!patterns?.length)
        throw new errors/* ConfigError */.xL(file, undefined, 'workspaces', 'declares no workspaces', "Add a 'workspaces' list, or set workspaces: false to publish this package alone.");
    const included = new Set();
    const excluded = new Set();
    for (const pattern of patterns) {
        if (typeof pattern !== 'string')
            continue;
        const negated = pattern.startsWith('!');
        for (const dir of expandPattern(root, negated ? pattern.slice(1) : pattern))
            (negated ? excluded : included).add(dir);
    }
    const packages = [];
    const byName = new Map();
    for (const dir of [...included].filter((d) => !excluded.has(d) && d !== root).sort()) {
        const pkgFile = (0,external_node_path_.join)(dir, 'package.json');
        const pkg = (0,src_npm.readPackageJson)(pkgFile);
        if (typeof pkg.name !== 'string' || !pkg.name)
            throw new errors/* ConfigError */.xL(pkgFile, undefined, 'name', 'is missing: npm needs a package name');
        const seen = byName.get(pkg.name);
        if (seen)
            throw new errors/* ConfigError */.xL(pkgFile, undefined, 'name', `${pkg.name} is also the name of ${(0,external_node_path_.relative)(root, seen).split(external_node_path_.sep).join('/')}`, 'Workspace package names must be unique.');
        byName.set(pkg.name, dir);
        packages.push({ name: pkg.name, dir, manifest: pkg });
    }
    if (!packages.length)
        throw new errors/* ConfigError */.xL(file, undefined, 'workspaces', `matches no folder with a package.json (${patterns.join(', ')})`);
    return packages;
}
/** Names of the workspace packages `pkg` needs at run time. */
function workspaceDependencies(pkg, names) {
    const out = new Set();
    for (const kind of RUNTIME_DEPENDENCIES)
        for (const dep of Object.keys(pkg.manifest[kind] ?? {}))
            if (names.has(dep) && dep !== pkg.name)
                out.add(dep);
    return [...out].sort();
}
/**
 * Dependencies first (depth-first, ties in the given order so the result is stable). A cycle
 * cannot be published in order: it is an error that names it, e.g. `a -> b -> a`.
 */
function publishOrder(packages, where = 'package.json') {
    const byName = new Map(packages.map((p) => [p.name, p]));
    const names = new Set(byName.keys());
    const state = new Map();
    const order = [];
    const stack = [];
    const visit = (pkg) => {
        const seen = state.get(pkg.name);
        if (seen === 'done')
            return;
        if (seen === 'visiting') {
            const cycle = [...stack.slice(stack.indexOf(pkg.name)), pkg.name].join(' -> ');
            throw new errors/* ConfigError */.xL(where, undefined, 'workspaces', `the workspace packages depend on each other in a cycle: ${cycle}`, 'npm cannot publish a cycle in dependency order: move one of these dependencies to devDependencies.');
        }
        state.set(pkg.name, 'visiting');
        stack.push(pkg.name);
        for (const dep of workspaceDependencies(pkg, names))
            visit(byName.get(dep));
        stack.pop();
        state.set(pkg.name, 'done');
        order.push(pkg);
    };
    for (const pkg of packages)
        visit(pkg);
    return order;
}

;// CONCATENATED MODULE: ./packages/publishers/src/npm-package.ts
/**
 * What an npm target publishes: the package under `path`, or with `workspaces: true` every
 * public workspace package in dependency order; each checked against the release version
 * before anything is sent.
 */





function registryFor(settings, manifest) {
    const configured = typeof settings.registry === 'string' ? settings.registry.trim() : '';
    return configured || manifest.publishConfig?.registry || src_npm.NPM_DEFAULT_REGISTRY;
}
/** The packages of a target, in publish order; refuses a private package. */
function targetPackages(settings, workspace) {
    const root = (0,paths/* resolveInside */.L)(workspace, String(settings.path ?? '.'), 'path');
    const rootFile = (0,external_node_path_.join)(root, 'package.json');
    let packages;
    if (settings.workspaces === true || settings.workspaces === 'true') {
        packages = publishOrder(findWorkspacePackages(root), rootFile)
            .filter((pkg) => pkg.manifest.private !== true)
            .map((pkg) => ({
            ...pkg,
            file: (0,external_node_path_.join)(pkg.dir, 'package.json'),
            registry: registryFor(settings, pkg.manifest),
        }));
        if (!packages.length)
            throw new errors/* ConfigError */.xL(rootFile, undefined, 'workspaces', 'has only private packages: there is nothing to publish');
    }
    else {
        const manifest = (0,src_npm.readPackageJson)(rootFile);
        if (typeof manifest.name !== 'string' || !manifest.name)
            throw new errors/* ConfigError */.xL(rootFile, undefined, 'name', 'is missing: npm needs a package name');
        if (manifest.private === true)
            throw new errors/* ConfigError */.xL(rootFile, undefined, 'private', `is true: npm will not publish ${manifest.name}`, manifest.workspaces
                ? 'This is a workspace root: set workspaces: true to publish its packages.'
                : 'Remove "private": true to publish it.');
        packages = [
            { name: manifest.name, dir: root, manifest, file: rootFile, registry: registryFor(settings, manifest) },
        ];
    }
    return packages;
}
/** The packages to publish; every package.json must name the release version. */
function packagesToPublish(settings, workspace, releaseVersion) {
    const packages = targetPackages(settings, workspace);
    for (const pkg of packages) {
        if (pkg.manifest.version !== releaseVersion)
            throw new errors/* ConfigError */.xL(pkg.file, undefined, 'version', `is ${JSON.stringify(pkg.manifest.version ?? null)} but the release version is ${releaseVersion}: npm publishes what package.json says`, `Set "version": "${releaseVersion}" (npm version ${releaseVersion} --no-git-tag-version) before publishing, or release the version package.json names.`);
    }
    return packages;
}

;// CONCATENATED MODULE: ./packages/publishers/src/npm-rollback.ts
/**
 * Take an npm release back: npm never deletes a version for good, so rolling back means moving
 * the dist-tag users install (`latest`, or the one given) back to a good version, and, with a
 * reason, deprecating the bad one so installs of it warn.
 */





/** The highest stable, not deprecated version below `bad`. */
function previousStable(packument, bad) {
    const badVersion = (0,src/* parseSemVer */.IX)(bad);
    const candidates = (0,src/* parseAll */.bg)(packument.versions.filter((v) => !packument.deprecated[v]))
        .filter((v) => (0,src/* isStable */.MQ)(v) && (!badVersion || (0,src/* compareSemVer */.Cg)(v, badVersion) < 0))
        .sort(src/* compareSemVer */.Cg);
    return candidates.at(-1)?.raw;
}
async function npmOk(runner, args, what, ctx, cwd) {
    if (!ctx.token)
        throw errors/* InputError */.dz.missing('token', `Moving a dist-tag on ${runner.registry} needs NPM_TOKEN (or the 'token' input): trusted publishing only covers npm publish.`);
    const result = await runner.run(args, { cwd, token: ctx.token, reporter: ctx.reporter });
    if (result.code === 0)
        return;
    const failure = readNpmFailure(result);
    throw (registryRefusal(runner.registry, what, failure) ??
        new Error(`${what} on ${runner.registry} failed: ${failure.summary}`));
}
async function rollbackPackage(pkg, tag, ctx) {
    const registry = (0,src_npm.registryBase)(pkg.registry);
    const read = { http: ctx.http, registry, token: ctx.token };
    const packument = await (0,src_npm.fetchPackument)(pkg.name, read);
    if (!packument?.versions.length)
        throw new errors/* RegistryError */.gl(registry, `${pkg.name} is not published: there is nothing to roll back`);
    const current = packument.distTags[tag];
    const bad = ctx.badVersion ?? current;
    if (!bad)
        throw new errors/* RegistryError */.gl(registry, `${pkg.name} has no dist-tag ${tag} to roll back`, 'Name the dist-tag to move with the dist-tag setting.');
    if (!packument.versions.includes(bad))
        throw new errors/* RegistryError */.gl(registry, `${pkg.name}@${bad} is not published: there is nothing to roll back`);
    const to = ctx.toVersion ?? previousStable(packument, bad);
    if (!to)
        throw errors/* InputError */.dz.missing('to-version', `${pkg.name} has no stable version below ${bad} on ${registry}: name the version to go back to.`);
    if (!packument.versions.includes(to))
        throw errors/* InputError */.dz.bad('to-version', to, `is not a published version of ${pkg.name} on ${registry}`, 'Name a version the registry has (npm view <name> versions).');
    const toSemVer = (0,src/* parseSemVer */.IX)(to);
    if (tag === 'latest' && (!toSemVer || !(0,src/* isStable */.MQ)(toSemVer)))
        throw errors/* InputError */.dz.bad('to-version', to, 'is a prerelease: latest only goes to a stable version', 'Name a stable version.');
    const actions = [];
    // In a dry run the same lines say what a real run would change.
    const prefix = ctx.dryRun ? 'npm (dry run): ' : 'npm: ';
    let runner;
    const npm = async () => (runner ??= await npmRunner(registry, ctx.tempDir, ctx.env));
    if (current !== to) {
        if (!ctx.dryRun)
            await npmOk(await npm(), ['dist-tag', 'add', ...registryFlags(registry, pkg.name), '--', `${pkg.name}@${to}`, tag], `moving ${tag} of ${pkg.name} to ${to}`, ctx, pkg.dir);
        actions.push(`${prefix}dist-tag ${tag} of ${pkg.name} ${current ?? '(none)'} -> ${to}`);
    }
    else {
        actions.push(`npm: dist-tag ${tag} of ${pkg.name} already on ${to}`);
    }
    if (ctx.reason && bad !== to && !packument.deprecated[bad]) {
        if (!ctx.dryRun)
            await npmOk(await npm(), 
            // `--`: a reason that starts with a dash is a message, not a flag.
            ['deprecate', ...registryFlags(registry, pkg.name), '--', `${pkg.name}@${bad}`, ctx.reason], `deprecating ${pkg.name}@${bad}`, ctx, pkg.dir);
        actions.push(`${prefix}deprecate ${pkg.name}@${bad}: ${ctx.reason}`);
    }
    if (!ctx.dryRun && current !== to) {
        const now = (await (0,src_npm.fetchDistTags)(pkg.name, read))[tag];
        if (now !== to)
            throw new Error(`${registry}: ${tag} of ${pkg.name} is ${now ?? '(none)'} after npm dist-tag add ${to}`);
    }
    return { rolledBackTo: to, actions };
}
const rollback = async (settings, ctx) => {
    const requested = String(settings['dist-tag'] ?? 'auto');
    const tag = requested === 'auto' ? 'latest' : requested;
    // No version check here: package.json may already name the next release.
    const packages = targetPackages(settings, ctx.workspace);
    const results = [];
    for (const pkg of packages)
        results.push(await rollbackPackage(pkg, tag, ctx));
    return { rolledBackTo: results[0].rolledBackTo, actions: results.flatMap((r) => r.actions) };
};

;// CONCATENATED MODULE: ./packages/publishers/src/npm.ts
/**
 * Publish to an npm registry with the npm CLI, idempotently: ask the registry first (present =>
 * skipped), choose the dist-tag so `latest` only moves forward, and after a failed `npm publish`
 * ask again before retrying, so nothing is published twice.
 */







/** `npm publish` attempts per package; between them the registry is asked whether it landed. */
const PUBLISH_ATTEMPTS = 3;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function backoffMs(attempt, env) {
    const base = Number(env.DEPLOY_ACTIONS_HTTP_BACKOFF_MS);
    return ((Number.isFinite(base) && env.DEPLOY_ACTIONS_HTTP_BACKOFF_MS !== '' && base >= 0 ? base : 1000) *
        2 ** (attempt - 1));
}
/** The sha512 integrity npm computed for the tarball it sent (`npm publish --json`). */
function integrityOf(stdout, name) {
    try {
        // The JSON document starts on a line of its own, after whatever lifecycle scripts printed.
        const start = stdout.search(/^\{\s*$/m);
        if (start < 0)
            return undefined;
        // npm 10 prints the package's summary; npm 11 keys it by the package name.
        const data = JSON.parse(stdout.slice(start));
        const integrity = typeof data.integrity === 'string' ? data.integrity : data[name]?.integrity;
        return typeof integrity === 'string' ? integrity : undefined;
    }
    catch {
        return undefined;
    }
}
async function publishPackage(pkg, settings, ctx, runners) {
    const version = ctx.version.version;
    const registry = (0,src_npm.registryBase)(pkg.registry);
    const client = (0,src_npm.createClient)(pkg.name, {
        http: ctx.http,
        registry,
        token: ctx.token,
        reporter: ctx.reporter,
    });
    const id = `${pkg.name}@${version}`;
    const packument = await client.packument();
    const base = { name: pkg.name, url: client.url(version) };
    if (packument?.versions.includes(version)) {
        if (ctx.force)
            throw new errors/* RegistryError */.gl(registry, `${id} is already published, and npm forbids republishing an existing version (force cannot override it)`, 'Publish a new version instead; npm never lets a version be overwritten, even after an unpublish.', 409);
        return { ...base, status: 'skipped', note: `${id} is already on ${registry}: skipped` };
    }
    // A deprecated version has been withdrawn (often by a rollback): it does not hold `latest` back.
    const live = (packument?.versions ?? []).filter((v) => !packument?.deprecated[v]);
    const { tag, why } = chooseDistTag(ctx.version.semver, live, String(settings['dist-tag'] ?? 'auto'));
    if (ctx.dryRun)
        return {
            ...base,
            status: 'dry-run',
            note: `${id} would be published to ${registry} with dist-tag ${tag} (${why})`,
        };
    const credential = await publishCredential(pkg.name, registry, ctx);
    const args = ['publish', ...registryFlags(registry, pkg.name), '--tag', tag, '--json'];
    if (settings.access)
        args.push(`--access=${String(settings.access)}`);
    const provenance = provenanceEnabled(settings.provenance ?? 'auto', { registry, access: settings.access, packageName: pkg.name, exists: Boolean(packument) }, ctx.env);
    if (provenance)
        args.push('--provenance');
    let runner = runners.get(registry);
    if (!runner)
        runners.set(registry, (runner = await npmRunner(registry, ctx.tempDir, ctx.env)));
    for (let attempt = 1;; attempt++) {
        const result = await ctx.reporter.group(`npm publish ${id} --tag ${tag}`, () => runner.run(args, { cwd: pkg.dir, token: credential.token, reporter: ctx.reporter }));
        const extras = `${provenance ? ', with provenance' : ''}${credential.via === 'oidc' ? ', via trusted publishing' : ''}`;
        if (result.code === 0 && !result.timedOut)
            return {
                ...base,
                status: 'published',
                digest: integrityOf(result.stdout, pkg.name),
                note: `${id} published to ${registry} with dist-tag ${tag} (${why})${extras}`,
            };
        const failure = readNpmFailure(result);
        // The upload may have landed before the error (a timeout, a reset): the registry decides.
        if (await client.exists(version))
            return {
                ...base,
                status: 'published',
                note: `${id} is on ${registry} after npm reported "${failure.summary}": counted as published, not sent again`,
            };
        const refusal = registryRefusal(registry, `npm publish of ${id}`, failure);
        if (refusal)
            throw refusal;
        if (!isTransient(failure))
            throw new Error(`npm publish of ${id} to ${registry} failed: ${failure.summary}`);
        if (attempt >= PUBLISH_ATTEMPTS)
            throw new Error(`npm publish of ${id} to ${registry} failed ${attempt} times: ${failure.summary}`);
        const delay = backoffMs(attempt, ctx.env);
        ctx.reporter.warning(`npm publish of ${id} failed (${failure.code ?? failure.summary}); ${registry} does not have it: retry ${attempt}/${PUBLISH_ATTEMPTS - 1} in ${delay} ms`);
        await sleep(delay);
    }
}
function overallStatus(outcomes) {
    if (outcomes.some((o) => o.status === 'published'))
        return 'published';
    if (outcomes.some((o) => o.status === 'dry-run'))
        return 'dry-run';
    return 'skipped';
}
const publish = async (settings, ctx) => {
    const packages = packagesToPublish(settings, ctx.workspace, ctx.version.version);
    const unscoped = packages.find((pkg) => !pkg.name.startsWith('@'));
    if (settings.access === 'restricted' && unscoped)
        throw errors/* InputError */.dz.bad('access', 'restricted', `cannot apply to ${unscoped.name}: npm restricts only scoped packages (@scope/name)`, 'Use access: public, or publish under a scope.');
    const explicitTag = String(settings['dist-tag'] ?? 'auto');
    // Refuse a bad explicit tag before asking any registry anything.
    if (explicitTag !== 'auto')
        chooseDistTag(ctx.version.semver, [], explicitTag);
    const runners = new Map();
    const outcomes = [];
    for (const pkg of packages) {
        try {
            const outcome = await publishPackage(pkg, settings, ctx, runners);
            ctx.reporter.info(outcome.note);
            outcomes.push(outcome);
        }
        catch (caught) {
            const done = outcomes.filter((o) => o.status === 'published').map((o) => o.name);
            if (done.length)
                ctx.reporter.notice(`Published before ${pkg.name} failed: ${done.join(', ')}; a rerun skips them.`);
            throw caught;
        }
    }
    return {
        status: overallStatus(outcomes),
        // With workspaces, the first package in dependency order stands for the set (all are in notes).
        url: outcomes[0].url,
        digest: outcomes.length === 1 ? outcomes[0].digest : undefined,
        notes: outcomes.map((o) => o.note),
    };
};


/***/ }),

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
