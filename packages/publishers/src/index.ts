import type { PublisherModule } from './types.js';
export type * from './types.js';
export { semverOf } from './types.js';

/** Lazy: a publisher's code is loaded only when its target runs. */
export const PUBLISHER_LOADERS: Record<string, () => Promise<PublisherModule>> = {
  npm: () => import('./npm.js'),
  pypi: () => import('./pypi.js'),
  crates: () => import('./crates.js'),
  docker: () => import('./docker.js'),
  'github-release': () => import('./github-release.js'),
  flatpak: () => import('./flatpak.js'),
};

export async function loadPublisher(type: string): Promise<PublisherModule> {
  const loader = PUBLISHER_LOADERS[type];
  if (!loader) throw new Error(`no publisher for type ${type}`);
  return loader();
}
