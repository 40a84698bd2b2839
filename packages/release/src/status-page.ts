/**
 * The status page and badges (`deploy-actions status --out DIR`, check-published's
 * `status-page` input), from a fresh check and the history:
 *   index.html          one self-contained page: no script, no external request
 *   badge.svg           overall: "release 1.4.0 · 6/6", "drift" in red
 *   badges/<t>.svg      one per target
 *   badge.json, badges/<t>.json   shields.io endpoint files (schemaVersion 1)
 * Every text from a config, a registry or the history is escaped for HTML/XML.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import type { CheckResult } from './check.js';
import type { HistoryRecord } from './history.js';

export const DEFAULT_STATUS_RELEASES = 20;

export type RowState = 'ok' | 'drift' | 'missing' | 'unreachable';

export interface StatusRow {
  target: string;
  type: string;
  registry: string;
  latest?: string;
  state: RowState;
  error?: string;
  lastRelease?: { version: string; status: string; durationMs?: number; time: string };
  /** The last N releases that included the target, oldest first. */
  runs: { version: string; status: string; durationMs: number }[];
  /** Share of those runs that succeeded (0..1), undefined without runs. */
  successRate?: number;
}

export interface StatusSummary {
  /** The newest version any target has. */
  version?: string;
  drift: boolean;
  upToDate: number;
  total: number;
  rows: StatusRow[];
  badge: { label: string; message: string; color: string };
  generated: string;
}

const COLORS = { ok: '#2e7d32', drift: '#c62828', warn: '#ef6c00', unknown: '#6e7781', label: '#555' };
const OK_STATUSES = new Set(['published', 'skipped', 'dry-run']);
const FAILED = new Set(['failed']);

