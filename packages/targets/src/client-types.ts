/**
 * One interface for every registry. A registry file exports `createClient` and (for the config
 * path) `identify`, and the index loads it lazily so an action only loads what it uses.
 */
import type { HttpClient } from '@deploy-actions/action-kit/http';
import type { Reporter } from '@deploy-actions/action-kit/log';

export interface ClientOptions {
  http: HttpClient;
  /** The registry's base URL; each registry has its public default. */
  registry?: string;
  /** A credential for private registries or higher rate limits. */
  token?: string;
  /** docker: the user name paired with `token` for basic auth or the token exchange. */
  username?: string;
  reporter?: Reporter;
  env?: NodeJS.ProcessEnv;
  /** From `identify`: settings of the config target that decide where to look (flatpak's mode). */
  target?: Record<string, unknown>;
}

export interface RegistryClient {
  /** `type:name`, as check-published's `targets` input spells it. */
  readonly id: string;
  /** The registry's base URL, for reports. */
  readonly registry: string;
  /** Whether this exact version is published (yanked counts as published). */
  exists(version: string): Promise<boolean>;
  /** Every published version, in the registry's own spelling. */
  versions(): Promise<string[]>;
  /** The highest stable version, or undefined when there is none. */
  latest(): Promise<string | undefined>;
  /** A page a person can open for this version. */
  url(version: string): string;
}

/** How to find a target's package name from its config settings (package.json name, image...). */
export interface TargetIdentity {
  name: string;
  registry?: string;
  /** Settings the client needs beyond name and registry (passed back as ClientOptions.target). */
  target?: Record<string, unknown>;
}

export interface RegistryModule {
  createClient(name: string, options: ClientOptions): RegistryClient;
  /** A promise where finding the identity reads a file that needs a parser loaded (flatpak's YAML). */
  identify(
    settings: Record<string, unknown>,
    cwd: string,
    /** The process environment, for identities that depend on it (GitHub Packages' owner). */
    env?: NodeJS.ProcessEnv,
  ): TargetIdentity | Promise<TargetIdentity>;
  /**
   * A workspace target's packages (npm `workspaces: true`, a cargo workspace), each with its own
   * version on the registry; undefined for a target that publishes one package.
   */
  members?(settings: Record<string, unknown>, cwd: string): Promise<string[] | undefined>;
}
