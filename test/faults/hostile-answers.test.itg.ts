/**
 * A registry that answers with something hostile or broken, in place of the real registry's
 * answer to the first read of each publisher (a loopback fault proxy in front of Verdaccio,
 * docker-registry, the PyPI, crates and GitHub test servers): a gzip bomb (300 KB that inflates
 * to 300 MB), a redirect loop, a redirect to file://, an HTML page with 200, JSON of another
 * shape. Through each publisher's bundle: one clear error naming the registry's host, no retry
 * of what a retry cannot change, no TypeError, nothing published, no request built from a
 * missing field.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGzip } from 'node:zlib';
import { runAction, type ActionRun } from '../harness/run-action.js';
import type { Verdaccio } from '../harness/verdaccio.js';
import { hasManifest, type DockerRegistry } from '../harness/docker-registry.js';
import type { PypiServer } from '../servers/pypi.js';
import type { CratesServer } from '../servers/crates.js';
import { copyCrateFixture } from '../servers/crates-cargo.js';
import type { GitHubServer } from '../servers/github.js';
import { makeDistributions } from '../fixtures/pypi/dists.js';
import type { Fault, FaultProxy } from './proxy.js';
import { startFaultRegistries } from './registries.js';

const FAST = {
  DEPLOY_ACTIONS_HTTP_BACKOFF_MS: '20',
  DEPLOY_ACTIONS_HTTP_TIMEOUT_MS: '20000',
  DEPLOY_ACTIONS_HTTP_RETRIES: '4',
};
const CRATES_TOKEN = 'cio_hostile_token_4f2a9c';
const GITHUB_TOKEN = 'ghs_hostileAnswersToken0123456789ab';

interface Registry {
  name: string;
  /** Publish version `v` through the bundle, via the proxy. */
  publish(v: string): Promise<ActionRun>;
  /** Whether version `v` reached the registry. */
  published(v: string): Promise<boolean>;
  /** The first answer the publisher reads (and trusts) from the registry. */
  read: { method: string; path: RegExp };
  /** JSON that parses but is not the answer asked for. */
  wrongShape: string;
}

let verdaccio: Verdaccio;
let docker: DockerRegistry;
let pypi: PypiServer;
let crates: CratesServer;
let github: GitHubServer;
let scratch: string;
let bomb: Buffer;
let proxies: Record<string, FaultProxy> = {};
let stopRegistries: (() => Promise<void>) | undefined;
let registries: Registry[] = [];
let counter = 0;

/** 300 MB of zeros, gzipped as it streams (about 300 KB), without holding the 300 MB. */
async function gzipBomb(megabytes: number): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const chunks: Buffer[] = [];
  gzip.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => gzip.on('end', resolve));
  const mb = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < megabytes; i++) if (!gzip.write(mb)) await new Promise((r) => gzip.once('drain', r));
  gzip.end();
  await done;
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'da-hostile-'));
  const [started, gzipped] = await Promise.all([
    startFaultRegistries({ pypi: 'pypi-hostile-token', crates: CRATES_TOKEN, github: GITHUB_TOKEN }),
    gzipBomb(300),
  ]);
  ({ verdaccio, docker, pypi, crates, github, proxies, stop: stopRegistries } = started);
  bomb = gzipped;
  const dockerProxyHost = new URL(proxies.docker.url).host;
  registries = [
    {
      name: 'npm',
      publish: (v) => {
        const dir = mkdtempSync(join(scratch, 'npm-'));
        writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: '@acme/hostile', version: v }));
        writeFileSync(join(dir, 'index.js'), 'module.exports = 1;\n');
        return runAction('publish-npm', {
          workspace: dir,
          inputs: { version: v, registry: proxies.npm.url },
          env: { NPM_TOKEN: verdaccio.token, ...FAST },
        });
      },
      published: async (v) => {
        const res = await fetch(`${verdaccio.url}/@acme%2fhostile`);
        return res.ok && v in ((await res.json()) as { versions: Record<string, unknown> }).versions;
      },
      read: { method: 'GET', path: /^\/@acme%2fhostile$/ },
      wrongShape: '{"name":"@acme/hostile","versions":["1.0.0"],"dist-tags":"latest"}',
    },
    {
      name: 'pypi',
      publish: (v) => {
        const dir = mkdtempSync(join(scratch, 'pypi-'));
        mkdirSync(join(dir, 'dist'));
        makeDistributions(join(dir, 'dist'), 'hostile-app', v, 'wheel');
        return runAction('publish-pypi', {
          workspace: dir,
          inputs: { version: v, registry: `${proxies.pypi.url}/` },
          env: { PYPI_TOKEN: 'pypi-hostile-token', ...FAST },
        });
      },
      published: async (v) => pypi.uploads.some((u) => u.version === v),
      read: { method: 'GET', path: /^\/pypi\// },
      wrongShape: '{"info":"hostile-app","releases":["1.0.0"],"urls":{"filename":1}}',
    },
    {
      name: 'crates',
      publish: (v) =>
        runAction('publish-crates', {
          workspace: copyCrateFixture('single', join(scratch, `crate-${v}`), v),
          inputs: {
            version: v,
            registry: `sparse+${proxies.crates.url}/index/`,
            'registry-name': 'local',
            verify: 'false',
          },
          env: { CARGO_REGISTRY_TOKEN: CRATES_TOKEN, ...FAST },
        }),
      published: async (v) => crates.uploads.includes(`da-hello@${v}`),
      read: { method: 'GET', path: /^\/index\/da\/-h\/da-hello$/ },
      wrongShape: '{"name":"da-hello","vers":100,"cksum":["not","a","digest"]}\n',
    },
    {
      name: 'docker',
      publish: (v) =>
        runAction('publish-docker', {
          workspace: mkdtempSync(join(scratch, 'docker-')),
          inputs: {
            version: v,
            image: `${docker.host}/acme/hostile`,
            registry: docker.url,
            source: `${dockerProxyHost}/acme/ci:build`,
            tags: v,
          },
          env: FAST,
        }),
      published: (v) => hasManifest(docker, 'acme/hostile', v),
      read: { method: 'GET', path: /^\/v2\/acme\/ci\/manifests\/build$/ },
      wrongShape: '{"schemaVersion":2,"config":{"digest":7},"layers":"none"}',
    },
    {
      name: 'github-release',
      publish: (v) => {
        const dir = mkdtempSync(join(scratch, 'gh-'));
        mkdirSync(join(dir, 'build'));
        writeFileSync(join(dir, 'build', 'app.tar.gz'), `app ${v}\n`);
        return runAction('publish-github-release', {
          workspace: dir,
          inputs: { version: v, repository: `acme/hostile${v.replace(/\./g, '')}`, assets: 'build/*.tar.gz' },
          env: { GITHUB_API_URL: proxies['github-release'].url, GITHUB_TOKEN, ...FAST },
        });
      },
      published: async (v) =>
        github.state.releases(`acme/hostile${v.replace(/\./g, '')}`).some((r) => !r.draft),
      read: { method: 'GET', path: /^\/repos\/acme\/hostile\d+\/releases/ },
      wrongShape: '{"id":"seven","tag_name":1,"assets":{}}',
    },
  ];
}, 120_000);

