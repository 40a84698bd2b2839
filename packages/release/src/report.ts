/** The release report as a job summary (markdown) and as the `results` JSON. */
import { escapeMarkdown, link, markdownTable } from '@deploy-actions/action-kit/summary';
import type { ReleaseReport } from './orchestrate.js';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function reportMarkdown(report: ReleaseReport): string {
  const latest = new Map(report.checks.map((c) => [c.target, c.latest]));
  const rows = report.targets.map((t) => [
    t.target,
    t.tier,
    t.policy,
    t.status + (t.error ? `: ${t.error}` : ''),
    t.version,
    latest.get(t.target) ?? '-',
    link(t.url ? 'open' : '', t.url),
    seconds(t.durationMs),
  ]);
  let md = `### Release ${escapeMarkdown(report.version)}: ${report.status}\n\n`;
  if (report.build?.status === 'failed')
    md += `**Build failed** for ${escapeMarkdown(report.build.platform ?? 'a platform')}: nothing was published.\n\n`;
  else if (report.build?.status === 'built')
    md += `Built ${report.build.archives.map((a) => escapeMarkdown(a.name)).join(', ')} in ${seconds(report.build.durationMs)}.\n\n`;
  md += markdownTable(
    ['target', 'tier', 'policy', 'status', 'version', 'latest there', 'link', 'time'],
    rows,
  );
  if (report.drift) md += `\n**Drift:** the targets' latest versions differ (see "latest there").\n`;
  if (report.deploy) {
    const d = report.deploy;
    md += `\n#### Deploy\n\n${d.healthy ? 'healthy' : 'unhealthy'}: active ${d.active} (previous ${d.previous})${d.rolledBack ? ', rolled back' : ''}. ${escapeMarkdown(d.reason)}\n`;
  }
  md += `\nTotal ${seconds(report.durationMs)}.\n`;
  return md;
}

export function resultsJson(report: ReleaseReport): Record<string, unknown> {
  return Object.fromEntries(
    report.targets.map((t) => [
      t.target,
      {
        type: t.type,
        tier: t.tier,
        policy: t.policy,
        status: t.status,
        version: t.version,
        url: t.url ?? null,
        digest: t.digest ?? null,
        'duration-ms': t.durationMs,
        error: t.error ?? null,
        // What happened to each package of a workspace target: published, skipped, failed, held back.
        notes: t.notes,
      },
    ]),
  );
}
