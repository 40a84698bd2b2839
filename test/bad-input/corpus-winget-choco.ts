/**
 * Bad input for the winget and chocolatey targets: each fails before any request (every
 * registry points at the tripwire) with one error naming the setting.
 */
import type { BadInputCase } from './corpus.js';

const CONFIG = '.github/deploy-actions.yml';
const config = (target: string, platforms = '[linux/amd64, windows/amd64]') => ({
  'package.json': '{"name":"root","version":"1.2.3"}',
  [CONFIG]: [
    'build:',
    "  command: 'true'",
    `  platforms: ${platforms}`,
    '  binary: acme',
    'targets:',
    "  - { name: gh, type: github-release, tier: 1, repository: acme/app, assets: build, registry: '{{TRIPWIRE}}' }",
    `  - ${target}`,
    '',
  ].join('\n'),
});

export const WINGET_CHOCO_CASES: BadInputCase[] = [
  ...['Acme', 'Acme App.Tool', 'Acme.App\n::error::forged', 'Acme.$(id)/x', '.App'].map((id) => ({
    name: `winget id ${JSON.stringify(id)} is not Publisher.Name`,
    action: 'publish-winget',
    inputs: { id, fork: 'acme-bot/winget-pkgs', version: '1.2.3', registry: '{{TRIPWIRE}}' },
    names: "'id'",
  })),
  {
    name: 'winget without fork',
    action: 'publish-winget',
    inputs: { id: 'Acme.App', version: '1.2.3', registry: '{{TRIPWIRE}}' },
    names: "'fork'",
  },
  {
    name: 'winget fork that is no repository',
    action: 'publish-winget',
    inputs: { id: 'Acme.App', fork: 'acme-bot/../x; rm', version: '1.2.3', registry: '{{TRIPWIRE}}' },
    names: "'fork'",
  },
  {
    name: 'winget with a build that has no Windows archive',
    action: 'publish',
    inputs: { target: 'winget', version: '1.2.3' },
    files: config(
      "{ name: winget, type: winget, tier: 3, id: Acme.App, fork: acme-bot/winget-pkgs, release: gh, registry: '{{TRIPWIRE}}' }",
      '[linux/amd64, darwin/arm64]',
    ),
    names: "'release'",
  },
  ...['acme tool', '../acme', 'acme$(id)', 'acme\n::add-mask::x'].map((id) => ({
    name: `chocolatey id ${JSON.stringify(id)}`,
    action: 'publish-chocolatey',
    inputs: { id, version: '1.2.3', registry: '{{TRIPWIRE}}' },
    names: "'id'",
  })),
  ...['1.2.3-1', '1.2.3-averyveryverylongprerelease.1'].map((version) => ({
    name: `chocolatey version ${version} has no SemVer 1 form`,
    action: 'publish-chocolatey',
    inputs: { id: 'acme', version, registry: '{{TRIPWIRE}}' },
    names: "'version'",
  })),
  {
    name: 'chocolatey with a build that has no Windows archive',
    action: 'publish',
    inputs: { target: 'choco', version: '1.2.3' },
    files: config(
      "{ name: choco, type: chocolatey, tier: 2, id: acme, release: gh, registry: '{{TRIPWIRE}}' }",
      '[linux/amd64]',
    ),
    names: "'release'",
  },
];
