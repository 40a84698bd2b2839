import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 3180:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _publish_src_run_publish_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7329);

await (0,_publish_src_run_publish_js__WEBPACK_IMPORTED_MODULE_0__/* .runPublishAction */ .p)('publish-pypi', 'pypi');

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 7329:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  p: () => (/* binding */ runPublishAction)
});

// UNUSED EXPORTS: writeOutcome

// EXTERNAL MODULE: ./packages/action-kit/src/errors.ts
var errors = __nccwpck_require__(8826);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
// EXTERNAL MODULE: ./packages/action-kit/src/secrets.ts
var secrets = __nccwpck_require__(5736);
;// CONCATENATED MODULE: ./packages/action-kit/src/runner.ts
/**
 * The runner's protocol, spoken directly: workflow commands on stdout and the file commands
 * (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_ENV, GITHUB_STEP_SUMMARY). This is what @actions/core
 * does; we keep our own small copy so a bundle starts in a few milliseconds instead of loading
 * an HTTP stack it never uses.
 */



let direct = true;
/**
 * Write to stdout without touching process.stdout: creating that stream loads node:stream and
 * its relatives, a sixth of a small action's start-up. A non-blocking stdout that is full
 * (EAGAIN) hands the rest, and everything after, to process.stdout, keeping the order.
 */
