/**
 * The GitHub Releases registry client (HttpClient only) against the GitHub test server.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { HttpClient } from '@deploy-actions/action-kit/http';
import { MemoryReporter } from '@deploy-actions/action-kit/log';
import { loadRegistry } from '@deploy-actions/targets';
import {
  apiBase,
  createClient,
  identify,
  nextLink,
  tagVersion,
  webBase,
} from '@deploy-actions/targets/github-release/client';
import { startGitHubServer, type GitHubServer } from '../servers/github.js';

const TOKEN = 'ghs_registryTest000111222';
let gh: GitHubServer;
const http = new HttpClient({ retries: 2, baseDelayMs: 5 });

beforeAll(async () => {
  gh = await startGitHubServer({ token: TOKEN });
  gh.state.seedRelease('acme/app', { tag: 'v1.2.3' });
  gh.state.seedRelease('acme/app', { tag: 'v1.1.5', makeLatest: false });
  gh.state.seedRelease('acme/app', { tag: 'v2.0.0-rc.1', prerelease: true, makeLatest: false });
  gh.state.seedRelease('acme/app', { tag: 'v1.3.0', prerelease: true, makeLatest: false });
  gh.state.seedRelease('acme/app', { tag: 'v3.0.0', draft: true });
  gh.state.seedRelease('acme/app', { tag: '0.9.0', makeLatest: false });
  gh.state.seedRelease('acme/app', { tag: 'nightly', makeLatest: false });
});
afterAll(() => gh.stop());

const client = (options: { token?: string; reporter?: MemoryReporter; name?: string } = {}) =>
  createClient(options.name ?? 'acme/app', {
    http,
    registry: gh.url,
    token: options.token ?? TOKEN,
    reporter: options.reporter,
  });

describe('github-release registry', () => {
  test('exists: a release for the tag; a bare tag counts; a draft does not, and is reported', async () => {
    const reporter = new MemoryReporter();
    const c = client({ reporter });
    expect(await c.exists('1.2.3')).toBe(true);
    expect(await c.exists('2.0.0-rc.1')).toBe(true);
    expect(await c.exists('0.9.0')).toBe(true);
    expect(await c.exists('9.9.9')).toBe(false);
    expect(await c.exists('3.0.0')).toBe(false);
    expect(reporter.lines).toContainEqual({
      level: 'warning',
      message: expect.stringMatching(/a draft release exists for v3\.0\.0/),
    });
  });

  test('versions: published releases whose tags are versions; latest: the highest stable, not GitHub-prerelease', async () => {
    expect((await client().versions()).sort()).toEqual(['0.9.0', '1.1.5', '1.2.3', '1.3.0', '2.0.0-rc.1']);
    expect(await client().latest()).toBe('1.2.3');
    expect(client().url('1.2.3')).toBe(`${gh.url}/acme/app/releases/tag/v1.2.3`);
    expect(client().id).toBe('github-release:acme/app');
  });

  test('exists and latest together share one listing', async () => {
    const before = gh.state.requests.length;
    const c = client();
    await Promise.all([c.exists('9.9.9'), c.latest()]);
    const listings = gh.state.requests.slice(before).filter((r) => r.path === '/repos/acme/app/releases');
    expect(listings).toHaveLength(1);
  });

  test('latest then exists: the listing answers both, one request, drafts still refused', async () => {
    const ask = async (version: string) => {
      const reporter = new MemoryReporter();
      const c = client({ reporter });
      const before = gh.state.requests.length;
      const latest = c.latest();
      const [exists] = await Promise.all([c.exists(version), latest]);
      return {
        exists,
        requests: gh.state.requests.slice(before).map((r) => r.path),
        warnings: reporter.lines,
      };
    };
    expect(await ask('1.2.3')).toMatchObject({ exists: true, requests: ['/repos/acme/app/releases'] });
    expect(await ask('0.9.0')).toMatchObject({ exists: true, requests: ['/repos/acme/app/releases'] });
    const draft = await ask('3.0.0');
    expect(draft).toMatchObject({ exists: false, requests: ['/repos/acme/app/releases'] });
    expect(draft.warnings).toContainEqual({
      level: 'warning',
      message: expect.stringMatching(/a draft release exists for v3\.0\.0/),
    });
  });

  test('follows Link pagination', async () => {
    for (let i = 0; i < 105; i++) gh.state.seedRelease('acme/many', { tag: `v0.0.${i}`, makeLatest: false });
    expect(await client({ name: 'acme/many' }).versions()).toHaveLength(105);
    expect(await client({ name: 'acme/many' }).latest()).toBe('0.0.104');
  });

  test('anonymous: drafts are invisible; a bad token and a missing repository are RegistryErrors with hints', async () => {
    expect(await createClient('acme/app', { http, registry: gh.url }).exists('3.0.0')).toBe(false);
    await expect(client({ token: 'ghs_wrong' }).exists('1.2.3')).rejects.toMatchObject({
      status: 401,
      hint: expect.stringContaining('contents: write'),
    });
    gh.state.strictRepos = true;
    try {
      await expect(client({ name: 'acme/gone' }).exists('1.0.0')).rejects.toThrow(
        /repository acme\/gone was not found/,
      );
    } finally {
      gh.state.strictRepos = false;
    }
    const saved = gh.state.rateLimit.remaining;
    gh.state.rateLimit.remaining = 0;
    try {
      await expect(client().latest()).rejects.toThrow(/API rate limit exceeded until/);
    } finally {
      gh.state.rateLimit.remaining = saved;
    }
  });

  test('5xx is retried by the HttpClient', async () => {
    gh.state.failNext({ status: 502, count: 2, path: '/releases/tags/v1.2.3' });
    expect(await client().exists('1.2.3')).toBe(true);
  });

  test('identify and the helpers', async () => {
    expect(identify({ repository: 'org/x' }, '/', {})).toEqual({ name: 'org/x', registry: undefined });
    expect(identify({}, '/', { GITHUB_REPOSITORY: 'acme/app' })).toEqual({
      name: 'acme/app',
      registry: undefined,
    });
    expect(() => identify({}, '/', {})).toThrow(/Invalid input 'repository'/);
    expect(() => createClient('nope', { http })).toThrow(/is not an owner\/name repository/);
    expect(apiBase(undefined, {})).toBe('https://api.github.com');
    expect(apiBase(undefined, { GITHUB_API_URL: 'https://ghe.acme.com/api/v3/' })).toBe(
      'https://ghe.acme.com/api/v3',
    );
    expect(webBase('https://api.github.com')).toBe('https://github.com');
    expect(webBase('https://ghe.acme.com/api/v3')).toBe('https://ghe.acme.com');
    expect(tagVersion('v1.2.3')).toBe('1.2.3');
    expect(tagVersion('1.2.3')).toBe('1.2.3');
    expect(tagVersion('release-1')).toBeUndefined();
    expect(nextLink('<https://x/a?page=2>; rel="next", <https://x/a?page=5>; rel="last"')).toBe(
      'https://x/a?page=2',
    );
    expect(nextLink(null)).toBeUndefined();
    const module = await loadRegistry('github-release');
    expect(module.identify({ repository: 'a/b' }, '/')).toEqual({ name: 'a/b', registry: undefined });
  });
});
