export const id = 355;
export const ids = [355];
export const modules = {

/***/ 8592:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OR: () => (/* binding */ readIfExists),
/* harmony export */   Zf: () => (/* binding */ writeFileAtomic),
/* harmony export */   u3: () => (/* binding */ replaceSymlink)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/**
 * Replace files and symlinks so that a reader (nginx, a web server following a `current`
 * link) sees either the old or the new one, never a half-written file or a missing link:
 * write a temp file beside the target, fsync it, rename it over the target, fsync the folder
 * so the rename survives a crash.
 */


/** A name beside `path` that no glob like `*.conf` picks up and no other writer uses. */
function tempBeside(path) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path), `.${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(path)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
}
async function syncDir(dir) {
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(dir, 'r');
    try {
        await handle.sync();
    }
    finally {
        await handle.close();
    }
}
async function writeFileAtomic(path, content, mode = 0o644) {
    const temp = tempBeside(path);
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(temp, 'wx', mode);
    try {
        await handle.writeFile(content, 'utf8');
        await handle.sync();
    }
    finally {
        await handle.close();
    }
    try {
        // The umask may have narrowed the mode; nginx workers (another user) must read the file.
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.chmod)(temp, mode);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rename)(temp, path);
    }
    catch (caught) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(temp, { force: true });
        throw caught;
    }
    await syncDir((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path));
}
/** Point `link` at `target` in one step, whether or not `link` exists yet. */
async function replaceSymlink(link, target) {
    const temp = tempBeside(link);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.symlink)(target, temp);
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rename)(temp, link);
    }
    catch (caught) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(temp, { force: true });
        throw caught;
    }
    await syncDir((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(link));
}
/** The file's text, or undefined when it does not exist. */
async function readIfExists(path) {
    try {
        return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8');
    }
    catch (caught) {
        if (caught.code === 'ENOENT')
            return undefined;
        throw caught;
    }
}


/***/ }),

/***/ 3593:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NginxConfigError: () => (/* binding */ NginxConfigError),
/* harmony export */   NginxRouter: () => (/* binding */ NginxRouter)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8826);
/* harmony import */ var _atomic_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8592);
/* harmony import */ var _command_line_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5191);
/* harmony import */ var _nginx_config_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6542);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8294);
/**
 * nginx as the router, lossless: nginx is reloaded only when the upstream file itself must
 * change (first install, new addresses); moving traffic is one atomic symlink swap that nginx
 * reads per request (see nginx-config.ts for why a reload per step loses requests).
 */







/** nginx refused the configuration we wrote (nginx -t), or the reload failed. */
class NginxConfigError extends _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz {
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
        this.layout = (0,_nginx_config_js__WEBPACK_IMPORTED_MODULE_5__/* .nginxLayout */ .TR)(options.upstreamFile);
        this.description = `nginx ${options.upstreamFile}`;
    }
    async read() {
        try {
            const weight = (0,_nginx_config_js__WEBPACK_IMPORTED_MODULE_5__/* .parseSplitDirName */ .w$)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readlink)(this.layout.current));
            if (weight !== undefined)
                return { blue: 100 - weight, green: weight };
        }
        catch (caught) {
            if (caught.code !== 'ENOENT')
                throw caught;
        }
        // Not installed yet: what does the upstream file nginx runs with say?
        const text = await (0,_atomic_js__WEBPACK_IMPORTED_MODULE_3__/* .readIfExists */ .OR)(this.options.upstreamFile);
        if (text === undefined || text.startsWith(_nginx_config_js__WEBPACK_IMPORTED_MODULE_5__/* .MANAGED_MARK */ .Ai))
            return undefined;
        return (0,_nginx_config_js__WEBPACK_IMPORTED_MODULE_5__/* .trafficFromUpstreamFile */ .P$)(text, this.options.blue, this.options.green);
    }
    async prepare() {
        const changes = [];
        const { routeDir, current, snippet, upstreamFile } = this.layout;
        if (!(await exists((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(upstreamFile))))
            throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz.bad('upstream-file', upstreamFile, 'is in a folder that does not exist', 'Use the folder nginx includes from, e.g. /etc/nginx/conf.d.');
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(routeDir, { recursive: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.chmod)(routeDir, 0o755);
        if (!(await exists(current))) {
            // Take over where nginx is now, so installing never moves traffic by itself.
            const start = (await this.read()) ?? { blue: 100, green: 0 };
            await this.link(start.green);
            changes.push(`nginx: route created at ${current} (${(0,_types_js__WEBPACK_IMPORTED_MODULE_6__/* .describeTraffic */ .hA)(start)})`);
        }
        const wanted = new Map([
            [upstreamFile, (0,_nginx_config_js__WEBPACK_IMPORTED_MODULE_5__/* .renderUpstreamFile */ .yJ)(this.layout, this.options.blue, this.options.green)],
            [snippet, (0,_nginx_config_js__WEBPACK_IMPORTED_MODULE_5__/* .renderRouteSnippet */ .XQ)(this.layout)],
        ]);
        const before = new Map();
        for (const [file, text] of wanted) {
            const old = await (0,_atomic_js__WEBPACK_IMPORTED_MODULE_3__/* .readIfExists */ .OR)(file);
            if (old !== text)
                before.set(file, old);
        }
        if (!before.size) {
            await this.checkIncluded();
            return changes;
        }
        const existing = before.get(upstreamFile);
        if (existing !== undefined && !existing.startsWith(_nginx_config_js__WEBPACK_IMPORTED_MODULE_5__/* .MANAGED_MARK */ .Ai))
            this.context.reporter.info(`nginx: taking over ${upstreamFile} (was not written by deploy-actions)`);
        for (const file of before.keys())
            await (0,_atomic_js__WEBPACK_IMPORTED_MODULE_3__/* .writeFileAtomic */ .Zf)(file, wanted.get(file));
        const test = await this.run(this.options.testCommand);
        if (test.code !== 0) {
            await this.restore(before);
            throw new NginxConfigError('upstream-file', `nginx refused the configuration written to ${upstreamFile} (${(0,_command_line_js__WEBPACK_IMPORTED_MODULE_4__/* .formatCommand */ .fE)(this.options.testCommand)}):\n${(test.stderr || test.stdout).trim()}`, `Include ${upstreamFile} in the http block and ${snippet} in the server or location block (see the blue-green-switch README); the previous files were put back.`);
        }
        const reload = await this.run(this.options.reloadCommand);
        if (reload.code !== 0)
            throw new NginxConfigError('reload-command', `${(0,_command_line_js__WEBPACK_IMPORTED_MODULE_4__/* .formatCommand */ .fE)(this.options.reloadCommand)} failed:\n${(reload.stderr || reload.stdout).trim()}`, 'Check that nginx is running and that this command can signal it (pid file, permissions).');
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
            this.context.reporter.debug(`nginx: ${(0,_command_line_js__WEBPACK_IMPORTED_MODULE_4__/* .formatCommand */ .fE)(this.options.testCommand)} has no -t; not checking what nginx includes`);
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
            throw new NginxConfigError('upstream-file', `nginx does not read ${missing.join(' nor ')} (${(0,_command_line_js__WEBPACK_IMPORTED_MODULE_4__/* .formatCommand */ .fE)(dump)}): moving traffic would change nothing`, `Include ${this.layout.upstreamFile} in the http block, and ${this.layout.snippet} in the server or location block that proxies with proxy_pass http://$${this.layout.id}_pool (see the blue-green-switch README).`);
    }
    async shift(colour, weight) {
        const before = await this.read();
        const traffic = (0,_types_js__WEBPACK_IMPORTED_MODULE_6__/* .trafficTo */ .lz)(colour, weight);
        await this.link(traffic.green);
        await this.removeStaleSplits(traffic.green, before?.green);
        return `nginx: ${(0,_types_js__WEBPACK_IMPORTED_MODULE_6__/* .describeTraffic */ .hA)(before)} -> ${(0,_types_js__WEBPACK_IMPORTED_MODULE_6__/* .describeTraffic */ .hA)(traffic)} (no reload)`;
    }
    run(words) {
        this.context.reporter.info(`$ ${(0,_command_line_js__WEBPACK_IMPORTED_MODULE_4__/* .formatCommand */ .fE)(words)}`);
        return this.context.exec(words[0], words.slice(1), { cwd: this.context.cwd, timeoutMs: 60_000 });
    }
    async restore(before) {
        for (const [file, text] of before) {
            if (text === undefined)
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(file, { force: true });
            else
                await (0,_atomic_js__WEBPACK_IMPORTED_MODULE_3__/* .writeFileAtomic */ .Zf)(file, text);
        }
    }
    /** Point `current` at the folder for this green share, creating the folder complete first. */
    async link(greenWeight) {
        const name = (0,_nginx_config_js__WEBPACK_IMPORTED_MODULE_5__/* .splitDirName */ .tC)(greenWeight);
        const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.layout.routeDir, name);
        if (!(await exists(dir))) {
            const temp = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.layout.routeDir, `.${name}.${process.pid}.tmp`);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(temp, { recursive: true, force: true });
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(temp, { mode: 0o755 });
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.chmod)(temp, 0o755);
            for (let bucket = 0; bucket < greenWeight && bucket < _nginx_config_js__WEBPACK_IMPORTED_MODULE_5__/* .BUCKETS */ .SC; bucket++)
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(temp, String(bucket)), '', { mode: 0o644 });
            try {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rename)(temp, dir);
            }
            catch (caught) {
                // Another run made the same folder meanwhile; theirs is as good as ours.
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(temp, { recursive: true, force: true });
                if (!(await exists(dir)))
                    throw caught;
            }
        }
        await (0,_atomic_js__WEBPACK_IMPORTED_MODULE_3__/* .replaceSymlink */ .u3)(this.layout.current, name);
    }
    /** Keep the live folder and the one just left (a request may still be resolving it). */
    async removeStaleSplits(live, previous) {
        for (const entry of await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(this.layout.routeDir)) {
            const weight = (0,_nginx_config_js__WEBPACK_IMPORTED_MODULE_5__/* .parseSplitDirName */ .w$)(entry);
            if (weight === undefined || weight === live || weight === previous)
                continue;
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.layout.routeDir, entry), { recursive: true, force: true });
        }
    }
}
async function exists(path) {
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)(path);
        return true;
    }
    catch (caught) {
        if (caught.code === 'ENOENT')
            return false;
        throw caught;
    }
}


/***/ })

};
