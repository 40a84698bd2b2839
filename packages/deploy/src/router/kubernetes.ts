/**
 * Kubernetes through kubectl (the user's kubeconfig and context; argv only). Two modes:
 * - Service: one Service whose selector `{selector-key: <colour value>}` picks the Pods of a
 *   colour; a patch moves all traffic at once.
 * - Ingress: a stable Ingress points at the Service of the live colour; canary steps go through
 *   a `<ingress>-canary` Ingress with ingress-nginx canary-weight annotations; at 100% the stable
 *   Ingress is replaced to point at the new Service and the canary is deleted.
 */
import { InputError } from '@deploy-actions/action-kit/errors';
import { ExecError } from '@deploy-actions/action-kit/exec';
import { formatCommand } from '../command-line.js';
import {
  CANARY_WEIGHT,
  canaryIngress,
  canaryName,
  ingressServices,
  retargetedIngress,
  selectorJsonPath,
  selectorPatch,
  type IngressObject,
} from './kubernetes-manifests.js';
import {
  describeTraffic,
  otherColour,
  trafficTo,
  type Colour,
  type KubernetesRouterOptions,
  type Router,
  type RouterContext,
  type Traffic,
} from './types.js';

export class KubernetesRouter implements Router {
  readonly type = 'kubernetes';
  readonly canSplit: boolean;
  readonly description: string;

  constructor(
    private readonly options: KubernetesRouterOptions,
    private readonly context: RouterContext,
  ) {
    this.canSplit = Boolean(options.ingress);
    this.description = options.ingress
      ? `kubernetes ingress/${options.ingress}`
      : `kubernetes service/${options.service}`;
  }

  async prepare(): Promise<string[]> {
    return [];
  }

  async read(): Promise<Traffic | undefined> {
    return this.options.ingress
      ? this.readIngress(this.options.ingress)
      : this.readService(this.options.service!);
  }

  async shift(colour: Colour, weight: number): Promise<string> {
    if (this.options.ingress) return this.shiftIngress(this.options.ingress, colour, weight);
    if (weight !== 100)
      throw InputError.bad(
        'steps',
        weight,
        'is a partial step: a Service selector moves all traffic at once',
        'Set ingress: to shift in steps, or use steps: 100.',
      );
    const service = this.options.service!;
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
    return `kubernetes: service/${service} selector ${this.options.selectorKey}=${this.options[colour]} (${describeTraffic(before)} -> ${colour})`;
  }

  private async readService(service: string): Promise<Traffic | undefined> {
    const value = (
      await this.kubectl([
        'get',
        'service',
        service,
        '-o',
        `jsonpath=${selectorJsonPath(this.options.selectorKey)}`,
      ])
    ).trim();
    if (!value) return undefined;
    return trafficTo(this.colourOf(value, `service/${service} selector ${this.options.selectorKey}`), 100);
  }

  private colourOf(value: string, where: string): Colour {
    if (value === this.options.blue) return 'blue';
    if (value === this.options.green) return 'green';
    throw InputError.bad(
      this.options.ingress ? 'ingress' : 'service',
      value,
      `(${where}) is neither blue (${this.options.blue}) nor green (${this.options.green})`,
    );
  }

  private async getIngress(name: string, optional = false): Promise<IngressObject | undefined> {
    const text = await this.kubectl([
      'get',
      'ingress',
      name,
      '-o',
      'json',
      ...(optional ? ['--ignore-not-found'] : []),
    ]);
    return text.trim() ? (JSON.parse(text) as IngressObject) : undefined;
  }

  /** The stable colour, and the stable Ingress itself. */
  private async stable(name: string): Promise<{ colour: Colour; ingress: IngressObject }> {
    const ingress = (await this.getIngress(name))!;
    const services = ingressServices(ingress);
    if (services.length !== 1)
      throw InputError.bad(
        'ingress',
        name,
        `sends traffic to ${services.length ? services.join(', ') : 'no Service'}; the router needs exactly one (blue's or green's)`,
      );
    return { colour: this.colourOf(services[0], `ingress/${name} backend`), ingress };
  }

  private async readIngress(name: string): Promise<Traffic> {
    const { colour } = await this.stable(name);
    const canary = await this.getIngress(canaryName(name), true);
    const weight = Number(canary?.metadata.annotations?.[CANARY_WEIGHT] ?? 0);
    if (!canary || !Number.isFinite(weight) || weight <= 0) return trafficTo(colour, 100);
    return trafficTo(otherColour(colour), Math.min(100, weight));
  }

  private async shiftIngress(name: string, colour: Colour, weight: number): Promise<string> {
    const { colour: stable, ingress } = await this.stable(name);
    const before = await this.readIngress(name);
    const traffic = trafficTo(colour, weight);
    const canary = otherColour(stable);
    if (traffic[stable] === 100) {
      await this.kubectl(['delete', 'ingress', canaryName(name), '--ignore-not-found']);
    } else if (traffic[canary] === 100) {
      // Point the stable Ingress at the new colour first: with the canary still on the same
      // Service, every request already lands there; then the canary can go.
      await this.kubectl(
        ['replace', '-f', '-'],
        JSON.stringify(retargetedIngress(ingress, this.options[stable], this.options[canary])),
      );
      await this.kubectl(['delete', 'ingress', canaryName(name), '--ignore-not-found']);
    } else {
      const manifest = canaryIngress(ingress, this.options[stable], this.options[canary], traffic[canary]);
      await this.kubectl(['apply', '-f', '-'], JSON.stringify(manifest));
    }
    return `kubernetes: ingress/${name} ${describeTraffic(before)} -> ${describeTraffic(traffic)}`;
  }

  private async kubectl(args: string[], input?: string): Promise<string> {
    const argv = [
      ...(this.options.context ? ['--context', this.options.context] : []),
      ...(this.options.namespace ? ['--namespace', this.options.namespace] : []),
      ...args,
    ];
    this.context.reporter.info(`$ ${formatCommand([this.options.kubectl, ...argv])}`);
    const result = await this.context.exec(this.options.kubectl, argv, {
      cwd: this.context.cwd,
      input,
      timeoutMs: 120_000,
    });
    if (result.code !== 0 || result.timedOut) throw new ExecError(result);
    return result.stdout;
  }
}
