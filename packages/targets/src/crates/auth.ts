/**
 * The credential cargo publishes with: the token given, else crates.io trusted publishing: the
 * job's OIDC ID token exchanged for a short-lived registry token
 * (`POST {api}/api/v1/trusted_publishing/tokens` {jwt} -> {token}), revoked at the end of the
 * run (`DELETE` the same path with that token), as rust-lang/crates-io-auth-action does.
 */
import { InputError, RegistryError } from '@deploy-actions/action-kit/errors';
import { jsonAnswer } from '@deploy-actions/action-kit/answer';
import type { HttpClient, HttpResponse } from '@deploy-actions/action-kit/http';
import { getIdToken, oidcAvailable } from '@deploy-actions/action-kit/oidc';
import { parseToken } from '@deploy-actions/action-kit/parse';
import { addSecret } from '@deploy-actions/action-kit/secrets';

export interface CredentialContext {
  token?: string;
  env: NodeJS.ProcessEnv;
  http: HttpClient;
  defer(cleanup: () => Promise<void>): void;
}

export const tokensEndpoint = (apiUrl: string) =>
  `${apiUrl.replace(/\/+$/, '')}/api/v1/trusted_publishing/tokens`;

/** The ID token's audience: the registry's host, `crates.io` for crates.io. */
export const oidcAudience = (apiUrl: string) => new URL(apiUrl).host;

/** crates.io's error bodies are {errors: [{detail}]}. */
export function errorDetail(res: HttpResponse): string {
  try {
    const details = res
      .json<{ errors?: { detail?: string }[] }>()
      .errors?.map((e) => e.detail)
      .filter(Boolean);
    if (details?.length) return details.join('; ');
  } catch {
    // not JSON
  }
  return res.text().trim().slice(0, 200) || `HTTP ${res.status}`;
}

/** Exchange the job's OIDC token for a registry token, and schedule its revocation. */
export async function trustedPublishingToken(
  context: CredentialContext,
  apiUrl: string,
  label: string,
): Promise<string> {
  const jwt = await getIdToken(oidcAudience(apiUrl), context.env);
  const res = await context.http.request({
    method: 'POST',
    url: tokensEndpoint(apiUrl),
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ jwt }),
    // Each exchange mints a fresh token; repeating one after a lost answer is harmless.
    beforeRetry: async () => true,
  });
  if (!res.ok)
    throw new RegistryError(
      label,
      `refused the trusted publishing exchange (HTTP ${res.status}): ${errorDetail(res)}`,
      "Add this repository and workflow as a trusted publisher in the crate's settings on crates.io (a first release needs a token), or set CARGO_REGISTRY_TOKEN.",
      res.status,
    );
  const token = jsonAnswer<{ token: string }>(
    res,
    { token: 'string' },
    { what: 'a token exchange', registry: label },
  ).token;
  if (!token) throw new Error(`${tokensEndpoint(apiUrl)} answered without a token`);
  addSecret(token);
  context.defer(async () => {
    const revoked = await context.http.request({
      method: 'DELETE',
      url: tokensEndpoint(apiUrl),
      headers: { authorization: `Bearer ${token}` },
    });
    if (!revoked.ok)
      throw new Error(
        `could not revoke the trusted publishing token (HTTP ${revoked.status}): ${errorDetail(revoked)}`,
      );
  });
  return token;
}

/**
 * The token to publish with: the given one (input, `token-env`, CARGO_REGISTRY_TOKEN), else the
 * variable cargo itself reads for this registry, else trusted publishing when the job has OIDC.
 */
export async function publishToken(
  context: CredentialContext,
  apiUrl: () => Promise<string>,
  label: string,
  tokenEnv: string,
): Promise<{ token: string; trusted: boolean }> {
  const fromCargoEnv = context.env[tokenEnv]?.trim();
  const given = context.token ?? (fromCargoEnv ? parseToken(tokenEnv, fromCargoEnv) : undefined);
  if (given) {
    addSecret(given);
    return { token: given, trusted: false };
  }
  if (oidcAvailable(context.env))
    return { token: await trustedPublishingToken(context, await apiUrl(), label), trusted: true };
  const variables =
    tokenEnv === 'CARGO_REGISTRY_TOKEN' ? 'CARGO_REGISTRY_TOKEN' : `CARGO_REGISTRY_TOKEN or ${tokenEnv}`;
  throw InputError.missing(
    'token',
    `Set the \`token\` input or ${variables}, or grant \`permissions: id-token: write\` for trusted publishing.`,
  );
}
