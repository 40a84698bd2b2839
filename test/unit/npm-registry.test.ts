/**
 * The npm registry client and the trusted-publishing exchange, checked by what they send to a
 * loopback server that answers as the registry (and as the runner's OIDC endpoint).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError, RegistryError } from '@deploy-actions/action-kit/errors';
import { HttpClient } from '@deploy-actions/action-kit/http';
import {
  createClient,
  escapePackageName,
  fetchDistTags,
  identify,
  versionPageUrl,
} from '@deploy-actions/targets/npm/client';
import { exchangeOidcToken, publishCredential } from '@deploy-actions/targets/npm/auth';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
}

let server: Server;
let base = '';
const seen: Seen[] = [];
const http = new HttpClient({ retries: 0, timeoutMs: 5000 });

const packument = {
  name: '@acme/widget',
  'dist-tags': { latest: '1.2.3', next: '2.0.0-rc.1' },
  versions: { '1.1.5': {}, '1.2.3': {}, '2.0.0-rc.1': {}, '1.0.0': { deprecated: 'use 1.1' } },
};

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ method: req.method!, url: req.url!, headers: req.headers });
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/@acme%2fwidget') return send(200, packument);
    if (req.url === '/private-pkg')
      return send(req.headers.authorization === 'Bearer good' ? 200 : 401, {
        name: 'private-pkg',
        versions: {},
      });
    if (req.url?.startsWith('/oidc?')) return send(200, { value: 'id-token-from-runner' });
    if (req.url === '/-/npm/v1/oidc/token/exchange/package/@acme%2fwidget' && req.method === 'POST')
      return req.headers.authorization === 'Bearer id-token-from-runner'
        ? send(201, { token: 'npm-publish-token' })
        : send(401, { message: 'bad id token' });
    if (req.url === '/-/npm/v1/oidc/token/exchange/package/untrusted')
      return send(404, { message: 'no trusted publisher configured' });
    send(404, { error: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('npm registry client', () => {
  test('reads the abbreviated packument of a scoped package', async () => {
    const client = createClient('@acme/widget', { http, registry: `${base}/` });
    expect(await client.versions()).toEqual(['1.1.5', '1.2.3', '2.0.0-rc.1', '1.0.0']);
    expect(await client.latest()).toBe('1.2.3');
    expect(await client.exists('1.1.5')).toBe(true);
    expect(await client.exists('1.1.6')).toBe(false);
    expect(await client.distTags()).toEqual({ latest: '1.2.3', next: '2.0.0-rc.1' });
    expect((await client.packument())?.deprecated).toEqual({ '1.0.0': 'use 1.1' });
    const request = seen.find((s) => s.url === '/@acme%2fwidget')!;
    expect(request.headers.accept).toBe(
      'application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8',
    );
    expect(request.headers.authorization).toBeUndefined();
    expect(client.id).toBe('npm:@acme/widget');
    expect(client.url('1.2.3')).toBe(`${base}/@acme%2fwidget`);
  });
  test('an unknown package has no versions', async () => {
    const client = createClient('nothing-here', { http, registry: base });
    expect(await client.versions()).toEqual([]);
    expect(await client.latest()).toBeUndefined();
    expect(await fetchDistTags('nothing-here', { http, registry: base })).toEqual({});
  });
  test('a private registry gets the token as a Bearer; a refusal names the registry', async () => {
    expect(await createClient('private-pkg', { http, registry: base, token: 'good' }).versions()).toEqual([]);
    const refused = createClient('private-pkg', { http, registry: base, token: 'wrong' }).versions();
    await expect(refused).rejects.toBeInstanceOf(RegistryError);
    await expect(createClient('private-pkg', { http, registry: base }).versions()).rejects.toThrow(
      `${base}: refused to show private-pkg (HTTP 401)`,
    );
  });
  test('names and pages', () => {
    expect(escapePackageName('@acme/widget')).toBe('@acme%2fwidget');
    expect(escapePackageName('left-pad')).toBe('left-pad');
    expect(versionPageUrl('@acme/widget', '1.2.3')).toBe(
      'https://www.npmjs.com/package/@acme/widget/v/1.2.3',
    );
    expect(createClient('x', { http }).registry).toBe('https://registry.npmjs.org');
  });
  test('identify reads the package.json under path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'da-npm-identify-'));
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({
        name: '@acme/widget',
        version: '1.0.0',
        publishConfig: { registry: 'https://npm.example/' },
      }),
    );
    expect(identify({ path: '.' }, dir)).toEqual({ name: '@acme/widget', registry: 'https://npm.example/' });
    expect(identify({ path: '.', registry: 'http://127.0.0.1:1/' }, dir)).toEqual({
      name: '@acme/widget',
      registry: 'http://127.0.0.1:1/',
    });
    expect(() => identify({ path: '../elsewhere' }, dir)).toThrow(InputError);
  });
});

describe('npm trusted publishing', () => {
  const oidcEnv = () => ({
    ACTIONS_ID_TOKEN_REQUEST_URL: `${base}/oidc?api-version=2.0`,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'runner-request-token',
  });

  test('exchanges the GitHub ID token (audience npm:<host>) for a publish token', async () => {
    seen.length = 0;
    expect(await exchangeOidcToken('@acme/widget', `${base}/`, http, oidcEnv())).toBe('npm-publish-token');
    const [idRequest, exchange] = seen;
    expect(new URL(idRequest.url, base).searchParams.get('audience')).toBe('npm:127.0.0.1');
    expect(idRequest.headers.authorization).toBe('Bearer runner-request-token');
    expect(exchange).toMatchObject({
      method: 'POST',
      url: '/-/npm/v1/oidc/token/exchange/package/@acme%2fwidget',
    });
    expect(exchange.headers.authorization).toBe('Bearer id-token-from-runner');
  });
  test('without a token, publishCredential uses OIDC when the job has it', async () => {
    expect(await publishCredential('@acme/widget', base, { http, env: oidcEnv() })).toEqual({
      token: 'npm-publish-token',
      via: 'oidc',
    });
    expect(await publishCredential('@acme/widget', base, { http, env: oidcEnv(), token: 'given' })).toEqual({
      token: 'given',
      via: 'token',
    });
  });
  test('a refused exchange says to configure a trusted publisher or set NPM_TOKEN', async () => {
    const run = exchangeOidcToken('untrusted', base, http, oidcEnv());
    await expect(run).rejects.toBeInstanceOf(RegistryError);
    await expect(exchangeOidcToken('untrusted', base, http, oidcEnv())).rejects.toThrow(
      /HTTP 404\): no trusted publisher configured/,
    );
  });
  test('neither token nor OIDC: one clear error saying what to set', async () => {
    const run = publishCredential('x', base, { http, env: {} });
    await expect(run).rejects.toBeInstanceOf(InputError);
    await expect(publishCredential('x', base, { http, env: {} })).rejects.toMatchObject({
      hint: expect.stringMatching(/NPM_TOKEN.*id-token: write/),
    });
  });
});
