import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 390:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(209);

await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 209:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// UNUSED EXPORTS: summary

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
    throw InputError.bad(name, raw, 'is not a boolean', `Use true or false.`);
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
        throw InputError.bad(name, raw, 'is not a whole number');
    const value = Number(raw);
    if (min !== undefined && value < min)
        throw InputError.bad(name, raw, `is below the minimum of ${min}`);
    if (max !== undefined && value > max)
        throw InputError.bad(name, raw, `is above the maximum of ${max}`);
    return value;
}
function parseEnum(name, raw, allowed) {
    if (allowed.includes(raw))
        return raw;
    throw InputError.bad(name, raw, 'is not one of the accepted values', `Use one of: ${allowed.join(', ')}.`);
}
const UNITS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/** `500ms`, `2s`, `1.5s`, `5m`, `1h`; a bare number is seconds. Returns milliseconds. */
function parseDuration(name, raw) {
    const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(raw.trim());
    if (!match)
        throw InputError.bad(name, raw, 'is not a duration', 'Use a number with a unit, e.g. 500ms, 2s or 5m.');
    const ms = Number(match[1]) * UNITS[match[2] ?? 's'];
    if (!Number.isFinite(ms) || ms > 24 * 3_600_000)
        throw InputError.bad(name, raw, 'is longer than a day');
    return Math.round(ms);
}
/** `5%` or `5` or `0.5%`: returns the fraction (0.05). */
function parsePercent(name, raw) {
    const match = /^(\d+(?:\.\d+)?)\s*%?$/.exec(raw.trim());
    if (!match)
        throw InputError.bad(name, raw, 'is not a percentage', 'Use e.g. 5% or 0.5%.');
    const value = Number(match[1]);
    if (value > 100)
        throw InputError.bad(name, raw, 'is over 100%');
    return value / 100;
}
/** An http(s) URL with a host; nothing else. */
function parseUrl(name, raw) {
    let url;
    try {
        url = new URL(raw.trim());
    }
    catch {
        throw InputError.bad(name, raw, 'is not a URL', 'Use an absolute http:// or https:// URL.');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
        throw InputError.bad(name, raw, 'is not an http(s) URL', 'Use an absolute http:// or https:// URL.');
    return url;
}
/** A token read from input or environment: a single line of printable characters. */
function parseToken(name, raw) {
    const token = raw.trim();
    if (/[\s\x00-\x1f\x7f]/.test(token))
        throw new InputError(name, 'contains whitespace or control characters', 'Store the token as one line with no spaces or newlines.');
    return token;
}

;// CONCATENATED MODULE: ./packages/action-kit/src/inputs.ts
/**
 * Typed access to action inputs (INPUT_* as the runner sets them). Every accessor names the
 * input when it refuses a value, and nothing here has side effects, so `getInputs()` of an
 * action can validate everything before anything is sent anywhere.
 */



/** The raw value, trimmed; '' when not set. Same env naming as @actions/core. */
function inputs_raw(name) {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
function required(name, hint) {
    const value = inputs_raw(name);
    if (!value)
        throw InputError.missing(name, hint);
    return value;
}
function optional(name) {
    return inputs_raw(name) || undefined;
}
function bool(name, fallback = false) {
    const value = inputs_raw(name);
    return value ? parseBool(name, value) : fallback;
}
function list(name) {
    return parseList(inputs_raw(name));
}
function oneOf(name, allowed, fallback) {
    const value = inputs_raw(name);
    return value ? parseEnum(name, value, allowed) : fallback;
}
function inputs_int(name, fallback, bounds) {
    const value = inputs_raw(name);
    return value ? parseInt10(name, value, bounds) : fallback;
}
/** Milliseconds. */
function duration(name, fallback) {
    return parseDuration(name, inputs_raw(name) || fallback);
}
/** A fraction (5% -> 0.05); undefined when not set and no fallback. */
function percent(name, fallback) {
    const value = inputs_raw(name) || fallback;
    return value ? parsePercent(name, value) : undefined;
}
function url(name) {
    const value = inputs_raw(name);
    return value ? parseUrl(name, value) : undefined;
}
/**
 * A secret input, registered for masking before anything else can print it. Credentials in
 * the environment are the publishers' to resolve (release/publish-target resolveToken).
 */
function secret(name) {
    const value = inputs_raw(name);
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
        return (httpSend ??= (await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 67, 23))).request);
    if (url.protocol === 'https:')
        return (httpsSend ??= (await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 708, 23))).request);
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
    const zlib = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 522, 23));
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
    return `network error: ${errorMessage(error)}`;
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
            this.options.reporter?.debug(redact(`${method} ${url}: ${lastReason}; retry ${attempt + 1}/${retries} in ${delay} ms`));
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

