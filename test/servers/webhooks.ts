/**
 * Loopback receivers for the notification channels, each answering as the service does and
 * checking every payload against the service's documented message format:
 * - Slack incoming webhooks (api.slack.com/messaging/webhooks, Block Kit reference): JSON with
 *   `text` and/or `blocks`; header blocks take plain_text ≤ 150 characters, section text ≤ 3000,
 *   context elements ≤ 10, ≤ 50 blocks. 200 `ok`; a bad payload 400 `invalid_payload`, no text
 *   400 `no_text`.
 * - Microsoft Teams (Workflows webhook / connector, learn.microsoft.com "Create incoming
 *   webhooks with Workflows", Adaptive Cards schema): `type: "message"`, `attachments` of
 *   `{contentType: "application/vnd.microsoft.card.adaptive", content: AdaptiveCard}` with
 *   `type: "AdaptiveCard"`, a `version`, a `body` of typed elements. 202 Accepted.
 * - Discord (discord.com/developers/docs/resources/webhook#execute-webhook): `content` ≤ 2000
 *   and/or `embeds` ≤ 10 (title ≤ 256, description ≤ 4096, ≤ 25 fields with name ≤ 256 and
 *   value ≤ 1024, total ≤ 6000, color an integer). 204; an empty message 400 code 50006.
 * - The generic webhook: JSON, `X-Deploy-Actions-Signature: sha256=<hex>` verified with the
 *   shared secret over the raw body.
 *
 * Every receiver can be told to answer 500 or never to answer (a timeout).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from '../harness/read-body.js';

export type Service = 'slack' | 'teams' | 'discord' | 'webhook';

export interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  raw: string;
  body: Record<string, unknown>;
  /** Format problems found; a valid message has none. */
  problems: string[];
}

export interface Receiver {
  service: Service;
  /** The webhook URL, with a secret-looking path as the services give. */
  url: string;
  received: Received[];
  /** `fail`: answer 500; `hang`: never answer; `ok`: as the service. */
  mode: 'ok' | 'fail' | 'hang';
  stop(): Promise<void>;
}

const isText = (v: unknown): v is string => typeof v === 'string';

function slackProblems(body: Record<string, unknown>): string[] {
  const p: string[] = [];
  if (!isText(body.text) && !Array.isArray(body.blocks)) p.push('neither text nor blocks');
  if (body.text !== undefined && !isText(body.text)) p.push('text is not a string');
  const blocks = (body.blocks ?? []) as Record<string, unknown>[];
  if (!Array.isArray(blocks) || blocks.length > 50) p.push('blocks: not an array of at most 50');
  for (const [i, b] of blocks.entries()) {
    const text = b.text as { type?: string; text?: unknown } | undefined;
    switch (b.type) {
      case 'header':
        if (text?.type !== 'plain_text' || !isText(text.text) || !text.text || text.text.length > 150)
          p.push(`blocks[${i}] header: text must be plain_text of 1-150 characters`);
        break;
      case 'section':
        if (
          !text ||
          !['mrkdwn', 'plain_text'].includes(text.type ?? '') ||
          !isText(text.text) ||
          !text.text ||
          text.text.length > 3000
        )
          p.push(`blocks[${i}] section: text must be a text object of 1-3000 characters`);
        break;
      case 'context': {
        const elements = b.elements as { type?: string; text?: unknown }[] | undefined;
        if (!Array.isArray(elements) || !elements.length || elements.length > 10)
          p.push(`blocks[${i}] context: 1-10 elements`);
        else
          for (const e of elements)
            if (
              !['mrkdwn', 'plain_text', 'image'].includes(e.type ?? '') ||
              (e.type !== 'image' && !isText(e.text))
            )
              p.push(`blocks[${i}] context: bad element`);
        break;
      }
      case 'divider':
        break;
      default:
        p.push(`blocks[${i}]: unknown block type ${String(b.type)}`);
    }
  }
  return p;
}

const ADAPTIVE_ELEMENTS = new Set([
  'TextBlock',
  'FactSet',
  'ColumnSet',
  'Container',
  'Image',
  'RichTextBlock',
]);

function teamsProblems(body: Record<string, unknown>): string[] {
  const p: string[] = [];
  if (body.type !== 'message') p.push('type must be "message"');
  const attachments = body.attachments as Record<string, unknown>[] | undefined;
  if (!Array.isArray(attachments) || !attachments.length) return [...p, 'attachments: a non-empty array'];
  for (const a of attachments) {
    if (a.contentType !== 'application/vnd.microsoft.card.adaptive')
      p.push('contentType must be the adaptive card type');
    const card = a.content as Record<string, unknown> | undefined;
    if (!card || card.type !== 'AdaptiveCard') {
      p.push('content.type must be AdaptiveCard');
      continue;
    }
    if (!isText(card.version) || !/^1\.\d$/.test(card.version)) p.push('content.version must be 1.x');
    const items = card.body as Record<string, unknown>[] | undefined;
    if (!Array.isArray(items) || !items.length) p.push('content.body: a non-empty array');
    for (const item of items ?? []) {
      if (!ADAPTIVE_ELEMENTS.has(String(item.type))) p.push(`unknown element ${String(item.type)}`);
      if (item.type === 'TextBlock' && !isText(item.text)) p.push('TextBlock without text');
      if (item.type === 'FactSet') {
        const facts = item.facts as { title?: unknown; value?: unknown }[] | undefined;
        if (!Array.isArray(facts) || facts.some((f) => !isText(f.title) || !isText(f.value)))
          p.push('FactSet: facts of {title, value} strings');
      }
    }
    for (const action of (card.actions ?? []) as Record<string, unknown>[])
      if (action.type !== 'Action.OpenUrl' || !isText(action.url) || !isText(action.title))
        p.push('bad action');
  }
  return p;
}

