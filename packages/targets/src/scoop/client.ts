/**
 * A Scoop bucket as a registry: `scoop:owner/bucket/<app>` is published at the version its
 * bucket/<app>.json (or <app>.json) names at the bucket's head.
 */
import type { ClientOptions, RegistryClient, TargetIdentity } from '../client-types.js';
import { createManifestClient, identifyManifest } from '../binaries/manifest-client.js';
import { SCOOP, manifestFormat } from './kind.js';

export function createClient(name: string, options: ClientOptions): RegistryClient {
  return createManifestClient(SCOOP, { nameInput: 'app', format: manifestFormat }, name, options);
}

export function identify(settings: Record<string, unknown>): TargetIdentity {
  return identifyManifest(SCOOP, 'app', settings);
}
