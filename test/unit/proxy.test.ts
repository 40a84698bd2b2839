import { afterEach, describe, expect, test } from '@jest/globals';
import { createServer as createNetServer, type AddressInfo, type Server as NetServer } from 'node:net';
import { HttpClient, ProxyError, bypassesProxy, proxyFor } from '@deploy-actions/action-kit/http';
import { redact } from '@deploy-actions/action-kit/secrets';

const url = (href: string) => new URL(href);

describe('proxyFor', () => {
  test('https URLs use HTTPS_PROXY, http URLs HTTP_PROXY; the lower-case spelling wins', () => {
    const env = {
      HTTPS_PROXY: 'http://secure:3128',
      HTTP_PROXY: 'http://plain:3128',
      https_proxy: 'http://lower:8080',
    };
    expect(proxyFor(url('https://registry.npmjs.org/x'), env)).toMatchObject({
      label: 'lower:8080',
      variable: 'https_proxy',
    });
    expect(proxyFor(url('http://pypi.internal/simple/'), env)).toMatchObject({
      label: 'plain:3128',
      variable: 'HTTP_PROXY',
    });
    expect(proxyFor(url('http://pypi.internal/'), { HTTPS_PROXY: 'http://secure:3128' })).toBeUndefined();
    expect(proxyFor(url('https://ghcr.io/v2/'), {})).toBeUndefined();
  });

  test('a proxy without a scheme is http://, and its default port is named', () => {
    expect(proxyFor(url('https://ghcr.io/'), { HTTPS_PROXY: 'proxy.corp:3128' })?.url.href).toBe(
      'http://proxy.corp:3128/',
    );
    expect(proxyFor(url('https://ghcr.io/'), { HTTPS_PROXY: 'http://proxy.corp' })?.label).toBe(
      'proxy.corp:80',
    );
    expect(proxyFor(url('https://ghcr.io/'), { HTTPS_PROXY: 'https://proxy.corp' })?.label).toBe(
      'proxy.corp:443',
    );
  });

  test('credentials become a masked Proxy-Authorization and leave the URL', () => {
    const proxy = proxyFor(url('https://crates.io/'), {
      HTTPS_PROXY: 'http://ci%40corp:p%3Ass-w0rd-x@proxy:3128',
    })!;
    expect(proxy.authorization).toBe(`Basic ${Buffer.from('ci@corp:p:ss-w0rd-x').toString('base64')}`);
    expect(proxy.url.href).toBe('http://proxy:3128/');
    expect(redact('token p:ss-w0rd-x here')).toBe('token *** here');
  });

  test('settings that cannot work are a ProxyError naming the variable', () => {
    expect(() => proxyFor(url('https://a.example/'), { HTTPS_PROXY: 'socks5://proxy:1080' })).toThrow(
      new ProxyError(
        'HTTPS_PROXY names a socks5 proxy; only HTTP proxies (http:// or https://) are supported',
      ),
    );
    expect(() => proxyFor(url('http://a.example/'), { http_proxy: 'http://[bad' })).toThrow(
      'http_proxy is not a URL',
    );
  });
});

