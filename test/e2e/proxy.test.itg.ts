/**
 * Behind an HTTP proxy, as self-hosted runners often are: the bundles send every call of their
 * own through HTTPS_PROXY / HTTP_PROXY (CONNECT tunnels for https, absolute form for http),
 * leave NO_PROXY hosts alone, and the npm CLI they run gets the same settings. The registry's
 * name (npm.registry.test) resolves only inside the proxy, so an answer proves the route.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../harness/process.js';
import { runAction } from '../harness/run-action.js';
import { startVerdaccio, type Verdaccio } from '../harness/verdaccio.js';
import { packument, pkg, publishNpm, shown, workspaceWith } from '../fixtures/npm/e2e.js';
import {
  selfSignedCertificate,
  startProxy,
  startTlsFront,
  type ProxyServer,
  type TlsCertificate,
} from '../servers/http-proxy.js';

const NAME = 'npm.registry.test';
const PASSWORD = 'pr0xy-s3cret-pass';
let registry: Verdaccio;
let certificate: TlsCertificate;
let front: { port: number; stop(): Promise<void> };
let proxy: ProxyServer;
let guarded: ProxyServer;

beforeAll(async () => {
  registry = await startVerdaccio();
  certificate = selfSignedCertificate(mkdtempSync(join(tmpdir(), 'da-proxy-tls-')), [NAME]);
  const plain = new URL(registry.url).host;
  front = await startTlsFront(certificate, plain);
  const hosts = { [`${NAME}:443`]: `127.0.0.1:${front.port}`, [`${NAME}:80`]: plain };
  proxy = await startProxy({ hosts });
  guarded = await startProxy({ hosts, credentials: { user: 'deploy', password: PASSWORD } });
});

afterAll(async () => {
  await Promise.all([proxy?.stop(), guarded?.stop(), front?.stop()]);
  await registry?.stop();
});

const curl = (args: string[]) =>
  new Promise<{ code: number; stdout: string }>((resolve) =>
    execFile('curl', ['-sS', '--max-time', '10', ...args], (error, stdout) =>
      resolve({ code: error ? Number(error.code) : 0, stdout }),
    ),
  );

/** check-published for one npm package at `registry`, with the proxy settings in `env`. */
async function check(name: string, registryUrl: string, env: Record<string, string>) {
  const run = await runAction('check-published', {
    inputs: { version: '1.0.0', targets: `npm:${name} ${registryUrl}` },
    env: {
      NODE_EXTRA_CA_CERTS: certificate.certFile,
      DEPLOY_ACTIONS_HTTP_RETRIES: '1',
      DEPLOY_ACTIONS_HTTP_BACKOFF_MS: '50',
      ...env,
    },
  });
  const result = JSON.parse(run.outputs.results)[`npm:${name}`] as { published: unknown; error: string };
  return { run, result };
}

let published = false;
/** A package on the registry at 1.0.0, published directly (no proxy) once. */
async function ensurePublished(): Promise<string> {
  if (!published) {
    const run = await publishNpm(registry, workspaceWith(pkg('behind-proxy', '1.0.0')), { version: '1.0.0' });
    expect(run.outputs.status).toBe('published');
    published = true;
  }
  return 'behind-proxy';
}

describe('the test proxy', () => {
  test('curl reaches the registry through it, by CONNECT and in absolute form, and not without it', async () => {
    const before = proxy.log.length;
    const tunnelled = await curl([
      '--proxy',
      proxy.url,
      '--cacert',
      certificate.certFile,
      `https://${NAME}/-/ping`,
    ]);
    expect(tunnelled.code).toBe(0);
    const forwarded = await curl(['--proxy', proxy.url, `http://${NAME}/-/ping`]);
    expect(forwarded.code).toBe(0);
    expect(proxy.log.slice(before)).toEqual([
      { method: 'CONNECT', target: `${NAME}:443`, status: 200 },
      { method: 'GET', target: `http://${NAME}/-/ping`, status: 200 },
    ]);
    // Directly, the name does not resolve (curl's exit 6).
    expect((await curl([`https://${NAME}/-/ping`])).code).toBe(6);
    // The guarded proxy wants credentials.
    const refused = await curl([
      '--proxy',
      guarded.url,
      '-o',
      '/dev/null',
      '-w',
      '%{http_code}',
      `http://${NAME}/-/ping`,
    ]);
    expect(refused.stdout).toBe('407');
  });
});

