export const id = 121;
export const ids = [121];
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

/***/ 2121:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publish: () => (/* binding */ publish),
  rollback: () => (/* binding */ rollback)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./packages/action-kit/src/errors.ts
var errors = __webpack_require__(8826);
// EXTERNAL MODULE: ./packages/registries/src/oci-auth.ts
var oci_auth = __webpack_require__(3835);
// EXTERNAL MODULE: ./packages/registries/src/oci.ts + 1 modules
var oci = __webpack_require__(8513);
// EXTERNAL MODULE: ./packages/registries/src/oci-reference.ts
var oci_reference = __webpack_require__(5424);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./packages/action-kit/src/exec.ts
var exec = __webpack_require__(2692);
;// CONCATENATED MODULE: ./packages/publishers/src/docker-build.ts
/**
 * Build mode: build the image and push it as the version tag with the docker CLI, then the
 * other tags are added by the registry API (same manifest, same digest, no second push).
 * `docker buildx build --push` when buildx is there (multi-platform), else `docker build`
 * and `docker push`. Credentials go into a private DOCKER_CONFIG under the run's temp
 * folder (config.json, 0600), never into argv.
 */






/** Where the docker CLI pushes: the `registry` override's host, else the image's own. */
function cliReference(image, registry, tag) {
    const host = registry ? (0,oci_reference/* endpointHost */.GN)((0,oci_reference/* registryEndpoint */.Fh)(image.host, registry)) : image.host;
    return `${host}/${image.repository}:${tag}`;
}
/** The OCI annotation labels every built image carries. */
function ociLabels(version, env) {
    const labels = { 'org.opencontainers.image.version': version };
    if (env.GITHUB_SHA)
        labels['org.opencontainers.image.revision'] = env.GITHUB_SHA;
    if (env.GITHUB_REPOSITORY)
        labels['org.opencontainers.image.source'] =
            `${(env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')}/${env.GITHUB_REPOSITORY}`;
    return labels;
}
function commonBuildArgs(request) {
    const args = ['--file', request.build.file, '--tag', request.reference];
    for (const [key, value] of Object.entries(request.labels))
        args.push('--label', `${key}=${value}`);
    for (const arg of request.build.buildArgs)
        args.push('--build-arg', arg);
    return args;
}
/** `docker buildx build --push …`: multi-platform, pushed by BuildKit itself. */
function buildxArgv(request) {
    const args = ['buildx', 'build', '--push', ...commonBuildArgs(request)];
    if (request.build.platforms.length)
        args.push('--platform', request.build.platforms.join(','));
    args.push('--metadata-file', (0,external_node_path_.join)(request.tempDir, 'buildx-metadata.json'), request.build.context);
    return args;
}
/** `docker build …` then `docker push <ref>`: the classic builder, one platform. */
function classicArgv(request) {
    const { platforms } = request.build;
    if (platforms.length > 1)
        throw errors/* InputError */.dz.bad('platforms', platforms.join(','), 'needs docker buildx, which is not installed here', 'Install buildx (docker/setup-buildx-action), or build one platform.');
    const build = ['build', ...commonBuildArgs(request)];
    if (platforms.length)
        build.push('--platform', platforms[0]);
    build.push(request.build.context);
    return [build, ['push', request.reference]];
}
/** Whether the docker CLI has buildx (`docker buildx version` succeeds). */
async function hasBuildx(env) {
    try {
        return (await (0,exec/* exec */.m0)('docker', ['buildx', 'version'], { env, timeoutMs: 30_000 })).code === 0;
    }
    catch {
        return false;
    }
}
/** The key config.json uses for a registry host; Docker Hub keeps its historical one. */
function configKey(host) {
    return host === oci_reference/* DOCKER_HUB */.Xb ? 'https://index.docker.io/v1/' : host;
}
/**
 * A private DOCKER_CONFIG with the credentials for `host`. The user's own config (other
 * registries' inline auths, buildx builders, CLI plugins) is carried over, so a builder set
 * up by docker/setup-buildx-action still works; a credential store is dropped because it
 * would take precedence over the inline auth we write.
 */
