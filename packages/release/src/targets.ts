/**
 * The target types and the settings each accepts, assembled from the table of
 * `@deploy-actions/targets` (each type declares its own in `<type>/settings.ts`). One table
 * serves both sources of settings: a target in the config file, and the inputs of the
 * `publish-*` actions (same names).
 */
import { TARGETS, type SettingSpec, type TargetType } from '@deploy-actions/targets';

export type {
  SettingKind,
  SettingSpec,
  SettingValue,
  TargetSettings,
  TargetType,
} from '@deploy-actions/targets';

export const TARGET_TYPES = Object.keys(TARGETS) as readonly TargetType[];

const perType = <T>(pick: (type: TargetType) => T) =>
  Object.fromEntries(TARGET_TYPES.map((type) => [type, pick(type)])) as Record<TargetType, T>;

export const TARGET_SETTINGS: Record<TargetType, Record<string, SettingSpec>> = perType(
  (type) => TARGETS[type].settings,
);

/** Keys every target has, outside its settings. */
export const TARGET_KEYS = ['name', 'type', 'tier'] as const;

/** The environment variables that hold credentials by default. */
export const DEFAULT_TOKEN_ENV: Record<TargetType, readonly string[]> = perType(
  (type) => TARGETS[type].tokenEnv,
);

/** The variables that hold a target's credential by default, as its settings decide (GitHub Packages). */
export function defaultTokenEnv(
  type: TargetType,
  settings: Record<string, unknown>,
  env: NodeJS.ProcessEnv,
): readonly string[] {
  const definition: {
    tokenEnvFor?: (s: Record<string, unknown>, e: NodeJS.ProcessEnv) => readonly string[];
  } = TARGETS[type];
  return definition.tokenEnvFor?.(settings, env) ?? DEFAULT_TOKEN_ENV[type];
}

export const isTargetType = (value: string): value is TargetType =>
  (TARGET_TYPES as readonly string[]).includes(value);
