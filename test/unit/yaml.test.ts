/**
 * Every YAML file is read by the `yaml` library (action-kit/yaml). What a user would check:
 * the repository's own configs and manifest load to the values written in them, every value
 * carries the line it is written on, and a mistake in a real config is reported at its line.
 */
import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml, type YamlNode } from '@deploy-actions/action-kit/yaml';
import { parseConfig } from '@deploy-actions/release/config';
import { parseManifest } from '@deploy-actions/targets/flatpak/client';
import { ROOT } from '../harness/run-action.js';
import { configError } from '../helpers/config-error.js';

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const EXAMPLE = 'examples/acme-app/.github/deploy-actions.yml';
const SELF = '.github/deploy-actions.yml';
const MANIFEST = 'examples/acme-app/packaging/flatpak/com.acme.App.yml';
/** The 1-based line of the first line of `text` that contains `needle` (where a reader must point). */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', 'dist', '.git', '.scratch'].includes(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yamlFiles(path, out);
    else if (/\.ya?ml$/.test(entry.name)) out.push(path);
  }
  return out;
}

/** Every key of every mapping, with the line the reader gives it. */
function keyLines(node: YamlNode | null, out: [string, number | undefined][] = []) {
  if (node?.kind === 'map')
    for (const { key, value } of node.items) {
      if (key.kind === 'scalar') out.push([String(key.value), key.line]);
      keyLines(value, out);
    }
  else if (node?.kind === 'seq') for (const item of node.items) keyLines(item, out);
  return out;
}

