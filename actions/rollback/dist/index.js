import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 2754:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8056);

await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 8056:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

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

// EXTERNAL MODULE: ./packages/action-kit/src/summary.ts
var summary = __nccwpck_require__(6813);
;// CONCATENATED MODULE: ./packages/action-kit/src/index.ts







// EXTERNAL MODULE: ./packages/action-kit/src/http.ts + 1 modules
var http = __nccwpck_require__(3363);
// EXTERNAL MODULE: ./packages/action-kit/src/paths.ts
var paths = __nccwpck_require__(1985);
// EXTERNAL MODULE: ./packages/action-kit/src/exec.ts
var src_exec = __nccwpck_require__(2692);
// EXTERNAL MODULE: ./packages/version/src/index.ts + 4 modules
var src = __nccwpck_require__(6193);
;// CONCATENATED MODULE: ./packages/deploy/src/command-line.ts
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
                throw errors/* InputError */.dz.bad(input, text, 'ends with a lone backslash');
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
        throw errors/* InputError */.dz.bad(input, text, `has an unterminated ${quote} quote`);
    if (inWord)
        words.push(word);
    if (!words.length)
        throw new errors/* InputError */.dz(input, 'is empty', 'Give the command and its arguments, e.g. nginx -s reload.');
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
                throw errors/* InputError */.dz.bad(input, text, `uses the unknown placeholder {${name}}`, allowed.length
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

;// CONCATENATED MODULE: ./packages/deploy/src/router/types.ts
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

;// CONCATENATED MODULE: ./packages/deploy/src/router/command.ts
/**
 * Any load balancer with a CLI: the user's `switch-command` moves traffic ({colour} gets
 * {weight} percent; {target} is that colour's blue/green setting) and `read-command` prints
 * the live colour, optionally with its share ("green" or "green 10").
 */




class CommandRouter {
    options;
    context;
    type = 'command';
    canSplit;
    description;
    constructor(options, context) {
        this.options = options;
        this.context = context;
        this.canSplit = options.switchCommand.some((word) => /\{weight\}/.test(word));
        this.description = `command ${formatCommand(options.switchCommand)}`;
    }
    async prepare() {
        return [];
    }
    async read() {
        if (!this.options.readCommand)
            return undefined;
        const result = await this.run(this.options.readCommand);
        const printed = result.stdout.trim();
        const match = /^(blue|green)(?:[\s=:]+(\d{1,3})%?)?\s*$/i.exec(printed.split('\n').pop() ?? '');
        const weight = match?.[2] === undefined ? 100 : Number(match[2]);
        if (!match || weight > 100)
            throw errors/* InputError */.dz.bad('read-command', printed, 'is not what read-command must print', 'Print the live colour, e.g. "green", or "green 10" while it has 10%.');
        return trafficTo(match[1].toLowerCase(), weight);
    }
    async shift(colour, weight) {
        const words = fillCommand(this.options.switchCommand, {
            colour,
            weight: String(weight),
            target: this.options[colour] ?? colour,
        });
        await this.run(words);
        return `command: ${formatCommand(words)} (${describeTraffic(trafficTo(colour, weight))})`;
    }
    async run(words) {
        this.context.reporter.info(`$ ${formatCommand(words)}`);
        const result = await this.context.exec(words[0], words.slice(1), {
            cwd: this.context.cwd,
            timeoutMs: 120_000,
        });
        if (result.code !== 0 || result.timedOut)
            throw new src_exec/* ExecError */.cI(result);
        return result;
    }
}

;// CONCATENATED MODULE: ./packages/deploy/src/router/kubernetes-manifests.ts
/**
 * The objects the kubernetes router sends, built from what kubectl returned. Pure, so tests
 * check them exactly (and with `kubectl patch --local`, the real client, offline).
 */
const CANARY = 'nginx.ingress.kubernetes.io/canary';
const CANARY_WEIGHT = 'nginx.ingress.kubernetes.io/canary-weight';
const MANAGED_BY = { 'app.kubernetes.io/managed-by': 'deploy-actions' };
const canaryName = (ingress) => `${ingress}-canary`;
/** The Service names an Ingress sends traffic to. */
function ingressServices(ingress) {
    const names = new Set();
    const add = (backend) => backend?.service?.name && names.add(backend.service.name);
    add(ingress.spec?.defaultBackend);
    for (const rule of ingress.spec?.rules ?? [])
        for (const path of rule.http?.paths ?? [])
            add(path.backend);
    return [...names];
}
/** A copy of the spec with every backend service renamed. */
function retarget(spec, from, to) {
    const copy = structuredClone(spec ?? {});
    const rename = (backend) => {
        if (backend?.service?.name === from)
            backend.service.name = to;
    };
    rename(copy.defaultBackend);
    for (const rule of copy.rules ?? [])
        for (const path of rule.http?.paths ?? [])
            rename(path.backend);
    return copy;
}
/** The stable Ingress, pointed at another Service; resourceVersion kept so `kubectl replace` refuses a concurrent change. */
function retargetedIngress(stable, from, to) {
    const { managedFields: _managed, ...metadata } = stable.metadata;
    return {
        apiVersion: stable.apiVersion ?? 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata,
        spec: retarget(stable.spec, from, to),
    };
}
/** The canary Ingress (ingress-nginx canary annotations): same hosts and paths, the new colour's Service, a weight. */
function canaryIngress(stable, from, to, weight) {
    const annotations = {};
    const stableAnnotations = stable.metadata.annotations ?? {};
    // The canary must be served by the same controller as the stable Ingress.
    if (stableAnnotations['kubernetes.io/ingress.class'])
        annotations['kubernetes.io/ingress.class'] = stableAnnotations['kubernetes.io/ingress.class'];
    annotations[CANARY] = 'true';
    annotations[CANARY_WEIGHT] = String(weight);
    return {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: {
            name: canaryName(stable.metadata.name),
            ...(stable.metadata.namespace ? { namespace: stable.metadata.namespace } : {}),
            labels: { ...MANAGED_BY },
            annotations,
        },
        spec: retarget(stable.spec, from, to),
    };
}
/** The merge patch that points a Service's selector at a colour. */
function selectorPatch(key, value) {
    return JSON.stringify({ spec: { selector: { [key]: value } } });
}
/** kubectl's JSONPath for one selector value; dots inside the key are escaped (app.kubernetes.io/colour). */
function selectorJsonPath(key) {
    return `{.spec.selector.${key.replace(/\./g, '\\.')}}`;
}

;// CONCATENATED MODULE: ./packages/deploy/src/router/kubernetes.ts
/**
 * Kubernetes through kubectl (the user's kubeconfig and context; argv only). Two modes:
 * - Service: one Service whose selector `{selector-key: <colour value>}` picks the Pods of a
 *   colour; a patch moves all traffic at once.
 * - Ingress: a stable Ingress points at the Service of the live colour; canary steps go through
 *   a `<ingress>-canary` Ingress with ingress-nginx canary-weight annotations; at 100% the stable
 *   Ingress is replaced to point at the new Service and the canary is deleted.
 */





class KubernetesRouter {
    options;
    context;
    type = 'kubernetes';
    canSplit;
    description;
    constructor(options, context) {
        this.options = options;
        this.context = context;
        this.canSplit = Boolean(options.ingress);
        this.description = options.ingress
            ? `kubernetes ingress/${options.ingress}`
            : `kubernetes service/${options.service}`;
    }
    async prepare() {
        return [];
    }
    async read() {
        return this.options.ingress
            ? this.readIngress(this.options.ingress)
            : this.readService(this.options.service);
    }
    async shift(colour, weight) {
        if (this.options.ingress)
            return this.shiftIngress(this.options.ingress, colour, weight);
        if (weight !== 100)
            throw errors/* InputError */.dz.bad('steps', weight, 'is a partial step: a Service selector moves all traffic at once', 'Set ingress: to shift in steps, or use steps: 100.');
        const service = this.options.service;
        const before = await this.readService(service);
        await this.kubectl([
            'patch',
            'service',
            service,
            '--type',
            'merge',
            '-p',
            selectorPatch(this.options.selectorKey, this.options[colour]),
        ]);
        return `kubernetes: service/${service} selector ${this.options.selectorKey}=${this.options[colour]} (${describeTraffic(before)} -> ${colour})`;
    }
    async readService(service) {
        const value = (await this.kubectl([
            'get',
            'service',
            service,
            '-o',
            `jsonpath=${selectorJsonPath(this.options.selectorKey)}`,
        ])).trim();
        if (!value)
            return undefined;
        return trafficTo(this.colourOf(value, `service/${service} selector ${this.options.selectorKey}`), 100);
    }
    colourOf(value, where) {
        if (value === this.options.blue)
            return 'blue';
        if (value === this.options.green)
            return 'green';
        throw errors/* InputError */.dz.bad(this.options.ingress ? 'ingress' : 'service', value, `(${where}) is neither blue (${this.options.blue}) nor green (${this.options.green})`);
    }
    async getIngress(name, optional = false) {
        const text = await this.kubectl([
            'get',
            'ingress',
            name,
            '-o',
            'json',
            ...(optional ? ['--ignore-not-found'] : []),
        ]);
        return text.trim() ? JSON.parse(text) : undefined;
    }
    /** The stable colour, and the stable Ingress itself. */
    async stable(name) {
        const ingress = (await this.getIngress(name));
        const services = ingressServices(ingress);
        if (services.length !== 1)
            throw errors/* InputError */.dz.bad('ingress', name, `sends traffic to ${services.length ? services.join(', ') : 'no Service'}; the router needs exactly one (blue's or green's)`);
        return { colour: this.colourOf(services[0], `ingress/${name} backend`), ingress };
    }
    async readIngress(name) {
        const { colour } = await this.stable(name);
        const canary = await this.getIngress(canaryName(name), true);
        const weight = Number(canary?.metadata.annotations?.[CANARY_WEIGHT] ?? 0);
        if (!canary || !Number.isFinite(weight) || weight <= 0)
            return trafficTo(colour, 100);
        return trafficTo(otherColour(colour), Math.min(100, weight));
    }
    async shiftIngress(name, colour, weight) {
        const { colour: stable, ingress } = await this.stable(name);
        const before = await this.readIngress(name);
        const traffic = trafficTo(colour, weight);
        const canary = otherColour(stable);
        if (traffic[stable] === 100) {
            await this.kubectl(['delete', 'ingress', canaryName(name), '--ignore-not-found']);
        }
        else if (traffic[canary] === 100) {
            // Point the stable Ingress at the new colour first: with the canary still on the same
            // Service, every request already lands there; then the canary can go.
            await this.kubectl(['replace', '-f', '-'], JSON.stringify(retargetedIngress(ingress, this.options[stable], this.options[canary])));
            await this.kubectl(['delete', 'ingress', canaryName(name), '--ignore-not-found']);
        }
        else {
            const manifest = canaryIngress(ingress, this.options[stable], this.options[canary], traffic[canary]);
            await this.kubectl(['apply', '-f', '-'], JSON.stringify(manifest));
        }
        return `kubernetes: ingress/${name} ${describeTraffic(before)} -> ${describeTraffic(traffic)}`;
    }
    async kubectl(args, input) {
        const argv = [
            ...(this.options.context ? ['--context', this.options.context] : []),
            ...(this.options.namespace ? ['--namespace', this.options.namespace] : []),
            ...args,
        ];
        this.context.reporter.info(`$ ${formatCommand([this.options.kubectl, ...argv])}`);
        const result = await this.context.exec(this.options.kubectl, argv, {
            cwd: this.context.cwd,
            input,
            timeoutMs: 120_000,
        });
        if (result.code !== 0 || result.timedOut)
            throw new src_exec/* ExecError */.cI(result);
        return result.stdout;
    }
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
;// CONCATENATED MODULE: ./packages/deploy/src/atomic.ts
/**
 * Replace files and symlinks so that a reader (nginx, a web server following a `current`
 * link) sees either the old or the new one, never a half-written file or a missing link:
 * write a temp file beside the target, fsync it, rename it over the target, fsync the folder
 * so the rename survives a crash.
 */


/** A name beside `path` that no glob like `*.conf` picks up and no other writer uses. */
function tempBeside(path) {
    return (0,external_node_path_.join)((0,external_node_path_.dirname)(path), `.${(0,external_node_path_.basename)(path)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
}
async function syncDir(dir) {
    const handle = await (0,promises_.open)(dir, 'r');
    try {
        await handle.sync();
    }
    finally {
        await handle.close();
    }
}
async function writeFileAtomic(path, content, mode = 0o644) {
    const temp = tempBeside(path);
    const handle = await (0,promises_.open)(temp, 'wx', mode);
    try {
        await handle.writeFile(content, 'utf8');
        await handle.sync();
    }
    finally {
        await handle.close();
    }
    try {
        // The umask may have narrowed the mode; nginx workers (another user) must read the file.
        await (0,promises_.chmod)(temp, mode);
        await (0,promises_.rename)(temp, path);
    }
    catch (caught) {
        await (0,promises_.rm)(temp, { force: true });
        throw caught;
    }
    await syncDir((0,external_node_path_.dirname)(path));
}
/** Point `link` at `target` in one step, whether or not `link` exists yet. */
async function replaceSymlink(link, target) {
    const temp = tempBeside(link);
    await (0,promises_.symlink)(target, temp);
    try {
        await (0,promises_.rename)(temp, link);
    }
    catch (caught) {
        await (0,promises_.rm)(temp, { force: true });
        throw caught;
    }
    await syncDir((0,external_node_path_.dirname)(link));
}
/** The file's text, or undefined when it does not exist. */
async function readIfExists(path) {
    try {
        return await (0,promises_.readFile)(path, 'utf8');
    }
    catch (caught) {
        if (caught.code === 'ENOENT')
            return undefined;
        throw caught;
    }
}

;// CONCATENATED MODULE: ./packages/deploy/src/router/nginx-config.ts
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
    const base = (0,external_node_path_.basename)(upstreamFile, (0,external_node_path_.extname)(upstreamFile));
    let id = base.replace(/[^A-Za-z0-9_]/g, '_');
    if (!/^[A-Za-z_]/.test(id))
        id = `app_${id}`;
    const routeDir = (0,external_node_path_.join)((0,external_node_path_.dirname)(upstreamFile), `${base}.route`);
    return {
        id,
        upstreamFile,
        routeDir,
        snippet: (0,external_node_path_.join)(routeDir, 'route.conf'),
        current: (0,external_node_path_.join)(routeDir, 'current'),
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

;// CONCATENATED MODULE: ./packages/deploy/src/router/nginx.ts
/**
 * nginx as the router, lossless: nginx is reloaded only when the upstream file itself must
 * change (first install, new addresses); moving traffic is one atomic symlink swap that nginx
 * reads per request (see nginx-config.ts for why a reload per step loses requests).
 */







/** nginx refused the configuration we wrote (nginx -t), or the reload failed. */
class NginxConfigError extends errors/* InputError */.dz {
}
class NginxRouter {
    options;
    context;
    type = 'nginx';
    canSplit = true;
    description;
    layout;
    constructor(options, context) {
        this.options = options;
        this.context = context;
        this.layout = nginxLayout(options.upstreamFile);
        this.description = `nginx ${options.upstreamFile}`;
    }
    async read() {
        try {
            const weight = parseSplitDirName(await (0,promises_.readlink)(this.layout.current));
            if (weight !== undefined)
                return { blue: 100 - weight, green: weight };
        }
        catch (caught) {
            if (caught.code !== 'ENOENT')
                throw caught;
        }
        // Not installed yet: what does the upstream file nginx runs with say?
        const text = await readIfExists(this.options.upstreamFile);
        if (text === undefined || text.startsWith(MANAGED_MARK))
            return undefined;
        return trafficFromUpstreamFile(text, this.options.blue, this.options.green);
    }
    async prepare() {
        const changes = [];
        const { routeDir, current, snippet, upstreamFile } = this.layout;
        if (!(await exists((0,external_node_path_.dirname)(upstreamFile))))
            throw errors/* InputError */.dz.bad('upstream-file', upstreamFile, 'is in a folder that does not exist', 'Use the folder nginx includes from, e.g. /etc/nginx/conf.d.');
        await (0,promises_.mkdir)(routeDir, { recursive: true });
        await (0,promises_.chmod)(routeDir, 0o755);
        if (!(await exists(current))) {
            // Take over where nginx is now, so installing never moves traffic by itself.
            const start = (await this.read()) ?? { blue: 100, green: 0 };
            await this.link(start.green);
            changes.push(`nginx: route created at ${current} (${describeTraffic(start)})`);
        }
        const wanted = new Map([
            [upstreamFile, renderUpstreamFile(this.layout, this.options.blue, this.options.green)],
            [snippet, renderRouteSnippet(this.layout)],
        ]);
        const before = new Map();
        for (const [file, text] of wanted) {
            const old = await readIfExists(file);
            if (old !== text)
                before.set(file, old);
        }
        if (!before.size) {
            await this.checkIncluded();
            return changes;
        }
        const existing = before.get(upstreamFile);
        if (existing !== undefined && !existing.startsWith(MANAGED_MARK))
            this.context.reporter.info(`nginx: taking over ${upstreamFile} (was not written by deploy-actions)`);
        for (const file of before.keys())
            await writeFileAtomic(file, wanted.get(file));
        const test = await this.run(this.options.testCommand);
        if (test.code !== 0) {
            await this.restore(before);
            throw new NginxConfigError('upstream-file', `nginx refused the configuration written to ${upstreamFile} (${formatCommand(this.options.testCommand)}):\n${(test.stderr || test.stdout).trim()}`, `Include ${upstreamFile} in the http block and ${snippet} in the server or location block (see the blue-green-switch README); the previous files were put back.`);
        }
        const reload = await this.run(this.options.reloadCommand);
        if (reload.code !== 0)
            throw new NginxConfigError('reload-command', `${formatCommand(this.options.reloadCommand)} failed:\n${(reload.stderr || reload.stdout).trim()}`, 'Check that nginx is running and that this command can signal it (pid file, permissions).');
        changes.push(`nginx: wrote ${[...before.keys()].join(' and ')}, tested and reloaded`);
        await this.checkIncluded();
        return changes;
    }
    /**
     * nginx must read both files, or moving the route changes nothing while the gate (probing
     * the new colour directly) passes. `nginx -T` (the test command with -t turned into -T)
     * names every file it read; a test command without -t cannot tell, and is trusted.
     */
    async checkIncluded() {
        const at = this.options.testCommand.lastIndexOf('-t');
        if (at < 0) {
            this.context.reporter.debug(`nginx: ${formatCommand(this.options.testCommand)} has no -t; not checking what nginx includes`);
            return;
        }
        const dump = this.options.testCommand.map((word, i) => (i === at ? '-T' : word));
        const result = await this.context.exec(dump[0], dump.slice(1), {
            cwd: this.context.cwd,
            timeoutMs: 60_000,
        });
        if (result.code !== 0)
            return; // nginx -t passed a moment ago; nothing more to learn
        const missing = [this.layout.upstreamFile, this.layout.snippet].filter((file) => !result.stdout.includes(`# configuration file ${file}:`));
        if (missing.length)
            throw new NginxConfigError('upstream-file', `nginx does not read ${missing.join(' nor ')} (${formatCommand(dump)}): moving traffic would change nothing`, `Include ${this.layout.upstreamFile} in the http block, and ${this.layout.snippet} in the server or location block that proxies with proxy_pass http://$${this.layout.id}_pool (see the blue-green-switch README).`);
    }
    async shift(colour, weight) {
        const before = await this.read();
        const traffic = trafficTo(colour, weight);
        await this.link(traffic.green);
        await this.removeStaleSplits(traffic.green, before?.green);
        return `nginx: ${describeTraffic(before)} -> ${describeTraffic(traffic)} (no reload)`;
    }
    run(words) {
        this.context.reporter.info(`$ ${formatCommand(words)}`);
        return this.context.exec(words[0], words.slice(1), { cwd: this.context.cwd, timeoutMs: 60_000 });
    }
    async restore(before) {
        for (const [file, text] of before) {
            if (text === undefined)
                await (0,promises_.rm)(file, { force: true });
            else
                await writeFileAtomic(file, text);
        }
    }
    /** Point `current` at the folder for this green share, creating the folder complete first. */
    async link(greenWeight) {
        const name = splitDirName(greenWeight);
        const dir = (0,external_node_path_.join)(this.layout.routeDir, name);
        if (!(await exists(dir))) {
            const temp = (0,external_node_path_.join)(this.layout.routeDir, `.${name}.${process.pid}.tmp`);
            await (0,promises_.rm)(temp, { recursive: true, force: true });
            await (0,promises_.mkdir)(temp, { mode: 0o755 });
            await (0,promises_.chmod)(temp, 0o755);
            for (let bucket = 0; bucket < greenWeight && bucket < BUCKETS; bucket++)
                await (0,promises_.writeFile)((0,external_node_path_.join)(temp, String(bucket)), '', { mode: 0o644 });
            try {
                await (0,promises_.rename)(temp, dir);
            }
            catch (caught) {
                // Another run made the same folder meanwhile; theirs is as good as ours.
                await (0,promises_.rm)(temp, { recursive: true, force: true });
                if (!(await exists(dir)))
                    throw caught;
            }
        }
        await replaceSymlink(this.layout.current, name);
    }
    /** Keep the live folder and the one just left (a request may still be resolving it). */
    async removeStaleSplits(live, previous) {
        for (const entry of await (0,promises_.readdir)(this.layout.routeDir)) {
            const weight = parseSplitDirName(entry);
            if (weight === undefined || weight === live || weight === previous)
                continue;
            await (0,promises_.rm)((0,external_node_path_.join)(this.layout.routeDir, entry), { recursive: true, force: true });
        }
    }
}
async function exists(path) {
    try {
        await (0,promises_.lstat)(path);
        return true;
    }
    catch (caught) {
        if (caught.code === 'ENOENT')
            return false;
        throw caught;
    }
}

;// CONCATENATED MODULE: ./packages/deploy/src/router/symlink.ts
/**
 * A `current` symlink between two release directories (the Capistrano layout): the web server
 * or process manager follows the link, so a switch is one atomic rename of a new link over it.
 */





class SymlinkRouter {
    type = 'symlink';
    canSplit = false;
    description;
    link;
    targets;
    constructor(options, context) {
        this.link = (0,external_node_path_.resolve)(context.cwd, options.link);
        this.targets = { blue: (0,external_node_path_.resolve)(context.cwd, options.blue), green: (0,external_node_path_.resolve)(context.cwd, options.green) };
        this.description = `symlink ${this.link}`;
    }
    async prepare() {
        return [];
    }
    async read() {
        let target;
        try {
            target = (0,external_node_path_.resolve)((0,external_node_path_.dirname)(this.link), await (0,promises_.readlink)(this.link));
        }
        catch (caught) {
            const code = caught.code;
            if (code === 'ENOENT')
                return undefined;
            if (code === 'EINVAL')
                throw errors/* InputError */.dz.bad('link', this.link, 'is not a symlink', 'Move the directory aside; the router manages the link itself.');
            throw caught;
        }
        for (const colour of ['blue', 'green']) {
            if (target === this.targets[colour] || (await sameFile(target, this.targets[colour])))
                return trafficTo(colour, 100);
        }
        throw errors/* InputError */.dz.bad('link', this.link, `points at ${target}, which is neither blue (${this.targets.blue}) nor green (${this.targets.green})`);
    }
    async shift(colour, weight) {
        if (weight !== 100)
            throw errors/* InputError */.dz.bad('steps', weight, 'is a partial step: a symlink moves all traffic at once', 'Use steps: 100.');
        const target = this.targets[colour];
        const info = await (0,promises_.stat)(target).catch(() => undefined);
        if (!info?.isDirectory())
            throw errors/* InputError */.dz.bad(colour, target, 'is not a directory', `Deploy the ${colour} release there first.`);
        const before = await this.read();
        const existing = await (0,promises_.lstat)(this.link).catch(() => undefined);
        if (existing && !existing.isSymbolicLink())
            throw errors/* InputError */.dz.bad('link', this.link, 'is not a symlink', 'Move it aside once.');
        await replaceSymlink(this.link, target);
        return `symlink: ${this.link} -> ${target} (${describeTraffic(before)} -> ${colour})`;
    }
}
async function sameFile(a, b) {
    try {
        return (await (0,promises_.realpath)(a)) === (await (0,promises_.realpath)(b));
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./packages/deploy/src/router/index.ts
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
        throw errors/* InputError */.dz.missing(name(key), hint);
    return value;
}
function matching(name, value, pattern, expected) {
    if (!pattern.test(value))
        throw errors/* InputError */.dz.bad(name, value, expected);
    return value;
}
function nginxOptions(raw, name, cwd) {
    const file = (0,external_node_path_.resolve)(cwd, need(raw, 'upstream-file', name, 'Name the file nginx includes in its http block, e.g. /etc/nginx/conf.d/app-upstream.conf.'));
    if (/[\s;{}'"$\\]/.test(file))
        throw errors/* InputError */.dz.bad(name('upstream-file'), file, 'contains a character nginx would misread (space, quote, ;, {, }, $)');
    const addresses = (colour) => {
        const list = (0,parse/* parseList */.E1)(need(raw, colour, name, `Give the ${colour} address, e.g. 127.0.0.1:8081.`));
        for (const address of list)
            matching(name(colour), address, NGINX_ADDRESS, 'is not an nginx server address (host:port, [v6]:port or unix:/path)');
        return list;
    };
    const blue = addresses('blue');
    const green = addresses('green');
    const shared = blue.find((address) => green.includes(address));
    if (shared)
        throw errors/* InputError */.dz.bad(name('green'), shared, 'is also a blue address', 'Blue and green must be different servers.');
    return {
        type: 'nginx',
        upstreamFile: file,
        blue,
        green,
        reloadCommand: splitCommand(name('reload-command'), raw['reload-command']?.trim() || 'nginx -s reload'),
        testCommand: splitCommand(name('test-command'), raw['test-command']?.trim() || 'nginx -t'),
    };
}
function kubernetesOptions(raw, name) {
    const service = raw.service?.trim() || undefined;
    const ingress = raw.ingress?.trim() || undefined;
    if (!service && !ingress)
        throw errors/* InputError */.dz.missing(name('service'), `Set service (its selector picks the colour) or ingress (canary weights).`);
    if (service && ingress)
        throw errors/* InputError */.dz.bad(name('ingress'), ingress, `is set together with service (${service})`, 'Use service for whole switches, or ingress for canary steps, not both.');
    for (const [key, value] of [
        ['service', service],
        ['ingress', ingress],
        ['namespace', raw.namespace?.trim()],
    ])
        if (value)
            matching(name(key), value, DNS_NAME, 'is not a Kubernetes object name');
    const context = raw.context?.trim() || undefined;
    if (context?.startsWith('-'))
        throw errors/* InputError */.dz.bad(name('context'), context, 'starts with a dash');
    const colourValue = (colour) => {
        const value = raw[colour]?.trim();
        if (ingress) {
            if (!value)
                throw errors/* InputError */.dz.missing(name(colour), `With ingress, name the Service of the ${colour} colour.`);
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
        throw errors/* InputError */.dz.bad(name('green'), options.green, 'is the same as blue');
    return options;
}
function symlinkOptions(raw, name, cwd) {
    const path = (key, hint) => {
        const value = need(raw, key, name, hint);
        if (value.includes('\0'))
            throw errors/* InputError */.dz.bad(name(key), value, 'contains a NUL character');
        return (0,external_node_path_.resolve)(cwd, value);
    };
    const options = {
        type: 'symlink',
        link: path('link', 'Name the symlink to switch, e.g. /srv/app/current.'),
        blue: path('blue', 'Name the blue release directory.'),
        green: path('green', 'Name the green release directory.'),
    };
    if (options.blue === options.green)
        throw errors/* InputError */.dz.bad(name('green'), options.green, 'is the same directory as blue');
    return options;
}
function commandOptions(raw, name) {
    const switchText = need(raw, 'switch-command', name, 'Give the command that moves traffic, e.g. lb-ctl route --to {colour} --weight {weight}.');
    const readText = raw['read-command']?.trim();
    const options = {
        type: 'command',
        switchCommand: parseCommandTemplate(name('switch-command'), switchText, ['colour', 'weight', 'target']),
        readCommand: readText ? parseCommandTemplate(name('read-command'), readText, []) : undefined,
        blue: raw.blue?.trim() || undefined,
        green: raw.green?.trim() || undefined,
    };
    if (options.switchCommand.some((word) => word.includes('{target}')) && (!options.blue || !options.green))
        throw errors/* InputError */.dz.missing(name(options.blue ? 'green' : 'blue'), 'switch-command uses {target}: set blue and green to what it stands for.');
    return options;
}
/** Typed router options from raw settings; every mistake is an InputError naming the setting. */
function parseRouterSettings(raw, name = (key) => key, cwd = process.cwd()) {
    const typeText = raw.type?.trim();
    if (!typeText)
        throw errors/* InputError */.dz.missing(name('type'), `Use one of: ${ROUTER_TYPES.join(', ')}.`);
    const type = (0,parse/* parseEnum */.nL)(name('type'), typeText, ROUTER_TYPES);
    const stray = ALL_SETTINGS.find((key) => raw[key]?.trim() && !SETTINGS[type].includes(key));
    if (stray)
        throw new errors/* InputError */.dz(name(stray), `is not a setting of the ${type} router`, `The ${type} router reads: ${SETTINGS[type].join(', ')}.`);
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
function createRouter(options, context) {
    switch (options.type) {
        case 'nginx':
            return new NginxRouter(options, context);
        case 'kubernetes':
            return new KubernetesRouter(options, context);
        case 'symlink':
            return new SymlinkRouter(options, context);
        case 'command':
            return new CommandRouter(options, context);
    }
}

;// CONCATENATED MODULE: ./packages/deploy/src/rollback.ts
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
const release = () => __nccwpck_require__.e(/* import() */ 323).then(__nccwpck_require__.bind(__nccwpck_require__, 323));
async function readConfig(file, needed) {
    if (!needed && !(0,external_node_fs_.existsSync)(file))
        return undefined;
    return (await release()).loadConfig(file);
}
async function rollbackTarget(request) {
    const { target } = request;
    const { DEFAULT_CONFIG_FILE, TARGET_TYPES, isTargetType } = await release();
    const file = (0,external_node_path_.resolve)(request.workspace, request.config ?? DEFAULT_CONFIG_FILE);
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
            throw errors/* InputError */.dz.bad('target', target, `matches ${ofType.length} targets of ${file}`, `Name one: ${ofType.map((t) => t.name).join(', ')}.`);
        if (ofType.length === 1)
            return rollbackRegistry(request, ofType[0].name, target, ofType[0].settings);
        return rollbackRegistry(request, target, target, await defaultSettings(target, file));
    }
    const names = config?.targets.map((t) => t.name) ?? [];
    throw errors/* InputError */.dz.bad('target', target, `is neither a target of ${file} nor a type`, `Use ${names.length ? `a target (${names.join(', ')}) or ` : ''}a type: ${[...TARGET_TYPES, ...ROLLBACK_KINDS].join(', ')}.`);
}
async function defaultSettings(type, configFile) {
    const { settingsFromInputs } = await release();
    try {
        return settingsFromInputs(type, () => '');
    }
    catch (caught) {
        if (!(caught instanceof errors/* InputError */.dz))
            throw caught;
        throw new errors/* InputError */.dz('target', `${type}: ${configFile} has no ${type} target, and a ${type} target needs '${caught.input}'`, `Add the ${type} target to ${configFile}.`);
    }
}
async function rollbackRegistry(request, name, type, settings) {
    // A registry rollback names a release: refuse a malformed one before asking any registry.
    if (request.toVersion)
        (0,src/* requireSemVer */.Mp)('to-version', request.toVersion);
    const { loadPublisher } = await __nccwpck_require__.e(/* import() */ 699).then(__nccwpck_require__.bind(__nccwpck_require__, 1699));
    const { resolveToken } = await release();
    const publisher = await loadPublisher(type);
    if (!publisher.rollback)
        throw new errors/* InputError */.dz('target', `${(0,errors/* describeValue */.bp)(name)} is a ${type} target, and a ${type} release cannot be rolled back by deploy-actions`, type === 'pypi'
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
        throw new errors/* InputError */.dz('target', `is blue-green, but ${file} has no deploy: section`, 'Describe the router under deploy.router (see the README).');
    const wanted = request.toVersion?.trim();
    if (wanted && wanted !== 'blue' && wanted !== 'green')
        throw errors/* InputError */.dz.bad('to-version', wanted, 'is not a colour', 'For blue-green, to-version is blue or green (default: the colour that served before).');
    const options = parseRouterSettings(config.deploy.router, (key) => `deploy.router.${key}`, request.workspace);
    const router = createRouter(options, {
        exec: request.exec ?? src_exec/* exec */.m0,
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
            throw new errors/* InputError */.dz('target', `${router.description} does not say which colour is live`, 'Set to-version to blue or green.');
        const live = majorityColour(now);
        if (!live)
            throw new errors/* InputError */.dz('target', `traffic is split evenly (${describeTraffic(now)})`, 'Set to-version to blue or green.');
        // A split means a rollout was interrupted: its majority is the colour that served before.
        colour = now[live] === 100 ? otherColour(live) : live;
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
        throw errors/* InputError */.dz.missing('deployment', 'Name the Deployment to roll back (or set deploy.router.service in the config).');
    const revision = request.toVersion?.trim();
    if (revision && !/^\d+$/.test(revision))
        throw errors/* InputError */.dz.bad('to-version', revision, 'is not a revision number', 'For kubernetes, to-version is a Deployment revision (kubectl rollout history); default: the previous one.');
    const base = [
        ...((request.context ?? router.context) ? ['--context', (request.context ?? router.context)] : []),
        ...((request.namespace ?? router.namespace)
            ? ['--namespace', (request.namespace ?? router.namespace)]
            : []),
    ];
    const exec = request.exec ?? src_exec/* exec */.m0;
    const kubectl = async (args) => {
        const argv = [...base, ...args];
        request.reporter.info(`$ ${formatCommand(['kubectl', ...argv])}`);
        const result = await exec('kubectl', argv, { cwd: request.workspace, timeoutMs: 10 * 60_000 });
        if (result.code !== 0 || result.timedOut)
            throw new src_exec/* ExecError */.cI(result);
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

;// CONCATENATED MODULE: ./actions/rollback/src/inputs.ts

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const KUBE_NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
function checked(name, pattern, what) {
    const value = optional(name);
    if (value !== undefined && !pattern.test(value))
        throw errors/* InputError */.dz.bad(name, value, `is not ${what}`);
    return value;
}
function getInputs() {
    const target = required('target', 'Name a target of the config file, or a type: npm, docker, github-release, crates, blue-green, kubernetes.');
    if (!NAME.test(target))
        throw errors/* InputError */.dz.bad('target', target, 'is not a target name or type');
    const toVersion = optional('to-version');
    if (toVersion !== undefined && !/^[A-Za-z0-9][A-Za-z0-9.+_-]{0,127}$/.test(toVersion))
        throw errors/* InputError */.dz.bad('to-version', toVersion, 'is not a version, colour or revision');
    return {
        target,
        config: optional('config'),
        'to-version': toVersion,
        reason: optional('reason'),
        token: secret('token'),
        deployment: checked('deployment', KUBE_NAME, 'a Deployment name'),
        namespace: checked('namespace', KUBE_NAME, 'a namespace'),
        context: checked('context', /^[^-\s][^\s]*$/, 'a kubeconfig context'),
    };
}

;// CONCATENATED MODULE: ./actions/rollback/src/main.ts





function run() {
    return runAction('rollback', async ({ tempDir }) => {
        const input = getInputs();
        const root = (0,paths/* workspace */.G)();
        const outcome = await group(`Roll back ${input.target}`, () => rollbackTarget({
            target: input.target,
            config: input.config,
            toVersion: input['to-version'],
            reason: input.reason,
            token: input.token,
            deployment: input.deployment,
            namespace: input.namespace,
            context: input.context,
            workspace: root,
            tempDir,
            env: process.env,
            reporter: runnerReporter,
            http: new http/* HttpClient */.Qq({ reporter: runnerReporter }),
        }));
        setOutput('rolled-back-to', outcome.rolledBackTo);
        setOutput('actions', JSON.stringify(outcome.actions));
        notice(`${outcome.target}: rolled back to ${outcome.rolledBackTo}`, { title: 'Rolled back' });
        appendSummary(`### Rolled back ${outcome.target} (${outcome.kind}) to ${outcome.rolledBackTo}\n\n` +
            (input.reason ? `Reason: ${input.reason.replace(/[<>]/g, '')}\n\n` : '') +
            (0,summary/* markdownTable */.Qj)(['what changed'], outcome.actions.map((a) => [a])));
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

/***/ 2692:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   K7: () => (/* binding */ which),
/* harmony export */   Oh: () => (/* binding */ execOk),
/* harmony export */   cI: () => (/* binding */ ExecError),
/* harmony export */   m0: () => (/* binding */ exec)
/* harmony export */ });
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5736);
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
    const { spawn } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 1421, 23));
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
    const { access } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 1455, 23));
    const { delimiter, join } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 6760, 23));
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

/***/ 6813:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Qj: () => (/* binding */ markdownTable),
/* harmony export */   nf: () => (/* binding */ link)
/* harmony export */ });
/* unused harmony export escapeCell */
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
function link(text, url) {
    if (!url || !/^https?:\/\//.test(url))
        return text;
    // Only what would end or break the link is escaped; the URL is already encoded.
    return `[${text.replace(/[[\]]/g, '')}](${url.replace(/[()\s<>]/g, (c) => encodeURIComponent(c))})`;
}


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
  IX: () => (/* reexport */ parseSemVer),
  Mp: () => (/* reexport */ requireSemVer),
  tj: () => (/* reexport */ toPep440),
  Rk: () => (/* reexport */ validateTagPrefix)
});

// UNUSED EXPORTS: DEFAULT_SOURCES, MANIFEST_SOURCES, VersionMismatchError, comparePep440, formatSemVer, isPep440Stable, parsePep440, parseSources, readManifestVersion

;// CONCATENATED MODULE: ./packages/version/src/semver.ts
/** Strict SemVer 2.0: parsing, ordering, and the "highest stable" rule used for `latest`. */
// The regular expression published with the SemVer 2.0 specification.
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
function parseSemVer(text) {
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
        const parsed = parseSemVer(v);
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
        throw errors/* InputError */.dz.bad(where, text, 'is not a SemVer 2.0 version', HINT);
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
    const version = parseSemVer(chosen.value);
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
/******/ var __webpack_exports__ = __nccwpck_require__(2754);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
