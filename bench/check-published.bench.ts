/**
 * check-published over 6 targets (npm, PyPI, crates, docker, GitHub Releases, Flatpak bundle)
 * in one concurrent pass, vs the shell way users run today, one CLI after another:
 * `npm view`, `pip index versions`, `skopeo inspect`, a curl of the crates index, a curl of
 * the GitHub release and a curl of its assets. Same registries, same run.
 * Goal: at least 10x faster, under 0.5 s for all 6.
 */
import { test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { baseEnv, runAction } from '../test/harness/run-action.js';
import { prepareExample, startDemoRegistries } from '../test/harness/demo-env.js';
import { record, timeMedian } from './lib.js';
import { parseDocument } from 'yaml';
import { startTlsFront, type TlsFront } from '../test/harness/nginx-tls.js';
import { writeNpmWorkspace } from '../test/fixtures/workspaces/generate.js';

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) =>
    execFile(command, args, { env }, (error, stdout, stderr) =>
      error ? reject(new Error(`${command}: ${stderr || stdout}`)) : resolve(),
    ),
  );
}

test('check-published vs the shell way', async () => {
  const r = await startDemoRegistries();
  try {
    const project = await prepareExample(r, {
      version: '1.4.0',
      only: ['npm', 'pypi', 'github', 'docker', 'crates', 'flathub'],
    });
    const first = await runAction('release', {
      workspace: project.dir,
      env: project.env,
      inputs: { config: '.github/deploy-actions.yml' },
      timeoutMs: 300_000,
    });
    if (first.outputs.status !== 'success')
      throw new Error(`the release to check failed: ${first.outputs.results}`);

    const ours = await timeMedian(async () => {
      const check = await runAction('check-published', {
        workspace: project.dir,
        env: project.env,
        inputs: { version: '1.4.0' },
      });
      if (check.outputs['all-published'] !== 'true') throw new Error(check.outputs.results);
    }, 7);

    const npmrc = join(mkdtempSync(join(tmpdir(), 'da-bench-npm-')), 'npmrc');
    writeFileSync(npmrc, '');
    // The environment the action gets (run-action's baseEnv), so neither side pays for this
    // machine's global NODE_EXTRA_CA_CERTS (~100 ms per node start) and the other does not.
    const env = { ...baseEnv(), npm_config_userconfig: npmrc, PIP_DISABLE_PIP_VERSION_CHECK: '1' };
    const gh = (path: string) => [
      '-sf',
      '-H',
      `authorization: Bearer ${r.tokens.github}`,
      `${r.github.url}${path}`,
    ];
    const shell = await timeMedian(async () => {
      await run('npm', ['view', '@acme/app@1.4.0', 'version', '--registry', r.npm.url], env);
      await run('pip', ['index', 'versions', 'acme-app', '--index-url', `${r.pypi.url}simple/`], env);
      await run(
        'skopeo',
        [
          'inspect',
          '--tls-verify=false',
          '--creds',
          `${r.docker.username}:${r.docker.password}`,
          `docker://${r.docker.host}/acme/app:1.4.0`,
        ],
        env,
      );
      await run('curl', ['-sf', `${r.crates.plainIndexUrl}ac/me/acme-app`], env);
      await run('curl', gh('/repos/acme/app/releases/tags/v1.4.0'), env);
      await run('curl', gh('/repos/acme/app/releases?per_page=100'), env);
    }, 7);

    const ratio = shell / ours;
    record({
      name: 'check-published',
      title: 'check-published (6 targets, one concurrent pass) vs the shell way',
      method:
        'After a release of examples/acme-app to the local registries, the median of 7 runs of the check-published bundle over its 6 config targets, vs the same questions asked the way workflows do today, one CLI after another: npm view, pip index versions, skopeo inspect, a curl of the crates sparse index, and two curls of the GitHub API (release by tag; release list with assets, for the Flatpak bundle).',
      command: 'npm run bench -- bench/check-published.bench.ts',
      figures: { 'check-published bundle (6 targets)': ours, 'shell way, sequential': shell },
      ratio: {
        label: `shell / ours (ours ${Math.round(ours)} ms for all 6)`,
        value: ratio,
        goal: '>= 10, and under 500 ms',
        met: ratio >= 10 && ours < 500,
      },
    });
  } finally {
    await r.stop();
  }
});

