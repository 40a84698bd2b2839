/**
 * The objects the kubernetes router sends, built from what kubectl returned. Pure, so tests
 * check them exactly (and with `kubectl patch --local`, the real client, offline).
 */

export const CANARY = 'nginx.ingress.kubernetes.io/canary';
export const CANARY_WEIGHT = 'nginx.ingress.kubernetes.io/canary-weight';
export const MANAGED_BY = { 'app.kubernetes.io/managed-by': 'deploy-actions' };

interface Backend {
  service?: { name?: string; port?: unknown };
}

export interface IngressObject {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    resourceVersion?: string;
    [key: string]: unknown;
  };
  spec?: {
    defaultBackend?: Backend;
    rules?: { host?: string; http?: { paths?: { path?: string; pathType?: string; backend?: Backend }[] } }[];
    [key: string]: unknown;
  };
  status?: unknown;
}

export const canaryName = (ingress: string) => `${ingress}-canary`;

/** The Service names an Ingress sends traffic to. */
export function ingressServices(ingress: IngressObject): string[] {
  const names = new Set<string>();
  const add = (backend?: Backend) => backend?.service?.name && names.add(backend.service.name);
  add(ingress.spec?.defaultBackend);
  for (const rule of ingress.spec?.rules ?? []) for (const path of rule.http?.paths ?? []) add(path.backend);
  return [...names];
}

/** A copy of the spec with every backend service renamed. */
function retarget(spec: IngressObject['spec'], from: string, to: string): IngressObject['spec'] {
  const copy = structuredClone(spec ?? {});
  const rename = (backend?: Backend) => {
    if (backend?.service?.name === from) backend.service.name = to;
  };
  rename(copy.defaultBackend);
  for (const rule of copy.rules ?? []) for (const path of rule.http?.paths ?? []) rename(path.backend);
  return copy;
}

/** The stable Ingress, pointed at another Service; resourceVersion kept so `kubectl replace` refuses a concurrent change. */
export function retargetedIngress(stable: IngressObject, from: string, to: string): IngressObject {
  const { managedFields: _managed, ...metadata } = stable.metadata;
  return {
    apiVersion: stable.apiVersion ?? 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata,
    spec: retarget(stable.spec, from, to),
  };
}

/** The canary Ingress (ingress-nginx canary annotations): same hosts and paths, the new colour's Service, a weight. */
export function canaryIngress(
  stable: IngressObject,
  from: string,
  to: string,
  weight: number,
): IngressObject {
  const annotations: Record<string, string> = {};
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
export function selectorPatch(key: string, value: string): string {
  return JSON.stringify({ spec: { selector: { [key]: value } } });
}

/** kubectl's JSONPath for one selector value; dots inside the key are escaped (app.kubernetes.io/colour). */
export function selectorJsonPath(key: string): string {
  return `{.spec.selector.${key.replace(/\./g, '\\.')}}`;
}
