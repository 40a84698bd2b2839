/**
 * publish-docker build mode through its bundle: a real Docker daemon (Debian's docker.io,
 * private socket) builds `FROM scratch` with a static busybox and pushes to a real registry
 * with basic auth; skopeo checks the tags and the OCI labels.
 *
 * There is no buildx plugin on this machine, so the buildx path is tested by its exact argv:
 * a stand-in `docker` records what it is given and carries it out with docker build + push.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  skopeoDigest,
  skopeoInspect,
  startDockerRegistry,
  type DockerRegistry,
} from '../harness/docker-registry.js';
import { DEBIAN_DOCKER, startDockerd, type Dockerd } from '../harness/dockerd.js';
import { runAction, type ActionRun } from '../harness/run-action.js';

const SHA = '0123456789abcdef0123456789abcdef01234567';

function makeWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'da-docker-ws-'));
  mkdirSync(join(dir, 'image'));
  copyFileSync('/bin/busybox', join(dir, 'image', 'busybox'));
  writeFileSync(
    join(dir, 'image', 'Containerfile'),
    [
      'FROM scratch',
      'COPY busybox /bin/busybox',
      'ARG GREETING=unset',
      'LABEL greeting=$GREETING',
      'CMD ["/bin/busybox", "echo", "hi"]',
      '',
    ].join('\n'),
  );
  return dir;
}

/** A `docker` that has "buildx": it logs each call, then does the build with docker build + push. */
function fakeBuildxDocker(dir: string): { bin: string; log: string } {
  const bin = join(dir, 'bin');
  const log = join(dir, 'docker-calls.log');
  mkdirSync(bin);
  const script = `#!/bin/bash
{ echo "--- call"; echo "DOCKER_CONFIG=$DOCKER_CONFIG"; [ -n "$DOCKER_CONFIG" ] && stat -c 'mode=%a' "$DOCKER_CONFIG/config.json"; printf '%s\\n' "$@"; } >> ${log}
if [ "$1" = buildx ] && [ "$2" = version ]; then echo "github.com/docker/buildx v0.12.0 stand-in"; exit 0; fi
if [ "$1" = buildx ] && [ "$2" = build ]; then
  shift 2; args=(); tag=""
  while [ $# -gt 0 ]; do
    case "$1" in
      --push) shift ;;
      --platform|--metadata-file) shift 2 ;;
      --tag) tag="$2"; args+=("$1" "$2"); shift 2 ;;
      *) args+=("$1"); shift ;;
    esac
  done
  ${DEBIAN_DOCKER} build "\${args[@]}" && exec ${DEBIAN_DOCKER} push "$tag"
fi
exec ${DEBIAN_DOCKER} "$@"
`;
  writeFileSync(join(bin, 'docker'), script);
  chmodSync(join(bin, 'docker'), 0o755);
  return { bin, log };
}

