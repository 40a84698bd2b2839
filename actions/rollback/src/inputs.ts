import { InputError, inputs } from '@deploy-actions/action-kit';

export interface Inputs {
  target: string;
  /** Default (.github/deploy-actions.yml) when not set. */
  config?: string;
  'to-version'?: string;
  reason?: string;
  token?: string;
  deployment?: string;
  namespace?: string;
  context?: string;
  'dry-run': boolean;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const KUBE_NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;

function checked(name: string, pattern: RegExp, what: string): string | undefined {
  const value = inputs.optional(name);
  if (value !== undefined && !pattern.test(value)) throw InputError.bad(name, value, `is not ${what}`);
  return value;
}

export function getInputs(): Inputs {
  const target = inputs.required(
    'target',
    'Name a target of the config file, or a type: npm, docker, github-release, crates, blue-green, kubernetes.',
  );
  if (!NAME.test(target)) throw InputError.bad('target', target, 'is not a target name or type');
  const toVersion = inputs.optional('to-version');
  if (toVersion !== undefined && !/^[A-Za-z0-9][A-Za-z0-9.+_-]{0,127}$/.test(toVersion))
    throw InputError.bad('to-version', toVersion, 'is not a version, colour or revision');
  return {
    target,
    config: inputs.optional('config'),
    'to-version': toVersion,
    reason: inputs.optional('reason'),
    token: inputs.secret('token'),
    deployment: checked('deployment', KUBE_NAME, 'a Deployment name'),
    namespace: checked('namespace', KUBE_NAME, 'a namespace'),
    context: checked('context', /^[^-\s][^\s]*$/, 'a kubeconfig context'),
    'dry-run': inputs.bool('dry-run', false),
  };
}
