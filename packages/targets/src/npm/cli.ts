/**
 * Running the npm CLI in a sealed configuration: our own userconfig (0600, in the run's private
 * temp folder) whose auth line reads the token from the environment, an empty globalconfig, a
 * private cache, and none of the caller's npm_config_* variables. The user's ~/.npmrc is never
 * read or written, and the token never appears in argv or in a file.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RegistryError } from '@deploy-actions/action-kit/errors';
import { exec, which, type ExecResult } from '@deploy-actions/action-kit/exec';
import type { Reporter } from '@deploy-actions/action-kit/log';
import { splitUrlCredentials } from '@deploy-actions/action-kit/secrets';
import { registryBase } from './client.js';
import { githubRefusalHint } from './github-packages.js';

/** The variable the userconfig's auth line expands; set only in npm's own environment. */
const TOKEN_VARIABLE = 'NPM_TOKEN';
/** Basic credentials from the registry URL (`user:password@`), base64, for npm's `_auth`. */
const AUTH_VARIABLE = 'NPM_REGISTRY_AUTH';

/** The registry as npm is told it (argv, userconfig): never with the URL's credentials. */
function npmRegistry(registry: string): string {
  return registryBase(splitUrlCredentials(registryBase(registry)).url);
}

/** `user:password` of the registry URL, base64, or undefined when it has none. */
function urlAuth(registry: string): string | undefined {
  const { user, password } = splitUrlCredentials(registryBase(registry));
  return user === undefined ? undefined : Buffer.from(`${user}:${password ?? ''}`).toString('base64');
}

/** `//host[:port]/path/`, the key npm files a registry's credentials under. */
export function nerfDart(registry: string): string {
  const url = new URL(`${npmRegistry(registry)}/`);
  return `//${url.host}${url.pathname}`;
}

/**
 * The userconfig text: the registry, and auth lines that name variables, not the token (nor
 * the password of a registry URL with credentials).
 */
export function userconfigText(registry: string, withToken: boolean): string {
  const lines = [`registry=${npmRegistry(registry)}/`];
  if (urlAuth(registry)) lines.push(`${nerfDart(registry)}:_auth=\${${AUTH_VARIABLE}}`);
  if (withToken) lines.push(`${nerfDart(registry)}:_authToken=\${${TOKEN_VARIABLE}}`);
  return `${lines.join('\n')}\n`;
}

export interface NpmRunner {
  registry: string;
  /** Run `npm <args>` in `cwd`; `token` is handed over through the environment only. */
  run(args: string[], options: { cwd: string; token?: string; reporter?: Reporter }): Promise<ExecResult>;
}

/** Set up a sealed npm for `registry` under `tempDir`. */
export async function npmRunner(
  registry: string,
  tempDir: string,
  baseEnv: NodeJS.ProcessEnv,
): Promise<NpmRunner> {
  const npm = await which('npm');
  if (!npm)
    throw new Error('npm was not found on PATH: install Node.js (actions/setup-node) before this step');
  // One folder per registry: a workspace may send packages to more than one.
  const dir = mkdtempSync(join(tempDir, 'npm-'));
  const files = {
    user: join(dir, 'npmrc-user'),
    userAnon: join(dir, 'npmrc-anonymous'),
    global: join(dir, 'npmrc-global'),
  };
  writeFileSync(files.user, userconfigText(registry, true), { mode: 0o600 });
  writeFileSync(files.userAnon, userconfigText(registry, false), { mode: 0o600 });
  writeFileSync(files.global, '', { mode: 0o600 });
  // Nothing of the caller's npm configuration leaks in: not their variables (setup-node sets
  // NPM_CONFIG_USERCONFIG), not their token variables, not the action's inputs (the token input).
  const env: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(baseEnv)) {
    if (
      /^npm_config_/i.test(key) ||
      /^INPUT_/.test(key) ||
      key === TOKEN_VARIABLE ||
      key === 'NODE_AUTH_TOKEN'
    )
      continue;
    env[key] = value;
  }
  Object.assign(env, {
    npm_config_globalconfig: files.global,
    npm_config_cache: join(dir, 'cache'),
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    // We retry ourselves, after asking the registry whether the upload landed.
    npm_config_fetch_retries: '0',
  });
  return {
    registry: registryBase(registry),
    run: (args, { cwd, token, reporter }) =>
      exec(npm, args, {
        cwd,
        replaceEnv: true,
        env: {
          ...env,
          npm_config_userconfig: token ? files.user : files.userAnon,
          [TOKEN_VARIABLE]: token,
          [AUTH_VARIABLE]: urlAuth(registry),
        },
        onLine: reporter ? (line) => reporter.debug(`npm: ${line}`) : undefined,
      }),
  };
}