function writeDockerConfig(dir, host, credentials, env) {
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true, mode: 0o700 });
    const original = env.DOCKER_CONFIG || (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.docker');
    let config = {};
    try {
        config = JSON.parse((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(original, 'config.json'), 'utf8'));
    }
    catch {
        // no readable config of the user's: start empty
    }
    delete config.credsStore;
    if (config.credHelpers)
        delete config.credHelpers[configKey(host)];
    config.auths = {
        ...config.auths,
        [configKey(host)]: {
            auth: Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64'),
        },
    };
    (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(dir, 'config.json'), JSON.stringify(config, null, 2), { mode: 0o600 });
    for (const shared of ['cli-plugins', 'buildx', 'contexts']) {
        const from = (0,external_node_path_.join)(original, shared);
        if ((0,external_node_fs_.existsSync)(from) && !(0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, shared)))
            (0,external_node_fs_.symlinkSync)(from, (0,external_node_path_.join)(dir, shared));
    }
    return dir;
}
async function run(args, env, reporter, host) {
    reporter.info(`docker ${args.join(' ')}`);
    try {
        await (0,exec/* execOk */.Oh)('docker', args, { env, onLine: (line) => reporter.info(line) });
    }
    catch (error) {
        if (error instanceof exec/* ExecError */.cI &&
            /unauthorized|authentication required|denied|403 Forbidden|401 Unauthorized/i.test(error.message))
            throw new errors/* RegistryError */.gl(host, `refused the push of ${args[args.length - 1]}: ${error.message.split('\n').pop()}`, 'Check username / DOCKER_USERNAME and DOCKER_PASSWORD: they need write access to this repository.');
        if (error.code === 'ENOENT')
            throw new errors/* InputError */.dz('context', 'build mode needs the docker CLI, which is not on PATH', 'Install docker, or promote an image built elsewhere with source.');
        throw error;
    }
}
/** Build and push the version tag. */
async function buildAndPush(request, env, reporter, host) {
    if (await hasBuildx(env)) {
        await run(buildxArgv(request), env, reporter, host);
        return 'buildx';
    }
    for (const args of classicArgv(request))
        await run(args, env, reporter, host);
    return 'docker';
}

// EXTERNAL MODULE: ./packages/registries/src/oci-manifests.ts
var oci_manifests = __webpack_require__(9215);
;// CONCATENATED MODULE: ./packages/registries/src/oci-copy.ts

/** Run `work` over `items`, at most `limit` at a time. */
async function eachLimited(items, limit, work) {
    let next = 0;
    const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
        while (next < items.length)
            await work(items[next++]);
    });
    await Promise.all(lanes);
}
function sameRepository(a, b) {
    return a.endpoint === b.endpoint && a.repository === b.repository;
}
/** Make `manifest` (from `source`) complete in `target`, except for its own tag. */
async function copyImageContent(manifest, options) {
    const stats = {
        manifests: 0,
        blobsMounted: 0,
        blobsUploaded: 0,
        blobsPresent: 0,
        bytesUploaded: 0,
    };
    if (sameRepository(options.source, options.target))
        return stats;
    await copyTree(manifest, options, stats, true);
    return stats;
}
async function copyTree(manifest, options, stats, top) {
    const { source, target } = options;
    if (!top && (await target.headManifest(manifest.digest)))
        return;
    if ((0,oci_manifests/* isIndex */.nw)(manifest)) {
        for (const child of (0,oci_manifests/* childManifests */.BI)(manifest)) {
            const childManifest = await source.getManifest(child.digest);
            if (!childManifest)
                throw new Error(`${source.registryName}: ${source.repository} lists ${child.digest} in its index but does not have it`);
            await copyTree(childManifest, options, stats, false);
        }
    }
    else {
        await eachLimited((0,oci_manifests/* referencedBlobs */.sW)(manifest), options.concurrency ?? 4, (blob) => copyBlob(blob, options, stats));
    }
    // Children go in by digest, before the index that names them (registries check that).
    if (!top) {
        await target.putManifest(manifest.digest, manifest);
        stats.manifests++;
    }
}
async function copyBlob(blob, options, stats) {
    const { source, target } = options;
    // A mount of a blob the target already has just answers 201: no need to ask first.
    if (options.sameRegistry && (await target.mountBlob(blob.digest, source.repository))) {
        stats.blobsMounted++;
        return;
    }
    if (await target.hasBlob(blob.digest)) {
        stats.blobsPresent++;
        return;
    }
    const data = await source.getBlob(blob.digest);
    await target.uploadBlob(blob.digest, data);
    stats.blobsUploaded++;
    stats.bytesUploaded += data.length;
    options.reporter?.debug(`copied ${blob.digest} (${data.length} bytes) to ${target.repository}`);
}

