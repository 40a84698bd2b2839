/**
 * The credential npm publishes with: the token we were given, else npm trusted publishing
 * (GitHub's OIDC ID token exchanged at the registry for a short-lived publish token), else a
 * clear error saying what to set. And whether to sign provenance.
 */
import { InputError, RegistryError } from '@deploy-actions/action-kit/errors';
import { jsonAnswer } from '@deploy-actions/action-kit/answer';
import type { HttpClient } from '@deploy-actions/action-kit/http';
import { getIdToken, oidcAvailable } from '@deploy-actions/action-kit/oidc';
import { addSecret } from '@deploy-actions/action-kit/secrets';
import { escapePackageName, isNpmjs, registryBase } from './client.js';

export interface NpmCredential {
  token: string;
  via: 'token' | 'oidc';
}

/** The audience npm's registry expects in the ID token: `npm:<registry host>`. */
export function oidcAudience(registry: string): string {
  return `npm:${new URL(registryBase(registry)).hostname}`;
}

/** Exchange a GitHub ID token for a publish token of one package (npm trusted publishing). */
export async function exchangeOidcToken(
  packageName: string,
  registry: string,
  http: HttpClient,
  env: NodeJS.ProcessEnv,
): Promise<string> {
  const base = registryBase(registry);
  let idToken: string;
  try {
    idToken = await getIdToken(oidcAudience(registry), env);
  } catch (caught) {
    throw new RegistryError(
      base,
      `could not get a GitHub OIDC token for trusted publishing: ${(caught as Error).message}`,
      'Set NPM_TOKEN, or grant the job `permissions: id-token: write`.',
    );
  }
  // Like the npm CLI, the exchange lives at the registry host's root.
  const url = new URL(`/-/npm/v1/oidc/token/exchange/package/${escapePackageName(packageName)}`, `${base}/`);
  const res = await http.request({
    method: 'POST',
    url,
    headers: {
      authorization: `Bearer ${idToken}`,
      accept: 'application/json',
      'content-type': 'application/json',
    },
    // Minting a token twice is harmless: a retry after a 5xx is safe.
    beforeRetry: async () => true,
  });
  if (!res.ok) {
    let detail = '';
    try {
      detail = res.json<{ message?: string; error?: string }>().message ?? '';
    } catch {
      // not JSON: the status says enough
    }
    throw new RegistryError(
      base,
      `refused the trusted-publishing exchange for ${packageName} (HTTP ${res.status})${detail ? `: ${detail}` : ''}`,
      'Configure this repository and workflow as a trusted publisher of the package on the registry, or set NPM_TOKEN.',
      res.status,
    );
  }
  const token = jsonAnswer<{ token: string }>(
    res,
    { token: 'string' },
    { what: 'a token exchange', registry: base },
  ).token;
  if (!token)
    throw new RegistryError(
      base,
      `answered the trusted-publishing exchange for ${packageName} without a token`,
    );
  addSecret(token);
  return token;
}

/** The token given, else trusted publishing when the job can get an ID token, else an error. */
export async function publishCredential(
  packageName: string,
  registry: string,
  context: { token?: string; http: HttpClient; env: NodeJS.ProcessEnv },
): Promise<NpmCredential> {
  if (context.token) {
    addSecret(context.token);
    return { token: context.token, via: 'token' };
  }
  if (oidcAvailable(context.env))
    return { token: await exchangeOidcToken(packageName, registry, context.http, context.env), via: 'oidc' };
  throw InputError.missing(
    'token',
    `No credential for ${registryBase(registry)}: set NPM_TOKEN (or the 'token' input), or grant the job 'permissions: id-token: write' for npm trusted publishing.`,
  );
}

export interface ProvenanceFacts {
  registry: string;
  access?: unknown;
  packageName: string;
  /** Whether the registry already has the package (npm checks a new one's visibility). */
  exists: boolean;
}

/**
 * `auto`: sign provenance when GitHub Actions can give an ID token, for packages npm knows to
 * be public on npmjs (the registry that stores sigstore bundles): `access: public`, or an
 * unscoped package that is already published. npm itself refuses provenance for a new or
 * private package without `--access public`, so auto stays off there. `true`/`false` as given.
 */
export function provenanceEnabled(setting: unknown, facts: ProvenanceFacts, env: NodeJS.ProcessEnv): boolean {
  if (setting === true || setting === 'true') return true;
  if (setting === false || setting === 'false') return false;
  if (env.GITHUB_ACTIONS !== 'true' || !env.ACTIONS_ID_TOKEN_REQUEST_URL || !isNpmjs(facts.registry))
    return false;
  return (
    facts.access === 'public' ||
    (facts.access !== 'restricted' && facts.exists && !facts.packageName.startsWith('@'))
  );
}
