/**
 * The OIDC ID token through @actions/core's getIDToken, asked of a loopback server that answers
 * as the runner's token endpoint: what is sent, what is masked, what a refusal says, and that a
 * caller's environment is honoured without leaking into process.env.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { getIdToken, oidcAvailable } from '../../packages/action-kit/src/oidc.js';
import { containsSecret, redact } from '../../packages/action-kit/src/secrets.js';

let server: Server;
let base = '';
const seen: IncomingMessage[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req);
    const audience = new URL(req.url ?? '/', base).searchParams.get('audience');
    const status =
      req.headers.authorization !== 'Bearer request-token-7f3a' ? 401 : audience === 'refused' ? 403 : 200;
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(status === 200 ? { value: `id-token-for-${audience}-91c2` } : { message: 'no' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const jobEnv = () => ({
  ACTIONS_ID_TOKEN_REQUEST_URL: `${base}/token?api-version=2.0`,
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token-7f3a',
});

describe('getIdToken (core.getIDToken)', () => {
  test('asks for the audience with the request token; both tokens are then secrets', async () => {
    const token = await getIdToken('npm:registry.example', jobEnv());
    expect(token).toBe('id-token-for-npm:registry.example-91c2');
    const request = seen.at(-1)!;
    expect(new URL(request.url!, base).searchParams.get('audience')).toBe('npm:registry.example');
    expect(new URL(request.url!, base).searchParams.get('api-version')).toBe('2.0');
    expect(request.headers.authorization).toBe('Bearer request-token-7f3a');
    expect(redact(`got ${token} with request-token-7f3a`)).toBe('got *** with ***');
    expect(containsSecret(Buffer.from(token).toString('base64'))).toBe(true);
  });

  test("a caller's environment is used for the request and process.env is left as it was", async () => {
    const before = {
      url: process.env.ACTIONS_ID_TOKEN_REQUEST_URL,
      token: process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
    };
    await getIdToken('crates.io', jobEnv());
    expect(process.env.ACTIONS_ID_TOKEN_REQUEST_URL).toBe(before.url);
    expect(process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN).toBe(before.token);
  });

  test('a refusal is one line with the HTTP status, and nothing is asked without id-token: write', async () => {
    const error = (await getIdToken('refused', jobEnv()).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/^the runner gave no OIDC token \(.*403.*\)$/);
    expect(error.message).not.toMatch(/[\r\n]/);
    const asked = seen.length;
    expect(oidcAvailable({})).toBe(false);
    await expect(getIdToken('npm', {})).rejects.toThrow(/id-token: write/);
    expect(seen.length).toBe(asked);
  });
});
