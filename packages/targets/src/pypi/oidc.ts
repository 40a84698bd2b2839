/**
 * PyPI trusted publishing: trade the job's GitHub OIDC ID token for a short-lived upload token.
 * `GET {registry}/_/oidc/audience` -> `{audience}`; the runner's ID token for that audience;
 * `POST {registry}/_/oidc/mint-token` with `{"token": <ID token>}` -> `{"token": <upload token>}`.
 * `/_/oidc/mint-token` is the endpoint PyPI's documentation gives for the manual exchange;
 * `/_/oidc/github/mint-token` (what older pypa/gh-action-pypi-publish releases call) is tried
 * only when an index answers 404 to the first.
 */
import { RegistryError } from '@deploy-actions/action-kit/errors';
import { jsonAnswer } from '@deploy-actions/action-kit/answer';
import type { HttpClient } from '@deploy-actions/action-kit/http';
import { getIdToken, oidcAvailable } from '@deploy-actions/action-kit/oidc';
import { addSecret } from '@deploy-actions/action-kit/secrets';

export const MINT_TOKEN_PATHS = ['_/oidc/mint-token', '_/oidc/github/mint-token'];

const TRUSTED_PUBLISHER_HINT =
  'Add this repository and workflow as a trusted publisher in the project settings on PyPI (Publishing), ' +
  'or pass an API token through `token` or PYPI_TOKEN.';

interface MintError {
  code?: string;
  description?: string;
}

function mintFailure(body: string): string {
  try {
    const parsed = JSON.parse(body) as { message?: string; errors?: MintError[] };
    const reasons = (parsed.errors ?? []).map((e) => `${e.code ?? 'error'}: ${e.description ?? ''}`.trim());
    return [parsed.message, ...reasons].filter(Boolean).join('; ');
  } catch {
    return body.slice(0, 200);
  }
}

/** An upload token minted by trusted publishing; undefined when the job has no OIDC. */
export async function trustedPublishingToken(
  registry: string,
  label: string,
  http: HttpClient,
  env: NodeJS.ProcessEnv,
): Promise<string | undefined> {
  if (!oidcAvailable(env)) return undefined;
  const audienceRes = await http.request({
    url: `${registry}_/oidc/audience`,
    headers: { accept: 'application/json' },
  });
  if (!audienceRes.ok)
    throw new RegistryError(
      label,
      `does not offer trusted publishing (GET _/oidc/audience answered HTTP ${audienceRes.status})`,
      'Pass an API token through `token` or PYPI_TOKEN.',
      audienceRes.status,
    );
  const audience = jsonAnswer<{ audience: string }>(
    audienceRes,
    { audience: 'string' },
    { what: 'an OIDC audience', registry: label },
  ).audience;
  if (!audience) throw new RegistryError(label, 'its _/oidc/audience answer has no audience');
  const idToken = await getIdToken(audience, env);
  for (const path of MINT_TOKEN_PATHS) {
    const res = await http.request({
      method: 'POST',
      url: `${registry}${path}`,
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ token: idToken }),
      // Minting twice is harmless (each token expires on its own), so a failed attempt may be retried.
      beforeRetry: async () => true,
    });
    if (res.status === 404) continue;
    if (!res.ok)
      throw new RegistryError(
        label,
        `refused the trusted publishing exchange (HTTP ${res.status}: ${mintFailure(res.text())})`,
        TRUSTED_PUBLISHER_HINT,
        res.status,
      );
    const token = jsonAnswer<{ token: string }>(
      res,
      { token: 'string' },
      { what: 'a token exchange', registry: label },
    ).token;
    if (!token) throw new RegistryError(label, 'the trusted publishing exchange returned no token');
    addSecret(token);
    return token;
  }
  throw new RegistryError(
    label,
    'has no trusted publishing token endpoint (_/oidc/mint-token answered 404)',
    TRUSTED_PUBLISHER_HINT,
    404,
  );
}
