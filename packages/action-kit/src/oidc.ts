/**
 * GitHub Actions OIDC: an ID token for trusted publishing, available when the job grants
 * `id-token: write` (the runner then sets ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN). The request
 * is @actions/core's `getIDToken`; its HTTP client is loaded only then (lazy-http-client).
 */
import { getIDToken } from '@actions/core';
import { addSecret } from './secrets.js';

const URL_VARIABLE = 'ACTIONS_ID_TOKEN_REQUEST_URL';
const TOKEN_VARIABLE = 'ACTIONS_ID_TOKEN_REQUEST_TOKEN';

export function oidcAvailable(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env[URL_VARIABLE] && env[TOKEN_VARIABLE]);
}

/**
 * core reads the request URL and token from process.env. A caller's own environment (domain
 * code is handed one; the actions and the CLI hand process.env) is lent to process.env for the
 * request.
 */
async function withRequestVariables<T>(env: NodeJS.ProcessEnv, fn: () => Promise<T>): Promise<T> {
  if (env === process.env) return fn();
  const saved = { [URL_VARIABLE]: process.env[URL_VARIABLE], [TOKEN_VARIABLE]: process.env[TOKEN_VARIABLE] };
  Object.assign(process.env, { [URL_VARIABLE]: env[URL_VARIABLE], [TOKEN_VARIABLE]: env[TOKEN_VARIABLE] });
  try {
    return await fn();
  } finally {
    for (const [name, value] of Object.entries(saved))
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
  }
}

/** core's message spans lines ("Error message: Failed to get ID Token. \n \n Error Code : 403 …"). */
const oneLine = (message: string) =>
  message
    .replace(/^Error message:\s*/, '')
    .replace(/\s+/g, ' ')
    .trim();

export async function getIdToken(audience: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (!oidcAvailable(env)) throw new Error('no OIDC token: the job needs `permissions: id-token: write`');
  addSecret(env[TOKEN_VARIABLE]);
  let token: string;
  try {
    token = await withRequestVariables(env, () => getIDToken(audience));
  } catch (caught) {
    throw new Error(`the runner gave no OIDC token (${oneLine((caught as Error).message)})`);
  }
  addSecret(token);
  return token;
}