/**
 * 100 targets: the 94 packages of a generated npm workspace (one config target with
 * `workspaces: true`, which check-published expands into one check per package) plus the six
 * registries of the example, with Verdaccio reached through an HTTPS front (nginx, a test
 * certificate) so a new connection costs a TLS handshake as on the internet. nginx's access log
 * counts the connections the action opened to that host.
 * Goal: under 1 s for all 100, at most 2 connections per host.
 */
test('check-published: 100 targets through TLS, connections reused', async () => {
  const r = await startDemoRegistries();
  let front: TlsFront | undefined;
  try {
    front = await startTlsFront(new URL(r.npm.url).host);
    const project = await prepareExample(r, {
      version: '1.4.0',
      only: ['npm', 'pypi', 'github', 'docker', 'crates', 'flathub'],
    });
    const first = await runAction('release', {
      workspace: project.dir,
      env: project.env,
      inputs: { config: '.github/deploy-actions.yml' },
      timeoutMs: 300_000,
    });
    if (first.outputs.status !== 'success')
      throw new Error(`the release to check failed: ${first.outputs.results}`);

    // The workspace, published once (straight to Verdaccio), then named in the config by its HTTPS front.
    const graph = writeNpmWorkspace(join(project.dir, 'ws'), {
      version: '1.4.0',
      scope: '@acme',
      levels: [30, 25, 20, 12, 7],
    });
    const published = await runAction('publish-npm', {
      workspace: project.dir,
      inputs: { version: '1.4.0', path: 'ws', workspaces: 'true', registry: r.npm.url, concurrency: '16' },
      env: { NPM_TOKEN: r.npm.token },
      timeoutMs: 600_000,
    });
    if (published.outputs.status !== 'published') throw new Error(published.outputs.result);
    const configFile = join(project.dir, '.github', 'deploy-actions.yml');
    const doc = parseDocument(readFileSync(configFile, 'utf8'));
    (doc.get('targets') as { add(v: unknown): void }).add(
      doc.createNode({ name: 'ws', type: 'npm', tier: 1, path: 'ws', workspaces: true, registry: front.url }),
    );
    writeFileSync(configFile, doc.toString());
    const env = { ...project.env, NODE_EXTRA_CA_CERTS: front.certFile };

    const connections: number[] = [];
    let targets = 0;
    const tls = front;
    const ours = await timeMedian(async () => {
      tls.clearLog();
      const check = await runAction('check-published', {
        workspace: project.dir,
        env,
        inputs: { version: '1.4.0' },
      });
      if (check.outputs['all-published'] !== 'true') throw new Error(check.outputs.results);
      targets = Object.keys(JSON.parse(check.outputs.results) as object).length;
      connections.push(new Set(tls.requests().map((q) => q.connection)).size);
    }, 7);
    if (targets !== graph.length + 6) throw new Error(`checked ${targets} targets, not ${graph.length + 6}`);
    const most = Math.max(...connections);
    record({
      name: 'check-published-100',
      title: 'check-published: 100 targets (94 workspace packages + 6 registries), Verdaccio through TLS',
      method:
        'After a release of examples/acme-app to the local registries and of a generated 94-package npm workspace ' +
        '(test/fixtures/workspaces/generate.ts, 5 levels) to Verdaccio, the median of 7 runs (after one warm-up) of the ' +
        'check-published bundle over the config: the 6 example targets plus one npm target with workspaces: true whose ' +
        'registry is an nginx HTTPS front (self-signed test certificate, trusted through NODE_EXTRA_CA_CERTS) for ' +
        `Verdaccio, expanded into one check per package: ${targets} targets. Connections to the front are counted from ` +
        `nginx's access log ($connection per request): at most ${most} per run (runs: ${connections.join(', ')}). The npm ` +
        'registry has no endpoint that answers for several packages at once, so each package is one GET of its packument ' +
        'over the kept-alive connections.',
      command: 'npm run bench -- bench/check-published.bench.ts -t "100 targets"',
      figures: { [`check-published bundle (${targets} targets)`]: ours },
      ratio: {
        label: `ms for ${targets} targets (at most ${most} connections to the TLS host)`,
        value: ours,
        goal: '< 1000 ms, <= 2 connections per host',
        met: ours < 1000 && most <= 2,
      },
    });
  } finally {
    await front?.stop();
    await r.stop();
  }
}, 1_800_000);
