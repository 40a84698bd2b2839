import { describe, expect, test } from '@jest/globals';
import { InputError } from '@deploy-actions/action-kit/errors';
import { planTags, validateTagTemplates } from '@deploy-actions/targets/docker/tags';
import { parseSemVer } from '@deploy-actions/version';

const v = (text: string) => parseSemVer(text)!;
/** The tags a version gets (applied ones only), as a user reads them. */
const applied = (version: string, published: string[], templates = ['auto']) =>
  planTags(v(version), templates, published)
    .filter((t) => t.apply)
    .map((t) => t.tag);

describe('auto tags', () => {
  test.each([
    // version, tags already in the registry, tags this version gets
    ['1.2.3', [], ['1.2.3', '1.2', '1', 'latest']],
    ['1.2.3', ['1.2.2', '1.2', '1', 'latest'], ['1.2.3', '1.2', '1', 'latest']],
    ['1.1.5', ['1.2.3', '1.2', '1', 'latest'], ['1.1.5', '1.1']],
    ['1.2.4', ['1.2.3', '1.3.0'], ['1.2.4', '1.2']],
    ['1.9.0', ['2.0.0', '1.8.0'], ['1.9.0', '1.9', '1']],
    ['2.0.0-rc.1', ['1.2.3', '1.1.5'], ['2.0.0-rc.1']],
    ['3.0.0', ['1.2.3', '2.0.0-rc.1', '4.0.0-beta.1'], ['3.0.0', '3.0', '3', 'latest']],
    // a rerun of the highest keeps its tags (equal counts as highest)
    ['1.2.3', ['1.2.3', '1.1.5', '1.2', '1', 'latest'], ['1.2.3', '1.2', '1', 'latest']],
    // 0.y.z gets no bare `0` tag
    ['0.4.1', ['0.4.0'], ['0.4.1', '0.4', 'latest']],
    // tags that are not versions are ignored when ranking
    ['1.0.0', ['latest', 'edge', 'sha-abc', '9', '9.9'], ['1.0.0', '1.0', '1', 'latest']],
    // build metadata cannot be in a tag: + becomes -
    ['1.0.0+build.5', [], ['1.0.0-build.5', '1.0', '1', 'latest']],
  ])('%s over %j gets %j', (version, published, expected) => {
    expect(applied(version, published as string[])).toEqual(expected);
  });

  test('the sequence 1.2.3, hotfix 1.1.5, 2.0.0-rc.1 against the growing registry', () => {
    const registry = new Map<string, string>();
    for (const version of ['1.2.3', '1.1.5', '2.0.0-rc.1'])
      for (const tag of applied(version, [...registry.keys()])) registry.set(tag, version);
    expect(Object.fromEntries([...registry].sort())).toEqual({
      '1': '1.2.3',
      '1.1': '1.1.5',
      '1.1.5': '1.1.5',
      '1.2': '1.2.3',
      '1.2.3': '1.2.3',
      '2.0.0-rc.1': '2.0.0-rc.1',
      latest: '1.2.3',
    });
  });

  test('held-back tags say why', () => {
    const plan = planTags(v('1.1.5'), ['auto'], ['1.2.3']);
    expect(plan.filter((t) => !t.apply)).toEqual([
      { tag: '1', rule: 'major', apply: false, reason: 'a higher stable version is in the 1.x line' },
      { tag: 'latest', rule: 'latest', apply: false, reason: 'a higher stable version is in the registry' },
    ]);
    expect(planTags(v('2.0.0-rc.1'), ['auto'], []).find((t) => t.tag === 'latest')?.reason).toBe(
      'a prerelease takes only its own tag',
    );
  });
});

describe('tag templates', () => {
  test.each([
    [['{{version}}'], '1.2.3', [], ['1.2.3']],
    [['{{major}}.{{minor}}'], '1.2.3', [], ['1.2.3', '1.2']],
    [['{{major}}', 'stable'], '1.1.5', ['1.2.3'], ['1.1.5', 'stable']],
    [['{{major}}.{{minor}}.{{patch}}-alpine', 'latest'], '1.1.5', ['1.2.3'], ['1.1.5', '1.1.5-alpine']],
    [['{{ major }}'], '0.3.0', [], ['0.3.0', '0']],
    [['edge', '{{version}}-slim'], '2.0.0-rc.1', ['1.0.0'], ['2.0.0-rc.1', 'edge', '2.0.0-rc.1-slim']],
    [['auto', 'stable'], '1.0.0', [], ['1.0.0', '1.0', '1', 'latest', 'stable']],
    [['latest', 'auto'], '1.0.0', [], ['1.0.0', 'latest', '1.0', '1']],
  ])('%j for %s over %j gives %j', (templates, version, published, expected) => {
    expect(applied(version, published as string[], templates as string[])).toEqual(expected);
  });

  test.each([
    ['{{sha}}', /unknown placeholder \{\{sha\}\}/],
    ['-leading', /not a valid Docker tag/],
    ['has space', /not a valid Docker tag/],
    ['a/b', /not a valid Docker tag/],
    ['x'.repeat(129), /not a valid Docker tag/],
  ])('%s is refused naming the input', (template, message) => {
    expect(() => validateTagTemplates([template])).toThrow(InputError);
    expect(() => validateTagTemplates([template])).toThrow(message);
    expect(() => validateTagTemplates([template])).toThrow(/Invalid input 'tags'/);
  });

  test('an empty list is refused', () => {
    expect(() => validateTagTemplates([])).toThrow(/Invalid input 'tags'/);
  });
});
