/**
 * The plan of a release: which targets are selected (`platforms`), which already have the
 * version (skipped unless forced), and the matrix a workflow's `strategy.matrix` consumes.
 */
import { InputError } from '@deploy-actions/action-kit/errors';
import type { CheckResult } from './check.js';
import type { BuildConfig, Policy, ReleaseConfig, TargetConfig } from './config-types.js';
import type { TargetType } from './targets.js';

export interface MatrixEntry {
  target: string;
  type: TargetType;
  tier: number;
  policy: Policy;
  version: string;
  skip: boolean;
  reason: string;
}

/**
 * `all`, `tier1`/`tier2`/..., or target names (any mix, comma or newline separated). An
 * unknown name is an error naming the input, listing the targets there are.
 */
export function selectTargets(
  config: ReleaseConfig,
  platforms: string[],
  input = 'platforms',
): TargetConfig[] {
  if (!platforms.length || platforms.includes('all')) return config.targets;
  const chosen = new Set<string>();
  for (const item of platforms) {
    const tier = /^tier([1-9]\d?)$/.exec(item);
    if (tier) {
      const n = Number(tier[1]);
      if (!config.tiers.has(n))
        throw InputError.bad(
          input,
          item,
          `names a tier that ${config.file} does not define`,
          `Tiers: ${[...config.tiers.keys()].map((t) => `tier${t}`).join(', ')}.`,
        );
      for (const t of config.targets) if (t.tier === n) chosen.add(t.name);
    } else if (config.targets.some((t) => t.name === item)) chosen.add(item);
    else
      throw InputError.bad(
        input,
        item,
        `is not a target of ${config.file}`,
        `Use all, tier1, tier2, tier3 or target names: ${config.targets.map((t) => t.name).join(', ')}.`,
      );
  }
  return config.targets.filter((t) => chosen.has(t.name));
}

export function planEntries(
  targets: TargetConfig[],
  version: string,
  checks: CheckResult[] | undefined,
  force: boolean,
): MatrixEntry[] {
  return targets.map((t) => {
    const check = checks?.find((c) => c.target === t.name);
    const base = { target: t.name, type: t.type, tier: t.tier, policy: t.policy, version };
    if (!check) return { ...base, skip: false, reason: 'not checked' };
    if (check.published === 'unknown')
      return {
        ...base,
        skip: false,
        reason: `state unknown (${check.error ?? 'no answer'}); the publisher checks again`,
      };
    if (check.published && force)
      return { ...base, skip: false, reason: 'published; force republishes where the registry allows it' };
    if (check.published) return { ...base, skip: true, reason: `${version} is already published` };
    return { ...base, skip: false, reason: `${version} is not published yet` };
  });
}

export interface BuildMatrixEntry {
  platform: string;
  os: string;
  arch: string;
  'runs-on': string;
}

/** One fan-out build job per platform of `build:`, on the runner `runs-on` names for its OS. */
export function buildMatrix(build: BuildConfig): BuildMatrixEntry[] {
  return build.platforms.map((p) => ({
    platform: p.platform,
    os: p.os,
    arch: p.arch,
    'runs-on': build.runsOn[p.os] ?? 'ubuntu-latest',
  }));
}