;// CONCATENATED MODULE: ./packages/publishers/src/docker-promote.ts
/**
 * Promote mode: an image already built and pushed (`source: repo:tag` or `repo@digest`, on
 * this registry or another) becomes the release, without a daemon and without a rebuild.
 * Its content (blobs, and every child manifest of a multi-arch index) is made present in the
 * target repository, then the exact manifest bytes are PUT under each tag, so every tag has
 * the source's digest.
 */



const shortDigest = (digest) => digest.replace(/^(sha256:[0-9a-f]{12})[0-9a-f]+$/, '$1');
/** The source's manifest, or a clear error when it is not there. */
async function readSource(source, ref) {
    const manifest = await source.getManifest(ref.digest ?? ref.tag);
    if (!manifest)
        throw new errors/* RegistryError */.gl(ref.host, `the source image ${(0,oci_reference/* formatReference */.FH)(ref)} was not found`, 'Push the image first (e.g. tagged with the commit SHA), or fix source.', 404);
    return manifest;
}
function describeCopy(stats) {
    const moved = stats.blobsMounted + stats.blobsUploaded;
    if (!moved && !stats.manifests)
        return undefined;
    return (`copied ${stats.manifests ? `${stats.manifests} platform manifest${stats.manifests === 1 ? '' : 's'} and ` : ''}` +
        `${moved} blob${moved === 1 ? '' : 's'} (${stats.blobsMounted} mounted, ${stats.blobsUploaded} uploaded, ${stats.blobsPresent} already there)`);
}
async function copyToTarget(manifest, source, target, sameRegistry, reporter) {
    const stats = await copyImageContent(manifest, { source, target, sameRegistry, reporter });
    return describeCopy(stats);
}
/**
 * PUT `manifest` under every tag of the plan this version gets, unless the tag already has
 * its digest. `known` holds digests already looked up (the version tag's). The version tag
 * goes first: the floating tags follow only once it is in place. Returns what moved.
 */
async function applyTags(target, manifest, plan, known, dryRun) {
    const point = async (tag) => {
        const head = known.has(tag) ? known.get(tag) : await target.headManifest(tag);
        if (head?.digest === manifest.digest)
            return undefined;
        if (!dryRun)
            await target.putManifest(tag, manifest);
        return { tag, from: head?.digest };
    };
    // One at a time: a manifest PUT rewrites the registry's link file for that digest, and
    // distribution's filesystem storage answers a concurrent read of it with a 500.
    const changes = [];
    for (const planned of plan.filter((p) => p.apply)) {
        const change = await point(planned.tag);
        if (change)
            changes.push(change);
    }
    return changes;
}
function describeChanges(changes, digest, dryRun) {
    return changes.map((c) => `${dryRun ? 'would tag' : 'tagged'} ${c.tag} -> ${shortDigest(digest)}${c.from ? ` (was ${shortDigest(c.from)})` : ''}`);
}
function describeHeldBack(plan) {
    return plan.filter((p) => !p.apply).map((p) => `kept ${p.tag} where it is: ${p.reason}`);
}

