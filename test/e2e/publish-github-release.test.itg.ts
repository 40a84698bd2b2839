/**
 * publish-github-release end to end: the bundled action, run as the runner runs it, against the
 * GitHub test server (GITHUB_API_URL). The witnesses are the server's state (what a user sees
 * on the releases page), the bytes behind browser_download_url, and `sha256sum -c`.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction, userErrorShape, type ActionRun } from '../harness/run-action.js';
import { startGitHubServer, type GitHubServer } from '../servers/github.js';

const TOKEN = 'ghs_e2eReleaseToken0123456789abcdef';
let gh: GitHubServer;
let workspace: string;
let files: Record<string, Buffer>;

beforeAll(async () => {
  gh = await startGitHubServer({ token: TOKEN });
  workspace = mkdtempSync(join(tmpdir(), 'da-ghr-ws-'));
  mkdirSync(join(workspace, 'build'));
  files = {
    'app-linux.tar.gz': randomBytes(3000),
    'app-darwin.tar.gz': randomBytes(2000),
  };
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(workspace, 'build', name), bytes);
  writeFileSync(join(workspace, 'NOTES.md'), 'Hand-written notes.\n');
});
afterAll(() => gh?.stop());

let repoCounter = 0;
const freshRepo = () => `acme/app${++repoCounter}`;

function publish(
  repository: string,
  inputs: Record<string, string>,
  env: Record<string, string | undefined> = {},
): Promise<ActionRun> {
  return runAction('publish-github-release', {
    workspace,
    inputs: { repository, assets: 'build/*.tar.gz', ...inputs },
    env: {
      GITHUB_API_URL: gh.url,
      GITHUB_TOKEN: TOKEN,
      DEPLOY_ACTIONS_HTTP_RETRIES: '3',
      DEPLOY_ACTIONS_HTTP_BACKOFF_MS: '20',
      ...env,
    },
  });
}

/** What the release page offers, downloaded the way a user does. */
async function downloaded(repository: string, tag: string): Promise<Record<string, Buffer>> {
  const release = gh.state.release(repository, tag)!;
  const out: Record<string, Buffer> = {};
  for (const asset of release.assets) {
    const res = await fetch(`${gh.url}/${repository}/releases/download/${tag}/${asset.name}`);
    expect(res.status).toBe(200);
    out[asset.name] = Buffer.from(await res.arrayBuffer());
  }
  return out;
}

/** The real sha256sum checks SHA256SUMS against the downloaded files. */
function sha256sumCheck(assets: Record<string, Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'da-ghr-dl-'));
  for (const [name, bytes] of Object.entries(assets)) writeFileSync(join(dir, name), bytes);
  return execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' });
}

/** The token never leaves the process, except in the mask command the runner consumes. */
function expectNoToken(run: ActionRun): void {
  const printed = (run.stdout + run.stderr)
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
  expect(printed).not.toContain(TOKEN);
  expect(run.summary).not.toContain(TOKEN);
  expect(JSON.stringify(run.outputs)).not.toContain(TOKEN);
  for (const file of run.files) expect(readFileSync(file, 'utf8')).not.toContain(TOKEN);
}

