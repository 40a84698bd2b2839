import { describe, expect, test } from '@jest/globals';
import { selectTargets, planEntries } from '@deploy-actions/release';
import { parseConfig } from '@deploy-actions/release/config';
import { configError } from '../helpers/config-error.js';

const GOOD = `version:
  sources: [input, tag, package.json]
  tag-prefix: v
tiers:
  1: required
  2: best-effort
  3: experimental
targets:
  - { name: npm, type: npm, tier: 1, path: ./npm, dist-tag: auto, provenance: auto }
  - { name: pypi, type: pypi, tier: 1, dist: 'python/dist/*' }
  - { name: gh, type: github-release, tier: 1, assets: ['build/*.tar.gz'], checksums: true }
  - { name: docker, type: docker, tier: 3, image: docker.io/acme/app, tags: auto }
  - { name: crates, type: crates, tier: 3, manifest: rust/Cargo.toml }
  - { name: flathub, type: flatpak, tier: 3, manifest: packaging/flatpak/com.acme.App.yml, mode: bundle }
deploy:
  strategy: blue-green
  router: { type: nginx, upstream-file: /etc/nginx/conf.d/app-upstream.conf, blue: 127.0.0.1:8081, green: 127.0.0.1:8082 }
  steps: [10, 50, 100]
  health: { url: http://127.0.0.1:8080/health, interval: 2s, timeout: 60s, failure-threshold: 3, max-error-rate: 5%, max-p95: 2s }
  rollback: auto
`;

describe('config file', () => {
  test('the example of CONTRACT.md parses, with defaults filled in', async () => {
    const config = await parseConfig(GOOD, 'deploy.yml');
    expect(config.targets.map((t) => [t.name, t.type, t.tier, t.policy])).toEqual([
      ['npm', 'npm', 1, 'required'],
      ['pypi', 'pypi', 1, 'required'],
      ['gh', 'github-release', 1, 'required'],
      ['docker', 'docker', 3, 'experimental'],
      ['crates', 'crates', 3, 'experimental'],
      ['flathub', 'flatpak', 3, 'experimental'],
    ]);
    expect(config.targets[0].settings).toMatchObject({
      path: './npm',
      'dist-tag': 'auto',
      provenance: 'auto',
    });
    expect(config.targets[3].settings.tags).toEqual(['auto']);
    expect(config.version).toEqual({
      sources: ['input', 'tag', 'package.json'],
      tagPrefix: 'v',
      requireMatch: true,
    });
    expect(config.deploy?.steps).toEqual([10, 50, 100]);
    expect(config.deploy?.router.type).toBe('nginx');
  });

  test.each([
    [
      'an unknown key',
      'targets:\n  - { name: a, type: npm, tier: 1, colour: red }\n',
      2,
      'targets[0].colour',
      /not a known key/,
    ],
    [
      'an unknown type',
      'targets:\n  - name: a\n    type: maven\n    tier: 1\n',
      3,
      'targets[0].type',
      /"maven" is not a target type/,
    ],
    [
      'a tier without a policy',
      'targets:\n  - name: a\n    type: npm\n    tier: 4\n',
      4,
      'targets[0].tier',
      /tier 4 has no policy/,
    ],
    [
      'a duplicate name',
      'targets:\n  - { name: a, type: npm, tier: 1 }\n  - { name: a, type: npm, tier: 2 }\n',
      3,
      'targets[1].name',
      /duplicate target name "a" \(first on line 2\)/,
    ],
    [
      'a missing required key',
      'targets:\n  - { name: d, type: docker, tier: 3 }\n',
      2,
      'd.image',
      /is required/,
    ],
    [
      'a wrong type of value',
      'targets:\n  - { name: g, type: github-release, tier: 1, checksums: yes-please }\n',
      2,
      'g.checksums',
      /not true or false/,
    ],
    [
      'an unknown policy',
      'tiers:\n  1: mandatory\ntargets: []\n',
      2,
      'tiers.1',
      /"mandatory" is not a policy/,
    ],
    [
      'an unknown top-level key',
      'target:\n  - { name: a, type: npm, tier: 1 }\n',
      1,
      'target',
      /not a known key/,
    ],
    [
      'steps that do not increase',
      'targets: []\ndeploy:\n  router: { type: nginx }\n  steps: [50, 10, 100]\n',
      4,
      'deploy.steps',
      /must increase/,
    ],
    [
      'a bad duration',
      'targets: []\ndeploy:\n  router: { type: nginx }\n  health: { interval: soon }\n',
      4,
      'deploy.health.interval',
      /not a duration/,
    ],
    [
      'an unknown router',
      'targets: []\ndeploy:\n  router: { type: haproxy }\n',
      3,
      'deploy.router.type',
      /not a router/,
    ],
  ])('refuses %s, naming the line and key', async (_, text, line, key, message) => {
    const error = await configError(text);
    expect(error.file).toBe('deploy.yml');
    expect(error.line).toBe(line);
    expect(error.key).toBe(key);
    expect(error.message).toMatch(message);
    // The same file behind a directive and a document marker: the same error, two lines down.
    const full = await configError(`%YAML 1.2\n---\n${text}`);
    const shifted = (m: string) => m.replace(/(yml:|line )(\d+)/g, (_, at, n) => `${at}${Number(n) + 2}`);
    expect([full.line, full.key, full.message]).toEqual([line + 2, key, shifted(error.message)]);
  });

  test('refuses broken YAML with its line', async () => {
    const error = await configError('targets:\n  - { name: a, type: npm\n');
    expect(error.message).toMatch(/not valid YAML/);
    expect(error.line).toBeGreaterThanOrEqual(2);
  });

  test('refuses a YAML alias bomb instead of expanding it', async () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 8; i++)
      lines.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`,
      );
    const error = await configError(lines.join('\n') + '\ntargets: []\n');
    expect(error.message).toMatch(/alias|could not be read|not a known key/i);
  });

  test('platforms select by tier and name; an unknown name is an error listing the targets', async () => {
    const config = await parseConfig(GOOD, 'deploy.yml');
    expect(selectTargets(config, ['tier1']).map((t) => t.name)).toEqual(['npm', 'pypi', 'gh']);
    expect(selectTargets(config, ['docker', 'tier1']).map((t) => t.name)).toEqual([
      'npm',
      'pypi',
      'gh',
      'docker',
    ]);
    expect(selectTargets(config, ['all'])).toHaveLength(6);
    expect(() => selectTargets(config, ['nuget'])).toThrow(
      /Invalid input 'platforms': "nuget" is not a target of deploy.yml/,
    );
    expect(() => selectTargets(config, ['tier7'])).toThrow(/tier7/);
  });

  test('the plan skips what is published, unless forced, and never skips an unknown', async () => {
    const config = await parseConfig(GOOD, 'deploy.yml');
    const [npm, pypi, gh] = config.targets;
    const check = (target: string, published: boolean | 'unknown') => ({
      target,
      type: 'npm' as const,
      name: target,
      registry: '',
      version: '1.0.0',
      published,
      durationMs: 1,
    });
    const checks = [check('npm', true), check('pypi', false), check('gh', 'unknown')];
    const plan = planEntries([npm, pypi, gh], '1.0.0', checks, false);
    expect(plan.map((e) => [e.target, e.skip])).toEqual([
      ['npm', true],
      ['pypi', false],
      ['gh', false],
    ]);
    expect(planEntries([npm], '1.0.0', checks, true)[0].skip).toBe(false);
  });
});