function writeStdout(text) {
    let data = Buffer.from(text, 'utf8');
    if (direct) {
        try {
            while (data.length)
                data = data.subarray((0,external_node_fs_.writeSync)(1, data));
            return;
        }
        catch {
            direct = false;
        }
    }
    process.stdout.write(data);
}
function escapeData(value) {
    return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(value) {
    return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
function issueCommand(command, properties, message) {
    const props = Object.entries(properties)
        .filter(([, v]) => v !== undefined && v !== '')
        .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
        .join(',');
    writeStdout(`::${command}${props ? ` ${props}` : ''}::${escapeData(message)}${external_node_os_.EOL}`);
}
function fileCommand(envName, name, value) {
    const path = process.env[envName];
    if (!path)
        return false;
    if (!(0,external_node_fs_.existsSync)(path))
        throw new Error(`${envName} points at ${path}, which does not exist`);
    // Not node:crypto: loading it costs a third of a small action's start-up. The delimiter need
    // not be secret: a value that contains it is refused below, so it can never end a block early.
    const delimiter = `ghadelimiter_${Date.now().toString(36)}${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
    if (name.includes(delimiter) || value.includes(delimiter))
        throw new Error('value contains the delimiter');
    (0,external_node_fs_.appendFileSync)(path, `${name}<<${delimiter}${external_node_os_.EOL}${value}${external_node_os_.EOL}${delimiter}${external_node_os_.EOL}`, 'utf8');
    return true;
}
const stringify = (value) => (typeof value === 'string' ? value : JSON.stringify(value));
/** Set an output; secrets are redacted even if a caller passes one by mistake. */
function setOutput(name, value) {
    const text = (0,secrets/* redact */.E$)(stringify(value ?? ''));
    if (!fileCommand('GITHUB_OUTPUT', name, text))
        issueCommand('set-output', { name }, text);
}
function saveState(name, value) {
    const text = stringify(value ?? '');
    if (!fileCommand('GITHUB_STATE', name, text))
        issueCommand('save-state', { name }, text);
}
function getState(name) {
    return process.env[`STATE_${name}`] ?? '';
}
function exportVariable(name, value) {
    process.env[name] = value;
    if (!fileCommand('GITHUB_ENV', name, value))
        issueCommand('set-env', { name }, value);
}
function setSecret(secret) {
    issueCommand('add-mask', {}, secret);
}
/** Every secret registered from now on is masked by the runner too. */
function wireMasking() {
    (0,secrets/* onSecretAdded */.EM)(setSecret);
}
function annotation(kind, message, props = {}) {
    issueCommand(kind, { title: props.title, file: props.file, line: props.startLine }, (0,secrets/* redact */.E$)(message));
}
const error = (message, props) => annotation('error', message, props);
const warning = (message, props) => annotation('warning', message, props);
const notice = (message, props) => annotation('notice', message, props);
function debug(message) {
    issueCommand('debug', {}, (0,secrets/* redact */.E$)(message));
}
/**
 * A log line. Lines that look like workflow commands are defused so that text from a user or a
 * registry can never be read by the runner as a command.
 */
function info(message) {
    const safe = (0,secrets/* redact */.E$)(message).replace(/^(\s*)::/gm, '$1:\u200b:');
    writeStdout(safe + external_node_os_.EOL);
}
function isDebug() {
    return process.env.RUNNER_DEBUG === '1';
}
async function group(name, fn) {
    issueCommand('group', {}, (0,secrets/* redact */.E$)(name));
    try {
        return await fn();
    }
    finally {
        issueCommand('endgroup', {}, '');
    }
}
/** Append markdown to the job summary; silently skipped outside a runner. */
function appendSummary(markdown) {
    const path = process.env.GITHUB_STEP_SUMMARY;
    if (!path || !(0,external_node_fs_.existsSync)(path))
        return;
    (0,external_node_fs_.appendFileSync)(path, (0,secrets/* redact */.E$)(markdown) + external_node_os_.EOL, 'utf8');
}
/** The Reporter for domain code, speaking the runner's protocol. */
const runnerReporter = {
    debug,
    info,
    notice: (m) => notice(m),
    warning: (m) => warning(m),
    error: (m) => error(m),
    group,
};

// EXTERNAL MODULE: ./packages/action-kit/src/parse.ts
var parse = __nccwpck_require__(5210);
;// CONCATENATED MODULE: ./packages/action-kit/src/inputs.ts
/**
 * Typed access to action inputs (INPUT_* as the runner sets them). Every accessor names the
 * input when it refuses a value, and nothing here has side effects, so `getInputs()` of an
 * action can validate everything before anything is sent anywhere.
 */



/** The raw value, trimmed; '' when not set. Same env naming as @actions/core. */
function raw(name) {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
function required(name, hint) {
    const value = raw(name);
    if (!value)
        throw errors/* InputError */.dz.missing(name, hint);
    return value;
}
function optional(name) {
    return raw(name) || undefined;
}
function bool(name, fallback = false) {
    const value = raw(name);
    return value ? (0,parse/* parseBool */.q6)(name, value) : fallback;
}
function list(name) {
    return (0,parse/* parseList */.E1)(raw(name));
}
function oneOf(name, allowed, fallback) {
    const value = raw(name);
    return value ? (0,parse/* parseEnum */.nL)(name, value, allowed) : fallback;
}
function inputs_int(name, fallback, bounds) {
    const value = raw(name);
    return value ? (0,parse/* parseInt10 */.Gs)(name, value, bounds) : fallback;
}
/** Milliseconds. */
function duration(name, fallback) {
    return (0,parse/* parseDuration */.E9)(name, raw(name) || fallback);
}
/** A fraction (5% -> 0.05); undefined when not set and no fallback. */
function percent(name, fallback) {
    const value = raw(name) || fallback;
    return value ? (0,parse/* parsePercent */.lo)(name, value) : undefined;
}
function url(name) {
    const value = raw(name);
    return value ? (0,parse/* parseUrl */.Dl)(name, value) : undefined;
}
/**
 * A secret input, registered for masking before anything else can print it. Credentials in
 * the environment are the publishers' to resolve (release/publish-target resolveToken).
 */
function secret(name) {
    const value = raw(name);
    if (!value)
        return undefined;
    (0,secrets/* addSecret */.Ck)(value);
    return (0,parse/* parseToken */.pI)(name, value);
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
;// CONCATENATED MODULE: ./packages/action-kit/src/run.ts
/**
 * The wrapper every action's main runs in. User mistakes become one annotation saying what to
 * do; anything else is "<action> failed: <message>" with the stack only in debug. Temporary
 * files (credentials) live in one private folder under RUNNER_TEMP that is removed when the
 * action ends, and again by the post step in case the main step was killed.
 */





function reportFailure(action, caught) {
    if ((0,errors/* isUserError */.iU)(caught)) {
        error((0,errors/* withHint */.mu)(caught.message, caught.hint), { title: caught.title });
    }
    else {
        error(`${action} failed: ${(0,errors/* errorMessage */.gJ)(caught)}`, { title: `${action} failed` });
        if (caught instanceof Error && caught.stack)
            debug(caught.stack);
    }
    process.exitCode = 1;
}
function removeTemp(dir) {
    if (!dir)
        return;
    try {
        // Most runs leave the folder empty: rmdir is one call, where a recursive rm first loads
        // Node's rimraf (a measurable part of a small action's start-up).
        (0,external_node_fs_.rmdirSync)(dir);
    }
    catch {
        removeTree(dir);
    }
}
function removeTree(dir) {
    try {
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    }
    catch (caught) {
        debug(`could not remove ${dir}: ${(0,errors/* errorMessage */.gJ)(caught)}`);
    }
}
async function runAction(action, main, options = {}) {
    wireMasking();
    if (getState('isPost') === 'true') {
        try {
            removeTemp(getState('tempDir'));
            await options.post?.();
        }
        catch (caught) {
            reportFailure(action, caught);
        }
        return;
    }
    const base = process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)();
    const tempDir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(base, 'deploy-actions-'));
    saveState('isPost', 'true');
    saveState('tempDir', tempDir);
    try {
        await main({ tempDir });
    }
    catch (caught) {
        reportFailure(action, caught);
    }
    finally {
        removeTemp(tempDir);
    }
}

;// CONCATENATED MODULE: ./packages/action-kit/src/summary.ts
/** Job summary tables in GitHub-flavoured markdown, every cell escaped. */
function escapeCell(value) {
    return String(value ?? '')
        .replace(/\\/g, '\\\\')
        .replace(/\|/g, '\\|')
        .replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'))
        .replace(/\r?\n/g, ' ');
}
function markdownTable(headers, rows) {
    const head = `| ${headers.map(escapeCell).join(' | ')} |`;
    const rule = `| ${headers.map(() => '---').join(' | ')} |`;
    const body = rows.map((row) => `| ${row.map(escapeCell).join(' | ')} |`);
    return [head, rule, ...body].join('\n') + '\n';
}
/** A markdown link whose text and target are both escaped; plain text when there is no URL. */
function summary_link(text, url) {
    if (!url || !/^https?:\/\//.test(url))
        return text;
    // Only what would end or break the link is escaped; the URL is already encoded.
    return `[${text.replace(/[[\]]/g, '')}](${url.replace(/[()\s<>]/g, (c) => encodeURIComponent(c))})`;
}

;// CONCATENATED MODULE: ./packages/action-kit/src/index.ts







// EXTERNAL MODULE: ./packages/action-kit/src/http.ts + 1 modules
var http = __nccwpck_require__(3363);
// EXTERNAL MODULE: ./packages/action-kit/src/paths.ts
var paths = __nccwpck_require__(1985);
// EXTERNAL MODULE: ./packages/release/src/targets.ts
var targets = __nccwpck_require__(87);
// EXTERNAL MODULE: ./packages/release/src/config-types.ts
var config_types = __nccwpck_require__(4335);
;// CONCATENATED MODULE: ./packages/release/src/config-load.ts
/**
 * Reading the config file. The parser and the YAML library load on first use, so an action
 * that runs without a config file never pays for them at start-up.
 */


/** Read and parse the config file (errors name the file, the line and the key). */
async function loadConfig(file, input = 'config') {
    // A missing file is refused before the parser is loaded.
    if (!(0,external_node_fs_.statSync)(file, { throwIfNoEntry: false }))
        throw new errors/* InputError */.dz(input, `${(0,errors/* describeValue */.bp)(file)} was not found`, `Create it (see the README) or set '${input}' to its path.`);
    const { readConfigFile } = await Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(991)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9991));
    return readConfigFile(file, input);
}

;// CONCATENATED MODULE: ./packages/release/src/settings.ts
/** Target settings from action inputs, parsed by the same table as the config file. */



function parseSetting(name, raw, spec) {
    const kind = spec.kind;
    if (Array.isArray(kind))
        return (0,parse/* parseEnum */.nL)(name, raw, kind);
    switch (kind) {
        case 'bool':
            return (0,parse/* parseBool */.q6)(name, raw);
        case 'int':
            return (0,parse/* parseInt10 */.Gs)(name, raw, { min: 0 });
        case 'list':
            return (0,parse/* parseList */.E1)(raw);
        case 'url':
            return (0,parse/* parseUrl */.Dl)(name, raw).toString();
        case 'path':
            if (raw.includes('\0'))
                throw errors/* InputError */.dz.bad(name, raw, 'contains a NUL character');
            return raw;
        default:
            return raw;
    }
}
/**
 * Settings of a target type from raw values (action inputs): `base` (from the config file, or
 * the defaults) overridden by every non-empty value.
 */
function settingsFromInputs(type, read, base) {
    const specs = targets/* TARGET_SETTINGS */.sz[type];
    const settings = { ...base };
    for (const [name, spec] of Object.entries(specs)) {
        const raw = read(name);
        if (raw)
            settings[name] = parseSetting(name, raw, spec);
        else if (settings[name] === undefined && spec.default !== undefined)
            settings[name] = spec.default;
        if (spec.required && settings[name] === undefined)
            throw errors/* InputError */.dz.missing(name);
    }
    return settings;
}

// EXTERNAL MODULE: ./packages/version/src/index.ts + 4 modules
var src = __nccwpck_require__(6193);
;// CONCATENATED MODULE: ./packages/release/src/version.ts
/** The release version as every action resolves it: the `version` input, else detected. */

function resolveVersion(options) {
    const v = options.config?.version;
    return (0,src/* detectVersion */.cS)({
        version: options.version,
        tag: options.ref,
        sources: v?.sources,
        tagPrefix: v?.tagPrefix ?? 'v',
        requireMatch: v?.requireMatch ?? true,
        cwd: options.cwd,
    });
}
function version_toReleaseVersion(detected) {
    return {
        version: detected.version,
        semver: (0,src/* parseSemVer */.IX)(detected.version),
        tag: detected.tag,
        pep440: detected.pep440,
    };
}

;// CONCATENATED MODULE: ./packages/publishers/src/index.ts
/** Lazy: a publisher's code is loaded only when its target runs. */
const PUBLISHER_LOADERS = {
    npm: () => __nccwpck_require__.e(/* import() */ 458).then(__nccwpck_require__.bind(__nccwpck_require__, 8458)),
    pypi: () => Promise.all(/* import() */[__nccwpck_require__.e(292), __nccwpck_require__.e(426)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6426)),
    crates: () => Promise.all(/* import() */[__nccwpck_require__.e(292), __nccwpck_require__.e(933)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8933)),
    docker: () => Promise.all(/* import() */[__nccwpck_require__.e(513), __nccwpck_require__.e(121)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2121)),
    'github-release': () => __nccwpck_require__.e(/* import() */ 690).then(__nccwpck_require__.bind(__nccwpck_require__, 8690)),
    flatpak: () => Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(690), __nccwpck_require__.e(343)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6343)),
};
async function loadPublisher(type) {
    const loader = PUBLISHER_LOADERS[type];
    if (!loader)
        throw new Error(`no publisher for type ${type}`);
    return loader();
}

;// CONCATENATED MODULE: ./packages/release/src/publish-target.ts
/**
 * Publish one target: resolve its credential, load its publisher, run it, and turn whatever
 * happens into an outcome the report can show. Shared by the publish actions, the orchestrator
 * and the CLI.
 */





/** The credential for a target: explicit, else `token-env`, else the type's default variables. */
function publish_target_resolveToken(type, settings, env, explicit) {
    if (explicit)
        return explicit;
    const names = settings['token-env'] ? [String(settings['token-env'])] : targets/* DEFAULT_TOKEN_ENV */.AN[type];
    for (const name of names) {
        const value = env[name]?.trim();
        if (value) {
            (0,secrets/* addSecret */.Ck)(value);
            return (0,parse/* parseToken */.pI)(name, value);
        }
    }
    return undefined;
}
async function publish_target_publishTarget(request) {
    const started = Date.now();
    const deferred = [];
    const base = { target: request.target, type: request.type, version: request.version.version };
    try {
        const token = publish_target_resolveToken(request.type, request.settings, request.env, request.token);
        const publisher = await loadPublisher(request.type);
        const context = {
            target: request.target,
            version: request.version,
            force: request.force,
            dryRun: request.dryRun,
            workspace: request.workspace,
            tempDir: request.tempDir,
            env: request.env,
            reporter: request.reporter,
            http: request.http,
            token,
            defer: (fn) => deferred.push(fn),
        };
        const result = await publisher.publish(request.settings, context);
        return { ...base, ...result, notes: result.notes ?? [], durationMs: Date.now() - started };
    }
    catch (caught) {
        request.reporter.debug((0,secrets/* redact */.E$)(caught instanceof Error && caught.stack ? caught.stack : String(caught)));
        return {
            ...base,
            status: 'failed',
            notes: [],
            error: (0,secrets/* redact */.E$)((0,errors/* userMessage */.Rq)(caught)),
            userError: (0,errors/* isUserError */.iU)(caught),
            durationMs: Date.now() - started,
        };
    }
    finally {
        for (const fn of deferred.reverse()) {
            try {
                await fn();
            }
            catch (caught) {
                request.reporter.warning(`${request.target}: cleanup failed: ${(0,secrets/* redact */.E$)((0,errors/* errorMessage */.gJ)(caught))}`);
            }
        }
    }
}

;// CONCATENATED MODULE: ./packages/registries/src/index.ts
/** Lazy: a registry's code is loaded only when one of its targets is checked. */
const REGISTRY_LOADERS = {
    npm: () => __nccwpck_require__.e(/* import() */ 152).then(__nccwpck_require__.bind(__nccwpck_require__, 152)),
    pypi: () => Promise.all(/* import() */[__nccwpck_require__.e(292), __nccwpck_require__.e(353)]).then(__nccwpck_require__.bind(__nccwpck_require__, 353)),
    crates: () => Promise.all(/* import() */[__nccwpck_require__.e(292), __nccwpck_require__.e(41)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3041)),
    docker: () => __nccwpck_require__.e(/* import() */ 513).then(__nccwpck_require__.bind(__nccwpck_require__, 8513)),
    'github-release': () => __nccwpck_require__.e(/* import() */ 86).then(__nccwpck_require__.bind(__nccwpck_require__, 1086)),
    flatpak: () => Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(724)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5724)),
};
async function src_loadRegistry(type) {
    const loader = REGISTRY_LOADERS[type];
    if (!loader)
        throw new Error(`no registry client for type ${type}`);
    return loader();
}

;// CONCATENATED MODULE: ./packages/release/src/check.ts
/**
 * Where every target stands for a version: one concurrent pass over the registries. A registry
 * that cannot be reached is `unknown`, never "not published" (that would trigger a duplicate
 * publish).
 */







/**
 * `type:name` lines (check-published's `targets` input), each optionally followed by a space
 * and the registry's URL (`npm:left-pad http://127.0.0.1:4873/`), for private or local ones.
 */
function parseTargetLines(lines, input = 'targets') {
    return lines.map((line) => {
        const [spec, registry, ...rest] = line.trim().split(/\s+/);
        const at = spec.indexOf(':');
        const type = at > 0 ? spec.slice(0, at) : '';
        const name = at > 0 ? spec.slice(at + 1) : '';
        if (!isTargetType(type))
            throw InputError.bad(input, line, 'is not a type:name line with a known type', `Use e.g. npm:my-package; types: ${TARGET_TYPES.join(', ')}.`);
        if (!name || rest.length)
            throw InputError.bad(input, line, 'is not "type:name" or "type:name URL"', 'Use e.g. npm:my-package.');
        if (registry)
            parseUrl(input, registry);
        return { target: `${type}:${name}`, type, name, registry };
    });
}
/** The registry identity of each config target (package name from package.json, image...). */
async function check_targetsFromConfig(targets, cwd, env) {
    return Promise.all(targets.map(async (t) => {
        const registry = await loadRegistry(t.type);
        const identity = registry.identify(t.settings, cwd);
        return {
            target: t.name,
            type: t.type,
            name: identity.name,
            registry: identity.registry ?? t.settings.registry,
            settings: identity.target,
            token: resolveToken(t.type, t.settings, env),
            username: t.settings.username ?? env.DOCKER_USERNAME,
        };
    }));
}
async function checkOne(target, version, options) {
    const started = Date.now();
    const base = { target: target.target, type: target.type, name: target.name, version };
    let registry = target.registry ?? '';
    try {
        const module = await loadRegistry(target.type);
        const client = module.createClient(target.name, {
            http: options.http,
            registry: target.registry,
            token: target.token,
            username: target.username,
            reporter: options.reporter,
            env: options.env,
            target: target.settings,
        });
        registry = client.registry;
        const [published, latest] = await Promise.all([client.exists(version), client.latest()]);
        return {
            ...base,
            registry,
            published,
            latest,
            url: published ? client.url(version) : undefined,
            durationMs: Date.now() - started,
        };
    }
    catch (caught) {
        const error = redact(errorMessage(caught));
        options.reporter.warning(`${target.target}: could not tell whether ${version} is published (${error}); treating it as unknown.`);
        return { ...base, registry, published: 'unknown', error, durationMs: Date.now() - started };
    }
}
function check_checkTargets(targets, version, options) {
    return Promise.all(targets.map((t) => checkOne(t, version, options)));
}
/** One spelling per version across ecosystems (PyPI's 1.2.3rc1 is npm's 1.2.3-rc.1). */
function canonical(version) {
    const semver = parseSemVer(version);
    const pep = semver ? toPep440(semver) : version;
    return (pep && normalizePep440(pep)) ?? version;
}
/** Whether the targets' latest versions differ (targets with none, or unknown, are left out). */
function check_hasDrift(results) {
    const latest = new Set(results.filter((r) => r.latest).map((r) => canonical(r.latest)));
    return latest.size > 1;
}

;// CONCATENATED MODULE: ./packages/release/src/plan.ts
/**
 * The plan of a release: which targets are selected (`platforms`), which already have the
 * version (skipped unless forced), and the matrix a workflow's `strategy.matrix` consumes.
 */

/**
 * `all`, `tier1`/`tier2`/..., or target names (any mix, comma or newline separated). An
 * unknown name is an error naming the input, listing the targets there are.
 */
function plan_selectTargets(config, platforms, input = 'platforms') {
    if (!platforms.length || platforms.includes('all'))
        return config.targets;
    const chosen = new Set();
    for (const item of platforms) {
        const tier = /^tier([1-9]\d?)$/.exec(item);
        if (tier) {
            const n = Number(tier[1]);
            if (!config.tiers.has(n))
                throw InputError.bad(input, item, `names a tier that ${config.file} does not define`, `Tiers: ${[...config.tiers.keys()].map((t) => `tier${t}`).join(', ')}.`);
            for (const t of config.targets)
                if (t.tier === n)
                    chosen.add(t.name);
        }
        else if (config.targets.some((t) => t.name === item))
            chosen.add(item);
        else
            throw InputError.bad(input, item, `is not a target of ${config.file}`, `Use all, tier1, tier2, tier3 or target names: ${config.targets.map((t) => t.name).join(', ')}.`);
    }
    return config.targets.filter((t) => chosen.has(t.name));
}
function planEntries(targets, version, checks, force) {
    return targets.map((t) => {
        const check = checks?.find((c) => c.target === t.name);
        const base = { target: t.name, type: t.type, tier: t.tier, policy: t.policy, version };
        if (!check)
            return { ...base, skip: false, reason: 'not checked' };
        if (check.published === 'unknown')
            return {
                ...base,
                skip: false,
                reason: `state unknown (${check.error ?? 'no answer'}); the publisher checks again`,
            };
        if (check.published && force)
            return { ...base, skip: false, reason: 'published; force republishes where the registry allows it' };
        if (check.published)
            return { ...base, skip: true, reason: `${version} is already published` };
        return { ...base, skip: false, reason: `${version} is not published yet` };
    });
}

;// CONCATENATED MODULE: ./packages/release/src/orchestrate.ts




const ANNOUNCE = {
    required: 'error',
    'best-effort': 'warning',
    experimental: 'notice',
};
async function runTier(targets, checks, options) {
    const version = toReleaseVersion(options.version);
    const one = async (t) => {
        const check = checks.find((c) => c.target === t.name);
        if (check?.published === true && !options.force) {
            // Already there: no need to even load the publisher.
            return {
                target: t.name,
                type: t.type,
                tier: t.tier,
                policy: t.policy,
                status: 'skipped',
                version: version.version,
                url: check.url,
                notes: [`${version.version} is already published`],
                durationMs: 0,
            };
        }
        const outcome = await options.reporter.group(`${t.name}: publish ${version.version}`, () => publishTarget({
            target: t.name,
            type: t.type,
            settings: t.settings,
            version,
            force: options.force,
            dryRun: options.dryRun,
            workspace: options.workspace,
            tempDir: options.tempDir,
            env: options.env,
            reporter: options.reporter,
            http: options.http,
        }));
        return { ...outcome, tier: t.tier, policy: t.policy };
    };
    if (!options.sequential)
        return Promise.all(targets.map(one));
    const out = [];
    for (const t of targets)
        out.push(await one(t));
    return out;
}
function cancelled(t, version, reason) {
    return {
        target: t.name,
        type: t.type,
        tier: t.tier,
        policy: t.policy,
        status: 'cancelled',
        version,
        notes: [reason],
        durationMs: 0,
    };
}
async function release(options) {
    const started = Date.now();
    const { reporter } = options;
    const version = options.version.version;
    const selected = selectTargets(options.config, options.platforms);
    const identities = await targetsFromConfig(selected, options.workspace, options.env);
    const checkOptions = { http: options.http, reporter, env: options.env };
    const checks = await reporter.group(`Check ${selected.length} target(s) for ${version}`, () => checkTargets(identities, version, checkOptions));
    const tiers = [...new Set(selected.map((t) => t.tier))].sort((a, b) => a - b);
    const reports = [];
    let stoppedBy;
    for (const tier of tiers) {
        const inTier = selected.filter((t) => t.tier === tier);
        if (stoppedBy) {
            reports.push(...inTier.map((t) => cancelled(t, version, `not started: ${stoppedBy}`)));
            continue;
        }
        const results = await runTier(inTier, checks, options);
        reports.push(...results);
        for (const r of results.filter((r) => r.status === 'failed')) {
            reporter[ANNOUNCE[r.policy]](`${r.target} (tier ${r.tier}, ${r.policy}): ${r.error}`);
            if (r.policy === 'required')
                stoppedBy ??= `required target ${r.target} failed in tier ${r.tier}`;
        }
    }
    const requiredFailed = reports.some((r) => r.policy === 'required' && (r.status === 'failed' || r.status === 'cancelled'));
    const otherFailed = reports.some((r) => r.status === 'failed' || r.status === 'cancelled');
    let status = requiredFailed ? 'failure' : otherFailed ? 'partial' : 'success';
    // After publishing, ask again so drift reflects what the registries now say.
    const publishedNow = reports.some((r) => r.status === 'published');
    const finalChecks = publishedNow ? await checkTargets(identities, version, checkOptions) : checks;
    let deploy;
    if (options.config.deploy && options.rollout && status !== 'failure' && !options.dryRun) {
        deploy = await reporter.group('Deploy', options.rollout);
        if (!deploy.healthy)
            status = 'failure';
    }
    return {
        version,
        status,
        targets: reports,
        checks: finalChecks,
        drift: hasDrift(finalChecks),
        deploy,
        durationMs: Date.now() - started,
    };
}

;// CONCATENATED MODULE: ./packages/release/src/index.ts











;// CONCATENATED MODULE: ./actions/publish/src/run-publish.ts
/**
 * The body of `publish` and every `publish-<type>` action: read the inputs (and the config
 * target when `target:` names one), resolve the version, publish, and report.
 */






function commonInputs() {
    return {
        target: optional('target'),
        config: raw('config') || config_types/* DEFAULT_CONFIG_FILE */.Cu,
        version: optional('version'),
        force: bool('force', false),
        'dry-run': bool('dry-run', false),
        token: secret('token'),
    };
}
async function resolveTarget(common, root, fixedType) {
    const configPath = (0,external_node_path_.resolve)(root, common.config);
    const explicitConfig = raw('config') !== '';
    if (common.target) {
        const config = await loadConfig(configPath);
        const target = config.targets.find((t) => t.name === common.target);
        if (!target)
            throw errors/* InputError */.dz.bad('target', common.target, `is not a target in ${common.config}`, `Use one of: ${config.targets.map((t) => t.name).join(', ')}.`);
        if (fixedType && target.type !== fixedType)
            throw errors/* InputError */.dz.bad('target', common.target, `is a ${target.type} target, not ${fixedType}`);
        return {
            name: target.name,
            type: target.type,
            settings: settingsFromInputs(target.type, raw, target.settings),
            config,
        };
    }
    if (!fixedType)
        throw errors/* InputError */.dz.missing('target', `Name a target of ${common.config}.`);
    const config = explicitConfig || (0,external_node_fs_.existsSync)(configPath) ? await loadConfig(configPath, 'config') : undefined;
    return { name: fixedType, type: fixedType, settings: settingsFromInputs(fixedType, raw), config };
}
function writeOutcome(outcome) {
    setOutput('status', outcome.status);
    setOutput('url', outcome.url ?? '');
    setOutput('digest', outcome.digest ?? '');
    setOutput('result', JSON.stringify(outcome));
    appendSummary(`### ${outcome.target} ${outcome.version}\n\n` +
        markdownTable(['target', 'type', 'version', 'status', 'link', 'time'], [
            [
                outcome.target,
                outcome.type,
                outcome.version,
                outcome.status,
                summary_link(outcome.url ?? '', outcome.url),
                `${(outcome.durationMs / 1000).toFixed(1)} s`,
            ],
        ]) +
        (outcome.notes.length ? `\n${outcome.notes.map((n) => `- ${n}`).join('\n')}\n` : ''));
}
function runPublishAction(action, fixedType) {
    return runAction(action, async ({ tempDir }) => {
        if (fixedType && !(0,targets/* isTargetType */.oB)(fixedType))
            throw new Error(`unknown type ${fixedType}`);
        const common = commonInputs();
        const root = (0,paths/* workspace */.G)();
        const target = await resolveTarget(common, root, fixedType);
        const detected = await resolveVersion({
            version: common.version,
            ref: process.env.GITHUB_REF,
            config: target.config,
            cwd: root,
        });
        const outcome = await publish_target_publishTarget({
            target: target.name,
            type: target.type,
            settings: target.settings,
            version: version_toReleaseVersion(detected),
            force: common.force,
            dryRun: common['dry-run'],
            workspace: root,
            tempDir,
            env: process.env,
            reporter: runnerReporter,
            http: new http/* HttpClient */.Qq({ reporter: runnerReporter }),
            token: common.token,
        });
        writeOutcome(outcome);
        if (outcome.status === 'failed') {
            error(`${outcome.target}: ${outcome.error}`, {
                title: `${outcome.target} ${outcome.version} was not published`,
            });
            process.exitCode = 1;
        }
        else {
            info(`${outcome.target}: ${outcome.status}${outcome.url ? ` ${outcome.url}` : ''}`);
        }
    });
}


/***/ }),

/***/ 8826:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Rq: () => (/* binding */ userMessage),
/* harmony export */   bp: () => (/* binding */ describeValue),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   gl: () => (/* binding */ RegistryError),
/* harmony export */   iU: () => (/* binding */ isUserError),
/* harmony export */   mu: () => (/* binding */ withHint),
/* harmony export */   xL: () => (/* binding */ ConfigError),
/* harmony export */   yo: () => (/* binding */ UserError)
/* harmony export */ });
/**
 * Errors that are the user's mistake carry what to do about it. They are reported as one
 * annotation without a stack; anything else is a failure of the action itself.
 */
