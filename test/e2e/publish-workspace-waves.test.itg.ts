/**
 * Workspaces published in dependency waves, end to end: the bundled publish-npm against a real
 * Verdaccio with the generated 40-package workspace, and publish-crates driving the real cargo
 * against the crates test server with a lagging index. The witnesses are the registries' state.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction, userErrorShape, type ActionRun } from '../harness/run-action.js';
import { startVerdaccio, type Verdaccio } from '../harness/verdaccio.js';
import { packument, pkg, publishNpm, workspaceWith } from '../fixtures/npm/e2e.js';
import { startCratesServer, type CratesServer } from '../servers/crates.js';
import { writeCargoWorkspace, writeNpmWorkspace, type GraphNode } from '../fixtures/workspaces/generate.js';

let registry: Verdaccio;
let scratch: string;

beforeAll(async () => {
  registry = await startVerdaccio();
  scratch = mkdtempSync(join(tmpdir(), 'da-waves-'));
});
afterAll(async () => {
  await registry?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

interface Outcome {
  status: string;
  notes: string[];
  error?: string;
}
const resultOf = (run: ActionRun) => JSON.parse(run.outputs.result) as Outcome;

/** Every package that needs `failed`, directly or through others. */
function dependentsOf(graph: GraphNode[], failed: string): Set<string> {
  const out = new Set<string>();
  for (let grew = true; grew;) {
    grew = false;
    for (const node of graph)
      if (!out.has(node.name) && node.dependsOn.some((d) => d === failed || out.has(d))) {
        out.add(node.name);
        grew = true;
      }
  }
  return out;
}

async function onRegistry(names: string[], version: string): Promise<string[]> {
  const present = await Promise.all(
    names.map(async (name) => ((await packument(registry, name))?.versions[version] ? name : undefined)),
  );
  return present.filter((n): n is string => Boolean(n)).sort();
}

