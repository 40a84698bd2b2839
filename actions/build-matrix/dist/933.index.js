export const id = 933;
export const ids = [933,41];
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

/***/ 8933:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publish: () => (/* binding */ publish),
  rollback: () => (/* binding */ rollback)
});

// EXTERNAL MODULE: ./packages/action-kit/src/errors.ts
var errors = __webpack_require__(8826);
// EXTERNAL MODULE: ./packages/registries/src/crates.ts
var src_crates = __webpack_require__(3041);
// EXTERNAL MODULE: ./packages/registries/src/crates-manifest.ts
var crates_manifest = __webpack_require__(363);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./packages/action-kit/src/oidc.ts
var oidc = __webpack_require__(380);
// EXTERNAL MODULE: ./packages/action-kit/src/parse.ts
var parse = __webpack_require__(5210);
// EXTERNAL MODULE: ./packages/action-kit/src/secrets.ts
var secrets = __webpack_require__(5736);
;// CONCATENATED MODULE: ./packages/publishers/src/crates-auth.ts
/**
 * The credential cargo publishes with: the token given, else crates.io trusted publishing: the
 * job's OIDC ID token exchanged for a short-lived registry token
 * (`POST {api}/api/v1/trusted_publishing/tokens` {jwt} -> {token}), revoked at the end of the
 * run (`DELETE` the same path with that token), as rust-lang/crates-io-auth-action does.
 */




const tokensEndpoint = (apiUrl) => `${apiUrl.replace(/\/+$/, '')}/api/v1/trusted_publishing/tokens`;
/** The ID token's audience: the registry's host, `crates.io` for crates.io. */
const oidcAudience = (apiUrl) => new URL(apiUrl).host;
/** crates.io's error bodies are {errors: [{detail}]}. */
function errorDetail(res) {
    try {
        const details = res
            .json()
            .errors?.map((e) => e.detail)
            .filter(Boolean);
        if (details?.length)
            return details.join('; ');
    }
    catch {
        // not JSON
    }
    return res.text().trim().slice(0, 200) || `HTTP ${res.status}`;
}
/** Exchange the job's OIDC token for a registry token, and schedule its revocation. */
async function trustedPublishingToken(context, apiUrl, label) {
    const jwt = await (0,oidc/* getIdToken */.p)(oidcAudience(apiUrl), context.http, context.env);
    const res = await context.http.request({
        method: 'POST',
        url: tokensEndpoint(apiUrl),
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ jwt }),
        // Each exchange mints a fresh token; repeating one after a lost answer is harmless.
        beforeRetry: async () => true,
    });
    if (!res.ok)
        throw new errors/* RegistryError */.gl(label, `refused the trusted publishing exchange (HTTP ${res.status}): ${errorDetail(res)}`, "Add this repository and workflow as a trusted publisher in the crate's settings on crates.io (a first release needs a token), or set CARGO_REGISTRY_TOKEN.", res.status);
    const token = res.json().token;
    if (!token)
        throw new Error(`${tokensEndpoint(apiUrl)} answered without a token`);
    (0,secrets/* addSecret */.Ck)(token);
    context.defer(async () => {
        const revoked = await context.http.request({
            method: 'DELETE',
            url: tokensEndpoint(apiUrl),
            headers: { authorization: `Bearer ${token}` },
        });
        if (!revoked.ok)
            throw new Error(`could not revoke the trusted publishing token (HTTP ${revoked.status}): ${errorDetail(revoked)}`);
    });
    return token;
}
/**
 * The token to publish with: the given one (input, `token-env`, CARGO_REGISTRY_TOKEN), else the
 * variable cargo itself reads for this registry, else trusted publishing when the job has OIDC.
 */
