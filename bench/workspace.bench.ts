/**
 * A monorepo release in dependency waves, same run: the generated 40-package npm workspace
 * (5 levels) through the bundled publish-npm against Verdaccio, vs `npm publish --workspaces`
 * (sequential); the generated 12-crate cargo workspace (4 levels) through publish-crates vs
 * `cargo publish --workspace` against the crates test server. The yardstick is the critical
 * path: for each level, the slowest single publish of that level measured alone (each package
 * published on its own, one after another, in the same run), summed over the levels.
 * Goals: ours within 1.25x of the critical path; at least 4x faster than sequential npm.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { record } from './lib.js';
import { baseEnv, runAction } from '../test/harness/run-action.js';
import { startVerdaccio, type Verdaccio } from '../test/harness/verdaccio.js';
import { startCratesServer, type CratesServer } from '../test/servers/crates.js';
import { cargo, makeCargoHome } from '../test/servers/crates-cargo.js';
import {
  writeCargoWorkspace,
  writeNpmWorkspace,
  type GraphNode,
} from '../test/fixtures/workspaces/generate.js';

const TOKEN = 'cio_bench_waves_0001';
let registry: Verdaccio;
let work: string;

beforeAll(async () => {
  registry = await startVerdaccio();
  work = mkdtempSync(join(tmpdir(), 'da-waves-bench-'));
});
afterAll(async () => {
  await registry?.stop();
  rmSync(work, { recursive: true, force: true });
});

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function npm(args: string[], cwd: string, npmrc: string): Promise<void> {
  return new Promise((resolve, reject) =>
    execFile(
      'npm',
      args,
      {
        cwd,
        env: {
          ...baseEnv(),
          npm_config_userconfig: npmrc,
          npm_config_cache: join(work, 'npm-cache'),
          npm_config_update_notifier: 'false',
          npm_config_audit: 'false',
          npm_config_fund: 'false',
        },
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) =>
        error ? reject(new Error(`npm ${args[0]}: ${stderr || stdout}`)) : resolve(),
    ),
  );
}

/** Sum over the levels of the slowest single publish at that level. */
function criticalPath(graph: GraphNode[], single: Map<string, number>): number {
  const levels = Math.max(...graph.map((n) => n.level));
  let total = 0;
  for (let level = 1; level <= levels; level++)
    total += Math.max(...graph.filter((n) => n.level === level).map((n) => single.get(n.name)!));
  return total;
}

