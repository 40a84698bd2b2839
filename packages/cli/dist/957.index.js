export const id = 957;
export const ids = [957];
export const modules = {

/***/ 1957:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   rollbackTarget: () => (/* binding */ rollbackTarget)
/* harmony export */ });
/* unused harmony export ROLLBACK_KINDS */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8826);
/* harmony import */ var _deploy_actions_action_kit_exec__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2692);
/* harmony import */ var _deploy_actions_version__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6193);
/* harmony import */ var _command_line_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5191);
/* harmony import */ var _router_index_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9584);
/**
 * Take a release back. `target` is a target of the config file, or a type:
 * - npm, docker, github-release, crates (registries): the publisher's own `rollback` (moves
 *   `latest` and friends back to the previous good version);
 * - blue-green: traffic back to the other colour through the router of the config's `deploy:`;
 * - kubernetes: `kubectl rollout undo deployment/<name>`, then wait for it to finish.
 */







const ROLLBACK_KINDS = ['blue-green', 'kubernetes'];
// Loaded when needed: the action starts (and checks its inputs) without the config parser
// and the publishers.
const release = () => Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 4746));
async function readConfig(file, needed) {
    if (!needed && !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file))
        return undefined;
    return (await release()).loadConfig(file);
}
async function rollbackTarget(request) {
    const { target } = request;
    const { DEFAULT_CONFIG_FILE, TARGET_TYPES, isTargetType } = await release();
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(request.workspace, request.config ?? DEFAULT_CONFIG_FILE);
    const config = await readConfig(file, target === 'blue-green');
    const named = config?.targets.find((t) => t.name === target);
    if (named)
        return rollbackRegistry(request, named.name, named.type, named.settings);
    if (target === 'blue-green')
        return rollbackBlueGreen(request, config, file);
    if (target === 'kubernetes')
        return rollbackKubernetes(request, config);
    if (isTargetType(target)) {
        const ofType = config?.targets.filter((t) => t.type === target) ?? [];
        if (ofType.length > 1)
            throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz.bad('target', target, `matches ${ofType.length} targets of ${file}`, `Name one: ${ofType.map((t) => t.name).join(', ')}.`);
        if (ofType.length === 1)
            return rollbackRegistry(request, ofType[0].name, target, ofType[0].settings);
        return rollbackRegistry(request, target, target, await defaultSettings(target, file));
    }
    const names = config?.targets.map((t) => t.name) ?? [];
    throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz.bad('target', target, `is neither a target of ${file} nor a type`, `Use ${names.length ? `a target (${names.join(', ')}) or ` : ''}a type: ${[...TARGET_TYPES, ...ROLLBACK_KINDS].join(', ')}.`);
}
async function defaultSettings(type, configFile) {
    const { settingsFromInputs } = await release();
    try {
        return settingsFromInputs(type, () => '');
    }
    catch (caught) {
        if (!(caught instanceof _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz))
            throw caught;
        throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('target', `${type}: ${configFile} has no ${type} target, and a ${type} target needs '${caught.input}'`, `Add the ${type} target to ${configFile}.`);
    }
}
async function rollbackRegistry(request, name, type, settings) {
    // A registry rollback names a release: refuse a malformed one before asking any registry.
    if (request.toVersion)
        (0,_deploy_actions_version__WEBPACK_IMPORTED_MODULE_4__/* .requireSemVer */ .Mp)('to-version', request.toVersion);
    const { loadPublisher } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 1699));
    const { resolveToken } = await release();
    const publisher = await loadPublisher(type);
    if (!publisher.rollback)
        throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('target', `${(0,_deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .describeValue */ .bp)(name)} is a ${type} target, and a ${type} release cannot be rolled back by deploy-actions`, type === 'pypi'
            ? 'PyPI cannot take a version back: yank it on the project page, then publish a fixed version.'
            : `Roll back by hand, or publish a fixed version. Types that can be rolled back: npm, docker, github-release, crates.`);
    const deferred = [];
    const context = {
        target: name,
        dryRun: false,
        workspace: request.workspace,
        tempDir: request.tempDir,
        env: request.env,
        reporter: request.reporter,
        http: request.http,
        token: resolveToken(type, settings, request.env, request.token),
        defer: (fn) => deferred.push(fn),
        toVersion: request.toVersion,
        reason: request.reason,
    };
    try {
        const result = await publisher.rollback(settings, context);
        return { target: name, kind: type, rolledBackTo: result.rolledBackTo, actions: result.actions };
    }
    finally {
        for (const fn of deferred.reverse())
            await fn().catch((e) => request.reporter.warning(`cleanup failed: ${e.message}`));
    }
}
async function rollbackBlueGreen(request, config, file) {
    if (!config.deploy)
        throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('target', `is blue-green, but ${file} has no deploy: section`, 'Describe the router under deploy.router (see the README).');
    const wanted = request.toVersion?.trim();
    if (wanted && wanted !== 'blue' && wanted !== 'green')
        throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz.bad('to-version', wanted, 'is not a colour', 'For blue-green, to-version is blue or green (default: the colour that served before).');
    const options = (0,_router_index_js__WEBPACK_IMPORTED_MODULE_6__/* .parseRouterSettings */ .c3)(config.deploy.router, (key) => `deploy.router.${key}`, request.workspace);
    const router = (0,_router_index_js__WEBPACK_IMPORTED_MODULE_6__/* .createRouter */ .aE)(options, {
        exec: request.exec ?? _deploy_actions_action_kit_exec__WEBPACK_IMPORTED_MODULE_3__/* .exec */ .m0,
        reporter: request.reporter,
        cwd: request.workspace,
    });
    const actions = await router.prepare();
    const now = await router.read();
    let colour;
    if (wanted)
        colour = wanted;
    else {
        if (!now)
            throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('target', `${router.description} does not say which colour is live`, 'Set to-version to blue or green.');
        const live = (0,_router_index_js__WEBPACK_IMPORTED_MODULE_6__/* .majorityColour */ .A0)(now);
        if (!live)
            throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('target', `traffic is split evenly (${(0,_router_index_js__WEBPACK_IMPORTED_MODULE_6__/* .describeTraffic */ .hA)(now)})`, 'Set to-version to blue or green.');
        // A split means a rollout was interrupted: its majority is the colour that served before.
        colour = now[live] === 100 ? (0,_router_index_js__WEBPACK_IMPORTED_MODULE_6__/* .otherColour */ .RQ)(live) : live;
    }
    if (now?.[colour] === 100) {
        actions.push(`${router.description}: ${colour} already has all traffic; nothing changed`);
    }
    else {
        actions.push(await router.shift(colour, 100));
    }
    if (request.reason)
        request.reporter.info(`reason: ${request.reason}`);
    return { target: 'blue-green', kind: 'blue-green', rolledBackTo: colour, actions };
}
async function rollbackKubernetes(request, config) {
    const router = config?.deploy?.router.type === 'kubernetes' ? config.deploy.router : {};
    const deployment = request.deployment ?? router.service;
    if (!deployment)
        throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz.missing('deployment', 'Name the Deployment to roll back (or set deploy.router.service in the config).');
    const revision = request.toVersion?.trim();
    if (revision && !/^\d+$/.test(revision))
        throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz.bad('to-version', revision, 'is not a revision number', 'For kubernetes, to-version is a Deployment revision (kubectl rollout history); default: the previous one.');
    const base = [
        ...((request.context ?? router.context) ? ['--context', (request.context ?? router.context)] : []),
        ...((request.namespace ?? router.namespace)
            ? ['--namespace', (request.namespace ?? router.namespace)]
            : []),
    ];
    const exec = request.exec ?? _deploy_actions_action_kit_exec__WEBPACK_IMPORTED_MODULE_3__/* .exec */ .m0;
    const kubectl = async (args) => {
        const argv = [...base, ...args];
        request.reporter.info(`$ ${(0,_command_line_js__WEBPACK_IMPORTED_MODULE_5__/* .formatCommand */ .fE)(['kubectl', ...argv])}`);
        const result = await exec('kubectl', argv, { cwd: request.workspace, timeoutMs: 10 * 60_000 });
        if (result.code !== 0 || result.timedOut)
            throw new _deploy_actions_action_kit_exec__WEBPACK_IMPORTED_MODULE_3__/* .ExecError */ .cI(result);
        return result.stdout.trim();
    };
    const actions = [
        await kubectl([
            'rollout',
            'undo',
            `deployment/${deployment}`,
            ...(revision ? [`--to-revision=${revision}`] : []),
        ]),
    ];
    await kubectl(['rollout', 'status', `deployment/${deployment}`, '--timeout=5m']);
    const now = await kubectl([
        'get',
        `deployment/${deployment}`,
        '-o',
        'jsonpath={.metadata.annotations.deployment\\.kubernetes\\.io/revision}',
    ]);
    actions.push(`kubernetes: deployment/${deployment} rolled out revision ${now || '?'}`);
    return {
        target: 'kubernetes',
        kind: 'kubernetes',
        rolledBackTo: now ? `revision ${now}` : revision ? `revision ${revision}` : 'the previous revision',
        actions,
    };
}


/***/ })

};
