/**
 * The target types and the settings each accepts. One table serves both sources of settings:
 * a target in the config file, and the inputs of the `publish-*` actions (same names).
 */

export const TARGET_TYPES = ['npm', 'pypi', 'crates', 'docker', 'github-release', 'flatpak'] as const;
export type TargetType = (typeof TARGET_TYPES)[number];

export type SettingKind = 'string' | 'bool' | 'int' | 'list' | 'url' | 'path' | readonly string[];
export type SettingValue = string | boolean | number | string[];
export type TargetSettings = Record<string, SettingValue | undefined>;

export interface SettingSpec {
  kind: SettingKind;
  description: string;
  default?: SettingValue;
  required?: boolean;
}

const common = {
  registry: { kind: 'url', description: "The registry's base URL; defaults to the public registry." },
  'token-env': { kind: 'string', description: 'The environment variable that holds the credential.' },
} satisfies Record<string, SettingSpec>;

export const TARGET_SETTINGS: Record<TargetType, Record<string, SettingSpec>> = {
  npm: {
    ...common,
    path: {
      kind: 'path',
      description: 'Folder of the package.json to publish (or of the workspace root).',
      default: '.',
    },
    'dist-tag': {
      kind: 'string',
      description:
        '`auto`: latest only for the highest stable, `next` for prereleases, `vN-latest` / `vN.M-latest` for older lines; else the tag to use.',
      default: 'auto',
    },
    access: { kind: ['public', 'restricted'], description: 'Access level of a scoped package.' },
    provenance: {
      kind: ['auto', 'true', 'false'],
      description: '`auto`: on in GitHub Actions with id-token: write.',
      default: 'auto',
    },
    workspaces: {
      kind: 'bool',
      description: 'Publish every workspace package in dependency order.',
      default: false,
    },
  },
  pypi: {
    ...common,
    dist: { kind: 'list', description: 'Globs of the wheels and sdists to upload.', default: ['dist/*'] },
    package: { kind: 'string', description: "The project name; defaults to the distributions' metadata." },
    'repository-url': {
      kind: 'url',
      description:
        'The upload endpoint; defaults to https://upload.pypi.org/legacy/ for pypi.org, else <registry>/legacy/.',
    },
  },
  crates: {
    ...common,
    // A string, not a url: cargo spells sparse indexes `sparse+https://...`; crates.ts validates it.
    registry: {
      kind: 'string',
      description:
        'The sparse index (sparse+https://host/index/ or https://host/index/); defaults to crates.io.',
    },
    manifest: {
      kind: 'path',
      description: 'Path to the Cargo.toml of the crate or workspace.',
      default: 'Cargo.toml',
    },
    package: {
      kind: 'list',
      description: 'Crates of a workspace to publish; defaults to every publishable one.',
    },
    'registry-name': { kind: 'string', description: 'Name of an alternate registry (cargo --registry).' },
    'index-timeout': {
      kind: 'string',
      description: 'How long to wait for a crate to appear in the index.',
      default: '5m',
    },
    verify: {
      kind: 'bool',
      description: 'Build the packaged crate before uploading, as cargo publish does (false: --no-verify).',
      default: true,
    },
    'allow-dirty': {
      kind: 'bool',
      description: 'Publish even when the git working tree has uncommitted changes (cargo --allow-dirty).',
      default: false,
    },
  },
  docker: {
    ...common,
    registry: {
      kind: 'url',
      description:
        "Where the image's registry is reached instead of the host in `image`, e.g. http://127.0.0.1:5000 (loopback hosts use http by themselves).",
    },
    image: {
      kind: 'string',
      description: 'The image name, e.g. docker.io/acme/app or ghcr.io/acme/app.',
      required: true,
    },
    source: {
      kind: 'string',
      description: 'Promote this already-pushed image (repo:tag or repo@digest) instead of building.',
    },
    context: { kind: 'path', description: 'Build context (build mode).' },
    file: { kind: 'path', description: 'Dockerfile (build mode).' },
    platforms: { kind: 'list', description: 'Target platforms for a multi-arch build (buildx).' },
    'build-args': { kind: 'list', description: 'NAME=value build arguments.' },
    tags: {
      kind: 'list',
      description:
        '`auto` (X.Y.Z; X.Y, X and latest while highest in their line) and/or templates: {{version}}, {{major}}.{{minor}}, {{major}}, latest, literal tags.',
      default: ['auto'],
    },
    username: { kind: 'string', description: 'Registry user name; defaults to $DOCKER_USERNAME.' },
  },
  'github-release': {
    ...common,
    repository: { kind: 'string', description: 'owner/name; defaults to the workflow repository.' },
    assets: { kind: 'list', description: 'Globs of files to attach.' },
    checksums: { kind: 'bool', description: 'Attach a SHA256SUMS file.', default: true },
    draft: { kind: 'bool', description: 'Create the release as a draft.', default: false },
    prerelease: {
      kind: ['auto', 'true', 'false'],
      description: '`auto`: from the version.',
      default: 'auto',
    },
    'make-latest': {
      kind: ['auto', 'true', 'false'],
      description: '`auto`: only for the highest stable.',
      default: 'auto',
    },
    body: { kind: 'string', description: 'Release notes; generated when neither body nor body-file is set.' },
    'body-file': { kind: 'path', description: 'A file with the release notes.' },
  },
  flatpak: {
    ...common,
    registry: {
      kind: 'url',
      description:
        'flat-manager mode: the flat-manager base URL (required). Version checks read <registry>/api/v2/appstream/<app-id>; default https://flathub.org.',
    },
    manifest: {
      kind: 'path',
      description: 'The flatpak-builder manifest (YAML or JSON), inside the workspace.',
      required: true,
    },
    mode: {
      kind: ['bundle', 'flat-manager', 'flathub-pr'],
      description:
        "`bundle`: attach <app-id>-<version>.flatpak to the GitHub release; `flat-manager`: push the build to `registry`; `flathub-pr`: open the version's pull request on the Flathub repository.",
      default: 'bundle',
    },
    'app-id': { kind: 'string', description: 'The application id; defaults to the manifest.' },
    repository: {
      kind: 'string',
      description:
        'bundle: the GitHub repository whose release gets the .flatpak (default: this repository); flathub-pr: the Flathub repository (default: flathub/<app-id>).',
    },
    'flat-manager-repo': {
      kind: 'string',
      description: 'flat-manager: the repository name.',
      default: 'stable',
    },
    branch: {
      kind: 'string',
      description: 'The Flatpak branch, unless the manifest sets `branch`.',
      default: 'stable',
    },
  },
};

/** Keys every target has, outside its settings. */
export const TARGET_KEYS = ['name', 'type', 'tier'] as const;

/** The environment variables that hold credentials by default. */
export const DEFAULT_TOKEN_ENV: Record<TargetType, string[]> = {
  npm: ['NPM_TOKEN', 'NODE_AUTH_TOKEN'],
  pypi: ['PYPI_TOKEN', 'PYPI_API_TOKEN'],
  crates: ['CARGO_REGISTRY_TOKEN'],
  docker: ['DOCKER_PASSWORD'],
  'github-release': ['GITHUB_TOKEN'],
  flatpak: ['FLAT_MANAGER_TOKEN', 'GITHUB_TOKEN'],
};

export const isTargetType = (value: string): value is TargetType =>
  (TARGET_TYPES as readonly string[]).includes(value);
