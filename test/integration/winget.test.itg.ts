/**
 * The winget publisher against the GitHub test server (fork sync, git data, pulls, search):
 * the manifests it commits satisfy winget-cli's 1.10.0 JSON schema rules
 * (test/fixtures/winget/, checked with ajv); the flow runs in order (sync, blobs/tree/commit,
 * branch, pull request); the skip paths (merged, under review) send nothing that writes.
 */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { HttpClient } from '@deploy-actions/action-kit/http';
import { userMessage } from '@deploy-actions/action-kit/errors';
import { MemoryReporter } from '@deploy-actions/action-kit/log';
import { parseSemVer } from '@deploy-actions/version';
import type { BinaryRelease, PublishContext } from '@deploy-actions/targets';
import { publish, rollback } from '@deploy-actions/targets/winget/publish';
import { createClient } from '@deploy-actions/targets/winget/client';
import { startGitHubServer, type GitHubServer } from '../servers/github.js';

const TOKEN = 'ghp_classic_winget_token_1234';
const UPSTREAM = 'microsoft/winget-pkgs';
const FORK = 'acme-bot/winget-pkgs';
const FOLDER = 'manifests/a/Acme/App/1.2.3';
const http = new HttpClient({ retries: 1, baseDelayMs: 5 });
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
const schema = (type: string) =>
  ajv.compile(
    JSON.parse(readFileSync(join('test/fixtures/winget', `manifest.${type}.1.10.0.json`), 'utf8')) as object,
  );
const SCHEMAS = {
  version: schema('version'),
  installer: schema('installer'),
  defaultLocale: schema('defaultLocale'),
};

/** What the user reads of a failure: the message and its hint. */
async function failure(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (error) {
    return userMessage(error);
  }
  throw new Error('expected a failure');
}

let gh: GitHubServer;
let work: string;

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
function release(
  version = '1.2.3',
  platforms = ['windows/amd64', 'windows/arm64', 'linux/amd64'],
): BinaryRelease {
  return {
    target: 'gh',
    repository: 'acme/app',
    tag: `v${version}`,
    version,
    binary: 'acme',
    archives: platforms.map((platform) => {
      const [os, arch] = platform.split('/');
      const name = `acme_${version}_${os}_${arch}.${os === 'windows' ? 'zip' : 'tar.gz'}`;
      return {
        platform,
        os,
        arch,
        name,
        format: os === 'windows' ? 'zip' : 'tar.gz',
        url: `https://github.com/acme/app/releases/download/v${version}/${name}`,
        sha256: sha(name),
      };
    }),
    releaseUrl: `https://github.com/acme/app/releases/tag/v${version}`,
    repositoryUrl: 'https://github.com/acme/app',
    description: 'The acme command line: deploys things.',
    license: 'MIT',
    onRelease: true,
  };
}

function context(
  overrides: Partial<PublishContext> = {},
  version = '1.2.3',
): PublishContext & { reporter: MemoryReporter } {
  return {
    target: 'winget',
    version: { version, semver: parseSemVer(version), tag: `v${version}`, pep440: '' },
    force: false,
    dryRun: false,
    workspace: work,
    tempDir: work,
    env: { GITHUB_API_URL: gh.url },
    reporter: new MemoryReporter(),
    http,
    token: TOKEN,
    defer: () => undefined,
    binaries: async () => release(version),
    ...overrides,
  } as PublishContext & { reporter: MemoryReporter };
}

const settings = { id: 'Acme.App', fork: FORK };

beforeEach(async () => {
  gh = await startGitHubServer({ token: TOKEN, repos: [UPSTREAM], defaultBranch: 'master' });
  const upstream = gh.state.repo(UPSTREAM);
  gh.state.setFile(
    UPSTREAM,
    'master',
    'manifests/o/Other/Tool/1.0.0/Other.Tool.yaml',
    'PackageIdentifier: Other.Tool\n',
  );
  gh.state.fork(upstream, 'acme-bot');
  // Upstream moves on after the fork was made: the fork is behind until synced.
  gh.state.setFile(
    UPSTREAM,
    'master',
    'manifests/n/New/Thing/2.0.0/New.Thing.yaml',
    'PackageIdentifier: New.Thing\n',
  );
  work = mkdtempSync(join(tmpdir(), 'da-winget-'));
});

afterEach(async () => {
  await gh.stop();
  rmSync(work, { recursive: true, force: true });
});

function manifestsOn(branch: string): Record<string, string> {
  const repo = gh.state.repo(FORK);
  const files = gh.state.resolve(repo, branch)!.files;
  return Object.fromEntries(
    [...files].filter(([p]) => p.startsWith(FOLDER)).map(([p, b]) => [p, b.toString('utf8')]),
  );
}

