/**
 * Two release runs of the same version at once, through each publisher's bundle, against the
 * real registries (Verdaccio, docker-registry) and the PyPI, crates and GitHub test servers.
 *
 * - Side by side (both started together): the registry ends with one copy, one run reports
 *   `published` and the other `skipped`, nothing fails.
 * - The race made certain: a fault proxy answers the second run's existence check with 404,
 *   as if it had asked just before the first run's upload landed. The registry then refuses the
 *   second upload (409, 400 "already exists", 422); the second run compares what the registry
 *   has with what it would have sent, and reports `skipped` with a note saying another run
 *   published it.
 * - The same race with different content (a planted different file): a failure that says what
 *   differs and what to do; the first run's version stays as it is.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction, type ActionRun } from '../harness/run-action.js';
import type { Verdaccio } from '../harness/verdaccio.js';
import { hasManifest, pushTestImage, type DockerRegistry } from '../harness/docker-registry.js';
import type { PypiServer } from '../servers/pypi.js';
import type { CratesServer } from '../servers/crates.js';
import { copyCrateFixture } from '../servers/crates-cargo.js';
import type { GitHubServer } from '../servers/github.js';
import { makeDistributions } from '../fixtures/pypi/dists.js';
import type { FaultProxy } from './proxy.js';
import { startFaultRegistries } from './registries.js';

const FAST = { DEPLOY_ACTIONS_HTTP_BACKOFF_MS: '20', DEPLOY_ACTIONS_HTTP_RETRIES: '2' };
const CRATES_TOKEN = 'cio_race_token_8d1e2f';
const GITHUB_TOKEN = 'ghs_raceToken0123456789abcdefABCDEF';

interface Subject {
  name: string;
  /** A workspace for version `v`; `variant` 'other' holds different content under the same version. */
  workspace(v: string, variant: 'same' | 'other'): string;
  /** Publish from `workspace` through the bundle, to the registry directly or via the proxy. */
  publish(workspace: string, v: string, viaProxy: boolean): Promise<ActionRun>;
  /** How many copies of `v` the registry holds. */
  copies(v: string): Promise<number>;
  /** The second run's existence check, answered 404 by the proxy to make the race certain. */
  check: { method: string; path: (v: string) => RegExp };
  /** What the mismatch error must say differs. */
  differs: RegExp;
}

let verdaccio: Verdaccio;
let docker: DockerRegistry;
let pypi: PypiServer;
let crates: CratesServer;
let github: GitHubServer;
let scratch: string;
let proxies: Record<string, FaultProxy> = {};
let stopRegistries: (() => Promise<void>) | undefined;
let subjects: Subject[] = [];
let counter = 0;
let otherImage = '';

