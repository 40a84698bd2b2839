/**
 * Notifications and GitHub deployments of a release, in process: the orchestrator's release()
 * with a github-release target on the GitHub test server, a symlink blue-green rollout gated
 * on a loopback health endpoint, and the four notification channels received by loopback
 * receivers that check each payload against the service's documented format.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, readlinkSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpClient } from '@deploy-actions/action-kit/http';
import { MemoryReporter } from '@deploy-actions/action-kit/log';
import { release, selectEnvironment, type ReleaseConfig } from '@deploy-actions/release';
import { parseConfig } from '@deploy-actions/release/config';
import { prepareDeployStage } from '@deploy-actions/deploy/stage';
import { startDeployment } from '@deploy-actions/deploy/github-deployment';
import { detectVersion } from '@deploy-actions/version';
import { startGitHubServer, type GitHubServer } from '../servers/github.js';
import { deploymentsOf } from '../servers/github-deployments.js';
import { startReceiver, type Receiver, type Service } from '../servers/webhooks.js';

const TOKEN = 'ghs_notifytesttoken0001';
const SHA = 'abcdef0123456789abcdef0123456789abcdef01';
const SECRET = 'whsec-notify-signing-key-0042';
let gh: GitHubServer;
let receivers: Record<Service, Receiver>;
let health: Server;
let healthStatus = 200;
let healthUrl: string;

beforeAll(async () => {
  gh = await startGitHubServer({ token: TOKEN });
  receivers = {
    slack: await startReceiver('slack'),
    teams: await startReceiver('teams'),
    discord: await startReceiver('discord'),
    webhook: await startReceiver('webhook', SECRET),
  };
  health = createServer((_req, res) => {
    res.writeHead(healthStatus, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: healthStatus === 200 ? 'ok' : 'down' }));
  });
  await new Promise<void>((resolve) => health.listen(0, '127.0.0.1', resolve));
  healthUrl = `http://127.0.0.1:${(health.address() as AddressInfo).port}/health`;
});

afterAll(async () => {
  await gh?.stop();
  for (const r of Object.values(receivers ?? {})) await r.stop();
  await new Promise((resolve) => health?.close(resolve));
});

afterEach(() => {
  for (const r of Object.values(receivers)) {
    r.received.length = 0;
    r.mode = 'ok';
  }
  healthStatus = 200;
});

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    GITHUB_ACTIONS: 'true',
    GITHUB_TOKEN: TOKEN,
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_SHA: SHA,
    GITHUB_API_URL: gh.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4242',
    SLACK_WEBHOOK_URL: receivers.slack.url,
    TEAMS_WEBHOOK_URL: receivers.teams.url,
    DISCORD_WEBHOOK_URL: receivers.discord.url,
    HOOK_URL: receivers.webhook.url,
    HOOK_SECRET: SECRET,
    DEPLOY_ACTIONS_NOTIFY_TIMEOUT_MS: '500',
    ...extra,
  };
}

const NOTIFY = `notify:
  on: [failure, rollback, drift]
  slack: {}
  teams: {}
  discord: {}
  webhook: { url-env: HOOK_URL, secret-env: HOOK_SECRET }
`;

function symlinkRouter() {
  const dir = mkdtempSync(join(tmpdir(), 'da-notify-'));
  for (const colour of ['blue', 'green']) mkdirSync(join(dir, colour));
  symlinkSync(join(dir, 'blue'), join(dir, 'current'));
  return {
    dir,
    yaml: `deploy:
  router: { type: symlink, link: '${join(dir, 'current')}', blue: '${join(dir, 'blue')}', green: '${join(dir, 'green')}' }
  step-interval: 1s
  health: { url: '${healthUrl}', interval: 200ms, timeout: 4s, failure-threshold: 2, success-threshold: 2 }
`,
  };
}

async function run(yaml: string, version: string, e: NodeJS.ProcessEnv, environment?: string) {
  const reporter = new MemoryReporter();
  const http = new HttpClient({ reporter, retries: 1, baseDelayMs: 10 });
  let config: ReleaseConfig = await parseConfig(yaml, 'deploy-actions.yml');
  config = selectEnvironment(config, environment);
  const workspace = mkdtempSync(join(tmpdir(), 'da-notify-ws-'));
  const rollout =
    config.deploy &&
    prepareDeployStage(config.deploy, {
      reporter,
      http,
      cwd: workspace,
      env: e,
      environment: config.environment,
    });
  const report = await release({
    config,
    version: await detectVersion({ version, cwd: workspace }),
    platforms: [],
    force: false,
    dryRun: false,
    workspace,
    tempDir: mkdtempSync(join(tmpdir(), 'da-notify-tmp-')),
    env: e,
    reporter,
    http,
    rollout,
  });
  return { report, reporter, config };
}

const target = (repo: string) =>
  `targets:\n  - { name: gh, type: github-release, tier: 1, repository: ${repo}, registry: '${gh.url}' }\n`;

function everyChannelOnce(event: string) {
  for (const r of Object.values(receivers)) {
    expect(r.received.map((m) => m.problems)).toEqual([[]]);
    expect(r.received).toHaveLength(1);
  }
  const hook = receivers.webhook.received[0];
  expect(hook.headers['x-deploy-actions-event']).toBe(event);
  expect(hook.body.event).toBe(event);
  expect(hook.body.run_url).toBe('https://github.com/acme/app/actions/runs/4242');
}

describe('notifications', () => {
  test('a failed tier-1 target: one failure notification per channel, with the facts', async () => {
    const { report } = await run(
      target('acme/notify-fail') + NOTIFY,
      '1.4.0',
      env({ GITHUB_TOKEN: 'ghs_wrong_token_000' }),
    );
    expect(report.status).toBe('failure');
    everyChannelOnce('failure');
    const slack = receivers.slack.received[0].body as {
      text: string;
      blocks: { type: string; text?: { text: string } }[];
    };
    expect(slack.blocks[0].text?.text).toBe('Release 1.4.0 failed');
    expect(slack.blocks[1].text?.text).toMatch(/required target\(s\) failed: gh/);
    expect(slack.blocks[1].text?.text).toContain('*Version:* 1.4.0');
    expect(JSON.stringify(slack.blocks[2])).toContain(
      '<https://github.com/acme/app/actions/runs/4242|View the run>',
    );
    const discord = receivers.discord.received[0].body as {
      embeds: { title: string; fields: { name: string; value: string }[] }[];
      allowed_mentions: unknown;
    };
    expect(discord.embeds[0].title).toBe('Release 1.4.0 failed');
    expect(discord.embeds[0].fields.find((f) => f.name === 'gh')?.value).toMatch(
      /^failed \(tier 1, required\)/,
    );
    expect(discord.allowed_mentions).toEqual({ parse: [] });
    const teams = receivers.teams.received[0].body as {
      attachments: {
        content: { body: { type: string; facts?: { title: string }[] }[]; actions: { url: string }[] };
      }[];
    };
    const card = teams.attachments[0].content;
    expect(card.body.find((b) => b.type === 'FactSet')?.facts?.map((f) => f.title)).toEqual([
      'Version',
      'Repository',
      'gh',
    ]);
    expect(card.actions[0].url).toBe('https://github.com/acme/app/actions/runs/4242');
    expect(receivers.webhook.received[0].body).toMatchObject({
      version: '1.4.0',
      repository: 'acme/app',
      targets: [{ name: 'gh' }],
    });
  }, 60_000);

  test('webhooks that answer 500 or never answer leave the release green, with a warning that names no URL', async () => {
    receivers.slack.mode = 'fail';
    receivers.discord.mode = 'hang';
    const yaml = target('acme/notify-ok') + NOTIFY.replace('on: [failure, rollback, drift]', 'on: [success]');
    const { report, reporter } = await run(yaml, '2.0.0', env());
    expect(report.status).toBe('success');
    const warnings = reporter.lines.filter((l) => l.level === 'warning').map((l) => l.message);
    expect(warnings).toEqual([
      expect.stringMatching(
        /^notify\.slack \(SLACK_WEBHOOK_URL\): the success notification was not delivered: HTTP 500 after 3 attempts/,
      ),
      expect.stringMatching(
        /^notify\.discord \(DISCORD_WEBHOOK_URL\): the success notification was not delivered: timeout after 3 attempts/,
      ),
    ]);
    // Retried briefly (three attempts), the other channels got it once.
    expect(receivers.slack.received).toHaveLength(3);
    expect(receivers.teams.received).toHaveLength(1);
    expect(receivers.webhook.received).toHaveLength(1);
    const all = reporter.lines.map((l) => l.message).join('\n');
    for (const r of Object.values(receivers)) {
      expect(all).not.toContain(new URL(r.url).pathname);
      expect(all).not.toContain(new URL(r.url).port);
    }
  }, 60_000);

  test('an automatic rollback: one rollback notification per channel (no separate failure), and the deployment marked', async () => {
    const router = symlinkRouter();
    healthStatus = 503;
    const { report } = await run(
      target('acme/notify-rb') + router.yaml + NOTIFY,
      '3.0.0',
      env(),
      'production',
    );
    expect(report.deploy).toMatchObject({ rolledBack: true, healthy: false, active: 'blue' });
    expect(readlinkSync(join(router.dir, 'current'))).toBe(join(router.dir, 'blue'));
    everyChannelOnce('rollback');
    expect(receivers.slack.received[0].body.text).toMatch(/^Release 3\.0\.0 to production rolled back/);
    const [deployment] = deploymentsOf(gh.state, 'acme/app').filter(
      (d) => d.payload && (d.payload as { version?: string }).version === '3.0.0',
    );
    expect(deployment).toMatchObject({ environment: 'production', ref: SHA, production: true });
    expect(deployment.request).toMatchObject({ auto_merge: false, required_contexts: [] });
    expect(deployment.statuses.map((s) => s.state)).toEqual(['in_progress', 'failure', 'inactive']);
    expect(deployment.statuses[1].description).toMatch(/^Rolled back: /);
    for (const s of deployment.statuses)
      expect(s.logUrl).toBe('https://github.com/acme/app/actions/runs/4242');
  }, 60_000);
});

describe('environments and GitHub deployments', () => {
  test('staging then production: each environment its own deploy section, deployments in_progress then success', async () => {
    const staging = symlinkRouter();
    const production = symlinkRouter();
    const yaml = `${target('acme/env-flow')}${production.yaml}environments:
  staging:
    url: https://staging.example.test
    deploy:
      router: { link: '${join(staging.dir, 'current')}', blue: '${join(staging.dir, 'blue')}', green: '${join(staging.dir, 'green')}' }
  production:
    url: https://example.test
`;
    const first = await run(yaml, '4.0.0', env(), 'staging');
    expect(first.report.status).toBe('success');
    expect(readlinkSync(join(staging.dir, 'current'))).toBe(join(staging.dir, 'green'));
    expect(readlinkSync(join(production.dir, 'current'))).toBe(join(production.dir, 'blue'));
    const second = await run(yaml, '4.0.0', env(), 'production');
    expect(second.report.targets[0].status).toBe('skipped'); // the same version, promoted
    expect(readlinkSync(join(production.dir, 'current'))).toBe(join(production.dir, 'green'));
    const mine = deploymentsOf(gh.state, 'acme/app').filter(
      (d) => (d.payload as { version?: string }).version === '4.0.0',
    );
    expect(mine.map((d) => [d.environment, d.statuses.map((s) => s.state)])).toEqual([
      ['staging', ['in_progress', 'success']],
      ['production', ['in_progress', 'success']],
    ]);
    expect(mine.map((d) => d.statuses.at(-1)?.environmentUrl)).toEqual([
      'https://staging.example.test',
      'https://example.test',
    ]);
  }, 60_000);

  test('an environment the config does not list is refused by name, before anything runs', async () => {
    const config = await parseConfig(
      `${target('acme/x')}environments:\n  staging: {}\n`,
      'deploy-actions.yml',
    );
    expect(() => selectEnvironment(config, 'prod', '--env')).toThrow(
      /--env.*prod.*is not an environment of deploy-actions.yml/,
    );
  });

  test('a deployment that cannot be recorded (a token GitHub refuses) is one warning, never an error', async () => {
    const reporter = new MemoryReporter();
    const tracked = await startDeployment({
      environment: 'production',
      env: env({ GITHUB_TOKEN: 'ghs_wrong_token_000' }),
      http: new HttpClient({ reporter, retries: 0 }),
      reporter,
    });
    expect(tracked).toBeUndefined();
    expect(reporter.lines.filter((l) => l.level === 'warning' || l.level === 'error')).toEqual([
      {
        level: 'warning',
        message: expect.stringMatching(/^GitHub deployment for production not recorded: HTTP 401/),
      },
    ]);
  });

  test('outside GitHub Actions, or with no environment named, no deployment is attempted', async () => {
    const before = gh.state.requests.length;
    const reporter = new MemoryReporter();
    const http = new HttpClient({ reporter, retries: 0 });
    expect(
      await startDeployment({ environment: 'production', env: env({ GITHUB_ACTIONS: '' }), http, reporter }),
    ).toBeUndefined();
    expect(await startDeployment({ environment: '', env: env(), http, reporter })).toBeUndefined();
    expect(gh.state.requests.length).toBe(before);
  });
});