describe('npm workspace in waves (40 packages, 5 levels)', () => {
  test('a failure planted in wave 2 stops only its dependents; the rerun publishes exactly the rest', async () => {
    const dir = join(scratch, 'npm-40');
    const graph = writeNpmWorkspace(dir, { version: '1.0.0', scope: '@wave' });
    const names = graph.map((n) => n.name);
    // A wave-2 package whose own publish fails (its prepublishOnly script refuses), as a broken build would.
    const broken = graph.find((n) => n.level === 2)!;
    const manifestFile = join(dir, 'packages', broken.folder, 'package.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(manifestFile, JSON.stringify({ ...manifest, scripts: { prepublishOnly: 'exit 3' } }));
    const held = dependentsOf(graph, broken.name);
    expect(held.size).toBeGreaterThan(0);
    expect(held.size).toBeLessThan(graph.length - 1 - 12);

    const first = await publishNpm(registry, dir, { version: '1.0.0', workspaces: 'true', concurrency: '6' });
    expect(first.code).toBe(1);
    expect(first.outputs.status).toBe('failed');
    const expected = names.filter((n) => n !== broken.name && !held.has(n)).sort();
    // Wave 1 and the unrelated packages of wave 2 (and of later waves) are published; nothing else.
    expect(await onRegistry(names, '1.0.0')).toEqual(expected);
    for (const node of graph.filter((n) => n.level <= 2 && n.name !== broken.name))
      expect(expected).toContain(node.name);
    // The report names the rest: the failure, and each package held back with its reason.
    const report = resultOf(first);
    expect(report.notes).toContain(report.notes.find((n) => n.startsWith(`${broken.name}: failed (wave 2)`)));
    for (const name of held)
      expect(report.notes).toContain(
        report.notes.find((n) => n.startsWith(`${name}: not attempted because of ${broken.name}`)),
      );
    for (const name of expected)
      expect(report.notes.some((n) => n.startsWith(`${name}@1.0.0 published`))).toBe(true);
    expect(report.error).toMatch(
      new RegExp(`1 of 40 packages failed \\(${broken.name}\\); ${held.size} not attempted`),
    );
    const [annotation] = first.annotations.filter((a) => a.level === 'error');
    expect(annotation.message).toContain(broken.name);
    const times = Object.fromEntries(
      await Promise.all(
        expected.map(async (n) => [n, (await packument(registry, n))!.time['1.0.0']] as const),
      ),
    );

    // Fixed: the rerun publishes exactly the rest; what was there is skipped, not sent again.
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const rerun = await publishNpm(registry, dir, { version: '1.0.0', workspaces: 'true', concurrency: '6' });
    expect(rerun.code).toBe(0);
    expect(rerun.outputs.status).toBe('published');
    expect(await onRegistry(names, '1.0.0')).toEqual([...names].sort());
    const notes = resultOf(rerun).notes;
    const published = names.filter((n) => notes.some((note) => note.startsWith(`${n}@1.0.0 published`)));
    expect(published.sort()).toEqual([broken.name, ...held].sort());
    for (const name of expected) {
      expect(notes.some((note) => note.startsWith(`${name}@1.0.0 is already on`))).toBe(true);
      expect((await packument(registry, name))!.time['1.0.0']).toBe(times[name]);
    }
    expect(rerun.stdout).toContain('40 workspace packages in 5 dependency waves, up to 6 at once');
  }, 300_000);

  test('killed mid-wave, the rerun completes the set with every package published once', async () => {
    const dir = join(scratch, 'npm-killed');
    const graph = writeNpmWorkspace(dir, { version: '1.0.0', scope: '@kill' });
    const names = graph.map((n) => n.name);
    let killed = false;
    // The runner dies (SIGKILL) once a few packages are on the registry: mid-wave.
    const first = await publishNpm(
      registry,
      dir,
      { version: '1.0.0', workspaces: 'true', concurrency: '4' },
      {},
      {
        onSpawn: (pid) => {
          const watch = setInterval(() => {
            void onRegistry(names, '1.0.0').then((there) => {
              if (there.length >= 6 && !killed) {
                killed = true;
                clearInterval(watch);
                process.kill(pid, 'SIGKILL');
              }
            });
          }, 100);
          setTimeout(() => clearInterval(watch), 120_000).unref();
        },
      },
    );
    expect(killed).toBe(true);
    expect(first.code).not.toBe(0);
    const before = await onRegistry(names, '1.0.0');
    expect(before.length).toBeLessThan(names.length);

    const rerun = await publishNpm(registry, dir, { version: '1.0.0', workspaces: 'true', concurrency: '4' });
    expect(rerun.code).toBe(0);
    expect(await onRegistry(names, '1.0.0')).toEqual([...names].sort());
    const notes = resultOf(rerun).notes;
    // One note per package: each was either already there or published now, never twice.
    expect(notes).toHaveLength(names.length);
    for (const name of names) expect(notes.filter((n) => n.startsWith(`${name}@1.0.0 `))).toHaveLength(1);
    for (const name of before)
      expect(notes.find((n) => n.startsWith(`${name}@1.0.0 `))).not.toMatch(/ published to /);
    for (const name of names)
      expect(Object.keys((await packument(registry, name))!.versions)).toEqual(['1.0.0']);
  }, 300_000);

  test('a cycle is refused before anything is sent', async () => {
    const dir = workspaceWith({
      'package.json': { name: 'root', private: true, workspaces: ['packages/*'] },
      ...prefixed('packages/a/', pkg('@cyc/a', '1.0.0', { dependencies: { '@cyc/b': '1.0.0' } })),
      ...prefixed('packages/b/', pkg('@cyc/b', '1.0.0', { dependencies: { '@cyc/c': '1.0.0' } })),
      ...prefixed('packages/c/', pkg('@cyc/c', '1.0.0', { dependencies: { '@cyc/a': '1.0.0' } })),
      ...prefixed('packages/d/', pkg('@cyc/d', '1.0.0')),
    });
    const run = await publishNpm(registry, dir, { version: '1.0.0', workspaces: 'true' });
    expect(userErrorShape(run)).toEqual({ code: 1, errors: 1, stack: false });
    const [error] = run.annotations.filter((a) => a.level === 'error');
    expect(error.message).toMatch(/cycle: @cyc\/a -> @cyc\/b -> @cyc\/c -> @cyc\/a/);
    expect(await onRegistry(['@cyc/a', '@cyc/b', '@cyc/c', '@cyc/d'], '1.0.0')).toEqual([]);
  });

  test('a dependency on a version outside the published set that the registry lacks is refused first', async () => {
    const dir = workspaceWith({
      'package.json': { name: 'root', private: true, workspaces: ['packages/*'] },
      ...prefixed(
        'packages/app/',
        pkg('@out/app', '1.0.0', { dependencies: { '@out/internal': '^1.0.0', '@out/lib': '1.0.0' } }),
      ),
      ...prefixed('packages/lib/', pkg('@out/lib', '1.0.0')),
      // private: the workspace never publishes it, and the registry has no 1.x of it
      ...prefixed('packages/internal/', pkg('@out/internal', '1.0.0', { private: true })),
    });
    const run = await publishNpm(registry, dir, { version: '1.0.0', workspaces: 'true' });
    expect(userErrorShape(run)).toEqual({ code: 1, errors: 1, stack: false });
    const [error] = run.annotations.filter((a) => a.level === 'error');
    expect(error.message).toContain('@out/app needs @out/internal@^1.0.0');
    expect(error.message).toContain('nothing was published');
    expect(await onRegistry(['@out/app', '@out/lib'], '1.0.0')).toEqual([]);
  });

  test('a bad concurrency is one clear error naming the input', async () => {
    const dir = workspaceWith(pkg('@conc/one', '1.0.0'));
    const run = await publishNpm(registry, dir, { version: '1.0.0', concurrency: '0' });
    expect(userErrorShape(run)).toEqual({ code: 1, errors: 1, stack: false });
    expect(run.annotations.find((a) => a.level === 'error')!.message).toMatch(/concurrency/);
    expect(await onRegistry(['@conc/one'], '1.0.0')).toEqual([]);
  });
});

describe('through the orchestrator, then check-published per package', () => {
  test('a release with a broken wave-2 package: the results name the rest; the rerun completes it; every package is checked', async () => {
    const dir = join(scratch, 'release-ws');
    const graph = writeNpmWorkspace(join(dir, 'libs'), { version: '2.0.0', scope: '@orch' });
    mkdirSync(join(dir, '.github'));
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'root', private: true, version: '2.0.0' }),
    );
    writeFileSync(
      join(dir, '.github', 'deploy-actions.yml'),
      [
        'version: { sources: [input, package.json] }',
        'targets:',
        `  - { name: libs, type: npm, tier: 1, path: libs, workspaces: true, concurrency: 8, registry: '${registry.url}' }`,
      ].join('\n') + '\n',
    );
    const broken = graph.filter((n) => n.level === 2)[1];
    const file = join(dir, 'libs', 'packages', broken.folder, 'package.json');
    const manifest = readFileSync(file, 'utf8');
    writeFileSync(
      file,
      manifest.replace('"license"', '"scripts": { "prepublishOnly": "exit 4" },\n  "license"'),
    );
    const held = dependentsOf(graph, broken.name);
    const inputs = {
      config: '.github/deploy-actions.yml',
      platforms: 'all',
      force: 'false',
      'dry-run': 'false',
    };
    const env = { NPM_TOKEN: registry.token };

    const first = await runAction('release', { workspace: dir, env, inputs, timeoutMs: 300_000 });
    expect(first.code).toBe(1);
    const libs = (JSON.parse(first.outputs.results) as Record<string, Outcome>).libs;
    expect(libs.status).toBe('failed');
    expect(libs.notes.filter((n) => n.includes('not attempted because of')).length).toBe(held.size);
    expect(libs.notes.filter((n) => / published to /.test(n)).length).toBe(graph.length - 1 - held.size);
    expect(
      await onRegistry(
        graph.map((n) => n.name),
        '2.0.0',
      ),
    ).toHaveLength(graph.length - 1 - held.size);

    writeFileSync(file, manifest);
    const rerun = await runAction('release', { workspace: dir, env, inputs, timeoutMs: 300_000 });
    expect(rerun.code).toBe(0);
    const notes = (JSON.parse(rerun.outputs.results) as Record<string, Outcome>).libs.notes;
    expect(
      notes
        .filter((n) => / published to /.test(n))
        .map((n) => n.split('@2.0.0')[0])
        .sort(),
    ).toEqual([broken.name, ...held].sort());
    expect(
      await onRegistry(
        graph.map((n) => n.name),
        '2.0.0',
      ),
    ).toHaveLength(graph.length);

    const check = await runAction('check-published', { workspace: dir, env, inputs: { version: '2.0.0' } });
    expect(check.code).toBe(0);
    const results = JSON.parse(check.outputs.results) as Record<
      string,
      { published: boolean; latest: string }
    >;
    expect(Object.keys(results).sort()).toEqual(graph.map((n) => `libs/${n.name}`).sort());
    expect(Object.values(results).every((r) => r.published === true && r.latest === '2.0.0')).toBe(true);
    expect(check.outputs['all-published']).toBe('true');
    expect(check.outputs.drift).toBe('false');
  }, 600_000);
});

