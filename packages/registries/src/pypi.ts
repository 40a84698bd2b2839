// Placeholder until this registry's client lands.
import type { ClientOptions, RegistryClient, TargetIdentity } from './types.js';

export function createClient(_name: string, _options: ClientOptions): RegistryClient {
  throw new Error('this registry client is not implemented yet');
}

export function identify(_settings: Record<string, unknown>, _cwd: string): TargetIdentity {
  throw new Error('this registry client is not implemented yet');
}
