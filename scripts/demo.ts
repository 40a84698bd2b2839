/**
 * `npm run demo`: a whole tiered release of examples/acme-app to local registries through the
 * root action's bundle, a rerun that publishes nothing, a Go CLI built for six platforms and
 * released with its archives, then a blue-green rollout behind nginx
 * with a health gate, and a broken release rolled back by itself. Stops everything it started
 * and removes the files it wrote (all below one temporary folder).
 */
import { runAction, type ActionRun } from '../test/harness/run-action.js';
import { prepareExample, startDemoRegistries, type DemoRegistries } from '../test/harness/demo-env.js';
import { startNginx, type RunningNginx } from '../test/harness/nginx.js';
import { nginxRouterInputs } from '../test/harness/colour-nginx.js';
import { startColourApp, type ColourApp } from '../test/servers/colour-app.js';
import { runWrk } from '../test/harness/wrk.js';
import { removeTempRoot, useTempRoot } from '../test/harness/temp-root.mjs';
import { goCache, prepareAcmeCli } from '../test/harness/acme-cli.js';

const bold = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
const step = (n: number, title: string) => console.log(`\n${bold(`${n}. ${title}`)}`);

/** The job summary as the runner would show it, and the annotations. */
function show(run: ActionRun): void {
  console.log(
    run.summary
      .replace(/<\/?details>|<summary>|<\/summary>/g, '')
      .trim()
      .replace(/^/gm, '   '),
  );
  for (const a of run.annotations) console.log(`   ${a.level}: ${a.message}`);
}

async function main(): Promise<void> {
  const started: { stop(): Promise<void> }[] = [];
  useTempRoot('deploy-actions-demo-');
  try {
    step(1, 'Start local registries');
    const r: DemoRegistries = await startDemoRegistries();
    started.push(r);
    console.log(`   npm       Verdaccio              ${r.npm.url}`);
    console.log(`   PyPI      test server (upload, JSON API, simple index)  ${r.pypi.url}`);
    console.log(`   crates    test server (sparse index, publish API)       ${r.crates.url}`);
    console.log(`   docker    docker-registry        ${r.docker.url}`);
    console.log(`   GitHub    test server (releases, assets)                ${r.github.url}`);

    step(
      2,
      'Prepare examples/acme-app 1.4.0 (the CI image; its build: makes the wheel, sdist and release archive) and point its config at them',
    );
    const project = await prepareExample(r, {
      version: '1.4.0',
      only: ['npm', 'pypi', 'github', 'docker', 'crates', 'flathub'],
    });
    console.log(`   ${project.dir}`);

    step(3, 'Release: node actions/release/dist/index.js, as the runner runs `uses: org/deploy-actions@v1`');
    const inputs = {
      config: '.github/deploy-actions.yml',
      platforms: 'all',
      force: 'false',
      'dry-run': 'false',
    };
    let t = Date.now();
    const first = await runAction('release', {
      workspace: project.dir,
      env: project.env,
      inputs,
      timeoutMs: 300_000,
    });
    show(first);
    console.log(`   -> status ${first.outputs.status} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    if (first.outputs.status !== 'success') throw new Error('the release did not succeed');

    step(4, 'Rerun the same release: every target already has 1.4.0, nothing is published twice');
    t = Date.now();
    const rerun = await runAction('release', { workspace: project.dir, env: project.env, inputs });
    const statuses = Object.entries(
      JSON.parse(rerun.outputs.results) as Record<string, { status: string }>,
    ).map(([k, v]) => `${k}: ${v.status}`);
    console.log(`   ${statuses.join(', ')}`);
    const npmDoc = (await (await fetch(`${r.npm.url}/@acme%2fapp`)).json()) as { versions: object };
    console.log(`   -> status ${rerun.outputs.status} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    console.log(
      `   npm has ${Object.keys(npmDoc.versions).length} version, PyPI ${r.pypi.uploads.length} files, crates ${r.crates.uploads.length} upload, GitHub ${r.github.state.releases('acme/app').length} release`,
    );

    step(
      5,
      'A CLI: examples/acme-cli 0.3.0 (Go) built for six platforms at once, its archives and SHA256SUMS released on GitHub',
    );
    const cli = prepareAcmeCli({ github: r.github.url, repository: 'acme/acme-cli' });
    t = Date.now();
    const cliRelease = await runAction('release', {
      workspace: cli,
      env: { GITHUB_TOKEN: r.tokens.github, GITHUB_REPOSITORY: 'acme/acme-cli', ACME_GO_CACHE: goCache() },
      inputs,
      timeoutMs: 600_000,
    });
    show(cliRelease);
    console.log(`   -> status ${cliRelease.outputs.status} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    if (cliRelease.outputs.status !== 'success') throw new Error('the CLI release did not succeed');

    step(
      6,
      'Blue-green: blue serves 1.3.0 behind nginx; green gets 1.4.0; shift 10% -> 50% -> 100% behind the health gate, under load',
    );
    const blue: ColourApp = await startColourApp('blue', { version: '1.3.0', delayMs: 0 });
    const green: ColourApp = await startColourApp('green', { version: '1.4.0', delayMs: 0 });
    started.push(blue, green);
    const nginx: RunningNginx = await startNginx({ blue: blue.address, green: green.address });
    started.push(nginx);
    console.log(`   nginx ${nginx.url}  blue ${blue.address}  green ${green.address}`);
    const switchInputs = (healthUrl: string) => ({
      ...nginxRouterInputs({ blue, green, nginx }),
      to: 'inactive',
      steps: '10,50,100',
      'step-interval': '1s',
      'health-url': healthUrl,
      interval: '250ms',
      'success-threshold': '2',
      'failure-threshold': '3',
      'max-error-rate': '5%',
      'max-p95': '2s',
      'auto-rollback': 'true',
    });
    const load = runWrk(`${nginx.url}/`, { connections: 20, durationS: 6 });
    const rollout = await runAction('blue-green-switch', { inputs: switchInputs(`${green.url}/health`) });
    const wrk = await load;
    show(rollout);
    console.log(
      `   -> active ${rollout.outputs.active}; ${wrk.requests} requests under load during the switch, ${wrk.lost} lost`,
    );

    step(
      7,
      'A broken release: 1.4.1 on blue fails its health checks; the gate stops the rollout and traffic goes back by itself',
    );
    blue.set({ version: '1.4.1', mode: 'failing' });
    const broken = await runAction('blue-green-switch', { inputs: switchInputs(`${blue.url}/health`) });
    show(broken);
    console.log(
      `   -> rolled-back ${broken.outputs['rolled-back']}; active ${broken.outputs.active}; exit code ${broken.code} (the job fails, as it should)`,
    );
    if (broken.outputs['rolled-back'] !== 'true' || rollout.outputs.active !== 'green')
      throw new Error('the rollout did not behave');
    console.log(
      `\n${bold('Done.')} Every registry has acme-app 1.4.0 once, acme-cli 0.3.0 has its six archives released, green serves it, and the broken 1.4.1 never took traffic beyond its first step.`,
    );
  } finally {
    step(8, 'Stop everything the demo started, and remove its files');
    for (const s of started.reverse()) await s.stop().catch(() => undefined);
    removeTempRoot();
  }
}

main().catch((error: unknown) => {
  console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