describe('publish-github-release (bundle)', () => {
  test('publishes the release with its assets and a correct SHA256SUMS; a rerun is skipped and sends nothing', async () => {
    const repo = freshRepo();
    const run = await publish(repo, { version: '1.2.3' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('published');
    const release = gh.state.release(repo, 'v1.2.3')!;
    expect(run.outputs.url).toBe(`${gh.url}/${repo}/releases/tag/v1.2.3`);
    expect(release).toMatchObject({
      draft: false,
      prerelease: false,
      name: 'v1.2.3',
      targetCommitish: '0123456789abcdef0123456789abcdef01234567',
    });
    expect(release.body).toContain("## What's Changed");
    expect(gh.state.latestTag(repo)).toBe('v1.2.3');
    const assets = await downloaded(repo, 'v1.2.3');
    expect(Object.keys(assets).sort()).toEqual(['SHA256SUMS', 'app-darwin.tar.gz', 'app-linux.tar.gz']);
    for (const name of Object.keys(files)) expect(assets[name].equals(files[name])).toBe(true);
    expect(sha256sumCheck(assets)).toBe('app-darwin.tar.gz: OK\napp-linux.tar.gz: OK\n');
    expect(run.summary).toContain('published');
    expectNoToken(run);

    const writes = gh.state.writes().length;
    const again = await publish(repo, { version: '1.2.3' });
    expect(again.code).toBe(0);
    expect(again.outputs.status).toBe('skipped');
    expect(gh.state.writes()).toHaveLength(writes);
    expect(JSON.parse(again.outputs.result).notes[0]).toBe('release v1.2.3 already has every asset');
  });

  test('a rerun after a half upload finishes the rest; a broken-off upload is cleaned, nothing twice', async () => {
    const repo = freshRepo();
    const seeded = gh.state.seedRelease(repo, {
      tag: 'v1.0.0',
      assets: { 'app-darwin.tar.gz': files['app-darwin.tar.gz'] },
    });
    const keptId = seeded.assets[0].id;
    // The first upload breaks off half way (an `open` asset holds its name), the next answer is lost.
    gh.state.failNext({ status: 502, method: 'POST', path: '/uploads/', when: 'partial' });
    gh.state.failNext({ status: 502, method: 'POST', path: '/uploads/', when: 'after' });
    const run = await publish(repo, { version: '1.0.0' });
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('published');
    const release = gh.state.release(repo, 'v1.0.0')!;
    expect(release.assets.map((a) => [a.name, a.state]).sort()).toEqual([
      ['SHA256SUMS', 'uploaded'],
      ['app-darwin.tar.gz', 'uploaded'],
      ['app-linux.tar.gz', 'uploaded'],
    ]);
    expect(release.assets.find((a) => a.name === 'app-darwin.tar.gz')!.id).toBe(keptId);
    const assets = await downloaded(repo, 'v1.0.0');
    expect(assets['app-linux.tar.gz'].equals(files['app-linux.tar.gz'])).toBe(true);
    expect(sha256sumCheck(assets)).toContain('app-linux.tar.gz: OK');
    // Two failed attempts for app-linux (both faults used), one upload of SHA256SUMS: nothing twice.
    expect(gh.state.faults).toHaveLength(0);
    const uploads = gh.state.requests.filter(
      (r) => r.method === 'POST' && r.path.startsWith(`/uploads/repos/${repo}/`),
    );
    expect(uploads.map((r) => r.status)).toEqual([502, 502, 201]);
    const notes: string[] = JSON.parse(run.outputs.result).notes;
    expect(notes).toContain(`uploaded app-linux.tar.gz (${files['app-linux.tar.gz'].length} bytes)`);
    expect(notes).toContain('1 asset was already there');
  });

  test('force replaces an asset of the same name (delete then upload); without force it is refused', async () => {
    const repo = freshRepo();
    gh.state.seedRelease(repo, { tag: 'v2.1.0', assets: { 'app-linux.tar.gz': 'an older build' } });
    const refused = await publish(repo, { version: '2.1.0' });
    expect(userErrorShape(refused)).toEqual({ code: 1, errors: 1, stack: false });
    expect(refused.outputs.status).toBe('failed');
    expect(refused.stdout).toMatch(/already has app-linux\.tar\.gz with different content.*force: true/);
    const oldId = gh.state.release(repo, 'v2.1.0')!.assets[0].id;

    const run = await publish(repo, { version: '2.1.0', force: 'true' });
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('published');
    const linux = gh.state.release(repo, 'v2.1.0')!.assets.find((a) => a.name === 'app-linux.tar.gz')!;
    expect(linux.id).not.toBe(oldId);
    expect(linux.bytes.equals(files['app-linux.tar.gz'])).toBe(true);
    expect(JSON.parse(run.outputs.result).notes).toContain(
      `replaced app-linux.tar.gz (${files['app-linux.tar.gz'].length} bytes)`,
    );
    expect(sha256sumCheck(await downloaded(repo, 'v2.1.0'))).toContain('app-linux.tar.gz: OK');
  });

  test('prerelease and latest: 1.2.3 takes latest, hotfix 1.1.5 and 2.0.0-rc.1 do not', async () => {
    const repo = freshRepo();
    const inputs = { assets: 'build/app-linux.tar.gz', checksums: 'false' };
    for (const version of ['1.2.3', '1.1.5', '2.0.0-rc.1']) {
      const run = await publish(repo, { ...inputs, version });
      expect([version, run.code, run.outputs.status]).toEqual([version, 0, 'published']);
    }
    expect(gh.state.release(repo, 'v1.2.3')!.prerelease).toBe(false);
    expect(gh.state.release(repo, 'v1.1.5')!.prerelease).toBe(false);
    expect(gh.state.release(repo, 'v2.0.0-rc.1')!.prerelease).toBe(true);
    expect(gh.state.latestTag(repo)).toBe('v1.2.3');
    // Creation order made v1.1.5 newest: only make_latest=false kept latest where it belongs.
    const creates = gh.state.requests.filter(
      (r) => r.method === 'POST' && r.path === `/repos/${repo}/releases`,
    );
    expect(creates.map((r) => r.status)).toEqual([201, 201, 201]);
  });

  test('two concurrent runs for the same tag end with one release holding both jobs’ assets', async () => {
    const repo = freshRepo();
    // Both jobs find no release; hold the first create until the second arrives, so they collide.
    gh.state.holdNext({ count: 2, method: 'POST', path: new RegExp(`^/repos/${repo}/releases$`) });
    const [linux, darwin] = await Promise.all([
      publish(repo, { version: '3.0.0', assets: 'build/app-linux.tar.gz' }),
      publish(repo, { version: '3.0.0', assets: 'build/app-darwin.tar.gz' }),
    ]);
    expect([linux.code, darwin.code]).toEqual([0, 0]);
    expect([linux.outputs.status, darwin.outputs.status]).toEqual(['published', 'published']);
    const creates = gh.state.requests.filter(
      (r) => r.method === 'POST' && r.path === `/repos/${repo}/releases`,
    );
    expect(creates.map((r) => r.status).sort()).toEqual([201, 422]);
    expect(gh.state.releases(repo).filter((r) => r.tagName === 'v3.0.0')).toHaveLength(1);
    const assets = await downloaded(repo, 'v3.0.0');
    expect(Object.keys(assets).sort()).toEqual(['SHA256SUMS', 'app-darwin.tar.gz', 'app-linux.tar.gz']);
    expect(sha256sumCheck(assets)).toBe('app-darwin.tar.gz: OK\napp-linux.tar.gz: OK\n');
  });

  test('dry run sends nothing and says what it would do', async () => {
    const repo = freshRepo();
    const writes = gh.state.writes().length;
    const run = await publish(repo, { version: '4.0.0', 'dry-run': 'true' });
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('dry-run');
    expect(gh.state.writes()).toHaveLength(writes);
    expect(gh.state.releases(repo)).toHaveLength(0);
    expect(JSON.parse(run.outputs.result).notes).toEqual([
      'would create release v4.0.0 (prerelease: false, latest: true)',
      `would upload app-darwin.tar.gz (${files['app-darwin.tar.gz'].length} bytes)`,
      `would upload app-linux.tar.gz (${files['app-linux.tar.gz'].length} bytes)`,
      'would upload SHA256SUMS',
    ]);
  });

  test('body-file gives the notes; draft: true leaves a draft, a later run publishes it', async () => {
    const repo = freshRepo();
    const draft = await publish(repo, {
      version: '5.0.0',
      'body-file': 'NOTES.md',
      draft: 'true',
      checksums: 'false',
    });
    expect(draft.outputs.status).toBe('published');
    const release = gh.state.releases(repo)[0];
    expect([release.draft, release.body]).toEqual([true, 'Hand-written notes.\n']);
    const run = await publish(repo, { version: '5.0.0', checksums: 'false' });
    expect(run.outputs.status).toBe('published');
    expect(gh.state.releases(repo)).toHaveLength(1);
    expect(gh.state.release(repo, 'v5.0.0')!.draft).toBe(false);
    expect(gh.state.latestTag(repo)).toBe('v5.0.0');
  });

  test('a bad token: one clear error with the scope to grant, no stack, token not shown', async () => {
    const bad = 'ghs_notTheRightToken9876543210';
    const run = await publish(freshRepo(), { version: '1.0.0' }, { GITHUB_TOKEN: bad });
    expect(userErrorShape(run)).toEqual({ code: 1, errors: 1, stack: false });
    const error = run.annotations.find((a) => a.level === 'error')!;
    expect(error.message).toMatch(/401 Bad credentials.*contents: write/);
    expect(
      run.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n'),
    ).not.toContain(bad);
    expect(run.summary).not.toContain(bad);
  });

  test('bad inputs: a glob matching nothing, a missing repository, no token', async () => {
    const glob = await publish(freshRepo(), { version: '1.0.0', assets: 'dist/*.zip' });
    expect(userErrorShape(glob)).toEqual({ code: 1, errors: 1, stack: false });
    expect(glob.stdout).toContain(`Invalid input 'assets': "dist/*.zip" matched no files in the workspace`);
    gh.state.strictRepos = true;
    try {
      const missing = await publish('acme/nowhere', { version: '1.0.0' });
      expect(userErrorShape(missing)).toEqual({ code: 1, errors: 1, stack: false });
      expect(missing.stdout).toMatch(/repository acme\/nowhere was not found/);
    } finally {
      gh.state.strictRepos = false;
    }
    const noToken = await publish(freshRepo(), { version: '1.0.0' }, { GITHUB_TOKEN: undefined });
    expect(userErrorShape(noToken)).toEqual({ code: 1, errors: 1, stack: false });
    expect(noToken.stdout).toMatch(/Invalid input 'token'.*GITHUB_TOKEN/);
  });

  test('assets with braces: `build/*.{zip,tar.gz}` is one glob, not split at its comma', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'da-ghr-braces-'));
    mkdirSync(join(dir, 'build'));
    writeFileSync(join(dir, 'build', 'app.zip'), randomBytes(500));
    writeFileSync(join(dir, 'build', 'app.tar.gz'), randomBytes(600));
    writeFileSync(join(dir, 'build', 'app.log'), 'not an asset\n');
    writeFileSync(join(dir, 'build', 'notes,v1.txt'), 'a comma in a name\n');
    const repository = freshRepo();
    const run = await runAction('publish-github-release', {
      workspace: dir,
      inputs: { repository, version: '1.0.0', assets: 'build/*.{zip,tar.gz}\nbuild/notes[,]v1.txt' },
      env: { GITHUB_API_URL: gh.url, GITHUB_TOKEN: TOKEN, DEPLOY_ACTIONS_HTTP_BACKOFF_MS: '20' },
    });
    expect(run.annotations.filter((a) => a.level === 'error')).toEqual([]);
    expect(run.outputs.status).toBe('published');
    const names = gh.state
      .release(repository, 'v1.0.0')!
      .assets.map((a) => a.name)
      .sort();
    expect(names).toEqual(['SHA256SUMS', 'app.tar.gz', 'app.zip', 'notes.v1.txt']);
  });
});