;// CONCATENATED MODULE: ./packages/deploy/src/health-checks.ts
/**
 * What a good probe answer looks like: a status in `expect-status` (codes, ranges like
 * 200-299, or classes like 2xx) and a body matching `expect-body` (a regular expression, or
 * `$.path.to.field=value` / `$.path.to.field` on a JSON body).
 */


function parseExpectStatus(name, raw) {
    const items = parseList(raw.replace(/\s+/g, ','));
    if (!items.length)
        throw InputError.bad(name, raw, 'names no status', 'Use e.g. 200-299 or 200,204.');
    return items.map((item) => {
        let range;
        const single = /^(\d{3})$/.exec(item);
        const span = /^(\d{3})-(\d{3})$/.exec(item);
        const klass = /^([1-5])xx$/i.exec(item);
        if (single)
            range = { low: Number(single[1]), high: Number(single[1]) };
        else if (span)
            range = { low: Number(span[1]), high: Number(span[2]) };
        else if (klass)
            range = { low: Number(klass[1]) * 100, high: Number(klass[1]) * 100 + 99 };
        if (!range || range.low < 100 || range.high > 599 || range.low > range.high)
            throw InputError.bad(name, item, 'is not a status, a range or a class', 'Use e.g. 200, 200-299 or 2xx.');
        return range;
    });
}
const statusMatches = (ranges, status) => ranges.some((r) => status >= r.low && status <= r.high);
const formatStatusRanges = (ranges) => ranges.map((r) => (r.low === r.high ? String(r.low) : `${r.low}-${r.high}`)).join(',');
/** `$.a.b[0]["c-d"]` into ['a', 'b', 0, 'c-d']; undefined when it is not such a path. */
function parseJsonPath(text) {
    const path = [];
    let i = 1;
    while (i < text.length) {
        const rest = text.slice(i);
        const dot = /^\.([A-Za-z_$][\w$-]*)/.exec(rest);
        const index = /^\[(\d+)\]/.exec(rest);
        const quoted = /^\[(["'])(.*?)\1\]/.exec(rest);
        if (dot)
            path.push(dot[1]);
        else if (index)
            path.push(Number(index[1]));
        else if (quoted)
            path.push(quoted[2]);
        else
            break;
        i += (dot ?? index ?? quoted)[0].length;
    }
    return path.length ? { path, rest: text.slice(i) } : undefined;
}
function parseExpectBody(name, raw) {
    if (raw.startsWith('$.') || raw.startsWith('$[')) {
        const parsed = parseJsonPath(raw);
        if (!parsed || (parsed.rest && !parsed.rest.startsWith('=')))
            throw InputError.bad(name, raw, 'is not a JSON path check', 'Use $.path.to.field=value, or $.path.to.field to require it.');
        return {
            kind: 'json',
            source: raw,
            path: parsed.path,
            equals: parsed.rest ? parsed.rest.slice(1) : undefined,
        };
    }
    try {
        return { kind: 'regex', source: raw, regex: new RegExp(raw) };
    }
    catch (caught) {
        throw InputError.bad(name, raw, `is not a regular expression (${caught.message})`);
    }
}
const show = (value) => (typeof value === 'string' ? value : JSON.stringify(value));
/** undefined when the body is as expected, else why not. */
function bodyMismatch(expectation, body) {
    if (expectation.kind === 'regex')
        return expectation.regex.test(body) ? undefined : `body does not match /${expectation.source}/`;
    let value;
    try {
        value = JSON.parse(body);
    }
    catch {
        return 'body is not JSON';
    }
    for (const key of expectation.path)
        value =
            value !== null && typeof value === 'object'
                ? value[key]
                : undefined;
    const { equals } = expectation;
    const path = equals === undefined ? expectation.source : expectation.source.slice(0, -(equals.length + 1));
    const missing = value === undefined || value === null;
    if (equals === undefined)
        return missing || value === false ? `${path} is ${missing ? 'missing' : 'false'}` : undefined;
    if (show(value) === equals)
        return undefined;
    return `${path} is ${missing ? 'missing' : show(value)}, not ${equals}`;
}

;// CONCATENATED MODULE: ./packages/deploy/src/prometheus.ts
/**
 * One instant query (`GET /api/v1/query?query=`), judged against `max-value`/`min-value`.
 * An empty result is "no data yet" (a fresh target has no sample for a few seconds), not a
 * failure; a query Prometheus refuses is the user's mistake and stops the gate at once.
 */

function queryUrl(check) {
    const base = check.url.toString().replace(/\/+$/, '');
    return `${base}/api/v1/query?query=${encodeURIComponent(check.query)}`;
}
async function queryPrometheus(http, check, timeoutMs) {
    const response = await http.request({
        url: queryUrl(check),
        retries: 0,
        timeoutMs,
        headers: { accept: 'application/json' },
    });
    let body;
    try {
        body = response.json();
    }
    catch {
        body = undefined;
    }
    if (response.status === 400 || response.status === 422 || body?.errorType === 'bad_data')
        throw InputError.bad('prometheus-query', check.query, `was refused by Prometheus: ${body?.error ?? `HTTP ${response.status}`}`);
    if (!response.ok || body?.status !== 'success' || !body.data)
        throw new Error(`Prometheus answered HTTP ${response.status}${body?.error ? `: ${body.error}` : ''}`);
    const { resultType, result } = body.data;
    if (resultType === 'scalar')
        return { kind: 'values', values: [Number(result[1])] };
    if (resultType === 'vector') {
        const samples = result;
        return samples.length
            ? { kind: 'values', values: samples.map((s) => Number(s.value[1])) }
            : { kind: 'no-data' };
    }
    throw InputError.bad('prometheus-query', check.query, `returns a ${resultType}`, 'Use an instant vector or scalar query, e.g. sum(rate(errors_total[1m])).');
}
/** undefined when every value is within bounds, else why not. */
function valueViolation(check, values) {
    for (const value of values) {
        if (Number.isNaN(value))
            return 'the query returned NaN';
        if (check.maxValue !== undefined && value > check.maxValue)
            return `value ${value} is above max-value ${check.maxValue}`;
        if (check.minValue !== undefined && value < check.minValue)
            return `value ${value} is below min-value ${check.minValue}`;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./packages/deploy/src/health.ts
/**
 * The health gate: probe every `interval` until `timeout`. A round (every URL, plus the
 * Prometheus query) is good when every probe is; `success-threshold` good rounds in a row make
 * it healthy, `failure-threshold` bad ones unhealthy, and so does an error rate or a p95
 * latency over the sliding `window` above its limit. A probe failure is data: probes are never
 * retried, and each has its own timeout.
 */




/** The window must hold this many URL probes before its error rate or p95 can fail the gate. */
const MIN_WINDOW_PROBES = 5;
const realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** Nearest-rank 95th percentile; 0 for no samples. */
function p95(values) {
    if (!values.length)
        return 0;
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.max(0, Math.ceil(sorted.length * 0.95) - 1)];
}
function windowStats(probes, nowMs, windowMs) {
    const recent = probes.filter((p) => p.target !== 'prometheus' && p.atMs >= nowMs - windowMs);
    const failed = recent.filter((p) => !p.ok).length;
    return {
        samples: recent.length,
        errorRate: recent.length ? failed / recent.length : 0,
        p95Ms: Math.round(p95(recent.filter((p) => p.timed).map((p) => p.latencyMs))),
    };
}
async function probeUrl(url, options, context, round, atMs) {
    const started = performance.now();
    const base = { round, atMs, target: url };
    const elapsed = () => Math.round(performance.now() - started);
    let status;
    let body;
    try {
        const response = await context.http.request({ url, retries: 0, timeoutMs: options.probeTimeoutMs });
        status = response.status;
        body = response.text();
    }
    catch (caught) {
        if (caught instanceof TransientHttpError && caught.status !== undefined) {
            status = caught.status; // a 5xx the client gave up on: an answer all the same
        }
        else {
            const reason = caught instanceof TransientHttpError ? caught.reason : errorMessage(caught);
            const timedOut = reason === 'timeout';
            return {
                ...base,
                ok: false,
                latencyMs: elapsed(),
                timed: timedOut,
                detail: timedOut ? `no answer within ${options.probeTimeoutMs} ms` : reason,
            };
        }
    }
    const latencyMs = elapsed();
    const probe = { ...base, status, latencyMs, timed: true };
    if (!statusMatches(options.expectStatus, status))
        return {
            ...probe,
            ok: false,
            detail: `HTTP ${status}, expected ${formatStatusRanges(options.expectStatus)}`,
        };
    const mismatch = options.expectBody && bodyMismatch(options.expectBody, body ?? '');
    if (mismatch)
        return { ...probe, ok: false, detail: mismatch };
    return { ...probe, ok: true, detail: `HTTP ${status}` };
}
async function probePrometheus(check, options, context, round, atMs) {
    const started = performance.now();
    const base = { round, atMs, target: 'prometheus', timed: false };
    try {
        const answer = await queryPrometheus(context.http, check, options.probeTimeoutMs);
        const latencyMs = Math.round(performance.now() - started);
        if (answer.kind === 'no-data')
            return { ...base, ok: false, pending: true, latencyMs, detail: 'no data yet' };
        const violation = valueViolation(check, answer.values);
        return { ...base, ok: !violation, latencyMs, detail: violation ?? `value ${answer.values.join(', ')}` };
    }
    catch (caught) {
        if (isUserError(caught))
            throw caught;
        const reason = caught instanceof TransientHttpError ? caught.reason : errorMessage(caught);
        return {
            ...base,
            ok: false,
            latencyMs: Math.round(performance.now() - started),
            detail: `Prometheus: ${reason}`,
        };
    }
}
const health_percent = (fraction) => `${(fraction * 100).toFixed(fraction < 0.1 ? 1 : 0)}%`;
const seconds = (ms) => `${+(ms / 1000).toFixed(1)}s`;
async function runHealthGate(options, context) {
    const now = context.now ?? (() => performance.now());
    const sleep = context.sleep ?? realSleep;
    const minDuration = context.minDurationMs ?? 0;
    const start = now();
    const deadline = start + Math.max(options.timeoutMs, minDuration + options.intervalMs * options.successThreshold);
    const probes = [];
    let good = 0;
    let bad = 0;
    let lastFailure = '';
    const label = context.label ? `${context.label}: ` : '';
    const finish = (healthy, reason) => {
        const at = now() - start;
        const stats = windowStats(probes, at, options.windowMs);
        context.reporter.info(`${label}${healthy ? 'healthy' : 'unhealthy'}: ${reason}`);
        return {
            healthy,
            checks: probes.length,
            rounds: probes.length ? probes[probes.length - 1].round : 0,
            errorRate: stats.errorRate,
            p95Ms: stats.p95Ms,
            reason,
            probes,
            durationMs: Math.round(at),
        };
    };
    for (let round = 1;; round++) {
        const roundStart = now();
        const atMs = Math.round(roundStart - start);
        const results = await Promise.all([
            ...options.urls.map((url) => probeUrl(url, options, context, round, atMs)),
            ...(options.prometheus ? [probePrometheus(options.prometheus, options, context, round, atMs)] : []),
        ]);
        probes.push(...results);
        for (const p of results)
            context.reporter.info(`${label}check ${round}: ${p.target} ${p.ok ? 'ok' : p.pending ? 'pending' : 'FAILED'} (${p.detail}, ${p.latencyMs} ms)`);
        const failed = results.filter((p) => !p.ok && !p.pending);
        if (failed.length) {
            bad++;
            good = 0;
            lastFailure = `${failed[0].target}: ${failed[0].detail}`;
        }
        else if (results.some((p) => p.pending)) {
            good = 0;
        }
        else {
            good++;
            bad = 0;
        }
        const elapsed = now() - start;
        const stats = windowStats(probes, elapsed, options.windowMs);
        const errorRateHigh = options.maxErrorRate !== undefined && stats.errorRate > options.maxErrorRate;
        const latencyHigh = options.maxP95Ms !== undefined && stats.p95Ms > options.maxP95Ms;
        const windowText = `over the last ${seconds(Math.min(options.windowMs, elapsed))} (${stats.samples} probes)`;
        if (bad >= options.failureThreshold)
            return finish(false, `${bad} failed checks in a row; last: ${lastFailure}`);
        if (stats.samples >= MIN_WINDOW_PROBES && errorRateHigh)
            return finish(false, `error rate ${health_percent(stats.errorRate)} ${windowText} is above max-error-rate ${health_percent(options.maxErrorRate)}`);
        if (stats.samples >= MIN_WINDOW_PROBES && latencyHigh)
            return finish(false, `p95 latency ${stats.p95Ms} ms ${windowText} is above max-p95 ${options.maxP95Ms} ms`);
        if (good >= options.successThreshold && elapsed >= minDuration && !errorRateHigh && !latencyHigh)
            return finish(true, `${good} good checks in a row; error rate ${health_percent(stats.errorRate)}, p95 ${stats.p95Ms} ms`);
        const next = roundStart + options.intervalMs;
        if (next > deadline)
            return finish(false, `not healthy within ${seconds(deadline - start)}${lastFailure ? `; last failure: ${lastFailure}` : results.some((p) => p.pending) ? '; Prometheus had no data' : ''}`);
        await sleep(Math.max(0, next - now()));
    }
}

;// CONCATENATED MODULE: ./packages/deploy/src/report.ts
const PROBE_HEADERS = ['#', 'at', 'target', 'result', 'latency', 'detail'];
/** The probe history, newest last; long runs keep the first and the last rows. */
function probeRows(probes, limit = 60) {
    const rows = probes.map((p) => [
        String(p.round),
        `${(p.atMs / 1000).toFixed(1)} s`,
        p.target,
        p.ok ? 'ok' : p.pending ? 'pending' : 'failed',
        `${p.latencyMs} ms`,
        p.detail,
    ]);
    if (rows.length <= limit)
        return rows;
    const head = Math.floor(limit / 3);
    const tail = limit - head - 1;
    return [
        ...rows.slice(0, head),
        ['…', '', `${rows.length - head - tail} more`, '', '', ''],
        ...rows.slice(-tail),
    ];
}

;// CONCATENATED MODULE: ./packages/deploy/src/health-settings.ts
/**
 * Health settings (the config's `deploy.health` keys, or the health-gate inputs of the same
 * names) parsed into typed options with the shared parsers; every mistake names its setting.
 */



const HEALTH_DEFAULTS = {
    'expect-status': '200-299',
    interval: '2s',
    timeout: '60s',
    window: '60s',
    'success-threshold': '3',
    'failure-threshold': '3',
    'probe-timeout': '5s',
};
function health_settings_text(raw, key) {
    const value = raw[key];
    const joined = Array.isArray(value) ? value.join('\n') : value;
    return joined?.trim() || undefined;
}
function number(name, raw) {
    if (!/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(raw))
        throw InputError.bad(name, raw, 'is not a number');
    return Number(raw);
}
/** The gate described by `raw`, or undefined when it names neither a URL nor a Prometheus query. */
function parseHealthSettings(raw, name = (key) => key) {
    const get = (key) => health_settings_text(raw, key) ?? HEALTH_DEFAULTS[key];
    const urls = parseList(health_settings_text(raw, 'url') ?? '').map((url) => parseUrl(name('url'), url).toString());
    const prometheusUrl = health_settings_text(raw, 'prometheus-url');
    const query = health_settings_text(raw, 'prometheus-query');
    if (prometheusUrl && !query)
        throw InputError.missing(name('prometheus-query'), 'prometheus-url needs a query to run.');
    if (query && !prometheusUrl)
        throw InputError.missing(name('prometheus-url'), 'prometheus-query needs the Prometheus server, e.g. http://127.0.0.1:9090.');
    const maxValue = health_settings_text(raw, 'max-value');
    const minValue = health_settings_text(raw, 'min-value');
    if ((maxValue || minValue) && !query)
        throw InputError.missing(name('prometheus-query'), 'max-value and min-value judge the value of a Prometheus query.');
    const options = {
        urls,
        expectStatus: parseExpectStatus(name('expect-status'), get('expect-status')),
        expectBody: health_settings_text(raw, 'expect-body')
            ? parseExpectBody(name('expect-body'), health_settings_text(raw, 'expect-body'))
            : undefined,
        intervalMs: parseDuration(name('interval'), get('interval')),
        timeoutMs: parseDuration(name('timeout'), get('timeout')),
        windowMs: parseDuration(name('window'), get('window')),
        successThreshold: parseInt10(name('success-threshold'), get('success-threshold'), { min: 1, max: 1000 }),
        failureThreshold: parseInt10(name('failure-threshold'), get('failure-threshold'), { min: 1, max: 1000 }),
        maxErrorRate: health_settings_text(raw, 'max-error-rate')
            ? parsePercent(name('max-error-rate'), health_settings_text(raw, 'max-error-rate'))
            : undefined,
        maxP95Ms: health_settings_text(raw, 'max-p95') ? parseDuration(name('max-p95'), health_settings_text(raw, 'max-p95')) : undefined,
        probeTimeoutMs: parseDuration(name('probe-timeout'), get('probe-timeout')),
        prometheus: query
            ? {
                url: parseUrl(name('prometheus-url'), prometheusUrl),
                query,
                maxValue: maxValue ? number(name('max-value'), maxValue) : undefined,
                minValue: minValue ? number(name('min-value'), minValue) : undefined,
            }
            : undefined,
    };
    if (options.intervalMs < 100)
        throw InputError.bad(name('interval'), get('interval'), 'is shorter than 100ms');
    if (options.probeTimeoutMs < 10)
        throw InputError.bad(name('probe-timeout'), get('probe-timeout'), 'is shorter than 10ms');
    if (options.timeoutMs < options.intervalMs)
        throw InputError.bad(name('timeout'), get('timeout'), `is shorter than the interval (${get('interval')})`, 'The gate needs time for at least one check.');
    if (options.windowMs < options.intervalMs)
        throw InputError.bad(name('window'), get('window'), `is shorter than the interval (${get('interval')})`);
    // Checked all the same: a typo in a setting of an unused gate is still a typo.
    return urls.length || query ? options : undefined;
}

;// CONCATENATED MODULE: ./actions/health-gate/src/inputs.ts


const HEALTH_INPUTS = [
    'url',
    'expect-status',
    'expect-body',
    'interval',
    'timeout',
    'window',
    'success-threshold',
    'failure-threshold',
    'max-error-rate',
    'max-p95',
    'probe-timeout',
    'prometheus-url',
    'prometheus-query',
    'max-value',
    'min-value',
];
function getInputs() {
    const raw = Object.fromEntries(HEALTH_INPUTS.map((name) => [name, inputs_raw(name)]));
    const failOnUnhealthy = bool('fail-on-unhealthy', true);
    const gate = parseHealthSettings(raw);
    if (!gate)
        throw InputError.missing('url', 'Give the URLs to probe, or prometheus-url and prometheus-query.');
    return {
        url: gate.urls,
        'expect-status': gate.expectStatus,
        'expect-body': gate.expectBody,
        interval: gate.intervalMs,
        timeout: gate.timeoutMs,
        window: gate.windowMs,
        'success-threshold': gate.successThreshold,
        'failure-threshold': gate.failureThreshold,
        'max-error-rate': gate.maxErrorRate,
        'max-p95': gate.maxP95Ms,
        'probe-timeout': gate.probeTimeoutMs,
        'prometheus-url': gate.prometheus?.url.toString(),
        'prometheus-query': gate.prometheus?.query,
        'max-value': gate.prometheus?.maxValue,
        'min-value': gate.prometheus?.minValue,
        'fail-on-unhealthy': failOnUnhealthy,
    };
}
function healthOptions(input) {
    return {
        urls: input.url,
        expectStatus: input['expect-status'],
        expectBody: input['expect-body'],
        intervalMs: input.interval,
        timeoutMs: input.timeout,
        windowMs: input.window,
        successThreshold: input['success-threshold'],
        failureThreshold: input['failure-threshold'],
        maxErrorRate: input['max-error-rate'],
        maxP95Ms: input['max-p95'],
        probeTimeoutMs: input['probe-timeout'],
        prometheus: input['prometheus-query']
            ? {
                url: new URL(input['prometheus-url']),
                query: input['prometheus-query'],
                maxValue: input['max-value'],
                minValue: input['min-value'],
            }
            : undefined,
    };
}

;// CONCATENATED MODULE: ./actions/health-gate/src/main.ts





function summary(result, title = 'Health gate') {
    const verdict = result.healthy ? 'healthy' : 'unhealthy';
    return (`### ${title}: ${verdict}\n\n${result.reason}\n\n` +
        markdownTable(['checks', 'error rate', 'p95', 'time'], [
            [
                result.checks,
                `${(result.errorRate * 100).toFixed(1)}%`,
                `${result.p95Ms} ms`,
                `${(result.durationMs / 1000).toFixed(1)} s`,
            ],
        ]) +
        `\n<details><summary>Probe history (${result.probes.length})</summary>\n\n` +
        markdownTable(PROBE_HEADERS, probeRows(result.probes)) +
        '\n</details>\n');
}
function run() {
    return runAction('health-gate', async () => {
        const input = getInputs();
        const http = new HttpClient({ reporter: runnerReporter });
        const result = await group('Health gate', () => runHealthGate(healthOptions(input), { http, reporter: runnerReporter }));
        setOutput('healthy', result.healthy);
        setOutput('checks', result.checks);
        setOutput('error-rate', Number(result.errorRate.toFixed(4)));
        setOutput('p95-ms', result.p95Ms);
        setOutput('reason', result.reason);
        appendSummary(summary(result));
        if (!result.healthy && input['fail-on-unhealthy']) {
            error(`Unhealthy: ${result.reason}`, { title: 'Health gate failed' });
            process.exitCode = 1;
        }
    });
}


/***/ }),

/***/ 67:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

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
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(390);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
