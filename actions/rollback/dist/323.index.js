export const id = 323;
export const ids = [323,699];
export const modules = {

/***/ 1699:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   loadPublisher: () => (/* binding */ loadPublisher)
/* harmony export */ });
/* unused harmony export PUBLISHER_LOADERS */
/** Lazy: a publisher's code is loaded only when its target runs. */
const PUBLISHER_LOADERS = {
    npm: () => __webpack_require__.e(/* import() */ 458).then(__webpack_require__.bind(__webpack_require__, 8458)),
    pypi: () => Promise.all(/* import() */[__webpack_require__.e(292), __webpack_require__.e(426)]).then(__webpack_require__.bind(__webpack_require__, 6426)),
    crates: () => Promise.all(/* import() */[__webpack_require__.e(292), __webpack_require__.e(933)]).then(__webpack_require__.bind(__webpack_require__, 8933)),
    docker: () => Promise.all(/* import() */[__webpack_require__.e(513), __webpack_require__.e(121)]).then(__webpack_require__.bind(__webpack_require__, 2121)),
    'github-release': () => __webpack_require__.e(/* import() */ 690).then(__webpack_require__.bind(__webpack_require__, 8690)),
    flatpak: () => Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(690), __webpack_require__.e(343)]).then(__webpack_require__.bind(__webpack_require__, 6343)),
};
async function loadPublisher(type) {
    const loader = PUBLISHER_LOADERS[type];
    if (!loader)
        throw new Error(`no publisher for type ${type}`);
    return loader();
}


/***/ }),

/***/ 4335:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cu: () => (/* binding */ DEFAULT_CONFIG_FILE),
/* harmony export */   JW: () => (/* binding */ ROUTER_KEYS),
/* harmony export */   PQ: () => (/* binding */ POLICIES),
/* harmony export */   hp: () => (/* binding */ DEPLOY_KEYS),
/* harmony export */   sh: () => (/* binding */ HEALTH_KEYS),
/* harmony export */   uA: () => (/* binding */ DEFAULT_TIERS)
/* harmony export */ });
const POLICIES = ['required', 'best-effort', 'experimental'];
const DEFAULT_CONFIG_FILE = '.github/deploy-actions.yml';
const DEFAULT_TIERS = new Map([
    [1, 'required'],
    [2, 'best-effort'],
    [3, 'experimental'],
]);
const ROUTER_KEYS = [
    'type',
    'upstream-file',
    'blue',
    'green',
    'reload-command',
    'test-command',
    'namespace',
    'service',
    'ingress',
    'selector-key',
    'context',
    'link',
    'switch-command',
    'read-command',
];
const HEALTH_KEYS = [
    'url',
    'interval',
    'timeout',
    'window',
    'success-threshold',
    'failure-threshold',
    'max-error-rate',
    'max-p95',
    'expect-status',
    'expect-body',
    'prometheus-url',
    'prometheus-query',
    'max-value',
    'min-value',
];
const DEPLOY_KEYS = ['strategy', 'router', 'steps', 'step-interval', 'health', 'rollback'];


/***/ }),