// EXTERNAL MODULE: ./packages/version/src/index.ts + 4 modules
var src = __webpack_require__(6193);
// EXTERNAL MODULE: ./packages/action-kit/src/parse.ts
var parse = __webpack_require__(5210);
// EXTERNAL MODULE: ./packages/action-kit/src/paths.ts
var paths = __webpack_require__(1985);
// EXTERNAL MODULE: ./packages/action-kit/src/secrets.ts
var secrets = __webpack_require__(5736);
;// CONCATENATED MODULE: ./packages/publishers/src/docker-tags.ts
/**
 * Which tags a version gets. `auto` is X.Y.Z always, and X.Y, X and `latest` only while this
 * version is the highest stable of that line among the registry's tags: a hotfix 1.1.5 after
 * 1.2.3 gets 1.1.5 and 1.1, never 1 or latest; a prerelease gets only its own tag. The same
 * rules hold for the templates `{{major}}`, `{{major}}.{{minor}}` and the literal `latest`;
 * any other template (`{{version}}-alpine`, `stable`) is pushed as written.
 */



const PLACEHOLDER = /\{\{\s*([a-z]+)\s*\}\}/g;
const KNOWN = ['version', 'major', 'minor', 'patch'];
function render(template, version) {
    const values = {
        version: (0,oci_reference/* versionTag */.Vm)(version.raw),
        major: String(version.major),
        minor: String(version.minor),
        patch: String(version.patch),
    };
    return template.replace(PLACEHOLDER, (_, name) => values[name]);
}
/** Check every template before anything is sent: unknown placeholders, tags Docker refuses. */
function validateTagTemplates(templates) {
    if (!templates.length)
        throw errors/* InputError */.dz.bad('tags', '', 'is empty', 'Use auto, or tag templates such as {{version}} and {{major}}.{{minor}}.');
    const sample = {
        raw: '10.20.30-rc.1',
        major: 10,
        minor: 20,
        patch: 30,
        prerelease: ['rc', '1'],
        build: [],
    };
    for (const template of templates) {
        if (template === 'auto')
            continue;
        for (const [, name] of template.matchAll(PLACEHOLDER))
            if (!KNOWN.includes(name))
                throw errors/* InputError */.dz.bad('tags', template, `uses the unknown placeholder {{${name}}}`, 'Use {{version}}, {{major}}, {{minor}} or {{patch}}.');
        if (!oci_reference/* TAG */.Dk.test(render(template, sample)))
            throw errors/* InputError */.dz.bad('tags', template, 'is not a valid Docker tag', 'A tag is 1-128 letters, digits, _, . or -, and does not start with . or -.');
    }
}
function ruleOf(template) {
    const compact = template.replace(/\s+/g, '');
    if (compact === '{{version}}')
        return 'version';
    if (compact === '{{major}}.{{minor}}')
        return 'minor';
    if (compact === '{{major}}')
        return 'major';
    if (compact === 'latest')
        return 'latest';
    return 'literal';
}
function decide(rule, version, published) {
    if (rule === 'version' || rule === 'literal')
        return { apply: true };
    if (!(0,src/* isStable */.MQ)(version))
        return { apply: false, reason: 'a prerelease takes only its own tag' };
    const line = rule === 'minor'
        ? (v) => v.major === version.major && v.minor === version.minor
        : rule === 'major'
            ? (v) => v.major === version.major
            : undefined;
    if ((0,src/* isHighestStable */.OO)(version, published, line))
        return { apply: true };
    const scope = rule === 'latest'
        ? 'the registry'
        : rule === 'major'
            ? `the ${version.major}.x line`
            : `the ${version.major}.${version.minor}.x line`;
    return { apply: false, reason: `a higher stable version is in ${scope}` };
}
/**
 * The tags for `version` given the templates and the tags the registry already has. The
 * version's own tag comes first and is always there: it is how a rerun knows the version
 * is published.
 */
