/**
 * GitHub Actions OIDC: an ID token for trusted publishing, available when the job grants
 * `id-token: write` (the runner then sets ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN).
 */
import { HttpClient } from './http.js';
import { addSecret } from './secrets.js';

export function oidcAvailable(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
}

export async function getIdToken(
  audience: string,
  http = new HttpClient(),
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  if (!oidcAvailable(env)) throw new Error('no OIDC token: the job needs `permissions: id-token: write`');
  addSecret(env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
  const url = new URL(env.ACTIONS_ID_TOKEN_REQUEST_URL!);
  url.searchParams.set('audience', audience);
  const res = await http.request({
    url,
    headers: { authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}`, accept: 'application/json' },
  });
  if (!res.ok) throw new Error(`the runner refused an OIDC token (HTTP ${res.status})`);
  const value = res.json<{ value?: string }>().value;
  if (!value) throw new Error('the runner returned no OIDC token');
  addSecret(value);
  return value;
}
