/**
 * The fault matrix: a loopback proxy in front of the real registry (Verdaccio, docker-registry)
 * or the protocol server (PyPI) injects 5xx, 429 with Retry-After, resets, hangs, slow bodies,
 * and a failure after the upload was accepted. Through each publisher's bundle: bounded
 * retries, the registry asked again before a retry, nothing published twice, and a clear
 * final error when the fault persists.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction, type ActionRun } from '../harness/run-action.js';
import type { Verdaccio } from '../harness/verdaccio.js';
import { hasManifest, type DockerRegistry } from '../harness/docker-registry.js';
import type { PypiServer } from '../servers/pypi.js';
import { makeDistributions } from '../fixtures/pypi/dists.js';
import type { Fault, FaultProxy, LoggedRequest } from './proxy.js';
import { startFaultRegistries } from './registries.js';

const FAST = { DEPLOY_ACTIONS_HTTP_BACKOFF_MS: '20', DEPLOY_ACTIONS_HTTP_TIMEOUT_MS: '1500' };

interface Registry {
  name: string;
  /** Publish version `v` of the package through the bundle, via the proxy. */
  publish(v: string): Promise<ActionRun>;
  /** How many copies of version `v` the registry holds (1 = published once). */
  copies(v: string): Promise<number>;
  /** The request that uploads. */
  upload: { method: string; path: RegExp };
  /** The request that asks whether the version is there. */
  check: { method: string; path: RegExp };
  /**
   * Resending the upload cannot create a second copy (a manifest PUT by tag with the same
   * bytes), so a retry need not ask first.
   */
  idempotentUpload?: boolean;
}

let verdaccio: Verdaccio;
let docker: DockerRegistry;
let pypi: PypiServer;
let proxies: Record<string, FaultProxy> = {};
let stopRegistries: (() => Promise<void>) | undefined;
let registries: Registry[] = [];
let counter = 0;

function npmWorkspace(version: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'da-fault-npm-'));
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: '@acme/faulty', version, main: 'index.js' }),
  );
  writeFileSync(join(dir, 'index.js'), 'module.exports = 1;\n');
  return dir;
}

beforeAll(async () => {
  ({
    verdaccio,
    docker,
    pypi,
    proxies,
    stop: stopRegistries,
  } = await startFaultRegistries({ pypi: 'pypi-fault-token' }));
  registries = [
    {
      name: 'npm',
      publish: (v) =>
        runAction('publish-npm', {
          workspace: npmWorkspace(v),
          inputs: { version: v, registry: proxies.npm.url },
          env: { NPM_TOKEN: verdaccio.token, ...FAST },
        }),
      copies: async (v) => {
        const res = await fetch(`${verdaccio.url}/@acme%2ffaulty`);
        const doc = res.ok ? ((await res.json()) as { versions: Record<string, unknown> }) : { versions: {} };
        return Object.keys(doc.versions).filter((k) => k === v).length;
      },
      upload: { method: 'PUT', path: /^\/@acme%2ffaulty$/ },
      check: { method: 'GET', path: /^\/@acme%2ffaulty$/ },
    },
    {
      name: 'pypi',
      publish: (v) => {
        const dir = mkdtempSync(join(tmpdir(), 'da-fault-pypi-'));
        mkdirSync(join(dir, 'dist'));
        makeDistributions(join(dir, 'dist'), 'faulty-app', v, 'wheel');
        return runAction('publish-pypi', {
          workspace: dir,
          inputs: { version: v, registry: `${proxies.pypi.url}/` },
          env: { PYPI_TOKEN: 'pypi-fault-token', ...FAST },
        });
      },
      copies: async (v) => pypi.uploads.filter((u) => u.version === v).length,
      upload: { method: 'POST', path: /^\/legacy\/$/ },
      check: { method: 'GET', path: /^\/pypi\// },
    },
    {
      name: 'docker',
      publish: (v) =>
        runAction('publish-docker', {
          workspace: mkdtempSync(join(tmpdir(), 'da-fault-docker-')),
          inputs: {
            version: v,
            image: `${docker.host}/acme/faulty`,
            registry: proxies.docker.url,
            source: `${docker.host}/acme/ci:build`,
            tags: v,
          },
          env: FAST,
        }),
      copies: async (v) => ((await hasManifest(docker, 'acme/faulty', v)) ? 1 : 0),
      upload: { method: 'PUT', path: /^\/v2\/acme\/faulty\/manifests\// },
      check: { method: 'HEAD', path: /^\/v2\/acme\/faulty\/manifests\// },
      idempotentUpload: true,
    },
  ];
}, 90_000);

afterAll(async () => {
  await stopRegistries?.();
});

const FAULTS: [string, 'upload' | 'check', Fault][] = [
  ['503 on the upload', 'upload', { kind: 'status', status: 503 }],
  [
    '429 with Retry-After on the upload',
    'upload',
    { kind: 'status', status: 429, headers: { 'retry-after': '1' } },
  ],
  ['a connection reset on the upload', 'upload', { kind: 'reset' }],
  ['a failure after the upload was accepted', 'upload', { kind: 'after-upstream', status: 502 }],
  ['a hang on the existence check', 'check', { kind: 'hang' }],
  ['a slow body on the existence check', 'check', { kind: 'slow-body', bytesPerSecond: 2000 }],
];

function uploadsIn(log: LoggedRequest[], r: Registry): number {
  return log.filter(
    (l) =>
      l.method === r.upload.method &&
      r.upload.path.test(l.path) &&
      l.upstreamStatus !== undefined &&
      l.upstreamStatus < 300,
  ).length;
}

describe.each(['npm', 'pypi', 'docker'])('%s behind a fault proxy', (name) => {
  const registry = () => registries.find((r) => r.name === name)!;

  test.each(FAULTS)('%s: published exactly once', async (_, where, fault) => {
    const r = registry();
    const proxy = proxies[name];
    const version = `1.0.${++counter}`;
    proxy.clear();
    proxy.add({ method: r[where].method, path: r[where].path, fault });
    const run = await r.publish(version);
    expect(run.annotations.filter((a) => a.level === 'error')).toEqual([]);
    expect(run.code).toBe(0);
    expect(['published', 'skipped']).toContain(run.outputs.status);
    expect(await r.copies(version)).toBe(1);
    expect(proxy.log.some((l) => l.fault === fault.kind)).toBe(true);
    if (!r.idempotentUpload) expect(uploadsIn(proxy.log, r)).toBeLessThanOrEqual(1);
    if (where === 'upload' && !r.idempotentUpload) {
      // After the failed upload, the registry was asked before anything was sent again.
      const failed = proxy.log.findIndex((l) => l.fault === fault.kind);
      const next = proxy.log.findIndex(
        (l, i) => i > failed && l.method === r.upload.method && r.upload.path.test(l.path),
      );
      if (next > 0)
        expect(
          proxy.log
            .slice(failed + 1, next)
            .some((l) => l.method === r.check.method && r.check.path.test(l.path)),
        ).toBe(true);
    }
  });

  test('a registry that keeps failing: a clear error, bounded attempts, nothing published', async () => {
    const r = registry();
    const proxy = proxies[name];
    const version = `1.0.${++counter}`;
    proxy.clear();
    proxy.add({
      method: r.upload.method,
      path: r.upload.path,
      fault: { kind: 'status', status: 500 },
      times: 1000,
    });
    const run = await r.publish(version);
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe('failed');
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/500|server error/i);
    expect(await r.copies(version)).toBe(0);
    expect(proxy.log.filter((l) => l.fault === 'status').length).toBeLessThanOrEqual(10);
  });
});
