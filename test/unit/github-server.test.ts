/**
 * The GitHub test server, driven by the real client: Octokit from @actions/github.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { getOctokit } from '@actions/github';
import { startGitHubServer, type GitHubServer } from '../servers/github.js';

const TOKEN = 'ghs_servertest0123456789';
let gh: GitHubServer;
let octokit: ReturnType<typeof getOctokit>;
const repo = { owner: 'acme', repo: 'app' };

/** The status and body of a failed Octokit call. */
async function failure(call: Promise<unknown>): Promise<{ status: number; data: Record<string, unknown> }> {
  try {
    await call;
  } catch (error) {
    const e = error as { status: number; response?: { data: Record<string, unknown> } };
    return { status: e.status, data: e.response?.data ?? {} };
  }
  throw new Error('the call succeeded');
}

beforeAll(async () => {
  gh = await startGitHubServer({ token: TOKEN, readOnlyTokens: ['ghs_readonly0000'] });
  octokit = getOctokit(TOKEN, { baseUrl: gh.url });
});
afterAll(() => gh.stop());

describe('releases', () => {
  test('create, find by tag, and a second release of the tag is 422 already_exists', async () => {
    const created = await octokit.rest.repos.createRelease({
      ...repo,
      tag_name: 'v1.0.0',
      name: 'v1.0.0',
      generate_release_notes: true,
    });
    expect(created.status).toBe(201);
    expect(created.data.upload_url).toBe(
      `${gh.url}/uploads/repos/acme/app/releases/${created.data.id}/assets{?name,label}`,
    );
    expect(created.data.body).toContain("## What's Changed");
    const byTag = await octokit.rest.repos.getReleaseByTag({ ...repo, tag: 'v1.0.0' });
    expect(byTag.data.id).toBe(created.data.id);
    const again = await failure(octokit.rest.repos.createRelease({ ...repo, tag_name: 'v1.0.0' }));
    expect(again).toEqual({
      status: 422,
      data: expect.objectContaining({
        message: 'Validation Failed',
        errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }],
      }),
    });
  });

  test('drafts: 404 by tag, listed only for callers with push access', async () => {
    const draft = await octokit.rest.repos.createRelease({ ...repo, tag_name: 'v1.1.0', draft: true });
    expect(draft.data.html_url).toContain('/releases/tag/untagged-');
    expect((await failure(octokit.rest.repos.getReleaseByTag({ ...repo, tag: 'v1.1.0' }))).status).toBe(404);
    const listed = await octokit.rest.repos.listReleases(repo);
    expect(listed.data.some((r) => r.id === draft.data.id && r.draft)).toBe(true);
    const anonymous = await fetch(`${gh.url}/repos/acme/app/releases`).then(
      (r) => r.json() as Promise<{ id: number }[]>,
    );
    expect(anonymous.some((r) => r.id === draft.data.id)).toBe(false);
    await octokit.rest.repos.deleteRelease({ ...repo, release_id: draft.data.id });
  });

  test('the release list is paginated with Link headers', async () => {
    for (let i = 0; i < 12; i++) gh.state.seedRelease('acme/paged', { tag: `v0.${i}.0` });
    const first = await octokit.rest.repos.listReleases({ owner: 'acme', repo: 'paged', per_page: 5 });
    expect(first.data).toHaveLength(5);
    expect(first.headers.link).toMatch(/page=2>; rel="next"/);
    expect(first.headers.link).toMatch(/page=3>; rel="last"/);
    const all = await octokit.paginate(octokit.rest.repos.listReleases, {
      owner: 'acme',
      repo: 'paged',
      per_page: 5,
    });
    expect(all.map((r) => r.tag_name).sort()).toEqual(
      Array.from({ length: 12 }, (_, i) => `v0.${i}.0`).sort(),
    );
    expect(all[0].tag_name).toBe('v0.11.0');
  });

  test('make_latest: a hotfix with "false" and a prerelease leave latest where it is', async () => {
    const r = { owner: 'acme', repo: 'latest' };
    await octokit.rest.repos.createRelease({ ...r, tag_name: 'v1.2.3' });
    await octokit.rest.repos.createRelease({ ...r, tag_name: 'v1.1.5', make_latest: 'false' });
    await octokit.rest.repos.createRelease({
      ...r,
      tag_name: 'v2.0.0-rc.1',
      prerelease: true,
      make_latest: 'false',
    });
    expect((await octokit.rest.repos.getLatestRelease(r)).data.tag_name).toBe('v1.2.3');
    const bad = await failure(
      octokit.request('POST /repos/{owner}/{repo}/releases', {
        ...r,
        tag_name: 'v9',
        make_latest: true as unknown as 'true',
      }),
    );
    expect(bad.status).toBe(422);
    const hotfix = await octokit.rest.repos.getReleaseByTag({ ...r, tag: 'v1.1.5' });
    await octokit.rest.repos.updateRelease({ ...r, release_id: hotfix.data.id, make_latest: 'true' });
    expect((await octokit.rest.repos.getLatestRelease(r)).data.tag_name).toBe('v1.1.5');
    await octokit.rest.repos.updateRelease({ ...r, release_id: hotfix.data.id, prerelease: true });
    // The designated release is no longer eligible: the highest stable takes over.
    expect(gh.state.latestTag('acme/latest')).toBe('v1.2.3');
    const notes = await octokit.rest.repos.generateReleaseNotes({ ...r, tag_name: 'v1.2.4' });
    expect(notes.data.name).toBe('v1.2.4');
    expect(notes.data.body).toContain('**Full Changelog**');
  });
});