/***/ 323:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_CONFIG_FILE: () => (/* reexport */ config_types/* DEFAULT_CONFIG_FILE */.Cu),
  DEFAULT_TIERS: () => (/* reexport */ config_types/* DEFAULT_TIERS */.uA),
  DEFAULT_TOKEN_ENV: () => (/* reexport */ targets/* DEFAULT_TOKEN_ENV */.AN),
  DEPLOY_KEYS: () => (/* reexport */ config_types/* DEPLOY_KEYS */.hp),
  HEALTH_KEYS: () => (/* reexport */ config_types/* HEALTH_KEYS */.sh),
  POLICIES: () => (/* reexport */ config_types/* POLICIES */.PQ),
  ROUTER_KEYS: () => (/* reexport */ config_types/* ROUTER_KEYS */.JW),
  TARGET_KEYS: () => (/* reexport */ targets/* TARGET_KEYS */.X5),
  TARGET_SETTINGS: () => (/* reexport */ targets/* TARGET_SETTINGS */.sz),
  TARGET_TYPES: () => (/* reexport */ targets/* TARGET_TYPES */.oG),
  checkTargets: () => (/* reexport */ checkTargets),
  hasDrift: () => (/* reexport */ hasDrift),
  isTargetType: () => (/* reexport */ targets/* isTargetType */.oB),
  loadConfig: () => (/* reexport */ loadConfig),
  parseSetting: () => (/* reexport */ parseSetting),
  parseTargetLines: () => (/* reexport */ parseTargetLines),
  planEntries: () => (/* reexport */ planEntries),
  publishTarget: () => (/* reexport */ publishTarget),
  release: () => (/* reexport */ release),
  reportMarkdown: () => (/* reexport */ reportMarkdown),
  resolveToken: () => (/* reexport */ resolveToken),
  resolveVersion: () => (/* reexport */ resolveVersion),
  resultsJson: () => (/* reexport */ resultsJson),
  selectTargets: () => (/* reexport */ selectTargets),
  settingsFromInputs: () => (/* reexport */ settingsFromInputs),
  targetsFromConfig: () => (/* reexport */ targetsFromConfig),
  toReleaseVersion: () => (/* reexport */ toReleaseVersion)
});

// EXTERNAL MODULE: ./packages/release/src/targets.ts
var targets = __webpack_require__(87);
// EXTERNAL MODULE: ./packages/release/src/config-types.ts
var config_types = __webpack_require__(4335);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./packages/action-kit/src/errors.ts
var errors = __webpack_require__(8826);
;// CONCATENATED MODULE: ./packages/release/src/config-load.ts
/**
 * Reading the config file. The parser and the YAML library load on first use, so an action
 * that runs without a config file never pays for them at start-up.
 */


/** Read and parse the config file (errors name the file, the line and the key). */
async function loadConfig(file, input = 'config') {
    // A missing file is refused before the parser is loaded.
    if (!(0,external_node_fs_.statSync)(file, { throwIfNoEntry: false }))
        throw new errors/* InputError */.dz(input, `${(0,errors/* describeValue */.bp)(file)} was not found`, `Create it (see the README) or set '${input}' to its path.`);
    const { readConfigFile } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(991)]).then(__webpack_require__.bind(__webpack_require__, 9991));
    return readConfigFile(file, input);
}

// EXTERNAL MODULE: ./packages/action-kit/src/parse.ts
var parse = __webpack_require__(5210);
;// CONCATENATED MODULE: ./packages/release/src/settings.ts
/** Target settings from action inputs, parsed by the same table as the config file. */



function parseSetting(name, raw, spec) {
    const kind = spec.kind;
    if (Array.isArray(kind))
        return (0,parse/* parseEnum */.nL)(name, raw, kind);
    switch (kind) {
        case 'bool':
            return (0,parse/* parseBool */.q6)(name, raw);
        case 'int':
            return (0,parse/* parseInt10 */.Gs)(name, raw, { min: 0 });
        case 'list':
            return (0,parse/* parseList */.E1)(raw);
        case 'url':
            return (0,parse/* parseUrl */.Dl)(name, raw).toString();
        case 'path':
            if (raw.includes('\0'))
                throw errors/* InputError */.dz.bad(name, raw, 'contains a NUL character');
            return raw;
        default:
            return raw;
    }
}
/**
 * Settings of a target type from raw values (action inputs): `base` (from the config file, or
 * the defaults) overridden by every non-empty value.
 */
function settingsFromInputs(type, read, base) {
    const specs = targets/* TARGET_SETTINGS */.sz[type];
    const settings = { ...base };
    for (const [name, spec] of Object.entries(specs)) {
        const raw = read(name);
        if (raw)
            settings[name] = parseSetting(name, raw, spec);
        else if (settings[name] === undefined && spec.default !== undefined)
            settings[name] = spec.default;
        if (spec.required && settings[name] === undefined)
            throw errors/* InputError */.dz.missing(name);
    }
    return settings;
}

