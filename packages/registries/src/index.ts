import type { RegistryModule } from './types.js';
export type { ClientOptions, RegistryClient, RegistryModule, TargetIdentity } from './types.js';

/** Lazy: a registry's code is loaded only when one of its targets is checked. */
export const REGISTRY_LOADERS: Record<string, () => Promise<RegistryModule>> = {
  npm: () => import('./npm.js'),
  pypi: () => import('./pypi.js'),
  crates: () => import('./crates.js'),
  docker: () => import('./oci.js'),
  'github-release': () => import('./github.js'),
  flatpak: () => import('./flatpak.js'),
};

export async function loadRegistry(type: string): Promise<RegistryModule> {
  const loader = REGISTRY_LOADERS[type];
  if (!loader) throw new Error(`no registry client for type ${type}`);
  return loader();
}