function planTags(version, templates, publishedTags) {
    validateTagTemplates(templates);
    const expanded = [{ template: '{{version}}', auto: false }];
    for (const template of templates) {
        if (template !== 'auto')
            expanded.push({ template, auto: false });
        else
            for (const t of ['{{version}}', '{{major}}.{{minor}}', '{{major}}', 'latest'])
                expanded.push({ template: t, auto: true });
    }
    const plan = [];
    for (const { template, auto } of expanded) {
        const rule = ruleOf(template);
        // A bare `0` would promise a stable major line that 0.y.z does not have.
        if (auto && rule === 'major' && version.major === 0)
            continue;
        const tag = render(template, version);
        if (plan.some((p) => p.tag === tag))
            continue;
        plan.push({ tag, rule, ...decide(rule, version, publishedTags) });
    }
    return plan;
}

;// CONCATENATED MODULE: ./packages/publishers/src/docker-settings.ts
/**
 * A docker target's settings, read and checked before anything is sent: the image, the mode
 * (promote an existing image with `source`, or build with `context`/`file`), the tags, and
 * the credentials (username + password or token, never from the config file).
 */







const docker_settings_text = (value) => typeof value === 'string' && value.trim() ? value.trim() : undefined;
const list = (value) => Array.isArray(value)
    ? value
        .map(String)
        .map((v) => v.trim())
        .filter(Boolean)
    : typeof value === 'string'
        ? (0,parse/* parseList */.E1)(value)
        : [];
const BUILD_ARG = /^[A-Za-z_][A-Za-z0-9_]*=/;
const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/;
function readBuild(settings, workspace) {
    const context = (0,paths/* resolveInside */.L)(workspace, docker_settings_text(settings.context) ?? '.', 'context');
    const file = docker_settings_text(settings.file)
        ? (0,paths/* resolveInside */.L)(workspace, docker_settings_text(settings.file), 'file')
        : (0,paths/* resolveInside */.L)(context, 'Dockerfile', 'file');
    const platforms = list(settings.platforms);
    for (const platform of platforms)
        if (!PLATFORM.test(platform))
            throw errors/* InputError */.dz.bad('platforms', platform, 'is not a platform', 'Use os/arch[/variant], e.g. linux/amd64 or linux/arm/v7.');
    const buildArgs = list(settings['build-args']);
    for (const arg of buildArgs)
        if (!BUILD_ARG.test(arg))
            throw errors/* InputError */.dz.bad('build-args', arg.split('=')[0], 'is not NAME=value', 'Write each build argument as NAME=value.');
    return { context, file, platforms, buildArgs };
}
/**
 * The user name: the setting, else DOCKER_USERNAME; for ghcr.io also GITHUB_ACTOR, since
 * GHCR takes the workflow's GITHUB_TOKEN with the actor as user. A password without a user
 * (or the reverse) is a mistake worth stopping for.
 */
