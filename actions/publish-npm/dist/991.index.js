export const id = 991;
export const ids = [991];
export const modules = {

/***/ 9991:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readConfigFile: () => (/* binding */ readConfigFile)
/* harmony export */ });
/* unused harmony export parseConfig */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8815);
/* harmony import */ var _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8826);
/* harmony import */ var _deploy_actions_action_kit_parse__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5210);
/* harmony import */ var _deploy_actions_version__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6193);
/* harmony import */ var _targets_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(87);
/* harmony import */ var _config_types_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4335);
/**
 * The config file (default .github/deploy-actions.yml): parsed with line numbers and checked
 * against the schema before anything runs. Every mistake names the file, the line and the key.
 */







const MAX_CONFIG_BYTES = 1024 * 1024;
class Reader {
    file;
    lines;
    constructor(file, lines) {
        this.file = file;
        this.lines = lines;
    }
    line(node) {
        const range = node && ('range' in node ? node.range : node.key?.range);
        return range ? this.lines.linePos(range[0]).line : undefined;
    }
    fail(node, key, message, hint) {
        throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(this.file, this.line(node), key, message, hint);
    }
    /** The pairs of a mapping, with unknown keys refused. */
    entries(node, key, allowed) {
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isMap */ .jh)(node))
            this.fail(node, key, 'must be a mapping');
        const out = [];
        const seen = new Set();
        for (const pair of node.items) {
            const name = (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isScalar */ .jn)(pair.key) ? String(pair.key.value) : '';
            const path = key ? `${key}.${name}` : name;
            if (!name)
                this.fail(pair.key, key, 'has a key that is not a plain name');
            if (allowed && !allowed.includes(name))
                this.fail(pair.key, path, 'is not a known key', `Known keys here: ${allowed.join(', ')}.`);
            if (seen.has(name))
                this.fail(pair.key, path, 'is set twice');
            seen.add(name);
            out.push({ key: name, value: pair.value, pair });
        }
        return out;
    }
    scalar(node, key) {
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isScalar */ .jn)(node) || node.value === null || typeof node.value === 'object')
            this.fail(node, key, 'must be a single value');
        return node.value;
    }
    string(node, key) {
        const value = this.scalar(node, key);
        if (typeof value === 'boolean')
            this.fail(node, key, `must be text, not ${value}`);
        return String(value);
    }
    bool(node, key) {
        const value = this.scalar(node, key);
        if (typeof value !== 'boolean')
            this.fail(node, key, `${(0,_deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .describeValue */ .bp)(value)} is not true or false`);
        return value;
    }
    int(node, key, min = 0, max = 1e9) {
        const value = this.scalar(node, key);
        if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
            this.fail(node, key, `${(0,_deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .describeValue */ .bp)(value)} is not a whole number from ${min} to ${max}`);
        return value;
    }
    list(node, key) {
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isSeq */ .oP)(node))
            return node.items.map((item, i) => this.string(item, `${key}[${i}]`));
        return [this.string(node, key)];
    }
    /** Run a value parser shared with the action inputs, turning its InputError into a located ConfigError. */
    check(node, key, parse) {
        try {
            return parse();
        }
        catch (caught) {
            if (caught instanceof _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz)
                this.fail(node, key, caught.message.replace(/^Invalid input '[^']*': /, ''), caught.hint);
            throw caught;
        }
    }
    setting(node, key, spec) {
        const kind = spec.kind;
        if (Array.isArray(kind)) {
            const value = String(this.scalar(node, key));
            if (!kind.includes(value))
                this.fail(node, key, `${(0,_deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .describeValue */ .bp)(value)} is not one of ${kind.join(', ')}`);
            return value;
        }
        switch (kind) {
            case 'bool':
                return this.bool(node, key);
            case 'int':
                return this.int(node, key);
            case 'list':
                return this.list(node, key);
            case 'url': {
                const value = this.string(node, key);
                return this.check(node, key, () => (0,_deploy_actions_action_kit_parse__WEBPACK_IMPORTED_MODULE_3__/* .parseUrl */ .Dl)(key, value).toString());
            }
            case 'path': {
                const value = this.string(node, key);
                if (value.includes('\0'))
                    this.fail(node, key, 'contains a NUL character');
                return value;
            }
            default:
                return this.string(node, key);
        }
    }
}
function parseTiers(r, node) {
    const tiers = new Map();
    for (const { key, value } of r.entries(node, 'tiers')) {
        if (!/^[1-9]\d?$/.test(key))
            r.fail(value, `tiers.${key}`, 'is not a tier number (1, 2, 3...)');
        const policy = r.string(value, `tiers.${key}`);
        if (!_config_types_js__WEBPACK_IMPORTED_MODULE_6__/* .POLICIES */ .PQ.includes(policy))
            r.fail(value, `tiers.${key}`, `${(0,_deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .describeValue */ .bp)(policy)} is not a policy`, `Use one of: ${_config_types_js__WEBPACK_IMPORTED_MODULE_6__/* .POLICIES */ .PQ.join(', ')}.`);
        tiers.set(Number(key), policy);
    }
    return tiers;
}
function parseTarget(r, node, index, tiers) {
    const where = `targets[${index}]`;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isMap */ .jh)(node))
        r.fail(node, where, 'must be a mapping with name, type and tier');
    const typeNode = node.items.find((p) => (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isScalar */ .jn)(p.key) && p.key.value === 'type');
    if (!typeNode)
        r.fail(node, `${where}.type`, 'is missing', `Use one of: ${_targets_js__WEBPACK_IMPORTED_MODULE_5__/* .TARGET_TYPES */ .oG.join(', ')}.`);
    const type = r.string(typeNode.value, `${where}.type`);
    if (!(0,_targets_js__WEBPACK_IMPORTED_MODULE_5__/* .isTargetType */ .oB)(type))
        r.fail(typeNode.value, `${where}.type`, `${(0,_deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .describeValue */ .bp)(type)} is not a target type`, `Use one of: ${_targets_js__WEBPACK_IMPORTED_MODULE_5__/* .TARGET_TYPES */ .oG.join(', ')}.`);
    const specs = _targets_js__WEBPACK_IMPORTED_MODULE_5__/* .TARGET_SETTINGS */ .sz[type];
    const entries = r.entries(node, where, ['name', 'type', 'tier', ...Object.keys(specs)]);
    const get = (key) => entries.find((e) => e.key === key);
    const nameEntry = get('name');
    if (!nameEntry)
        r.fail(node, `${where}.name`, 'is missing');
    const name = r.string(nameEntry.value, `${where}.name`);
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(name))
        r.fail(nameEntry.value, `${where}.name`, `${(0,_deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .describeValue */ .bp)(name)} is not a usable target name`, 'Use letters, digits, ., _ and -.');
    const tierEntry = get('tier');
    if (!tierEntry)
        r.fail(node, `${where}.tier`, 'is missing', 'Set tier: 1, 2 or 3.');
    const tier = r.int(tierEntry.value, `${where}.tier`, 1, 99);
    const policy = tiers.get(tier);
    if (!policy)
        r.fail(tierEntry.value, `${where}.tier`, `tier ${tier} has no policy`, `Add it under tiers: (e.g. ${tier}: best-effort) or use a defined tier.`);
    const settings = {};
    for (const [key, spec] of Object.entries(specs)) {
        const entry = get(key);
        if (entry)
            settings[key] = r.setting(entry.value, `${name}.${key}`, spec);
        else if (spec.required)
            r.fail(node, `${name}.${key}`, 'is required for this target type');
        else if (spec.default !== undefined)
            settings[key] = spec.default;
    }
    return { name, type, tier, policy, line: r.line(node), settings };
}
function parseDeploy(r, node) {
    const entries = r.entries(node, 'deploy', _config_types_js__WEBPACK_IMPORTED_MODULE_6__/* .DEPLOY_KEYS */ .hp);
    const get = (key) => entries.find((e) => e.key === key)?.value ?? null;
    const strategy = get('strategy') ? r.string(get('strategy'), 'deploy.strategy') : 'blue-green';
    if (strategy !== 'blue-green' && strategy !== 'canary')
        r.fail(get('strategy'), 'deploy.strategy', `${(0,_deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .describeValue */ .bp)(strategy)} is not blue-green or canary`);
    const router = {};
    for (const { key, value } of r.entries(get('router'), 'deploy.router', _config_types_js__WEBPACK_IMPORTED_MODULE_6__/* .ROUTER_KEYS */ .JW))
        router[key] = r.string(value, `deploy.router.${key}`);
    if (!router.type)
        r.fail(get('router'), 'deploy.router.type', 'is missing', 'Use nginx, kubernetes, symlink or command.');
    if (!['nginx', 'kubernetes', 'symlink', 'command'].includes(router.type))
        r.fail(get('router'), 'deploy.router.type', `${(0,_deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .describeValue */ .bp)(router.type)} is not a router`, 'Use nginx, kubernetes, symlink or command.');
    let steps = [100];
    const stepsNode = get('steps');
    if (stepsNode) {
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isSeq */ .oP)(stepsNode))
            r.fail(stepsNode, 'deploy.steps', 'must be a list of percentages, e.g. [10, 50, 100]');
        steps = stepsNode.items.map((item, i) => r.int(item, `deploy.steps[${i}]`, 1, 100));
        steps.forEach((step, i) => {
            if (i > 0 && step <= steps[i - 1])
                r.fail(stepsNode, 'deploy.steps', 'must increase', 'Use e.g. [10, 50, 100].');
        });
        if (steps[steps.length - 1] !== 100)
            r.fail(stepsNode, 'deploy.steps', 'must end at 100');
    }
    const stepInterval = get('step-interval')
        ? r.string(get('step-interval'), 'deploy.step-interval')
        : undefined;
    if (stepInterval)
        r.check(get('step-interval'), 'deploy.step-interval', () => (0,_deploy_actions_action_kit_parse__WEBPACK_IMPORTED_MODULE_3__/* .parseDuration */ .E9)('step-interval', stepInterval));
    const health = {};
    if (get('health')) {
        for (const { key, value } of r.entries(get('health'), 'deploy.health', _config_types_js__WEBPACK_IMPORTED_MODULE_6__/* .HEALTH_KEYS */ .sh)) {
            const path = `deploy.health.${key}`;
            if (key === 'url' || key === 'expect-status') {
                health[key] = r.list(value, path);
                if (key === 'url')
                    for (const u of health[key])
                        r.check(value, path, () => (0,_deploy_actions_action_kit_parse__WEBPACK_IMPORTED_MODULE_3__/* .parseUrl */ .Dl)(key, u));
                continue;
            }
            const text = r.string(value, path);
            if (['interval', 'timeout', 'window', 'max-p95'].includes(key))
                r.check(value, path, () => (0,_deploy_actions_action_kit_parse__WEBPACK_IMPORTED_MODULE_3__/* .parseDuration */ .E9)(key, text));
            if (key === 'max-error-rate')
                r.check(value, path, () => (0,_deploy_actions_action_kit_parse__WEBPACK_IMPORTED_MODULE_3__/* .parsePercent */ .lo)(key, text));
            if (key === 'prometheus-url')
                r.check(value, path, () => (0,_deploy_actions_action_kit_parse__WEBPACK_IMPORTED_MODULE_3__/* .parseUrl */ .Dl)(key, text));
            health[key] = text;
        }
    }
    const rollback = get('rollback') ? r.string(get('rollback'), 'deploy.rollback') : 'auto';
    if (rollback !== 'auto' && rollback !== 'manual')
        r.fail(get('rollback'), 'deploy.rollback', `${(0,_deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .describeValue */ .bp)(rollback)} is not auto or manual`);
    return { strategy, router, steps, stepInterval, health, rollback };
}
function parseConfig(text, file) {
    const lines = new yaml__WEBPACK_IMPORTED_MODULE_1__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .parseDocument */ .Tp)(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length) {
        const e = doc.errors[0];
        throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(file, lines.linePos(e.pos[0]).line, undefined, `is not valid YAML: ${e.message.split('\n')[0]}`);
    }
    const r = new Reader(file, lines);
    try {
        // Resolving the document expands aliases; yaml refuses excessive alias expansion here.
        doc.toJS({ maxAliasCount: 50 });
    }
    catch (caught) {
        throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(file, undefined, undefined, `could not be read: ${caught.message}`, 'Remove the YAML aliases.');
    }
    const root = doc.contents;
    if (!root)
        throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(file, 1, undefined, 'is empty', 'Add a targets: list.');
    const entries = r.entries(root, '', ['version', 'tiers', 'targets', 'deploy']);
    const get = (key) => entries.find((e) => e.key === key)?.value ?? null;
    const version = { sources: [..._deploy_actions_version__WEBPACK_IMPORTED_MODULE_4__/* .VERSION_SOURCES */ .ex], tagPrefix: 'v', requireMatch: true };
    if (get('version')) {
        for (const { key, value } of r.entries(get('version'), 'version', [
            'sources',
            'tag-prefix',
            'require-match',
        ])) {
            if (key === 'sources') {
                const sources = r.list(value, 'version.sources');
                for (const s of sources)
                    if (!_deploy_actions_version__WEBPACK_IMPORTED_MODULE_4__/* .VERSION_SOURCES */ .ex.includes(s))
                        r.fail(value, 'version.sources', `${(0,_deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .describeValue */ .bp)(s)} is not a version source`, `Use some of: ${_deploy_actions_version__WEBPACK_IMPORTED_MODULE_4__/* .VERSION_SOURCES */ .ex.join(', ')}.`);
                version.sources = sources;
            }
            else if (key === 'tag-prefix') {
                const prefix = r.string(value, 'version.tag-prefix');
                version.tagPrefix = r.check(value, 'version.tag-prefix', () => (0,_deploy_actions_version__WEBPACK_IMPORTED_MODULE_4__/* .validateTagPrefix */ .Rk)('tag-prefix', prefix));
            }
            else
                version.requireMatch = r.bool(value, 'version.require-match');
        }
    }
    const tiers = get('tiers') ? parseTiers(r, get('tiers')) : new Map(_config_types_js__WEBPACK_IMPORTED_MODULE_6__/* .DEFAULT_TIERS */ .uA);
    const targetsNode = get('targets');
    if (!targetsNode)
        r.fail(root, 'targets', 'is missing', 'List at least one target.');
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isSeq */ .oP)(targetsNode))
        r.fail(targetsNode, 'targets', 'must be a list');
    const targets = [];
    targetsNode.items.forEach((item, i) => {
        const target = parseTarget(r, item, i, tiers);
        const twin = targets.find((t) => t.name === target.name);
        if (twin)
            r.fail(item, `targets[${i}].name`, `duplicate target name ${(0,_deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .describeValue */ .bp)(target.name)} (first on line ${twin.line})`);
        targets.push(target);
    });
    const deploy = get('deploy') ? parseDeploy(r, get('deploy')) : undefined;
    return { file, version, tiers, targets, deploy };
}
/** Read and parse the config file, refusing what is missing, not a file, or too large. */
function readConfigFile(file, input = 'config') {
    let size;
    try {
        const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(file);
        if (!stat.isFile())
            throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, `${(0,_deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .describeValue */ .bp)(file)} is not a file`);
        size = stat.size;
    }
    catch (caught) {
        if (caught instanceof _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz)
            throw caught;
        throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, `${(0,_deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .describeValue */ .bp)(file)} was not found`, `Create it (see the README) or set '${input}' to its path.`);
    }
    if (size > MAX_CONFIG_BYTES)
        throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(file, undefined, undefined, `is ${size} bytes; the limit is 1 MiB`);
    return parseConfig((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8'), file);
}


/***/ })

};
