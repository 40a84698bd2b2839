/**
 * A small token server for the Docker registry's token auth (the flow Docker Hub and GHCR
 * use): `GET /token?service=…&scope=repository:<name>:pull,push` with Basic credentials
 * answers `{token, access_token, expires_in, issued_at}`, where the token is an ES256 JWT
 * that distribution verifies against `auth.token.rootcertbundle` through the `x5c` header.
 *
 * Anonymous requests get a token that grants `pull` only; wrong credentials get 401. Every
 * request is logged so tests can assert which scopes were asked for.
 */
import { createPrivateKey, createSign, randomUUID, type KeyObject } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';

export interface TokenServerOptions {
  /** Folder for the key and certificate (created files: token.key, token.crt). */
  dir: string;
  service: string;
  issuer: string;
  username: string;
  password: string;
}

export interface TokenRequest {
  user: string | undefined;
  scopes: string[];
  status: number;
}

export interface TokenServer {
  url: string;
  realm: string;
  /** PEM of the self-signed certificate the registry trusts (rootcertbundle). */
  certFile: string;
  requests: TokenRequest[];
  stop(): Promise<void>;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/** A P-256 key and a self-signed certificate for it, made by openssl (node:crypto cannot sign certificates). */
function makeKeyPair(dir: string): { key: KeyObject; certDer: Buffer; certFile: string } {
  const keyFile = join(dir, 'token.key');
  const certFile = join(dir, 'token.crt');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '2',
      '-subj',
      '/CN=oci-token-test',
    ],
    { stdio: 'ignore' },
  );
  const pem = readFileSync(certFile, 'utf8');
  const body = pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
  return { key: createPrivateKey(readFileSync(keyFile)), certDer: Buffer.from(body, 'base64'), certFile };
}

/** `repository:acme/app:pull,push` -> a claim; other scope types are passed through as asked. */
function accessFor(scope: string, authenticated: boolean) {
  const parts = scope.split(':');
  if (parts.length < 3) return undefined;
  const actions = parts.pop()!.split(',').filter(Boolean);
  const type = parts.shift()!;
  const name = parts.join(':');
  const granted = authenticated ? actions : actions.filter((a) => a === 'pull');
  return { type, name, actions: granted };
}

function readBasic(req: IncomingMessage): { user: string; password: string } | undefined {
  const header = req.headers.authorization;
  if (!header?.startsWith('Basic ')) return undefined;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const at = decoded.indexOf(':');
  return at < 0 ? undefined : { user: decoded.slice(0, at), password: decoded.slice(at + 1) };
}

export async function startTokenServer(options: TokenServerOptions): Promise<TokenServer> {
  const { key, certDer, certFile } = makeKeyPair(options.dir);
  const requests: TokenRequest[] = [];

  const sign = (user: string | undefined, scopes: string[]) => {
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: 'ES256', typ: 'JWT', x5c: [certDer.toString('base64')] };
    const claims = {
      iss: options.issuer,
      sub: user ?? '',
      aud: options.service,
      exp: now + 300,
      nbf: now - 10,
      iat: now,
      jti: randomUUID(),
      access: scopes.map((s) => accessFor(s, user !== undefined)).filter(Boolean),
    };
    const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
    const signature = createSign('SHA256').update(input).sign({ key, dsaEncoding: 'ieee-p1363' });
    return `${input}.${b64url(signature)}`;
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname !== '/token' || req.method !== 'GET') return reply(404, { error: 'not found' });
    const scopes = url.searchParams
      .getAll('scope')
      .flatMap((s) => s.split(' '))
      .filter(Boolean);
    const creds = readBasic(req);
    if (creds && (creds.user !== options.username || creds.password !== options.password)) {
      requests.push({ user: creds.user, scopes, status: 401 });
      return reply(401, { details: 'incorrect username or password' });
    }
    if (url.searchParams.get('service') !== options.service) {
      requests.push({ user: creds?.user, scopes, status: 400 });
      return reply(400, { details: 'unknown service' });
    }
    requests.push({ user: creds?.user, scopes, status: 200 });
    const token = sign(creds?.user, scopes);
    reply(200, { token, access_token: token, expires_in: 300, issued_at: new Date().toISOString() });
  };

  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    realm: `${url}/token`,
    certFile,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