// EXTERNAL MODULE: ./packages/version/src/index.ts + 4 modules
var src = __webpack_require__(6193);
;// CONCATENATED MODULE: ./packages/release/src/version.ts
/** The release version as every action resolves it: the `version` input, else detected. */

function resolveVersion(options) {
    const v = options.config?.version;
    return (0,src/* detectVersion */.cS)({
        version: options.version,
        tag: options.ref,
        sources: v?.sources,
        tagPrefix: v?.tagPrefix ?? 'v',
        requireMatch: v?.requireMatch ?? true,
        cwd: options.cwd,
    });
}
function toReleaseVersion(detected) {
    return {
        version: detected.version,
        semver: (0,src/* parseSemVer */.IX)(detected.version),
        tag: detected.tag,
        pep440: detected.pep440,
    };
}

// EXTERNAL MODULE: ./packages/action-kit/src/secrets.ts
var secrets = __webpack_require__(5736);
// EXTERNAL MODULE: ./packages/publishers/src/index.ts
var publishers_src = __webpack_require__(1699);
;// CONCATENATED MODULE: ./packages/release/src/publish-target.ts
/**
 * Publish one target: resolve its credential, load its publisher, run it, and turn whatever
 * happens into an outcome the report can show. Shared by the publish actions, the orchestrator
 * and the CLI.
 */





/** The credential for a target: explicit, else `token-env`, else the type's default variables. */
function resolveToken(type, settings, env, explicit) {
    if (explicit)
        return explicit;
    const names = settings['token-env'] ? [String(settings['token-env'])] : targets/* DEFAULT_TOKEN_ENV */.AN[type];
    for (const name of names) {
        const value = env[name]?.trim();
        if (value) {
            (0,secrets/* addSecret */.Ck)(value);
            return (0,parse/* parseToken */.pI)(name, value);
        }
    }
    return undefined;
}
async function publishTarget(request) {
    const started = Date.now();
    const deferred = [];
    const base = { target: request.target, type: request.type, version: request.version.version };
    try {
        const token = resolveToken(request.type, request.settings, request.env, request.token);
        const publisher = await (0,publishers_src.loadPublisher)(request.type);
        const context = {
            target: request.target,
            version: request.version,
            force: request.force,
            dryRun: request.dryRun,
            workspace: request.workspace,
            tempDir: request.tempDir,
            env: request.env,
            reporter: request.reporter,
            http: request.http,
            token,
            defer: (fn) => deferred.push(fn),
        };
        const result = await publisher.publish(request.settings, context);
        return { ...base, ...result, notes: result.notes ?? [], durationMs: Date.now() - started };
    }
    catch (caught) {
        request.reporter.debug((0,secrets/* redact */.E$)(caught instanceof Error && caught.stack ? caught.stack : String(caught)));
        return {
            ...base,
            status: 'failed',
            notes: [],
            error: (0,secrets/* redact */.E$)((0,errors/* userMessage */.Rq)(caught)),
            userError: (0,errors/* isUserError */.iU)(caught),
            durationMs: Date.now() - started,
        };
    }
    finally {
        for (const fn of deferred.reverse()) {
            try {
                await fn();
            }
            catch (caught) {
                request.reporter.warning(`${request.target}: cleanup failed: ${(0,secrets/* redact */.E$)((0,errors/* errorMessage */.gJ)(caught))}`);
            }
        }
    }
}

