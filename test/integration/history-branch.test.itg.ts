/**
 * The release history on the data branch, through the GitHub test server (contents, refs,
 * trees and commits as the REST API has them): the first record creates the branch as an
 * orphan; writers that race on the same file all land (409/422 on a stale sha, read again,
 * append again); a token that may not write gives a warning, never a thrown error.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { HttpClient } from '@deploy-actions/action-kit/http';
import { MemoryReporter } from '@deploy-actions/action-kit/log';
import { GitHubHistory, recordHistory, type HistoryRecord } from '@deploy-actions/release/history';
import { startGitHubServer, type GitHubServer } from '../servers/github.js';

const TOKEN = 'ghs_history_writer';
let gh: GitHubServer;
const http = new HttpClient({ retries: 0 });

beforeAll(async () => {
  gh = await startGitHubServer({ token: TOKEN, readOnlyTokens: ['ghs_read_only'] });
  gh.state.addRepo('acme/app');
  gh.state.setFile('acme/app', 'main', 'src/app.ts', Buffer.from('export {};\n'), 'source');
});
afterAll(() => gh?.stop());

const record = (version: string, target = 'npm'): HistoryRecord => ({
  kind: 'release',
  version,
  time: new Date().toISOString(),
  trigger: 'push refs/tags/v' + version,
  status: 'success',
  durationMs: 1200,
  targets: [{ target, status: 'published', durationMs: 800 }],
  drift: false,
});

const store = (branch: string, token = TOKEN) =>
  new GitHubHistory({ api: gh.url, repository: 'acme/app', branch, token, http });

describe('the data branch', () => {
  test('the first record creates the branch as an orphan holding only history.jsonl', async () => {
    await store('deploy-actions-status').append(record('1.0.0'));
    const repo = gh.state.repo('acme/app');
    const head = gh.state.resolve(repo, 'deploy-actions-status')!;
    expect(head.parents).toEqual([]);
    expect([...head.files.keys()]).toEqual(['history.jsonl']);
    expect((await store('deploy-actions-status').read()).map((r) => r.version)).toEqual(['1.0.0']);
    // main is untouched
    expect(gh.state.file('acme/app', 'main', 'history.jsonl')).toBeUndefined();
  });

  test('two writers holding the same sha both land (the second re-reads and appends)', async () => {
    // Both PUTs wait until both have read the file: the second one's sha is stale.
    gh.state.holdNext({ count: 2, method: 'PUT', path: /\/contents\/history\.jsonl$/ });
    await Promise.all([
      store('deploy-actions-status').append(record('1.1.0', 'npm')),
      store('deploy-actions-status').append(record('1.1.0', 'pypi')),
    ]);
    const records = await store('deploy-actions-status').read();
    expect(records.map((r) => `${r.version} ${r.targets[0].target}`).sort()).toEqual([
      '1.0.0 npm',
      '1.1.0 npm',
      '1.1.0 pypi',
    ]);
  });

  test('many concurrent writers, and two creating a branch that does not exist yet: nothing is lost', async () => {
    const writers = Array.from({ length: 8 }, (_, i) => store('status-race').append(record(`2.0.${i}`)));
    await Promise.all(writers);
    const versions = (await store('status-race').read()).map((r) => r.version).sort();
    expect(versions).toEqual(Array.from({ length: 8 }, (_, i) => `2.0.${i}`));
    const text = gh.state.file('acme/app', 'status-race', 'history.jsonl')!.toString();
    expect(text.trim().split('\n')).toHaveLength(8);
  });

  test('a token that may not write: a warning naming the branch, no exception, nothing written', async () => {
    const reporter = new MemoryReporter();
    const ok = await recordHistory(
      store('deploy-actions-status', 'ghs_read_only'),
      record('9.9.9'),
      reporter,
    );
    expect(ok).toBe(false);
    const warnings = reporter.lines.filter((m) => m.level === 'warning').map((m) => m.message);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/acme\/app@deploy-actions-status:history\.jsonl/);
    expect(warnings[0]).toMatch(/HTTP 403/);
    expect((await store('deploy-actions-status').read()).map((r) => r.version)).not.toContain('9.9.9');
  });
});
