export const id = 196;
export const ids = [196,445];
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
/* harmony import */ var _router_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6435);
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
    const router = await (0,_router_index_js__WEBPACK_IMPORTED_MODULE_3__/* .createRouter */ .aE)(options.router, {
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
