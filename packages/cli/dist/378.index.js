export const id = 378;
export const ids = [378];
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


/***/ })

};