function prefixed(prefix: string, files: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [prefix + k, v]));
}

describe('cargo workspace in waves (12 crates, 4 levels), with a lagging index', () => {
  const TOKEN = 'cio_waves_token_81c2';
  const LAG = 1500;
  let server: CratesServer;
  beforeAll(async () => {
    server = await startCratesServer({ token: TOKEN, indexLagMs: LAG });
  });
  afterAll(async () => {
    await server?.stop();
  });

  const publishCrates = (workspace: string, inputs: Record<string, string>) =>
    runAction('publish-crates', {
      workspace,
      inputs: {
        registry: server.indexUrl,
        'registry-name': 'local',
        verify: 'false',
        'allow-dirty': 'true',
        ...inputs,
      },
      env: {
        CARGO_REGISTRY_TOKEN: TOKEN,
        DEPLOY_ACTIONS_HTTP_RETRIES: '2',
        DEPLOY_ACTIONS_HTTP_BACKOFF_MS: '50',
      },
      timeoutMs: 600_000,
    });

  test('every crate waits until the index lists what it needs; all 12 published once', async () => {
    const dir = join(scratch, 'cargo-12');
    const graph = writeCargoWorkspace(dir, { version: '0.1.0' });
    const run = await publishCrates(dir, { version: '0.1.0', concurrency: '4' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('published');
    expect([...server.uploads].sort()).toEqual(graph.map((n) => `${n.name}@0.1.0`).sort());
    // No dependent was uploaded before the index could list each of its dependencies.
    for (const node of graph)
      for (const dep of node.dependsOn)
        expect(server.uploadedAt.get(`${node.name}@0.1.0`)!).toBeGreaterThanOrEqual(
          server.uploadedAt.get(`${dep}@0.1.0`)! + LAG,
        );
    // Wave 1's crates went together, not one after another.
    const wave1 = graph.filter((n) => n.level === 1).map((n) => server.uploadedAt.get(`${n.name}@0.1.0`)!);
    expect(Math.max(...wave1) - Math.min(...wave1)).toBeLessThan(LAG);
    expect(run.stdout).toMatch(/12 crates in 4 dependency waves/);
    // The log says what a dependent waited for.
    expect(run.stdout).toMatch(/waiting for crate1_a v0\.1\.0 to be available/);
    expect(run.stdout).toMatch(/the index lists crate1_a 0\.1\.0 .*: .*crate2_.* may go/);

    const rerun = await publishCrates(dir, { version: '0.1.0', concurrency: '4' });
    expect(rerun.code).toBe(0);
    expect(rerun.outputs.status).toBe('skipped');
    expect(server.uploads).toHaveLength(12);
  }, 600_000);

  test('a cycle, and a path dependency the registry lacks, are refused with nothing sent', async () => {
    const cyc = join(scratch, 'cargo-cycle');
    const graph = writeCargoWorkspace(cyc, { version: '0.2.0' });
    // crate1_a (level 1) now needs a level-2 crate that needs crate1_a.
    const back = graph.find((n) => n.level === 2 && n.dependsOn.includes('crate1_a'))!;
    const file = join(cyc, 'crates', 'crate1_a', 'Cargo.toml');
    writeFileSync(file, readFileSync(file, 'utf8') + `${back.name}.workspace = true\n`);
    const before = server.uploads.length;
    const cycle = await publishCrates(cyc, { version: '0.2.0' });
    expect(userErrorShape(cycle)).toEqual({ code: 1, errors: 1, stack: false });
    expect(cycle.annotations.find((a) => a.level === 'error')!.message).toContain(
      `cycle (crate1_a -> ${back.name} -> crate1_a)`,
    );

    const outside = join(scratch, 'cargo-outside');
    const shape = writeCargoWorkspace(outside, { version: '0.3.0' });
    // Only a level-2 crate is this target's; its path dependencies at 0.3.0 are in no registry.
    const alone = shape.find((n) => n.level === 2)!;
    const run = await publishCrates(outside, { version: '0.3.0', package: alone.name });
    expect(userErrorShape(run)).toEqual({ code: 1, errors: 1, stack: false });
    expect(run.annotations.find((a) => a.level === 'error')!.message).toMatch(
      new RegExp(
        `${alone.name} needs ${alone.dependsOn[0]} \\^?0\\.3\\.0, which .* does not list and this target does not publish`,
      ),
    );
    expect(server.uploads.length).toBe(before);
  }, 300_000);
});