class UserError extends Error {
    hint;
    constructor(message, 
    /** What the user should do; appended to the message. */
    hint) {
        super(message);
        this.hint = hint;
    }
}
/** Show a user-supplied value safely: one line, quoted, control characters escaped, length-capped. */
function describeValue(value) {
    const text = typeof value === 'string' ? value : String(value);
    const shown = text.length > 80 ? `${text.slice(0, 77)}...` : text;
    return JSON.stringify(shown);
}
/** A bad action input or CLI flag. */
class InputError extends UserError {
    input;
    title;
    constructor(input, message, hint) {
        super(`Invalid input '${input}': ${message}`, hint);
        this.input = input;
        this.title = `Invalid input '${input}'`;
    }
    static bad(input, value, expected, hint) {
        return new InputError(input, `${describeValue(value)} ${expected}`, hint);
    }
    static missing(input, hint) {
        return new InputError(input, 'required and not supplied', hint ?? `Set '${input}' in the step's 'with:'.`);
    }
}
/** A mistake in the config file, located by file, line and key. */
class ConfigError extends UserError {
    file;
    line;
    key;
    title;
    constructor(file, line, key, message, hint) {
        const where = `${file}${line ? `:${line}` : ''}${key ? ` (${key})` : ''}`;
        super(`${where}: ${message}`, hint);
        this.file = file;
        this.line = line;
        this.key = key;
        this.title = 'Invalid deploy-actions config';
    }
}
/**
 * A registry or service refused what we asked in a way the user must fix (bad token,
 * forbidden republish, version mismatch). Not retried, reported without a stack.
 */