async function publishToken(context, apiUrl, label, tokenEnv) {
    const fromCargoEnv = context.env[tokenEnv]?.trim();
    const given = context.token ?? (fromCargoEnv ? (0,parse/* parseToken */.pI)(tokenEnv, fromCargoEnv) : undefined);
    if (given) {
        (0,secrets/* addSecret */.Ck)(given);
        return { token: given, trusted: false };
    }
    if ((0,oidc/* oidcAvailable */.r)(context.env))
        return { token: await trustedPublishingToken(context, await apiUrl(), label), trusted: true };
    const variables = tokenEnv === 'CARGO_REGISTRY_TOKEN' ? 'CARGO_REGISTRY_TOKEN' : `CARGO_REGISTRY_TOKEN or ${tokenEnv}`;
    throw errors/* InputError */.dz.missing('token', `Set the \`token\` input or ${variables}, or grant \`permissions: id-token: write\` for trusted publishing.`);
}

// EXTERNAL MODULE: ./packages/action-kit/src/exec.ts
var exec = __webpack_require__(2692);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./packages/publishers/src/crates-cargo.ts
/**
 * Running cargo for a publish: a private CARGO_HOME under the run's temp folder (so no user
 * config or credential file is read or written), the token only in cargo's environment
 * variable, and cargo's failures sorted into what to do next.
 */






class CargoMissingError extends errors/* UserError */.yo {
    title = 'cargo not found';
    constructor() {
        super('cargo was not found on PATH', 'Install a Rust toolchain before this step (e.g. dtolnay/rust-toolchain@stable).');
    }
}
const toml = (value) => JSON.stringify(value);
/**
 * Make the private CARGO_HOME: config.toml names the registry; the user's download caches are
 * linked in (read-mostly, no credentials) so verification does not download every dependency again.
 */
