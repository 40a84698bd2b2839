export const id = 604;
export const ids = [604,677];
export const modules = {

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

/***/ 7185:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NL: () => (/* binding */ parseExpectStatus),
/* harmony export */   W_: () => (/* binding */ statusMatches),
/* harmony export */   cO: () => (/* binding */ formatStatusRanges),
/* harmony export */   tU: () => (/* binding */ parseExpectBody),
/* harmony export */   v1: () => (/* binding */ bodyMismatch)
/* harmony export */ });
/* harmony import */ var _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8826);
/* harmony import */ var _deploy_actions_action_kit_parse__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5210);
/**
 * What a good probe answer looks like: a status in `expect-status` (codes, ranges like
 * 200-299, or classes like 2xx) and a body matching `expect-body` (a regular expression, or
 * `$.path.to.field=value` / `$.path.to.field` on a JSON body).
 */


function parseExpectStatus(name, raw) {
    const items = (0,_deploy_actions_action_kit_parse__WEBPACK_IMPORTED_MODULE_1__/* .parseList */ .E1)(raw.replace(/\s+/g, ','));
    if (!items.length)
        throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz.bad(name, raw, 'names no status', 'Use e.g. 200-299 or 200,204.');
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
            throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz.bad(name, item, 'is not a status, a range or a class', 'Use e.g. 200, 200-299 or 2xx.');
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
            throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz.bad(name, raw, 'is not a JSON path check', 'Use $.path.to.field=value, or $.path.to.field to require it.');
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
        throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz.bad(name, raw, `is not a regular expression (${caught.message})`);
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


/***/ }),

/***/ 7677:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseHealthSettings: () => (/* binding */ parseHealthSettings)
/* harmony export */ });
/* unused harmony export HEALTH_DEFAULTS */
/* harmony import */ var _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8826);
/* harmony import */ var _deploy_actions_action_kit_parse__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5210);
/* harmony import */ var _health_checks_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7185);
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
function text(raw, key) {
    const value = raw[key];
    const joined = Array.isArray(value) ? value.join('\n') : value;
    return joined?.trim() || undefined;
}
function number(name, raw) {
    if (!/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(raw))
        throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz.bad(name, raw, 'is not a number');
    return Number(raw);
}
/** The gate described by `raw`, or undefined when it names neither a URL nor a Prometheus query. */
function parseHealthSettings(raw, name = (key) => key) {
    const get = (key) => text(raw, key) ?? HEALTH_DEFAULTS[key];
    const urls = (0,_deploy_actions_action_kit_parse__WEBPACK_IMPORTED_MODULE_1__/* .parseList */ .E1)(text(raw, 'url') ?? '').map((url) => (0,_deploy_actions_action_kit_parse__WEBPACK_IMPORTED_MODULE_1__/* .parseUrl */ .Dl)(name('url'), url).toString());
    const prometheusUrl = text(raw, 'prometheus-url');
    const query = text(raw, 'prometheus-query');
    if (prometheusUrl && !query)
        throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz.missing(name('prometheus-query'), 'prometheus-url needs a query to run.');
    if (query && !prometheusUrl)
        throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz.missing(name('prometheus-url'), 'prometheus-query needs the Prometheus server, e.g. http://127.0.0.1:9090.');
    const maxValue = text(raw, 'max-value');
    const minValue = text(raw, 'min-value');
    if ((maxValue || minValue) && !query)
        throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz.missing(name('prometheus-query'), 'max-value and min-value judge the value of a Prometheus query.');
    const options = {
        urls,
        expectStatus: (0,_health_checks_js__WEBPACK_IMPORTED_MODULE_2__/* .parseExpectStatus */ .NL)(name('expect-status'), get('expect-status')),
        expectBody: text(raw, 'expect-body')
            ? (0,_health_checks_js__WEBPACK_IMPORTED_MODULE_2__/* .parseExpectBody */ .tU)(name('expect-body'), text(raw, 'expect-body'))
            : undefined,
        intervalMs: (0,_deploy_actions_action_kit_parse__WEBPACK_IMPORTED_MODULE_1__/* .parseDuration */ .E9)(name('interval'), get('interval')),
        timeoutMs: (0,_deploy_actions_action_kit_parse__WEBPACK_IMPORTED_MODULE_1__/* .parseDuration */ .E9)(name('timeout'), get('timeout')),
        windowMs: (0,_deploy_actions_action_kit_parse__WEBPACK_IMPORTED_MODULE_1__/* .parseDuration */ .E9)(name('window'), get('window')),
        successThreshold: (0,_deploy_actions_action_kit_parse__WEBPACK_IMPORTED_MODULE_1__/* .parseInt10 */ .Gs)(name('success-threshold'), get('success-threshold'), { min: 1, max: 1000 }),
        failureThreshold: (0,_deploy_actions_action_kit_parse__WEBPACK_IMPORTED_MODULE_1__/* .parseInt10 */ .Gs)(name('failure-threshold'), get('failure-threshold'), { min: 1, max: 1000 }),
        maxErrorRate: text(raw, 'max-error-rate')
            ? (0,_deploy_actions_action_kit_parse__WEBPACK_IMPORTED_MODULE_1__/* .parsePercent */ .lo)(name('max-error-rate'), text(raw, 'max-error-rate'))
            : undefined,
        maxP95Ms: text(raw, 'max-p95') ? (0,_deploy_actions_action_kit_parse__WEBPACK_IMPORTED_MODULE_1__/* .parseDuration */ .E9)(name('max-p95'), text(raw, 'max-p95')) : undefined,
        probeTimeoutMs: (0,_deploy_actions_action_kit_parse__WEBPACK_IMPORTED_MODULE_1__/* .parseDuration */ .E9)(name('probe-timeout'), get('probe-timeout')),
        prometheus: query
            ? {
                url: (0,_deploy_actions_action_kit_parse__WEBPACK_IMPORTED_MODULE_1__/* .parseUrl */ .Dl)(name('prometheus-url'), prometheusUrl),
                query,
                maxValue: maxValue ? number(name('max-value'), maxValue) : undefined,
                minValue: minValue ? number(name('min-value'), minValue) : undefined,
            }
            : undefined,
    };
    if (options.intervalMs < 100)
        throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz.bad(name('interval'), get('interval'), 'is shorter than 100ms');
    if (options.probeTimeoutMs < 10)
        throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz.bad(name('probe-timeout'), get('probe-timeout'), 'is shorter than 10ms');
    if (options.timeoutMs < options.intervalMs)
        throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz.bad(name('timeout'), get('timeout'), `is shorter than the interval (${get('interval')})`, 'The gate needs time for at least one check.');
    if (options.windowMs < options.intervalMs)
        throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz.bad(name('window'), get('window'), `is shorter than the interval (${get('interval')})`);
    // Checked all the same: a typo in a setting of an unused gate is still a typo.
    return urls.length || query ? options : undefined;
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


/***/ }),