;// CONCATENATED MODULE: ./packages/registries/src/index.ts
/** Lazy: a registry's code is loaded only when one of its targets is checked. */
const REGISTRY_LOADERS = {
    npm: () => __webpack_require__.e(/* import() */ 152).then(__webpack_require__.bind(__webpack_require__, 152)),
    pypi: () => Promise.all(/* import() */[__webpack_require__.e(292), __webpack_require__.e(353)]).then(__webpack_require__.bind(__webpack_require__, 353)),
    crates: () => Promise.all(/* import() */[__webpack_require__.e(292), __webpack_require__.e(41)]).then(__webpack_require__.bind(__webpack_require__, 3041)),
    docker: () => __webpack_require__.e(/* import() */ 513).then(__webpack_require__.bind(__webpack_require__, 8513)),
    'github-release': () => __webpack_require__.e(/* import() */ 86).then(__webpack_require__.bind(__webpack_require__, 1086)),
    flatpak: () => Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(724)]).then(__webpack_require__.bind(__webpack_require__, 5724)),
};
async function loadRegistry(type) {
    const loader = REGISTRY_LOADERS[type];
    if (!loader)
        throw new Error(`no registry client for type ${type}`);
    return loader();
}

;// CONCATENATED MODULE: ./packages/release/src/check.ts
/**
 * Where every target stands for a version: one concurrent pass over the registries. A registry
 * that cannot be reached is `unknown`, never "not published" (that would trigger a duplicate
 * publish).
 */







/**
 * `type:name` lines (check-published's `targets` input), each optionally followed by a space
 * and the registry's URL (`npm:left-pad http://127.0.0.1:4873/`), for private or local ones.
 */
function parseTargetLines(lines, input = 'targets') {
    return lines.map((line) => {
        const [spec, registry, ...rest] = line.trim().split(/\s+/);
        const at = spec.indexOf(':');
        const type = at > 0 ? spec.slice(0, at) : '';
        const name = at > 0 ? spec.slice(at + 1) : '';
        if (!(0,targets/* isTargetType */.oB)(type))
            throw errors/* InputError */.dz.bad(input, line, 'is not a type:name line with a known type', `Use e.g. npm:my-package; types: ${targets/* TARGET_TYPES */.oG.join(', ')}.`);
        if (!name || rest.length)
            throw errors/* InputError */.dz.bad(input, line, 'is not "type:name" or "type:name URL"', 'Use e.g. npm:my-package.');
        if (registry)
            (0,parse/* parseUrl */.Dl)(input, registry);
        return { target: `${type}:${name}`, type, name, registry };
    });
}
/** The registry identity of each config target (package name from package.json, image...). */
async function targetsFromConfig(targets, cwd, env) {
    return Promise.all(targets.map(async (t) => {
        const registry = await loadRegistry(t.type);
        const identity = registry.identify(t.settings, cwd);
        return {
            target: t.name,
            type: t.type,
            name: identity.name,
            registry: identity.registry ?? t.settings.registry,
            settings: identity.target,
            token: resolveToken(t.type, t.settings, env),
            username: t.settings.username ?? env.DOCKER_USERNAME,
        };
    }));
}
async function checkOne(target, version, options) {
    const started = Date.now();
    const base = { target: target.target, type: target.type, name: target.name, version };
    let registry = target.registry ?? '';
    try {
        const module = await loadRegistry(target.type);
        const client = module.createClient(target.name, {
            http: options.http,
            registry: target.registry,
            token: target.token,
            username: target.username,
            reporter: options.reporter,
            env: options.env,
            target: target.settings,
        });
        registry = client.registry;
        const [published, latest] = await Promise.all([client.exists(version), client.latest()]);
        return {
            ...base,
            registry,
            published,
            latest,
            url: published ? client.url(version) : undefined,
            durationMs: Date.now() - started,
        };
    }
    catch (caught) {
        const error = (0,secrets/* redact */.E$)((0,errors/* errorMessage */.gJ)(caught));
        options.reporter.warning(`${target.target}: could not tell whether ${version} is published (${error}); treating it as unknown.`);
        return { ...base, registry, published: 'unknown', error, durationMs: Date.now() - started };
    }
}
function checkTargets(targets, version, options) {
    return Promise.all(targets.map((t) => checkOne(t, version, options)));
}
/** One spelling per version across ecosystems (PyPI's 1.2.3rc1 is npm's 1.2.3-rc.1). */
function canonical(version) {
    const semver = (0,src/* parseSemVer */.IX)(version);
    const pep = semver ? (0,src/* toPep440 */.tj)(semver) : version;
    return (pep && (0,src/* normalizePep440 */.ZD)(pep)) ?? version;
}
/** Whether the targets' latest versions differ (targets with none, or unknown, are left out). */
function hasDrift(results) {
    const latest = new Set(results.filter((r) => r.latest).map((r) => canonical(r.latest)));
    return latest.size > 1;
}

