export const id = 165;
export const ids = [165];
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


/***/ }),

/***/ 1165:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  prepareDeployStage: () => (/* binding */ prepareDeployStage)
});

// EXTERNAL MODULE: ./packages/action-kit/src/errors.ts
var errors = __webpack_require__(8826);
// EXTERNAL MODULE: ./packages/action-kit/src/parse.ts
var parse = __webpack_require__(5210);
;// CONCATENATED MODULE: ./packages/deploy/src/health-checks.ts
/**
 * What a good probe answer looks like: a status in `expect-status` (codes, ranges like
 * 200-299, or classes like 2xx) and a body matching `expect-body` (a regular expression, or
 * `$.path.to.field=value` / `$.path.to.field` on a JSON body).
 */


function parseExpectStatus(name, raw) {
    const items = (0,parse/* parseList */.E1)(raw.replace(/\s+/g, ','));
    if (!items.length)
        throw errors/* InputError */.dz.bad(name, raw, 'names no status', 'Use e.g. 200-299 or 200,204.');
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
            throw errors/* InputError */.dz.bad(name, item, 'is not a status, a range or a class', 'Use e.g. 200, 200-299 or 2xx.');
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
            throw errors/* InputError */.dz.bad(name, raw, 'is not a JSON path check', 'Use $.path.to.field=value, or $.path.to.field to require it.');
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
        throw errors/* InputError */.dz.bad(name, raw, `is not a regular expression (${caught.message})`);
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
        throw errors/* InputError */.dz.bad(name, raw, 'is not a number');
    return Number(raw);
}
/** The gate described by `raw`, or undefined when it names neither a URL nor a Prometheus query. */
function parseHealthSettings(raw, name = (key) => key) {
    const get = (key) => health_settings_text(raw, key) ?? HEALTH_DEFAULTS[key];
    const urls = (0,parse/* parseList */.E1)(health_settings_text(raw, 'url') ?? '').map((url) => (0,parse/* parseUrl */.Dl)(name('url'), url).toString());
    const prometheusUrl = health_settings_text(raw, 'prometheus-url');
    const query = health_settings_text(raw, 'prometheus-query');
    if (prometheusUrl && !query)
        throw errors/* InputError */.dz.missing(name('prometheus-query'), 'prometheus-url needs a query to run.');
    if (query && !prometheusUrl)
        throw errors/* InputError */.dz.missing(name('prometheus-url'), 'prometheus-query needs the Prometheus server, e.g. http://127.0.0.1:9090.');
    const maxValue = health_settings_text(raw, 'max-value');
    const minValue = health_settings_text(raw, 'min-value');
    if ((maxValue || minValue) && !query)
        throw errors/* InputError */.dz.missing(name('prometheus-query'), 'max-value and min-value judge the value of a Prometheus query.');
    const options = {
        urls,
        expectStatus: parseExpectStatus(name('expect-status'), get('expect-status')),
        expectBody: health_settings_text(raw, 'expect-body')
            ? parseExpectBody(name('expect-body'), health_settings_text(raw, 'expect-body'))
            : undefined,
        intervalMs: (0,parse/* parseDuration */.E9)(name('interval'), get('interval')),
        timeoutMs: (0,parse/* parseDuration */.E9)(name('timeout'), get('timeout')),
        windowMs: (0,parse/* parseDuration */.E9)(name('window'), get('window')),
        successThreshold: (0,parse/* parseInt10 */.Gs)(name('success-threshold'), get('success-threshold'), { min: 1, max: 1000 }),
        failureThreshold: (0,parse/* parseInt10 */.Gs)(name('failure-threshold'), get('failure-threshold'), { min: 1, max: 1000 }),
        maxErrorRate: health_settings_text(raw, 'max-error-rate')
            ? (0,parse/* parsePercent */.lo)(name('max-error-rate'), health_settings_text(raw, 'max-error-rate'))
            : undefined,
        maxP95Ms: health_settings_text(raw, 'max-p95') ? (0,parse/* parseDuration */.E9)(name('max-p95'), health_settings_text(raw, 'max-p95')) : undefined,
        probeTimeoutMs: (0,parse/* parseDuration */.E9)(name('probe-timeout'), get('probe-timeout')),
        prometheus: query
            ? {
                url: (0,parse/* parseUrl */.Dl)(name('prometheus-url'), prometheusUrl),
                query,
                maxValue: maxValue ? number(name('max-value'), maxValue) : undefined,
                minValue: minValue ? number(name('min-value'), minValue) : undefined,
            }
            : undefined,
    };
    if (options.intervalMs < 100)
        throw errors/* InputError */.dz.bad(name('interval'), get('interval'), 'is shorter than 100ms');
    if (options.probeTimeoutMs < 10)
        throw errors/* InputError */.dz.bad(name('probe-timeout'), get('probe-timeout'), 'is shorter than 10ms');
    if (options.timeoutMs < options.intervalMs)
        throw errors/* InputError */.dz.bad(name('timeout'), get('timeout'), `is shorter than the interval (${get('interval')})`, 'The gate needs time for at least one check.');
    if (options.windowMs < options.intervalMs)
        throw errors/* InputError */.dz.bad(name('window'), get('window'), `is shorter than the interval (${get('interval')})`);
    // Checked all the same: a typo in a setting of an unused gate is still a typo.
    return urls.length || query ? options : undefined;
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./packages/deploy/src/command-line.ts
var command_line = __webpack_require__(5191);
// EXTERNAL MODULE: ./packages/deploy/src/router/types.ts
var types = __webpack_require__(8294);
// EXTERNAL MODULE: ./packages/deploy/src/router/nginx-config.ts
var nginx_config = __webpack_require__(6542);
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
        reloadCommand: (0,command_line/* splitCommand */.GW)(name('reload-command'), raw['reload-command']?.trim() || 'nginx -s reload'),
        testCommand: (0,command_line/* splitCommand */.GW)(name('test-command'), raw['test-command']?.trim() || 'nginx -t'),
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
        switchCommand: (0,command_line/* parseCommandTemplate */.Nx)(name('switch-command'), switchText, ['colour', 'weight', 'target']),
        readCommand: readText ? (0,command_line/* parseCommandTemplate */.Nx)(name('read-command'), readText, []) : undefined,
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
        throw errors/* InputError */.dz.missing(name('type'), `Use one of: ${types/* ROUTER_TYPES */.qV.join(', ')}.`);
    const type = (0,parse/* parseEnum */.nL)(name('type'), typeText, types/* ROUTER_TYPES */.qV);
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

;// CONCATENATED MODULE: ./packages/deploy/src/settings.ts
/**
 * Rollout settings: the `steps`, the hold between them, and the whole `deploy:` section of the
 * config file turned into typed rollout options (the orchestrator's entry point).
 */




const DEFAULT_STEP_INTERVAL = '30s';
/** Traffic percentages, increasing, ending at 100: `10,50,100` or [10, 50, 100]. */
function parseSteps(name, raw) {
    const items = Array.isArray(raw) ? raw.map(String) : (0,parse/* parseList */.E1)(raw);
    if (!items.length)
        return [100];
    const steps = items.map((item) => {
        const value = Number(item.replace(/%$/, ''));
        if (!/^\d+%?$/.test(item) || value < 1 || value > 100)
            throw errors/* InputError */.dz.bad(name, item, 'is not a percentage from 1 to 100', 'Use e.g. 10,50,100.');
        return value;
    });
    steps.forEach((step, i) => {
        if (i > 0 && step <= steps[i - 1])
            throw errors/* InputError */.dz.bad(name, items.join(','), `is not increasing (${steps[i - 1]} then ${step})`, 'Use e.g. 10,50,100.');
    });
    if (steps[steps.length - 1] !== 100)
        throw errors/* InputError */.dz.bad(name, items.join(','), 'does not end at 100', 'The last step sends all traffic to the new colour.');
    return steps;
}
function parseTarget(name, raw) {
    const value = raw.trim() || 'inactive';
    if (value !== 'blue' && value !== 'green' && value !== 'inactive')
        throw InputError.bad(name, value, 'is not a colour', 'Use blue, green, or inactive (the colour not serving now).');
    return value;
}
/** Refuse partial steps on a router that moves all traffic at once, before anything moves. */
function checkStepsFit(options, stepsName) {
    if (options.steps.length > 1 && !canSplit(options.router)) {
        const why = options.router.type === 'kubernetes'
            ? 'a Service selector moves all traffic at once; set ingress for canary weights'
            : options.router.type === 'command'
                ? 'switch-command has no {weight} placeholder'
                : 'a symlink moves all traffic at once';
        throw errors/* InputError */.dz.bad(stepsName, options.steps.join(','), `cannot be used with the ${options.router.type} router: ${why}`, 'Use steps: 100.');
    }
}
/** The config's `deploy:` section as rollout options; mistakes name `deploy.<key>`. */
function settings_rolloutOptionsFromConfig(deploy, cwd = process.cwd(), to = 'inactive') {
    const options = {
        router: parseRouterSettings(deploy.router, (key) => `deploy.router.${key}`, cwd),
        to,
        steps: parseSteps('deploy.steps', deploy.steps),
        stepIntervalMs: (0,parse/* parseDuration */.E9)('deploy.step-interval', deploy.stepInterval ?? DEFAULT_STEP_INTERVAL),
        health: parseHealthSettings(deploy.health, (key) => `deploy.health.${key}`),
        autoRollback: deploy.rollback !== 'manual',
    };
    checkStepsFit(options, 'deploy.steps');
    return options;
}

// EXTERNAL MODULE: ./packages/action-kit/src/exec.ts
var exec = __webpack_require__(2692);
// EXTERNAL MODULE: ./packages/action-kit/src/http.ts + 1 modules
var http = __webpack_require__(3363);
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
        throw errors/* InputError */.dz.bad('prometheus-query', check.query, `was refused by Prometheus: ${body?.error ?? `HTTP ${response.status}`}`);
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
    throw errors/* InputError */.dz.bad('prometheus-query', check.query, `returns a ${resultType}`, 'Use an instant vector or scalar query, e.g. sum(rate(errors_total[1m])).');
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
        if (caught instanceof http/* TransientHttpError */.jt && caught.status !== undefined) {
            status = caught.status; // a 5xx the client gave up on: an answer all the same
        }
        else {
            const reason = caught instanceof http/* TransientHttpError */.jt ? caught.reason : (0,errors/* errorMessage */.gJ)(caught);
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
        if ((0,errors/* isUserError */.iU)(caught))
            throw caught;
        const reason = caught instanceof http/* TransientHttpError */.jt ? caught.reason : (0,errors/* errorMessage */.gJ)(caught);
        return {
            ...base,
            ok: false,
            latencyMs: Math.round(performance.now() - started),
            detail: `Prometheus: ${reason}`,
        };
    }
}
const percent = (fraction) => `${(fraction * 100).toFixed(fraction < 0.1 ? 1 : 0)}%`;
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
            return finish(false, `error rate ${percent(stats.errorRate)} ${windowText} is above max-error-rate ${percent(options.maxErrorRate)}`);
        if (stats.samples >= MIN_WINDOW_PROBES && latencyHigh)
            return finish(false, `p95 latency ${stats.p95Ms} ms ${windowText} is above max-p95 ${options.maxP95Ms} ms`);
        if (good >= options.successThreshold && elapsed >= minDuration && !errorRateHigh && !latencyHigh)
            return finish(true, `${good} good checks in a row; error rate ${percent(stats.errorRate)}, p95 ${stats.p95Ms} ms`);
        const next = roundStart + options.intervalMs;
        if (next > deadline)
            return finish(false, `not healthy within ${seconds(deadline - start)}${lastFailure ? `; last failure: ${lastFailure}` : results.some((p) => p.pending) ? '; Prometheus had no data' : ''}`);
        await sleep(Math.max(0, next - now()));
    }
}

