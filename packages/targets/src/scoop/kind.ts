/** Scoop buckets as manifest repositories: bucket/<app>.json, or <app>.json when the bucket keeps manifests at its root. */
import {
  githubFileUrl,
  type ManifestFormat,
  type ManifestKind,
  type RepoView,
} from '../binaries/manifest-repo.js';
import { manifestVersion } from './manifest.js';

export const SCOOP: ManifestKind = {
  type: 'scoop',
  repoInput: 'bucket',
  repoNoun: 'bucket',
  tokenEnv: 'SCOOP_BUCKET_TOKEN',
  sshKeyEnv: 'SCOOP_BUCKET_SSH_KEY',
};

/**
 * Where the bucket keeps manifests: bucket/ (Scoop's template and the main buckets), else the
 * root when a root manifest of this app or no bucket/ folder is there and other .json are.
 */
async function manifestPath(view: RepoView, app: string): Promise<string> {
  if (await view.hasDir('bucket')) return `bucket/${app}.json`;
  if ((await view.read(`${app}.json`)) !== undefined) return `${app}.json`;
  return `bucket/${app}.json`;
}

export const manifestFormat = (app: string): ManifestFormat => {
  let found: string | undefined;
  return {
    path: async (view) => (found = await manifestPath(view, app)),
    versionOf: manifestVersion,
    webUrl: (location, branch) => githubFileUrl(location, branch, found ?? `bucket/${app}.json`),
  };
};