;// CONCATENATED MODULE: ./packages/release/src/plan.ts
/**
 * The plan of a release: which targets are selected (`platforms`), which already have the
 * version (skipped unless forced), and the matrix a workflow's `strategy.matrix` consumes.
 */

/**
 * `all`, `tier1`/`tier2`/..., or target names (any mix, comma or newline separated). An
 * unknown name is an error naming the input, listing the targets there are.
 */
function selectTargets(config, platforms, input = 'platforms') {
    if (!platforms.length || platforms.includes('all'))
        return config.targets;
    const chosen = new Set();
    for (const item of platforms) {
        const tier = /^tier([1-9]\d?)$/.exec(item);
        if (tier) {
            const n = Number(tier[1]);
            if (!config.tiers.has(n))
                throw errors/* InputError */.dz.bad(input, item, `names a tier that ${config.file} does not define`, `Tiers: ${[...config.tiers.keys()].map((t) => `tier${t}`).join(', ')}.`);
            for (const t of config.targets)
                if (t.tier === n)
                    chosen.add(t.name);
        }
        else if (config.targets.some((t) => t.name === item))
            chosen.add(item);
        else
            throw errors/* InputError */.dz.bad(input, item, `is not a target of ${config.file}`, `Use all, tier1, tier2, tier3 or target names: ${config.targets.map((t) => t.name).join(', ')}.`);
    }
    return config.targets.filter((t) => chosen.has(t.name));
}
function planEntries(targets, version, checks, force) {
    return targets.map((t) => {
        const check = checks?.find((c) => c.target === t.name);
        const base = { target: t.name, type: t.type, tier: t.tier, policy: t.policy, version };
        if (!check)
            return { ...base, skip: false, reason: 'not checked' };
        if (check.published === 'unknown')
            return {
                ...base,
                skip: false,
                reason: `state unknown (${check.error ?? 'no answer'}); the publisher checks again`,
            };
        if (check.published && force)
            return { ...base, skip: false, reason: 'published; force republishes where the registry allows it' };
        if (check.published)
            return { ...base, skip: true, reason: `${version} is already published` };
        return { ...base, skip: false, reason: `${version} is not published yet` };
    });
}

;// CONCATENATED MODULE: ./packages/release/src/orchestrate.ts




