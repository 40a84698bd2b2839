/**
 * Put versions into real local registries the way a user's earlier release would have, with
 * each registry's own client or API (npm publish, docker distribution API, ...).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** `npm publish` of a minimal package to a registry, with a private userconfig. */
export function npmPublish(
  registry: string,
  token: string,
  name: string,
  version: string,
  tag?: string,
): void {
  const dir = mkdtempSync(join(tmpdir(), 'da-npm-seed-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version, main: 'index.js' }));
  writeFileSync(join(dir, 'index.js'), `module.exports = ${JSON.stringify(version)};\n`);
  const host = registry.replace(/^https?:/, '').replace(/\/?$/, '/');
  writeFileSync(join(dir, '.npmrc-user'), `registry=${registry}\n${host}:_authToken=\${SEED_TOKEN}\n`, {
    mode: 0o600,
  });
  const env = {
    ...process.env,
    SEED_TOKEN: token,
    npm_config_userconfig: join(dir, '.npmrc-user'),
    npm_config_cache: join(dir, 'cache'),
  };
  const npm = (args: string[]) =>
    execFileSync('npm', [...args, '--registry', registry], { cwd: dir, stdio: 'pipe', env });
  // A loaded machine sometimes drops Verdaccio's keep-alive connection mid-publish (npm: EOF);
  // seeding retries, after checking the version did not land.
  for (let attempt = 1; ; attempt++) {
    try {
      npm(['publish', '--access', 'public', ...(tag ? ['--tag', tag] : [])]);
      return;
    } catch (caught) {
      const landed = (() => {
        try {
          return (
            npm(['view', `${name}@${version}`, 'version'])
              .toString()
              .trim() === version
          );
        } catch {
          return false;
        }
      })();
      if (landed) return;
      if (attempt >= 3) throw caught;
    }
  }
}

/** A file named like a wheel, to seed the PyPI test server. */
export function wheelFile(project: string, version: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'da-pypi-seed-'));
  const path = join(dir, `${project.replace(/-/g, '_')}-${version}-py3-none-any.whl`);
  writeFileSync(path, `wheel of ${project} ${version}`);
  return path;
}
