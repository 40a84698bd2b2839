/**
 * Promotion through transient failures: a proxy in front of a real registry drops or fails
 * requests once, after the registry may already have done the work. The publisher must end
 * with the whole image in place, and no blob upload may be completed twice.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { HttpClient } from '@deploy-actions/action-kit/http';
import { MemoryReporter } from '@deploy-actions/action-kit/log';
import { publish } from '@deploy-actions/targets/docker/publish';
import { parseSemVer } from '@deploy-actions/version';
import {
  pushTestImage,
  skopeoDigest,
  startDockerRegistry,
  type DockerRegistry,
  type PushedImage,
} from '../harness/docker-registry.js';

interface Fault {
  /** Which request, e.g. "POST /v2/acme/app/blobs/uploads/". */
  match: (method: string, path: string) => boolean;
  /** Send it on to the registry before failing (the work is done, the answer is lost). */
  forward: boolean;
  status: number;
  left: number;
}

let target: DockerRegistry;
let source: DockerRegistry;
let image: PushedImage;
let proxy: Server;
let proxyUrl: string;
const faults: Fault[] = [];
/** Blob uploads the registry completed (201 to a PUT ?digest=), by digest. */
const completed = new Map<string, number>();

beforeAll(async () => {
  [target, source] = await Promise.all([startDockerRegistry(), startDockerRegistry()]);
  image = await pushTestImage(source, 'ci/app', 'b1', { multiArch: true });
  proxy = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const fault = faults.find((f) => f.left > 0 && f.match(method, path));
    if (fault) fault.left--;
    if (fault && !fault.forward) {
      res.writeHead(fault.status).end();
      return;
    }
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(req.headers))
      if (typeof value === 'string' && key !== 'host') headers[key] = value;
    const upstream = await fetch(`${target.url}${path}`, {
      method,
      headers,
      body: chunks.length ? Buffer.concat(chunks) : undefined,
      redirect: 'manual',
    });
    const body = Buffer.from(await upstream.arrayBuffer());
    const digest = new URL(path, 'http://x').searchParams.get('digest');
    if (method === 'PUT' && digest && upstream.status === 201)
      completed.set(digest, (completed.get(digest) ?? 0) + 1);
    if (fault) {
      res.writeHead(fault.status).end();
      return;
    }
    const out: Record<string, string> = {};
    upstream.headers.forEach((value, key) => {
      if (!['content-length', 'transfer-encoding', 'connection'].includes(key))
        out[key] = key === 'location' ? value.replace(target.url, proxyUrl) : value;
    });
    res.writeHead(upstream.status, out).end(method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
});

afterAll(async () => {
  proxy?.closeAllConnections();
  await new Promise((resolve) => proxy?.close(resolve));
  await target?.stop();
  await source?.stop();
});

test('an upload that landed but whose answer was lost, a refused upload start and a failed tag PUT: the image ends whole, nothing uploaded twice', async () => {
  faults.push(
    { match: (m, p) => m === 'POST' && p.includes('/blobs/uploads/'), forward: false, status: 503, left: 1 },
    { match: (m, p) => m === 'PUT' && p.includes('/blobs/uploads/'), forward: true, status: 502, left: 2 },
    { match: (m, p) => m === 'PUT' && p.endsWith('/manifests/1.0'), forward: true, status: 500, left: 1 },
  );
  const reporter = new MemoryReporter();
  const result = await publish(
    // The image's host is reached through the proxy (the `registry` override).
    {
      image: 'registry.example/acme/app',
      registry: proxyUrl,
      source: `${source.host}/ci/app:b1`,
      tags: ['auto'],
    },
    {
      target: 'docker',
      version: { version: '1.0.0', semver: parseSemVer('1.0.0')!, tag: 'v1.0.0', pep440: '1.0.0' },
      force: false,
      dryRun: false,
      workspace: tmpdir(),
      tempDir: tmpdir(),
      env: {},
      reporter,
      http: new HttpClient({ retries: 3, baseDelayMs: 5, reporter }),
      defer: () => undefined,
    },
  );
  expect(faults.map((f) => f.left)).toEqual([0, 0, 0]);
  expect(result.status).toBe('published');
  expect(result.digest).toBe(image.digest);
  for (const tag of ['1.0.0', '1.0', '1', 'latest'])
    expect([tag, await skopeoDigest(target, `acme/app:${tag}`)]).toEqual([tag, image.digest]);
  for (const child of image.children)
    expect(await skopeoDigest(target, `acme/app@${child.digest}`)).toBe(child.digest);
  // Every blob arrived, each upload completed exactly once.
  expect([...completed.keys()].sort()).toEqual([...image.blobs].sort());
  expect([...completed.values()].every((n) => n === 1)).toBe(true);
  // The retries were seen and reported (in debug), not hidden.
  expect(
    reporter.lines.filter((l) => l.level === 'debug' && /retry/.test(l.message)).length,
  ).toBeGreaterThanOrEqual(3);
});
