/**
 * Which tags a version gets. `auto` is X.Y.Z always, and X.Y, X and `latest` only while this
 * version is the highest stable of that line among the registry's tags: a hotfix 1.1.5 after
 * 1.2.3 gets 1.1.5 and 1.1, never 1 or latest; a prerelease gets only its own tag. The same
 * rules hold for the templates `{{major}}`, `{{major}}.{{minor}}` and the literal `latest`;
 * any other template (`{{version}}-alpine`, `stable`) is pushed as written.
 */
import { InputError } from '@deploy-actions/action-kit/errors';
import { TAG, versionTag } from './oci-reference.js';
import { isHighestStable, isStable, type SemVer } from '@deploy-actions/version';

/** Why a tag is (or is not) pushed. */
export type TagRule = 'version' | 'minor' | 'major' | 'latest' | 'literal';

export interface PlannedTag {
  tag: string;
  rule: TagRule;
  /** Whether this version gets the tag now. */
  apply: boolean;
  /** For a tag held back: why, in a few words. */
  reason?: string;
}

const PLACEHOLDER = /\{\{\s*([a-z]+)\s*\}\}/g;
const KNOWN = ['version', 'major', 'minor', 'patch'];

function render(template: string, version: SemVer): string {
  const values: Record<string, string> = {
    version: versionTag(version.raw),
    major: String(version.major),
    minor: String(version.minor),
    patch: String(version.patch),
  };
  return template.replace(PLACEHOLDER, (_, name: string) => values[name]);
}

/** Check every template before anything is sent: unknown placeholders, tags Docker refuses. */
export function validateTagTemplates(templates: string[]): void {
  if (!templates.length)
    throw InputError.bad(
      'tags',
      '',
      'is empty',
      'Use auto, or tag templates such as {{version}} and {{major}}.{{minor}}.',
    );
  const sample: SemVer = {
    raw: '10.20.30-rc.1',
    major: 10,
    minor: 20,
    patch: 30,
    prerelease: ['rc', '1'],
    build: [],
  };
  for (const template of templates) {
    if (template === 'auto') continue;
    for (const [, name] of template.matchAll(PLACEHOLDER))
      if (!KNOWN.includes(name))
        throw InputError.bad(
          'tags',
          template,
          `uses the unknown placeholder {{${name}}}`,
          'Use {{version}}, {{major}}, {{minor}} or {{patch}}.',
        );
    if (!TAG.test(render(template, sample)))
      throw InputError.bad(
        'tags',
        template,
        'is not a valid Docker tag',
        'A tag is 1-128 letters, digits, _, . or -, and does not start with . or -.',
      );
  }
}

function ruleOf(template: string): TagRule {
  const compact = template.replace(/\s+/g, '');
  if (compact === '{{version}}') return 'version';
  if (compact === '{{major}}.{{minor}}') return 'minor';
  if (compact === '{{major}}') return 'major';
  if (compact === 'latest') return 'latest';
  return 'literal';
}

function decide(rule: TagRule, version: SemVer, published: string[]): { apply: boolean; reason?: string } {
  if (rule === 'version' || rule === 'literal') return { apply: true };
  if (!isStable(version)) return { apply: false, reason: 'a prerelease takes only its own tag' };
  const line =
    rule === 'minor'
      ? (v: SemVer) => v.major === version.major && v.minor === version.minor
      : rule === 'major'
        ? (v: SemVer) => v.major === version.major
        : undefined;
  if (isHighestStable(version, published, line)) return { apply: true };
  const scope =
    rule === 'latest'
      ? 'the registry'
      : rule === 'major'
        ? `the ${version.major}.x line`
        : `the ${version.major}.${version.minor}.x line`;
  return { apply: false, reason: `a higher stable version is in ${scope}` };
}

/**
 * The tags for `version` given the templates and the tags the registry already has. The
 * version's own tag comes first and is always there: it is how a rerun knows the version
 * is published.
 */
export function planTags(version: SemVer, templates: string[], publishedTags: string[]): PlannedTag[] {
  validateTagTemplates(templates);
  const expanded: { template: string; auto: boolean }[] = [{ template: '{{version}}', auto: false }];
  for (const template of templates) {
    if (template !== 'auto') expanded.push({ template, auto: false });
    else
      for (const t of ['{{version}}', '{{major}}.{{minor}}', '{{major}}', 'latest'])
        expanded.push({ template: t, auto: true });
  }
  const plan: PlannedTag[] = [];
  for (const { template, auto } of expanded) {
    const rule = ruleOf(template);
    // A bare `0` would promise a stable major line that 0.y.z does not have.
    if (auto && rule === 'major' && version.major === 0) continue;
    const tag = render(template, version);
    if (plan.some((p) => p.tag === tag)) continue;
    plan.push({ tag, rule, ...decide(rule, version, publishedTags) });
  }
  return plan;
}