describe('winget publish', () => {
  test('opens the pull request in order: sync the fork, one commit of three valid manifests, the branch, the pull request', async () => {
    const result = await publish(settings, context());
    expect(result.status).toBe('published');
    expect(result.url).toBe(`${gh.url}/${UPSTREAM}/pull/1`);
    expect(gh.state.writes().map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      `POST /repos/${FORK}/merge-upstream 200`,
      `POST /repos/${FORK}/git/blobs 201`,
      `POST /repos/${FORK}/git/blobs 201`,
      `POST /repos/${FORK}/git/blobs 201`,
      `POST /repos/${FORK}/git/trees 201`,
      `POST /repos/${FORK}/git/commits 201`,
      `POST /repos/${FORK}/git/refs 201`,
      `POST /repos/${UPSTREAM}/pulls 201`,
    ]);
    const pull = gh.state.repo(UPSTREAM).pulls[0];
    expect(pull).toMatchObject({
      title: 'New version: Acme.App 1.2.3',
      headOwner: 'acme-bot',
      headRef: 'Acme.App-1.2.3',
      baseRef: 'master',
      state: 'open',
    });
    // One commit on top of the synced master (which now has upstream's newest manifest).
    const fork = gh.state.repo(FORK);
    const head = gh.state.resolve(fork, 'Acme.App-1.2.3')!;
    expect(head.parents).toEqual([gh.state.repo(UPSTREAM).refs.get('heads/master')]);
    expect(fork.refs.get('heads/master')).toBe(gh.state.repo(UPSTREAM).refs.get('heads/master'));
    expect(head.files.has('manifests/n/New/Thing/2.0.0/New.Thing.yaml')).toBe(true);

    const files = manifestsOn('Acme.App-1.2.3');
    expect(Object.keys(files).sort()).toEqual([
      `${FOLDER}/Acme.App.installer.yaml`,
      `${FOLDER}/Acme.App.locale.en-US.yaml`,
      `${FOLDER}/Acme.App.yaml`,
    ]);
    const docs = {
      version: files[`${FOLDER}/Acme.App.yaml`],
      installer: files[`${FOLDER}/Acme.App.installer.yaml`],
      defaultLocale: files[`${FOLDER}/Acme.App.locale.en-US.yaml`],
    };
    for (const [type, text] of Object.entries(docs)) {
      expect(text.split('\n')[1]).toBe(
        `# yaml-language-server: $schema=https://aka.ms/winget-manifest.${type}.1.10.0.schema.json`,
      );
      const doc = parse(text) as Record<string, unknown>;
      const validate = SCHEMAS[type as keyof typeof SCHEMAS];
      expect({ type, ok: validate(doc), errors: validate.errors }).toEqual({ type, ok: true, errors: null });
      expect(doc).toMatchObject({
        PackageIdentifier: 'Acme.App',
        PackageVersion: '1.2.3',
        ManifestVersion: '1.10.0',
      });
    }
    const installer = parse(docs.installer) as { Installers: Record<string, string>[]; [k: string]: unknown };
    expect(installer).toMatchObject({
      InstallerType: 'zip',
      NestedInstallerType: 'portable',
      NestedInstallerFiles: [{ RelativeFilePath: 'acme.exe', PortableCommandAlias: 'acme' }],
    });
    expect(installer.Installers.map((i) => [i.Architecture, i.InstallerUrl, i.InstallerSha256])).toEqual([
      [
        'x64',
        'https://github.com/acme/app/releases/download/v1.2.3/acme_1.2.3_windows_amd64.zip',
        sha('acme_1.2.3_windows_amd64.zip').toUpperCase(),
      ],
      [
        'arm64',
        'https://github.com/acme/app/releases/download/v1.2.3/acme_1.2.3_windows_arm64.zip',
        sha('acme_1.2.3_windows_arm64.zip').toUpperCase(),
      ],
    ]);
    expect(String(installer.ReleaseDate)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(parse(docs.defaultLocale)).toMatchObject({
      PackageLocale: 'en-US',
      Publisher: 'Acme',
      PackageName: 'App',
      License: 'MIT',
      ShortDescription: 'The acme command line: deploys things.',
      Moniker: 'acme',
    });

    // The rerun finds the open pull request: skipped, awaiting review, nothing written.
    const before = gh.state.writes().length;
    const again = await publish(settings, context());
    expect(again).toMatchObject({ status: 'skipped', url: `${gh.url}/${UPSTREAM}/pull/1` });
    expect(again.notes?.join('\n')).toMatch(/awaiting review/);
    expect(gh.state.writes()).toHaveLength(before);
  });

  test('a dry run prints the three files and the requests, and sends nothing that writes', async () => {
    const ctx = context({ dryRun: true, token: undefined });
    const result = await publish(settings, ctx);
    expect(result.status).toBe('dry-run');
    expect(result.notes).toEqual(
      expect.arrayContaining([
        `would write ${FOLDER}/Acme.App.installer.yaml`,
        expect.stringMatching(/would sync acme-bot\/winget-pkgs/),
        expect.stringMatching(/would open pull request "New version: Acme.App 1.2.3"/),
      ]),
    );
    expect(ctx.reporter.lines.map((l) => l.message).join('\n')).toMatch(/InstallerSha256: [0-9A-F]{64}/);
    expect(gh.state.writes()).toEqual([]);
  });

  test('merged already (the folder is upstream): skipped with no write; force is refused, not a second pull request', async () => {
    gh.state.setFile(UPSTREAM, 'master', `${FOLDER}/Acme.App.yaml`, 'PackageIdentifier: Acme.App\n');
    const result = await publish(settings, context());
    expect(result.status).toBe('skipped');
    expect(result.notes?.[0]).toMatch(/already in microsoft\/winget-pkgs/);
    expect(await failure(publish(settings, context({ force: true })))).toMatch(
      /force cannot publish it again.*new pull request only for a change/s,
    );
    expect(gh.state.writes()).toEqual([]);
    const client = createClient('Acme.App', {
      http,
      env: { GITHUB_API_URL: gh.url },
      target: { repository: UPSTREAM },
    });
    expect(await client.exists('1.2.3')).toBe(true);
    expect(await client.exists('1.2.4')).toBe(false);
    expect(await client.versions()).toEqual(['1.2.3']);
    expect(await client.latest()).toBe('1.2.3');
  });

  test("someone else's open pull request with the version's title: skipped, awaiting review, nothing written", async () => {
    const upstream = gh.state.repo(UPSTREAM);
    gh.state.fork(upstream, 'someone');
    gh.state.repo('someone/winget-pkgs').refs.set('heads/their-branch', upstream.refs.get('heads/master')!);
    const res = await http.request({
      method: 'POST',
      url: `${gh.url}/repos/${UPSTREAM}/pulls`,
      headers: { authorization: `token ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'New version: Acme.App 1.2.3',
        head: 'someone:their-branch',
        base: 'master',
      }),
    });
    expect(res.status).toBe(201);
    const writes = gh.state.writes().length;
    const result = await publish(settings, context());
    expect(result.status).toBe('skipped');
    expect(result.notes?.[0]).toMatch(/#1 .*awaiting review/);
    expect(gh.state.writes()).toHaveLength(writes);
  });

  test('a fine-grained token refused on the pull request is named as the cause', async () => {
    gh.state.failNext({
      method: 'POST',
      path: '/pulls',
      status: 403,
      body: {
        message: 'Resource not accessible by personal access token',
        documentation_url: 'https://docs.github.com/rest',
        status: '403',
      },
    });
    expect(await failure(publish(settings, context()))).toMatch(
      /fine-grained token.*classic personal access token with the public_repo scope/s,
    );
  });

  test('a missing fork is a clear error before anything is written', async () => {
    expect(await failure(publish({ ...settings, fork: 'nobody/winget-pkgs' }, context()))).toMatch(
      /fork nobody\/winget-pkgs was not found.*Fork microsoft\/winget-pkgs/s,
    );
    expect(gh.state.writes()).toEqual([]);
  });

  test('a fork with commits of its own on master: the sync conflict says what to do', async () => {
    gh.state.setFile(FORK, 'master', 'local.txt', 'mine');
    expect(await failure(publish(settings, context()))).toMatch(/commits of its own.*Discard commits/s);
    expect(gh.state.writes().map((r) => r.path)).toEqual([`/repos/${FORK}/merge-upstream`]);
  });

  test('a prerelease is skipped; bad ids, a missing fork setting and rollback are refused clearly', async () => {
    const pre = await publish(
      settings,
      context({ binaries: async () => release('1.3.0-rc.1') }, '1.3.0-rc.1'),
    );
    expect(pre).toMatchObject({ status: 'skipped' });
    for (const id of ['Acme', 'Acme App.Tool', 'Acme.App/../x', 'a'.repeat(33) + '.App', 'Acme.App.'])
      expect(await failure(publish({ ...settings, id }, context()))).toMatch(
        /Invalid input 'id'.*Publisher\.Name/s,
      );
    expect(await failure(publish({ id: 'Acme.App' }, context()))).toMatch(
      /Invalid input 'fork'.*Fork microsoft\/winget-pkgs/s,
    );
    expect(
      await failure(publish({ ...settings, 'short-description': 'line\n::error::forged' }, context())),
    ).toMatch(/'short-description'.*one line/s);
    expect(await failure(rollback(settings, { ...context(), badVersion: '1.2.3' }))).toMatch(
      /cannot be rolled back/,
    );
    expect(gh.state.writes()).toEqual([]);
  });
});
