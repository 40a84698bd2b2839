import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 932:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(911);

await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 911:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

;// CONCATENATED MODULE: ./packages/action-kit/src/errors.ts
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
class errors_InputError extends UserError {
    input;
    title;
    constructor(input, message, hint) {
        super(`Invalid input '${input}': ${message}`, hint);
        this.input = input;
        this.title = `Invalid input '${input}'`;
    }
    static bad(input, value, expected, hint) {
        return new errors_InputError(input, `${describeValue(value)} ${expected}`, hint);
    }
    static missing(input, hint) {
        return new errors_InputError(input, 'required and not supplied', hint ?? `Set '${input}' in the step's 'with:'.`);
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

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./packages/action-kit/src/secrets.ts
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
                data = data.subarray((0,external_node_fs_namespaceObject.writeSync)(1, data));
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
    writeStdout(`::${command}${props ? ` ${props}` : ''}::${escapeData(message)}${external_node_os_namespaceObject.EOL}`);
}
function fileCommand(envName, name, value) {
    const path = process.env[envName];
    if (!path)
        return false;
    if (!(0,external_node_fs_namespaceObject.existsSync)(path))
        throw new Error(`${envName} points at ${path}, which does not exist`);
    // Not node:crypto: loading it costs a third of a small action's start-up. The delimiter need
    // not be secret: a value that contains it is refused below, so it can never end a block early.
    const delimiter = `ghadelimiter_${Date.now().toString(36)}${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
    if (name.includes(delimiter) || value.includes(delimiter))
        throw new Error('value contains the delimiter');
    (0,external_node_fs_namespaceObject.appendFileSync)(path, `${name}<<${delimiter}${external_node_os_namespaceObject.EOL}${value}${external_node_os_namespaceObject.EOL}${delimiter}${external_node_os_namespaceObject.EOL}`, 'utf8');
    return true;
}
const stringify = (value) => (typeof value === 'string' ? value : JSON.stringify(value));
/** Set an output; secrets are redacted even if a caller passes one by mistake. */
function setOutput(name, value) {
    const text = redact(stringify(value ?? ''));
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
    onSecretAdded(setSecret);
}
function annotation(kind, message, props = {}) {
    issueCommand(kind, { title: props.title, file: props.file, line: props.startLine }, redact(message));
}
const error = (message, props) => annotation('error', message, props);
const warning = (message, props) => annotation('warning', message, props);
const notice = (message, props) => annotation('notice', message, props);
function debug(message) {
    issueCommand('debug', {}, redact(message));
}
/**
 * A log line. Lines that look like workflow commands are defused so that text from a user or a
 * registry can never be read by the runner as a command.
 */
function info(message) {
    const safe = redact(message).replace(/^(\s*)::/gm, '$1:\u200b:');
    writeStdout(safe + external_node_os_namespaceObject.EOL);
}
function isDebug() {
    return process.env.RUNNER_DEBUG === '1';
}
async function group(name, fn) {
    issueCommand('group', {}, redact(name));
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
    if (!path || !(0,external_node_fs_namespaceObject.existsSync)(path))
        return;
    (0,external_node_fs_namespaceObject.appendFileSync)(path, redact(markdown) + external_node_os_namespaceObject.EOL, 'utf8');
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

;// CONCATENATED MODULE: ./packages/action-kit/src/parse.ts
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
    throw errors_InputError.bad(name, raw, 'is not a boolean', `Use true or false.`);
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
        throw errors_InputError.bad(name, raw, 'is not a whole number');
    const value = Number(raw);
    if (min !== undefined && value < min)
        throw errors_InputError.bad(name, raw, `is below the minimum of ${min}`);
    if (max !== undefined && value > max)
        throw errors_InputError.bad(name, raw, `is above the maximum of ${max}`);
    return value;
}
function parseEnum(name, raw, allowed) {
    if (allowed.includes(raw))
        return raw;
    throw errors_InputError.bad(name, raw, 'is not one of the accepted values', `Use one of: ${allowed.join(', ')}.`);
}
const UNITS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/** `500ms`, `2s`, `1.5s`, `5m`, `1h`; a bare number is seconds. Returns milliseconds. */
function parseDuration(name, raw) {
    const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(raw.trim());
    if (!match)
        throw errors_InputError.bad(name, raw, 'is not a duration', 'Use a number with a unit, e.g. 500ms, 2s or 5m.');
    const ms = Number(match[1]) * UNITS[match[2] ?? 's'];
    if (!Number.isFinite(ms) || ms > 24 * 3_600_000)
        throw errors_InputError.bad(name, raw, 'is longer than a day');
    return Math.round(ms);
}
/** `5%` or `5` or `0.5%`: returns the fraction (0.05). */
function parsePercent(name, raw) {
    const match = /^(\d+(?:\.\d+)?)\s*%?$/.exec(raw.trim());
    if (!match)
        throw errors_InputError.bad(name, raw, 'is not a percentage', 'Use e.g. 5% or 0.5%.');
    const value = Number(match[1]);
    if (value > 100)
        throw errors_InputError.bad(name, raw, 'is over 100%');
    return value / 100;
}
/** An http(s) URL with a host; nothing else. */
function parseUrl(name, raw) {
    let url;
    try {
        url = new URL(raw.trim());
    }
    catch {
        throw errors_InputError.bad(name, raw, 'is not a URL', 'Use an absolute http:// or https:// URL.');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
        throw errors_InputError.bad(name, raw, 'is not an http(s) URL', 'Use an absolute http:// or https:// URL.');
    return url;
}
/** A token read from input or environment: a single line of printable characters. */
function parseToken(name, raw) {
    const token = raw.trim();
    if (/[\s\x00-\x1f\x7f]/.test(token))
        throw new errors_InputError(name, 'contains whitespace or control characters', 'Store the token as one line with no spaces or newlines.');
    return token;
}

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
        throw errors_InputError.missing(name, hint);
    return value;
}
function optional(name) {
    return raw(name) || undefined;
}
function bool(name, fallback = false) {
    const value = raw(name);
    return value ? parseBool(name, value) : fallback;
}
function list(name) {
    return parseList(raw(name));
}
function oneOf(name, allowed, fallback) {
    const value = raw(name);
    return value ? parseEnum(name, value, allowed) : fallback;
}
function inputs_int(name, fallback, bounds) {
    const value = raw(name);
    return value ? parseInt10(name, value, bounds) : fallback;
}
/** Milliseconds. */
function duration(name, fallback) {
    return parseDuration(name, raw(name) || fallback);
}
/** A fraction (5% -> 0.05); undefined when not set and no fallback. */
function percent(name, fallback) {
    const value = raw(name) || fallback;
    return value ? parsePercent(name, value) : undefined;
}
function url(name) {
    const value = raw(name);
    return value ? parseUrl(name, value) : undefined;
}
/**
 * A secret input, registered for masking before anything else can print it. Credentials in
 * the environment are the publishers' to resolve (release/publish-target resolveToken).
 */
function secret(name) {
    const value = raw(name);
    if (!value)
        return undefined;
    addSecret(value);
    return parseToken(name, value);
}

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./packages/action-kit/src/run.ts
/**
 * The wrapper every action's main runs in. User mistakes become one annotation saying what to
 * do; anything else is "<action> failed: <message>" with the stack only in debug. Temporary
 * files (credentials) live in one private folder under RUNNER_TEMP that is removed when the
 * action ends, and again by the post step in case the main step was killed.
 */





function reportFailure(action, caught) {
    if (isUserError(caught)) {
        error(withHint(caught.message, caught.hint), { title: caught.title });
    }
    else {
        error(`${action} failed: ${errorMessage(caught)}`, { title: `${action} failed` });
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
        (0,external_node_fs_namespaceObject.rmdirSync)(dir);
    }
    catch {
        removeTree(dir);
    }
}
function removeTree(dir) {
    try {
        (0,external_node_fs_namespaceObject.rmSync)(dir, { recursive: true, force: true });
    }
    catch (caught) {
        debug(`could not remove ${dir}: ${errorMessage(caught)}`);
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
    const base = process.env.RUNNER_TEMP || (0,external_node_os_namespaceObject.tmpdir)();
    const tempDir = (0,external_node_fs_namespaceObject.mkdtempSync)((0,external_node_path_namespaceObject.join)(base, 'deploy-actions-'));
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

;// CONCATENATED MODULE: ./packages/version/src/manifests.ts
/** Reading the version a project's manifests declare. */



const MANIFEST_SOURCES = ['package.json', 'Cargo.toml', 'pyproject.toml', 'VERSION'];
const isTable = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
let parseToml;
/** The TOML parser loads only when a TOML manifest is read (most actions never read one). */
async function loadToml() {
    parseToml ??= (await __nccwpck_require__.e(/* import() */ 292).then(__nccwpck_require__.bind(__nccwpck_require__, 292))).parse;
}
function readToml(file) {
    try {
        return parseToml((0,external_node_fs_namespaceObject.readFileSync)(file, 'utf8'));
    }
    catch (caught) {
        const line = caught.line;
        throw new ConfigError(file, line, undefined, `is not valid TOML: ${caught.message.split('\n')[0]}`);
    }
}
function stringVersion(file, key, value) {
    if (value === undefined)
        return undefined;
    if (typeof value !== 'string')
        throw new ConfigError(file, undefined, key, 'must be a string');
    return value.trim();
}
function packageJson(file) {
    let data;
    try {
        data = JSON.parse((0,external_node_fs_namespaceObject.readFileSync)(file, 'utf8'));
    }
    catch (caught) {
        throw new ConfigError(file, undefined, undefined, `is not valid JSON: ${caught.message}`);
    }
    return isTable(data) ? stringVersion(file, 'version', data.version) : undefined;
}
/** The workspace root above `start` (a Cargo.toml with [workspace]), for `version.workspace = true`. */
function cargoWorkspaceVersion(start) {
    for (let dir = start;; dir = (0,external_node_path_namespaceObject.dirname)(dir)) {
        const file = (0,external_node_path_namespaceObject.join)(dir, 'Cargo.toml');
        if ((0,external_node_fs_namespaceObject.existsSync)(file)) {
            const toml = readToml(file);
            const ws = toml.workspace;
            if (isTable(ws)) {
                const pkg = ws.package;
                const version = isTable(pkg)
                    ? stringVersion(file, 'workspace.package.version', pkg.version)
                    : undefined;
                if (!version)
                    throw new ConfigError(file, undefined, 'workspace.package.version', 'is missing, but a member inherits it');
                return version;
            }
        }
        if ((0,external_node_path_namespaceObject.dirname)(dir) === dir)
            return undefined;
    }
}
function cargoToml(file) {
    const toml = readToml(file);
    const pkg = toml.package;
    if (isTable(pkg)) {
        const v = pkg.version;
        if (isTable(v) && v.workspace === true) {
            const inherited = cargoWorkspaceVersion((0,external_node_path_namespaceObject.dirname)((0,external_node_path_namespaceObject.resolve)(file)));
            if (!inherited)
                throw new ConfigError(file, undefined, 'package.version', 'inherits from a workspace that was not found');
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
    VERSION: (file) => (0,external_node_fs_namespaceObject.readFileSync)(file, 'utf8').trim() || undefined,
};
/** The version a manifest in `dir` declares; undefined when the file is absent or names none. */
async function readManifestVersion(dir, source) {
    const file = (0,external_node_path_namespaceObject.join)(dir, source);
    if (!(0,external_node_fs_namespaceObject.existsSync)(file))
        return undefined;
    if (source.endsWith('.toml'))
        await loadToml();
    const version = READERS[source](file);
    return version ? { source, file, version } : undefined;
}

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

;// CONCATENATED MODULE: ./packages/version/src/detect.ts
/**
 * Which version is being released: the first source that yields one, validated as strict
 * SemVer, and (with require-match) checked against every other source that names a version.
 */





const VERSION_SOURCES = ['input', 'tag', ...MANIFEST_SOURCES];
const DEFAULT_SOURCES = [...VERSION_SOURCES];
class VersionMismatchError extends UserError {
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
            throw errors_InputError.bad(name, value, 'is not a version source', `Use some of: ${VERSION_SOURCES.join(', ')}.`);
    return values;
}
function validateTagPrefix(name, prefix) {
    if (!/^[A-Za-z0-9._/-]{0,32}$/.test(prefix))
        throw errors_InputError.bad(name, prefix, 'is not a usable tag prefix', 'Use letters, digits, ., _, / or -, e.g. v.');
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
        throw new errors_InputError('version', `no version found in any source (${sources.join(', ')}) under ${options.cwd}`, 'Pass a version input, push a tag like v1.2.3, or set a version in a manifest.');
    }
    const chosen = found[0];
    const version = semver_parseSemVer(chosen.value);
    if (!version) {
        if (chosen.source === 'input' || chosen.source === 'tag')
            throw errors_InputError.bad(chosen.where, chosen.raw ?? chosen.value, 'is not a SemVer 2.0 version', HINT);
        throw new ConfigError(chosen.where, undefined, 'version', `${describeValue(chosen.value)} is not a SemVer 2.0 version`, HINT);
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





;// CONCATENATED MODULE: ./packages/action-kit/src/paths.ts
/** Paths from users stay inside the workspace, symlinks included. */



/**
 * Resolve `path` against `workspace` and refuse anything that lands outside it, following
 * symlinks of the parts that exist. `mustExist` refuses a missing path.
 */
function resolveInside(workspace, path, input, mustExist = true) {
    if (path.includes('\0'))
        throw errors_InputError.bad(input, path, 'contains a NUL character');
    const root = (0,external_node_fs_namespaceObject.realpathSync)((0,external_node_path_namespaceObject.resolve)(workspace));
    const full = (0,external_node_path_namespaceObject.resolve)(root, path);
    if (!(0,external_node_fs_namespaceObject.existsSync)(full)) {
        if (mustExist)
            throw errors_InputError.bad(input, path, `was not found in the workspace (${root})`, 'Check the path, relative to the workspace.');
        return full;
    }
    const real = (0,external_node_fs_namespaceObject.realpathSync)(full);
    const rel = (0,external_node_path_namespaceObject.relative)(root, real);
    if (rel.startsWith('..') || (0,external_node_path_namespaceObject.isAbsolute)(rel))
        throw errors_InputError.bad(input, path, 'points outside the workspace', 'Use a path inside the repository checkout.');
    return real;
}
/** The workspace: GITHUB_WORKSPACE on a runner, else the current folder. */
function workspace(env = process.env) {
    return env.GITHUB_WORKSPACE || process.cwd();
}

;// CONCATENATED MODULE: ./actions/detect-version/src/inputs.ts



function getInputs() {
    return {
        version: optional('version'),
        tag: optional('tag') ?? process.env.GITHUB_REF,
        sources: parseSources('sources', list('sources')),
        'tag-prefix': validateTagPrefix('tag-prefix', raw('tag-prefix')),
        'require-match': bool('require-match', true),
        'working-directory': resolveInside(workspace(), raw('working-directory') || '.', 'working-directory'),
    };
}

;// CONCATENATED MODULE: ./actions/detect-version/src/main.ts



function run() {
    return runAction('detect-version', async () => {
        const input = getInputs();
        const detected = await detectVersion({
            version: input.version,
            tag: input.tag,
            sources: input.sources,
            tagPrefix: input['tag-prefix'],
            requireMatch: input['require-match'],
            cwd: input['working-directory'],
        });
        info(`Version ${detected.version} (from ${detected.source})`);
        setOutput('version', detected.version);
        setOutput('tag', detected.tag);
        setOutput('major', detected.major);
        setOutput('minor', detected.minor);
        setOutput('patch', detected.patch);
        setOutput('prerelease', detected.prerelease);
        setOutput('build', detected.build);
        setOutput('is-prerelease', detected.isPrerelease);
        setOutput('pep440', detected.pep440);
        setOutput('source', detected.source);
        appendSummary(`### Version ${detected.version}\n\n` +
            markdownTable(['source', 'version', ''], detected.found.map((f) => [f.source, f.value, f.source === detected.source ? 'chosen' : 'agrees'])));
    });
}


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
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
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
/******/ var __webpack_exports__ = __nccwpck_require__(932);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