function discordProblems(body: Record<string, unknown>): string[] {
  const p: string[] = [];
  const embeds = (body.embeds ?? []) as Record<string, unknown>[];
  if ((!isText(body.content) || !body.content) && !embeds.length) p.push('empty message');
  if (isText(body.content) && body.content.length > 2000) p.push('content over 2000');
  if (!Array.isArray(embeds) || embeds.length > 10) p.push('embeds: at most 10');
  let total = 0;
  for (const e of embeds) {
    const fields = (e.fields ?? []) as { name?: unknown; value?: unknown; inline?: unknown }[];
    if (isText(e.title)) total += e.title.length;
    if (isText(e.description)) total += e.description.length;
    if (isText(e.title) && e.title.length > 256) p.push('embed title over 256');
    if (isText(e.description) && e.description.length > 4096) p.push('embed description over 4096');
    if (
      e.color !== undefined &&
      (!Number.isInteger(e.color) || (e.color as number) < 0 || (e.color as number) > 0xffffff)
    )
      p.push('embed color must be an integer');
    if (e.url !== undefined && !/^https?:\/\//.test(String(e.url))) p.push('embed url must be http(s)');
    if (fields.length > 25) p.push('over 25 fields');
    for (const f of fields) {
      if (!isText(f.name) || !f.name || f.name.length > 256) p.push('field name: 1-256 characters');
      if (!isText(f.value) || !f.value || f.value.length > 1024) p.push('field value: 1-1024 characters');
      total += String(f.name ?? '').length + String(f.value ?? '').length;
    }
  }
  if (total > 6000) p.push('embeds over 6000 characters in total');
  return p;
}

export async function startReceiver(service: Service, secret?: string): Promise<Receiver> {
  const received: Received[] = [];
  const hanging: ServerResponse[] = [];
  const receiver = { service, received, mode: 'ok' } as Receiver;
  const server = createServer(async (req, res) => {
    const raw = (await readBody(req)).toString('utf8');
    let body: Record<string, unknown> = {};
    const problems: string[] = [];
    if (req.method !== 'POST') problems.push(`method ${req.method}`);
    if (!String(req.headers['content-type']).startsWith('application/json'))
      problems.push('content-type is not JSON');
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      problems.push('body is not JSON');
    }
    if (!problems.length)
      problems.push(
        ...(service === 'slack'
          ? slackProblems(body)
          : service === 'teams'
            ? teamsProblems(body)
            : service === 'discord'
              ? discordProblems(body)
              : []),
      );
    if (service === 'webhook' && secret) {
      const header = String(req.headers['x-deploy-actions-signature'] ?? '');
      const expected = `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
      if (header.length !== expected.length || !timingSafeEqual(Buffer.from(header), Buffer.from(expected)))
        problems.push('bad signature');
    }
    received.push({ path: req.url ?? '', headers: req.headers, raw, body, problems });
    if (receiver.mode === 'hang') return void hanging.push(res);
    if (receiver.mode === 'fail') {
      res.writeHead(500, { 'content-type': 'text/plain' });
      return void res.end('internal_error');
    }
    if (problems.length) {
      if (service === 'discord') {
        res.writeHead(400, { 'content-type': 'application/json' });
        return void res.end(JSON.stringify({ message: 'Cannot send an empty message', code: 50006 }));
      }
      res.writeHead(400, { 'content-type': 'text/plain' });
      return void res.end(service === 'slack' ? 'invalid_payload' : problems.join('; '));
    }
    if (service === 'discord') return void res.writeHead(204).end();
    if (service === 'teams') return void res.writeHead(202).end();
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const paths: Record<Service, string> = {
    slack: '/services/T0001/B0002/XXXXsecretXXXXslackXXXX',
    teams: '/workflows/8a9b7c6d5e4f/triggers/manual/paths/invoke?sig=teamsSecretSig0123',
    discord: '/api/webhooks/123456789/discordSecretTokenABCDEF',
    webhook: '/hooks/deploy/genericSecretPath42',
  };
  receiver.url = `http://127.0.0.1:${port}${paths[service]}`;
  receiver.stop = () =>
    new Promise<void>((resolve) => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}
