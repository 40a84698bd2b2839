/**
 * Every local registry of the demo at once, and the example project (examples/acme-app) copied
 * and pointed at them. Shared by `npm run demo`, the release benchmark and the end-to-end
 * audits, so all three release the same thing.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { ROOT } from './run-action.js';
import { startVerdaccio, type Verdaccio } from './verdaccio.js';
import { pushTestImage, startDockerRegistry, type DockerRegistry } from './docker-registry.js';
import { flatpakEnv, tinyRuntime } from './flatpak-runtime.js';
import { startPypiServer, type PypiServer } from '../servers/pypi.js';
import { startCratesServer, type CratesServer } from '../servers/crates.js';
import { startGitHubServer, type GitHubServer } from '../servers/github.js';

export const EXAMPLE = join(ROOT, 'examples', 'acme-app');

export interface DemoRegistries {
  npm: Verdaccio;
  pypi: PypiServer;
  crates: CratesServer;
  docker: DockerRegistry;
  github: GitHubServer;
  /** The credentials, as a workflow passes them from secrets. */
  tokens: { npm: string; pypi: string; crates: string; docker: string; github: string };
  stop(): Promise<void>;
}

export async function startDemoRegistries(): Promise<DemoRegistries> {
  const tokens = {
    pypi: 'pypi-demo-token-7f3a',
    crates: 'crates-demo-token-91bc',
    github: 'ghs_demo_token_5d2e',
  };
  const [npm, pypi, crates, docker, github] = await Promise.all([
    startVerdaccio(),
    startPypiServer({ token: tokens.pypi }),
    startCratesServer({ token: tokens.crates }),
    startDockerRegistry({ auth: 'basic' }),
    startGitHubServer({ token: tokens.github }),
  ]);
  return {
    npm,
    pypi,
    crates,
    docker,
    github,
    tokens: { ...tokens, npm: npm.token, docker: docker.password },
    stop: async () => {
      await Promise.all([npm.stop(), pypi.stop(), crates.stop(), docker.stop(), github.stop()]);
    },
  };
}

export interface PreparedProject {
  dir: string;
  /** The environment a workflow would give the release step: tokens and tool folders. */
  env: Record<string, string>;
  /** The digest of the CI-built image the docker target promotes. */
  sourceDigest: string;
}

/**
 * A copy of the example project at `version` (PEP 440 form for Python), with the CI image
 * pushed and its config pointing at `r`. Its build outputs (wheel, sdist, release archive) are
 * made by the config's `build:` when the release runs.
 * `only` keeps some targets (by name) and drops the others and the deploy section.
 */
export async function prepareExample(
  r: DemoRegistries,
  options: { version?: string; only?: string[]; deploy?: Record<string, unknown>; built?: boolean } = {},
): Promise<PreparedProject> {
  const version = options.version ?? '1.4.0';
  const dir = mkdtempSync(join(tmpdir(), 'acme-app-'));
  cpSync(EXAMPLE, dir, { recursive: true });
  for (const file of ['package.json', 'npm/package.json']) {
    const path = join(dir, file);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/"version": "[^"]+"/, `"version": "${version}"`));
  }
  for (const file of ['python/pyproject.toml', 'rust/Cargo.toml'])
    writeFileSync(
      join(dir, file),
      readFileSync(join(dir, file), 'utf8').replace(/^version = "[^"]+"/m, `version = "${version}"`),
    );
  const metainfo = join(dir, 'packaging/flatpak/com.acme.App.metainfo.xml');
  writeFileSync(
    metainfo,
    readFileSync(metainfo, 'utf8').replace(/release version="[^"]+"/, `release version="${version}"`),
  );

  // The wheel, the sdist and the release archive are made by the config's build: (scripts/build.py),
  // which the release runs before tier 1, as it does from a fresh checkout.
  const image = await pushTestImage(r.docker, 'acme/app-ci', 'build', { content: `acme-app ${version}` });

  const doc = parseDocument(readFileSync(join(dir, '.github', 'deploy-actions.yml'), 'utf8'));
  const registries: Record<string, Record<string, unknown>> = {
    npm: { registry: r.npm.url },
    pypi: { registry: r.pypi.url },
    github: { registry: r.github.url },
    docker: {
      image: `${r.docker.host}/acme/app`,
      source: `${r.docker.host}/acme/app-ci:build`,
      registry: r.docker.url,
    },
    crates: { registry: r.crates.indexUrl, 'registry-name': 'demo', verify: false, 'allow-dirty': true },
  };
  const targets = doc.get('targets') as {
    items: { get(k: string): unknown; set(k: string, v: unknown): void }[];
  };
  for (const target of targets.items)
    for (const [key, value] of Object.entries(registries[String(target.get('name'))] ?? {}))
      target.set(key, value);
  if (options.only) {
    targets.items = targets.items.filter((t) => options.only!.includes(String(t.get('name'))));
    doc.delete('deploy');
  }
  if (options.deploy) doc.set('deploy', doc.createNode(options.deploy));
  writeFileSync(join(dir, '.github', 'deploy-actions.yml'), doc.toString());

  const scratch = mkdtempSync(join(tmpdir(), 'acme-flatpak-'));
  const env: Record<string, string> = {
    NPM_TOKEN: r.tokens.npm,
    PYPI_TOKEN: r.tokens.pypi,
    CARGO_REGISTRY_TOKEN: r.tokens.crates,
    DOCKER_USERNAME: r.docker.username,
    DOCKER_PASSWORD: r.tokens.docker,
    GITHUB_TOKEN: r.tokens.github,
    GITHUB_REPOSITORY: 'acme/app',
    // The flatpak bundle is attached to the GitHub release through the runner's API URL.
    GITHUB_API_URL: r.github.url,
  };
  if (!options.only || options.only.includes('flathub'))
    Object.assign(env, flatpakEnv(tinyRuntime(), scratch));
  if (options.built) buildExample(dir);
  return { dir, env, sourceDigest: image.digest };
}

/**
 * Run the project's `build:` with the CLI bundle, as a fan-out's build job does before the
 * publish jobs download its files: for tests that run one publish action (a spoke) on its own.
 */
export function buildExample(dir: string, version?: string): void {
  execFileSync(
    process.execPath,
    [join(ROOT, 'bin', 'deploy-actions.js'), 'build', ...(version ? ['--version', version] : [])],
    { cwd: dir, stdio: 'pipe', env: { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: tmpdir() } },
  );
}
