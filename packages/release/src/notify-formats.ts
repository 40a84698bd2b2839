/**
 * One notification in each service's documented message format:
 * - Slack incoming webhook: `text` (the fallback shown in notifications) and Block Kit `blocks`
 *   (header ≤ 150 characters of plain_text, section mrkdwn ≤ 3000, context); mrkdwn escapes
 *   `&`, `<`, `>` so data cannot form a link or a mention.
 * - Microsoft Teams (a Workflows "post to a channel when a webhook request is received" URL, or
 *   an Office 365 connector): `{type: 'message', attachments: [{contentType:
 *   'application/vnd.microsoft.card.adaptive', contentUrl: null, content: AdaptiveCard}]}`.
 * - Discord webhook: `content` ≤ 2000 and one embed (title ≤ 256, description ≤ 4096, ≤ 25
 *   fields, name ≤ 256, value ≤ 1024), `allowed_mentions: {parse: []}` so data pings nobody.
 * - The generic webhook: our own JSON (documented in the orchestrator's README).
 */
import type { NotifyEvent } from './config-types.js';

export interface NotifyMessage {
  event: NotifyEvent;
  /** One line: "Release 1.4.0 failed". */
  title: string;
  /** What happened, a sentence or two. */
  summary: string;
  version?: string;
  environment?: string;
  repository?: string;
  /** The run's page, when known. */
  runUrl?: string;
  /** The targets concerned (all of them for a success). */
  targets: { name: string; status: string; detail?: string }[];
}

const COLOURS: Record<NotifyEvent, { hex: string; int: number; teams: string }> = {
  failure: { hex: '#d73a49', int: 0xd73a49, teams: 'attention' },
  rollback: { hex: '#e36209', int: 0xe36209, teams: 'warning' },
  drift: { hex: '#dbab09', int: 0xdbab09, teams: 'warning' },
  success: { hex: '#28a745', int: 0x28a745, teams: 'good' },
};

const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

function targetLine(t: NotifyMessage['targets'][number]): string {
  return `${t.name}: ${t.status}${t.detail ? ` (${t.detail})` : ''}`;
}

/** The facts every format shows, in order. */
function facts(m: NotifyMessage): [string, string][] {
  const out: [string, string][] = [];
  if (m.version) out.push(['Version', m.version]);
  if (m.environment) out.push(['Environment', m.environment]);
  if (m.repository) out.push(['Repository', m.repository]);
  return out;
}

const slackEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function slackPayload(m: NotifyMessage): Record<string, unknown> {
  const lines = [
    slackEscape(m.summary),
    ...facts(m).map(([k, v]) => `*${k}:* ${slackEscape(v)}`),
    ...(m.targets.length ? ['*Targets:*', ...m.targets.map((t) => `• ${slackEscape(targetLine(t))}`)] : []),
  ];
  const blocks: Record<string, unknown>[] = [
    { type: 'header', text: { type: 'plain_text', text: cut(m.title, 150), emoji: true } },
    { type: 'section', text: { type: 'mrkdwn', text: cut(lines.join('\n'), 3000) } },
  ];
  if (m.runUrl)
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `<${m.runUrl}|View the run>` }],
    });
  const text = `${m.title}: ${m.summary}${m.runUrl ? ` ${m.runUrl}` : ''}`;
  return { text: cut(slackEscape(text), 3000), blocks };
}

export function teamsPayload(m: NotifyMessage): Record<string, unknown> {
  const body: Record<string, unknown>[] = [
    {
      type: 'TextBlock',
      size: 'Large',
      weight: 'Bolder',
      text: m.title,
      wrap: true,
      color: COLOURS[m.event].teams,
    },
    { type: 'TextBlock', text: m.summary, wrap: true },
  ];
  const all = [
    ...facts(m),
    ...m.targets.map((t): [string, string] => [t.name, t.status + (t.detail ? ` (${t.detail})` : '')]),
  ];
  if (all.length) body.push({ type: 'FactSet', facts: all.map(([title, value]) => ({ title, value })) });
  const content: Record<string, unknown> = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    body,
  };
  if (m.runUrl) content.actions = [{ type: 'Action.OpenUrl', title: 'View the run', url: m.runUrl }];
  return {
    type: 'message',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content }],
  };
}

export function discordPayload(m: NotifyMessage): Record<string, unknown> {
  const fields = [
    ...facts(m).map(([name, value]) => ({ name, value: cut(value, 1024), inline: true })),
    ...m.targets.map((t) => ({
      name: cut(t.name, 256),
      value: cut(t.status + (t.detail ? `: ${t.detail}` : ''), 1024),
      inline: false,
    })),
  ].slice(0, 25);
  const embed: Record<string, unknown> = {
    title: cut(m.title, 256),
    description: cut(m.summary, 4096),
    color: COLOURS[m.event].int,
    fields,
    timestamp: new Date().toISOString(),
  };
  if (m.runUrl) embed.url = m.runUrl;
  return {
    content: cut(`${m.title}${m.runUrl ? ` ${m.runUrl}` : ''}`, 2000),
    embeds: [embed],
    allowed_mentions: { parse: [] },
  };
}

export function webhookPayload(m: NotifyMessage): Record<string, unknown> {
  return {
    event: m.event,
    title: m.title,
    summary: m.summary,
    version: m.version ?? null,
    environment: m.environment ?? null,
    repository: m.repository ?? null,
    run_url: m.runUrl ?? null,
    targets: m.targets.map((t) => ({ name: t.name, status: t.status, detail: t.detail ?? null })),
    sent_at: new Date().toISOString(),
  };
}
