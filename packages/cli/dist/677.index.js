export const id = 677;
export const ids = [677];
export const modules = {

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


/***/ })

};
