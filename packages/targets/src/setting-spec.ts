/**
 * How a target type declares its settings (`<type>/settings.ts`). One declaration serves the
 * config file's keys, the `publish-<type>` inputs, the runtime check and the JSON Schema.
 */

export type SettingKind = 'string' | 'bool' | 'int' | 'list' | 'url' | 'path' | readonly string[];
export type SettingValue = string | boolean | number | string[];
export type TargetSettings = Record<string, SettingValue | undefined>;

export interface SettingSpec {
  kind: SettingKind;
  description: string;
  default?: SettingValue;
  required?: boolean;
  /** `url` settings: words accepted instead of a URL (npm's `registry: github`). */
  aliases?: readonly string[];
}

/** Settings every target type has; a type may redeclare one (crates' `registry` is no URL). */
export const COMMON_SETTINGS = {
  registry: { kind: 'url', description: "The registry's base URL; defaults to the public registry." },
  'token-env': { kind: 'string', description: 'The environment variable that holds the credential.' },
} satisfies Record<string, SettingSpec>;

/**
 * Settings every package manager of binaries has (homebrew, scoop, winget, chocolatey, aur,
 * snap): the github-release target whose archives its manifest points at.
 */
export const BINARY_SETTINGS = {
  release: {
    kind: 'string',
    description:
      "The github-release target (its name in the config) whose build archives this points at; default: the config's only github-release target.",
  },
} satisfies Record<string, SettingSpec>;