const ANNOUNCE = {
    required: 'error',
    'best-effort': 'warning',
    experimental: 'notice',
};
async function runTier(targets, checks, options) {
    const version = toReleaseVersion(options.version);
    const one = async (t) => {
        const check = checks.find((c) => c.target === t.name);
        if (check?.published === true && !options.force) {
            // Already there: no need to even load the publisher.
            return {
                target: t.name,
                type: t.type,
                tier: t.tier,
                policy: t.policy,
                status: 'skipped',
                version: version.version,
                url: check.url,
                notes: [`${version.version} is already published`],
                durationMs: 0,
            };
        }
        const outcome = await options.reporter.group(`${t.name}: publish ${version.version}`, () => publishTarget({
            target: t.name,
            type: t.type,
            settings: t.settings,
            version,
            force: options.force,
            dryRun: options.dryRun,
            workspace: options.workspace,
            tempDir: options.tempDir,
            env: options.env,
            reporter: options.reporter,
            http: options.http,
        }));
        return { ...outcome, tier: t.tier, policy: t.policy };
    };
    if (!options.sequential)
        return Promise.all(targets.map(one));
    const out = [];
    for (const t of targets)
        out.push(await one(t));
    return out;
}
function cancelled(t, version, reason) {
    return {
        target: t.name,
        type: t.type,
        tier: t.tier,
        policy: t.policy,
        status: 'cancelled',
        version,
        notes: [reason],
        durationMs: 0,
    };
}
async function release(options) {
    const started = Date.now();
    const { reporter } = options;
    const version = options.version.version;
    const selected = selectTargets(options.config, options.platforms);
    const identities = await targetsFromConfig(selected, options.workspace, options.env);
    const checkOptions = { http: options.http, reporter, env: options.env };
    const checks = await reporter.group(`Check ${selected.length} target(s) for ${version}`, () => checkTargets(identities, version, checkOptions));
    const tiers = [...new Set(selected.map((t) => t.tier))].sort((a, b) => a - b);
    const reports = [];
    let stoppedBy;
    for (const tier of tiers) {
        const inTier = selected.filter((t) => t.tier === tier);
        if (stoppedBy) {
            reports.push(...inTier.map((t) => cancelled(t, version, `not started: ${stoppedBy}`)));
            continue;
        }
        const results = await runTier(inTier, checks, options);
        reports.push(...results);
        for (const r of results.filter((r) => r.status === 'failed')) {
            reporter[ANNOUNCE[r.policy]](`${r.target} (tier ${r.tier}, ${r.policy}): ${r.error}`);
            if (r.policy === 'required')
                stoppedBy ??= `required target ${r.target} failed in tier ${r.tier}`;
        }
    }
    const requiredFailed = reports.some((r) => r.policy === 'required' && (r.status === 'failed' || r.status === 'cancelled'));
    const otherFailed = reports.some((r) => r.status === 'failed' || r.status === 'cancelled');
    let status = requiredFailed ? 'failure' : otherFailed ? 'partial' : 'success';
    // After publishing, ask again so drift reflects what the registries now say.
    const publishedNow = reports.some((r) => r.status === 'published');
    const finalChecks = publishedNow ? await checkTargets(identities, version, checkOptions) : checks;
    let deploy;
    if (options.config.deploy && options.rollout && status !== 'failure' && !options.dryRun) {
        deploy = await reporter.group('Deploy', options.rollout);
        if (!deploy.healthy)
            status = 'failure';
    }
    return {
        version,
        status,
        targets: reports,
        checks: finalChecks,
        drift: hasDrift(finalChecks),
        deploy,
        durationMs: Date.now() - started,
    };
}

// EXTERNAL MODULE: ./packages/action-kit/src/summary.ts
var summary = __webpack_require__(6813);
;// CONCATENATED MODULE: ./packages/release/src/report.ts
/** The release report as a job summary (markdown) and as the `results` JSON. */

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
function reportMarkdown(report) {
    const latest = new Map(report.checks.map((c) => [c.target, c.latest]));
    const rows = report.targets.map((t) => [
        t.target,
        t.tier,
        t.policy,
        t.status + (t.error ? `: ${t.error}` : ''),
        t.version,
        latest.get(t.target) ?? '-',
        (0,summary/* link */.nf)(t.url ? 'open' : '', t.url),
        seconds(t.durationMs),
    ]);
    let md = `### Release ${report.version}: ${report.status}\n\n`;
    md += (0,summary/* markdownTable */.Qj)(['target', 'tier', 'policy', 'status', 'version', 'latest there', 'link', 'time'], rows);
    if (report.drift)
        md += `\n**Drift:** the targets' latest versions differ (see "latest there").\n`;
    if (report.deploy) {
        const d = report.deploy;
        md += `\n#### Deploy\n\n${d.healthy ? 'healthy' : 'unhealthy'}: active ${d.active} (previous ${d.previous})${d.rolledBack ? ', rolled back' : ''}. ${d.reason}\n`;
    }
    md += `\nTotal ${seconds(report.durationMs)}.\n`;
    return md;
}
function resultsJson(report) {
    return Object.fromEntries(report.targets.map((t) => [
        t.target,
        {
            type: t.type,
            tier: t.tier,
            policy: t.policy,
            status: t.status,
            version: t.version,
            url: t.url ?? null,
            digest: t.digest ?? null,
            'duration-ms': t.durationMs,
            error: t.error ?? null,
        },
    ]));
}

