/**
 * The real registries of the fault tests, each behind its own fault proxy: Verdaccio (npm),
 * docker-registry (with `acme/ci:build` pushed, the image the docker publisher copies), the PyPI
 * test server, and where asked the crates and GitHub test servers. `proxies` is keyed by target
 * type (npm, docker, pypi, crates, github-release); `stop()` stops all of them.
 */
import { pushTestImage, startDockerRegistry, type DockerRegistry } from '../harness/docker-registry.js';
import { startVerdaccio, type Verdaccio } from '../harness/verdaccio.js';
import { startCratesServer, type CratesServer } from '../servers/crates.js';
import { startGitHubServer, type GitHubServer } from '../servers/github.js';
import { startPypiServer, type PypiServer } from '../servers/pypi.js';
import { startFaultProxy, type FaultProxy } from './proxy.js';

export interface FaultRegistries {
  verdaccio: Verdaccio;
  docker: DockerRegistry;
  pypi: PypiServer;
  proxies: Record<string, FaultProxy>;
  stop(): Promise<void>;
}

export interface FaultRegistriesWithCratesAndGitHub extends FaultRegistries {
  crates: CratesServer;
  github: GitHubServer;
}

interface Tokens {
  pypi: string;
  crates?: string;
  github?: string;
}

export async function startFaultRegistries(tokens: {
  pypi: string;
  crates: string;
  github: string;
}): Promise<FaultRegistriesWithCratesAndGitHub>;
export async function startFaultRegistries(tokens: { pypi: string }): Promise<FaultRegistries>;
export async function startFaultRegistries(
  tokens: Tokens,
): Promise<FaultRegistries & Partial<FaultRegistriesWithCratesAndGitHub>> {
  const started: { stop(): Promise<void> }[] = [];
  const track = <T extends { stop(): Promise<void> }>(p: Promise<T>) =>
    p.then((server) => (started.push(server), server));
  const stop = async () => {
    await Promise.all(started.map((s) => s.stop()));
  };
  try {
    const [verdaccio, docker, pypi, crates, github] = await Promise.all([
      track(startVerdaccio()),
      track(startDockerRegistry()),
      track(startPypiServer({ token: tokens.pypi })),
      tokens.crates === undefined ? undefined : track(startCratesServer({ token: tokens.crates })),
      tokens.github === undefined ? undefined : track(startGitHubServer({ token: tokens.github })),
    ]);
    const proxies: Record<string, FaultProxy> = {};
    proxies.npm = await track(startFaultProxy(verdaccio.url));
    proxies.docker = await track(startFaultProxy(docker.url));
    proxies.pypi = await track(startFaultProxy(pypi.url));
    if (crates) proxies.crates = await track(startFaultProxy(crates.url));
    if (github) proxies['github-release'] = await track(startFaultProxy(github.url));
    await pushTestImage(docker, 'acme/ci', 'build');
    return { verdaccio, docker, pypi, crates, github, proxies, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
