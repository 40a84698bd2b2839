/**
 * The shape of a parsed config file and its constants. The parser (config.ts, with the YAML
 * library) is loaded only when a config file is read: see config-load.ts.
 */
import type { VersionSource } from '@deploy-actions/version';
import type { TargetSettings, TargetType } from './targets.js';

export const POLICIES = ['required', 'best-effort', 'experimental'] as const;
export type Policy = (typeof POLICIES)[number];
export const DEFAULT_CONFIG_FILE = '.github/deploy-actions.yml';

export interface TargetConfig {
  name: string;
  type: TargetType;
  tier: number;
  policy: Policy;
  line?: number;
  /** The config file the target is in, for errors about it. */
  file?: string;
  settings: TargetSettings;
}

export interface DeployConfig {
  /** Unset: canary when `steps` has more than one step, else blue-green. */
  strategy?: 'blue-green' | 'canary';
  router: Record<string, string>;
  steps: number[];
  stepInterval?: string;
  health: Record<string, string | string[]>;
  rollback: 'auto' | 'manual';
}

export interface ReleaseConfig {
  file: string;
  version: { sources: VersionSource[]; tagPrefix: string; requireMatch: boolean };
  tiers: Map<number, Policy>;
  targets: TargetConfig[];
  deploy?: DeployConfig;
  build?: BuildConfig;
  /** Where release/rollout/rollback records are kept (history.ts); unset: the default. */
  history?: HistoryConfig;
  /** `notify:`: who is told about failures, rollbacks, drift (and successes). */
  notify?: NotifyConfig;
  /** `environments:` by name, each with its deploy section already merged over `deploy:`. */
  environments?: Map<string, EnvironmentConfig>;
  /** The environment chosen (`--env`, the `environment` input), once selectEnvironment ran. */
  environment?: { name: string; url?: string };
}

export const NOTIFY_EVENTS = ['failure', 'rollback', 'drift', 'success'] as const;
export type NotifyEvent = (typeof NOTIFY_EVENTS)[number];
export const NOTIFY_CHANNELS = ['slack', 'teams', 'discord', 'webhook'] as const;
export type NotifyChannelType = (typeof NOTIFY_CHANNELS)[number];
/** What `notify.on` is when the config does not say. */
export const DEFAULT_NOTIFY_ON: readonly NotifyEvent[] = ['failure', 'rollback', 'drift'];
/** Where each channel's URL (and the webhook's secret) is read from by default. */
export const DEFAULT_NOTIFY_ENV: Record<NotifyChannelType, string> = {
  slack: 'SLACK_WEBHOOK_URL',
  teams: 'TEAMS_WEBHOOK_URL',
  discord: 'DISCORD_WEBHOOK_URL',
  webhook: 'DEPLOY_ACTIONS_WEBHOOK_URL',
};
export const DEFAULT_WEBHOOK_SECRET_ENV = 'DEPLOY_ACTIONS_WEBHOOK_SECRET';

export interface NotifyChannelConfig {
  type: NotifyChannelType;
  /** The environment variable holding the webhook URL (a secret: never in the config file). */
  urlEnv: string;
  /** webhook only: the variable holding the HMAC-SHA256 key. */
  secretEnv?: string;
  /** The channel's own events; default the section's `on`. */
  on: NotifyEvent[];
}

export interface NotifyConfig {
  on: NotifyEvent[];
  channels: NotifyChannelConfig[];
}

export interface EnvironmentConfig {
  name: string;
  /** `deploy:` with this environment's keys over it (router and health merged key by key). */
  deploy?: DeployConfig;
  /** The environment's address, shown on GitHub's Environments page. */
  url?: string;
  /** Per target name: settings that differ here (the registry). */
  targets: Record<string, { registry?: string }>;
}

export interface HistoryConfig {
  enabled?: boolean;
  branch?: string;
  file?: string;
}

export const DEFAULT_TIERS: ReadonlyMap<number, Policy> = new Map<number, Policy>([
  [1, 'required'],
  [2, 'best-effort'],
  [3, 'experimental'],
]);

/** The operating systems and architectures a `build:` platform may name (Go's spelling). */
export const BUILD_OSES = ['linux', 'darwin', 'windows', 'freebsd'] as const;
export const BUILD_ARCHES = ['amd64', 'arm64', '386', 'arm', 'riscv64', 'ppc64le', 's390x'] as const;
export type BuildOs = (typeof BUILD_OSES)[number];

export interface BuildPlatform {
  os: BuildOs;
  arch: string;
  /** `os/arch` */
  platform: string;
}

export interface BuildConfig {
  /** A string runs through `bash -c` (as a user wrote it for a shell); a list runs as argv, no shell. */
  command: string | string[];
  platforms: BuildPlatform[];
  /** The runner label of each OS in the fan-out (`runs-on`). */
  runsOn: Record<string, string>;
  binary?: string;
  /** The archive's name without extension: {name}/{binary}, {version}, {os}, {arch}. */
  archive: string;
  /** Globs of other files the command makes, for the targets. */
  artifacts: string[];
  /** Where the archives and SHA256SUMS are written, relative to the workspace. */
  dist: string;
  line?: number;
}

/** `assets: build` on a github-release target: the build's archives (and SHA256SUMS). */
export const BUILD_ASSETS = 'build';

/** What `build.archive` may name in braces, and its default. */
export const ARCHIVE_PLACEHOLDERS: readonly string[] = ['name', 'binary', 'version', 'os', 'arch'];
export const DEFAULT_ARCHIVE = '{name}_{version}_{os}_{arch}';

/** A text value as written (the schema allows numbers where YAML reads text as one). */
export const asText = (value: unknown): string => String(value);
/** A value or a list of values, as a list of text. */
export const asList = (value: unknown): string[] => (Array.isArray(value) ? value : [value]).map(asText);
export const DEFAULT_RUNS_ON: Record<string, string> = {
  linux: 'ubuntu-latest',
  darwin: 'macos-latest',
  windows: 'windows-latest',
  freebsd: 'ubuntu-latest',
};