afterAll(async () => {
  await stopRegistries?.();
});

interface Case {
  fault: (r: Registry) => Fault;
  /** What the one error must say. */
  says: RegExp;
  /** The most requests the faulty answer may draw (no retry of what a retry cannot change). */
  maxHits: number;
}

const CASES: Record<string, Case> = {
  'a gzip bomb (300 KB inflating to 300 MB)': {
    fault: () => ({
      kind: 'status',
      status: 200,
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: bomb,
    }),
    says: /larger than 64 MiB/,
    maxHits: 1,
  },
  'a redirect loop': {
    fault: () => ({ kind: 'status', status: 301, headers: { location: '{self}' } }),
    says: /redirect/,
    maxHits: 21,
  },
  'a redirect to file://': {
    fault: () => ({ kind: 'status', status: 302, headers: { location: 'file:///etc/passwd' } }),
    says: /file: URL/,
    maxHits: 1,
  },
  'an HTML page answering 200': {
    fault: () => ({
      kind: 'status',
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body: '<!DOCTYPE html><html><body><h1>Sign in</h1></body></html>',
    }),
    says: /answered .*text\/html.*which is not/,
    maxHits: 1,
  },
  'JSON of the wrong shape': {
    fault: (r) => ({
      kind: 'status',
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: r.wrongShape,
    }),
    says: /answered .*JSON.*which is not/,
    maxHits: 1,
  },
};

describe.each(['npm', 'pypi', 'crates', 'docker', 'github-release'])('%s answering hostile', (name) => {
  const registry = () => registries.find((r) => r.name === name)!;

  test.each(Object.keys(CASES))('%s: one clear error, bounded requests, nothing published', async (label) => {
    const { fault, says, maxHits } = CASES[label];
    const r = registry();
    const proxy = proxies[name];
    const version = `2.0.${++counter}`;
    proxy.clear();
    // Every matching request gets the fault, so a retry would meet it again.
    proxy.add({ method: r.read.method, path: r.read.path, fault: fault(r), times: 1000 });
    const started = Date.now();
    const run = await r.publish(version);
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(run.code).toBe(1);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(says);
    // The error names the registry's host (the proxy stands in for it).
    expect(errors[0].message).toContain(new URL(proxy.url).host);
    expect(errors[0].message).not.toMatch(/TypeError|Cannot (use|read)|undefined|is not a function/);
    expect(run.stdout + run.stderr).not.toMatch(/^\s+at /m);
    expect(run.outputs.status).toBe('failed');
    expect(await r.published(version)).toBe(false);
    const hits = proxy.log.filter((l) => l.fault === 'status').length;
    expect(hits).toBeGreaterThanOrEqual(1);
    expect(hits).toBeLessThanOrEqual(maxHits);
    // No request built from a field the answer did not have (`/releases//assets`, `/undefined`).
    expect(proxy.log.filter((l) => /\/\/|undefined|null/.test(l.path))).toEqual([]);
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
