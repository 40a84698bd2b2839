import {
  appendSummary,
  error,
  info,
  link,
  markdownTable,
  runAction,
  runnerReporter,
  setOutput,
  warning,
} from '@deploy-actions/action-kit';
import { errorMessage } from '@deploy-actions/action-kit/errors';
import { closeConnections, HttpClient } from '@deploy-actions/action-kit/http';
import { workspace } from '@deploy-actions/action-kit/paths';
import {
  checkTargets,
  hasDrift,
  historyStore,
  loadConfig,
  resolveVersion,
  selectTargets,
  statusSummary,
  targetsFromConfig,
  writeStatusPage,
  type CheckResult,
  type ReleaseConfig,
} from '@deploy-actions/release';
import { resolve } from 'node:path';
import { getInputs } from './inputs.js';

export function publishedCell(r: CheckResult): string {
  return r.published === 'unknown' ? `unknown: ${r.error ?? ''}` : r.published ? 'yes' : 'no';
}

export function run(): Promise<void> {
  return runAction('check-published', async () => {
    const input = getInputs();
    const root = workspace();
    let config: ReleaseConfig | undefined;
    if (!input.targets) config = await loadConfig(resolve(root, input.config));
    const { version } = await resolveVersion({
      version: input.version,
      ref: process.env.GITHUB_REF,
      config,
      cwd: root,
    });
    const targets =
      input.targets ??
      (await targetsFromConfig(selectTargets(config!, input.platforms), root, process.env, {
        perPackage: true,
      }));
    // Kept-alive connections, at most 2 to a host (as polite as a browser), closed once answered
    // so the process ends at once.
    const http = new HttpClient({ reporter: runnerReporter, maxConnectionsPerHost: 2 });
    let results: CheckResult[];
    try {
      results = await checkTargets(targets, version, {
        http,
        reporter: runnerReporter,
        env: process.env,
      });
    } finally {
      closeConnections();
    }

    const missing = results.filter((r) => r.published !== true).map((r) => r.target);
    const drift = hasDrift(results);
    const json = Object.fromEntries(
      results.map((r) => [
        r.target,
        {
          type: r.type,
          name: r.name,
          registry: r.registry,
          published: r.published,
          latest: r.latest ?? null,
          url: r.url ?? null,
          error: r.error ?? null,
        },
      ]),
    );
    setOutput('results', JSON.stringify(json));
    setOutput('missing', missing.join('\n'));
    setOutput('all-published', missing.length === 0);
    setOutput('drift', drift);
    for (const r of results)
      info(
        `${r.target}: ${version} ${r.published === true ? 'published' : r.published === false ? 'not published' : 'unknown'}; latest there ${r.latest ?? 'none'}`,
      );
    await appendSummary(
      `### Version ${version} on every target${drift ? ' (drift: the latest versions differ)' : ''}\n\n` +
        markdownTable(
          ['target', 'registry', 'version asked', 'latest there', 'published?'],
          results.map((r) => [
            r.target,
            r.registry,
            version,
            r.latest ?? '-',
            r.url ? link(publishedCell(r), r.url) : publishedCell(r),
          ]),
        ),
    );
    if (input['status-page']) {
      const dir = resolve(root, input['status-page']);
      const files = writeStatusPage(dir, statusSummary(results, await readHistory(config, http, root)));
      info(`Status page: ${files.length} files in ${dir}`);
      setOutput('status-page', dir);
    }
    if (input['fail-on-missing'] && missing.length) {
      error(`${version} is missing on: ${missing.join(', ')}`, { title: 'Version not published everywhere' });
      process.exitCode = 1;
    }
  });
}

/** The recorded releases for the page's charts; none (a warning) when the history cannot be read. */
async function readHistory(config: ReleaseConfig | undefined, http: HttpClient, root: string) {
  let where = 'the history';
  try {
    const store = historyStore({ config, env: process.env, http, resolvePath: (p) => resolve(root, p) });
    if (!store) return [];
    where = store.where;
    return await store.read();
  } catch (caught) {
    warning(`Could not read ${where}: ${errorMessage(caught)}; the status page has no charts.`);
    return [];
  }
}