class RegistryError extends UserError {
    registry;
    status;
    title;
    constructor(registry, message, hint, status) {
        super(`${registry}: ${message}`, hint);
        this.registry = registry;
        this.status = status;
        this.title = `${registry} refused the request`;
    }
}
/** "message. Hint." with exactly one full stop between them. */
function withHint(message, hint) {
    if (!hint)
        return message;
    return `${message}${/[.!?]$/.test(message) ? '' : '.'} ${hint}`;
}
/** What to tell a person: a user error with what to do, else the error's own message. */
function userMessage(error) {
    return isUserError(error) ? withHint(error.message, error.hint) : errorMessage(error);
}
function isUserError(error) {
    return error instanceof UserError;
}
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}


/***/ }),

/***/ 3363:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  lT: () => (/* binding */ AlreadyDoneSignal),
  Qq: () => (/* binding */ HttpClient),
  jt: () => (/* binding */ TransientHttpError),
  tB: () => (/* binding */ basicAuth)
});

// UNUSED EXPORTS: USER_AGENT, parseRetryAfter

// EXTERNAL MODULE: ./packages/action-kit/src/errors.ts
var errors = __nccwpck_require__(8826);
;// CONCATENATED MODULE: ./packages/action-kit/src/http-transport.ts
class IncomingHeaders {
    raw;
    constructor(raw) {
        this.raw = raw;
    }
    get(name) {
        const value = this.raw[name.toLowerCase()];
        if (value === undefined)
            return null;
        return Array.isArray(value) ? value.join(', ') : value;
    }
    has(name) {
        return this.raw[name.toLowerCase()] !== undefined;
    }
    forEach(callback) {
        for (const [key, value] of this)
            callback(value, key);
    }
    *[Symbol.iterator]() {
        for (const key of Object.keys(this.raw).sort()) {
            const value = this.get(key);
            if (value !== null)
                yield [key, value];
        }
    }
}
let httpSend;
let httpsSend;
async function sender(url) {
    if (url.protocol === 'http:')
        return (httpSend ??= (await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 7067, 23))).request);
    if (url.protocol === 'https:')
        return (httpsSend ??= (await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 4708, 23))).request);
    throw new TypeError(`unsupported protocol ${url.protocol} in ${url.href}`);
}
/** What fetch reports for a timed-out signal, so callers tell timeouts from other failures. */
function timeoutError(ms) {
    return Object.assign(new Error(`no complete answer within ${ms} ms`), { name: 'TimeoutError' });
}
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 20;
function once(send, url, method, headers, body, deadline, timeoutMs) {
    return new Promise((resolve, reject) => {
        let settled = false;
        const finish = (error, value) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            if (error)
                reject(error);
            else
                resolve(value);
        };
        const req = send(url, { method, headers }, (res) => {
            const chunks = [];
            res.on('data', (chunk) => chunks.push(chunk));
            res.on('error', (error) => finish(error));
            res.on('close', () => {
                if (!res.complete)
                    finish(Object.assign(new Error('the connection closed before the answer was complete'), {
                        code: 'ECONNRESET',
                    }));
            });
            res.on('end', () => {
                decode(res.headers['content-encoding'], Buffer.concat(chunks)).then((data) => finish(undefined, { status: res.statusCode ?? 0, raw: res.headers, body: data }), (error) => finish(error));
            });
        });
        const timer = setTimeout(() => req.destroy(timeoutError(timeoutMs)), Math.max(0, deadline - Date.now()));
        req.on('error', (error) => finish(error));
        req.end(body);
    });
}
/** We ask for no compression; a server that compresses anyway is decoded as fetch would. */
async function decode(encoding, data) {
    const kind = (encoding ?? '').trim().toLowerCase();
    if (!kind || kind === 'identity' || data.length === 0)
        return data;
    const zlib = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 8522, 23));
    if (kind === 'gzip' || kind === 'x-gzip')
        return zlib.gunzipSync(data);
    if (kind === 'deflate')
        return zlib.inflateSync(data);
    if (kind === 'br')
        return zlib.brotliDecompressSync(data);
    return data;
}
/** Send one request, following redirects as fetch does unless `manualRedirect`. */
async function exchange(req) {
    const deadline = Date.now() + req.timeoutMs;
    let url = new URL(req.url);
    let method = req.method;
    let headers = { accept: '*/*', ...lowercase(req.headers) };
    let body = req.body === undefined ? undefined : Buffer.from(req.body);
    if (typeof req.body === 'string' && !headers['content-type'])
        headers['content-type'] = 'text/plain;charset=UTF-8';
    for (let hops = 0;; hops++) {
        const sent = { ...headers };
        if (body)
            sent['content-length'] = String(body.length);
        const res = await once(await sender(url), url, method, sent, body, deadline, req.timeoutMs);
        const location = res.raw.location;
        if (req.manualRedirect || !REDIRECTS.has(res.status) || !location) {
            return { status: res.status, headers: new IncomingHeaders(res.raw), url: url.href, body: res.body };
        }
        if (hops >= MAX_REDIRECTS)
            throw new Error(`more than ${MAX_REDIRECTS} redirects from ${req.url}`);
        const next = new URL(location, url);
        if ((res.status === 303 && method !== 'HEAD') ||
            ((res.status === 301 || res.status === 302) && method === 'POST')) {
            method = 'GET';
            body = undefined;
            headers = Object.fromEntries(Object.entries(headers).filter(([key]) => !key.startsWith('content-')));
        }
        // Credentials never follow a redirect to another origin (a registry's blob store, a CDN).
        if (next.origin !== url.origin) {
            headers = Object.fromEntries(Object.entries(headers).filter(([key]) => !['authorization', 'cookie', 'proxy-authorization'].includes(key)));
        }
        url = next;
    }
}
function lowercase(headers = {}) {
    return Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value]));
}

