/**
 * Notifications (the config's `notify:` section): one message per event on every channel
 * that wants it. A notification that cannot be delivered (an error status, a timeout, a refused
 * connection) is a warning, retried briefly first; the release's result never depends on it.
 *
 * Webhook URLs are secrets (for Slack, Teams and Discord the path is the credential): each is
 * registered with the secret masker as soon as it is read, and no message of ours names it,
 * only the channel and the variable it came from.
 */
import { createHmac } from 'node:crypto';
import { TransientHttpError, type HttpClient } from '@deploy-actions/action-kit/http';
import type { Reporter } from '@deploy-actions/action-kit/log';
import { addSecret, redact } from '@deploy-actions/action-kit/secrets';
import type { NotifyChannelConfig, NotifyConfig, NotifyEvent } from './config-types.js';
import type { CheckResult } from './check.js';
import type { ReleaseReport } from './orchestrate.js';
import {
  discordPayload,
  slackPayload,
  teamsPayload,
  webhookPayload,
  type NotifyMessage,
} from './notify-formats.js';
import { runUrl } from './run-url.js';

export type { NotifyMessage } from './notify-formats.js';
export { runUrl } from './run-url.js';

export const SIGNATURE_HEADER = 'x-deploy-actions-signature';
export const EVENT_HEADER = 'x-deploy-actions-event';

export interface NotifyContext {
  http: Pick<HttpClient, 'request'>;
  reporter: Reporter;
  env: NodeJS.ProcessEnv;
  /** A dry run sends nothing: it says what it would send. */
  dryRun?: boolean;
}

export interface Delivery {
  channel: string;
  event: NotifyEvent;
  delivered: boolean;
  /** Why not, without the URL. */
  error?: string;
}

interface ReadyChannel extends NotifyChannelConfig {
  url: string;
  secret?: string;
}

/** Mask a webhook URL whole and its path (the credential) before anything could print it. */
function maskUrl(url: string): void {
  addSecret(url);
  try {
    const parsed = new URL(url);
    addSecret(parsed.href);
    const rest = `${parsed.pathname}${parsed.search}`;
    if (rest.length > 1) addSecret(rest);
  } catch {
    // not a URL: refused when sending, and masked whole above
  }
}

/**
 * The channels whose variables are set, their URLs masked. Call it when the run starts: a
 * channel without its variable is a warning then, once.
 */
export class Notifier {
  private readonly channels: ReadyChannel[] = [];

  constructor(
    config: NotifyConfig | undefined,
    private readonly context: NotifyContext,
  ) {
    for (const channel of config?.channels ?? []) {
      const url = context.env[channel.urlEnv]?.trim();
      const secret = channel.secretEnv ? context.env[channel.secretEnv] : undefined;
      if (url) maskUrl(url);
      if (secret) addSecret(secret);
      if (!url) {
        context.reporter.warning(
          `notify.${channel.type}: ${channel.urlEnv} is not set, so nothing will be sent to ${channel.type}. Set it from a secret in the step's env:.`,
        );
        continue;
      }
      this.channels.push({ ...channel, url, secret: secret || undefined });
    }
  }

  /** Whether any channel wants `event`. */
  wants(event: NotifyEvent): boolean {
    return this.channels.some((c) => c.on.includes(event));
  }

  /** Send `message` to every channel that wants its event, at the same time. Never throws. */
  async send(message: NotifyMessage): Promise<Delivery[]> {
    const channels = this.channels.filter((c) => c.on.includes(message.event));
    const safe = redactMessage(message);
    return Promise.all(channels.map((c) => this.deliver(c, safe)));
  }

  private async deliver(channel: ReadyChannel, message: NotifyMessage): Promise<Delivery> {
    const { reporter } = this.context;
    const base = { channel: channel.type, event: message.event };
    if (this.context.dryRun) {
      reporter.info(`notify.${channel.type}: dry run, not sent: ${message.title}`);
      return { ...base, delivered: false, error: 'dry run' };
    }
    const body = JSON.stringify(payload(channel.type, message));
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (channel.type === 'webhook') {
      headers[EVENT_HEADER] = message.event;
      if (channel.secret)
        headers[SIGNATURE_HEADER] =
          `sha256=${createHmac('sha256', channel.secret).update(body).digest('hex')}`;
    }
    let error: string | undefined;
    try {
      const res = await this.context.http.request({
        method: 'POST',
        url: channel.url,
        headers,
        body,
        timeoutMs: notifyTimeout(this.context.env),
        retries: 2,
        // A message sent twice is better than none: retry a POST that may not have landed.
        beforeRetry: async () => true,
      });
      if (!res.ok) error = `HTTP ${res.status}${answerText(res.text())}`;
    } catch (caught) {
      error =
        caught instanceof TransientHttpError
          ? `${caught.reason} after ${caught.attempts} attempt${caught.attempts === 1 ? '' : 's'}`
          : 'the request could not be sent';
    }
    if (error) {
      reporter.warning(
        redact(
          `notify.${channel.type} (${channel.urlEnv}): the ${message.event} notification was not delivered: ${error}. The release is not affected.`,
        ),
      );
      return { ...base, delivered: false, error: redact(error) };
    }
    reporter.info(`notify.${channel.type}: sent "${message.title}"`);
    return { ...base, delivered: true };
  }
}