describe('bypassesProxy (NO_PROXY)', () => {
  test.each([
    ['https://registry.npmjs.org/', 'registry.npmjs.org', true],
    ['https://registry.npmjs.org/', 'npmjs.org', true],
    ['https://registry.npmjs.org/', '.npmjs.org', true],
    ['https://registry.npmjs.org/', '*.npmjs.org', true],
    ['https://npmjs.org/', '.npmjs.org', true],
    ['https://evilnpmjs.org/', 'npmjs.org', false],
    ['https://ghcr.io/', 'example.com, ghcr.io', true],
    ['https://ghcr.io/', 'example.com ghcr.io', true],
    ['https://ghcr.io/', '*', true],
    ['https://ghcr.io/', 'ghcr.io:8443', false],
    ['https://ghcr.io:8443/', 'ghcr.io:8443', true],
    ['http://ghcr.io/', 'ghcr.io:80', true],
    ['https://GHCR.IO/', 'ghcr.io', true],
    ['https://10.0.0.5:5000/', '10.0.0.5', true],
    ['https://[fd00::1]:5000/', '[fd00::1]', true],
    ['https://[fd00::1]:5000/', '[fd00::1]:5000', true],
    ['https://[fd00::1]:5000/', '[fd00::1]:443', false],
    ['https://[fd00::1]:5000/', 'fd00::1', true],
    ['https://ghcr.io/', '', false],
  ])('%s with NO_PROXY=%j: %s', (href, noProxy, bypassed) => {
    expect(bypassesProxy(url(href), noProxy)).toBe(bypassed);
  });

  test.each([
    'http://localhost:4873/',
    'http://127.0.0.1:5000/',
    'http://127.8.0.1/',
    'http://[::1]:8080/',
    'http://app.localhost/',
  ])('loopback %s is always reached directly', (href) => {
    expect(bypassesProxy(url(href), undefined)).toBe(true);
    expect(proxyFor(url(href), { HTTP_PROXY: 'http://proxy:3128' })).toBeUndefined();
  });
});

describe('requests through a proxy (the tunnel of @actions/http-client)', () => {
  const saved = { ...process.env };
  let server: NetServer | undefined;
  let seen: string[] = [];
  let open = 0;

  /** A proxy that reads the CONNECT and answers with `answer` (or nothing at all). */
  async function proxyAnswering(answer: string | undefined): Promise<string> {
    seen = [];
    open = 0;
    server = createNetServer((socket) => {
      open++;
      socket.on('close', () => open--);
      socket.once('data', (data) => {
        seen.push(data.toString('latin1').split('\r\n')[0]);
        if (answer) socket.end(answer);
      });
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  afterEach(async () => {
    for (const name of ['HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy'])
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    server = undefined;
  });

  const client = () =>
    new HttpClient({ retries: 2, baseDelayMs: 1, timeoutMs: 400, sleep: async () => undefined });

  test('a 403 to the CONNECT is the proxy refusing, said as such, and not retried', async () => {
    process.env.HTTPS_PROXY = await proxyAnswering('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
    const error = await client()
      .request({ url: 'https://registry.test/pkg' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProxyError);
    expect((error as Error).message).toMatch(
      /^the proxy 127\.0\.0\.1:\d+ \(HTTPS_PROXY\) answered 403 Forbidden to CONNECT registry\.test:443$/,
    );
    expect(seen).toEqual(['CONNECT registry.test:443 HTTP/1.1']);
  });

  test('a proxy that never answers fails within the deadline and its connection is closed', async () => {
    process.env.https_proxy = await proxyAnswering(undefined);
    const started = Date.now();
    const error = await client()
      .request({ url: 'https://registry.test/pkg', retries: 0 })
      .catch((e: unknown) => e);
    expect(String(error)).toMatch(/timeout|no answer from the proxy 127\.0\.0\.1:\d+ \(https_proxy\)/);
    expect(Date.now() - started).toBeLessThan(2000);
    // Nothing left holding the process open: the tunnel's CONNECT was given up too.
    for (let i = 0; i < 40 && open > 0; i++) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(open).toBe(0);
    expect(seen).toEqual(['CONNECT registry.test:443 HTTP/1.1']);
  });

  test('NO_PROXY in the spellings the library does not read still goes direct; the variables are left as they were', async () => {
    process.env.HTTPS_PROXY = await proxyAnswering('HTTP/1.1 403 Forbidden\r\n\r\n');
    process.env.NO_PROXY = 'example.com *.registry.test';
    const error = await client()
      .request({ url: 'https://pkg.registry.test/x', retries: 0 })
      .catch((e: unknown) => e);
    // Direct: the name does not resolve here, and the proxy saw nothing.
    expect(String(error)).toMatch(/ENOTFOUND|EAI_AGAIN/);
    expect(seen).toEqual([]);
    expect(process.env.NO_PROXY).toBe('example.com *.registry.test');
    expect(process.env.no_proxy).toBeUndefined();
    expect(process.env.https_proxy).toBeUndefined();
  });
});