describe('YAML through the yaml library', () => {
  test('every key of every YAML file of the repository is on the line the reader says', () => {
    const files = yamlFiles(ROOT);
    expect(files.length).toBeGreaterThan(20);
    let checked = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const parsed = parseYaml(text);
      // test/fixtures/workflows/invalid.yml is the one file meant to be broken YAML.
      if (file.endsWith('invalid.yml')) continue;
      expect({ file, error: parsed.error }).toEqual({ file, error: undefined });
      const lines = text.split(/\r?\n/);
      for (const [key, line] of keyLines(parsed.root)) {
        expect({ file, key, text: lines[line! - 1]?.includes(key) }).toEqual({ file, key, text: true });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  test('the example config loads to what it says, each target at its line', async () => {
    const config = await parseConfig(read(EXAMPLE), EXAMPLE);
    expect(config.version).toEqual({
      sources: ['input', 'tag', 'package.json', 'Cargo.toml', 'pyproject.toml'],
      tagPrefix: 'v',
      requireMatch: true,
    });
    expect([...config.tiers]).toEqual([
      [1, 'required'],
      [2, 'best-effort'],
      [3, 'experimental'],
    ]);
    expect(config.targets.map((t) => [t.name, t.type, t.tier, t.line])).toEqual([
      ['npm', 'npm', 1, lineOf(read(EXAMPLE), 'name: npm,')],
      ['pypi', 'pypi', 1, lineOf(read(EXAMPLE), 'name: pypi,')],
      ['github', 'github-release', 1, lineOf(read(EXAMPLE), 'name: github,')],
      ['docker', 'docker', 2, lineOf(read(EXAMPLE), 'name: docker,')],
      ['crates', 'crates', 3, lineOf(read(EXAMPLE), 'name: crates,')],
      ['flathub', 'flatpak', 3, lineOf(read(EXAMPLE), 'name: flathub,')],
    ]);
    expect(config.targets[1].settings).toMatchObject({ dist: ['python/dist/*'] });
    expect(config.targets[3].settings).toMatchObject({
      source: 'docker.io/acme/app-ci:build',
      tags: ['auto'],
    });
    expect(config.build).toMatchObject({
      command: ['python3', 'scripts/build.py'],
      archive: 'acme-app-{version}-{os}-{arch}',
      artifacts: ['python/dist/*'],
    });
    expect(config.deploy).toMatchObject({
      strategy: 'canary',
      steps: [10, 50, 100],
      stepInterval: '1s',
      router: { type: 'nginx', blue: '127.0.0.1:8081', green: '127.0.0.1:8082' },
      rollback: 'auto',
    });
  });

  test('the same config as the yaml library writes it back (the demo does) loads the same', async () => {
    const rewritten = `targets:
  - {
      name: npm,
      type: npm,
      tier: 1,
      path: ./npm
    }
  - {
      name: github,
      type: github-release,
      tier: 1,
      assets: [ 'build/*.tar.gz' ],
      checksums: true
    }
`;
    const config = await parseConfig(rewritten, 'deploy.yml');
    expect(config.targets.map((t) => [t.name, t.line])).toEqual([
      ['npm', 2],
      ['github', 8],
    ]);
    expect(config.targets[1].settings).toMatchObject({ assets: ['build/*.tar.gz'], checksums: true });
    // A mistake inside a flow mapping spread over lines is reported at its own line.
    const error = await configError(rewritten.replace('tier: 1,\n      assets', 'tier: 7,\n      assets'));
    expect([error.line, error.key]).toEqual([11, 'targets[1].tier']);
  });

  test("the suite's own config loads, its folded (>-) build command joined into one line", async () => {
    const config = await parseConfig(read(SELF), SELF);
    expect(config.targets.map((t) => [t.name, t.type, t.line])).toEqual([
      ['github', 'github-release', lineOf(read(SELF), '- name: github')],
    ]);
    expect(config.build?.command).toBe(
      'tar -cf - action.yml publish/action.yml publish/dist actions/*/action.yml actions/*/dist packages/cli/dist' +
        ' | tar -xf - -C "$DEPLOY_OUT"',
    );
    expect(config.build?.archive).toBe('deploy-actions-{version}');
  });

  test('a mistake in a real config is named by file, line and key', async () => {
    const text = read(EXAMPLE).replace('type: crates, tier: 3', 'type: crates, tier: 9');
    const error = await configError(text);
    expect([error.file, error.line, error.key]).toEqual([
      'deploy.yml',
      lineOf(text, 'tier: 9'),
      'targets[4].tier',
    ]);
    const misspelt = read(SELF).replace('  checksums: true', '  checksum: true');
    const unknown = await configError(misspelt);
    expect([unknown.line, unknown.key]).toEqual([
      lineOf(misspelt, '  checksum: true'),
      'targets[0].checksum',
    ]);
    expect(unknown.hint).toMatch(/Known keys here/);
  });

  test('the flatpak manifest loads with every scalar as written (failsafe schema)', async () => {
    const manifest = await parseManifest(read(MANIFEST), MANIFEST);
    expect(manifest).toEqual({
      'app-id': 'com.acme.App',
      runtime: 'org.deployactions.Platform',
      'runtime-version': '1',
      sdk: 'org.deployactions.Platform',
      command: 'acme-app',
      modules: [
        {
          name: 'acme-app',
          buildsystem: 'simple',
          'build-commands': [
            'mkdir -p /app/bin /app/share/metainfo',
            'cp acme-app.sh /app/bin/acme-app',
            'chmod 755 /app/bin/acme-app',
            'cp com.acme.App.metainfo.xml /app/share/metainfo/',
          ],
          sources: [
            { type: 'file', path: 'acme-app.sh' },
            { type: 'file', path: 'com.acme.App.metainfo.xml' },
          ],
        },
      ],
    });
  });

  test.each([
    [
      'core',
      {
        a: 15,
        b: 31,
        c: 12,
        d: 1000,
        e: 0.5,
        f: -Infinity,
        h: null,
        j: true,
        k: false,
        l: 1,
        m: '1_000',
        n: '2001-12-14',
        o: 1.1,
      },
    ],
    [
      'failsafe',
      {
        a: '0o17',
        b: '0x1F',
        c: '+12',
        d: '1e3',
        e: '.5',
        f: '-.inf',
        h: '~',
        j: 'TRUE',
        k: 'false',
        l: '01',
        m: '1_000',
        n: '2001-12-14',
        o: '1.10',
      },
    ],
  ] as const)('scalars resolve by the %s schema, each on its line', (schema, expected) => {
    const text =
      'a: 0o17\nb: 0x1F\nc: +12\nd: 1e3\ne: .5\nf: -.inf\nh: ~\nj: TRUE\nk: false\nl: 01\nm: 1_000\nn: 2001-12-14\no: 1.10\n';
    const root = parseYaml(text, schema).root;
    expect(root?.kind).toBe('map');
    if (root?.kind !== 'map') return;
    const keys = Object.keys(expected);
    expect(
      root.items.map((p) => [
        p.key.kind === 'scalar' && p.key.value,
        p.value?.kind === 'scalar' && p.value.value,
        p.value?.line,
      ]),
    ).toEqual(keys.map((k, i) => [k, expected[k as keyof typeof expected], i + 1]));
  });

  test.each([
    ['a duplicate key', 'targets: []\ntargets: []\n', 2],
    ['an unclosed flow sequence', 'targets:\n  - [a, b\n', 3],
    ['a tab as indentation', 'targets:\n\t- a\n', 2],
  ])('refuses %s with its line', async (_, text, line) => {
    const error = await configError(text);
    expect(error.message).toMatch(/^deploy\.yml:\d+: is not valid YAML: /);
    expect(error.line).toBe(line);
  });
});