async function prepareCargo(tempDir, settings, env) {
    if (!(await (0,exec/* which */.K7)('cargo')))
        throw new CargoMissingError();
    const home = (0,external_node_path_.join)(tempDir, 'cargo-home');
    (0,external_node_fs_.mkdirSync)(home, { recursive: true, mode: 0o700 });
    const lines = ['# written by deploy-actions for one publish; removed when the step ends'];
    // The token provider is named because cargo sends no token to a private (auth-required)
    // index without one; cargo:token reads the environment variable we set, nothing else.
    if (settings.registryName)
        lines.push(`[registries.${settings.registryName}]`, `index = ${toml((0,src_crates.cargoIndexUrl)(settings.indexUrl))}`, 'credential-provider = "cargo:token"');
    (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(home, 'config.toml'), lines.join('\n') + '\n', { mode: 0o600 });
    const userHome = env.CARGO_HOME || (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.cargo');
    for (const cache of ['registry', 'git']) {
        const source = (0,external_node_path_.join)(userHome, cache);
        if ((0,external_node_fs_.existsSync)(source) && !(0,external_node_fs_.existsSync)((0,external_node_path_.join)(home, cache)))
            (0,external_node_fs_.symlinkSync)(source, (0,external_node_path_.join)(home, cache));
    }
    return {
        home,
        env: { CARGO_HOME: home, CARGO_TERM_COLOR: 'never', CARGO_TERM_PROGRESS_WHEN: 'never' },
    };
}
/** The workspace as cargo sees it (members, versions, path dependencies); no network. */
async function cargoMetadata(cargo, manifest) {
    const result = await (0,exec/* execOk */.Oh)('cargo', ['metadata', '--format-version', '1', '--no-deps', '--manifest-path', manifest], {
        cwd: (0,external_node_path_.dirname)(manifest),
        env: cargo.env,
        timeoutMs: 120_000,
    });
    return JSON.parse(result.stdout);
}
/** cargo publish's argv: no secret is ever part of it. */
function publishArgs(args) {
    return [
        'publish',
        '--manifest-path',
        args.manifest,
        ...(args.registryName ? ['--registry', args.registryName] : []),
        ...(args.verify ? [] : ['--no-verify']),
        ...(args.allowDirty ? ['--allow-dirty'] : []),
    ];
}
function yankArgs(name, version, registryName) {
    return ['yank', '--version', version, ...(registryName ? ['--registry', registryName] : []), name];
}
/** Run cargo with the token in its variable, streaming its lines to the log. */
function runCargo(cargo, args, options) {
    return (0,exec/* exec */.m0)('cargo', args, {
        cwd: options.cwd,
        env: { ...cargo.env, [options.tokenEnv]: options.token },
        timeoutMs: 30 * 60_000,
        onLine: (line) => options.reporter.info(line),
    });
}
/** What a failed cargo publish/yank means, from what it printed. */
function classifyCargoFailure(result) {
    const text = `${result.stderr}\n${result.stdout}`;
    if (/already exists|is already uploaded/i.test(text))
        return 'exists';
    if (/status 40[13]\b|authentication|unauthori[sz]ed|forbidden|no token found|non-empty token|token.*(invalid|expired|revoked)/i.test(text))
        return 'auth';
    if (result.timedOut ||
        /status (5\d\d|429|408)\b|timed? ?out|timeout|connection (reset|refused|closed)|spurious network error|failed to send request|could not resolve host|network failure|broken pipe/i.test(text))
        return 'transient';
    return 'fatal';
}
/** The lines worth quoting from cargo's output: the error and its causes. */
function cargoErrorSummary(result) {
    const lines = result.stderr.split('\n').map((l) => l.trim());
    const start = lines.findIndex((l) => l.startsWith('error'));
    const relevant = (start >= 0 ? lines.slice(start) : lines.slice(-6)).filter((l) => l && !/^Caused by:$/.test(l));
    return relevant
        .join(' ')
        .replace(/^error:\s*/, '')
        .slice(0, 600);
}

;// CONCATENATED MODULE: ./packages/publishers/src/crates-settings.ts
/**
 * The settings of a crates target, checked and typed before anything runs: which manifest,
 * which crates, which registry (and how cargo must name it), how long to wait for the index.
 */





/** The name cargo gives a registry set only by URL: cargo needs a name for `--registry`. */
const DEFAULT_REGISTRY_NAME = 'deploy-actions';
function flag(settings, name, fallback) {
    const value = settings[name];
    if (value === undefined || value === '')
        return fallback;
    return typeof value === 'boolean' ? value : (0,parse/* parseBool */.q6)(name, String(value));
}
function registryNameSetting(settings) {
    const raw = settings['registry-name'];
    if (raw === undefined || raw === '')
        return undefined;
    const name = String(raw).trim();
    if (!/^[A-Za-z0-9_-]+$/.test(name))
        throw errors/* InputError */.dz.bad('registry-name', raw, 'is not a cargo registry name', 'Use letters, digits, - and _ only, as in [registries.NAME].');
    return name;
}
function parseCratesSettings(settings, workspace, env) {
    const manifest = (0,crates_manifest/* manifestFile */.YE)(settings, workspace);
    let registryName = registryNameSetting(settings);
    const explicit = typeof settings.registry === 'string' && settings.registry.trim() ? settings.registry : undefined;
    let indexSource = explicit;
    if (!indexSource && registryName && registryName !== 'crates-io') {
        indexSource = (0,crates_manifest/* indexFromCargoConfig */.lp)(registryName, (0,external_node_path_.dirname)(manifest), env);
        if (!indexSource)
            throw errors/* InputError */.dz.bad('registry-name', registryName, 'is not defined in any cargo config (no registries.<name>.index)', 'Set `registry` to its sparse index URL as well, e.g. sparse+https://my-registry.example/index/.');
    }
    const indexUrl = (0,src_crates.normalizeIndexUrl)(indexSource, explicit ? 'registry' : 'registry-name');
    if ((0,src_crates.isCratesIoIndex)(indexUrl))
        registryName = undefined;
    else
        registryName ??= DEFAULT_REGISTRY_NAME;
    const timeoutRaw = settings['index-timeout'];
    return {
        manifest,
        packages: (0,crates_manifest/* packageSetting */.Rm)(settings),
        indexUrl,
        registryName,
        label: registryName ? `registry ${registryName} (${(0,src_crates.cargoIndexUrl)(indexUrl)})` : 'crates.io',
        tokenEnv: registryName ? `CARGO_REGISTRIES_${(0,crates_manifest/* cargoEnvName */.lS)(registryName)}_TOKEN` : 'CARGO_REGISTRY_TOKEN',
        indexTimeoutMs: timeoutRaw === undefined || timeoutRaw === ''
            ? 300_000
            : (0,parse/* parseDuration */.E9)('index-timeout', String(timeoutRaw)),
        verify: flag(settings, 'verify', true),
        allowDirty: flag(settings, 'allow-dirty', false),
    };
}

// EXTERNAL MODULE: ./node_modules/smol-toml/dist/index.js + 8 modules
var dist = __webpack_require__(3292);
;// CONCATENATED MODULE: ./packages/publishers/src/crates-standalone.ts
/**
 * The common case without spawning cargo: a Cargo.toml that is one crate, in no workspace, with
 * its own name and version. cargo metadata costs a process start; for such a crate it would
 * tell us nothing the file does not. Anything less plain returns undefined: cargo decides.
 */



const isTable = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
function readTable(file) {
    try {
        return (0,dist.parse)((0,external_node_fs_.readFileSync)(file, 'utf8'));
    }
    catch {
        return undefined;
    }
}
/** Whether a Cargo.toml above `dir` declares a workspace (this crate may be a member of it). */
function workspaceAbove(dir) {
    for (let parent = (0,external_node_path_.dirname)(dir); parent !== dir; dir = parent, parent = (0,external_node_path_.dirname)(dir)) {
        const file = (0,external_node_path_.join)(parent, 'Cargo.toml');
        if ((0,external_node_fs_.existsSync)(file) && isTable(readTable(file)?.workspace))
            return true;
    }
    return false;
}
/** `publish` as cargo metadata reports it: null (anywhere), [] (nowhere) or registry names. */
function publishField(value) {
    if (value === undefined || value === true)
        return null;
    if (value === false)
        return [];
    if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
        return value;
    return undefined;
}
function standaloneMetadata(manifest) {
    const toml = readTable(manifest);
    if (!toml || toml.workspace !== undefined || !isTable(toml.package))
        return undefined;
    const { name, version, publish } = toml.package;
    const publishList = publishField(publish);
    if (typeof name !== 'string' || typeof version !== 'string' || publishList === undefined)
        return undefined;
    if (workspaceAbove((0,external_node_path_.dirname)(manifest)))
        return undefined;
    const id = `path+file://${(0,external_node_path_.dirname)(manifest)}#${name}@${version}`;
    return {
        packages: [{ name, version, id, manifest_path: manifest, publish: publishList, dependencies: [] }],
        workspace_members: [id],
        workspace_root: (0,external_node_path_.dirname)(manifest),
    };
}

;// CONCATENATED MODULE: ./packages/publishers/src/crates-upload.ts
/**
 * One crate's upload, safe to retry: `cargo publish` once; when it fails in a way that may be
 * transient, the index is asked (for as long as the backoff lasts) whether the upload landed
 * before cargo is run again, so a version is never sent twice. Then wait for the index to list
 * it, because the next crate of a workspace resolves against the index.
 */



const defaultSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function envNumber(env, name, fallback) {
    const value = Number(env[name]);
    return env[name] !== undefined && env[name] !== '' && Number.isFinite(value) && value >= 0
        ? value
        : fallback;
}
/** Ask the index every second for up to `ms`; true as soon as it lists the crate. */
async function seenWithin(context, crate, ms) {
    const sleep = context.sleep ?? defaultSleep;
    const deadline = Date.now() + ms;
    for (;;) {
        if (await context.inIndex(crate))
            return true;
        const left = deadline - Date.now();
        if (left <= 0)
            return false;
        await sleep(Math.min(1000, left));
    }
}
async function uploadCrate(crate, context) {
    const { settings } = context;
    // The same bounds as every HTTP call (DEPLOY_ACTIONS_HTTP_*), with a slower base: a registry
    // that failed an upload usually needs seconds, not milliseconds.
    const retries = envNumber(context.env, 'DEPLOY_ACTIONS_HTTP_RETRIES', 3);
    const baseDelay = envNumber(context.env, 'DEPLOY_ACTIONS_HTTP_BACKOFF_MS', 2000);
    const args = publishArgs({
        manifest: crate.manifest,
        registryName: settings.registryName,
        verify: settings.verify,
        allowDirty: settings.allowDirty,
    });
    for (let attempt = 0;; attempt++) {
        const result = await runCargo(context.cargo, args, {
            cwd: (0,external_node_path_.dirname)(crate.manifest),
            tokenEnv: settings.tokenEnv,
            token: context.token,
            reporter: context.reporter,
        });
        if (result.code === 0 && !result.timedOut) {
            // Since 1.66 cargo polls the index after the upload and prints this once it is there.
            const confirmed = result.stderr.includes(`Published ${crate.name} v${crate.version}`);
            return { outcome: 'published', confirmed };
        }
        const failure = classifyCargoFailure(result);
        const summary = cargoErrorSummary(result);
        if (failure === 'auth')
            throw new errors/* RegistryError */.gl(settings.label, `refused to publish ${crate.name} ${context.version}: ${summary}`, context.trusted
                ? "Check the crate's trusted publisher on crates.io: it must name this repository and workflow file."
                : `Check the token (the \`token\` input, ${settings.tokenEnv === 'CARGO_REGISTRY_TOKEN' ? '' : `${settings.tokenEnv}, `}CARGO_REGISTRY_TOKEN or \`token-env\`): it must be valid for this registry and allowed to publish this crate (scope publish-update, or publish-new for a first release).`, 403);
        if (failure === 'exists') {
            // A concurrent run, or our own earlier attempt the registry did take: it is there now.
            if (await seenWithin(context, crate.name, settings.indexTimeoutMs))
                return { outcome: attempt === 0 ? 'raced' : 'landed', confirmed: true };
            throw new Error(`cargo publish of ${crate.name} ${context.version} was refused as already published, but the index does not list it: ${summary}`);
        }
        if (failure === 'fatal' || attempt >= retries)
            throw new Error(`cargo publish of ${crate.name} ${context.version} failed${attempt ? ` after ${attempt + 1} attempts` : ''}: ${summary}`);
        const delay = Math.min(30_000, baseDelay * 2 ** attempt);
        context.reporter.warning(`${crate.name} ${context.version}: upload failed (${summary}); checking the index before retry ${attempt + 1}/${retries}`);
        if (await seenWithin(context, crate.name, delay))
            return { outcome: 'landed', confirmed: true };
    }
}
/** Wait until the index lists the crate (cargo resolves the next crate's dependency there). */
async function waitForIndex(crate, context) {
    return seenWithin(context, crate.name, context.settings.indexTimeoutMs);
}

;// CONCATENATED MODULE: ./packages/publishers/src/crates-workspace.ts
/**
 * Which crates a target publishes, in which order, and whether their versions are the release's.
 * Read from `cargo metadata --no-deps` (cargo resolves workspace inheritance and globs for us),
 * ordered so every crate comes after the workspace crates it depends on.
 */




/** Whether `publish` lets this crate go to the registry (crates.io is "crates-io" to cargo). */
function publishableTo(publish, registryName) {
    if (publish === null)
        return true;
    return publish.includes(registryName ?? 'crates-io');
}
function realOrSame(path) {
    try {
        return (0,external_node_fs_.realpathSync)(path);
    }
    catch {
        return path;
    }
}
const sameFile = (a, b) => realOrSame(a) === realOrSame(b);
/**
 * The crates to publish: those `package` names; else the manifest's own crate; else (a virtual
 * workspace) every member publishable to the registry.
 */
function selectCrates(metadata, manifest, packages, registryName) {
    const members = metadata.packages.filter((p) => metadata.workspace_members.includes(p.id));
    const memberNames = new Set(members.map((m) => m.name));
    const target = registryName ? `registry ${registryName}` : 'crates.io';
    let chosen;
    if (packages.length) {
        chosen = packages.map((name) => {
            const found = members.find((m) => m.name === name);
            if (!found)
                throw errors/* InputError */.dz.bad('package', name, 'is not a crate of the workspace', `Use one of: ${[...memberNames].join(', ')}.`);
            if (!publishableTo(found.publish, registryName))
                throw errors/* InputError */.dz.bad('package', name, `may not be published to ${target} (its Cargo.toml sets publish)`, 'Remove it from `package`, or allow the registry in its `publish` key.');
            return found;
        });
    }
    else {
        const own = members.find((m) => sameFile(m.manifest_path, manifest));
        if (own && !publishableTo(own.publish, registryName))
            throw new errors/* ConfigError */.xL(own.manifest_path, undefined, 'package.publish', `keeps ${own.name} off ${target}`, 'Allow the registry in `publish`, or point `manifest` at the crate to publish.');
        chosen = own ? [own] : members.filter((m) => publishableTo(m.publish, registryName));
        if (!chosen.length)
            throw new errors/* ConfigError */.xL(manifest, undefined, 'workspace.members', `has no crate that may be published to ${target}`, "Check the members' `publish` keys, and `registry-name`: it must be a name they allow.");
    }
    return chosen.map((p) => ({
        name: p.name,
        version: p.version,
        manifest: p.manifest_path,
        dependsOn: [
            ...new Set(p.dependencies
                .filter((d) => d.path && d.kind !== 'dev' && memberNames.has(d.name) && d.name !== p.name)
                .map((d) => d.name)),
        ],
    }));
}
/** Every crate's version must be the release's, or nothing is published (build metadata aside). */
function checkVersions(crates, version, workspace) {
    for (const crate of crates) {
        if ((0,src_crates.withoutBuildMetadata)(crate.version) !== (0,src_crates.withoutBuildMetadata)(version))
            throw new errors/* ConfigError */.xL(workspace ? (0,external_node_path_.relative)(realOrSame(workspace), crate.manifest) : crate.manifest, undefined, 'package.version', `${crate.name} is at version ${crate.version}, but the release is ${version}; nothing was published`, 'Set the version in Cargo.toml (or [workspace.package] when members inherit it) to the release version before publishing.');
    }
}
/**
 * A topological order over the dependencies among `crates` (dependencies first), keeping the
 * given order where the graph leaves a choice. Dependencies outside the set are ignored: they
 * must already be in the registry. A cycle is an error naming it.
 */
function publishOrder(crates) {
    const byName = new Map(crates.map((c) => [c.name, c]));
    const state = new Map();
    const order = [];
    const visit = (crate, path) => {
        const seen = state.get(crate.name);
        if (seen === 'done')
            return;
        if (seen === 'visiting') {
            const cycle = [...path.slice(path.indexOf(crate.name)), crate.name];
            throw new errors/* ConfigError */.xL('Cargo.toml', undefined, 'dependencies', `the workspace crates depend on each other in a cycle (${cycle.join(' -> ')}), so no publish order exists`, 'Break the cycle: only dev-dependencies may point back.');
        }
        state.set(crate.name, 'visiting');
        for (const dep of crate.dependsOn) {
            const next = byName.get(dep);
            if (next)
                visit(next, [...path, crate.name]);
        }
        state.set(crate.name, 'done');
        order.push(crate);
    };
    for (const crate of crates)
        visit(crate, []);
    return order;
}

;// CONCATENATED MODULE: ./packages/publishers/src/crates.ts
/**
 * crates.io (and other cargo registries): publish a crate, or a workspace's crates in
 * dependency order, with `cargo publish`; take a bad release back with `cargo yank`.
 * Idempotent per crate: what the sparse index lists is skipped; a version can never be
 * replaced, so `force` over an existing version is refused.
 */










async function plan(raw, context) {
    const settings = parseCratesSettings(raw, context.workspace, context.env);
    const index = new src_crates.CratesIndex({ http: context.http, indexUrl: settings.indexUrl, token: context.token });
    const clients = new Map();
    const client = (name) => {
        if (!clients.has(name))
            clients.set(name, (0,src_crates.clientFor)(name, index));
        return clients.get(name);
    };
    // Ask the index about the target's crate while cargo reads the workspace: the answer is
    // usually all a rerun needs. A failure here is left for the real check to report.
    const identified = (0,crates_manifest/* crateNameFromManifest */.Is)(raw, context.workspace);
    client(identified)
        .entries()
        .catch(() => undefined);
    const cargo = await prepareCargo(context.tempDir, settings, context.env);
    const metadata = standaloneMetadata(settings.manifest) ?? (await cargoMetadata(cargo, settings.manifest));
    const crates = publishOrder(selectCrates(metadata, settings.manifest, settings.packages, settings.registryName));
    const primary = crates.find((c) => c.name === identified) ?? crates[crates.length - 1];
    return { settings, cargo, crates, primary, client };
}
const hasVersion = (entries, version) => entries.find((e) => (0,src_crates.withoutBuildMetadata)(e.vers) === (0,src_crates.withoutBuildMetadata)(version));
const forbidsRepublish = (settings) => settings.registryName
    ? 'cargo registries, like crates.io, forbid republishing'
    : 'crates.io forbids republishing';
const publish = async (raw, context) => {
    const version = context.version.version;
    const { settings, cargo, crates, primary, client } = await plan(raw, context);
    // Every version is checked before anything is sent: a half-published workspace helps no one.
    checkVersions(crates, version, context.workspace);
    const present = await Promise.all(crates.map((c) => client(c.name).exists(version)));
    const existing = crates.filter((_, i) => present[i]);
    const pending = crates.filter((_, i) => !present[i]);
    if (context.force && existing.length)
        throw new errors/* RegistryError */.gl(settings.label, `${existing.map((c) => c.name).join(', ')} ${version} is already published: ${forbidsRepublish(settings)}; yank instead`, 'A published version cannot be replaced. Yank it (the rollback action runs `cargo yank`) and release a new version.');
    const notes = existing.map((c) => `${c.name} ${version} is already on ${settings.label}: skipped`);
    const url = client(primary.name).url(version);
    if (!pending.length)
        return { status: 'skipped', url, notes };
    if (context.dryRun)
        return {
            status: 'dry-run',
            url,
            notes: [
                ...notes,
                `would publish ${pending.map((c) => c.name).join(', then ')} ${version} to ${settings.label}`,
            ],
        };
    const { token, trusted } = await publishToken(context, () => client(primary.name).index.apiUrl(), settings.label, settings.tokenEnv);
    const upload = {
        cargo,
        settings,
        token,
        trusted,
        version,
        reporter: context.reporter,
        env: context.env,
        inIndex: async (name) => Boolean(hasVersion(await client(name).entries(true), version)),
    };
    let sentAny = false;
    for (const [i, crate] of pending.entries()) {
        const { outcome, confirmed } = await context.reporter.group(`cargo publish ${crate.name} ${version}`, () => uploadCrate(crate, upload));
        notes.push(outcome === 'published'
            ? `${crate.name} ${version} published to ${settings.label}`
            : outcome === 'landed'
                ? `${crate.name} ${version}: an upload whose answer was lost had landed; not sent again`
                : `${crate.name} ${version} was published by someone else meanwhile`);
        sentAny ||= outcome !== 'raced';
        // cargo waits for the index itself and says so; otherwise (older cargo, its timeout) we wait.
        if (confirmed || (await waitForIndex(crate, upload)))
            continue;
        const next = pending[i + 1];
        if (next)
            throw new Error(`${crate.name} ${version} was uploaded but the index did not list it within index-timeout, and ${next.name} needs it. Rerun once it appears: published crates are skipped.`);
        context.reporter.warning(`${crate.name} ${version} was uploaded but the index did not list it within index-timeout yet.`);
    }
    // The registry's checksum of the .crate it stores: what a consumer's Cargo.lock will record.
    const cksum = hasVersion(await client(primary.name).entries(true), version)?.cksum;
    // Another run that got there first published it all: for this run, as for a rerun, skipped.
    return {
        status: sentAny ? 'published' : 'skipped',
        url,
        digest: cksum ? `sha256:${cksum}` : undefined,
        notes,
    };
};
/** Yank the bad version of every crate of the target; what cargo resolves to next is the answer. */
const rollback = async (raw, context) => {
    const { settings, cargo, crates, primary, client } = await plan(raw, context);
    const primaryEntries = await client(primary.name).entries(true);
    const bad = context.badVersion ?? (0,src_crates.latestUnyanked)(primaryEntries);
    if (!bad)
        throw new errors/* RegistryError */.gl(settings.label, `${primary.name} has no version left to yank`, 'Name the version to take back (to-version / bad version).');
    if (!hasVersion(primaryEntries, bad))
        throw new errors/* RegistryError */.gl(settings.label, `${primary.name} has no version ${bad}`, 'Check the version to take back.');
    if (context.toVersion) {
        const target = hasVersion(primaryEntries, context.toVersion);
        if (!target || target.yanked)
            throw new errors/* RegistryError */.gl(settings.label, `${primary.name} ${context.toVersion} is ${target ? 'yanked' : 'not published'}, so it cannot be rolled back to`, 'Choose a published version that is not yanked.');
    }
    const remaining = (entries) => (0,src_crates.latestUnyanked)(entries.filter((e) => (0,src_crates.withoutBuildMetadata)(e.vers) !== (0,src_crates.withoutBuildMetadata)(bad))) ?? '';
    const actions = [];
    if (context.dryRun) {
        for (const crate of crates)
            actions.push(`would yank ${crate.name} ${bad} (cargo yank)`);
        return { rolledBackTo: remaining(primaryEntries), actions };
    }
    const { token } = await publishToken(context, () => client(primary.name).index.apiUrl(), settings.label, settings.tokenEnv);
    // Dependents first, so no moment exists where a dependent resolves but its dependency is gone.
    for (const crate of [...crates].reverse()) {
        const entry = hasVersion(await client(crate.name).entries(true), bad);
        if (!entry)
            continue;
        if (entry.yanked) {
            actions.push(`crates: ${crate.name} ${bad} was already yanked`);
            continue;
        }
        const result = await runCargo(cargo, yankArgs(crate.name, bad, settings.registryName), {
            cwd: (0,external_node_path_.dirname)(crate.manifest),
            tokenEnv: settings.tokenEnv,
            token,
            reporter: context.reporter,
        });
        if (result.code !== 0) {
            const summary = cargoErrorSummary(result);
            if (classifyCargoFailure(result) === 'auth')
                throw new errors/* RegistryError */.gl(settings.label, `refused to yank ${crate.name} ${bad}: ${summary}`, 'Check the token: it must be allowed to yank this crate (scope yank).', 403);
            throw new Error(`cargo yank of ${crate.name} ${bad} failed: ${summary}`);
        }
        actions.push(`crates: yanked ${crate.name} ${bad}`);
    }
    const rolledBackTo = remaining(await client(primary.name).entries(true));
    if (context.toVersion && rolledBackTo !== context.toVersion)
        actions.push(`crates: cargo now resolves ${primary.name} to ${rolledBackTo || 'nothing stable'}, not ${context.toVersion}; a registry has no "latest" to move, only versions to yank`);
    return { rolledBackTo, actions };
};


/***/ }),

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
