export const id = 411;
export const ids = [411];
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

/***/ 6792:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SymlinkRouter: () => (/* binding */ SymlinkRouter)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8826);
/* harmony import */ var _atomic_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8592);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8294);
/**
 * A `current` symlink between two release directories (the Capistrano layout): the web server
 * or process manager follows the link, so a switch is one atomic rename of a new link over it.
 */





class SymlinkRouter {
    type = 'symlink';
    canSplit = false;
    description;
    link;
    targets;
    constructor(options, context) {
        this.link = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(context.cwd, options.link);
        this.targets = { blue: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(context.cwd, options.blue), green: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(context.cwd, options.green) };
        this.description = `symlink ${this.link}`;
    }
    async prepare() {
        return [];
    }
    async read() {
        let target;
        try {
            target = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(this.link), await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readlink)(this.link));
        }
        catch (caught) {
            const code = caught.code;
            if (code === 'ENOENT')
                return undefined;
            if (code === 'EINVAL')
                throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz.bad('link', this.link, 'is not a symlink', 'Move the directory aside; the router manages the link itself.');
            throw caught;
        }
        for (const colour of ['blue', 'green']) {
            if (target === this.targets[colour] || (await sameFile(target, this.targets[colour])))
                return (0,_types_js__WEBPACK_IMPORTED_MODULE_4__/* .trafficTo */ .lz)(colour, 100);
        }
        throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz.bad('link', this.link, `points at ${target}, which is neither blue (${this.targets.blue}) nor green (${this.targets.green})`);
    }
    async shift(colour, weight) {
        if (weight !== 100)
            throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz.bad('steps', weight, 'is a partial step: a symlink moves all traffic at once', 'Use steps: 100.');
        const target = this.targets[colour];
        const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(target).catch(() => undefined);
        if (!info?.isDirectory())
            throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz.bad(colour, target, 'is not a directory', `Deploy the ${colour} release there first.`);
        const before = await this.read();
        const existing = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)(this.link).catch(() => undefined);
        if (existing && !existing.isSymbolicLink())
            throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz.bad('link', this.link, 'is not a symlink', 'Move it aside once.');
        await (0,_atomic_js__WEBPACK_IMPORTED_MODULE_3__/* .replaceSymlink */ .u3)(this.link, target);
        return `symlink: ${this.link} -> ${target} (${(0,_types_js__WEBPACK_IMPORTED_MODULE_4__/* .describeTraffic */ .hA)(before)} -> ${colour})`;
    }
}
async function sameFile(a, b) {
    try {
        return (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(a)) === (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(b));
    }
    catch {
        return false;
    }
}


/***/ })

};