// EXTERNAL MODULE: ./packages/action-kit/src/secrets.ts
var secrets = __nccwpck_require__(5736);
;// CONCATENATED MODULE: ./packages/action-kit/src/http.ts
/**
 * The one HTTP client for every external call: per-attempt timeouts, bounded retries with
 * exponential backoff and jitter on 5xx, 429 (honouring Retry-After), resets and timeouts.
 * Bodies are read whole so the timeout covers the full exchange. Built on node:http
 * (http-transport.ts says why not fetch).
 */



const USER_AGENT = 'deploy-actions/1 (+https://github.com/org/deploy-actions)';
/** A request that kept failing transiently until the retries ran out. */
class TransientHttpError extends Error {
    url;
    reason;
    attempts;
    status;
    constructor(url, reason, attempts, status) {
        super(`${reason} from ${url} (after ${attempts} attempt${attempts === 1 ? '' : 's'})`);
        this.url = url;
        this.reason = reason;
        this.attempts = attempts;
        this.status = status;
    }
}
const RETRY_STATUS = new Set([408, 429, 500, 502, 503, 504]);
const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
const defaultSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function envNumber(name) {
    const value = Number(process.env[name]);
    return Number.isFinite(value) && value >= 0 && process.env[name] !== '' ? value : undefined;
}
/** Seconds or an HTTP date, in milliseconds; undefined when absent or unreadable. */
function parseRetryAfter(value, now = Date.now()) {
    if (!value)
        return undefined;
    if (/^\d+$/.test(value.trim()))
        return Number(value.trim()) * 1000;
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
function networkReason(error) {
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
        return 'timeout';
    const code = error?.code;
    if (typeof code === 'string')
        return `network error ${code}`;
    return `network error: ${(0,errors/* errorMessage */.gJ)(error)}`;
}
class HttpClient {
    options;
    timeoutMs;
    retries;
    baseDelayMs;
    maxDelayMs;
    maxRetryAfterMs;
    sleep;
    userAgent;
    constructor(options = {}) {
        this.options = options;
        // DEPLOY_ACTIONS_HTTP_* let tests and impatient users tighten the bounds without code.
        this.timeoutMs = options.timeoutMs ?? envNumber('DEPLOY_ACTIONS_HTTP_TIMEOUT_MS') ?? 30_000;
        this.retries = options.retries ?? envNumber('DEPLOY_ACTIONS_HTTP_RETRIES') ?? 4;
        this.baseDelayMs = options.baseDelayMs ?? envNumber('DEPLOY_ACTIONS_HTTP_BACKOFF_MS') ?? 500;
        this.maxDelayMs = options.maxDelayMs ?? 10_000;
        this.maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
        this.sleep = options.sleep ?? defaultSleep;
        this.userAgent = options.userAgent ?? USER_AGENT;
    }
    backoff(attempt) {
        const exp = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** attempt);
        return Math.round(exp / 2 + Math.random() * (exp / 2));
    }
    async request(req) {
        const method = (req.method ?? 'GET').toUpperCase();
        const url = String(req.url);
        const retries = req.retries ?? this.retries;
        const headers = { 'user-agent': this.userAgent, ...req.headers };
        let lastReason = '';
        let lastStatus;
        for (let attempt = 0;; attempt++) {
            let delay;
            try {
                const res = await exchange({
                    method,
                    url,
                    headers,
                    body: req.body,
                    timeoutMs: req.timeoutMs ?? this.timeoutMs,
                    manualRedirect: req.manualRedirect,
                });
                if (!RETRY_STATUS.has(res.status))
                    return toResponse(res);
                lastStatus = res.status;
                lastReason = `HTTP ${res.status}`;
                const retryAfter = parseRetryAfter(res.headers.get('retry-after'));
                if (retryAfter !== undefined && retryAfter > this.maxRetryAfterMs) {
                    throw new TransientHttpError(url, `${lastReason} with Retry-After ${Math.round(retryAfter / 1000)}s`, attempt + 1, lastStatus);
                }
                delay = retryAfter ?? this.backoff(attempt);
            }
            catch (error) {
                if (error instanceof TransientHttpError)
                    throw error;
                lastStatus = undefined;
                lastReason = networkReason(error);
                delay = this.backoff(attempt);
            }
            if (attempt >= retries)
                throw new TransientHttpError(url, lastReason, attempt + 1, lastStatus);
            if (!IDEMPOTENT.has(method) || req.beforeRetry) {
                if (req.beforeRetry && !(await req.beforeRetry(lastReason))) {
                    throw new AlreadyDoneSignal(url, lastReason);
                }
                if (!req.beforeRetry)
                    throw new TransientHttpError(url, lastReason, attempt + 1, lastStatus);
            }
            this.options.reporter?.debug((0,secrets/* redact */.E$)(`${method} ${url}: ${lastReason}; retry ${attempt + 1}/${retries} in ${delay} ms`));
            await this.sleep(delay);
        }
    }
}
/**
 * Thrown when `beforeRetry` found the work already done after a failed attempt: the caller
 * treats it as success without sending again.
 */
