/**
 * GitHub Packages (`registry: github` on npm targets): a package outside the repository
 * owner's scope, or unscoped, is one error on `registry` before any request, in the publisher,
 * the orchestrator's plan and build-matrix. GitHub Packages' npm registry is the tripwire here
 * (DEPLOY_ACTIONS_GITHUB_NPM_REGISTRY), so any request to it fails the case.
 */
import type { BadInputCase } from './corpus.js';

const CONFIG = '.github/deploy-actions.yml';
const ENV = {
  GITHUB_REPOSITORY: 'acme/tool',
  GITHUB_TOKEN: 'ghs_corpus_token_3b7f',
  DEPLOY_ACTIONS_GITHUB_NPM_REGISTRY: '{{TRIPWIRE}}',
};
const files = (name: string) => ({
  'npm/package.json': JSON.stringify({ name, version: '1.2.3' }),
  VERSION: '1.2.3\n',
  [CONFIG]: 'targets:\n  - { name: gpr, type: npm, tier: 1, path: npm, registry: github }\n',
});

export const GITHUB_PACKAGES_CASES: BadInputCase[] = [
  {
    name: 'github packages: publish-npm of a package outside the owner scope',
    action: 'publish-npm',
    inputs: { path: 'npm', registry: 'github', version: '1.2.3' },
    env: ENV,
    files: files('@someone-else/tool'),
    names: /'registry'.*scope @someone-else is not the repository's owner \(acme\)/,
  },
  {
    name: 'github packages: publish of an unscoped package',
    action: 'publish',
    inputs: { target: 'gpr', version: '1.2.3' },
    env: ENV,
    files: files('tool'),
    names: /'registry'.*only scoped packages/,
  },
  {
    name: 'github packages: the orchestrator plans a package outside the owner scope',
    action: 'release',
    inputs: { version: '1.2.3' },
    env: { ...ENV, GITHUB_REPOSITORY: 'Acme-Labs/tool' },
    files: files('@acme/tool'),
    names: /registry.*scope @acme is not the repository's owner \(Acme-Labs\)/,
  },
  {
    name: 'github packages: build-matrix checks a package outside the owner scope',
    action: 'build-matrix',
    inputs: { version: '1.2.3' },
    env: ENV,
    files: files('@other/tool'),
    names: /registry.*scope @other is not the repository's owner/,
  },
];
