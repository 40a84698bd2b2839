/**
 * A real Docker registry (Debian's `docker-registry`, distribution 2.8) on a free loopback
 * port, with filesystem storage in a temp folder and deletes enabled, and helpers that push
 * test images over the OCI distribution API on their own (independent of the product code).
 *
 *   const registry = await startDockerRegistry({ auth: 'token' });
 *   const image = await pushTestImage(registry, 'acme/app', 'build-1', { multiArch: true });
 *   // skopeo inspect --tls-verify=false --authfile registry.authFile docker://<registry.host>/acme/app:build-1
 *   await registry.stop();
 *
 * auth: 'none' (anonymous push), 'basic' (htpasswd, bcrypt), or 'token' (the Docker Hub /
 * GHCR bearer flow with test/servers/oci-token.ts as the token server).
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startTokenServer, type TokenServer } from '../servers/oci-token.js';
import { freePort, startProcess } from './process.js';

const execFileAsync = promisify(execFile);

export type RegistryAuth = 'none' | 'basic' | 'token';

export interface DockerRegistry {
  /** http://127.0.0.1:PORT */
  url: string;
  /** 127.0.0.1:PORT, as it appears in image references. */
  host: string;
  port: number;
  auth: RegistryAuth;
  /** Credentials that may push (also set for auth 'none', where they are not checked). */
  username: string;
  password: string;
  /** A containers-auth.json with the credentials, for `skopeo --authfile`. */
  authFile: string;
  /** The token server, for auth 'token'. */
  tokenServer?: TokenServer;
  /** The registry's own log, for debugging a failed test. */
  output(): string;
  stop(): Promise<void>;
}

export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
export const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
const ACCEPT = [OCI_INDEX, OCI_MANIFEST, DOCKER_LIST, DOCKER_MANIFEST].join(', ');

