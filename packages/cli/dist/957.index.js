export const id = 957;
export const ids = [957];
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

/***/ 5191:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GW: () => (/* binding */ splitCommand),
/* harmony export */   Nx: () => (/* binding */ parseCommandTemplate),
/* harmony export */   fE: () => (/* binding */ formatCommand),
/* harmony export */   nH: () => (/* binding */ fillCommand)
/* harmony export */ });
/* harmony import */ var _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8826);
/**
 * User-supplied commands (`reload-command`, `switch-command`...) become argument arrays, never
 * a shell string: split like a POSIX shell splits words (quotes and backslashes, nothing else),
 * then fill `{colour}`/`{weight}` placeholders inside each word, so a value can never add or
 * split arguments.
 */

/** Split `text` into words: whitespace separates, '…' is literal, "…" honours \" and \\, \x escapes x. */
function splitCommand(input, text) {
    const words = [];
    let word = '';
    let inWord = false;
    let quote;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quote === "'") {
            if (c === "'")
                quote = undefined;
            else
                word += c;
        }
        else if (quote === '"') {
            if (c === '"')
                quote = undefined;
            else if (c === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\'))
                word += text[++i];
            else
                word += c;
        }
        else if (c === "'" || c === '"') {
            quote = c;
            inWord = true;
        }
        else if (c === '\\') {
            if (i + 1 >= text.length)
                throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz.bad(input, text, 'ends with a lone backslash');
            word += text[++i];
            inWord = true;
        }
        else if (/\s/.test(c)) {
            if (inWord)
                words.push(word);
            word = '';
            inWord = false;
        }
        else {
            word += c;
            inWord = true;
        }
    }
    if (quote)
        throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz.bad(input, text, `has an unterminated ${quote} quote`);
    if (inWord)
        words.push(word);
    if (!words.length)
        throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, 'is empty', 'Give the command and its arguments, e.g. nginx -s reload.');
    return words;
}
const PLACEHOLDER = /\{([A-Za-z-]+)\}/g;
/** `{color}` is accepted for `{colour}`. */
const ALIASES = { color: 'colour' };
/** A command split into words whose placeholders are all among `allowed`. */
function parseCommandTemplate(input, text, allowed) {
    const words = splitCommand(input, text);
    for (const word of words) {
        for (const [, name] of word.matchAll(PLACEHOLDER)) {
            if (!allowed.includes(ALIASES[name] ?? name))
                throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz.bad(input, text, `uses the unknown placeholder {${name}}`, allowed.length
                    ? `Use ${allowed.map((a) => `{${a}}`).join(' or ')}.`
                    : 'This command takes no placeholders.');
        }
    }
    return words;
}
/** Fill the placeholders of every word. */
function fillCommand(words, values) {
    return words.map((word) => word.replace(PLACEHOLDER, (whole, name) => values[ALIASES[name] ?? name] ?? whole));
}
/** For logs: words joined, quoted where needed. */
function formatCommand(words) {
    return words.map((w) => (/^[\w@%+=:,./{}-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(' ');
}


/***/ }),

/***/ 1957:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   rollbackTarget: () => (/* binding */ rollbackTarget)
/* harmony export */ });
/* unused harmony export ROLLBACK_KINDS */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8826);
/* harmony import */ var _deploy_actions_action_kit_exec__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2692);
/* harmony import */ var _deploy_actions_version__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6193);
/* harmony import */ var _command_line_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5191);
/* harmony import */ var _router_index_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6435);
/**
 * Take a release back. `target` is a target of the config file, or a type:
 * - npm, docker, github-release, crates (registries): the publisher's own `rollback` (moves
 *   `latest` and friends back to the previous good version);
 * - blue-green: traffic back to the other colour through the router of the config's `deploy:`;
 * - kubernetes: `kubectl rollout undo deployment/<name>`, then wait for it to finish.
 */