/** Flags that pin a command to `registry`, even for a scope a project .npmrc sends elsewhere. */
export function registryFlags(registry: string, packageName: string): string[] {
  const flags = [`--registry=${npmRegistry(registry)}/`, '--workspaces=false'];
  const scope = /^(@[^/]+)\//.exec(packageName)?.[1];
  if (scope) flags.push(`--${scope}:registry=${npmRegistry(registry)}/`);
  return flags;
}

export interface NpmFailure {
  /** npm's error code (E401, EPUBLISHCONFLICT, ECONNRESET...), when it printed one. */
  code?: string;
  /** npm's own words, a few lines, already redacted. */
  summary: string;
}

/** What npm said went wrong, from its `--json` error object or its `npm error` lines. */
export function readNpmFailure(result: ExecResult): NpmFailure {
  const text = `${result.stdout}\n${result.stderr}`;
  const errorLines = result.stderr
    .split('\n')
    .map((l) => /^npm (?:ERR!|error) ?(.*)$/.exec(l)?.[1]?.trim())
    .filter((l): l is string => Boolean(l) && !/^A complete log of this run/.test(l!) && !/^code /.test(l!));
  let code =
    /npm (?:ERR!|error) code (E[A-Z0-9_]+)/.exec(text)?.[1] ?? /"code":\s*"(E[A-Z0-9_]+)"/.exec(text)?.[1];
  let summary = errorLines.slice(0, 3).join(' ');
  const json = /\{\s*"error":\s*\{[\s\S]*?"summary":\s*"((?:[^"\\]|\\.)*)"/.exec(result.stdout);
  if (!summary && json) summary = JSON.parse(`"${json[1]}"`) as string;
  if (!code) code = /\b(E\d{3})\b/.exec(summary)?.[1];
  if (!summary) summary = result.timedOut ? 'npm timed out' : `npm exited with code ${result.code}`;
  return { code, summary };
}

const TRANSIENT =
  /^(E(?:408|429|5\d\d)|ETIMEDOUT|ESOCKETTIMEDOUT|ECONNRESET|ECONNREFUSED|EAI_AGAIN|EPIPE|ECONNABORTED)$/;

export function isTransient(failure: NpmFailure): boolean {
  return (
    (failure.code !== undefined && TRANSIENT.test(failure.code)) ||
    /socket hang up|network timeout|ETIMEDOUT|ECONNRESET/i.test(failure.summary)
  );
}

/** The user's to fix (credentials, permissions, a refused package): a RegistryError with a hint. */
export function registryRefusal(
  registry: string,
  what: string,
  failure: NpmFailure,
  github = false,
): RegistryError | undefined {
  const status = /^E(\d{3})$/.exec(failure.code ?? '')?.[1];
  if (github && ['E401', 'ENEEDAUTH', 'E403', 'E404'].includes(failure.code ?? ''))
    return new RegistryError(
      registry,
      `refused ${what} (${failure.code}): ${failure.summary}`,
      githubRefusalHint(Number(status) || undefined),
      Number(status) || 401,
    );
  if (failure.code === 'E401' || failure.code === 'ENEEDAUTH' || failure.code === 'EOTP')
    return new RegistryError(
      registry,
      `refused the credential for ${what} (${failure.code}): ${failure.summary}`,
      'Check NPM_TOKEN (or the token input): it must be a valid automation or granular token for this registry, without a one-time password.',
      401,
    );
  if (failure.code === 'E403')
    return new RegistryError(
      registry,
      `forbade ${what} (E403): ${failure.summary}`,
      'Check NPM_TOKEN: the token must be allowed to publish this package (and scope), and the name must not belong to someone else.',
      403,
    );
  if (failure.code === 'E404')
    return new RegistryError(
      registry,
      `answered 404 to ${what}: ${failure.summary}`,
      'npm answers 404 when the token may not publish to this scope: check NPM_TOKEN and the scope name.',
      404,
    );
  // 408 and 429 are the registry asking us to come back later: transient, not a refusal.
  if (status && status.startsWith('4') && status !== '408' && status !== '429')
    return new RegistryError(
      registry,
      `refused ${what} (${failure.code}): ${failure.summary}`,
      undefined,
      Number(status),
    );
  if (failure.code === 'EPRIVATE')
    return new RegistryError(
      registry,
      `${what}: ${failure.summary}`,
      'Remove "private": true from package.json, or don\'t publish this package.',
    );
  return undefined;
}