class AlreadyDoneSignal extends Error {
    url;
    reason;
    constructor(url, reason) {
        super(`${url}: ${reason}, but the registry already has it`);
        this.url = url;
        this.reason = reason;
    }
}
function toResponse(res) {
    const body = res.body;
    return {
        status: res.status,
        ok: res.status >= 200 && res.status < 300,
        headers: res.headers,
        url: res.url,
        body,
        text: () => body.toString('utf8'),
        json: () => JSON.parse(body.toString('utf8')),
    };
}
/** Basic authorization header value. */
function basicAuth(user, password) {
    return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}


/***/ }),

/***/ 5210:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Dl: () => (/* binding */ parseUrl),
/* harmony export */   E1: () => (/* binding */ parseList),
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   Gs: () => (/* binding */ parseInt10),
/* harmony export */   lo: () => (/* binding */ parsePercent),
/* harmony export */   nL: () => (/* binding */ parseEnum),
/* harmony export */   pI: () => (/* binding */ parseToken),
/* harmony export */   q6: () => (/* binding */ parseBool)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8826);
/**
 * Pure parsers for input values, shared by the actions and the CLI. Each names the input and
 * the bad value when it refuses one.
 */

const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];
/** YAML 1.2 core booleans only, as @actions/core's getBooleanInput. */
function parseBool(name, raw) {
    if (TRUE.includes(raw))
        return true;
    if (FALSE.includes(raw))
        return false;
    throw _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz.bad(name, raw, 'is not a boolean', `Use true or false.`);
}
/** Items separated by newlines or commas, trimmed, empty ones dropped. */
function parseList(raw) {
    return raw
        .split(/[\r\n,]+/)
        .map((item) => item.trim())
        .filter((item) => item.length > 0);
}
function parseInt10(name, raw, { min, max } = {}) {
    if (!/^-?\d+$/.test(raw))
        throw _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz.bad(name, raw, 'is not a whole number');
    const value = Number(raw);
    if (min !== undefined && value < min)
        throw _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz.bad(name, raw, `is below the minimum of ${min}`);
    if (max !== undefined && value > max)
        throw _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz.bad(name, raw, `is above the maximum of ${max}`);
    return value;
}
function parseEnum(name, raw, allowed) {
    if (allowed.includes(raw))
        return raw;
    throw _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz.bad(name, raw, 'is not one of the accepted values', `Use one of: ${allowed.join(', ')}.`);
}
const UNITS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/** `500ms`, `2s`, `1.5s`, `5m`, `1h`; a bare number is seconds. Returns milliseconds. */
function parseDuration(name, raw) {
    const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(raw.trim());
    if (!match)
        throw _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz.bad(name, raw, 'is not a duration', 'Use a number with a unit, e.g. 500ms, 2s or 5m.');
    const ms = Number(match[1]) * UNITS[match[2] ?? 's'];
    if (!Number.isFinite(ms) || ms > 24 * 3_600_000)
        throw _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz.bad(name, raw, 'is longer than a day');
    return Math.round(ms);
}
/** `5%` or `5` or `0.5%`: returns the fraction (0.05). */
function parsePercent(name, raw) {
    const match = /^(\d+(?:\.\d+)?)\s*%?$/.exec(raw.trim());
    if (!match)
        throw _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz.bad(name, raw, 'is not a percentage', 'Use e.g. 5% or 0.5%.');
    const value = Number(match[1]);
    if (value > 100)
        throw _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz.bad(name, raw, 'is over 100%');
    return value / 100;
}
/** An http(s) URL with a host; nothing else. */
function parseUrl(name, raw) {
    let url;
    try {
        url = new URL(raw.trim());
    }
    catch {
        throw _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz.bad(name, raw, 'is not a URL', 'Use an absolute http:// or https:// URL.');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
        throw _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz.bad(name, raw, 'is not an http(s) URL', 'Use an absolute http:// or https:// URL.');
    return url;
}
/** A token read from input or environment: a single line of printable characters. */
function parseToken(name, raw) {
    const token = raw.trim();
    if (/[\s\x00-\x1f\x7f]/.test(token))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, 'contains whitespace or control characters', 'Store the token as one line with no spaces or newlines.');
    return token;
}


