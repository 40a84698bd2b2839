/**
 * Bad input for the aur and snap targets: each must stop with one error naming the input,
 * before any request (the registries point at the tripwire).
 */
import type { BadInputCase } from './corpus.js';

const CONFIG = '.github/deploy-actions.yml';
const KEY =
  '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n';
const HOST =
  '[127.0.0.1]:2222 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl';
const config = (target: string, platforms = '[linux/amd64, linux/arm64]') => ({
  [CONFIG]: `targets:
  - { name: gh, type: github-release, tier: 1, repository: acme/app, registry: '{{TRIPWIRE}}', assets: build }
  - ${target}
build:
  command: 'true'
  platforms: ${platforms}
  binary: acme
`,
});
const aur = (extra: string) => `{ name: aur, type: aur, tier: 2, release: gh, rpc: '{{TRIPWIRE}}'${extra} }`;
const snap = (extra: string) => `{ name: snap, type: snap, tier: 3, registry: '{{TRIPWIRE}}'${extra} }`;
const run = (
  name: string,
  files: Record<string, string>,
  env: Record<string, string>,
  target: string,
  names: string | RegExp,
): BadInputCase => ({
  name,
  action: 'publish',
  inputs: { target, version: '1.2.3' },
  env,
  files,
  names,
});
const AUR_ENV = { AUR_SSH_PRIVATE_KEY: KEY };
const GOOD_AUR = `, package: acme-bin, registry: 'ssh://aur@127.0.0.1:1/acme-bin.git', known-hosts: '${HOST}'`;

export const AUR_SNAP_CASES: BadInputCase[] = [
  ...['Acme-Bin', '-acme', 'acme bin', 'acme;rm -rf /', '$(id)', '../../etc/passwd', '.hidden'].map((pkg) =>
    run(
      `aur: bad package name ${JSON.stringify(pkg)}`,
      config(aur(`, package: ${JSON.stringify(pkg)}, known-hosts: '${HOST}'`)),
      AUR_ENV,
      'aur',
      "'package'",
    ),
  ),
  run('aur: no ssh key', config(aur(GOOD_AUR)), {}, 'aur', "'token'"),
  run(
    'aur: a key that is no private key',
    config(aur(GOOD_AUR)),
    { AUR_SSH_PRIVATE_KEY: 'ghp_notakey123456' },
    'aur',
    "'token'",
  ),
  run(
    'aur: unpinned host key',
    config(aur(`, package: acme-bin, registry: 'ssh://aur@127.0.0.1:1/acme-bin.git'`)),
    AUR_ENV,
    'aur',
    "'known-hosts'",
  ),
  run(
    'aur: known-hosts that is not a key line',
    config(
      aur(
        `, package: acme-bin, registry: 'ssh://aur@127.0.0.1:1/acme-bin.git', known-hosts: 'StrictHostKeyChecking=no'`,
      ),
    ),
    AUR_ENV,
    'aur',
    "'known-hosts'",
  ),
  run(
    'aur: registry with an option for ssh',
    config(aur(`, package: acme-bin, registry: '-oProxyCommand=id', known-hosts: '${HOST}'`)),
    AUR_ENV,
    'aur',
    "'registry'",
  ),
  run(
    'aur: a build without a Linux archive',
    config(aur(GOOD_AUR), '[windows/amd64, darwin/arm64]'),
    AUR_ENV,
    'aur',
    "'release'",
  ),
  run(
    'aur: hostile description',
    config(aur(`${GOOD_AUR}, description: "a\\nb"`)),
    AUR_ENV,
    'aur',
    /'release'|'description'/,
  ),
  ...['Acme', 'a--b', '1234', 'acme_cli', 'x'.repeat(41)].map((name) =>
    run(
      `snap: bad snap name ${JSON.stringify(name)}`,
      config(snap(`, snap: '${name}'`)),
      { SNAPCRAFT_STORE_CREDENTIALS: 'e30=' },
      'snap',
      "'snap'",
    ),
  ),
  run('snap: no credentials', config(snap(', snap: acme')), {}, 'snap', "'SNAPCRAFT_STORE_CREDENTIALS'"),
  run(
    'snap: credentials not base64 JSON',
    config(snap(', snap: acme')),
    { SNAPCRAFT_STORE_CREDENTIALS: 'not-base64-json!!' },
    'snap',
    "'SNAPCRAFT_STORE_CREDENTIALS'",
  ),
  run(
    'snap: credentials of another kind',
    config(snap(', snap: acme')),
    { SNAPCRAFT_STORE_CREDENTIALS: Buffer.from('{"t":"candid","v":"x"}').toString('base64') },
    'snap',
    "'SNAPCRAFT_STORE_CREDENTIALS'",
  ),
  run(
    'snap: a channel that is none',
    config(snap(", snap: acme, channels: ['stable; rm -rf /']")),
    { SNAPCRAFT_STORE_CREDENTIALS: 'e30=' },
    'snap',
    "'channels'",
  ),
];