/***/ 5604:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F2: () => (/* binding */ checkStepsFit),
/* harmony export */   parseTarget: () => (/* binding */ parseTarget),
/* harmony export */   rolloutOptionsFromConfig: () => (/* binding */ rolloutOptionsFromConfig)
/* harmony export */ });
/* unused harmony exports DEFAULT_STEP_INTERVAL, parseSteps */
/* harmony import */ var _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8826);
/* harmony import */ var _deploy_actions_action_kit_parse__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5210);
/* harmony import */ var _health_settings_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7677);
/* harmony import */ var _router_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6435);
/**
 * Rollout settings: the `steps`, the hold between them, and the whole `deploy:` section of the
 * config file turned into typed rollout options (the orchestrator's entry point).
 */




const DEFAULT_STEP_INTERVAL = '30s';
/** Traffic percentages, increasing, ending at 100: `10,50,100` or [10, 50, 100]. */
function parseSteps(name, raw) {
    const items = Array.isArray(raw) ? raw.map(String) : (0,_deploy_actions_action_kit_parse__WEBPACK_IMPORTED_MODULE_1__/* .parseList */ .E1)(raw);
    if (!items.length)
        return [100];
    const steps = items.map((item) => {
        const value = Number(item.replace(/%$/, ''));
        if (!/^\d+%?$/.test(item) || value < 1 || value > 100)
            throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz.bad(name, item, 'is not a percentage from 1 to 100', 'Use e.g. 10,50,100.');
        return value;
    });
    steps.forEach((step, i) => {
        if (i > 0 && step <= steps[i - 1])
            throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz.bad(name, items.join(','), `is not increasing (${steps[i - 1]} then ${step})`, 'Use e.g. 10,50,100.');
    });
    if (steps[steps.length - 1] !== 100)
        throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz.bad(name, items.join(','), 'does not end at 100', 'The last step sends all traffic to the new colour.');
    return steps;
}
function parseTarget(name, raw) {
    const value = raw.trim() || 'inactive';
    if (value !== 'blue' && value !== 'green' && value !== 'inactive')
        throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz.bad(name, value, 'is not a colour', 'Use blue, green, or inactive (the colour not serving now).');
    return value;
}
/** Refuse partial steps on a router that moves all traffic at once, before anything moves. */
function checkStepsFit(options, stepsName) {
    if (options.steps.length > 1 && !(0,_router_index_js__WEBPACK_IMPORTED_MODULE_3__/* .canSplit */ .zy)(options.router)) {
        const why = options.router.type === 'kubernetes'
            ? 'a Service selector moves all traffic at once; set ingress for canary weights'
            : options.router.type === 'command'
                ? 'switch-command has no {weight} placeholder'
                : 'a symlink moves all traffic at once';
        throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz.bad(stepsName, options.steps.join(','), `cannot be used with the ${options.router.type} router: ${why}`, 'Use steps: 100.');
    }
}
/** The config's `deploy:` section as rollout options; mistakes name `deploy.<key>`. */
function rolloutOptionsFromConfig(deploy, cwd = process.cwd(), to = 'inactive') {
    const options = {
        router: (0,_router_index_js__WEBPACK_IMPORTED_MODULE_3__/* .parseRouterSettings */ .c3)(deploy.router, (key) => `deploy.router.${key}`, cwd),
        to,
        steps: parseSteps('deploy.steps', deploy.steps),
        stepIntervalMs: (0,_deploy_actions_action_kit_parse__WEBPACK_IMPORTED_MODULE_1__/* .parseDuration */ .E9)('deploy.step-interval', deploy.stepInterval ?? DEFAULT_STEP_INTERVAL),
        health: (0,_health_settings_js__WEBPACK_IMPORTED_MODULE_2__.parseHealthSettings)(deploy.health, (key) => `deploy.health.${key}`),
        autoRollback: deploy.rollback !== 'manual',
    };
    checkStepsFit(options, 'deploy.steps');
    return options;
}


/***/ })

};
