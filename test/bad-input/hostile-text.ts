/**
 * Bad input that carries workflow commands (issue 16, classes 2 and 3): the legacy form
 * `##[command …]` that the runner reads anywhere in a line, a newline followed by `::error::`,
 * in inputs, manifests and config keys. Each is still one clear error; the bad-input test reads
 * the output the way the runner does (test/harness/runner-commands.ts) and finds no command but
 * our own, and the CLI's error stays on one line.
 */
import type { BadInputCase } from './corpus.js';

const CONFIG = '.github/deploy-actions.yml';
const LEGACY = '##[set-output name=status;]published';
const FORGED = `\n::error::FORGED ##[add-mask]FORGED`;
const project = {
  'package.json': '{"name":"root","version":"1.2.3"}',
  'npm/package.json': '{"name":"@acme/app","version":"1.2.3"}',
  [CONFIG]: `targets:\n  - { name: npm, type: npm, tier: 1, path: npm, registry: '{{TRIPWIRE}}' }\n`,
};
const hostileManifest = {
  ...project,
  'package.json': JSON.stringify({ name: 'root', version: `1.2.3${FORGED}` }),
};
const hostileKey = {
  ...project,
  [CONFIG]: `${project[CONFIG]}${JSON.stringify(`extra${FORGED} ${LEGACY}`)}: 1\n`,
};

export const HOSTILE_TEXT_CASES: BadInputCase[] = [
  {
    name: 'hostile text: detect-version with a legacy command in the version',
    action: 'detect-version',
    inputs: { version: `1.2.3 ${LEGACY}` },
    files: project,
    names: "'version'",
  },
  {
    name: 'hostile text: detect-version with a forged line in package.json',
    action: 'detect-version',
    files: hostileManifest,
    names: /package\.json/,
  },
  {
    name: 'hostile text: check-published with a legacy command as the target',
    action: 'check-published',
    inputs: { version: '1.2.3', targets: `npm:${LEGACY}` },
    names: "'targets'",
  },
  {
    name: 'hostile text: publish with a legacy command as the target name',
    action: 'publish',
    files: project,
    inputs: { target: LEGACY, version: '1.2.3' },
    names: "'target'",
  },
  {
    name: 'hostile text: release with a forged line in a config key',
    action: 'release',
    files: hostileKey,
    inputs: { version: '1.2.3' },
    names: /deploy-actions\.yml/,
  },
  {
    name: 'hostile text: rollback with a legacy command as the target',
    action: 'rollback',
    files: project,
    inputs: { target: '##[set-output name=rolled-back-to;]0.0.1', reason: `bad deploy ${LEGACY}` },
    names: "'target'",
  },
  {
    name: 'hostile text: health-gate with a legacy command in expect-status',
    action: 'health-gate',
    inputs: { url: '{{TRIPWIRE}}/health', 'expect-status': '200 ##[set-output name=healthy;]true' },
    names: "'expect-status'",
  },
  {
    name: 'hostile text: blue-green-switch with a legacy command as the colour',
    action: 'blue-green-switch',
    inputs: {
      router: 'symlink',
      link: 'current',
      blue: 'blue',
      green: 'green',
      to: '##[set-output name=active;]green',
    },
    names: "'to'",
  },
  {
    name: 'hostile text: cli version from a package.json with a forged line',
    action: 'cli',
    args: ['version'],
    files: hostileManifest,
    names: /package\.json/,
  },
  {
    name: 'hostile text: cli with a forged line in a config key',
    action: 'cli',
    args: ['plan', '--no-check', '--version', '1.2.3'],
    files: hostileKey,
    names: /deploy-actions\.yml/,
  },
  {
    name: 'hostile text: cli --version with a legacy command',
    action: 'cli',
    args: ['version', '--version', `1.2.3 ${LEGACY}`],
    files: project,
    names: "'version'",
  },
  {
    name: 'hostile text: cli --targets with a forged line and a legacy command',
    action: 'cli',
    args: ['check', '--version', '1.2.3', '--targets', `npm:x${FORGED}`],
    names: "'--targets'",
  },
];