const errorsOf = (run: ActionRun) => run.annotations.filter((a) => a.level === 'error');
const repoOf = (v: string) => `acme/race${v.replace(/\./g, '')}`;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'da-race-'));
  ({
    verdaccio,
    docker,
    pypi,
    crates,
    github,
    proxies,
    stop: stopRegistries,
  } = await startFaultRegistries({ pypi: 'pypi-race-token', crates: CRATES_TOKEN, github: GITHUB_TOKEN }));
  await pushTestImage(docker, 'acme/ci', 'other', { content: 'a different build' });
  otherImage = `${docker.host}/acme/ci:other`;
  const dockerVia = (viaProxy: boolean) => (viaProxy ? proxies.docker.url : docker.url);

  subjects = [
    {
      name: 'npm',
      workspace: (v, variant) => {
        const dir = mkdtempSync(join(scratch, 'npm-'));
        writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: '@acme/race', version: v }));
        writeFileSync(
          join(dir, 'index.js'),
          variant === 'same' ? 'module.exports = 1;\n' : 'module.exports = 2;\n',
        );
        return dir;
      },
      publish: (dir, v, viaProxy) =>
        runAction('publish-npm', {
          workspace: dir,
          inputs: { version: v, registry: viaProxy ? proxies.npm.url : verdaccio.url },
          env: { NPM_TOKEN: verdaccio.token, ...FAST },
        }),
      copies: async (v) => {
        const res = await fetch(`${verdaccio.url}/@acme%2frace`);
        if (!res.ok) return 0;
        return Object.keys(((await res.json()) as { versions: object }).versions).filter((k) => k === v)
          .length;
      },
      check: { method: 'GET', path: () => /^\/@acme%2frace$/ },
      differs: /integrity/,
    },
    {
      name: 'pypi',
      workspace: (() => {
        const built = new Map<string, string>();
        return (v: string, variant: 'same' | 'other') => {
          // The same files for both runs of a version (a build is only reproducible by copying).
          const key = `${v}-${variant}`;
          if (!built.has(key)) {
            const out = mkdtempSync(join(scratch, 'pypi-build-'));
            makeDistributions(out, 'race-app', v, 'wheel', variant === 'other' ? 64 : 0);
            built.set(key, out);
          }
          const dir = mkdtempSync(join(scratch, 'pypi-'));
          mkdirSync(join(dir, 'dist'));
          for (const f of readdirSync(built.get(key)!))
            cpSync(join(built.get(key)!, f), join(dir, 'dist', f));
          return dir;
        };
      })(),
      publish: (dir, v, viaProxy) =>
        runAction('publish-pypi', {
          workspace: dir,
          inputs: { version: v, registry: `${viaProxy ? proxies.pypi.url : pypi.url}/` },
          env: { PYPI_TOKEN: 'pypi-race-token', ...FAST },
        }),
      copies: async (v) => pypi.uploads.filter((u) => u.version === v).length,
      check: { method: 'GET', path: (v) => new RegExp(`^/pypi/race-app/${v.replace(/\./g, '\\.')}/json$`) },
      differs: /sha256/,
    },
    {
      name: 'crates',
      workspace: (v, variant) => {
        const dir = copyCrateFixture('single', join(scratch, `crate-${++counter}`), v);
        if (variant === 'other') appendFileSync(join(dir, 'src', 'lib.rs'), '\n// a different build\n');
        return dir;
      },
      publish: (dir, v, viaProxy) =>
        runAction('publish-crates', {
          workspace: dir,
          inputs: {
            version: v,
            registry: `sparse+${viaProxy ? proxies.crates.url : crates.url}/index/`,
            'registry-name': 'local',
            verify: 'false',
          },
          env: { CARGO_REGISTRY_TOKEN: CRATES_TOKEN, ...FAST },
        }),
      copies: async (v) => crates.uploads.filter((u) => u === `da-hello@${v}`).length,
      check: { method: 'GET', path: () => /^\/index\/da\/-h\/da-hello$/ },
      differs: /cksum/,
    },
    {
      name: 'docker',
      workspace: (_v, variant) => {
        const dir = mkdtempSync(join(scratch, 'docker-'));
        writeFileSync(join(dir, 'source'), variant === 'same' ? `${docker.host}/acme/ci:build` : otherImage);
        return dir;
      },
      publish: async (dir, v, viaProxy) =>
        runAction('publish-docker', {
          workspace: dir,
          inputs: {
            version: v,
            image: `${docker.host}/acme/race`,
            registry: dockerVia(viaProxy),
            source: (await import('node:fs')).readFileSync(join(dir, 'source'), 'utf8'),
            tags: v,
          },
          env: FAST,
        }),
      copies: async (v) => ((await hasManifest(docker, 'acme/race', v)) ? 1 : 0),
      check: {
        method: 'HEAD',
        path: (v) => new RegExp(`^/v2/acme/race/manifests/${v.replace(/\./g, '\\.')}$`),
      },
      differs: /digest/,
    },
    {
      name: 'github-release',
      workspace: (v, variant) => {
        const dir = mkdtempSync(join(scratch, 'gh-'));
        mkdirSync(join(dir, 'build'));
        writeFileSync(
          join(dir, 'build', 'app.tar.gz'),
          variant === 'same' ? `app ${v}\n` : `other app ${v}\n`,
        );
        return dir;
      },
      publish: (dir, v, viaProxy) =>
        runAction('publish-github-release', {
          workspace: dir,
          inputs: { version: v, repository: repoOf(v), assets: 'build/*.tar.gz' },
          env: {
            GITHUB_API_URL: viaProxy ? proxies['github-release'].url : github.url,
            GITHUB_TOKEN,
            ...FAST,
          },
        }),
      copies: async (v) => github.state.releases(repoOf(v)).filter((r) => !r.draft).length,
      check: {
        method: 'GET',
        path: (v) => new RegExp(`^/repos/${repoOf(v)}/releases/tags/v${v.replace(/\./g, '\\.')}$`),
      },
      differs: /different content/,
    },
  ];
}, 120_000);