function registryConfig(dir: string, port: number, auth: RegistryAuth, extra: string): string {
  return [
    'version: 0.1',
    'log:',
    '  level: warn',
    '  accesslog:',
    '    disabled: true',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${join(dir, 'data')}`,
    '  delete:',
    '    enabled: true',
    '  maintenance:',
    '    uploadpurging:',
    '      enabled: false',
    'http:',
    `  addr: 127.0.0.1:${port}`,
    `  secret: ${randomBytes(16).toString('hex')}`,
    auth === 'none' ? '' : extra,
    '',
  ].join('\n');
}

export async function startDockerRegistry(options: { auth?: RegistryAuth } = {}): Promise<DockerRegistry> {
  const auth = options.auth ?? 'none';
  const dir = mkdtempSync(join(tmpdir(), 'da-registry-'));
  const port = await freePort();
  const username = 'ci-pusher';
  const password = `pw-${randomBytes(12).toString('hex')}`;
  let tokenServer: TokenServer | undefined;
  let authBlock = '';
  if (auth === 'basic') {
    const line = execFileSync('htpasswd', ['-Bbn', username, password], { encoding: 'utf8' }).trim();
    writeFileSync(join(dir, 'htpasswd'), `${line}\n`);
    authBlock = [
      'auth:',
      '  htpasswd:',
      '    realm: test-registry',
      `    path: ${join(dir, 'htpasswd')}`,
    ].join('\n');
  } else if (auth === 'token') {
    tokenServer = await startTokenServer({
      dir,
      service: 'test-registry',
      issuer: 'test-token-issuer',
      username,
      password,
    });
    authBlock = [
      'auth:',
      '  token:',
      `    realm: ${tokenServer.realm}`,
      '    service: test-registry',
      '    issuer: test-token-issuer',
      `    rootcertbundle: ${tokenServer.certFile}`,
    ].join('\n');
  }
  const configFile = join(dir, 'config.yml');
  writeFileSync(configFile, registryConfig(dir, port, auth, authBlock));
  const host = `127.0.0.1:${port}`;
  const authFile = join(dir, 'auth.json');
  writeFileSync(
    authFile,
    JSON.stringify({
      auths: { [host]: { auth: Buffer.from(`${username}:${password}`).toString('base64') } },
    }),
  );
  const server = await startProcess('docker-registry', ['serve', configFile], {
    port,
    cwd: dir,
    // /v2/ answers (200 or 401) as soon as the registry listens.
    readyPath: '/v2/',
    timeoutMs: 15_000,
  }).catch(async (error) => {
    await tokenServer?.stop();
    throw error;
  });
  return {
    url: `http://${host}`,
    host,
    port,
    auth,
    username,
    password,
    authFile,
    tokenServer,
    output: server.output,
    stop: async () => {
      await server.stop();
      await tokenServer?.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/* ------------------------------------------------------------------------------------------ */
/* A minimal client of the harness's own: fixtures must not depend on the code under test.    */

const tokenCache = new Map<string, string>();

function parseChallenge(header: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const m of header.matchAll(/(\w+)="([^"]*)"/g)) params[m[1]] = m[2];
  return params;
}

/** fetch against the registry, answering its 401 challenge (Basic or Bearer) with the registry's credentials. */
export async function registryFetch(
  registry: DockerRegistry,
  path: string,
  init: RequestInit = {},
): Promise<Response> {
  const url = `${registry.url}${path}`;
  const basic = `Basic ${Buffer.from(`${registry.username}:${registry.password}`).toString('base64')}`;
  const headers = new Headers(init.headers);
  const cacheKey = `${registry.host}|${path.split('/').slice(2, -2).join('/')}`;
  if (registry.auth === 'basic') headers.set('authorization', basic);
  if (registry.auth === 'token' && tokenCache.has(cacheKey))
    headers.set('authorization', `Bearer ${tokenCache.get(cacheKey)}`);
  let res = await fetch(url, { ...init, headers, redirect: 'follow' });
  if (res.status !== 401 || registry.auth !== 'token') return res;
  const challenge = parseChallenge(res.headers.get('www-authenticate') ?? '');
  const realm = new URL(challenge.realm);
  realm.searchParams.set('service', challenge.service);
  // Ask for push too, so one token serves the whole push of a repository.
  if (challenge.scope) realm.searchParams.set('scope', challenge.scope.replace(/:pull$/, ':pull,push'));
  const tokenRes = await fetch(realm, { headers: { authorization: basic } });
  if (!tokenRes.ok) throw new Error(`token server answered ${tokenRes.status}`);
  const { token } = (await tokenRes.json()) as { token: string };
  tokenCache.set(cacheKey, token);
  headers.set('authorization', `Bearer ${token}`);
  res = await fetch(url, { ...init, headers, redirect: 'follow' });
  return res;
}

export const sha256 = (data: Buffer | string) => `sha256:${createHash('sha256').update(data).digest('hex')}`;

/** Upload a blob the way distribution stores it: POST to open an upload, PUT ?digest= to finish. */
export async function pushBlob(registry: DockerRegistry, repo: string, data: Buffer): Promise<string> {
  const digest = sha256(data);
  const head = await registryFetch(registry, `/v2/${repo}/blobs/${digest}`, { method: 'HEAD' });
  if (head.ok) return digest;
  const start = await registryFetch(registry, `/v2/${repo}/blobs/uploads/`, { method: 'POST' });
  if (start.status !== 202) throw new Error(`blob upload start: ${start.status} ${await start.text()}`);
  const location = new URL(start.headers.get('location')!, registry.url);
  location.searchParams.set('digest', digest);
  const put = await registryFetch(registry, `${location.pathname}${location.search}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/octet-stream' },
    body: new Uint8Array(data),
  });
  if (put.status !== 201) throw new Error(`blob upload: ${put.status} ${await put.text()}`);
  return digest;
}

export async function pushManifest(
  registry: DockerRegistry,
  repo: string,
  reference: string,
  body: Buffer,
  mediaType: string,
): Promise<string> {
  const res = await registryFetch(registry, `/v2/${repo}/manifests/${reference}`, {
    method: 'PUT',
    headers: { 'content-type': mediaType },
    body: new Uint8Array(body),
  });
  if (res.status !== 201) throw new Error(`manifest ${repo}:${reference}: ${res.status} ${await res.text()}`);
  return sha256(body);
}

/** The digest a tag points at now (HEAD with the OCI Accept), undefined when absent. */
export async function tagDigest(
  registry: DockerRegistry,
  repo: string,
  reference: string,
): Promise<string | undefined> {
  const res = await registryFetch(registry, `/v2/${repo}/manifests/${reference}`, {
    method: 'HEAD',
    headers: { accept: ACCEPT },
  });
  if (res.status === 404) return undefined;
  if (!res.ok) throw new Error(`HEAD ${repo}:${reference}: ${res.status}`);
  return res.headers.get('docker-content-digest') ?? undefined;
}

/** Whether `repo:reference` is there as an image manifest (HEAD with the OCI and docker v2 Accept). */
export async function hasManifest(
  registry: DockerRegistry,
  repo: string,
  reference: string,
): Promise<boolean> {
  const res = await registryFetch(registry, `/v2/${repo}/manifests/${reference}`, {
    method: 'HEAD',
    headers: { accept: `${OCI_MANIFEST}, ${DOCKER_MANIFEST}` },
  });
  return res.ok;
}

export async function listTags(registry: DockerRegistry, repo: string): Promise<string[]> {
  const res = await registryFetch(registry, `/v2/${repo}/tags/list?n=1000`);
  if (res.status === 404) return [];
  return (((await res.json()) as { tags?: string[] | null }).tags ?? []).sort();
}

/** A one-file tar (ustar), enough to be a real layer. */
export function tarOneFile(name: string, content: Buffer): Buffer {
  const header = Buffer.alloc(512);
  const field = (value: string, offset: number, length: number) =>
    header.write(value, offset, length, 'ascii');
  field(name, 0, 100);
  field('0000644\0', 100, 8);
  field('0000000\0', 108, 8);
  field('0000000\0', 116, 8);
  field(`${content.length.toString(8).padStart(11, '0')}\0`, 124, 12);
  field('00000000000\0', 136, 12);
  field('        ', 148, 8);
  field('0', 156, 1);
  field('ustar\0', 257, 6);
  field('00', 263, 2);
  let sum = 0;
  for (const byte of header) sum += byte;
  field(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8);
  const padded = Buffer.alloc(Math.ceil(content.length / 512) * 512);
  content.copy(padded);
  return Buffer.concat([header, padded, Buffer.alloc(1024)]);
}

export interface PushedImage {
  repo: string;
  tag: string;
  /** The digest of what the tag points at (the index for a multi-arch image). */
  digest: string;
  mediaType: string;
  manifest: Buffer;
  /** Multi-arch: the child manifests, in index order. */
  children: { digest: string; platform: { architecture: string; os: string } }[];
  /** Every blob digest (configs and layers) the image references. */
  blobs: string[];
}

export interface PushImageOptions {
  /** An index of two platform manifests (amd64, arm64) instead of one manifest. */
  multiArch?: boolean;
  /** Makes the layers unique, so two images of different content have different digests. Default: repo:tag. */
  content?: string;
  /** Docker v2 media types instead of OCI. */
  docker?: boolean;
}

async function pushPlatformImage(
  registry: DockerRegistry,
  repo: string,
  content: string,
  platform: { architecture: string; os: string },
  docker: boolean,
): Promise<{ digest: string; size: number; mediaType: string; blobs: string[] }> {
  const tar = tarOneFile('hello.txt', Buffer.from(`${content} ${platform.os}/${platform.architecture}\n`));
  const layer = gzipSync(tar);
  const config = Buffer.from(
    JSON.stringify({
      architecture: platform.architecture,
      os: platform.os,
      config: { Labels: { 'test.content': content } },
      rootfs: { type: 'layers', diff_ids: [sha256(tar)] },
    }),
  );
  const layerDigest = await pushBlob(registry, repo, layer);
  const configDigest = await pushBlob(registry, repo, config);
  const mediaType = docker ? DOCKER_MANIFEST : OCI_MANIFEST;
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType,
      config: {
        mediaType: docker
          ? 'application/vnd.docker.container.image.v1+json'
          : 'application/vnd.oci.image.config.v1+json',
        digest: configDigest,
        size: config.length,
      },
      layers: [
        {
          mediaType: docker
            ? 'application/vnd.docker.image.rootfs.diff.tar.gzip'
            : 'application/vnd.oci.image.layer.v1.tar+gzip',
          digest: layerDigest,
          size: layer.length,
        },
      ],
    }),
  );
  const digest = await pushManifest(registry, repo, sha256(manifest), manifest, mediaType);
  return { digest, size: manifest.length, mediaType, blobs: [configDigest, layerDigest] };
}

/**
 * Push a small image (config + one real gzip layer + manifest) as repo:tag; with `multiArch`,
 * two platform images and an index over them. Returns the digests a test checks against.
 */
export async function pushTestImage(
  registry: DockerRegistry,
  repo: string,
  tag: string,
  options: PushImageOptions = {},
): Promise<PushedImage> {
  const content = options.content ?? `${repo}:${tag}`;
  const docker = options.docker ?? false;
  if (!options.multiArch) {
    const image = await pushPlatformImage(
      registry,
      repo,
      content,
      { architecture: 'amd64', os: 'linux' },
      docker,
    );
    const res = await registryFetch(registry, `/v2/${repo}/manifests/${image.digest}`, {
      headers: { accept: image.mediaType },
    });
    const manifest = Buffer.from(await res.arrayBuffer());
    await pushManifest(registry, repo, tag, manifest, image.mediaType);
    return {
      repo,
      tag,
      digest: image.digest,
      mediaType: image.mediaType,
      manifest,
      children: [],
      blobs: image.blobs,
    };
  }
  const platforms = [
    { architecture: 'amd64', os: 'linux' },
    { architecture: 'arm64', os: 'linux' },
  ];
  const images = [];
  for (const platform of platforms)
    images.push({ platform, ...(await pushPlatformImage(registry, repo, content, platform, docker)) });
  const mediaType = docker ? DOCKER_LIST : OCI_INDEX;
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType,
      manifests: images.map((i) => ({
        mediaType: i.mediaType,
        digest: i.digest,
        size: i.size,
        platform: i.platform,
      })),
    }),
  );
  const digest = await pushManifest(registry, repo, tag, manifest, mediaType);
  return {
    repo,
    tag,
    digest,
    mediaType,
    manifest,
    children: images.map((i) => ({ digest: i.digest, platform: i.platform })),
    blobs: images.flatMap((i) => i.blobs),
  };
}

/**
 * Run Debian's skopeo against the registry: plain HTTP (`--tls-verify=false`, or the src/dest
 * pair for `copy`), the registry's credentials from its auth file (REGISTRY_AUTH_FILE).
 * Asynchronous on purpose: with auth 'token' the token server runs in this process and must
 * keep answering while skopeo waits for it.
 */
export async function skopeo(registry: DockerRegistry, args: string[]): Promise<Buffer> {
  const [command, ...rest] = args;
  const plainHttp =
    command === 'copy' ? ['--src-tls-verify=false', '--dest-tls-verify=false'] : ['--tls-verify=false'];
  const { stdout } = await execFileAsync('skopeo', [command, ...plainHttp, ...rest], {
    encoding: 'buffer',
    env: { ...process.env, REGISTRY_AUTH_FILE: registry.authFile },
    timeout: 30_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

/** `skopeo inspect` of repo:tag (or repo@digest): the parsed JSON; `raw` gives the manifest or index itself. */
export async function skopeoInspect(
  registry: DockerRegistry,
  reference: string,
  options: { raw?: boolean } = {},
): Promise<Record<string, unknown>> {
  const args = ['inspect', ...(options.raw ? ['--raw'] : []), `docker://${registry.host}/${reference}`];
  return JSON.parse((await skopeo(registry, args)).toString('utf8')) as Record<string, unknown>;
}

/** The manifest digest skopeo sees for repo:tag (independent of our client and of the harness's). */
export async function skopeoDigest(registry: DockerRegistry, reference: string): Promise<string> {
  // `skopeo inspect` (not raw) resolves an index to one platform; digest the raw bytes instead.
  return sha256(await skopeo(registry, ['inspect', '--raw', `docker://${registry.host}/${reference}`]));
}
