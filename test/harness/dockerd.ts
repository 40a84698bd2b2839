/**
 * A private Docker daemon (Debian's docker.io 20.10) for build-mode tests: its own socket,
 * data and exec roots in a temp folder, vfs storage, and no networking of its own
 * (--iptables=false, --bridge=none), so it touches nothing on the machine. Builds work
 * `FROM scratch` (no base images offline); pushes to a registry on 127.0.0.1 go over plain
 * HTTP, which Docker allows for loopback.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { startProcess } from './process.js';

export interface Dockerd {
  /** unix:///…/docker.sock, for DOCKER_HOST. */
  host: string;
  output(): string;
  stop(): Promise<void>;
}

/** Debian's CLI, by full path: a newer client elsewhere on PATH may lack what 20.10 has. */
export const DEBIAN_DOCKER = '/usr/bin/docker';

function ping(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ socketPath, path: '/_ping', timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

export async function startDockerd(): Promise<Dockerd> {
  // Short path: the exec root holds unix sockets, whose paths are limited to ~100 bytes.
  const dir = mkdtempSync('/tmp/da-dockerd-');
  const socket = join(dir, 'docker.sock');
  const server = await startProcess(
    'dockerd',
    [
      '--host',
      `unix://${socket}`,
      '--data-root',
      join(dir, 'data'),
      '--exec-root',
      join(dir, 'exec'),
      '--pidfile',
      join(dir, 'docker.pid'),
      '--storage-driver',
      'vfs',
      '--iptables=false',
      '--ip6tables=false',
      '--bridge=none',
    ],
    { port: 0, url: `unix://${socket}`, ready: () => ping(socket), timeoutMs: 30_000 },
  );
  return {
    host: `unix://${socket}`,
    output: server.output,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