;// CONCATENATED MODULE: ./packages/release/src/index.ts












/***/ }),

/***/ 87:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AN: () => (/* binding */ DEFAULT_TOKEN_ENV),
/* harmony export */   X5: () => (/* binding */ TARGET_KEYS),
/* harmony export */   oB: () => (/* binding */ isTargetType),
/* harmony export */   oG: () => (/* binding */ TARGET_TYPES),
/* harmony export */   sz: () => (/* binding */ TARGET_SETTINGS)
/* harmony export */ });
/**
 * The target types and the settings each accepts. One table serves both sources of settings:
 * a target in the config file, and the inputs of the `publish-*` actions (same names).
 */
const TARGET_TYPES = ['npm', 'pypi', 'crates', 'docker', 'github-release', 'flatpak'];
const common = {
    registry: { kind: 'url', description: "The registry's base URL; defaults to the public registry." },
    'token-env': { kind: 'string', description: 'The environment variable that holds the credential.' },
};
const TARGET_SETTINGS = {
    npm: {
        ...common,
        path: {
            kind: 'path',
            description: 'Folder of the package.json to publish (or of the workspace root).',
            default: '.',
        },
        'dist-tag': {
            kind: 'string',
            description: '`auto`: latest only for the highest stable, `next` for prereleases, `vN-latest` / `vN.M-latest` for older lines; else the tag to use.',
            default: 'auto',
        },
        access: { kind: ['public', 'restricted'], description: 'Access level of a scoped package.' },
        provenance: {
            kind: ['auto', 'true', 'false'],
            description: '`auto`: on in GitHub Actions with id-token: write.',
            default: 'auto',
        },
        workspaces: {
            kind: 'bool',
            description: 'Publish every workspace package in dependency order.',
            default: false,
        },
    },
    pypi: {
        ...common,
        dist: { kind: 'list', description: 'Globs of the wheels and sdists to upload.', default: ['dist/*'] },
        package: { kind: 'string', description: "The project name; defaults to the distributions' metadata." },
        'repository-url': {
            kind: 'url',
            description: 'The upload endpoint; defaults to https://upload.pypi.org/legacy/ for pypi.org, else <registry>/legacy/.',
        },
    },
    crates: {
        ...common,
        // A string, not a url: cargo spells sparse indexes `sparse+https://...`; crates.ts validates it.
        registry: {
            kind: 'string',
            description: 'The sparse index (sparse+https://host/index/ or https://host/index/); defaults to crates.io.',
        },
        manifest: {
            kind: 'path',
            description: 'Path to the Cargo.toml of the crate or workspace.',
            default: 'Cargo.toml',
        },
        package: {
            kind: 'list',
            description: 'Crates of a workspace to publish; defaults to every publishable one.',
        },
        'registry-name': { kind: 'string', description: 'Name of an alternate registry (cargo --registry).' },
        'index-timeout': {
            kind: 'string',
            description: 'How long to wait for a crate to appear in the index.',
            default: '5m',
        },
        verify: {
            kind: 'bool',
            description: 'Build the packaged crate before uploading, as cargo publish does (false: --no-verify).',
            default: true,
        },
        'allow-dirty': {
            kind: 'bool',
            description: 'Publish even when the git working tree has uncommitted changes (cargo --allow-dirty).',
            default: false,
        },
    },
    docker: {
        ...common,
        registry: {
            kind: 'url',
            description: "Where the image's registry is reached instead of the host in `image`, e.g. http://127.0.0.1:5000 (loopback hosts use http by themselves).",
        },
        image: {
            kind: 'string',
            description: 'The image name, e.g. docker.io/acme/app or ghcr.io/acme/app.',
            required: true,
        },
        source: {
            kind: 'string',
            description: 'Promote this already-pushed image (repo:tag or repo@digest) instead of building.',
        },
        context: { kind: 'path', description: 'Build context (build mode).' },
        file: { kind: 'path', description: 'Dockerfile (build mode).' },
        platforms: { kind: 'list', description: 'Target platforms for a multi-arch build (buildx).' },
        'build-args': { kind: 'list', description: 'NAME=value build arguments.' },
        tags: {
            kind: 'list',
            description: '`auto` (X.Y.Z; X.Y, X and latest while highest in their line) and/or templates: {{version}}, {{major}}.{{minor}}, {{major}}, latest, literal tags.',
            default: ['auto'],
        },
        username: { kind: 'string', description: 'Registry user name; defaults to $DOCKER_USERNAME.' },
    },
    'github-release': {
        ...common,
        repository: { kind: 'string', description: 'owner/name; defaults to the workflow repository.' },
        assets: { kind: 'list', description: 'Globs of files to attach.' },
        checksums: { kind: 'bool', description: 'Attach a SHA256SUMS file.', default: true },
        draft: { kind: 'bool', description: 'Create the release as a draft.', default: false },
        prerelease: {
            kind: ['auto', 'true', 'false'],
            description: '`auto`: from the version.',
            default: 'auto',
        },
        'make-latest': {
            kind: ['auto', 'true', 'false'],
            description: '`auto`: only for the highest stable.',
            default: 'auto',
        },
        body: { kind: 'string', description: 'Release notes; generated when neither body nor body-file is set.' },
        'body-file': { kind: 'path', description: 'A file with the release notes.' },
    },
    flatpak: {
        ...common,
        registry: {
            kind: 'url',
            description: 'flat-manager mode: the flat-manager base URL (required). Version checks read <registry>/api/v2/appstream/<app-id>; default https://flathub.org.',
        },
        manifest: {
            kind: 'path',
            description: 'The flatpak-builder manifest (YAML or JSON), inside the workspace.',
            required: true,
        },
        mode: {
            kind: ['bundle', 'flat-manager', 'flathub-pr'],
            description: "`bundle`: attach <app-id>-<version>.flatpak to the GitHub release; `flat-manager`: push the build to `registry`; `flathub-pr`: open the version's pull request on the Flathub repository.",
            default: 'bundle',
        },
        'app-id': { kind: 'string', description: 'The application id; defaults to the manifest.' },
        repository: {
            kind: 'string',
            description: 'bundle: the GitHub repository whose release gets the .flatpak (default: this repository); flathub-pr: the Flathub repository (default: flathub/<app-id>).',
        },
        'flat-manager-repo': {
            kind: 'string',
            description: 'flat-manager: the repository name.',
            default: 'stable',
        },
        branch: {
            kind: 'string',
            description: 'The Flatpak branch, unless the manifest sets `branch`.',
            default: 'stable',
        },
    },
};
/** Keys every target has, outside its settings. */
const TARGET_KEYS = ['name', 'type', 'tier'];
/** The environment variables that hold credentials by default. */
const DEFAULT_TOKEN_ENV = {
    npm: ['NPM_TOKEN', 'NODE_AUTH_TOKEN'],
    pypi: ['PYPI_TOKEN', 'PYPI_API_TOKEN'],
    crates: ['CARGO_REGISTRY_TOKEN'],
    docker: ['DOCKER_PASSWORD'],
    'github-release': ['GITHUB_TOKEN'],
    flatpak: ['FLAT_MANAGER_TOKEN', 'GITHUB_TOKEN'],
};
const isTargetType = (value) => TARGET_TYPES.includes(value);


/***/ })

};
