/**
 * check-published over 6 targets (npm, PyPI, crates, docker, GitHub Releases, Flatpak bundle)
 * in one concurrent pass, vs the shell way users run today, one CLI after another:
 * `npm view`, `pip index versions`, `skopeo inspect`, a curl of the crates index, a curl of
 * the GitHub release and a curl of its assets. Same registries, same run.
 * Goal: at least 10x faster, under 0.5 s for all 6.
 */
import { test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { baseEnv, runAction } from '../test/harness/run-action.js';
import { prepareExample, startDemoRegistries } from '../test/harness/demo-env.js';
import { record, timeMedian } from './lib.js';

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