describe('publish-docker, build mode on a real daemon', () => {
  let registry: DockerRegistry;
  let dockerd: Dockerd;
  let workspace: string;

  beforeAll(async () => {
    [registry, dockerd] = await Promise.all([startDockerRegistry({ auth: 'basic' }), startDockerd()]);
    workspace = makeWorkspace();
  });
  afterAll(async () => {
    await dockerd?.stop();
    await registry?.stop();
  });

  const build = (version: string, path: string, extra: Record<string, string> = {}): Promise<ActionRun> =>
    runAction('publish-docker', {
      workspace,
      inputs: {
        image: `${registry.host}/acme/app`,
        version,
        context: 'image',
        file: 'image/Containerfile',
        'build-args': 'GREETING=hello',
        ...extra,
      },
      env: {
        PATH: path,
        DOCKER_HOST: dockerd.host,
        DOCKER_USERNAME: registry.username,
        DOCKER_PASSWORD: registry.password,
        GITHUB_SHA: SHA,
      },
      timeoutMs: 60_000,
    });
  const debianFirst = `${dirname(DEBIAN_DOCKER)}:${process.env.PATH}`;

  test('docker build + docker push (no buildx), then every tag by the registry API, with OCI labels', async () => {
    const run = await build('1.0.0', debianFirst);
    expect(run.annotations.filter((a) => a.level === 'error')).toEqual([]);
    expect(run.outputs.status).toBe('published');
    expect(run.stdout).toContain(
      `docker build --file ${join(workspace, 'image', 'Containerfile')} --tag ${registry.host}/acme/app:1.0.0`,
    );
    expect(run.stdout).toContain(`docker push ${registry.host}/acme/app:1.0.0`);
    const digest = run.outputs.digest;
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    for (const tag of ['1.0.0', '1.0', '1', 'latest'])
      expect([tag, await skopeoDigest(registry, `acme/app:${tag}`)]).toEqual([tag, digest]);
    const labels = (await skopeoInspect(registry, 'acme/app:1.0.0')).Labels as Record<string, string>;
    expect(labels).toEqual({
      greeting: 'hello',
      'org.opencontainers.image.version': '1.0.0',
      'org.opencontainers.image.revision': SHA,
      'org.opencontainers.image.source': 'https://github.com/acme/app',
    });
    // The password went through a private config file only, removed with the run's temp folder.
    expect(run.stdout.replace(/^::add-mask::.*$/gm, '') + run.stderr).not.toContain(registry.password);

    const rerun = await build('1.0.0', debianFirst);
    expect(rerun.outputs.status).toBe('skipped');
    expect(rerun.outputs.digest).toBe(digest);
    expect(rerun.stdout).not.toContain('docker build');
  });

  test('buildx path (argv checked; no buildx plugin on this machine): one buildx build --push, credentials in a 0600 DOCKER_CONFIG', async () => {
    const fake = fakeBuildxDocker(mkdtempSync(join(tmpdir(), 'da-fake-docker-')));
    const run = await build('1.1.0', `${fake.bin}:${debianFirst}`, { platforms: 'linux/amd64' });
    expect(run.annotations.filter((a) => a.level === 'error')).toEqual([]);
    expect(run.outputs.status).toBe('published');
    const calls = readFileSync(fake.log, 'utf8')
      .split('--- call\n')
      .filter(Boolean)
      .map((c) => c.trim().split('\n'));
    const buildxBuild = calls.find((c) => c.includes('build') && c.includes('buildx'))!;
    const [configLine, modeLine, ...argv] = buildxBuild;
    expect(configLine).toMatch(/^DOCKER_CONFIG=.+docker-config$/);
    expect(modeLine).toBe('mode=600');
    expect(argv.slice(0, 2)).toEqual(['buildx', 'build']);
    expect(argv).toEqual([
      'buildx',
      'build',
      '--push',
      '--file',
      join(workspace, 'image', 'Containerfile'),
      '--tag',
      `${registry.host}/acme/app:1.1.0`,
      '--label',
      'org.opencontainers.image.version=1.1.0',
      '--label',
      `org.opencontainers.image.revision=${SHA}`,
      '--label',
      'org.opencontainers.image.source=https://github.com/acme/app',
      '--build-arg',
      'GREETING=hello',
      '--platform',
      'linux/amd64',
      '--metadata-file',
      expect.stringMatching(/buildx-metadata\.json$/),
      join(workspace, 'image'),
    ]);
    expect(calls.flat().join('\n')).not.toContain(registry.password);
    // 1.1.0 is the highest: it takes 1.1, 1 and latest from 1.0.0.
    for (const tag of ['1.1.0', '1.1', '1', 'latest'])
      expect([tag, await skopeoDigest(registry, `acme/app:${tag}`)]).toEqual([tag, run.outputs.digest]);
    expect(await skopeoDigest(registry, 'acme/app:1.0')).not.toBe(run.outputs.digest);
  });
});