const ROLLBACK_KINDS = ['blue-green', 'kubernetes'];
// Loaded when needed: the action starts (and checks its inputs) without the config parser
// and the publishers.
const release = () => Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 4746));
async function readConfig(file, needed) {
    if (!needed && !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file))
        return undefined;
    return (await release()).loadConfig(file);
}
async function rollbackTarget(request) {
    const { target } = request;
    const { DEFAULT_CONFIG_FILE, TARGET_TYPES, isTargetType } = await release();
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(request.workspace, request.config ?? DEFAULT_CONFIG_FILE);
    const config = await readConfig(file, target === 'blue-green');
    const named = config?.targets.find((t) => t.name === target);
    if (named)
        return rollbackRegistry(request, named.name, named.type, named.settings);
    if (target === 'blue-green')
        return rollbackBlueGreen(request, config, file);
    if (target === 'kubernetes')
        return rollbackKubernetes(request, config);
    if (isTargetType(target)) {
        const ofType = config?.targets.filter((t) => t.type === target) ?? [];
        if (ofType.length > 1)
            throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz.bad('target', target, `matches ${ofType.length} targets of ${file}`, `Name one: ${ofType.map((t) => t.name).join(', ')}.`);
        if (ofType.length === 1)
            return rollbackRegistry(request, ofType[0].name, target, ofType[0].settings);
        return rollbackRegistry(request, target, target, await defaultSettings(target, file));
    }
    const names = config?.targets.map((t) => t.name) ?? [];
    throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz.bad('target', target, `is neither a target of ${file} nor a type`, `Use ${names.length ? `a target (${names.join(', ')}) or ` : ''}a type: ${[...TARGET_TYPES, ...ROLLBACK_KINDS].join(', ')}.`);
}
async function defaultSettings(type, configFile) {
    const { settingsFromInputs } = await release();
    try {
        return settingsFromInputs(type, () => '');
    }
    catch (caught) {
        if (!(caught instanceof _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz))
            throw caught;
        throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('target', `${type}: ${configFile} has no ${type} target, and a ${type} target needs '${caught.input}'`, `Add the ${type} target to ${configFile}.`);
    }
}
async function rollbackRegistry(request, name, type, settings) {
    // A registry rollback names a release: refuse a malformed one before asking any registry.
    if (request.toVersion)
        (0,_deploy_actions_version__WEBPACK_IMPORTED_MODULE_4__/* .requireSemVer */ .Mp)('to-version', request.toVersion);
    const { loadPublisher } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 1699));
    const { resolveToken } = await release();
    const publisher = await loadPublisher(type);
    if (!publisher.rollback)
        throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('target', `${(0,_deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .describeValue */ .bp)(name)} is a ${type} target, and a ${type} release cannot be rolled back by deploy-actions`, type === 'pypi'
            ? 'PyPI cannot take a version back: yank it on the project page, then publish a fixed version.'
            : `Roll back by hand, or publish a fixed version. Types that can be rolled back: npm, docker, github-release, crates.`);
    const deferred = [];
    const context = {
        target: name,
        dryRun: false,
        workspace: request.workspace,
        tempDir: request.tempDir,
        env: request.env,
        reporter: request.reporter,
        http: request.http,
        token: resolveToken(type, settings, request.env, request.token),
        defer: (fn) => deferred.push(fn),
        toVersion: request.toVersion,
        reason: request.reason,
    };
    try {
        const result = await publisher.rollback(settings, context);
        return { target: name, kind: type, rolledBackTo: result.rolledBackTo, actions: result.actions };
    }
    finally {
        for (const fn of deferred.reverse())
            await fn().catch((e) => request.reporter.warning(`cleanup failed: ${e.message}`));
    }
}
async function rollbackBlueGreen(request, config, file) {
    if (!config.deploy)
        throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('target', `is blue-green, but ${file} has no deploy: section`, 'Describe the router under deploy.router (see the README).');
    const wanted = request.toVersion?.trim();
    if (wanted && wanted !== 'blue' && wanted !== 'green')
        throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz.bad('to-version', wanted, 'is not a colour', 'For blue-green, to-version is blue or green (default: the colour that served before).');
    const options = (0,_router_index_js__WEBPACK_IMPORTED_MODULE_6__/* .parseRouterSettings */ .c3)(config.deploy.router, (key) => `deploy.router.${key}`, request.workspace);
    const router = await (0,_router_index_js__WEBPACK_IMPORTED_MODULE_6__/* .createRouter */ .aE)(options, {
        exec: request.exec ?? _deploy_actions_action_kit_exec__WEBPACK_IMPORTED_MODULE_3__/* .exec */ .m0,
        reporter: request.reporter,
        cwd: request.workspace,
    });
    const actions = await router.prepare();
    const now = await router.read();
    let colour;
    if (wanted)
        colour = wanted;
    else {
        if (!now)
            throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('target', `${router.description} does not say which colour is live`, 'Set to-version to blue or green.');
        const live = (0,_router_index_js__WEBPACK_IMPORTED_MODULE_6__/* .majorityColour */ .A0)(now);
        if (!live)
            throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('target', `traffic is split evenly (${(0,_router_index_js__WEBPACK_IMPORTED_MODULE_6__/* .describeTraffic */ .hA)(now)})`, 'Set to-version to blue or green.');
        // A split means a rollout was interrupted: its majority is the colour that served before.
        colour = now[live] === 100 ? (0,_router_index_js__WEBPACK_IMPORTED_MODULE_6__/* .otherColour */ .RQ)(live) : live;
    }
    if (now?.[colour] === 100) {
        actions.push(`${router.description}: ${colour} already has all traffic; nothing changed`);
    }
    else {
        actions.push(await router.shift(colour, 100));
    }
    if (request.reason)
        request.reporter.info(`reason: ${request.reason}`);
    return { target: 'blue-green', kind: 'blue-green', rolledBackTo: colour, actions };
}
async function rollbackKubernetes(request, config) {
    const router = config?.deploy?.router.type === 'kubernetes' ? config.deploy.router : {};
    const deployment = request.deployment ?? router.service;
    if (!deployment)
        throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz.missing('deployment', 'Name the Deployment to roll back (or set deploy.router.service in the config).');
    const revision = request.toVersion?.trim();
    if (revision && !/^\d+$/.test(revision))
        throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz.bad('to-version', revision, 'is not a revision number', 'For kubernetes, to-version is a Deployment revision (kubectl rollout history); default: the previous one.');
    const base = [
        ...((request.context ?? router.context) ? ['--context', (request.context ?? router.context)] : []),
        ...((request.namespace ?? router.namespace)
            ? ['--namespace', (request.namespace ?? router.namespace)]
            : []),
    ];
    const exec = request.exec ?? _deploy_actions_action_kit_exec__WEBPACK_IMPORTED_MODULE_3__/* .exec */ .m0;
    const kubectl = async (args) => {
        const argv = [...base, ...args];
        request.reporter.info(`$ ${(0,_command_line_js__WEBPACK_IMPORTED_MODULE_5__/* .formatCommand */ .fE)(['kubectl', ...argv])}`);
        const result = await exec('kubectl', argv, { cwd: request.workspace, timeoutMs: 10 * 60_000 });
        if (result.code !== 0 || result.timedOut)
            throw new _deploy_actions_action_kit_exec__WEBPACK_IMPORTED_MODULE_3__/* .ExecError */ .cI(result);
        return result.stdout.trim();
    };
    const actions = [
        await kubectl([
            'rollout',
            'undo',
            `deployment/${deployment}`,
            ...(revision ? [`--to-revision=${revision}`] : []),
        ]),
    ];
    await kubectl(['rollout', 'status', `deployment/${deployment}`, '--timeout=5m']);
    const now = await kubectl([
        'get',
        `deployment/${deployment}`,
        '-o',
        'jsonpath={.metadata.annotations.deployment\\.kubernetes\\.io/revision}',
    ]);
    actions.push(`kubernetes: deployment/${deployment} rolled out revision ${now || '?'}`);
    return {
        target: 'kubernetes',
        kind: 'kubernetes',
        rolledBackTo: now ? `revision ${now}` : revision ? `revision ${revision}` : 'the previous revision',
        actions,
    };
}


