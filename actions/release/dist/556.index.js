export const id = 556;
export const ids = [556];
export const modules = {

/***/ 7556:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  KubernetesRouter: () => (/* binding */ KubernetesRouter)
});

// EXTERNAL MODULE: ./packages/action-kit/src/errors.ts
var errors = __webpack_require__(8826);
// EXTERNAL MODULE: ./packages/action-kit/src/exec.ts
var exec = __webpack_require__(2692);
// EXTERNAL MODULE: ./packages/deploy/src/command-line.ts
var command_line = __webpack_require__(5191);
;// CONCATENATED MODULE: ./packages/deploy/src/router/kubernetes-manifests.ts
/**
 * The objects the kubernetes router sends, built from what kubectl returned. Pure, so tests
 * check them exactly (and with `kubectl patch --local`, the real client, offline).
 */
const CANARY = 'nginx.ingress.kubernetes.io/canary';
const CANARY_WEIGHT = 'nginx.ingress.kubernetes.io/canary-weight';
const MANAGED_BY = { 'app.kubernetes.io/managed-by': 'deploy-actions' };
const canaryName = (ingress) => `${ingress}-canary`;
/** The Service names an Ingress sends traffic to. */
function ingressServices(ingress) {
    const names = new Set();
    const add = (backend) => backend?.service?.name && names.add(backend.service.name);
    add(ingress.spec?.defaultBackend);
    for (const rule of ingress.spec?.rules ?? [])
        for (const path of rule.http?.paths ?? [])
            add(path.backend);
    return [...names];
}
/** A copy of the spec with every backend service renamed. */
function retarget(spec, from, to) {
    const copy = structuredClone(spec ?? {});
    const rename = (backend) => {
        if (backend?.service?.name === from)
            backend.service.name = to;
    };
    rename(copy.defaultBackend);
    for (const rule of copy.rules ?? [])
        for (const path of rule.http?.paths ?? [])
            rename(path.backend);
    return copy;
}
/** The stable Ingress, pointed at another Service; resourceVersion kept so `kubectl replace` refuses a concurrent change. */
function retargetedIngress(stable, from, to) {
    const { managedFields: _managed, ...metadata } = stable.metadata;
    return {
        apiVersion: stable.apiVersion ?? 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata,
        spec: retarget(stable.spec, from, to),
    };
}
/** The canary Ingress (ingress-nginx canary annotations): same hosts and paths, the new colour's Service, a weight. */
function canaryIngress(stable, from, to, weight) {
    const annotations = {};
    const stableAnnotations = stable.metadata.annotations ?? {};
    // The canary must be served by the same controller as the stable Ingress.
    if (stableAnnotations['kubernetes.io/ingress.class'])
        annotations['kubernetes.io/ingress.class'] = stableAnnotations['kubernetes.io/ingress.class'];
    annotations[CANARY] = 'true';
    annotations[CANARY_WEIGHT] = String(weight);
    return {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: {
            name: canaryName(stable.metadata.name),
            ...(stable.metadata.namespace ? { namespace: stable.metadata.namespace } : {}),
            labels: { ...MANAGED_BY },
            annotations,
        },
        spec: retarget(stable.spec, from, to),
    };
}
/** The merge patch that points a Service's selector at a colour. */
function selectorPatch(key, value) {
    return JSON.stringify({ spec: { selector: { [key]: value } } });
}
/** kubectl's JSONPath for one selector value; dots inside the key are escaped (app.kubernetes.io/colour). */
function selectorJsonPath(key) {
    return `{.spec.selector.${key.replace(/\./g, '\\.')}}`;
}

// EXTERNAL MODULE: ./packages/deploy/src/router/types.ts
var types = __webpack_require__(8294);
;// CONCATENATED MODULE: ./packages/deploy/src/router/kubernetes.ts
/**
 * Kubernetes through kubectl (the user's kubeconfig and context; argv only). Two modes:
 * - Service: one Service whose selector `{selector-key: <colour value>}` picks the Pods of a
 *   colour; a patch moves all traffic at once.
 * - Ingress: a stable Ingress points at the Service of the live colour; canary steps go through
 *   a `<ingress>-canary` Ingress with ingress-nginx canary-weight annotations; at 100% the stable
 *   Ingress is replaced to point at the new Service and the canary is deleted.
 */





