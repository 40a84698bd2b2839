/**
 * publish-github-release against a bare Octokit script doing the same work (create the release,
 * upload the assets and a SHA256SUMS), both as a fresh `node` process, against the same GitHub
 * test server in the same run. Ours also looks the release up first, lists releases for
 * make_latest and reads SHA256SUMS back (idempotence and race safety); the script does not.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { median, record } from './lib.js';
import { ROOT, runAction } from '../test/harness/run-action.js';
import { startGitHubServer, type GitHubServer } from '../test/servers/github.js';

const exec = promisify(execFile);
const TOKEN = 'ghs_benchToken000111222333';
const RUNS = 9;
const WARMUP = 2;
const ASSETS = { 'app-linux.tar.gz': 400_000, 'app-darwin.tar.gz': 400_000, 'app-windows.zip': 400_000 };
let gh: GitHubServer;
let workspace: string;
let script: string;

/** The baseline: what one would write by hand with @actions/github. */
const BARE = `
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
const { getOctokit } = await import(process.env.OCTOKIT_URL);
const [owner, repo] = process.env.REPOSITORY.split('/');
const files = process.env.FILES.split('\\n');
const octokit = getOctokit(process.env.GITHUB_TOKEN, { baseUrl: process.env.GITHUB_API_URL });
const { data: release } = await octokit.rest.repos.createRelease({ owner, repo, tag_name: process.env.TAG, name: process.env.TAG, generate_release_notes: true });
const upload = (name, data) =>
  octokit.request({ method: 'POST', url: release.upload_url, name, data, headers: { 'content-type': 'application/octet-stream', 'content-length': data.length } });
let sums = '';
for (const file of files) {
  const data = readFileSync(file);
  await upload(basename(file), data);
  sums += createHash('sha256').update(data).digest('hex') + '  ' + basename(file) + '\\n';
}
await upload('SHA256SUMS', Buffer.from(sums));
`;

beforeAll(async () => {
  gh = await startGitHubServer({ token: TOKEN });
  workspace = mkdtempSync(join(tmpdir(), 'da-ghr-bench-'));
  mkdirSync(join(workspace, 'build'));
  for (const [name, size] of Object.entries(ASSETS))
    writeFileSync(join(workspace, 'build', name), randomBytes(size));
  script = join(workspace, 'bare-octokit.mjs');
  writeFileSync(script, BARE);
});
afterAll(() => gh?.stop());

async function ours(i: number): Promise<void> {
  const run = await runAction('publish-github-release', {
    workspace,
    inputs: { repository: `acme/ours${i}`, version: '1.0.0', assets: 'build/*' },
    env: { GITHUB_API_URL: gh.url, GITHUB_TOKEN: TOKEN },
    post: false,
  });
  if (run.outputs.status !== 'published')
    throw new Error(`publish-github-release: ${run.stdout}${run.stderr}`);
}

async function bare(i: number): Promise<void> {
  await exec(process.execPath, [script], {
    env: {
      PATH: process.env.PATH,
      GITHUB_API_URL: gh.url,
      GITHUB_TOKEN: TOKEN,
      REPOSITORY: `acme/bare${i}`,
      TAG: 'v1.0.0',
      FILES: Object.keys(ASSETS)
        .map((name) => join(workspace, 'build', name))
        .join('\n'),
      OCTOKIT_URL: pathToFileURL(join(ROOT, 'node_modules', '@actions', 'github', 'lib', 'github.js')).href,
    },
  });
}

async function timed(fn: () => Promise<void>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

test('publish-github-release vs bare Octokit', async () => {
  // Alternate the two so a busy machine slows both alike.
  const times = { ours: [] as number[], bare: [] as number[] };
  for (let i = 0; i < RUNS + WARMUP; i++) {
    const o = await timed(() => ours(i));
    const b = await timed(() => bare(i));
    if (i >= WARMUP) {
      times.ours.push(o);
      times.bare.push(b);
    }
  }
  // Both made the same releases: three assets and a SHA256SUMS each.
  for (const who of ['ours', 'bare'])
    for (let i = 0; i < RUNS + WARMUP; i++)
      expect(
        gh.state
          .release(`acme/${who}${i}`, 'v1.0.0')!
          .assets.map((a) => a.name)
          .sort(),
      ).toEqual(['SHA256SUMS', 'app-darwin.tar.gz', 'app-linux.tar.gz', 'app-windows.zip']);
  const oursMs = median(times.ours);
  const bareMs = median(times.bare);
  const ratio = oursMs / bareMs;
  record({
    name: 'publish-github-release',
    title: 'publish-github-release vs bare Octokit',
    method:
      `Median wall time of ${RUNS} runs (after ${WARMUP} warm-ups, the two alternating) of a new release with three 400 KB assets and a SHA256SUMS, on the GitHub test server on loopback: ` +
      '`node actions/publish-github-release/dist/index.js` as the runner starts it (looks the tag up, lists releases for make_latest, creates, uploads, writes and reads back SHA256SUMS) ' +
      'against a plain `node` script with `getOctokit` from @actions/github (create the release, upload the files and SHA256SUMS), in the same run.',
    command:
      'NODE_OPTIONS=--experimental-vm-modules npx jest --config bench/jest.config.js bench/publish-github-release.bench.ts',
    figures: { 'publish-github-release': oursMs, 'bare Octokit script': bareMs },
    ratio: { label: 'publish-github-release / bare Octokit', value: ratio, goal: '< 1.2', met: ratio < 1.2 },
  });
});
