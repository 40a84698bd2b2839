/**
 * Bad input of the homebrew and scoop targets that must be refused before anything is sent.
 * (A tap that is not there, a token without write access and a release that lacks a
 * platform's archive need the servers: test/integration/taps.test.itg.ts.)
 */
import type { BadInputCase } from './corpus.js';

const HOSTILE_NAMES = [
  '../../etc/passwd',
  '$(id)',
  'acme"; system("id',
  'Acme',
  'acme\n::error::x',
  '#{`id`}',
];

export const TAPS_CASES: BadInputCase[] = [
  ...['acme', 'acme/homebrew-tap/extra', '../acme/tap', 'acme/$(id)'].map((tap) => ({
    name: `homebrew: malformed tap ${JSON.stringify(tap)}`,
    action: 'publish-homebrew',
    inputs: { version: '1.2.3', tap },
    env: { HOMEBREW_TAP_TOKEN: 'x' },
    names: "'tap'",
  })),
  ...HOSTILE_NAMES.map((formula) => ({
    name: `homebrew: hostile formula name ${JSON.stringify(formula)}`,
    action: 'publish-homebrew',
    inputs: { version: '1.2.3', tap: 'acme/homebrew-tap', formula, registry: '{{TRIPWIRE}}' },
    env: { HOMEBREW_TAP_TOKEN: 'x' },
    names: "'formula'",
  })),
  {
    name: 'homebrew: no tap and no git URL',
    action: 'publish-homebrew',
    inputs: { version: '1.2.3' },
    names: "'tap'",
  },
  {
    name: 'homebrew: registry neither an API base nor a git URL',
    action: 'publish-homebrew',
    inputs: { version: '1.2.3', tap: 'acme/homebrew-tap', registry: 'ftp://127.0.0.1/tap' },
    names: "'registry'",
  },
  {
    name: 'homebrew: hostile branch',
    action: 'publish-homebrew',
    inputs: { version: '1.2.3', tap: 'acme/homebrew-tap', branch: '--upload-pack=id' },
    names: "'branch'",
  },
  {
    name: 'homebrew: run without a config has no release archives to point at',
    action: 'publish-homebrew',
    inputs: { version: '1.2.3', tap: 'acme/homebrew-tap', registry: '{{TRIPWIRE}}' },
    env: { HOMEBREW_TAP_TOKEN: 'x' },
    names: "'release'",
  },
  ...['acme', 'acme/scoop/extra'].map((bucket) => ({
    name: `scoop: malformed bucket ${JSON.stringify(bucket)}`,
    action: 'publish-scoop',
    inputs: { version: '1.2.3', bucket },
    names: "'bucket'",
  })),
  ...HOSTILE_NAMES.map((app) => ({
    name: `scoop: hostile app name ${JSON.stringify(app)}`,
    action: 'publish-scoop',
    inputs: { version: '1.2.3', bucket: 'acme/scoop-bucket', app, registry: '{{TRIPWIRE}}' },
    env: { SCOOP_BUCKET_TOKEN: 'x' },
    names: "'app'",
  })),
  {
    name: 'scoop: ssh-key-env that is no variable name',
    action: 'publish-scoop',
    inputs: { version: '1.2.3', bucket: 'acme/scoop-bucket', 'ssh-key-env': 'A B; id' },
    names: "'ssh-key-env'",
  },
];
