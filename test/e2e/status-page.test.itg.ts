/**
 * `deploy-actions status --out DIR` and `deploy-actions history`, the CLI bundle as a process,
 * against the GitHub test server (two github-release targets: acme/app at 1.4.0 and acme/cli
 * held back at 1.3.0, a planted drift) with a history file of earlier releases. The page is
 * then loaded from disk by headless Chromium (Debian's /usr/bin/chromium, driven by
 * puppeteer-core) with every non-file request blocked and recorded: none may be attempted.
 * The DOM is read as a person would (every target row, the drift row marked, the charts), a
 * screenshot is saved under test-output/status-page/, and each SVG badge is rendered at its
 * declared size. A page made from hostile target names must not grow elements from them.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { ROOT } from '../harness/run-action.js';
import { startGitHubServer, type GitHubServer } from '../servers/github.js';
import { statusSummary, writeStatusPage, type HistoryRecord } from '@deploy-actions/release';

// The page's globals inside page.evaluate callbacks (the project's tsconfig has no DOM lib).
interface PageNode {
  textContent: string | null;
  firstChild: PageNode | null;
  querySelectorAll(selector: string): ArrayLike<PageNode> & Iterable<PageNode>;
}
declare const document: PageNode & { documentElement: { scrollWidth: number }; body: PageNode };
declare const window: unknown;
declare function getComputedStyle(node: unknown): { backgroundColor: string };

const CHROMIUM = '/usr/bin/chromium';
const OUTPUT = process.env.DEPLOY_ACTIONS_TEST_OUTPUT ?? join(ROOT, 'test-output', 'status-page');
let gh: GitHubServer;
let dir: string;
let browser: Browser;

const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n, 12)).toISOString();
const releaseRecord = (n: number, version: string, cliStatus: string): HistoryRecord => ({
  kind: 'release',
  version,
  time: day(n),
  trigger: `push refs/tags/v${version}`,
  status: cliStatus === 'failed' ? 'failure' : 'success',
  durationMs: 20_000 + n * 1000,
  targets: [
    { target: 'github-release:acme/app', status: 'published', durationMs: 3000 + n * 400 },
    { target: 'github-release:acme/cli', status: cliStatus, durationMs: 5000 + n * 300 },
  ],
  drift: false,
});

beforeAll(async () => {
  gh = await startGitHubServer({ token: 'ghs_status' });
  gh.state.seedRelease('acme/app', { tag: 'v1.3.0' });
  gh.state.seedRelease('acme/app', { tag: 'v1.4.0' });
  gh.state.seedRelease('acme/cli', { tag: 'v1.3.0' });
  dir = mkdtempSync(join(tmpdir(), 'status-page-'));
  const history = [
    releaseRecord(1, '1.2.0', 'published'),
    releaseRecord(2, '1.3.0', 'published'),
    releaseRecord(3, '1.4.0', 'failed'),
  ];
  writeFileSync(
    join(dir, 'history.jsonl'),
    history.map((r) => JSON.stringify(r)).join('\n') + '\nnot json\n',
  );
  browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-dev-shm-usage'],
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await gh?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'deploy-actions.js'), ...args], {
      cwd: dir,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        GITHUB_API_URL: gh.url,
        DEPLOY_ACTIONS_HTTP_RETRIES: '0',
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A page opened from disk with the network off: every request that is not file:// is blocked and kept. */
async function openOffline(file: string, viewport = { width: 1100, height: 800 }) {
  const page = await browser.newPage();
  await page.setViewport(viewport);
  const attempted: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    if (req.url().startsWith('file://')) void req.continue();
    else {
      attempted.push(req.url());
      void req.abort('blockedbyclient');
    }
  });
  await page.goto(`file://${file}`, { waitUntil: 'load' });
  return { page, attempted };
}

const TARGETS = 'github-release:acme/app,github-release:acme/cli';