/***/ }),

/***/ 6435:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A0: () => (/* reexport safe */ _types_js__WEBPACK_IMPORTED_MODULE_4__.A0),
/* harmony export */   RQ: () => (/* reexport safe */ _types_js__WEBPACK_IMPORTED_MODULE_4__.RQ),
/* harmony export */   aE: () => (/* binding */ createRouter),
/* harmony export */   c3: () => (/* binding */ parseRouterSettings),
/* harmony export */   hA: () => (/* reexport safe */ _types_js__WEBPACK_IMPORTED_MODULE_4__.hA),
/* harmony export */   lz: () => (/* reexport safe */ _types_js__WEBPACK_IMPORTED_MODULE_4__.lz),
/* harmony export */   zy: () => (/* binding */ canSplit)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8826);
/* harmony import */ var _deploy_actions_action_kit_parse__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5210);
/* harmony import */ var _command_line_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5191);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8294);
/* harmony import */ var _nginx_config_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6542);
/**
 * Router settings (the config's `deploy.router` keys, or the blue-green-switch inputs of the
 * same names) parsed into typed options, and the router they describe.
 */







/** Which settings each router reads; any other non-empty one is a mistake worth naming. */
const SETTINGS = {
    nginx: ['upstream-file', 'blue', 'green', 'reload-command', 'test-command'],
    kubernetes: ['namespace', 'service', 'ingress', 'selector-key', 'context', 'blue', 'green'],
    symlink: ['link', 'blue', 'green'],
    command: ['switch-command', 'read-command', 'blue', 'green'],
};
const ALL_SETTINGS = [...new Set(Object.values(SETTINGS).flat())];
const NGINX_ADDRESS = /^(unix:\/[^\s;{}'"$]+|\[[0-9A-Fa-f:.]+\]:\d{1,5}|[A-Za-z0-9.-]+(:\d{1,5})?)$/;
const DNS_NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
const LABEL_KEY = /^([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;
function need(raw, key, name, hint) {
    const value = raw[key]?.trim();
    if (!value)
        throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz.missing(name(key), hint);
    return value;
}
function matching(name, value, pattern, expected) {
    if (!pattern.test(value))
        throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz.bad(name, value, expected);
    return value;
}
function nginxOptions(raw, name, cwd) {
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(cwd, need(raw, 'upstream-file', name, 'Name the file nginx includes in its http block, e.g. /etc/nginx/conf.d/app-upstream.conf.'));
    if (/[\s;{}'"$\\]/.test(file))
        throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz.bad(name('upstream-file'), file, 'contains a character nginx would misread (space, quote, ;, {, }, $)');
    const addresses = (colour) => {
        const list = (0,_deploy_actions_action_kit_parse__WEBPACK_IMPORTED_MODULE_2__/* .parseList */ .E1)(need(raw, colour, name, `Give the ${colour} address, e.g. 127.0.0.1:8081.`));
        for (const address of list)
            matching(name(colour), address, NGINX_ADDRESS, 'is not an nginx server address (host:port, [v6]:port or unix:/path)');
        return list;
    };
    const blue = addresses('blue');
    const green = addresses('green');
    const shared = blue.find((address) => green.includes(address));
    if (shared)
        throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz.bad(name('green'), shared, 'is also a blue address', 'Blue and green must be different servers.');
    return {
        type: 'nginx',
        upstreamFile: file,
        blue,
        green,
        reloadCommand: (0,_command_line_js__WEBPACK_IMPORTED_MODULE_3__/* .splitCommand */ .GW)(name('reload-command'), raw['reload-command']?.trim() || 'nginx -s reload'),
        testCommand: (0,_command_line_js__WEBPACK_IMPORTED_MODULE_3__/* .splitCommand */ .GW)(name('test-command'), raw['test-command']?.trim() || 'nginx -t'),
    };
}
function kubernetesOptions(raw, name) {
    const service = raw.service?.trim() || undefined;
    const ingress = raw.ingress?.trim() || undefined;
    if (!service && !ingress)
        throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz.missing(name('service'), `Set service (its selector picks the colour) or ingress (canary weights).`);
    if (service && ingress)
        throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz.bad(name('ingress'), ingress, `is set together with service (${service})`, 'Use service for whole switches, or ingress for canary steps, not both.');
    for (const [key, value] of [
        ['service', service],
        ['ingress', ingress],
        ['namespace', raw.namespace?.trim()],
    ])
        if (value)
            matching(name(key), value, DNS_NAME, 'is not a Kubernetes object name');
    const context = raw.context?.trim() || undefined;
    if (context?.startsWith('-'))
        throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz.bad(name('context'), context, 'starts with a dash');
    const colourValue = (colour) => {
        const value = raw[colour]?.trim();
        if (ingress) {
            if (!value)
                throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz.missing(name(colour), `With ingress, name the Service of the ${colour} colour.`);
            return matching(name(colour), value, DNS_NAME, 'is not a Service name');
        }
        return matching(name(colour), value || colour, LABEL_VALUE, 'is not a label value');
    };
    const options = {
        type: 'kubernetes',
        kubectl: 'kubectl',
        context,
        namespace: raw.namespace?.trim() || undefined,
        service,
        ingress,
        selectorKey: matching(name('selector-key'), raw['selector-key']?.trim() || 'colour', LABEL_KEY, 'is not a label key'),
        blue: colourValue('blue'),
        green: colourValue('green'),
    };
    if (options.blue === options.green)
        throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz.bad(name('green'), options.green, 'is the same as blue');
    return options;
}
function symlinkOptions(raw, name, cwd) {
    const path = (key, hint) => {
        const value = need(raw, key, name, hint);
        if (value.includes('\0'))
            throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz.bad(name(key), value, 'contains a NUL character');
        return (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(cwd, value);
    };
    const options = {
        type: 'symlink',
        link: path('link', 'Name the symlink to switch, e.g. /srv/app/current.'),
        blue: path('blue', 'Name the blue release directory.'),
        green: path('green', 'Name the green release directory.'),
    };
    if (options.blue === options.green)
        throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz.bad(name('green'), options.green, 'is the same directory as blue');
    return options;
}
function commandOptions(raw, name) {
    const switchText = need(raw, 'switch-command', name, 'Give the command that moves traffic, e.g. lb-ctl route --to {colour} --weight {weight}.');
    const readText = raw['read-command']?.trim();
    const options = {
        type: 'command',
        switchCommand: (0,_command_line_js__WEBPACK_IMPORTED_MODULE_3__/* .parseCommandTemplate */ .Nx)(name('switch-command'), switchText, ['colour', 'weight', 'target']),
        readCommand: readText ? (0,_command_line_js__WEBPACK_IMPORTED_MODULE_3__/* .parseCommandTemplate */ .Nx)(name('read-command'), readText, []) : undefined,
        blue: raw.blue?.trim() || undefined,
        green: raw.green?.trim() || undefined,
    };
    if (options.switchCommand.some((word) => word.includes('{target}')) && (!options.blue || !options.green))
        throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz.missing(name(options.blue ? 'green' : 'blue'), 'switch-command uses {target}: set blue and green to what it stands for.');
    return options;
}
/** Typed router options from raw settings; every mistake is an InputError naming the setting. */
function parseRouterSettings(raw, name = (key) => key, cwd = process.cwd()) {
    const typeText = raw.type?.trim();
    if (!typeText)
        throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz.missing(name('type'), `Use one of: ${_types_js__WEBPACK_IMPORTED_MODULE_4__/* .ROUTER_TYPES */ .qV.join(', ')}.`);
    const type = (0,_deploy_actions_action_kit_parse__WEBPACK_IMPORTED_MODULE_2__/* .parseEnum */ .nL)(name('type'), typeText, _types_js__WEBPACK_IMPORTED_MODULE_4__/* .ROUTER_TYPES */ .qV);
    const stray = ALL_SETTINGS.find((key) => raw[key]?.trim() && !SETTINGS[type].includes(key));
    if (stray)
        throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(name(stray), `is not a setting of the ${type} router`, `The ${type} router reads: ${SETTINGS[type].join(', ')}.`);
    switch (type) {
        case 'nginx':
            return nginxOptions(raw, name, cwd);
        case 'kubernetes':
            return kubernetesOptions(raw, name);
        case 'symlink':
            return symlinkOptions(raw, name, cwd);
        case 'command':
            return commandOptions(raw, name);
    }
}
/** Whether these options allow partial steps (a split of traffic); known before anything runs. */
function canSplit(options) {
    if (options.type === 'nginx')
        return true;
    if (options.type === 'kubernetes')
        return Boolean(options.ingress);
    if (options.type === 'command')
        return options.switchCommand.some((word) => word.includes('{weight}'));
    return false;
}
/** The router of `options.type`; each router's code loads only when it is the one used. */
async function createRouter(options, context) {
    switch (options.type) {
        case 'nginx':
            return new (await __webpack_require__.e(/* import() */ 355).then(__webpack_require__.bind(__webpack_require__, 3593))).NginxRouter(options, context);
        case 'kubernetes':
            return new (await __webpack_require__.e(/* import() */ 556).then(__webpack_require__.bind(__webpack_require__, 7556))).KubernetesRouter(options, context);
        case 'symlink':
            return new (await __webpack_require__.e(/* import() */ 411).then(__webpack_require__.bind(__webpack_require__, 6792))).SymlinkRouter(options, context);
        case 'command':
            return new (await __webpack_require__.e(/* import() */ 438).then(__webpack_require__.bind(__webpack_require__, 5438))).CommandRouter(options, context);
    }
}


/***/ }),

/***/ 6542:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ai: () => (/* binding */ MANAGED_MARK),
/* harmony export */   P$: () => (/* binding */ trafficFromUpstreamFile),
/* harmony export */   SC: () => (/* binding */ BUCKETS),
/* harmony export */   TR: () => (/* binding */ nginxLayout),
/* harmony export */   XQ: () => (/* binding */ renderRouteSnippet),
/* harmony export */   tC: () => (/* binding */ splitDirName),
/* harmony export */   w$: () => (/* binding */ parseSplitDirName),
/* harmony export */   yJ: () => (/* binding */ renderUpstreamFile)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/**
 * What the nginx router writes, and how it reads an upstream file it did not write.
 *
 * Why not rewrite `server … weight=` lines and `nginx -s reload` at each step: a reload makes
 * the old workers close their idle keep-alive client connections at once
 * (ngx_close_idle_connections); a client that sends its next request on such a connection at
 * that moment gets a reset or an empty reply. Under `wrk -c50` that loses a few dozen requests
 * per reload, and nginx 1.22 has no setting against it (keepalive_min_timeout came in 1.27).
 * So nginx is configured once and traffic moves without a reload: `split_clients` gives each
 * request a bucket 0-99, and the bucket goes to green when a file of that name exists under
 * `<route>/current/` (a symlink swapped atomically), else to blue.
 */

const MANAGED_MARK = '# Managed by deploy-actions (blue-green-switch)';
const BUCKETS = 100;
function nginxLayout(upstreamFile) {
    const base = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.basename)(upstreamFile, (0,node_path__WEBPACK_IMPORTED_MODULE_0__.extname)(upstreamFile));
    let id = base.replace(/[^A-Za-z0-9_]/g, '_');
    if (!/^[A-Za-z_]/.test(id))
        id = `app_${id}`;
    const routeDir = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_0__.dirname)(upstreamFile), `${base}.route`);
    return {
        id,
        upstreamFile,
        routeDir,
        snippet: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(routeDir, 'route.conf'),
        current: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(routeDir, 'current'),
    };
}
/** The folder whose files send their buckets to green: green-0 … green-100. */
const splitDirName = (greenWeight) => `green-${greenWeight}`;
function parseSplitDirName(name) {
    const match = /^green-(\d{1,3})$/.exec(name);
    const weight = match ? Number(match[1]) : NaN;
    return weight >= 0 && weight <= 100 ? weight : undefined;
}
function upstreamBlock(name, primary, backup) {
    return [
        `upstream ${name} {`,
        // max_fails=0: a failed attempt never takes the colour out of rotation for fail_timeout;
        // the request itself moves on to the backup (the other colour), so it is not lost.
        ...primary.map((address) => `    server ${address} max_fails=0;`),
        ...backup.map((address) => `    server ${address} backup;`),
        '    keepalive 32;',
        // Below the idle timeout of common app servers (Node 5 s), so nginx closes an idle
        // upstream connection before the app does and never reuses one the app is closing.
        '    keepalive_timeout 4s;',
        '}',
    ].join('\n');
}
/** The http-level file: one upstream per colour (the other colour as backup) and the bucket split. */
function renderUpstreamFile(layout, blue, green) {
    const { id } = layout;
    const buckets = Array.from({ length: BUCKETS - 1 }, (_, i) => `    1% ${i};`);
    return [
        MANAGED_MARK,
        `# Included in the http block. Rewritten (then nginx -t and a reload) only when the blue or`,
        `# green addresses change; traffic moves without a reload through ${layout.current}.`,
        `# In the server or location block: include ${layout.snippet}; proxy_pass http://$${id}_pool;`,
        upstreamBlock(`${id}_blue`, blue, green),
        upstreamBlock(`${id}_green`, green, blue),
        // $request_id is random per request: each request lands in one of 100 equal buckets.
        `split_clients "\${request_id}" $${id}_bucket {`,
        ...buckets,
        `    * ${BUCKETS - 1};`,
        '}',
        '',
    ].join('\n');
}
/** The server/location-level snippet that picks the colour of each request. */
function renderRouteSnippet(layout) {
    const { id } = layout;
    return [
        MANAGED_MARK,
        `# Include in the server or location block that proxies to the app, then: proxy_pass http://$${id}_pool;`,
        '# A request goes to green when the file named by its bucket exists under current/.',
        // A cached answer would delay a switch (and a rollback) by open_file_cache_valid.
        'open_file_cache off;',
        `set $${id}_pool ${id}_blue;`,
        `if (-f ${layout.current}/$${id}_bucket) {`,
        `    set $${id}_pool ${id}_green;`,
        '}',
        '',
    ].join('\n');
}
/**
 * The split of an upstream file written by hand or by a reload-based tool: the weights of the
 * `server` lines whose address is blue's or green's. Lets the first run take over without
 * moving traffic.
 */
function trafficFromUpstreamFile(text, blue, green) {
    const weights = { blue: 0, green: 0 };
    const statements = text.replace(/#.*$/gm, '').split(';');
    for (const statement of statements) {
        const match = /(?:^|[\s{])server\s+(\S+)([^{}]*)$/.exec(statement);
        if (!match)
            continue;
        const params = match[2];
        if (/\b(backup|down)\b/.test(params))
            continue;
        const weight = Number(/\bweight=(\d+)/.exec(params)?.[1] ?? 1);
        if (blue.includes(match[1]))
            weights.blue += weight;
        else if (green.includes(match[1]))
            weights.green += weight;
    }
    const total = weights.blue + weights.green;
    if (!total)
        return undefined;
    const greenShare = Math.round((weights.green / total) * 100);
    return { blue: 100 - greenShare, green: greenShare };
}


/***/ }),

/***/ 8294:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A0: () => (/* binding */ majorityColour),
/* harmony export */   RQ: () => (/* binding */ otherColour),
/* harmony export */   hA: () => (/* binding */ describeTraffic),
/* harmony export */   lz: () => (/* binding */ trafficTo),
/* harmony export */   qV: () => (/* binding */ ROUTER_TYPES)
/* harmony export */ });
/* unused harmony export COLOURS */
const COLOURS = (/* unused pure expression or super */ null && (['blue', 'green']));
const ROUTER_TYPES = ['nginx', 'kubernetes', 'symlink', 'command'];
const otherColour = (colour) => (colour === 'blue' ? 'green' : 'blue');
/** `weight`% to `colour`, the rest to the other one. */
function trafficTo(colour, weight) {
    return colour === 'blue' ? { blue: weight, green: 100 - weight } : { blue: 100 - weight, green: weight };
}
/** The colour serving most of the traffic; undefined on an even split. */
function majorityColour(traffic) {
    if (traffic.blue === traffic.green)
        return undefined;
    return traffic.blue > traffic.green ? 'blue' : 'green';
}
function describeTraffic(traffic) {
    if (!traffic)
        return 'unknown';
    if (traffic.blue === 100)
        return 'blue';
    if (traffic.green === 100)
        return 'green';
    return `blue ${traffic.blue}% / green ${traffic.green}%`;
}


/***/ })

};
