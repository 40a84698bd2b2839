/**
 * A real npm registry for tests: Verdaccio 6 (the devDependency), offline (`uplinks: {}`), with
 * htpasswd auth, listening on a free loopback port, storing packages in a temp folder. A user
 * and its token are created the way `npm adduser` does (`PUT /-/user/org.couchdb.user:NAME`).
 *
 * Other tests import `startVerdaccio()`: keep its signature stable.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startProcess } from './process.js';
import { ROOT } from './run-action.js';

export interface Verdaccio {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  /** A token of `user`, valid for publishing. */
  token: string;
  user: string;
  /** Where packages are stored (for audits). */
  storage: string;
  /** Create another user and return its token (e.g. one without rights to a package). */
  addUser(name: string, password?: string): Promise<string>;
  stop(): Promise<void>;
}

export interface VerdaccioOptions {
  user?: string;
  password?: string;
  /** Package patterns that only `user` may publish (others are open to any authenticated user). */
  ownedBy?: string[];
}

function config(dir: string, port: number, options: VerdaccioOptions): string {
  const owned = (options.ownedBy ?? [])
    .map(
      (pattern) =>
        `  '${pattern}':\n    access: $all\n    publish: ${options.user ?? 'ci'}\n    unpublish: ${options.user ?? 'ci'}\n`,
    )
    .join('');
  return `storage: ${join(dir, 'storage')}
auth:
  htpasswd:
    file: ${join(dir, 'htpasswd')}
    max_users: 100
    algorithm: sha1
uplinks: {}
packages:
${owned}  '@*/*':
    access: $all
    publish: $authenticated
    unpublish: $authenticated
  '**':
    access: $all
    publish: $authenticated
    unpublish: $authenticated
listen: 127.0.0.1:${port}
web:
  enable: false
server:
  keepAliveTimeout: 5
log: { type: stdout, format: pretty, level: warn }
`;
}

export async function createUser(url: string, name: string, password = 'test-password-1'): Promise<string> {
  const res = await fetch(`${url}/-/user/org.couchdb.user:${encodeURIComponent(name)}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({
      _id: `org.couchdb.user:${name}`,
      name,
      password,
      type: 'user',
      roles: [],
      date: new Date().toISOString(),
    }),
  });
  const body = (await res.json()) as { token?: string; error?: string };
  if (!res.ok || !body.token)
    throw new Error(`verdaccio refused user ${name}: HTTP ${res.status} ${JSON.stringify(body)}`);
  return body.token;
}

export async function startVerdaccio(options: VerdaccioOptions = {}): Promise<Verdaccio> {
  const dir = mkdtempSync(join(tmpdir(), 'da-verdaccio-'));
  const port = await freePort();
  const configFile = join(dir, 'config.yaml');
  writeFileSync(configFile, config(dir, port, options));
  writeFileSync(join(dir, 'htpasswd'), '');
  const server = await startProcess(
    join(ROOT, 'node_modules', '.bin', 'verdaccio'),
    ['--config', configFile],
    {
      port,
      readyPath: '/-/ping',
      cwd: dir,
      env: { NODE_ENV: 'production' },
    },
  );
  const user = options.user ?? 'ci';
  let token: string;
  try {
    token = await createUser(server.url, user, options.password);
  } catch (caught) {
    await server.stop();
    throw caught;
  }
  return {
    url: server.url,
    token,
    user,
    storage: join(dir, 'storage'),
    addUser: (name, password) => createUser(server.url, name, password),
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
