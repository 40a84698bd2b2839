export const id = 772;
export const ids = [772,699];
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
    pypi: () => __webpack_require__.e(/* import() */ 30).then(__webpack_require__.bind(__webpack_require__, 5030)),
    crates: () => __webpack_require__.e(/* import() */ 933).then(__webpack_require__.bind(__webpack_require__, 8933)),
    docker: () => Promise.all(/* import() */[__webpack_require__.e(513), __webpack_require__.e(121)]).then(__webpack_require__.bind(__webpack_require__, 2121)),
    'github-release': () => __webpack_require__.e(/* import() */ 690).then(__webpack_require__.bind(__webpack_require__, 8690)),
    flatpak: () => Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(690), __webpack_require__.e(454)]).then(__webpack_require__.bind(__webpack_require__, 3454)),
};
async function loadPublisher(type) {
    const loader = PUBLISHER_LOADERS[type];
    if (!loader)
        throw new Error(`no publisher for type ${type}`);
    return loader();
}


/***/ }),

/***/ 2772:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_CONFIG_FILE: () => (/* reexport */ DEFAULT_CONFIG_FILE),
  DEFAULT_TIERS: () => (/* reexport */ DEFAULT_TIERS),
  DEFAULT_TOKEN_ENV: () => (/* reexport */ DEFAULT_TOKEN_ENV),
  HEALTH_KEYS: () => (/* reexport */ HEALTH_KEYS),
  POLICIES: () => (/* reexport */ POLICIES),
  ROUTER_KEYS: () => (/* reexport */ ROUTER_KEYS),
  TARGET_KEYS: () => (/* reexport */ TARGET_KEYS),
  TARGET_SETTINGS: () => (/* reexport */ TARGET_SETTINGS),
  TARGET_TYPES: () => (/* reexport */ TARGET_TYPES),
  checkTargets: () => (/* reexport */ checkTargets),
  describeFailure: () => (/* reexport */ describeFailure),
  hasDrift: () => (/* reexport */ hasDrift),
  isTargetType: () => (/* reexport */ isTargetType),
  loadConfig: () => (/* reexport */ loadConfig),
  parseConfig: () => (/* reexport */ parseConfig),
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

;// CONCATENATED MODULE: ./packages/release/src/targets.ts
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

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./packages/action-kit/src/errors.ts
var errors = __webpack_require__(8826);
// EXTERNAL MODULE: ./packages/action-kit/src/parse.ts
var parse = __webpack_require__(5210);
// EXTERNAL MODULE: ./packages/version/src/index.ts + 4 modules
var src = __webpack_require__(6193);
;// CONCATENATED MODULE: ./packages/release/src/config.ts
/**
 * The config file (default .github/deploy-actions.yml): parsed with line numbers and checked
 * against the schema before anything runs. Every mistake names the file, the line and the key.
 */