describe('deploy-actions status --out and history', () => {
  let out: string;

  test('status --out writes the page, the overall badge, one badge per target and shields.io files', async () => {
    const res = await cli(
      'status',
      '--targets',
      TARGETS,
      '--history',
      'history.jsonl',
      '--out',
      'site',
      '--json',
    );
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const json = JSON.parse(res.stdout) as { drift: boolean; out: string; files: string[] };
    expect(json.drift).toBe(true);
    out = json.out;
    expect(out).toBe(join(dir, 'site'));
    expect(readdirSync(join(out, 'badges')).sort()).toEqual([
      'github-release_acme_app.json',
      'github-release_acme_app.svg',
      'github-release_acme_cli.json',
      'github-release_acme_cli.svg',
    ]);
    const overall = JSON.parse(readFileSync(join(out, 'badge.json'), 'utf8'));
    expect(overall).toEqual({ schemaVersion: 1, label: 'release', message: 'drift', color: 'c62828' });
    const cliBadge = JSON.parse(readFileSync(join(out, 'badges', 'github-release_acme_cli.json'), 'utf8'));
    expect(cliBadge).toMatchObject({
      schemaVersion: 1,
      label: 'github-release:acme/cli',
      message: '1.3.0 · drift',
    });
  });

  test('Chromium, offline: every target row, the drift row marked, charts present; a screenshot', async () => {
    const { page, attempted } = await openOffline(join(out, 'index.html'));
    const rows = await page.$$eval('#targets tbody tr', (trs) =>
      trs.map((tr) => ({
        target: tr.getAttribute('data-target'),
        state: tr.getAttribute('data-state'),
        latest: tr.querySelector('.latest')?.textContent,
        last: tr.querySelector('.last')?.textContent?.trim().replace(/\s+/g, ' '),
        background: getComputedStyle(tr).backgroundColor,
        charts: tr.querySelectorAll('svg.chart').length,
        bars: tr.querySelectorAll('svg.chart.duration rect').length,
        success: tr.querySelector('svg.chart.success')?.getAttribute('aria-label'),
      })),
    );
    expect(rows.map((r) => [r.target, r.state, r.latest])).toEqual([
      ['github-release:acme/app', 'ok', '1.4.0'],
      ['github-release:acme/cli', 'drift', '1.3.0'],
    ]);
    // The drift row stands out (a coloured background), the up-to-date one does not.
    expect(rows[1].background).not.toBe(rows[0].background);
    expect(rows[1].last).toMatch(/^failed 1\.4\.0/);
    for (const r of rows) {
      expect(r.charts).toBe(2);
      expect(r.bars).toBe(3);
    }
    expect(rows[0].success).toMatch(/100%/);
    expect(rows[1].success).toMatch(/67%/);
    expect(await page.$eval('#overall', (e) => e.textContent)).toBe('release drift');
    mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: join(OUTPUT, 'status-page.png'), fullPage: true });
    // On a phone: no horizontal scrolling.
    await page.setViewport({ width: 390, height: 844, isMobile: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(OUTPUT, 'status-page-phone.png'), fullPage: true });
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(dark).not.toBe('rgb(255, 255, 255)');
    await page.screenshot({ path: join(OUTPUT, 'status-page-dark.png'), fullPage: true });
    await page.close();
    expect(attempted).toEqual([]);
  }, 60_000);

  test('each SVG badge renders at its declared width and height', async () => {
    for (const file of [
      'badge.svg',
      'badges/github-release_acme_app.svg',
      'badges/github-release_acme_cli.svg',
    ]) {
      const svg = readFileSync(join(out, file), 'utf8');
      const declared = {
        w: Number(/width="(\d+)"/.exec(svg)![1]),
        h: Number(/height="(\d+)"/.exec(svg)![1]),
      };
      const { page, attempted } = await openOffline(join(out, file));
      const box = await page.$eval('svg', (e) => {
        const r = e.getBoundingClientRect();
        return { w: r.width, h: r.height, text: e.textContent };
      });
      expect({ w: box.w, h: box.h }).toEqual(declared);
      expect(declared.h).toBe(20);
      expect(box.text).toContain(file === 'badge.svg' ? 'drift' : '1.');
      await page.close();
      expect(attempted).toEqual([]);
    }
  });

  test('history lists the records (table and --json), skipping a line that is not a record', async () => {
    const table = await cli('history', '--history', 'history.jsonl');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/2026-01-04 12:00:00\s+release\s+1\.4\.0\s+failure/);
    const json = await cli('history', '--history', 'history.jsonl', '--json');
    const parsed = JSON.parse(json.stdout) as { records: HistoryRecord[] };
    expect(parsed.records.map((r) => r.version)).toEqual(['1.2.0', '1.3.0', '1.4.0']);
    const none = await cli('history');
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/^error: .*'--history'.*Pass --history FILE/);
  });
});

describe('hostile names', () => {
  test('target names and versions with markup stay text in the page and the badges', async () => {
    const evil = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';
    const svgEvil = '"/><script>alert(1)</script><rect width="9';
    const summary = statusSummary(
      [
        {
          target: evil,
          type: 'npm',
          name: evil,
          registry: 'http://127.0.0.1:1/',
          version: '1.0.0',
          published: true,
          latest: '1.0.0',
          durationMs: 1,
        },
        {
          target: svgEvil,
          type: 'npm',
          name: 'b',
          registry: '<b>r</b>',
          version: '1.0.0',
          published: true,
          latest: '0.9.0<i>x</i>',
          durationMs: 1,
        },
      ],
      [
        {
          ...releaseRecord(1, '<u>1</u>', 'published'),
          targets: [{ target: evil, status: '<b>published</b>', durationMs: 5 }],
        },
      ],
    );
    const site = join(dir, 'hostile');
    writeStatusPage(site, summary);
    const { page, attempted } = await openOffline(join(site, 'index.html'));
    const found = await page.evaluate(() => ({
      imgs: document.querySelectorAll('img').length,
      scripts: document.querySelectorAll('script').length,
      bold: document.querySelectorAll('#targets b, #targets i, #targets u').length,
      pwned: (window as unknown as { pwned?: number }).pwned ?? null,
      rows: [...document.querySelectorAll('#targets tbody tr th')].map((th) => th.firstChild?.textContent),
    }));
    expect(found).toEqual({ imgs: 0, scripts: 0, bold: 0, pwned: null, rows: [evil, svgEvil] });
    await page.close();
    expect(attempted).toEqual([]);
    for (const file of readdirSync(join(site, 'badges')).filter((f) => f.endsWith('.svg'))) {
      const badge = await openOffline(join(site, 'badges', file));
      const scripts = await badge.page.evaluate(() => document.querySelectorAll('script').length);
      await badge.page.close();
      expect(scripts).toBe(0);
    }
  }, 60_000);
});