class KubernetesRouter {
    options;
    context;
    type = 'kubernetes';
    canSplit;
    description;
    constructor(options, context) {
        this.options = options;
        this.context = context;
        this.canSplit = Boolean(options.ingress);
        this.description = options.ingress
            ? `kubernetes ingress/${options.ingress}`
            : `kubernetes service/${options.service}`;
    }
    async prepare() {
        return [];
    }
    async read() {
        return this.options.ingress
            ? this.readIngress(this.options.ingress)
            : this.readService(this.options.service);
    }
    async shift(colour, weight) {
        if (this.options.ingress)
            return this.shiftIngress(this.options.ingress, colour, weight);
        if (weight !== 100)
            throw errors/* InputError */.dz.bad('steps', weight, 'is a partial step: a Service selector moves all traffic at once', 'Set ingress: to shift in steps, or use steps: 100.');
        const service = this.options.service;
        const before = await this.readService(service);
        await this.kubectl([
            'patch',
            'service',
            service,
            '--type',
            'merge',
            '-p',
            selectorPatch(this.options.selectorKey, this.options[colour]),
        ]);
        return `kubernetes: service/${service} selector ${this.options.selectorKey}=${this.options[colour]} (${(0,types/* describeTraffic */.hA)(before)} -> ${colour})`;
    }
    async readService(service) {
        const value = (await this.kubectl([
            'get',
            'service',
            service,
            '-o',
            `jsonpath=${selectorJsonPath(this.options.selectorKey)}`,
        ])).trim();
        if (!value)
            return undefined;
        return (0,types/* trafficTo */.lz)(this.colourOf(value, `service/${service} selector ${this.options.selectorKey}`), 100);
    }
    colourOf(value, where) {
        if (value === this.options.blue)
            return 'blue';
        if (value === this.options.green)
            return 'green';
        throw errors/* InputError */.dz.bad(this.options.ingress ? 'ingress' : 'service', value, `(${where}) is neither blue (${this.options.blue}) nor green (${this.options.green})`);
    }
    async getIngress(name, optional = false) {
        const text = await this.kubectl([
            'get',
            'ingress',
            name,
            '-o',
            'json',
            ...(optional ? ['--ignore-not-found'] : []),
        ]);
        return text.trim() ? JSON.parse(text) : undefined;
    }
    /** The stable colour, and the stable Ingress itself. */
    async stable(name) {
        const ingress = (await this.getIngress(name));
        const services = ingressServices(ingress);
        if (services.length !== 1)
            throw errors/* InputError */.dz.bad('ingress', name, `sends traffic to ${services.length ? services.join(', ') : 'no Service'}; the router needs exactly one (blue's or green's)`);
        return { colour: this.colourOf(services[0], `ingress/${name} backend`), ingress };
    }
    async readIngress(name) {
        const { colour } = await this.stable(name);
        const canary = await this.getIngress(canaryName(name), true);
        const weight = Number(canary?.metadata.annotations?.[CANARY_WEIGHT] ?? 0);
        if (!canary || !Number.isFinite(weight) || weight <= 0)
            return (0,types/* trafficTo */.lz)(colour, 100);
        return (0,types/* trafficTo */.lz)((0,types/* otherColour */.RQ)(colour), Math.min(100, weight));
    }
    async shiftIngress(name, colour, weight) {
        const { colour: stable, ingress } = await this.stable(name);
        const before = await this.readIngress(name);
        const traffic = (0,types/* trafficTo */.lz)(colour, weight);
        const canary = (0,types/* otherColour */.RQ)(stable);
        if (traffic[stable] === 100) {
            await this.kubectl(['delete', 'ingress', canaryName(name), '--ignore-not-found']);
        }
        else if (traffic[canary] === 100) {
            // Point the stable Ingress at the new colour first: with the canary still on the same
            // Service, every request already lands there; then the canary can go.
            await this.kubectl(['replace', '-f', '-'], JSON.stringify(retargetedIngress(ingress, this.options[stable], this.options[canary])));
            await this.kubectl(['delete', 'ingress', canaryName(name), '--ignore-not-found']);
        }
        else {
            const manifest = canaryIngress(ingress, this.options[stable], this.options[canary], traffic[canary]);
            await this.kubectl(['apply', '-f', '-'], JSON.stringify(manifest));
        }
        return `kubernetes: ingress/${name} ${(0,types/* describeTraffic */.hA)(before)} -> ${(0,types/* describeTraffic */.hA)(traffic)}`;
    }
    async kubectl(args, input) {
        const argv = [
            ...(this.options.context ? ['--context', this.options.context] : []),
            ...(this.options.namespace ? ['--namespace', this.options.namespace] : []),
            ...args,
        ];
        this.context.reporter.info(`$ ${(0,command_line/* formatCommand */.fE)([this.options.kubectl, ...argv])}`);
        const result = await this.context.exec(this.options.kubectl, argv, {
            cwd: this.context.cwd,
            input,
            timeoutMs: 120_000,
        });
        if (result.code !== 0 || result.timedOut)
            throw new exec/* ExecError */.cI(result);
        return result.stdout;
    }
}


/***/ })

};
