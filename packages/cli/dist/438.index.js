export const id = 438;
export const ids = [438];
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

/***/ 5438:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CommandRouter: () => (/* binding */ CommandRouter)
/* harmony export */ });
/* harmony import */ var _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8826);
/* harmony import */ var _deploy_actions_action_kit_exec__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2692);
/* harmony import */ var _command_line_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5191);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8294);
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
        this.description = `command ${(0,_command_line_js__WEBPACK_IMPORTED_MODULE_2__/* .formatCommand */ .fE)(options.switchCommand)}`;
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
            throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz.bad('read-command', printed, 'is not what read-command must print', 'Print the live colour, e.g. "green", or "green 10" while it has 10%.');
        return (0,_types_js__WEBPACK_IMPORTED_MODULE_3__/* .trafficTo */ .lz)(match[1].toLowerCase(), weight);
    }
    async shift(colour, weight) {
        const words = (0,_command_line_js__WEBPACK_IMPORTED_MODULE_2__/* .fillCommand */ .nH)(this.options.switchCommand, {
            colour,
            weight: String(weight),
            target: this.options[colour] ?? colour,
        });
        await this.run(words);
        return `command: ${(0,_command_line_js__WEBPACK_IMPORTED_MODULE_2__/* .formatCommand */ .fE)(words)} (${(0,_types_js__WEBPACK_IMPORTED_MODULE_3__/* .describeTraffic */ .hA)((0,_types_js__WEBPACK_IMPORTED_MODULE_3__/* .trafficTo */ .lz)(colour, weight))})`;
    }
    async run(words) {
        this.context.reporter.info(`$ ${(0,_command_line_js__WEBPACK_IMPORTED_MODULE_2__/* .formatCommand */ .fE)(words)}`);
        const result = await this.context.exec(words[0], words.slice(1), {
            cwd: this.context.cwd,
            timeoutMs: 120_000,
        });
        if (result.code !== 0 || result.timedOut)
            throw new _deploy_actions_action_kit_exec__WEBPACK_IMPORTED_MODULE_1__/* .ExecError */ .cI(result);
        return result;
    }
}


/***/ })

};