function readCredentials(settings, host, env, token) {
    const username = docker_settings_text(settings.username) ??
        docker_settings_text(env.DOCKER_USERNAME) ??
        (host === 'ghcr.io' ? docker_settings_text(env.GITHUB_ACTOR) : undefined);
    if (token && !username)
        throw errors/* InputError */.dz.missing('username', 'A password or token is set but no user name: set username or DOCKER_USERNAME.');
    if (username && !token && docker_settings_text(settings.username))
        throw errors/* InputError */.dz.missing('token', `username is '${username}' but no password was given: set DOCKER_PASSWORD or the token input.`);
    (0,secrets/* addSecret */.Ck)(token);
    return username && token ? { username, password: token } : undefined;
}
function readDockerSettings(settings, context, mode = 'publish') {
    const imageText = docker_settings_text(settings.image);
    if (!imageText)
        throw errors/* InputError */.dz.missing('image', 'Name the image to publish, e.g. docker.io/acme/app or ghcr.io/acme/app.');
    const image = (0,oci.parseImageName)(imageText, 'image');
    const tags = list(settings.tags);
    const result = {
        image,
        registry: docker_settings_text(settings.registry),
        tags: tags.length ? tags : ['auto'],
        credentials: readCredentials(settings, image.host, context.env, context.token),
    };
    validateTagTemplates(result.tags);
    if (mode === 'rollback')
        return result;
    const source = docker_settings_text(settings.source);
    if (source) {
        if (docker_settings_text(settings.context) || docker_settings_text(settings.file))
            throw errors/* InputError */.dz.bad('source', source, 'is set together with context/file', 'Either promote an existing image (source) or build one (context, file), not both.');
        result.source = (0,oci_reference/* parseImageReference */.o_)(source, 'source');
        if (!result.source.tag && !result.source.digest)
            throw errors/* InputError */.dz.bad('source', source, 'names neither a tag nor a digest', 'Name the image to promote exactly, e.g. ghcr.io/acme/app:sha-1234567 or …@sha256:….');
        if (result.source.host !== image.host) {
            const user = docker_settings_text(context.env.DOCKER_SOURCE_USERNAME);
            const password = docker_settings_text(context.env.DOCKER_SOURCE_PASSWORD);
            (0,secrets/* addSecret */.Ck)(password);
            result.sourceCredentials = user && password ? { username: user, password } : undefined;
        }
    }
    else if (docker_settings_text(settings.context) || docker_settings_text(settings.file)) {
        result.build = readBuild(settings, context.workspace);
    }
    else {
        throw errors/* InputError */.dz.missing('source', 'Set source (an image already pushed, to promote) or context (to build one).');
    }
    return result;
}

;// CONCATENATED MODULE: ./packages/publishers/src/docker-rollback.ts
/**
 * Rollback for images: the floating tags (latest, X, X.Y of the bad version, and any other
 * non-version tag of `tags`) that point at the bad version's digest are re-pointed at the
 * good version's manifest. Version tags are never touched: 1.3.0 stays 1.3.0 for whoever
 * pinned it, while `latest`, `1` and `1.3` resolve to the good image again.
 */







/** How many version tags to look at when finding which one `latest` is. */
const LATEST_SEARCH_LIMIT = 50;
/** The version `latest` points at: the highest stable version tag with the same digest. */
async function versionOfLatest(target, stableNewestFirst) {
    const latest = await target.headManifest('latest');
    if (!latest)
        return undefined;
    const newestFirst = stableNewestFirst.slice(0, LATEST_SEARCH_LIMIT);
    for (const v of newestFirst)
        if ((await target.headManifest((0,oci_reference/* versionTag */.Vm)(v.raw)))?.digest === latest.digest)
            return v;
    return undefined;
}
function pick(versions, wanted, input) {
    const parsed = (0,src/* parseSemVer */.IX)(wanted);
    if (!parsed)
        throw errors/* InputError */.dz.bad(input, wanted, 'is not a semantic version', 'Use e.g. 1.2.3.');
    const found = versions.find((v) => (0,src/* compareSemVer */.Cg)(v, parsed) === 0);
    if (!found)
        throw errors/* InputError */.dz.bad(input, wanted, 'has no tag in the image', 'Name a version the registry has.');
    return found;
}
const rollbackDocker = async (rawSettings, ctx) => {
    const settings = readDockerSettings(rawSettings, ctx, 'rollback');
    const name = (0,oci_reference/* imageName */.tO)(settings.image);
    const target = (0,oci.openRepository)(settings.image, {
        http: ctx.http,
        registry: settings.registry,
        credentials: settings.credentials,
        push: !ctx.dryRun,
    });
    const versions = (0,src/* parseAll */.bg)(await target.listTags());
    const stable = versions.filter(src/* isStable */.MQ).sort((a, b) => (0,src/* compareSemVer */.Cg)(b, a));
    const bad = ctx.badVersion
        ? pick(versions, ctx.badVersion, 'bad-version')
        : ((await versionOfLatest(target, stable)) ?? stable[0]);
    if (!bad)
        throw new errors/* RegistryError */.gl(settings.image.host, `${name} has no version tags to roll back from`);
    const to = ctx.toVersion
        ? pick(versions, ctx.toVersion, 'to-version')
        : stable.find((v) => (0,src/* compareSemVer */.Cg)(v, bad) < 0);
    if (!to)
        throw new errors/* RegistryError */.gl(settings.image.host, `${name} has no stable version below ${bad.raw} to roll back to`, 'Name one with to-version.');
    const badHead = await target.headManifest((0,oci_reference/* versionTag */.Vm)(bad.raw));
    const good = await target.getManifest((0,oci_reference/* versionTag */.Vm)(to.raw));
    if (!badHead || !good)
        throw new errors/* RegistryError */.gl(settings.image.host, `${name} lost a version tag while rolling back; nothing was changed`);
    // The floating tags the bad version took when it was published, plus `latest` in any case.
    // A tag that spells out the whole version (1.3.0-alpine) belongs to that version: left alone.
    const own = (0,oci_reference/* versionTag */.Vm)(bad.raw);
    const floating = new Set([
        'latest',
        ...planTags(bad, settings.tags, [])
            .filter((t) => t.rule !== 'version' && !t.tag.includes(own))
            .map((t) => t.tag),
    ]);
    const actions = [];
    for (const tag of floating) {
        const head = await target.headManifest(tag);
        if (head?.digest !== badHead.digest || head.digest === good.digest)
            continue;
        if (!ctx.dryRun)
            await target.putManifest(tag, good);
        actions.push(`docker: ${ctx.dryRun ? 'would move' : 'moved'} ${name}:${tag} ${bad.raw} (${shortDigest(badHead.digest)}) -> ${to.raw} (${shortDigest(good.digest)})`);
    }
    if (!actions.length)
        actions.push(`docker: no floating tag of ${name} pointed at ${bad.raw}; nothing to move`);
    for (const action of actions)
        ctx.reporter.info(action);
    return { rolledBackTo: to.raw, actions };
};

