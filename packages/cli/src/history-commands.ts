/** `history` (list the records), `status --out DIR` (the page and badges), and recording. */
import { resolve } from 'node:path';
import { InputError } from '@deploy-actions/action-kit/errors';
import type { FlagSpec } from './args.js';
import {
  DEFAULT_STATUS_RELEASES,
  historyStore,
  recordHistory,
  statusSummary,
  writeStatusPage,
  type CheckResult,
  type HistoryRecord,
  type HistoryStore,
  type ReleaseConfig,
} from '@deploy-actions/release';
import type { CliContext } from './context.js';
import { textTable } from './table.js';

export const HISTORY_FLAGS: Record<string, FlagSpec> = {
  history: {
    value: true,
    description: 'a JSON Lines file for the history (default: config history:, on GitHub the data branch)',
  },
  out: { value: true, description: 'status: write the status page and badges into this folder' },
  last: {
    value: true,
    description: `status/history: the last N releases (default ${DEFAULT_STATUS_RELEASES})`,
  },
};

async function optionalConfig(ctx: CliContext): Promise<ReleaseConfig | undefined> {
  try {
    return await ctx.config();
  } catch (caught) {
    if (!ctx.string('config') && (caught as { input?: string }).input === '--config') return undefined;
    throw caught;
  }
}

/** The history store the flags and config name (undefined: none configured). */
export async function cliHistoryStore(
  ctx: CliContext,
  config?: ReleaseConfig,
): Promise<HistoryStore | undefined> {
  return historyStore({
    config: config ?? (await optionalConfig(ctx)),
    file: ctx.string('history'),
    env: process.env,
    http: ctx.http,
    resolvePath: (p) => resolve(ctx.cwd, p),
  });
}

/** Append a record (never fails the command: a warning). Nothing under --dry-run. */
export async function recordCli(
  ctx: CliContext,
  record: HistoryRecord,
  config?: ReleaseConfig,
): Promise<void> {
  if (ctx.bool('dry-run')) return;
  let store: HistoryStore | undefined;
  try {
    store = await cliHistoryStore(ctx, config);
  } catch (caught) {
    ctx.reporter.warning(`History: not recorded: ${(caught as Error).message}`);
    return;
  }
  await recordHistory(store, record, ctx.reporter);
}

function lastFlag(ctx: CliContext): number {
  const raw = ctx.string('last');
  if (raw === undefined) return DEFAULT_STATUS_RELEASES;
  if (!/^[1-9][0-9]{0,4}$/.test(raw))
    throw InputError.bad('--last', raw, 'is not a count', 'Use e.g. --last 20.');
  return Number(raw);
}

export async function historyCommand(ctx: CliContext): Promise<number> {
  const store = await cliHistoryStore(ctx);
  if (!store)
    throw new InputError(
      '--history',
      'names no history: there is no history: setting and this is not a GitHub Actions run',
      'Pass --history FILE, or set history: { file: PATH } (or branch:) in the config.',
    );
  const records = (await store.read()).sort((a, b) => a.time.localeCompare(b.time)).slice(-lastFlag(ctx));
  const targets = (r: HistoryRecord) =>
    r.targets
      .map(
        (t) =>
          `${t.target} ${t.status}${t.durationMs !== undefined ? ` ${(t.durationMs / 1000).toFixed(1)}s` : ''}`,
      )
      .join(', ');
  ctx.print(
    records.length
      ? textTable(
          ['time', 'kind', 'version', 'status', 'trigger', 'drift', 'targets / detail'],
          records.map((r) => [
            r.time.slice(0, 19).replace('T', ' '),
            r.kind,
            r.version,
            r.status,
            r.trigger,
            r.drift ? 'yes' : 'no',
            r.rollback
              ? `${r.rollback.target} to ${r.rollback.to ?? '?'}: ${r.rollback.reason}`
              : targets(r) +
                (r.rollout
                  ? `; rollout ${r.rollout.healthy ? 'healthy' : 'unhealthy'}${r.rollout.rolledBack ? ', rolled back' : ''}`
                  : ''),
          ]),
        )
      : `no records in ${store.where}\n`,
    { where: store.where, records },
  );
  return 0;
}

/** `status --out DIR`: the page and badges from the check and the history (if any). */
export async function writeStatusOut(
  ctx: CliContext,
  results: CheckResult[],
  config: ReleaseConfig | undefined,
): Promise<{ dir: string; files: string[]; drift: boolean } | undefined> {
  const out = ctx.string('out');
  if (!out) return undefined;
  const last = lastFlag(ctx);
  let records: HistoryRecord[] = [];
  const store = await cliHistoryStore(ctx, config);
  if (store) {
    try {
      records = await store.read();
    } catch (caught) {
      ctx.reporter.warning(
        `History: could not read ${store.where}: ${(caught as Error).message}; the page has no charts`,
      );
    }
  }
  const summary = statusSummary(results, records, last);
  const dir = resolve(ctx.cwd, out);
  const files = writeStatusPage(dir, summary, { last });
  return { dir, files, drift: summary.drift };
}