describe('assets', () => {
  test('upload through upload_url, 422 for a second asset of the name, download, digest, delete', async () => {
    const release = await octokit.rest.repos.createRelease({ ...repo, tag_name: 'v3.0.0' });
    const bytes = Buffer.from('hello asset\n');
    const upload = () =>
      octokit.request({
        method: 'POST',
        url: release.data.upload_url,
        name: 'app linux.tar.gz',
        data: bytes,
        headers: { 'content-type': 'application/gzip', 'content-length': bytes.length },
      });
    const uploaded = await upload();
    expect(uploaded.status).toBe(201);
    expect(uploaded.data).toMatchObject({
      name: 'app.linux.tar.gz',
      size: bytes.length,
      state: 'uploaded',
      content_type: 'application/gzip',
    });
    expect(uploaded.data.digest).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
    const dup = await failure(upload());
    expect(dup.data.errors).toEqual([{ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' }]);
    const assets = await octokit.rest.repos.listReleaseAssets({ ...repo, release_id: release.data.id });
    expect(assets.data.map((a) => a.name)).toEqual(['app.linux.tar.gz']);
    const downloaded = Buffer.from(await (await fetch(assets.data[0].browser_download_url)).arrayBuffer());
    expect(downloaded.equals(bytes)).toBe(true);
    const viaApi = await fetch(assets.data[0].url, {
      headers: { accept: 'application/octet-stream', authorization: `token ${TOKEN}` },
    });
    expect(Buffer.from(await viaApi.arrayBuffer()).equals(bytes)).toBe(true);
    // The generated method, pointed at the uploads host.
    const second = await octokit.rest.repos.uploadReleaseAsset({
      ...repo,
      release_id: release.data.id,
      name: 'second.txt',
      data: 'two' as unknown as string,
      baseUrl: gh.uploadsUrl,
    });
    expect(second.status).toBe(201);
    await octokit.rest.repos.deleteReleaseAsset({ ...repo, asset_id: assets.data[0].id });
    expect(gh.state.release('acme/app', 'v3.0.0')!.assets.map((a) => a.name)).toEqual(['second.txt']);
  });
});

describe('auth, faults, rate limits', () => {
  test('bad token: 401 with GitHub body; Bearer works; read-only: 403 on writes', async () => {
    const bad = await failure(getOctokit('ghs_wrong', { baseUrl: gh.url }).rest.repos.listReleases(repo));
    expect(bad).toEqual({
      status: 401,
      data: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' },
    });
    const bearer = await fetch(`${gh.url}/repos/acme/app/releases`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(bearer.status).toBe(200);
    expect(bearer.headers.get('x-ratelimit-limit')).toBe('5000');
    const readOnly = getOctokit('ghs_readonly0000', { baseUrl: gh.url });
    expect((await readOnly.rest.repos.listReleases(repo)).status).toBe(200);
    const refused = await failure(readOnly.rest.repos.createRelease({ ...repo, tag_name: 'v9.9.9' }));
    expect(refused).toMatchObject({
      status: 403,
      data: { message: 'Resource not accessible by integration' },
    });
    const anonymous = await fetch(`${gh.url}/repos/acme/app/releases`, {
      method: 'POST',
      body: '{"tag_name":"v9"}',
    });
    expect(anonymous.status).toBe(401);
  });

  test('fail next N with Retry-After; an `after` fault keeps the work; rate limit exhaustion is 403', async () => {
    gh.state.failNext({ status: 503, count: 2, method: 'GET', path: '/releases/latest', retryAfter: 1 });
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${gh.url}/repos/acme/app/releases/latest`, {
        headers: { authorization: `token ${TOKEN}` },
      });
      expect([res.status, res.headers.get('retry-after')]).toEqual([503, '1']);
    }
    expect((await octokit.rest.repos.getLatestRelease(repo)).status).toBe(200);
    gh.state.failNext({ status: 502, method: 'POST', path: /\/releases$/, when: 'after' });
    expect((await failure(octokit.rest.repos.createRelease({ ...repo, tag_name: 'v4.0.0' }))).status).toBe(
      502,
    );
    expect(gh.state.release('acme/app', 'v4.0.0')).toBeDefined();
    const saved = gh.state.rateLimit.remaining;
    gh.state.rateLimit.remaining = 0;
    const limited = await failure(octokit.rest.repos.listReleases(repo));
    expect(limited.status).toBe(403);
    expect(String(limited.data.message)).toMatch(/API rate limit exceeded/);
    gh.state.rateLimit.remaining = saved;
  });

  test('strict repositories: an unknown one is 404', async () => {
    const strict = await startGitHubServer({ token: TOKEN, repos: ['acme/only'] });
    try {
      const client = getOctokit(TOKEN, { baseUrl: strict.url });
      expect((await failure(client.rest.repos.listReleases(repo))).status).toBe(404);
      expect((await client.rest.repos.get({ owner: 'acme', repo: 'only' })).data.default_branch).toBe('main');
    } finally {
      await strict.stop();
    }
  });
});

describe('contents, refs, pulls (a pull-request flow)', () => {
  test('branch from main, update a file with its sha, open a PR once', async () => {
    const r = { owner: 'flathub', repo: 'com.acme.App' };
    gh.state.addRepo('flathub/com.acme.App', { defaultBranch: 'master' });
    gh.state.setFile('flathub/com.acme.App', 'master', 'com.acme.App.yml', 'version: 1.0.0\n');
    const main = await octokit.rest.git.getRef({ ...r, ref: 'heads/master' });
    await octokit.rest.git.createRef({ ...r, ref: 'refs/heads/update-1.2.3', sha: main.data.object.sha });
    const exists = await failure(
      octokit.rest.git.createRef({ ...r, ref: 'refs/heads/update-1.2.3', sha: main.data.object.sha }),
    );
    expect(exists).toMatchObject({ status: 422, data: { message: 'Reference already exists' } });
    const file = await octokit.rest.repos.getContent({ ...r, path: 'com.acme.App.yml', ref: 'update-1.2.3' });
    const data = file.data as { content: string; sha: string; encoding: string };
    expect(Buffer.from(data.content, 'base64').toString()).toBe('version: 1.0.0\n');
    const noSha = await failure(
      octokit.rest.repos.createOrUpdateFileContents({
        ...r,
        path: 'com.acme.App.yml',
        message: 'x',
        content: 'eA==',
        branch: 'update-1.2.3',
      }),
    );
    expect(noSha.status).toBe(422);
    const put = await octokit.rest.repos.createOrUpdateFileContents({
      ...r,
      path: 'com.acme.App.yml',
      message: 'Update to 1.2.3',
      content: Buffer.from('version: 1.2.3\n').toString('base64'),
      sha: data.sha,
      branch: 'update-1.2.3',
    });
    expect(put.status).toBe(200);
    expect(gh.state.file('flathub/com.acme.App', 'update-1.2.3', 'com.acme.App.yml')!.toString()).toBe(
      'version: 1.2.3\n',
    );
    expect(gh.state.file('flathub/com.acme.App', 'master', 'com.acme.App.yml')!.toString()).toBe(
      'version: 1.0.0\n',
    );
    const pr = await octokit.rest.pulls.create({
      ...r,
      title: 'Update to 1.2.3',
      head: 'update-1.2.3',
      base: 'master',
    });
    expect(pr.status).toBe(201);
    expect(pr.data.html_url).toBe(`${gh.url}/flathub/com.acme.App/pull/1`);
    const twice = await failure(
      octokit.rest.pulls.create({ ...r, title: 'again', head: 'update-1.2.3', base: 'master' }),
    );
    expect(twice.status).toBe(422);
    const open = await octokit.rest.pulls.list({ ...r, head: 'flathub:update-1.2.3', state: 'open' });
    expect(open.data.map((p) => p.number)).toEqual([1]);
  });

  test('a fork gets the branches; a PR from the fork', async () => {
    const fork = await octokit.rest.repos.createFork({ owner: 'flathub', repo: 'com.acme.App' });
    expect(fork.data.full_name).toBe('octocat/com.acme.App');
    const ref = await octokit.rest.git.getRef({
      owner: 'octocat',
      repo: 'com.acme.App',
      ref: 'heads/master',
    });
    await octokit.rest.git.createRef({
      owner: 'octocat',
      repo: 'com.acme.App',
      ref: 'refs/heads/from-fork',
      sha: ref.data.object.sha,
    });
    const pr = await octokit.rest.pulls.create({
      owner: 'flathub',
      repo: 'com.acme.App',
      title: 'From a fork',
      head: 'octocat:from-fork',
      base: 'master',
    });
    expect(pr.data.head.label).toBe('octocat:from-fork');
  });
});