;// CONCATENATED MODULE: ./packages/deploy/src/switch.ts
/**
 * The rollout: read where traffic goes from the router, move it to the new colour in steps,
 * hold each step under the health gate, and on a failed gate put traffic back exactly where it
 * was (auto-rollback) before reporting the failure.
 */





const switch_realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function chooseTarget(to, before, router) {
    if (to !== 'inactive')
        return to;
    if (!before)
        throw new errors/* InputError */.dz('to', `is inactive, but ${router.description} does not say which colour is live`, 'Name the colour to switch to: to: blue or to: green.');
    const live = (0,types/* majorityColour */.A0)(before);
    if (!live)
        throw new errors/* InputError */.dz('to', `is inactive, but traffic is split evenly (${(0,types/* describeTraffic */.hA)(before)})`, 'Name the colour: to: blue or to: green.');
    return (0,types/* otherColour */.RQ)(live);
}
async function rollout(options, context) {
    checkStepsFit(options, 'steps');
    const { reporter } = context;
    const sleep = context.sleep ?? switch_realSleep;
    const router = await createRouter(options.router, {
        exec: context.exec ?? exec/* exec */.m0,
        reporter,
        cwd: context.cwd ?? process.cwd(),
    });
    const changes = await router.prepare();
    const before = await router.read();
    const target = chooseTarget(options.to, before, router);
    const live = before ? (0,types/* majorityColour */.A0)(before) : undefined;
    const previous = live ?? '';
    reporter.info(`${router.description}: now ${(0,types/* describeTraffic */.hA)(before)}; moving to ${target} in steps ${options.steps.join(', ')}%`);
    const base = { target, changes, before };
    if (before?.[target] === 100) {
        const health = options.health
            ? await runHealthGate(options.health, { http: context.http, reporter, label: 'already live' })
            : undefined;
        return {
            ...base,
            active: target,
            previous: target,
            rolledBack: false,
            healthy: health?.healthy ?? true,
            reason: `${target} already has all traffic${health ? `; ${health.reason}` : ''}`,
            steps: health ? [{ weight: 100, change: 'none', health }] : [],
        };
    }
    // Where to go back to: exactly the split before, or all on the other colour when unknown.
    const restoreColour = live ?? (0,types/* otherColour */.RQ)(target);
    const restoreWeight = before ? before[restoreColour] : 100;
    const restore = async (why) => {
        reporter.warning(`${why}: rolling back to ${(0,types/* describeTraffic */.hA)(before) === 'unknown' ? restoreColour : (0,types/* describeTraffic */.hA)(before)}`);
        changes.push(`rollback: ${await router.shift(restoreColour, restoreWeight)}`);
    };
    const steps = [];
    for (const [index, weight] of options.steps.entries()) {
        const label = `step ${index + 1}/${options.steps.length} (${target} ${weight}%)`;
        let change;
        try {
            change = await router.shift(target, weight);
        }
        catch (caught) {
            if (options.autoRollback && steps.length)
                await restore(`${label} failed to apply`).catch((e) => reporter.error(`rollback failed: ${(0,errors/* errorMessage */.gJ)(e)}`));
            throw caught;
        }
        changes.push(change);
        reporter.info(`${label}: ${change}`);
        const step = { weight, change };
        steps.push(step);
        if (options.health) {
            step.health = await runHealthGate(options.health, {
                http: context.http,
                reporter,
                label,
                minDurationMs: options.stepIntervalMs,
            });
            if (!step.health.healthy) {
                const reason = `${label}: ${step.health.reason}`;
                if (!options.autoRollback)
                    return {
                        ...base,
                        active: (0,types/* majorityColour */.A0)((0,types/* trafficTo */.lz)(target, weight)) ?? target,
                        previous,
                        rolledBack: false,
                        healthy: false,
                        reason,
                        steps,
                    };
                await restore(`${label} is unhealthy`);
                return {
                    ...base,
                    active: restoreColour,
                    previous: target,
                    rolledBack: true,
                    healthy: false,
                    reason: `${reason}; traffic is back on ${(0,types/* describeTraffic */.hA)(before) === 'unknown' ? restoreColour : (0,types/* describeTraffic */.hA)(before)}`,
                    steps,
                };
            }
        }
        else if (index < options.steps.length - 1) {
            await sleep(options.stepIntervalMs);
        }
    }
    return {
        ...base,
        active: target,
        previous,
        rolledBack: false,
        healthy: true,
        reason: `all traffic on ${target} after ${options.steps.length} step${options.steps.length > 1 ? 's' : ''}`,
        steps,
    };
}
/** The orchestrator's call: the config's `deploy:` section, parsed, then rolled out. */
function rolloutFromConfig(deploy, context, to = 'inactive') {
    return rollout(rolloutOptionsFromConfig(deploy, context.cwd, to), context);
}

;// CONCATENATED MODULE: ./packages/deploy/src/stage.ts


/** Parse and check the deploy section now; the returned function runs the rollout later. */
function prepareDeployStage(deploy, context) {
    const options = settings_rolloutOptionsFromConfig(deploy, context.cwd);
    return async () => {
        const result = await rollout(options, context);
        return {
            active: result.active,
            previous: result.previous,
            rolledBack: result.rolledBack,
            healthy: result.healthy,
            reason: result.reason,
        };
    };
}


/***/ })

};