const POLICIES = ['required', 'best-effort', 'experimental'];
const DEFAULT_CONFIG_FILE = '.github/deploy-actions.yml';
const MAX_CONFIG_BYTES = 1024 * 1024;
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
        throw new errors/* ConfigError */.xL(this.file, this.line(node), key, message, hint);
    }
    /** The pairs of a mapping, with unknown keys refused. */
    entries(node, key, allowed) {
        if (!(0,dist/* isMap */.jh)(node))
            this.fail(node, key, 'must be a mapping');
        const out = [];
        const seen = new Set();
        for (const pair of node.items) {
            const name = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : '';
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
        if (!(0,dist/* isScalar */.jn)(node) || node.value === null || typeof node.value === 'object')
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
            this.fail(node, key, `${(0,errors/* describeValue */.bp)(value)} is not true or false`);
        return value;
    }
    int(node, key, min = 0, max = 1e9) {
        const value = this.scalar(node, key);
        if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
            this.fail(node, key, `${(0,errors/* describeValue */.bp)(value)} is not a whole number from ${min} to ${max}`);
        return value;
    }
    list(node, key) {
        if ((0,dist/* isSeq */.oP)(node))
            return node.items.map((item, i) => this.string(item, `${key}[${i}]`));
        return [this.string(node, key)];
    }
    /** Run a value parser shared with the action inputs, turning its InputError into a located ConfigError. */
    check(node, key, parse) {
        try {
            return parse();
        }
        catch (caught) {
            if (caught instanceof errors/* InputError */.dz)
                this.fail(node, key, caught.message.replace(/^Invalid input '[^']*': /, ''), caught.hint);
            throw caught;
        }
    }
    setting(node, key, spec) {
        const kind = spec.kind;
        if (Array.isArray(kind)) {
            const value = String(this.scalar(node, key));
            if (!kind.includes(value))
                this.fail(node, key, `${(0,errors/* describeValue */.bp)(value)} is not one of ${kind.join(', ')}`);
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
                return this.check(node, key, () => (0,parse/* parseUrl */.Dl)(key, value).toString());
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
        if (!POLICIES.includes(policy))
            r.fail(value, `tiers.${key}`, `${(0,errors/* describeValue */.bp)(policy)} is not a policy`, `Use one of: ${POLICIES.join(', ')}.`);
        tiers.set(Number(key), policy);
    }
    return tiers;
}
function parseTarget(r, node, index, tiers) {
    const where = `targets[${index}]`;
    if (!(0,dist/* isMap */.jh)(node))
        r.fail(node, where, 'must be a mapping with name, type and tier');
    const typeNode = node.items.find((p) => (0,dist/* isScalar */.jn)(p.key) && p.key.value === 'type');
    if (!typeNode)
        r.fail(node, `${where}.type`, 'is missing', `Use one of: ${TARGET_TYPES.join(', ')}.`);
    const type = r.string(typeNode.value, `${where}.type`);
    if (!isTargetType(type))
        r.fail(typeNode.value, `${where}.type`, `${(0,errors/* describeValue */.bp)(type)} is not a target type`, `Use one of: ${TARGET_TYPES.join(', ')}.`);
    const specs = TARGET_SETTINGS[type];
    const entries = r.entries(node, where, ['name', 'type', 'tier', ...Object.keys(specs)]);
    const get = (key) => entries.find((e) => e.key === key);
    const nameEntry = get('name');
    if (!nameEntry)
        r.fail(node, `${where}.name`, 'is missing');
    const name = r.string(nameEntry.value, `${where}.name`);
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(name))
        r.fail(nameEntry.value, `${where}.name`, `${(0,errors/* describeValue */.bp)(name)} is not a usable target name`, 'Use letters, digits, ., _ and -.');
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
    const entries = r.entries(node, 'deploy', DEPLOY_KEYS);
    const get = (key) => entries.find((e) => e.key === key)?.value ?? null;
    const strategy = get('strategy') ? r.string(get('strategy'), 'deploy.strategy') : 'blue-green';
    if (strategy !== 'blue-green' && strategy !== 'canary')
        r.fail(get('strategy'), 'deploy.strategy', `${(0,errors/* describeValue */.bp)(strategy)} is not blue-green or canary`);
    const router = {};
    for (const { key, value } of r.entries(get('router'), 'deploy.router', ROUTER_KEYS))
        router[key] = r.string(value, `deploy.router.${key}`);
    if (!router.type)
        r.fail(get('router'), 'deploy.router.type', 'is missing', 'Use nginx, kubernetes, symlink or command.');
    if (!['nginx', 'kubernetes', 'symlink', 'command'].includes(router.type))
        r.fail(get('router'), 'deploy.router.type', `${(0,errors/* describeValue */.bp)(router.type)} is not a router`, 'Use nginx, kubernetes, symlink or command.');
    let steps = [100];
    const stepsNode = get('steps');
    if (stepsNode) {
        if (!(0,dist/* isSeq */.oP)(stepsNode))
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
        r.check(get('step-interval'), 'deploy.step-interval', () => (0,parse/* parseDuration */.E9)('step-interval', stepInterval));
    const health = {};
    if (get('health')) {
        for (const { key, value } of r.entries(get('health'), 'deploy.health', HEALTH_KEYS)) {
            const path = `deploy.health.${key}`;
            if (key === 'url' || key === 'expect-status') {
                health[key] = r.list(value, path);
                if (key === 'url')
                    for (const u of health[key])
                        r.check(value, path, () => (0,parse/* parseUrl */.Dl)(key, u));
                continue;
            }
            const text = r.string(value, path);
            if (['interval', 'timeout', 'window', 'max-p95'].includes(key))
                r.check(value, path, () => (0,parse/* parseDuration */.E9)(key, text));
            if (key === 'max-error-rate')
                r.check(value, path, () => (0,parse/* parsePercent */.lo)(key, text));
            if (key === 'prometheus-url')
                r.check(value, path, () => (0,parse/* parseUrl */.Dl)(key, text));
            health[key] = text;
        }
    }
    const rollback = get('rollback') ? r.string(get('rollback'), 'deploy.rollback') : 'auto';
    if (rollback !== 'auto' && rollback !== 'manual')
        r.fail(get('rollback'), 'deploy.rollback', `${(0,errors/* describeValue */.bp)(rollback)} is not auto or manual`);
    return { strategy, router, steps, stepInterval, health, rollback };
}
function parseConfig(text, file) {
    const lines = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length) {
        const e = doc.errors[0];
        throw new errors/* ConfigError */.xL(file, lines.linePos(e.pos[0]).line, undefined, `is not valid YAML: ${e.message.split('\n')[0]}`);
    }
    const r = new Reader(file, lines);
    try {
        // Resolving the document expands aliases; yaml refuses excessive alias expansion here.
        doc.toJS({ maxAliasCount: 50 });
    }
    catch (caught) {
        throw new errors/* ConfigError */.xL(file, undefined, undefined, `could not be read: ${caught.message}`, 'Remove the YAML aliases.');
    }
    const root = doc.contents;
    if (!root)
        throw new errors/* ConfigError */.xL(file, 1, undefined, 'is empty', 'Add a targets: list.');
    const entries = r.entries(root, '', ['version', 'tiers', 'targets', 'deploy']);
    const get = (key) => entries.find((e) => e.key === key)?.value ?? null;
    const version = { sources: [...src/* VERSION_SOURCES */.ex], tagPrefix: 'v', requireMatch: true };
    if (get('version')) {
        for (const { key, value } of r.entries(get('version'), 'version', [
            'sources',
            'tag-prefix',
            'require-match',
        ])) {
            if (key === 'sources') {
                const sources = r.list(value, 'version.sources');
                for (const s of sources)
                    if (!src/* VERSION_SOURCES */.ex.includes(s))
                        r.fail(value, 'version.sources', `${(0,errors/* describeValue */.bp)(s)} is not a version source`, `Use some of: ${src/* VERSION_SOURCES */.ex.join(', ')}.`);
                version.sources = sources;
            }
            else if (key === 'tag-prefix') {
                const prefix = r.string(value, 'version.tag-prefix');
                version.tagPrefix = r.check(value, 'version.tag-prefix', () => (0,src/* validateTagPrefix */.Rk)('tag-prefix', prefix));
            }
            else
                version.requireMatch = r.bool(value, 'version.require-match');
        }
    }
    const tiers = get('tiers') ? parseTiers(r, get('tiers')) : new Map(DEFAULT_TIERS);
    const targetsNode = get('targets');
    if (!targetsNode)
        r.fail(root, 'targets', 'is missing', 'List at least one target.');
    if (!(0,dist/* isSeq */.oP)(targetsNode))
        r.fail(targetsNode, 'targets', 'must be a list');
    const targets = [];
    targetsNode.items.forEach((item, i) => {
        const target = parseTarget(r, item, i, tiers);
        const twin = targets.find((t) => t.name === target.name);
        if (twin)
            r.fail(item, `targets[${i}].name`, `duplicate target name ${(0,errors/* describeValue */.bp)(target.name)} (first on line ${twin.line})`);
        targets.push(target);
    });
    const deploy = get('deploy') ? parseDeploy(r, get('deploy')) : undefined;
    return { file, version, tiers, targets, deploy };
}
/** Read and parse the config file, refusing what is missing, not a file, or too large. */
function loadConfig(file, input = 'config') {
    let size;
    try {
        const stat = (0,external_node_fs_.statSync)(file);
        if (!stat.isFile())
            throw new errors/* InputError */.dz(input, `${(0,errors/* describeValue */.bp)(file)} is not a file`);
        size = stat.size;
    }
    catch (caught) {
        if (caught instanceof errors/* InputError */.dz)
            throw caught;
        throw new errors/* InputError */.dz(input, `${(0,errors/* describeValue */.bp)(file)} was not found`, `Create it (see the README) or set '${input}' to its path.`);
    }
    if (size > MAX_CONFIG_BYTES)
        throw new errors/* ConfigError */.xL(file, undefined, undefined, `is ${size} bytes; the limit is 1 MiB`);
    return parseConfig((0,external_node_fs_.readFileSync)(file, 'utf8'), file);
}

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
    const specs = TARGET_SETTINGS[type];
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
    const names = settings['token-env'] ? [String(settings['token-env'])] : DEFAULT_TOKEN_ENV[type];
    for (const name of names) {
        const value = env[name]?.trim();
        if (value) {
            (0,secrets/* addSecret */.Ck)(value);
            return (0,parse/* parseToken */.pI)(name, value);
        }
    }
    return undefined;
}
function describeFailure(caught) {
    if ((0,errors/* isUserError */.iU)(caught))
        return caught.hint
            ? `${caught.message}${/[.!?]$/.test(caught.message) ? '' : '.'} ${caught.hint}`
            : caught.message;
    return (0,errors/* errorMessage */.gJ)(caught);
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
            error: (0,secrets/* redact */.E$)(describeFailure(caught)),
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
    pypi: () => __webpack_require__.e(/* import() */ 353).then(__webpack_require__.bind(__webpack_require__, 353)),
    crates: () => __webpack_require__.e(/* import() */ 41).then(__webpack_require__.bind(__webpack_require__, 3041)),
    docker: () => __webpack_require__.e(/* import() */ 513).then(__webpack_require__.bind(__webpack_require__, 8513)),
    'github-release': () => __webpack_require__.e(/* import() */ 86).then(__webpack_require__.bind(__webpack_require__, 1086)),
    flatpak: () => __webpack_require__.e(/* import() */ 724).then(__webpack_require__.bind(__webpack_require__, 5724)),
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
        if (!isTargetType(type))
            throw errors/* InputError */.dz.bad(input, line, 'is not a type:name line with a known type', `Use e.g. npm:my-package; types: ${TARGET_TYPES.join(', ')}.`);
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











/***/ })

};
