/**
 * A Homebrew tap as a registry: `homebrew:owner/homebrew-tap/<formula>` is published at the
 * version its Formula/<formula>.rb names at the tap's head.
 */
import type { ClientOptions, RegistryClient, TargetIdentity } from '../client-types.js';
import { createManifestClient, identifyManifest } from '../binaries/manifest-client.js';
import { HOMEBREW, formulaFormat } from './kind.js';

export function createClient(name: string, options: ClientOptions): RegistryClient {
  return createManifestClient(HOMEBREW, { nameInput: 'formula', format: formulaFormat }, name, options);
}

export function identify(settings: Record<string, unknown>): TargetIdentity {
  return identifyManifest(HOMEBREW, 'formula', settings);
}