test('workspace release in waves vs sequential peers', async () => {
  const figures: Record<string, number> = {};
  const npmrc = join(work, 'npmrc');
  const host = registry.url.replace(/^https?:/, '');
  writeFileSync(npmrc, `registry=${registry.url}/\n${host}/:_authToken=${registry.token}\n`);

  // Ours: the bundled action, as the runner runs it, with its default concurrency.
  const oursDir = join(work, 'npm-ours');
  const graph = writeNpmWorkspace(oursDir, { version: '1.0.0', scope: '@ours' });
  figures['publish-npm, 40 packages in waves (default concurrency)'] = await timed(async () => {
    const run = await runAction('publish-npm', {
      workspace: oursDir,
      inputs: { version: '1.0.0', workspaces: 'true', registry: registry.url },
      env: { NPM_TOKEN: registry.token },
    });
    expect(run.outputs.status).toBe('published');
  });
  const wideDir = join(work, 'npm-wide');
  writeNpmWorkspace(wideDir, { version: '1.0.0', scope: '@wide' });
  figures['publish-npm, 40 packages in waves (concurrency 12, the widest wave)'] = await timed(async () => {
    const run = await runAction('publish-npm', {
      workspace: wideDir,
      inputs: { version: '1.0.0', workspaces: 'true', registry: registry.url, concurrency: '12' },
      env: { NPM_TOKEN: registry.token },
    });
    expect(run.outputs.status).toBe('published');
  });

  // The peer: npm's own workspace publish, one package after another.
  const peerDir = join(work, 'npm-peer');
  writeNpmWorkspace(peerDir, { version: '1.0.0', scope: '@peer' });
  figures['npm publish --workspaces (sequential)'] = await timed(() =>
    npm(['publish', '--workspaces', '--access', 'public'], peerDir, npmrc),
  );

  // Each package alone (npm publish in its folder), level by level: the critical path's parts.
  const soloDir = join(work, 'npm-solo');
  const solo = writeNpmWorkspace(soloDir, { version: '1.0.0', scope: '@solo' });
  const single = new Map<string, number>();
  for (const node of [...solo].sort((a, b) => a.level - b.level))
    single.set(
      node.name.replace('@solo/', '@ours/'),
      await timed(() =>
        npm(['publish', '--access', 'public'], join(soloDir, 'packages', node.folder), npmrc),
      ),
    );
  const npmCritical = criticalPath(graph, single);
  figures['npm critical path (5 levels x slowest single publish)'] = npmCritical;

  // cargo: ours vs `cargo publish --workspace` vs each crate alone, each on its own server.
  const servers: CratesServer[] = [];
  const serve = async () => {
    const s = await startCratesServer({ token: TOKEN });
    servers.push(s);
    return s;
  };
  let cargoRatio = Number.NaN;
  try {
    const oursServer = await serve();
    const cargoOurs = join(work, 'cargo-ours');
    const crates = writeCargoWorkspace(cargoOurs, { version: '0.1.0' });
    figures['publish-crates, 12 crates in waves (default concurrency)'] = await timed(async () => {
      const run = await runAction('publish-crates', {
        workspace: cargoOurs,
        inputs: {
          version: '0.1.0',
          registry: oursServer.indexUrl,
          'registry-name': 'local',
          verify: 'false',
          'allow-dirty': 'true',
        },
        env: { CARGO_REGISTRY_TOKEN: TOKEN },
      });
      expect(run.outputs.status).toBe('published');
    });

    const peerServer = await serve();
    const cargoPeer = join(work, 'cargo-peer');
    writeCargoWorkspace(cargoPeer, { version: '0.1.0' });
    const peerHome = makeCargoHome(peerServer.indexUrl);
    figures['cargo publish --workspace (sequential)'] = await timed(async () => {
      const run = await cargo(
        ['publish', '--workspace', '--registry', 'local', '--no-verify', '--allow-dirty'],
        { cwd: cargoPeer, home: peerHome, env: { CARGO_REGISTRIES_LOCAL_TOKEN: TOKEN } },
      );
      expect(run.code).toBe(0);
    });

    const soloServer = await serve();
    const cargoSolo = join(work, 'cargo-solo');
    writeCargoWorkspace(cargoSolo, { version: '0.1.0' });
    const soloHome = makeCargoHome(soloServer.indexUrl);
    const singleCrate = new Map<string, number>();
    for (const node of [...crates].sort((a, b) => a.level - b.level))
      singleCrate.set(
        node.name,
        await timed(async () => {
          const run = await cargo(
            ['publish', '-p', node.name, '--registry', 'local', '--no-verify', '--allow-dirty'],
            { cwd: cargoSolo, home: soloHome, env: { CARGO_REGISTRIES_LOCAL_TOKEN: TOKEN } },
          );
          expect(run.code).toBe(0);
        }),
      );
    figures['cargo critical path (4 levels x slowest single publish)'] = criticalPath(crates, singleCrate);
    cargoRatio =
      figures['publish-crates, 12 crates in waves (default concurrency)'] /
      figures['cargo critical path (4 levels x slowest single publish)'];
  } finally {
    for (const s of servers) await s.stop();
  }

  const oursNpm = figures['publish-npm, 40 packages in waves (default concurrency)'];
  const toCritical = oursNpm / npmCritical;
  const vsPeer = figures['npm publish --workspaces (sequential)'] / oursNpm;
  record({
    name: 'workspace',
    title: 'Workspace release in dependency waves vs sequential peers',
    method:
      `One run each, same run, on ${cpus().length} cores (default concurrency here: ${Math.max(4, Math.min(16, cpus().length * 2))}). ` +
      'npm: the generated workspace of test/fixtures/workspaces/generate.ts (40 packages, 5 levels, fan-in on a few core ' +
      'packages) published to a loopback Verdaccio by the bundled publish-npm (workspaces: true) as the runner runs it, ' +
      'vs `npm publish --workspaces` (one package after another) of the same workspace under another scope; the critical ' +
      'path is, per level, the slowest `npm publish` of one package of that level measured alone (every package of a third ' +
      'copy published on its own, level by level), summed. cargo: the generated 12-crate workspace (4 levels) by the bundled ' +
      'publish-crates (verify: false) vs `cargo publish --workspace --no-verify`, each to its own loopback crates test ' +
      'server; critical path from `cargo publish -p <crate>` of each crate alone. ' +
      `publish-crates / cargo critical path = ${cargoRatio.toFixed(2)}; ` +
      `cargo publish --workspace / publish-crates = ${(figures['cargo publish --workspace (sequential)'] / figures['publish-crates, 12 crates in waves (default concurrency)']).toFixed(2)}.`,
    command: 'npm run bench -- bench/workspace.bench.ts',
    figures,
    ratio: {
      label: `ours / npm critical path (sequential npm / ours = ${vsPeer.toFixed(2)})`,
      value: toCritical,
      goal: '<= 1.25, and sequential npm / ours >= 4',
      met: toCritical <= 1.25 && vsPeer >= 4,
    },
  });
}, 1_800_000);
