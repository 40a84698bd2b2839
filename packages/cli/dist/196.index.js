export const id = 196;
export const ids = [196,677,378,604,445];
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


/***/ }),

/***/ 3378:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runHealthGate: () => (/* binding */ runHealthGate)
});

// UNUSED EXPORTS: MIN_WINDOW_PROBES, p95, windowStats

// EXTERNAL MODULE: ./packages/action-kit/src/errors.ts
var errors = __webpack_require__(8826);
// EXTERNAL MODULE: ./packages/action-kit/src/http.ts + 1 modules
var http = __webpack_require__(3363);
// EXTERNAL MODULE: ./packages/deploy/src/health-checks.ts
var health_checks = __webpack_require__(7185);
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
    if (!(0,health_checks/* statusMatches */.W_)(options.expectStatus, status))
        return {
            ...probe,
            ok: false,
            detail: `HTTP ${status}, expected ${(0,health_checks/* formatStatusRanges */.cO)(options.expectStatus)}`,
        };
    const mismatch = options.expectBody && (0,health_checks/* bodyMismatch */.v1)(options.expectBody, body ?? '');
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
/* harmony import */ var _router_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9584);
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


/***/ }),

/***/ 7815:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   prepareDeployStage: () => (/* binding */ prepareDeployStage)
/* harmony export */ });
/* harmony import */ var _settings_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5604);
/* harmony import */ var _switch_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6445);


/** Parse and check the deploy section now; the returned function runs the rollout later. */
function prepareDeployStage(deploy, context) {
    const options = (0,_settings_js__WEBPACK_IMPORTED_MODULE_0__.rolloutOptionsFromConfig)(deploy, context.cwd);
    return async () => {
        const result = await (0,_switch_js__WEBPACK_IMPORTED_MODULE_1__.rollout)(options, context);
        return {
            active: result.active,
            previous: result.previous,
            rolledBack: result.rolledBack,
            healthy: result.healthy,
            reason: result.reason,
        };
    };
}


/***/ }),

/***/ 6445:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   rollout: () => (/* binding */ rollout)
/* harmony export */ });
/* unused harmony export rolloutFromConfig */
/* harmony import */ var _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8826);
/* harmony import */ var _deploy_actions_action_kit_exec__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2692);
/* harmony import */ var _health_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3378);
/* harmony import */ var _router_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9584);
/* harmony import */ var _settings_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5604);
/**
 * The rollout: read where traffic goes from the router, move it to the new colour in steps,
 * hold each step under the health gate, and on a failed gate put traffic back exactly where it
 * was (auto-rollback) before reporting the failure.
 */





const realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function chooseTarget(to, before, router) {
    if (to !== 'inactive')
        return to;
    if (!before)
        throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('to', `is inactive, but ${router.description} does not say which colour is live`, 'Name the colour to switch to: to: blue or to: green.');
    const live = (0,_router_index_js__WEBPACK_IMPORTED_MODULE_3__/* .majorityColour */ .A0)(before);
    if (!live)
        throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('to', `is inactive, but traffic is split evenly (${(0,_router_index_js__WEBPACK_IMPORTED_MODULE_3__/* .describeTraffic */ .hA)(before)})`, 'Name the colour: to: blue or to: green.');
    return (0,_router_index_js__WEBPACK_IMPORTED_MODULE_3__/* .otherColour */ .RQ)(live);
}
async function rollout(options, context) {
    (0,_settings_js__WEBPACK_IMPORTED_MODULE_4__/* .checkStepsFit */ .F2)(options, 'steps');
    const { reporter } = context;
    const sleep = context.sleep ?? realSleep;
    const router = (0,_router_index_js__WEBPACK_IMPORTED_MODULE_3__/* .createRouter */ .aE)(options.router, {
        exec: context.exec ?? _deploy_actions_action_kit_exec__WEBPACK_IMPORTED_MODULE_1__/* .exec */ .m0,
        reporter,
        cwd: context.cwd ?? process.cwd(),
    });
    const changes = await router.prepare();
    const before = await router.read();
    const target = chooseTarget(options.to, before, router);
    const live = before ? (0,_router_index_js__WEBPACK_IMPORTED_MODULE_3__/* .majorityColour */ .A0)(before) : undefined;
    const previous = live ?? '';
    reporter.info(`${router.description}: now ${(0,_router_index_js__WEBPACK_IMPORTED_MODULE_3__/* .describeTraffic */ .hA)(before)}; moving to ${target} in steps ${options.steps.join(', ')}%`);
    const base = { target, changes, before };
    if (before?.[target] === 100) {
        const health = options.health
            ? await (0,_health_js__WEBPACK_IMPORTED_MODULE_2__.runHealthGate)(options.health, { http: context.http, reporter, label: 'already live' })
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
    const restoreColour = live ?? (0,_router_index_js__WEBPACK_IMPORTED_MODULE_3__/* .otherColour */ .RQ)(target);
    const restoreWeight = before ? before[restoreColour] : 100;
    const restore = async (why) => {
        reporter.warning(`${why}: rolling back to ${(0,_router_index_js__WEBPACK_IMPORTED_MODULE_3__/* .describeTraffic */ .hA)(before) === 'unknown' ? restoreColour : (0,_router_index_js__WEBPACK_IMPORTED_MODULE_3__/* .describeTraffic */ .hA)(before)}`);
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
                await restore(`${label} failed to apply`).catch((e) => reporter.error(`rollback failed: ${(0,_deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e)}`));
            throw caught;
        }
        changes.push(change);
        reporter.info(`${label}: ${change}`);
        const step = { weight, change };
        steps.push(step);
        if (options.health) {
            step.health = await (0,_health_js__WEBPACK_IMPORTED_MODULE_2__.runHealthGate)(options.health, {
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
                        active: (0,_router_index_js__WEBPACK_IMPORTED_MODULE_3__/* .majorityColour */ .A0)((0,_router_index_js__WEBPACK_IMPORTED_MODULE_3__/* .trafficTo */ .lz)(target, weight)) ?? target,
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
                    reason: `${reason}; traffic is back on ${(0,_router_index_js__WEBPACK_IMPORTED_MODULE_3__/* .describeTraffic */ .hA)(before) === 'unknown' ? restoreColour : (0,_router_index_js__WEBPACK_IMPORTED_MODULE_3__/* .describeTraffic */ .hA)(before)}`,
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


/***/ })

};