;// CONCATENATED MODULE: ./packages/publishers/src/docker.ts
/**
 * Docker / OCI publisher. Promote mode copies an already-pushed image (`source`) to the
 * version's tags through the registry API, daemonless; build mode builds and pushes with the
 * docker CLI, then adds the other tags through the API. Either way every tag of a release
 * carries the same manifest digest.
 *
 * Idempotent: when X.Y.Z already has the digest being published the version is `skipped`,
 * and only the floating tags this version should own (X.Y, X, latest) are re-pointed if
 * they are behind. X.Y.Z with another digest is an error unless `force`, which retags it.
 */










async function prepare(rawSettings, ctx) {
    const settings = readDockerSettings(rawSettings, ctx);
    const auth = new oci_auth/* RegistryAuth */.gr(ctx.http, settings.image.host, settings.credentials);
    const target = (0,oci.openRepository)(settings.image, {
        http: ctx.http,
        registry: settings.registry,
        auth,
        push: !ctx.dryRun,
    });
    const listed = await target.listTags();
    const plan = planTags(ctx.version.semver, settings.tags, listed);
    const versionTag = plan[0].tag;
    // The version tag is always asked for: a listing can lag, and X.Y.Z on another digest must
    // stop the release (unless force).
    const current = await target.headManifest(versionTag);
    return { settings, target, auth, plan, versionTag, current, listed: new Set(listed) };
}
function conflict(p, digest) {
    return new errors/* RegistryError */.gl(p.settings.image.host, `${(0,oci_reference/* imageName */.tO)(p.settings.image)}:${p.versionTag} already exists with digest ${p.current.digest}, not ${digest}`, 'Docker tags can be moved: set force: true to retag it (whoever pulled the old digest keeps it).', 409);
}
async function finish(p, manifest, ctx, versionWasThere, notes) {
    // A floating tag the listing did not have needs no lookup before its PUT: had it appeared
    // since, the PUT moves it all the same (what the lookup decides is only whether to skip).
    const known = new Map([[p.versionTag, p.current]]);
    for (const { tag } of p.plan)
        if (tag !== p.versionTag && !p.listed.has(tag))
            known.set(tag, undefined);
    const changes = await applyTags(p.target, manifest, p.plan, known, ctx.dryRun);
    const status = versionWasThere ? 'skipped' : ctx.dryRun ? 'dry-run' : 'published';
    if (versionWasThere)
        notes.unshift(`${p.versionTag} already points at ${shortDigest(manifest.digest)}`);
    notes.push(...describeChanges(changes, manifest.digest, ctx.dryRun), ...describeHeldBack(p.plan));
    for (const note of notes)
        ctx.reporter.info(`docker: ${note}`);
    return {
        status,
        digest: manifest.digest,
        url: (0,oci.tagPageUrl)(p.settings.image, p.versionTag, p.target.endpoint),
        notes,
    };
}
async function promote(p, ctx) {
    const sourceRef = p.settings.source;
    const sameRegistry = sourceRef.host === p.settings.image.host;
    const source = (0,oci.openRepository)(sourceRef, {
        http: ctx.http,
        registry: sameRegistry ? p.settings.registry : undefined,
        auth: sameRegistry ? p.auth : undefined,
        credentials: p.settings.sourceCredentials,
    });
    const manifest = await readSource(source, sourceRef);
    ctx.reporter.info(`docker: promoting ${(0,oci_reference/* formatReference */.FH)(sourceRef)} (${shortDigest(manifest.digest)}) to ${(0,oci_reference/* imageName */.tO)(p.settings.image)}`);
    const versionWasThere = p.current?.digest === manifest.digest;
    if (p.current && !versionWasThere && !ctx.force)
        throw conflict(p, manifest.digest);
    const notes = [];
    if (!versionWasThere && !ctx.dryRun) {
        const copied = await copyToTarget(manifest, source, p.target, sameRegistry, ctx.reporter);
        if (copied)
            notes.push(copied);
    }
    return finish(p, manifest, ctx, versionWasThere, notes);
}
async function build(p, ctx) {
    // A build is not reproducible, so a version tag that exists is the published version.
    if (p.current && !ctx.force) {
        const manifest = await p.target.getManifest(p.current.digest);
        return finish(p, manifest, ctx, true, []);
    }
    const reference = cliReference(p.settings.image, p.settings.registry, p.versionTag);
    if (ctx.dryRun) {
        ctx.reporter.info(`docker: would build and push ${reference}`);
        const plan = p.plan.filter((t) => t.apply).map((t) => t.tag);
        return {
            status: 'dry-run',
            url: (0,oci.tagPageUrl)(p.settings.image, p.versionTag, p.target.endpoint),
            notes: [`would build ${reference} and tag ${plan.join(', ')}`, ...describeHeldBack(p.plan)],
        };
    }
    const env = {};
    if (p.settings.credentials) {
        const host = cliReference(p.settings.image, p.settings.registry, 'x').split('/')[0];
        env.DOCKER_CONFIG = writeDockerConfig((0,external_node_path_.join)(ctx.tempDir, 'docker-config'), host, p.settings.credentials, ctx.env);
    }
    const request = {
        build: p.settings.build,
        reference,
        labels: ociLabels(ctx.version.version, ctx.env),
        tempDir: ctx.tempDir,
    };
    const builder = await buildAndPush(request, env, ctx.reporter, p.settings.image.host);
    const pushed = await p.target.getManifest(p.versionTag);
    if (!pushed)
        throw new errors/* RegistryError */.gl(p.settings.image.host, `docker reported ${reference} pushed, but the registry has no such tag`);
    // The version tag now has the new digest: nothing left to move there.
    p.current = { digest: pushed.digest, mediaType: pushed.mediaType, size: pushed.bytes.length };
    return finish(p, pushed, ctx, false, [
        `built with ${builder === 'buildx' ? 'docker buildx' : 'docker build'} and pushed ${reference}`,
    ]);
}
const publish = async (settings, ctx) => {
    const prepared = await prepare(settings, ctx);
    return prepared.settings.source ? promote(prepared, ctx) : build(prepared, ctx);
};
const rollback = rollbackDocker;


/***/ })

};