afterAll(async () => {
  await stopRegistries?.();
});

/**
 * The race made certain: a first run publishes `v`, then a second run (of the `variant`
 * workspace) goes through the proxy, which answers its existence check with 404.
 */
async function raceSecondRun(s: Subject, v: string, variant: 'same' | 'other'): Promise<ActionRun> {
  const first = await s.publish(s.workspace(v, 'same'), v, false);
  expect(first.outputs.status).toBe('published');
  const proxy = proxies[s.name];
  proxy.clear();
  proxy.add({
    method: s.check.method,
    path: s.check.path(v),
    fault: {
      kind: 'status',
      status: 404,
      headers: { 'content-type': 'application/json' },
      body: '{"message":"Not Found"}',
    },
  });
  return s.publish(s.workspace(v, variant), v, true);
}

describe.each(['npm', 'pypi', 'crates', 'docker', 'github-release'])(
  '%s: two runs of one version',
  (name) => {
    const subject = () => subjects.find((s) => s.name === name)!;

    test('side by side: one copy, no failure, not both published unless both truly sent', async () => {
      const s = subject();
      const v = `3.0.${++counter}`;
      const [a, b] = await Promise.all([
        s.publish(s.workspace(v, 'same'), v, false),
        s.publish(s.workspace(v, 'same'), v, false),
      ]);
      for (const run of [a, b]) {
        expect(errorsOf(run)).toEqual([]);
        expect(run.code).toBe(0);
      }
      expect(await s.copies(v)).toBe(1);
      const statuses = [a.outputs.status, b.outputs.status].sort();
      // Registries that arbitrate one upload (npm, crates) take one: one run published.
      // A docker tag has no arbiter: two PUTs of the same manifest are both real and both harmless.
      // PyPI (Warehouse) answers 200 to a second upload of the very same file and stores nothing,
      // and a GitHub release is built in steps (the release, each asset, SHA256SUMS) that two
      // runs can share (one creates the release, the other uploads the archive first): there both
      // runs may truly have published part of it. What must hold everywhere is one copy (above)
      // and no failure; the forced race below pins the skipped path for every registry.
      if (name === 'npm' || name === 'crates') expect(statuses).toEqual(['published', 'skipped']);
      else expect(statuses).toContain('published');
    });

    test('the race made certain: the run whose upload is refused reports skipped, another run published it', async () => {
      const s = subject();
      const v = `3.0.${++counter}`;
      const second = await raceSecondRun(s, v, 'same');
      expect(proxies[name].log.some((l) => l.fault === 'status')).toBe(true);
      expect(errorsOf(second)).toEqual([]);
      expect(second.code).toBe(0);
      expect(second.outputs.status).toBe('skipped');
      // The note says why: another run published it (npm, PyPI, crates, docker; GitHub says "another job").
      expect(`${second.stdout}\n${second.summary}\n${second.outputs.results ?? ''}`).toMatch(
        /another (run|job)/,
      );
      expect(await s.copies(v)).toBe(1);
    });

    test('the race with different content: a failure that says what differs and what to do', async () => {
      const s = subject();
      const v = `3.0.${++counter}`;
      const second = await raceSecondRun(s, v, 'other');
      expect(second.code).toBe(1);
      expect(second.outputs.status).toBe('failed');
      const errors = errorsOf(second);
      expect(errors).toHaveLength(1);
      expect(errors[0].message).toMatch(s.differs);
      expect(errors[0].message).toMatch(/another (run|job)|different/);
      expect(await s.copies(v)).toBe(1);
    });
  },
);