describe('bundles behind a proxy', () => {
  test('publish-npm publishes to an https registry through HTTPS_PROXY: its check and npm upload both tunnel', async () => {
    const before = proxy.log.length;
    const workspace = workspaceWith(pkg('tunnelled', '2.0.0'));
    const env = { HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: certificate.certFile };
    const run = await publishNpm(registry, workspace, { version: '2.0.0', registry: `https://${NAME}` }, env);
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('published');
    expect((await packument(registry, 'tunnelled'))?.versions).toHaveProperty(['2.0.0']);
    const tunnels = proxy.log.slice(before);
    expect(tunnels.length).toBeGreaterThanOrEqual(2);
    expect(
      tunnels.every((e) => e.method === 'CONNECT' && e.target === `${NAME}:443` && e.status === 200),
    ).toBe(true);
    // The rerun asks through the proxy too, and skips.
    const rerun = await publishNpm(
      registry,
      workspace,
      { version: '2.0.0', registry: `https://${NAME}` },
      env,
    );
    expect(rerun.outputs.status).toBe('skipped');
  });

  test('check-published asks an http registry through HTTP_PROXY, in absolute form', async () => {
    const name = await ensurePublished();
    const before = proxy.log.length;
    const { run, result } = await check(name, `http://${NAME}/`, { HTTP_PROXY: proxy.url });
    expect(run.code).toBe(0);
    expect(result.published).toBe(true);
    expect(proxy.log.slice(before)).toContainEqual({
      method: 'GET',
      target: `http://${NAME}/${name}`,
      status: 200,
    });
  });

  test('NO_PROXY sends a host around the proxy (which alone can resolve it here)', async () => {
    const name = await ensurePublished();
    const before = proxy.log.length;
    const { result } = await check(name, `https://${NAME}/`, {
      HTTPS_PROXY: proxy.url,
      NO_PROXY: '.registry.test',
    });
    expect(result.published).toBe('unknown');
    expect(result.error).toMatch(/ENOTFOUND/);
    expect(proxy.log.length).toBe(before);
  });

  test('a proxy that wants credentials: a 407 is reported and not retried; with them in the URL it works and the password is never shown', async () => {
    const name = await ensurePublished();
    const refused = await check(name, `https://${NAME}/`, { HTTPS_PROXY: guarded.url });
    expect(refused.result.published).toBe('unknown');
    expect(refused.result.error).toMatch(
      /the proxy 127\.0\.0\.1:\d+ \(HTTPS_PROXY\) answered 407 Proxy Authentication Required to CONNECT npm\.registry\.test:443/,
    );
    // Not retried: the proxy's answer will not change.
    expect(guarded.log.filter((e) => e.method === 'CONNECT' && e.status === 407)).toHaveLength(1);

    // In absolute form (an http registry), the proxy's 407 is not taken for the registry's answer.
    const plain = await check(name, `http://${NAME}/`, { HTTP_PROXY: guarded.url });
    expect(plain.result.published).toBe('unknown');
    expect(plain.result.error).toMatch(
      /the proxy 127\.0\.0\.1:\d+ \(HTTP_PROXY\) answered 407 Proxy Authentication Required to GET http:\/\/npm\.registry\.test\/behind-proxy$/,
    );

    const withCredentials = guarded.url.replace('http://', `http://deploy:${PASSWORD}@`);
    const { run, result } = await check(name, `https://${NAME}/`, { https_proxy: withCredentials });
    expect(result.published).toBe(true);
    expect(guarded.log.at(-1)).toEqual({ method: 'CONNECT', target: `${NAME}:443`, status: 200 });
    expect(run.stdout).toContain(`::add-mask::${PASSWORD}`);
    for (const text of [shown(run.stdout), run.stderr, run.summary, JSON.stringify(run.outputs)])
      expect(text).not.toContain(PASSWORD);
  });

  test('a proxy that is down, or never answers, fails the check within the timeout and names the proxy', async () => {
    const name = await ensurePublished();
    const closedPort = await freePort();
    const down = await check(name, `https://${NAME}/`, { HTTPS_PROXY: `http://127.0.0.1:${closedPort}` });
    expect(down.result.published).toBe('unknown');
    expect(down.result.error).toMatch(
      new RegExp(`cannot reach the proxy 127\\.0\\.0\\.1:${closedPort} \\(HTTPS_PROXY\\): ECONNREFUSED`),
    );

    // Accepts the connection, then says nothing.
    const silent = createNetServer(() => undefined);
    const silentPort = await new Promise<number>((resolve) =>
      silent.listen(0, '127.0.0.1', () => resolve((silent.address() as AddressInfo).port)),
    );
    try {
      const started = Date.now();
      const mute = await check(name, `https://${NAME}/`, {
        HTTPS_PROXY: `http://127.0.0.1:${silentPort}`,
        DEPLOY_ACTIONS_HTTP_TIMEOUT_MS: '500',
      });
      expect(mute.result.published).toBe('unknown');
      expect(mute.result.error).toMatch(/timeout|no answer from the proxy/);
      // Two attempts of 500 ms, then the process ends: no connection left holding it open.
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      silent.close();
    }
  });

  test('a proxy setting that cannot work is one clear error', async () => {
    const name = await ensurePublished();
    const { run, result } = await check(name, `https://${NAME}/`, { HTTPS_PROXY: 'socks5://127.0.0.1:1080' });
    expect(run.code).toBe(0);
    expect(result.published).toBe('unknown');
    expect(result.error).toBe(
      'HTTPS_PROXY names a socks5 proxy; only HTTP proxies (http:// or https://) are supported',
    );
  });
});
