/**
 * The shape of a parsed config file and its constants. The parser (config.ts, with the YAML
 * library) is loaded only when a config file is read: see config-load.ts.
 */
import type { VersionSource } from '@deploy-actions/version';
import type { TargetSettings, TargetType } from './targets.js';
import { HEALTH_SETTINGS, ROUTER_SETTINGS } from '@deploy-actions/deploy/setting-keys';

export const POLICIES = ['required', 'best-effort', 'experimental'] as const;
export type Policy = (typeof POLICIES)[number];
export const DEFAULT_CONFIG_FILE = '.github/deploy-actions.yml';

export interface TargetConfig {
  name: string;
  type: TargetType;
  tier: number;
  policy: Policy;
  line?: number;
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
}

export const DEFAULT_TIERS: ReadonlyMap<number, Policy> = new Map<number, Policy>([
  [1, 'required'],
  [2, 'best-effort'],
  [3, 'experimental'],
]);

/** `deploy.router`: the router's type and what the routers read (one list with the actions' inputs). */
export const ROUTER_KEYS = ['type', ...ROUTER_SETTINGS] as const;
/** `deploy.health`: what the health gate reads (one list with the actions' inputs). */
export const HEALTH_KEYS = HEALTH_SETTINGS;
export const DEPLOY_KEYS = ['strategy', 'router', 'steps', 'step-interval', 'health', 'rollback'];