/***/ }),

/***/ 1985:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ workspace),
/* harmony export */   L: () => (/* binding */ resolveInside)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8826);
/** Paths from users stay inside the workspace, symlinks included. */



/**
 * Resolve `path` against `workspace` and refuse anything that lands outside it, following
 * symlinks of the parts that exist. `mustExist` refuses a missing path.
 */
function resolveInside(workspace, path, input, mustExist = true) {
    if (path.includes('\0'))
        throw _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz.bad(input, path, 'contains a NUL character');
    const root = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace));
    const full = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(root, path);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(full)) {
        if (mustExist)
            throw _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz.bad(input, path, `was not found in the workspace (${root})`, 'Check the path, relative to the workspace.');
        return full;
    }
    const real = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(full);
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, real);
    if (rel.startsWith('..') || (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(rel))
        throw _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz.bad(input, path, 'points outside the workspace', 'Use a path inside the repository checkout.');
    return real;
}
/** The workspace: GITHUB_WORKSPACE on a runner, else the current folder. */
function workspace(env = process.env) {
    return env.GITHUB_WORKSPACE || process.cwd();
}


/***/ }),

/***/ 5736:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ck: () => (/* binding */ addSecret),
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   EM: () => (/* binding */ onSecretAdded)
/* harmony export */ });
/**
 * Every secret the process has read. Masking tells the runner to hide it; redaction is our own
 * second line of defence for anything we print or write ourselves.
 */
const known = new Set();
let onAdd;
/** Register a secret; the runner is told to mask it (once wired by the action kit). */
function addSecret(secret) {
    if (!secret)
        return;
    for (const part of [secret, ...secret.split(/\r?\n/)]) {
        const value = part.trim();
        if (value.length < 4 || known.has(value))
            continue;
        known.add(value);
        onAdd?.(value);
    }
}
function onSecretAdded(fn) {
    onAdd = fn;
    for (const secret of known)
        fn(secret);
}
/** Replace every known secret in `text` with `***`. */
function redact(text) {
    let out = text;
    for (const secret of known)
        if (out.includes(secret))
            out = out.split(secret).join('***');
    return out;
}


/***/ }),

/***/ 4335:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Cu: () => (/* binding */ DEFAULT_CONFIG_FILE),
/* harmony export */   JW: () => (/* binding */ ROUTER_KEYS),
/* harmony export */   PQ: () => (/* binding */ POLICIES),
/* harmony export */   hp: () => (/* binding */ DEPLOY_KEYS),
/* harmony export */   sh: () => (/* binding */ HEALTH_KEYS),
/* harmony export */   uA: () => (/* binding */ DEFAULT_TIERS)
/* harmony export */ });
const POLICIES = ['required', 'best-effort', 'experimental'];
const DEFAULT_CONFIG_FILE = '.github/deploy-actions.yml';
const DEFAULT_TIERS = new Map([
    [1, 'required'],
    [2, 'best-effort'],
    [3, 'experimental'],
]);
const ROUTER_KEYS = [
    'type',
    'upstream-file',
    'blue',
    'green',
    'reload-command',
    'test-command',
    'namespace',
    'service',
    'ingress',
    'selector-key',
    'context',
    'link',
    'switch-command',
    'read-command',
];
const HEALTH_KEYS = [
    'url',
    'interval',
    'timeout',
    'window',
    'success-threshold',
    'failure-threshold',
    'max-error-rate',
    'max-p95',
    'expect-status',
    'expect-body',
    'prometheus-url',
    'prometheus-query',
    'max-value',
    'min-value',
];
const DEPLOY_KEYS = ['strategy', 'router', 'steps', 'step-interval', 'health', 'rollback'];


/***/ }),

/***/ 87:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   AN: () => (/* binding */ DEFAULT_TOKEN_ENV),
/* harmony export */   oB: () => (/* binding */ isTargetType),
/* harmony export */   oG: () => (/* binding */ TARGET_TYPES),
/* harmony export */   sz: () => (/* binding */ TARGET_SETTINGS)
/* harmony export */ });
/* unused harmony export TARGET_KEYS */
/**
 * The target types and the settings each accepts. One table serves both sources of settings:
 * a target in the config file, and the inputs of the `publish-*` actions (same names).
 */