function notifyTimeout(env: NodeJS.ProcessEnv): number {
  const value = Number(env.DEPLOY_ACTIONS_NOTIFY_TIMEOUT_MS);
  return Number.isFinite(value) && value > 0 ? value : 10_000;
}

/** A short error text from the service (Slack says `invalid_payload`), on one line. */
function answerText(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim().slice(0, 120);
  return line ? ` (${line})` : '';
}

function payload(type: NotifyChannelConfig['type'], m: NotifyMessage): Record<string, unknown> {
  switch (type) {
    case 'slack':
      return slackPayload(m);
    case 'teams':
      return teamsPayload(m);
    case 'discord':
      return discordPayload(m);
    default:
      return webhookPayload(m);
  }
}

function redactMessage(m: NotifyMessage): NotifyMessage {
  return {
    ...m,
    title: redact(m.title),
    summary: redact(m.summary),
    targets: m.targets.map((t) => ({
      name: redact(t.name),
      status: t.status,
      detail: t.detail === undefined ? undefined : redact(t.detail),
    })),
  };
}

/**
 * The notifications a finished release calls for: a rollback (the deploy stage put traffic
 * back) or else a failure (a required target, the build, or the rollout), or a success; and
 * drift when the targets' latest versions differ. One message per event.
 */
export function releaseMessages(
  report: ReleaseReport,
  env: NodeJS.ProcessEnv,
  environment?: string,
): NotifyMessage[] {
  const common = {
    version: report.version,
    environment,
    repository: env.GITHUB_REPOSITORY || undefined,
    runUrl: runUrl(env),
  };
  const where = environment ? ` to ${environment}` : '';
  const failed = report.targets.filter((t) => t.status === 'failed' || t.status === 'cancelled');
  const failedLines = failed.map((t) => ({
    name: t.target,
    status: `${t.status} (tier ${t.tier}, ${t.policy})`,
    detail: t.error ?? t.notes?.[0],
  }));
  const out: NotifyMessage[] = [];
  const deploy = report.deploy;
  if (deploy?.rolledBack)
    out.push({
      ...common,
      event: 'rollback',
      title: `Release ${report.version}${where} rolled back`,
      summary: `The rollout failed its health gate and traffic was put back on ${deploy.active || 'the previous colour'}: ${deploy.reason}`,
      targets: [{ name: 'deploy', status: 'rolled back', detail: deploy.reason }, ...failedLines],
    });
  else if (report.status === 'failure') {
    const why =
      report.build?.status === 'failed'
        ? `the build for ${report.build.platform ?? 'a platform'} failed; nothing was published`
        : deploy && !deploy.healthy
          ? `the rollout failed: ${deploy.reason}`
          : `required target(s) failed: ${failed
              .filter((t) => t.policy === 'required' && t.status === 'failed')
              .map((t) => t.target)
              .join(', ')}`;
    out.push({
      ...common,
      event: 'failure',
      title: `Release ${report.version}${where} failed`,
      summary: `Release ${report.version} failed: ${why}.`,
      targets: [
        ...(deploy && !deploy.healthy ? [{ name: 'deploy', status: 'failed', detail: deploy.reason }] : []),
        ...failedLines,
      ],
    });
  } else
    out.push({
      ...common,
      event: 'success',
      title: `Release ${report.version}${where} ${report.status === 'success' ? 'succeeded' : 'succeeded in part'}`,
      summary:
        report.status === 'success'
          ? `Every target has ${report.version}${deploy ? `; ${deploy.active} serves it` : ''}.`
          : `Every required target has ${report.version}; ${failed.length} best-effort or experimental target(s) did not.`,
      targets: report.targets.map((t) => ({ name: t.target, status: t.status, detail: t.error })),
    });
  if (report.drift) out.push(driftMessage(report.checks, env, report.version, environment));
  return out;
}

/** The targets disagree on their latest version. */
export function driftMessage(
  checks: CheckResult[],
  env: NodeJS.ProcessEnv,
  version?: string,
  environment?: string,
): NotifyMessage {
  const latest = [...new Set(checks.map((c) => c.latest).filter(Boolean))];
  return {
    event: 'drift',
    title: `Drift: the targets' latest versions differ`,
    summary: `The registries do not agree on the latest version (${latest.join(', ')}).`,
    version,
    environment,
    repository: env.GITHUB_REPOSITORY || undefined,
    runUrl: runUrl(env),
    targets: checks.map((c) => ({
      name: c.target,
      status: c.published === 'unknown' ? 'unreachable' : `latest ${c.latest ?? 'none'}`,
    })),
  };
}