export function escapeXml(value: unknown): string {
  return String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** The highest version among the targets' latest (semver order; plain text when not semver). */
function newest(versions: string[]): string | undefined {
  const valid = versions.filter((v) => semver.valid(v));
  if (valid.length) return valid.sort(semver.rcompare)[0];
  return versions.sort().at(-1);
}

export function statusSummary(
  results: CheckResult[],
  history: HistoryRecord[],
  last = DEFAULT_STATUS_RELEASES,
  now = new Date(),
): StatusSummary {
  const releases = history
    .filter((r) => r.kind === 'release')
    .sort((a, b) => a.time.localeCompare(b.time))
    .slice(-last);
  const version = newest(results.map((r) => r.latest).filter((v): v is string => !!v));
  const rows = results.map((r): StatusRow => {
    const state: RowState =
      r.published === 'unknown'
        ? 'unreachable'
        : !r.latest
          ? 'missing'
          : r.latest !== version
            ? 'drift'
            : 'ok';
    const runs = releases.flatMap((rec) =>
      rec.targets
        .filter((t) => t.target === r.target && t.status !== 'cancelled')
        .map((t) => ({
          version: rec.version,
          status: t.status,
          durationMs: t.durationMs ?? 0,
          time: rec.time,
        })),
    );
    const counted = runs.filter((t) => OK_STATUSES.has(t.status) || FAILED.has(t.status));
    const lastRun = runs.at(-1);
    return {
      target: r.target,
      type: r.type,
      registry: r.registry,
      latest: r.latest,
      state,
      error: r.error,
      lastRelease: lastRun && {
        version: lastRun.version,
        status: lastRun.status,
        durationMs: lastRun.durationMs,
        time: lastRun.time,
      },
      runs: runs.map(({ version: v, status, durationMs }) => ({ version: v, status, durationMs })),
      successRate: counted.length
        ? counted.filter((t) => OK_STATUSES.has(t.status)).length / counted.length
        : undefined,
    };
  });
  const upToDate = rows.filter((r) => r.state === 'ok').length;
  const drift = rows.some((r) => r.state === 'drift' || r.state === 'missing');
  const badge = drift
    ? { label: 'release', message: 'drift', color: COLORS.drift }
    : {
        label: 'release',
        message: `${version ?? 'none'} · ${upToDate}/${rows.length}`,
        color: upToDate === rows.length && version ? COLORS.ok : COLORS.warn,
      };
  return { version, drift, upToDate, total: rows.length, rows, badge, generated: now.toISOString() };
}

// ---- badges ----------------------------------------------------------------------------

/** Verdana 11px advance widths, roughly (shields.io measures the same font). */
function textWidth(text: string): number {
  let w = 0;
  for (const c of text)
    w += /[il.,:;|'!· ]/.test(c) ? 3.6 : /[mwMW@]/.test(c) ? 10 : /[A-Z0-9]/.test(c) ? 7.6 : 6.6;
  return Math.ceil(w);
}

export function badgeSvg(label: string, message: string, color: string): string {
  const lw = textWidth(label) + 12;
  const mw = textWidth(message) + 12;
  const w = lw + mw;
  const [l, m] = [escapeXml(label), escapeXml(message)];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="20" role="img" aria-label="${l}: ${m}" viewBox="0 0 ${w} 20">
<title>${l}: ${m}</title>
<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>
<clipPath id="r"><rect width="${w}" height="20" rx="3" fill="#fff"/></clipPath>
<g clip-path="url(#r)"><rect width="${lw}" height="20" fill="${COLORS.label}"/><rect x="${lw}" width="${mw}" height="20" fill="${escapeXml(color)}"/><rect width="${w}" height="20" fill="url(#s)"/></g>
<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">
<text x="${lw / 2}" y="15" fill="#010101" fill-opacity=".3">${l}</text><text x="${lw / 2}" y="14">${l}</text>
<text x="${lw + mw / 2}" y="15" fill="#010101" fill-opacity=".3">${m}</text><text x="${lw + mw / 2}" y="14">${m}</text>
</g></svg>
`;
}

function rowBadge(row: StatusRow): { label: string; message: string; color: string } {
  const color = row.state === 'ok' ? COLORS.ok : row.state === 'unreachable' ? COLORS.unknown : COLORS.drift;
  const message =
    row.state === 'ok' ? row.latest! : row.state === 'drift' ? `${row.latest} · drift` : row.state;
  return { label: row.target, message, color };
}

/** shields.io's endpoint format: https://shields.io/badges/endpoint-badge */
const shieldsJson = (b: { label: string; message: string; color: string }) =>
  JSON.stringify(
    { schemaVersion: 1, label: b.label, message: b.message, color: b.color.replace('#', '') },
    null,
    2,
  ) + '\n';

/** A file name for a target: safe characters only, unique within the page. */
export function badgeFileNames(targets: string[]): Map<string, string> {
  const used = new Set<string>();
  const names = new Map<string, string>();
  for (const target of targets) {
    let base = target.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_') || '_';
    if (base.length > 80) base = base.slice(0, 80);
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base}-${i}`;
    used.add(name.toLowerCase());
    names.set(target, name);
  }
  return names;
}

// ---- page ------------------------------------------------------------------------------

const seconds = (ms?: number) => (ms === undefined ? '' : `${(ms / 1000).toFixed(1)} s`);

function durationChart(row: StatusRow): string {
  const W = 240;
  const H = 64;
  if (!row.runs.length) return '<span class="muted">no releases recorded</span>';
  const max = Math.max(1, ...row.runs.map((r) => r.durationMs));
  const step = W / Math.max(row.runs.length, 5);
  const bars = row.runs
    .map((r, i) => {
      const h = Math.max(2, Math.round((r.durationMs / max) * (H - 14)));
      const cls = OK_STATUSES.has(r.status) ? 'ok' : FAILED.has(r.status) ? 'bad' : 'other';
      return `<rect class="${cls}" x="${(i * step + 1).toFixed(1)}" y="${H - h}" width="${Math.max(2, step - 2).toFixed(1)}" height="${h}"><title>${escapeXml(r.version)}: ${escapeXml(r.status)}, ${seconds(r.durationMs)}</title></rect>`;
    })
    .join('');
  return `<svg class="chart duration" role="img" aria-label="release duration of ${escapeXml(row.target)}" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}"><text x="0" y="10" class="axis">max ${seconds(max)}</text>${bars}</svg>`;
}

function successChart(row: StatusRow): string {
  const W = 140;
  const H = 16;
  if (row.successRate === undefined) return '<span class="muted">–</span>';
  const pct = Math.round(row.successRate * 100);
  const cls = pct === 100 ? 'ok' : pct >= 80 ? 'warn' : 'bad';
  return `<svg class="chart success" role="img" aria-label="success rate of ${escapeXml(row.target)}: ${pct}%" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}"><rect class="track" width="100" height="${H}" rx="3"/><rect class="${cls}" width="${pct}" height="${H}" rx="3"/><text x="106" y="12" class="axis">${pct}%</text></svg>`;
}

const STATE_TEXT: Record<RowState, string> = {
  ok: 'up to date',
  drift: 'drift',
  missing: 'missing',
  unreachable: 'unreachable',
};

export function statusHtml(
  summary: StatusSummary,
  title = 'Release status',
  last = DEFAULT_STATUS_RELEASES,
): string {
  const rows = summary.rows
    .map((r) => {
      const lr = r.lastRelease;
      return `<tr class="state-${r.state}" data-target="${escapeXml(r.target)}" data-state="${r.state}">
<th scope="row">${escapeXml(r.target)}<div class="muted">${escapeXml(r.type)} · ${escapeXml(r.registry)}</div></th>
<td class="latest" data-label="latest there">${escapeXml(r.latest ?? '–')}</td>
<td class="state" data-label="state"><span class="pill ${r.state}">${STATE_TEXT[r.state]}</span>${r.error ? `<div class="muted">${escapeXml(r.error)}</div>` : ''}</td>
<td class="last" data-label="last release">${lr ? `<span class="pill ${OK_STATUSES.has(lr.status) ? 'ok' : FAILED.has(lr.status) ? 'drift' : 'unreachable'}">${escapeXml(lr.status)}</span> ${escapeXml(lr.version)}<div class="muted">${seconds(lr.durationMs)} · ${escapeXml(lr.time.slice(0, 16).replace('T', ' '))}</div>` : '<span class="muted">not recorded</span>'}</td>
<td class="chart-cell" data-label="duration">${durationChart(r)}</td>
<td class="chart-cell" data-label="success">${successChart(r)}</td>
</tr>`;
    })
    .join('\n');
  const b = summary.badge;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeXml(title)}</title>
<style>
:root { color-scheme: light dark; --bg: #fff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --ok: #2e7d32; --bad: #c62828; --warn: #ef6c00; --grey: #6e7781; --track: #eaeef2; --drift-bg: #ffebe9; }
@media (prefers-color-scheme: dark) { :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --ok: #3fb950; --bad: #f85149; --warn: #d29922; --grey: #8b949e; --track: #262c36; --drift-bg: #3c1618; } }
body { margin: 0; padding: 1rem; background: var(--bg); color: var(--fg); font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; }
h1 { font-size: 1.3rem; margin: 0 0 .3rem; }
.muted { color: var(--muted); font-size: .82rem; }
.summary { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; margin-bottom: 1rem; }
.overall { font-weight: 600; padding: .2rem .6rem; border-radius: 4px; color: #fff; }
.wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; min-width: 20rem; }
th, td { text-align: left; vertical-align: top; padding: .5rem; border-bottom: 1px solid var(--line); }
thead th { font-size: .8rem; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); }
tr.state-drift, tr.state-missing { background: var(--drift-bg); }
.pill { white-space: nowrap; display: inline-block; padding: 0 .45rem; border-radius: 999px; font-size: .8rem; color: #fff; background: var(--grey); }
.pill.ok { background: var(--ok); } .pill.drift, .pill.missing { background: var(--bad); } .pill.unreachable { background: var(--grey); }
.chart rect.ok { fill: var(--ok); } .chart rect.bad { fill: var(--bad); } .chart rect.other, .chart rect.warn { fill: var(--warn); }
.chart rect.track { fill: var(--track); } .chart .axis { fill: var(--muted); font-size: 10px; }
@media (max-width: 640px) {
  thead { display: none; } table, tbody, tr, th, td { display: block; width: auto; min-width: 0; }
  tr { border: 1px solid var(--line); border-radius: 6px; margin-bottom: .75rem; }
  td, th { border: 0; padding: .3rem .6rem; }
  td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); font-size: .8rem; }
  .chart.duration { width: 100%; height: auto; }
}
</style>
</head>
<body>
<h1>${escapeXml(title)}</h1>
<div class="summary">
<span class="overall" id="overall" data-drift="${summary.drift}" style="background:${escapeXml(b.color)}">${escapeXml(b.label)} ${escapeXml(b.message)}</span>
<span class="muted">${summary.upToDate} of ${summary.total} targets on ${escapeXml(summary.version ?? 'no version')} · charts over the last ${last} releases · generated ${escapeXml(summary.generated.slice(0, 16).replace('T', ' '))} UTC</span>
</div>
<div class="wrap">
<table id="targets">
<thead><tr><th>target</th><th>latest there</th><th>state</th><th>last release</th><th>release duration</th><th>success rate</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</div>
</body>
</html>
`;
}

/** Write the page, the badges and the shields.io files into `dir`; the files written. */
export function writeStatusPage(
  dir: string,
  summary: StatusSummary,
  options: { title?: string; last?: number } = {},
): string[] {
  mkdirSync(join(dir, 'badges'), { recursive: true });
  const files: [string, string][] = [
    ['index.html', statusHtml(summary, options.title, options.last)],
    ['badge.svg', badgeSvg(summary.badge.label, summary.badge.message, summary.badge.color)],
    ['badge.json', shieldsJson(summary.badge)],
  ];
  const names = badgeFileNames(summary.rows.map((r) => r.target));
  for (const row of summary.rows) {
    const b = rowBadge(row);
    const name = names.get(row.target)!;
    files.push([`badges/${name}.svg`, badgeSvg(b.label, b.message, b.color)]);
    files.push([`badges/${name}.json`, shieldsJson(b)]);
  }
  for (const [name, content] of files) writeFileSync(join(dir, name), content);
  return files.map(([name]) => name);
}
