import { inputs } from '@deploy-actions/action-kit';
import { resolveDirectoryInside, workspace } from '@deploy-actions/action-kit/paths';
import { parseSources, validateTagPrefix, type VersionSource } from '@deploy-actions/version';

export interface Inputs {
  version?: string;
  tag?: string;
  sources: VersionSource[];
  'tag-prefix': string;
  'require-match': boolean;
  'working-directory': string;
}

export function getInputs(): Inputs {
  return {
    version: inputs.optional('version'),
    tag: inputs.optional('tag') ?? process.env.GITHUB_REF,
    sources: parseSources('sources', inputs.list('sources')),
    'tag-prefix': validateTagPrefix('tag-prefix', inputs.raw('tag-prefix')),
    'require-match': inputs.bool('require-match', true),
    'working-directory': resolveDirectoryInside(
      workspace(),
      inputs.raw('working-directory') || '.',
      'working-directory',
    ),
  };
}