const TARGET_TYPES = ['npm', 'pypi', 'crates', 'docker', 'github-release', 'flatpak'];
const common = {
    registry: { kind: 'url', description: "The registry's base URL; defaults to the public registry." },
    'token-env': { kind: 'string', description: 'The environment variable that holds the credential.' },
};
const TARGET_SETTINGS = {
    npm: {
        ...common,
        path: {
            kind: 'path',
            description: 'Folder of the package.json to publish (or of the workspace root).',
            default: '.',
        },
        'dist-tag': {
            kind: 'string',
            description: '`auto`: latest only for the highest stable, `next` for prereleases, `vN-latest` / `vN.M-latest` for older lines; else the tag to use.',
            default: 'auto',
        },
        access: { kind: ['public', 'restricted'], description: 'Access level of a scoped package.' },
        provenance: {
            kind: ['auto', 'true', 'false'],
            description: '`auto`: on in GitHub Actions with id-token: write.',
            default: 'auto',
        },
        workspaces: {
            kind: 'bool',
            description: 'Publish every workspace package in dependency order.',
            default: false,
        },
    },
    pypi: {
        ...common,
        dist: { kind: 'list', description: 'Globs of the wheels and sdists to upload.', default: ['dist/*'] },
        package: { kind: 'string', description: "The project name; defaults to the distributions' metadata." },
        'repository-url': {
            kind: 'url',
            description: 'The upload endpoint; defaults to https://upload.pypi.org/legacy/ for pypi.org, else <registry>/legacy/.',
        },
    },
    crates: {
        ...common,
        // A string, not a url: cargo spells sparse indexes `sparse+https://...`; crates.ts validates it.
        registry: {
            kind: 'string',
            description: 'The sparse index (sparse+https://host/index/ or https://host/index/); defaults to crates.io.',
        },
        manifest: {
            kind: 'path',
            description: 'Path to the Cargo.toml of the crate or workspace.',
            default: 'Cargo.toml',
        },
        package: {
            kind: 'list',
            description: 'Crates of a workspace to publish; defaults to every publishable one.',
        },
        'registry-name': { kind: 'string', description: 'Name of an alternate registry (cargo --registry).' },
        'index-timeout': {
            kind: 'string',
            description: 'How long to wait for a crate to appear in the index.',
            default: '5m',
        },
        verify: {
            kind: 'bool',
            description: 'Build the packaged crate before uploading, as cargo publish does (false: --no-verify).',
            default: true,
        },
        'allow-dirty': {
            kind: 'bool',
            description: 'Publish even when the git working tree has uncommitted changes (cargo --allow-dirty).',
            default: false,
        },
    },
    docker: {
        ...common,
        registry: {
            kind: 'url',
            description: "Where the image's registry is reached instead of the host in `image`, e.g. http://127.0.0.1:5000 (loopback hosts use http by themselves).",
        },
        image: {
            kind: 'string',
            description: 'The image name, e.g. docker.io/acme/app or ghcr.io/acme/app.',
            required: true,
        },
        source: {
            kind: 'string',
            description: 'Promote this already-pushed image (repo:tag or repo@digest) instead of building.',
        },
        context: { kind: 'path', description: 'Build context (build mode).' },
        file: { kind: 'path', description: 'Dockerfile (build mode).' },
        platforms: { kind: 'list', description: 'Target platforms for a multi-arch build (buildx).' },
        'build-args': { kind: 'list', description: 'NAME=value build arguments.' },
        tags: {
            kind: 'list',
            description: '`auto` (X.Y.Z; X.Y, X and latest while highest in their line) and/or templates: {{version}}, {{major}}.{{minor}}, {{major}}, latest, literal tags.',
            default: ['auto'],
        },
        username: { kind: 'string', description: 'Registry user name; defaults to $DOCKER_USERNAME.' },
    },
    'github-release': {
        ...common,
        repository: { kind: 'string', description: 'owner/name; defaults to the workflow repository.' },
        assets: { kind: 'list', description: 'Globs of files to attach.' },
        checksums: { kind: 'bool', description: 'Attach a SHA256SUMS file.', default: true },
        draft: { kind: 'bool', description: 'Create the release as a draft.', default: false },
        prerelease: {
            kind: ['auto', 'true', 'false'],
            description: '`auto`: from the version.',
            default: 'auto',
        },
        'make-latest': {
            kind: ['auto', 'true', 'false'],
            description: '`auto`: only for the highest stable.',
            default: 'auto',
        },
        body: { kind: 'string', description: 'Release notes; generated when neither body nor body-file is set.' },
        'body-file': { kind: 'path', description: 'A file with the release notes.' },
    },
    flatpak: {
        ...common,
        registry: {
            kind: 'url',
            description: 'flat-manager mode: the flat-manager base URL (required). Version checks read <registry>/api/v2/appstream/<app-id>; default https://flathub.org.',
        },
        manifest: {
            kind: 'path',
            description: 'The flatpak-builder manifest (YAML or JSON), inside the workspace.',
            required: true,
        },
        mode: {
            kind: ['bundle', 'flat-manager', 'flathub-pr'],
            description: "`bundle`: attach <app-id>-<version>.flatpak to the GitHub release; `flat-manager`: push the build to `registry`; `flathub-pr`: open the version's pull request on the Flathub repository.",
            default: 'bundle',
        },
        'app-id': { kind: 'string', description: 'The application id; defaults to the manifest.' },
        repository: {
            kind: 'string',
            description: 'bundle: the GitHub repository whose release gets the .flatpak (default: this repository); flathub-pr: the Flathub repository (default: flathub/<app-id>).',
        },
        'flat-manager-repo': {
            kind: 'string',
            description: 'flat-manager: the repository name.',
            default: 'stable',
        },
        branch: {
            kind: 'string',
            description: 'The Flatpak branch, unless the manifest sets `branch`.',
            default: 'stable',
        },
    },
};
/** Keys every target has, outside its settings. */
const TARGET_KEYS = (/* unused pure expression or super */ null && (['name', 'type', 'tier']));
/** The environment variables that hold credentials by default. */
const DEFAULT_TOKEN_ENV = {
    npm: ['NPM_TOKEN', 'NODE_AUTH_TOKEN'],
    pypi: ['PYPI_TOKEN', 'PYPI_API_TOKEN'],
    crates: ['CARGO_REGISTRY_TOKEN'],
    docker: ['DOCKER_PASSWORD'],
    'github-release': ['GITHUB_TOKEN'],
    flatpak: ['FLAT_MANAGER_TOKEN', 'GITHUB_TOKEN'],
};
const isTargetType = (value) => TARGET_TYPES.includes(value);


/***/ }),

/***/ 6193:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
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
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./packages/action-kit/src/errors.ts
var errors = __nccwpck_require__(8826);
;// CONCATENATED MODULE: ./packages/version/src/manifests.ts
/** Reading the version a project's manifests declare. */



const MANIFEST_SOURCES = ['package.json', 'Cargo.toml', 'pyproject.toml', 'VERSION'];
const isTable = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
let parseToml;
/** The TOML parser loads only when a TOML manifest is read (most actions never read one). */
async function loadToml() {
    parseToml ??= (await __nccwpck_require__.e(/* import() */ 292).then(__nccwpck_require__.bind(__nccwpck_require__, 3292))).parse;
}
function readToml(file) {
    try {
        return parseToml((0,external_node_fs_.readFileSync)(file, 'utf8'));
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
async function readManifestVersion(dir, source) {
    const file = (0,external_node_path_.join)(dir, source);
    if (!(0,external_node_fs_.existsSync)(file))
        return undefined;
    if (source.endsWith('.toml'))
        await loadToml();
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
async function detectVersion(options) {
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
            const manifest = await readManifestVersion(options.cwd, source);
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






/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(3180);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
